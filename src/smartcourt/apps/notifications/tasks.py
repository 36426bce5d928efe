"""Background sends (django-tasks): one delivery per task, idempotent (a sent delivery is not sent again)."""

from __future__ import annotations

from django_tasks import task


@task()
def delivery_send_task(delivery_id: int) -> str:
    from smartcourt.apps.notifications.services import delivery_send

    return str(delivery_send(delivery_id=delivery_id).status)


@task()
def deliveries_retry_task() -> int:
    from smartcourt.apps.notifications.services import deliveries_retry_due

    return deliveries_retry_due()
