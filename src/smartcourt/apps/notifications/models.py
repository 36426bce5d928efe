"""Notifications: the portal inbox (``Message``), per-user channel preferences, deliveries to email, SMS and
WeChat (each attempt counted and its failure kept), and per-user, per-channel hourly counters for rate limits.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Channel(models.TextChoices):
    PORTAL = "PORTAL", "诉讼平台站内信"
    EMAIL = "EMAIL", "电子邮件"
    SMS = "SMS", "短信"
    WECHAT = "WECHAT", "微信"


EXTERNAL_CHANNELS = (Channel.EMAIL, Channel.SMS, Channel.WECHAT)


class Message(models.Model):
    """One message in a user's portal inbox."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="收件人", on_delete=models.CASCADE, related_name="messages"
    )
    event = models.CharField("事件", max_length=40)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("内容", max_length=5000)
    link = models.CharField("链接", max_length=300, blank=True)
    case = models.ForeignKey(
        "cases.Case", verbose_name="案件", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField("发送时间")
    read_at = models.DateTimeField("阅读时间", null=True, blank=True)

    class Meta:
        verbose_name = "站内消息"
        verbose_name_plural = "站内消息"
        ordering = ("-created_at", "-pk")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notif_msg_unread")]

    def __str__(self) -> str:
        return self.title


class Preference(models.Model):
    """Whether a user receives notifications on an external channel, and at which address."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField("渠道", max_length=8, choices=Channel.choices)
    enabled = models.BooleanField("接收", default=True)
    address = models.CharField("地址", max_length=200, blank=True)

    class Meta:
        verbose_name = "通知偏好"
        verbose_name_plural = "通知偏好"
        constraints = [models.UniqueConstraint(fields=["user", "channel"], name="notif_pref_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.channel}"


class DeliveryStatus(models.TextChoices):
    PENDING = "PENDING", "待发送"
    SENDING = "SENDING", "发送中"
    SENT = "SENT", "已发送"
    FAILED = "FAILED", "发送失败（待重试）"
    RATE_LIMITED = "RATE_LIMITED", "超出频率限制（延后发送）"
    GAVE_UP = "GAVE_UP", "发送失败（已放弃）"


class Delivery(models.Model):
    """One message sent (or to be sent) on one external channel; attempts and the last error are kept."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField("渠道", max_length=8, choices=Channel.choices)
    address = models.CharField("地址", max_length=200)
    subject = models.CharField("标题", max_length=200)
    body = models.TextField("内容", max_length=5000)
    status = models.CharField(
        "状态", max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField("尝试次数", default=0)
    last_error = models.CharField("最近错误", max_length=500, blank=True)
    provider_message_id = models.CharField("渠道消息编号", max_length=100, blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "消息投递"
        verbose_name_plural = "消息投递"
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notif_delivery_due")]

    def __str__(self) -> str:
        return f"{self.channel} {self.address} {self.status}"


class RateCounter(models.Model):
    """Sends to one user on one channel within one hour window (the window's start, on the hour)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "channel", "window_start"], name="notif_rate_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.channel} {self.window_start:%Y-%m-%d %H}时 {self.count}"
