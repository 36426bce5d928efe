from django.apps import AppConfig


class PreservationConfig(AppConfig):
    name = "smartcourt.apps.preservation"
    label = "preservation"
    verbose_name = "保全"

    def ready(self) -> None:
        from smartcourt.apps.cases.panels import CasePanel, register_panel
        from smartcourt.apps.core.navigation import NavEntry, register_nav

        register_nav(
            NavEntry(
                key="preservation",
                label="保全",
                url_name="preservation:list",
                visible=lambda u: bool(u.is_court_staff or u.is_public_user),
                order=72,
            )
        )
        register_panel(
            CasePanel(
                key="preservation",
                title="保全",
                url_name="preservation:case_panel",
                applies=lambda case, user: bool(
                    user.is_authenticated and (user.is_court_staff or user.is_public_user)
                ),
                order=62,
            )
        )
