from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "smartcourt.apps.evidence"
    label = "evidence"
    verbose_name = "司法链存证"

    def ready(self) -> None:
        from auditlog.models import LogEntry
        from django.db.models.signals import post_save

        from smartcourt.apps.core.navigation import NavEntry, register_nav
        from smartcourt.apps.evidence.tasks import audit_chain_schedule

        # every committed audit record is chained into the platform log by a background task
        post_save.connect(audit_chain_schedule, sender=LogEntry, dispatch_uid="evidence.audit_chain")

        register_nav(
            NavEntry(
                key="ledger",
                label="司法链存证",
                url_name="evidence:index",
                visible=lambda u: u.court_id is not None,
                order=80,
            )
        )
