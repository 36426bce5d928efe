from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "smartcourt.apps.knowledge"
    label = "knowledge"
    verbose_name = "法律知识库"

    def ready(self) -> None:
        from smartcourt.apps.core.navigation import NavEntry, register_nav

        register_nav(
            NavEntry(
                key="knowledge_search",
                label="法律检索",
                url_name="knowledge:search",
                visible=lambda u: True,
                order=70,
            )
        )
