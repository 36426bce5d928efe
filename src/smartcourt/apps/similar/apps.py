from django.apps import AppConfig


class SimilarConfig(AppConfig):
    name = "smartcourt.apps.similar"
    label = "similar"
    verbose_name = "类案推送"

    def ready(self) -> None:
        from smartcourt.apps.cases.panels import CasePanel, register_panel

        register_panel(
            CasePanel(
                key="similar",
                title="类案推送",
                url_name="similar:panel",
                applies=lambda case, user: bool(getattr(user, "is_court_staff", False)),
                order=30,
            )
        )
