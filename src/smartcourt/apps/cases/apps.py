from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "smartcourt.apps.cases"
    label = "cases"
    verbose_name = "案件"
