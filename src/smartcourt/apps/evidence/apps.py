from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "smartcourt.apps.evidence"
    label = "evidence"
    verbose_name = "司法链存证"

    def ready(self) -> None:
        from smartcourt.apps.core.navigation import NavEntry, register_nav

        register_nav(
            NavEntry(
                key="ledger",
                label="司法链存证",
                url_name="evidence:index",
                visible=lambda u: u.court_id is not None,
                order=80,
            )
        )
