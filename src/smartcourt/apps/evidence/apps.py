from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "smartcourt.apps.evidence"
    label = "evidence"
    verbose_name = "司法链存证"
