from django.apps import AppConfig


class FilingConfig(AppConfig):
    name = "smartcourt.apps.filing"
    label = "filing"
    verbose_name = "网上立案"

    def ready(self) -> None:
        from smartcourt.apps.accounts.models import Role
        from smartcourt.apps.core.navigation import NavEntry, register_nav

        register_nav(
            NavEntry(
                key="filing",
                label="网上立案",
                url_name="filing:index",
                visible=lambda user: user.role in (Role.LITIGANT, Role.LAWYER),
                order=10,
            )
        )
        register_nav(
            NavEntry(
                key="filing_review",
                label="立案审查",
                url_name="filing:review_queue",
                visible=lambda user: user.role == Role.FILING_OFFICER,
                order=11,
            )
        )
        register_nav(
            NavEntry(
                key="filing_receiving",
                label="跨域立案收件",
                url_name="filing:receiving_queue",
                visible=lambda user: user.role == Role.FILING_OFFICER,
                order=12,
            )
        )
