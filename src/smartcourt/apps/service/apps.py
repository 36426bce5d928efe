from django.apps import AppConfig


class ServiceConfig(AppConfig):
    name = "smartcourt.apps.service"
    label = "service"
    verbose_name = "电子送达"

    def ready(self) -> None:
        from smartcourt.apps.cases.panels import CasePanel, register_panel
        from smartcourt.apps.core.navigation import NavEntry, register_nav

        register_nav(
            NavEntry(
                key="service",
                label="送达文书",
                url_name="service:my_documents",
                visible=lambda u: True,
                order=75,
            )
        )

        register_panel(
            CasePanel(
                key="service",
                title="送达",
                url_name="service:case_panel",
                applies=lambda case, user: bool(
                    user.is_authenticated and (user.is_court_staff or user.is_public_user)
                ),
                order=55,
            )
        )
