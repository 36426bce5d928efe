from django.apps import AppConfig


class ElementTrialConfig(AppConfig):
    name = "smartcourt.apps.element_trial"
    label = "element_trial"
    verbose_name = "要素式审判"

    def ready(self) -> None:
        from smartcourt.apps.cases.panels import CasePanel, register_panel
        from smartcourt.apps.element_trial.selectors import panel_applies

        register_panel(
            CasePanel(
                key="element_trial",
                title="要素式审判",
                url_name="element_trial:panel",
                applies=panel_applies,
                order=25,
            )
        )
