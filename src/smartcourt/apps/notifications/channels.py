"""Channel adapters: how a message leaves the platform on email, SMS or WeChat.

Each adapter follows :class:`ChannelAdapter`: ``send`` returns the channel's message id or raises
:class:`ChannelError`. Email goes through Django's email backend; SMS and WeChat go to a gateway through
:class:`WebhookAdapter`: an HTTP POST of a JSON body, signed with HMAC-SHA256 over ``"<timestamp>.<body>"``
(headers ``X-Smartcourt-Timestamp`` and ``X-Smartcourt-Signature: sha256=<hex>``), to a URL set per channel in
``settings.SMARTCOURT_NOTIFICATIONS["WEBHOOK_URLS"]``. With no URL configured the channel is not available.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import EmailMessage

_DEFAULTS: dict[str, Any] = {
    "WEBHOOK_URLS": {"SMS": "", "WECHAT": ""},
    "WEBHOOK_SECRET": "",  # empty: derived from SECRET_KEY
    "WEBHOOK_TIMEOUT": 5.0,
    "RATE_LIMITS": {"EMAIL": 30, "SMS": 10, "WECHAT": 30},  # sends per user per hour
    "MAX_ATTEMPTS": 5,
    "RETRY_BASE_SECONDS": 60,
}


def config(name: str) -> Any:
    """A notifications setting: ``settings.SMARTCOURT_NOTIFICATIONS[name]`` or its default."""
    return getattr(settings, "SMARTCOURT_NOTIFICATIONS", {}).get(name, _DEFAULTS[name])


def webhook_secret() -> bytes:
    secret = config("WEBHOOK_SECRET")
    if secret:
        return str(secret).encode("utf-8")
    return hashlib.sha256(b"smartcourt.notifications.webhook:" + settings.SECRET_KEY.encode()).digest()


class ChannelError(Exception):
    """The channel refused or could not take the message; ``message`` says why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ChannelAdapter(Protocol):
    channel: str

    def send(self, *, address: str, subject: str, body: str, reference: str) -> str:
        """Send one message; the channel's message id. Raises :class:`ChannelError`."""
        ...


class EmailAdapter:
    channel = "EMAIL"

    def send(self, *, address: str, subject: str, body: str, reference: str) -> str:
        message_id = f"<{reference}.{uuid.uuid4().hex}@smartcourt>"
        email = EmailMessage(subject=subject, body=body, to=[address], headers={"Message-ID": message_id})
        try:
            sent = email.send(fail_silently=False)
        except Exception as exc:  # SMTP errors, refused recipients, connection failures
            raise ChannelError(f"邮件发送失败：{exc}") from exc
        if sent != 1:
            raise ChannelError("邮件未被邮件服务器接受")
        return message_id


def sign_webhook(body: bytes, timestamp: str, secret: bytes | None = None) -> str:
    """The signature header value of a webhook body: ``sha256=<hex HMAC of "<timestamp>.<body>">``."""
    key = secret if secret is not None else webhook_secret()
    digest = hmac.new(key, timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify_webhook(body: bytes, timestamp: str, signature: str, secret: bytes | None = None) -> bool:
    """Whether ``signature`` is the webhook signature of ``body`` at ``timestamp`` (constant time)."""
    return hmac.compare_digest(sign_webhook(body, timestamp, secret), signature or "")


class WebhookAdapter:
    """SMS or WeChat through a gateway that takes a signed HTTP POST."""

    def __init__(self, channel: str, url: str, *, secret: bytes | None = None, timeout: float = 5.0) -> None:
        self.channel, self.url, self.secret, self.timeout = channel, url, secret, timeout

    def send(self, *, address: str, subject: str, body: str, reference: str) -> str:
        if not self.url:
            raise ChannelError(f"未配置{self.channel}网关地址")
        payload = json.dumps(
            {
                "channel": self.channel,
                "to": address,
                "subject": subject,
                "body": body,
                "reference": reference,
            },
            ensure_ascii=False,
            sort_keys=True,
        ).encode("utf-8")
        timestamp = str(int(time.time()))
        request = urllib.request.Request(
            self.url,
            data=payload,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "X-Smartcourt-Timestamp": timestamp,
                "X-Smartcourt-Signature": sign_webhook(payload, timestamp, self.secret),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (configured URL)
                raw = response.read(64 * 1024)
        except urllib.error.HTTPError as exc:
            raise ChannelError(f"网关拒绝（HTTP {exc.code}）") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise ChannelError(f"网关无法连接：{getattr(exc, 'reason', exc)}") from exc
        try:
            answer = json.loads(raw or b"{}")
        except ValueError:
            answer = {}
        if isinstance(answer, dict) and answer.get("status") == "rejected":
            raise ChannelError(f"网关退回：{answer.get('reason', '地址无效')}")
        return str(answer.get("message_id", "")) if isinstance(answer, dict) else ""


_OVERRIDES: dict[str, Callable[[], ChannelAdapter]] = {}


def adapter_for(channel: str) -> ChannelAdapter:
    """The adapter of an external channel, as configured."""
    if channel in _OVERRIDES:
        return _OVERRIDES[channel]()
    if channel == "EMAIL":
        return EmailAdapter()
    if channel in ("SMS", "WECHAT"):
        return WebhookAdapter(
            channel,
            str(config("WEBHOOK_URLS").get(channel, "")),
            secret=webhook_secret(),
            timeout=float(config("WEBHOOK_TIMEOUT")),
        )
    raise ChannelError(f"未知渠道：{channel}")


def override_adapter(channel: str, factory: Callable[[], ChannelAdapter] | None) -> None:
    """Replace (or, with ``None``, restore) the adapter of a channel: for tests and local simulators."""
    if factory is None:
        _OVERRIDES.pop(channel, None)
    else:
        _OVERRIDES[channel] = factory
