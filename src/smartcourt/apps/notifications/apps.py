from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "smartcourt.apps.notifications"
    label = "notifications"
    verbose_name = "消息通知"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from smartcourt.apps.core.navigation import NavEntry, register_nav
        from smartcourt.apps.notifications.models import Delivery, RateCounter

        # Counters and delivery attempts are operational rows, not case records: kept out of the audit log.
        for model in (RateCounter, Delivery):
            if auditlog.contains(model):
                auditlog.unregister(model)
        register_nav(
            NavEntry(
                key="inbox",
                label="我的消息",
                url_name="notifications:inbox",
                visible=lambda u: True,
                order=80,
            )
        )
