"""Electronic service (电子送达) under 《人民法院在线诉讼规则》 (法释〔2021〕12号):

- ``ServiceAddress``: a party's confirmed electronic service address on one channel, with the basis of its
  consent (第二十九条) and how it was confirmed (第三十条);
- ``ServiceRecord``: one document served to one party: the channel, when it reached the address system, when
  it was first read, the served time and the rule that fixes it (第三十一条), the proof of service (电子送达凭证,
  which has the effect of a 送达回证, 第三十一条第三款) with its ledger receipt, or the postal fallback;
- ``ReadReceipt``: every time the recipient opened the document.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ServiceChannel(models.TextChoices):
    PORTAL = "PORTAL", "诉讼平台"
    EMAIL = "EMAIL", "电子邮箱"
    SMS = "SMS", "短信"
    WECHAT = "WECHAT", "微信"
    POSTAL = "POSTAL", "邮寄送达"


ELECTRONIC_CHANNELS = (ServiceChannel.PORTAL, ServiceChannel.EMAIL, ServiceChannel.SMS, ServiceChannel.WECHAT)


class ConsentBasis(models.TextChoices):
    """第二十九条第二款: when the court may find that the recipient consents to electronic service."""

    EXPRESS = "EXPRESS", "受送达人明确表示同意（第二十九条第二款第一项）"
    PRIOR_AGREEMENT = "PRIOR_AGREEMENT", "诉讼前已约定或承诺适用电子送达（第二十九条第二款第二项）"
    IN_PLEADING = "IN_PLEADING", "在起诉状、答辩状等中主动提供电子地址（第二十九条第二款第三项）"
    BY_CONDUCT = "BY_CONDUCT", "回复收悉、参加诉讼等方式接受电子送达（第二十九条第二款第四项）"


class ConfirmMethod(models.TextChoices):
    """第三十条: how the court confirmed consent, channel and address."""

    PHONE = "PHONE", "电话确认"
    ONLINE = "ONLINE", "诉讼平台在线确认"
    FORM = "FORM", "电子送达确认书"


class ServiceAddress(models.Model):
    party = models.ForeignKey(
        "cases.Party", verbose_name="受送达人", on_delete=models.CASCADE, related_name="+"
    )
    channel = models.CharField("方式", max_length=8, choices=ServiceChannel.choices)
    address = models.CharField("电子地址", max_length=200, blank=True)
    consent_basis = models.CharField("同意依据", max_length=16, choices=ConsentBasis.choices)
    confirmed_method = models.CharField("确认方式", max_length=8, choices=ConfirmMethod.choices)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField("确认时间")
    revoked_at = models.DateTimeField("撤回时间", null=True, blank=True)

    class Meta:
        verbose_name = "电子送达地址"
        verbose_name_plural = "电子送达地址"
        constraints = [
            models.UniqueConstraint(
                fields=["party", "channel"],
                condition=models.Q(revoked_at__isnull=True),
                name="service_address_one_active",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.address}"


class ServiceStatus(models.TextChoices):
    PENDING = "PENDING", "发送中"
    SERVED = "SERVED", "已送达"
    AWAITING_ACK = "AWAITING_ACK", "已发送，待受送达人阅知"
    POSTAL = "POSTAL", "电子送达失败，转邮寄送达"


class ServiceRecord(models.Model):
    case = models.ForeignKey("cases.Case", verbose_name="案件", on_delete=models.PROTECT, related_name="+")
    party = models.ForeignKey(
        "cases.Party", verbose_name="受送达人", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("文书名称", max_length=200)
    text = models.TextField("文书内容", max_length=100_000, blank=True)
    document = models.FileField("文书文件", upload_to="service/documents/%Y/", blank=True)
    document_name = models.CharField("文件名", max_length=200, blank=True)
    document_sha256 = models.CharField("文书 SHA-256", max_length=64)
    channel = models.CharField("送达方式", max_length=8, choices=ServiceChannel.choices)
    address = models.CharField("送达地址", max_length=200, blank=True)
    service_address = models.ForeignKey(
        ServiceAddress, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_address = models.BooleanField("向确认的电子地址送达", default=False)
    status = models.CharField(
        "状态", max_length=16, choices=ServiceStatus.choices, default=ServiceStatus.PENDING
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("发送时间")
    reached_at = models.DateTimeField("到达系统时间", null=True, blank=True)
    first_read_at = models.DateTimeField("首次阅读时间", null=True, blank=True)
    served_at = models.DateTimeField("送达时间", null=True, blank=True)
    served_rule = models.CharField("送达时间依据", max_length=200, blank=True)
    provider_message_id = models.CharField("渠道消息编号", max_length=100, blank=True)
    inbox_message = models.ForeignKey(
        "notifications.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    failure_reason = models.CharField("失败原因", max_length=500, blank=True)
    proof = models.FileField("送达回证", upload_to="service/proofs/%Y/", blank=True)
    proof_sha256 = models.CharField("送达回证 SHA-256", max_length=64, blank=True)
    ledger_entry = models.ForeignKey(
        "evidence.EvidenceEntry", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ledger_receipt = models.TextField("司法链回执", blank=True)
    postal_address = models.CharField("邮寄地址", max_length=200, blank=True)
    postal_sheet = models.FileField("邮寄送达地址单", upload_to="service/postal/%Y/", blank=True)

    class Meta:
        verbose_name = "送达记录"
        verbose_name_plural = "送达记录"
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"{self.title} → {self.party_id}"


class ReadReceipt(models.Model):
    record = models.ForeignKey(ServiceRecord, on_delete=models.CASCADE, related_name="read_receipts")
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    read_at = models.DateTimeField("阅读时间")
    source = models.CharField("方式", max_length=20)

    class Meta:
        verbose_name = "阅读回执"
        verbose_name_plural = "阅读回执"
        ordering = ("read_at", "pk")

    def __str__(self) -> str:
        return f"{self.record_id} {self.read_at}"
