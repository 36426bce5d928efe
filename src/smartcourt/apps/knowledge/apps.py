from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "smartcourt.apps.knowledge"
    label = "knowledge"
    verbose_name = "法律知识库"
