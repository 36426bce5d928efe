from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "smartcourt.apps.audit"
    label = "audit"
    verbose_name = "审计"
