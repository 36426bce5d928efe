"""The review log of online file review (网上阅卷): one row for every page image served to a party or counsel.

Rows are written only by ``services``; django-auditlog tracks the model (``AUDITLOG_INCLUDE_ALL_MODELS``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ReviewAction(models.TextChoices):
    VIEW = "VIEW", "查看"
    DOWNLOAD = "DOWNLOAD", "下载"


class ReviewLog(models.Model):
    """Who saw which page of which material of which case, when, and the watermark the image carried."""

    case = models.ForeignKey("cases.Case", verbose_name="案件", on_delete=models.CASCADE, related_name="+")
    material = models.ForeignKey(
        "casefile.Material", verbose_name="材料", on_delete=models.CASCADE, related_name="+"
    )
    page_number = models.PositiveIntegerField("页码（材料内）")
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="阅卷人", on_delete=models.PROTECT, related_name="+"
    )
    viewer_capacity = models.CharField("阅卷身份", max_length=16)  # 当事人 / 诉讼代理人
    action = models.CharField("操作", max_length=16, choices=ReviewAction.choices)
    watermark = models.CharField("水印内容", max_length=200)
    at = models.DateTimeField("时间")
    ip_address = models.GenericIPAddressField("IP 地址", null=True, blank=True)

    class Meta:
        verbose_name = "阅卷记录"
        verbose_name_plural = "阅卷记录"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["case", "-at"], name="file_review_log_case_at")]

    def __str__(self) -> str:
        return f"{self.viewer_id} {self.material_id}#{self.page_number} {self.at:%Y-%m-%d %H:%M}"
