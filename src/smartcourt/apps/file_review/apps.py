from django.apps import AppConfig


class FileReviewConfig(AppConfig):
    name = "smartcourt.apps.file_review"
    label = "file_review"
    verbose_name = "网上阅卷"

    def ready(self) -> None:
        from smartcourt.apps.cases.panels import CasePanel, register_panel
        from smartcourt.apps.core.navigation import NavEntry, register_nav

        register_nav(
            NavEntry(
                key="file_review",
                label="网上阅卷",
                url_name="file_review:index",
                visible=lambda u: bool(u.is_public_user),
                order=78,
            )
        )
        register_panel(
            CasePanel(
                key="file_review",
                title="网上阅卷",
                url_name="file_review:case_panel",
                applies=lambda case, user: bool(
                    user.is_authenticated
                    and (user.is_public_user or user.is_court_staff or user.is_superuser)
                ),
                order=58,
            )
        )
