from django.apps import AppConfig


class CaseFileConfig(AppConfig):
    name = "smartcourt.apps.casefile"
    label = "casefile"
    verbose_name = "电子卷宗"

    def ready(self) -> None:
        from smartcourt.apps.cases.panels import CasePanel, register_panel
        from smartcourt.apps.core.navigation import NavEntry, register_nav

        register_panel(
            CasePanel(
                key="casefile",
                title="电子卷宗",
                url_name="casefile:panel",
                # Court staff of the case's court; parties see nothing here (file review is a later issue).
                applies=lambda case, user: (
                    bool(getattr(user, "is_court_staff", False))
                    and getattr(user, "court_id", None) == case.court_id
                ),
                order=20,
            )
        )
        register_nav(
            NavEntry(
                key="casefile_requests",
                label="远程调卷",
                url_name="casefile:requests",
                visible=lambda u: bool(getattr(u, "is_court_staff", False)) and u.court_id is not None,
                order=85,
            )
        )
