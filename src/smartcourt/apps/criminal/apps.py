from django.apps import AppConfig


class CriminalConfig(AppConfig):
    name = "smartcourt.apps.criminal"
    label = "criminal"
    verbose_name = "刑事审判辅助"

    def ready(self) -> None:
        from smartcourt.apps.cases.panels import CasePanel, register_panel
        from smartcourt.apps.criminal.selectors import panel_applies

        register_panel(
            CasePanel(
                key="criminal",
                title="量刑辅助与证据指引",
                url_name="criminal:panel",
                applies=panel_applies,
                order=20,
            )
        )
