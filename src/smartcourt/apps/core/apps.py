from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "smartcourt.apps.core"
    label = "core"
    verbose_name = "平台公共"
