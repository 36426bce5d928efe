from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "smartcourt.apps.petitions"
    label = "petitions"
    verbose_name = "申诉"

    def ready(self) -> None:
        from smartcourt.apps.cases.panels import CasePanel, register_panel
        from smartcourt.apps.core.navigation import NavEntry, register_nav

        register_nav(
            NavEntry(
                key="petitions",
                label="申诉",
                url_name="petitions:list",
                visible=lambda u: bool(u.is_court_staff or u.is_public_user),
                order=74,
            )
        )
        register_panel(
            CasePanel(
                key="petitions",
                title="申诉",
                url_name="petitions:case_panel",
                applies=lambda case, user: bool(
                    user.is_authenticated
                    and (user.is_court_staff or user.is_public_user)
                    and case.status in ("CLOSED", "ARCHIVED")
                ),
                order=64,
            )
        )
