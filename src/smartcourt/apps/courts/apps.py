from django.apps import AppConfig


class CourtsConfig(AppConfig):
    name = "smartcourt.apps.courts"
    label = "courts"
    verbose_name = "法院与庭室"
