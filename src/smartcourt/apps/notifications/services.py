"""Writes of notifications: ``notify`` (portal inbox plus the user's external channels), reading, preferences,
sending a delivery under the rate limit, and retrying failed deliveries.

A notification always lands in the portal inbox. For each external channel the user enabled (with an
address), a ``Delivery`` is queued and sent by the ``delivery_send_task`` django-task after commit. A send
first takes one unit of the user's hourly budget on that channel (``RateCounter``, row-locked); over budget,
the delivery waits for the next window. A failed send is recorded (attempts, error) and retried with
exponential backoff up to ``MAX_ATTEMPTS``; ``deliveries_retry_due`` (run by ``smartcourt notifications_retry``
or the worker) re-queues what is due.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone

from smartcourt.apps.accounts.models import User
from smartcourt.apps.core.errors import InvalidInputError, NotFoundError
from smartcourt.apps.notifications.addresses import address_clean
from smartcourt.apps.notifications.channels import ChannelError, adapter_for, config
from smartcourt.apps.notifications.error_codes import NotificationErrorCode
from smartcourt.apps.notifications.models import (
    EXTERNAL_CHANNELS,
    Delivery,
    DeliveryStatus,
    Message,
    Preference,
    RateCounter,
)

EVENTS = {
    "payment_order_created": "交纳诉讼费用通知",
    "payment_received": "缴费成功",
    "refund_issued": "退费通知",
    "relief_decided": "司法救助申请结果",
    "document_served": "电子送达通知",
    "service_postal_fallback": "改为邮寄送达",
    "generic": "通知",
}


def after_commit(fn: Callable[[], None]) -> None:
    """Run ``fn`` once the current transaction commits (at once outside one): sends never see rolled-back rows."""
    transaction.on_commit(fn)


def render_event(*, event: str, context: dict[str, Any]) -> tuple[str, str]:
    """The title (first line) and body of an event's template ``notifications/events/<event>.txt``."""
    if event not in EVENTS:
        raise InvalidInputError(
            NotificationErrorCode.BAD_EVENT, f"未知的通知事件：{event[:40]}", {"field": "event"}
        )
    try:
        text = render_to_string(f"notifications/events/{event}.txt", context).strip()
    except TemplateDoesNotExist:
        text = f"{EVENTS[event]}\n{context.get('body', '')}"
    title, _, body = text.partition("\n")
    return title.strip()[:200] or EVENTS[event], body.strip()[:5000]


def notify(
    *,
    user: User,
    event: str,
    context: dict[str, Any] | None = None,
    case: Any = None,
    link: str = "",
) -> Message:
    """Put a message in ``user``'s portal inbox and queue it on each channel the user enabled."""
    title, body = render_event(event=event, context=dict(context or {}))
    now = timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            recipient=user, event=event, title=title, body=body, link=link[:300], case=case, created_at=now
        )
        prefs = Preference.objects.filter(user=user, enabled=True, channel__in=EXTERNAL_CHANNELS).exclude(
            address=""
        )
        deliveries = [
            Delivery(
                message=message,
                user=user,
                channel=p.channel,
                address=p.address,
                subject=title,
                body=body if not link else f"{body}\n{link}",
                created_at=now,
            )
            for p in prefs
        ]
        Delivery.objects.bulk_create(deliveries)
        ids = list(Delivery.objects.filter(message=message).values_list("pk", flat=True))
        if ids:
            after_commit(lambda: _enqueue(ids))
    return message


def _enqueue(ids: list[int], run_after: datetime | None = None) -> None:
    from smartcourt.apps.notifications.tasks import delivery_send_task

    for pk in ids:
        if run_after is not None and delivery_send_task.get_backend().supports_defer:
            delivery_send_task.using(run_after=run_after).enqueue(pk)
        else:
            delivery_send_task.enqueue(pk)


def message_mark_read(*, message_id: int, user: User) -> Message:
    """Mark one of ``user``'s messages read (the first read time is kept)."""
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id, recipient=user).first()
        if message is None:
            raise NotFoundError(NotificationErrorCode.NOT_FOUND, "消息不存在")
        if message.read_at is None:
            message.read_at = timezone.now()
            message.save(update_fields=["read_at"])
    return message


def messages_mark_all_read(*, user: User) -> int:
    """Mark every unread message of ``user`` read; how many."""
    return Message.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def preference_set(*, user: User, channel: str, enabled: bool, address: str = "") -> Preference:
    """Turn a channel on or off for ``user``; turning it on needs a valid address for the channel."""
    if channel not in EXTERNAL_CHANNELS:
        raise InvalidInputError(
            NotificationErrorCode.BAD_CHANNEL, "只能设置电子邮件、短信或微信渠道", {"field": "channel"}
        )
    clean = address_clean(channel=channel, address=address) if (enabled or address) else ""
    pref, _ = Preference.objects.update_or_create(
        user=user, channel=channel, defaults={"enabled": enabled, "address": clean}
    )
    return pref


def _window(now: datetime) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0)


def rate_limit_take(*, user_id: int, channel: str, now: datetime | None = None) -> bool:
    """Take one send from the user's hourly budget on ``channel``; ``False`` when it is spent.

    Must run inside a transaction: the counter row is locked, so concurrent sends never exceed the limit.
    """
    now = now or timezone.now()
    limit = int(config("RATE_LIMITS").get(channel, 0) or 0)
    if limit <= 0:
        return True
    window = _window(now)
    try:
        with transaction.atomic():
            RateCounter.objects.get_or_create(user_id=user_id, channel=channel, window_start=window)
    except IntegrityError:
        pass  # created concurrently
    counter = RateCounter.objects.select_for_update().get(
        user_id=user_id, channel=channel, window_start=window
    )
    if counter.count >= limit:
        return False
    RateCounter.objects.filter(pk=counter.pk).update(count=F("count") + 1)
    return True


def delivery_send(*, delivery_id: int) -> Delivery:
    """Send one delivery now, under the rate limit; the outcome is recorded on the row. Idempotent.

    Three steps so that no lock is held during the network call: claim the row (``SENDING``, one unit of
    the hourly budget taken), send, record the outcome. A row already ``SENDING`` is left to its sender.
    """
    now = timezone.now()
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None:
            raise NotFoundError(NotificationErrorCode.NOT_FOUND, "投递记录不存在")
        stale = delivery.next_attempt_at is not None and delivery.next_attempt_at <= now
        if delivery.status in (DeliveryStatus.SENT, DeliveryStatus.GAVE_UP) or (
            delivery.status == DeliveryStatus.SENDING and not stale
        ):
            return delivery
        if not rate_limit_take(user_id=delivery.user_id, channel=delivery.channel, now=now):
            delivery.status = DeliveryStatus.RATE_LIMITED
            delivery.next_attempt_at = _window(now) + timedelta(hours=1)
            delivery.last_error = "超出该渠道每小时发送上限，下一时段发送"
            delivery.save(update_fields=["status", "next_attempt_at", "last_error"])
            return delivery
        delivery.attempts += 1
        delivery.status = DeliveryStatus.SENDING
        delivery.next_attempt_at = now + timedelta(minutes=10)  # taken over if the sender dies
        delivery.save(update_fields=["attempts", "status", "next_attempt_at"])
    error = ""
    provider_id = ""
    try:
        provider_id = adapter_for(delivery.channel).send(
            address=delivery.address,
            subject=delivery.subject,
            body=delivery.body,
            reference=f"delivery-{delivery.pk}",
        )
    except ChannelError as exc:
        error = exc.message[:500] or "发送失败"
    done = timezone.now()
    if error:
        delivery.last_error = error
        if delivery.attempts >= int(config("MAX_ATTEMPTS")):
            delivery.status, delivery.next_attempt_at = DeliveryStatus.GAVE_UP, None
        else:
            delivery.status = DeliveryStatus.FAILED
            delay = int(config("RETRY_BASE_SECONDS")) * 2 ** (delivery.attempts - 1)
            delivery.next_attempt_at = done + timedelta(seconds=delay)
    else:
        delivery.status, delivery.sent_at = DeliveryStatus.SENT, done
        delivery.provider_message_id, delivery.next_attempt_at, delivery.last_error = (
            provider_id[:100],
            None,
            "",
        )
    with transaction.atomic():
        delivery.save(
            update_fields=["status", "sent_at", "provider_message_id", "next_attempt_at", "last_error"]
        )
    if delivery.status == DeliveryStatus.FAILED and delivery.next_attempt_at is not None:
        at = delivery.next_attempt_at
        after_commit(lambda: _enqueue_deferred(delivery.pk, at))
    return delivery


def _enqueue_deferred(pk: int, at: datetime) -> None:
    """Queue a retry for later where the backend can defer; else ``deliveries_retry_due`` picks it up."""
    from smartcourt.apps.notifications.tasks import delivery_send_task

    if delivery_send_task.get_backend().supports_defer:
        delivery_send_task.using(run_after=at).enqueue(pk)


def deliveries_retry_due(*, now: datetime | None = None) -> int:
    """Send every failed or rate-limited delivery whose next attempt is due; how many were tried."""
    now = now or timezone.now()
    ids = list(
        Delivery.objects.filter(
            status__in=(
                DeliveryStatus.FAILED,
                DeliveryStatus.RATE_LIMITED,
                DeliveryStatus.PENDING,
                DeliveryStatus.SENDING,
            ),
            next_attempt_at__lte=now,
        ).values_list("pk", flat=True)[:1000]
    )
    for pk in ids:
        delivery_send(delivery_id=pk)
    return len(ids)
