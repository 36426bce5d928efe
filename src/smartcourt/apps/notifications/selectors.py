"""Reads of notifications: a user's inbox and unread count (a user sees only their own messages)."""

from __future__ import annotations

from django.db.models import QuerySet

from smartcourt.apps.accounts.models import User
from smartcourt.apps.core.errors import NotFoundError
from smartcourt.apps.notifications.error_codes import NotificationErrorCode
from smartcourt.apps.notifications.models import EXTERNAL_CHANNELS, Message, Preference


def message_list(*, user: User, unread_only: bool = False) -> QuerySet[Message]:
    messages = Message.objects.filter(recipient=user)
    return messages.filter(read_at__isnull=True) if unread_only else messages


def unread_count(*, user: User) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Message.objects.filter(recipient=user, read_at__isnull=True).count()


def message_get(*, user: User, message_id: int) -> Message:
    message = Message.objects.filter(recipient=user, pk=message_id).first()
    if message is None:
        raise NotFoundError(NotificationErrorCode.NOT_FOUND, "消息不存在")
    return message


def preferences_of(*, user: User) -> list[dict[str, object]]:
    """Every external channel with the user's setting (off with no address when never set)."""
    from smartcourt.apps.notifications.models import Channel

    stored = {p.channel: p for p in Preference.objects.filter(user=user)}
    out = []
    for channel in EXTERNAL_CHANNELS:
        p = stored.get(channel)
        out.append(
            {
                "channel": str(channel),
                "label": Channel(channel).label,
                "enabled": bool(p and p.enabled),
                "address": p.address if p else "",
            }
        )
    return out
