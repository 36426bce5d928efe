"""``smartcourt notifications_retry``: send every failed or rate-limited delivery that is due (run from cron or
beside the worker when the task backend cannot defer)."""

from typing import Any

from django.core.management.base import BaseCommand

from smartcourt.apps.notifications.services import deliveries_retry_due


class Command(BaseCommand):
    help = "重试到期的失败或限流消息投递"

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"retried {deliveries_retry_due()}")
