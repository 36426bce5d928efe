from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "smartcourt.apps.payments"
    label = "payments"
    verbose_name = "诉讼费缴纳"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from smartcourt.apps.cases.panels import CasePanel, register_panel
        from smartcourt.apps.core.navigation import NavEntry, register_nav
        from smartcourt.apps.payments.models import PaymentCallback

        if auditlog.contains(PaymentCallback):  # the callback log is itself the record
            auditlog.unregister(PaymentCallback)
        register_nav(
            NavEntry(
                key="payments",
                label="诉讼费",
                url_name="payments:my_orders",
                visible=lambda u: True,
                order=70,
            )
        )
        register_panel(
            CasePanel(
                key="payments",
                title="缴费",
                url_name="payments:case_panel",
                applies=lambda case, user: bool(
                    user.is_authenticated and (user.is_court_staff or user.is_public_user)
                ),
                order=60,
            )
        )
