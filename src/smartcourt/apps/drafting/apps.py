from django.apps import AppConfig


class DraftingConfig(AppConfig):
    name = "smartcourt.apps.drafting"
    label = "drafting"
    verbose_name = "文书制作"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from smartcourt.apps.cases.panels import CasePanel, register_panel
        from smartcourt.apps.drafting.models import Draft
        from smartcourt.apps.drafting.selectors import is_drafting_staff

        # Tracked like every model, but without the .docx bytes in each change record (the sha256 is kept).
        auditlog.register(Draft, exclude_fields=["docx"])
        register_panel(
            CasePanel(
                key="drafting",
                title="文书制作",
                url_name="drafting:panel",
                applies=lambda case, user: is_drafting_staff(case=case, viewer=user),
                order=30,
            )
        )
