from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "smartcourt.apps.cases"
    label = "cases"
    verbose_name = "案件"

    def ready(self) -> None:
        from smartcourt.apps.accounts.models import REGISTERING_ROLES
        from smartcourt.apps.core.navigation import NavEntry, register_nav

        register_nav(
            NavEntry(
                key="my_cases", label="我的案件", url_name="cases:my_cases", visible=lambda u: True, order=10
            )
        )
        register_nav(
            NavEntry(
                key="case_search", label="案件查询", url_name="cases:search", visible=lambda u: True, order=20
            )
        )
        register_nav(
            NavEntry(
                key="case_register",
                label="立案",
                url_name="cases:register",
                visible=lambda u: u.role in REGISTERING_ROLES,
                order=30,
            )
        )
