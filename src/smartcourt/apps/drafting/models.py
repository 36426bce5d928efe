"""A draft: one version of one document of one case — generated from the case and the judge's inputs, an
edited .docx the judge uploaded, or the result of a one-click fix. Rows are written only by ``services``;
django-auditlog records each (without the file bytes, see ``apps.py``) with the actor set by ``acting_as``."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class DraftOrigin(models.TextChoices):
    GENERATED = "GENERATED", "系统生成"
    UPLOADED = "UPLOADED", "法官上传"
    FIXED = "FIXED", "一键修正"


class Draft(models.Model):
    case = models.ForeignKey(
        "cases.Case", verbose_name="案件", on_delete=models.CASCADE, related_name="drafts"
    )
    # A drafting engine DocumentType value; "" for an uploaded document checked on its own.
    document_type = models.CharField("文书类型", max_length=40, blank=True)
    inputs = models.JSONField("法官填写内容", default=dict, blank=True)
    version = models.PositiveIntegerField("版本")
    origin = models.CharField("来源", max_length=16, choices=DraftOrigin.choices)
    parent = models.ForeignKey(
        "self", verbose_name="前一版本", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField("文件名", max_length=200)
    docx = models.BinaryField("文书（.docx）")
    sha256 = models.CharField("SHA-256", max_length=64)
    warnings = models.JSONField("缺失字段提示", default=list, blank=True)
    material = models.ForeignKey(
        "casefile.Material",
        verbose_name="已存入电子卷宗",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="制作人", on_delete=models.PROTECT)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "文书草稿"
        verbose_name_plural = "文书草稿"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "document_type", "version"], name="draft_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.filename} 第{self.version}版"
