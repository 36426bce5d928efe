"""Inbox, preferences, channel adapters (email backend, signed webhooks to a loopback gateway), rate limits,
failures recorded and retried."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from smartcourt.apps.core.errors import InvalidInputError, NotFoundError
from smartcourt.apps.notifications import selectors, services
from smartcourt.apps.notifications.channels import ChannelError, WebhookAdapter, sign_webhook, verify_webhook
from smartcourt.apps.notifications.models import Delivery, DeliveryStatus, Message, Preference, RateCounter

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_inbox_unread_and_mark_read(world):
    m1 = services.notify(
        user=world.litigant, event="generic", context={"title": "开庭提醒", "body": "明天开庭"}
    )
    services.notify(user=world.litigant, event="generic", context={"title": "第二条", "body": "x"})
    assert m1.title == "开庭提醒"
    assert selectors.unread_count(user=world.litigant) == 2
    services.message_mark_read(message_id=m1.pk, user=world.litigant)
    assert selectors.unread_count(user=world.litigant) == 1
    with pytest.raises(NotFoundError):  # not one's own
        services.message_mark_read(message_id=m1.pk, user=world.stranger)
    page = _client(world.litigant).get("/messages/").content.decode()
    assert "1 条未读" in page and "开庭提醒" in page
    assert _client(world.stranger).post(f"/messages/{m1.pk}/read/").status_code == 404
    api = _client(world.litigant)
    assert api.get("/api/v1/notifications/messages/unread-count").json() == {"unread": 1}
    assert api.get("/api/v1/notifications/messages?unread=true").json()["count"] == 1
    assert _client(world.stranger).get("/api/v1/notifications/messages").json()["count"] == 0


def test_unknown_event_refused(world):
    with pytest.raises(InvalidInputError):
        services.notify(user=world.litigant, event="nope", context={})
    assert Message.objects.count() == 0


def test_email_preference_sends_through_django_backend(world):
    services.preference_set(user=world.litigant, channel="EMAIL", enabled=True, address="Party@Example.com")
    services.notify(
        user=world.litigant, event="generic", context={"title": "通知", "body": "内容"}, link="/x/"
    )
    d = Delivery.objects.get()
    assert (d.status, d.address, d.attempts) == (DeliveryStatus.SENT, "party@example.com", 1)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["party@example.com"]
    assert "内容" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("channel", "address"), [("EMAIL", "not-an-email"), ("SMS", "12345"), ("WECHAT", "a b"), ("FAX", "1")]
)
def test_bad_preferences_refused(world, channel, address):
    with pytest.raises(InvalidInputError):
        services.preference_set(user=world.litigant, channel=channel, enabled=True, address=address)
    assert Preference.objects.count() == 0


def test_preferences_api_bad_input(world):
    c = _client(world.litigant)
    r = c.put(
        "/api/v1/notifications/preferences",
        {"channel": "SMS", "enabled": True, "address": "1"},
        content_type="application/json",
    )
    assert r.status_code == 400
    assert r.json()["detail"] == {"field": "address"}
    r = c.put(
        "/api/v1/notifications/preferences",
        {"channel": "SMS", "enabled": True, "address": "13800138000"},
        content_type="application/json",
    )
    assert r.status_code == 200
    assert [p for p in r.json() if p["channel"] == "SMS"][0]["enabled"] is True


def test_sms_and_wechat_through_signed_webhook(world, gateway):
    services.preference_set(user=world.litigant, channel="SMS", enabled=True, address="13800138000")
    services.preference_set(user=world.litigant, channel="WECHAT", enabled=True, address="oWx_abc123")
    services.notify(user=world.litigant, event="generic", context={"title": "通知", "body": "内容"})
    assert sorted(r["channel"] for r in gateway.received) == ["SMS", "WECHAT"]
    assert gateway.bad_signatures == 0
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    assert set(Delivery.objects.values_list("provider_message_id", flat=True)) <= {"gw-1", "gw-2"}


def test_webhook_with_wrong_key_is_refused_by_gateway(world, gateway):
    adapter = WebhookAdapter("SMS", gateway.url, secret=b"wrong")
    with pytest.raises(ChannelError):
        adapter.send(address="13800138000", subject="s", body="b", reference="r")
    assert gateway.bad_signatures == 1
    assert verify_webhook(b"{}", "1", sign_webhook(b"{}", "1"))
    assert not verify_webhook(b"{}", "2", sign_webhook(b"{}", "1"))


def test_rate_limit_per_user_and_channel(world, gateway):
    services.preference_set(user=world.litigant, channel="SMS", enabled=True, address="13800138000")
    services.preference_set(user=world.lawyer, channel="SMS", enabled=True, address="13900139000")
    for i in range(4):
        services.notify(user=world.litigant, event="generic", context={"title": f"t{i}", "body": "b"})
    services.notify(user=world.lawyer, event="generic", context={"title": "other", "body": "b"})
    statuses = list(
        Delivery.objects.filter(user=world.litigant).order_by("pk").values_list("status", flat=True)
    )
    assert statuses == [
        DeliveryStatus.SENT,
        DeliveryStatus.SENT,
        DeliveryStatus.RATE_LIMITED,
        DeliveryStatus.RATE_LIMITED,
    ]
    assert Delivery.objects.get(user=world.lawyer).status == DeliveryStatus.SENT  # another user's budget
    assert len(gateway.received) == 3
    assert RateCounter.objects.get(user=world.litigant, channel="SMS").count == 2
    # the next hour: the held deliveries go out
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        assert services.deliveries_retry_due() == 2
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    assert len(gateway.received) == 5


def test_failure_recorded_then_retried_then_given_up(world, gateway, settings):
    settings.SMARTCOURT_NOTIFICATIONS["RATE_LIMITS"]["WECHAT"] = 100  # failed attempts count too
    services.preference_set(user=world.litigant, channel="WECHAT", enabled=True, address="oWx_abc123")
    gateway.fail_next = 1
    services.notify(user=world.litigant, event="generic", context={"title": "t", "body": "b"})
    d = Delivery.objects.get()
    assert (d.status, d.attempts) == (DeliveryStatus.FAILED, 1)
    assert "503" in d.last_error
    assert services.deliveries_retry_due() == 0  # not yet due
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert services.deliveries_retry_due() == 1
    d.refresh_from_db()
    assert (d.status, d.attempts, d.last_error) == (DeliveryStatus.SENT, 2, "")
    # a gateway that is down: attempts run out
    gateway.fail_next = 10
    services.notify(user=world.litigant, event="generic", context={"title": "t2", "body": "b"})
    d2 = Delivery.objects.exclude(pk=d.pk).get()
    for minutes in (2, 5):
        with time_machine.travel(timezone.now() + timedelta(minutes=minutes)):
            services.deliveries_retry_due()
    d2.refresh_from_db()
    assert (d2.status, d2.attempts, d2.next_attempt_at) == (DeliveryStatus.GAVE_UP, 3, None)


def test_sent_delivery_not_sent_twice(world, gateway):
    services.preference_set(user=world.litigant, channel="SMS", enabled=True, address="13800138000")
    services.notify(user=world.litigant, event="generic", context={"title": "t", "body": "b"})
    d = Delivery.objects.get()
    services.delivery_send(delivery_id=d.pk)
    assert len(gateway.received) == 1


def test_preferences_page(world):
    c = _client(world.litigant)
    r = c.post("/messages/preferences/", {"EMAIL_enabled": "on", "EMAIL_address": "bad"})
    assert r.status_code == 200
    assert "电子邮箱" in r.content.decode() and "格式不正确" in r.content.decode()
    r = c.post("/messages/preferences/", {"EMAIL_enabled": "on", "EMAIL_address": "a@example.com"})
    assert r.status_code == 302
    assert Preference.objects.get(user=world.litigant, channel="EMAIL").enabled is True
