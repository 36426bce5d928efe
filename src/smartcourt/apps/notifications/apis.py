"""Notification endpoints: the signed-in user's inbox, unread count, marking read, channel preferences."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from smartcourt.apps.notifications import selectors, services
from smartcourt.apps.notifications.models import Message

router = Router()


class MessageOut(Schema):
    id: int
    event: str
    title: str
    body: str
    link: str
    case_id: int | None
    created_at: datetime
    read_at: datetime | None


class UnreadOut(Schema):
    unread: int


class PreferenceIn(Schema):
    channel: str
    enabled: bool
    address: str = ""


class PreferenceOut(Schema):
    channel: str
    label: str
    enabled: bool
    address: str


@router.get("/messages", response=list[MessageOut], summary="我的消息")
@paginate(LimitOffsetPagination)
def messages(request: HttpRequest, unread: bool = False) -> object:
    return selectors.message_list(user=request.user, unread_only=unread)


@router.get("/messages/unread-count", response=UnreadOut, summary="未读消息数")
def unread_count(request: HttpRequest) -> dict[str, int]:
    return {"unread": selectors.unread_count(user=request.user)}


@router.post("/messages/{message_id}/read", response=MessageOut, summary="标为已读")
def mark_read(request: HttpRequest, message_id: int) -> Message:
    return services.message_mark_read(message_id=message_id, user=request.user)


@router.get("/preferences", response=list[PreferenceOut], summary="通知渠道设置")
def preferences(request: HttpRequest) -> object:
    return selectors.preferences_of(user=request.user)


@router.put("/preferences", response=list[PreferenceOut], summary="设置一个通知渠道")
def preference_set(request: HttpRequest, payload: PreferenceIn) -> object:
    services.preference_set(
        user=request.user,
        channel=payload.channel,
        enabled=payload.enabled,
        address=payload.address,
    )
    return selectors.preferences_of(user=request.user)
