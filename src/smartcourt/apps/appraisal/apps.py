from django.apps import AppConfig


class AppraisalConfig(AppConfig):
    name = "smartcourt.apps.appraisal"
    label = "appraisal"
    verbose_name = "司法鉴定"

    def ready(self) -> None:
        from smartcourt.apps.cases.panels import CasePanel, register_panel
        from smartcourt.apps.core.navigation import NavEntry, register_nav

        register_nav(
            NavEntry(
                key="appraisal",
                label="司法鉴定",
                url_name="appraisal:list",
                visible=lambda u: bool(u.is_court_staff or u.is_public_user),
                order=73,
            )
        )
        register_panel(
            CasePanel(
                key="appraisal",
                title="司法鉴定",
                url_name="appraisal:case_panel",
                applies=lambda case, user: bool(
                    user.is_authenticated and (user.is_court_staff or user.is_public_user)
                ),
                order=63,
            )
        )
