"""The element table (要素表) of a civil case: the texts it was built from, one row per element of the cause's
schema (the adopted value and status, what the engine extracted, the spans it came from, the judge's note),
the judge's calculation figures, and every change the judge made with its reason.

Rows are written only by ``services``; every model is tracked by django-auditlog
(``AUDITLOG_INCLUDE_ALL_MODELS``) with the actor set by ``acting_as``, and :class:`ElementChange` keeps the
reason with the value before and after.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from smartcourt.engines.elements import Cause, Status


class ElementStatus(models.TextChoices):
    AGREED = Status.AGREED.value, Status.AGREED.label
    DISPUTED = Status.DISPUTED.value, Status.DISPUTED.label
    NOT_MENTIONED = Status.NOT_MENTIONED.value, Status.NOT_MENTIONED.label


CAUSE_CHOICES = [(c.value, c.label) for c in Cause]


class TextSource(models.TextChoices):
    CASE_FILE = "CASE_FILE", "电子卷宗"
    PASTED = "PASTED", "法官录入"
    GENERATED = "GENERATED", "系统生成示例"


class ElementSheet(models.Model):
    """The element table of one case (one per case; rebuilt in place, each build a new ``version``)."""

    case = models.OneToOneField(
        "cases.Case", verbose_name="案件", on_delete=models.CASCADE, related_name="element_sheet"
    )
    cause = models.CharField("案由", max_length=32, choices=CAUSE_CHOICES)
    complaint = models.TextField("起诉状文本", blank=True)
    answer = models.TextField("答辩状文本", blank=True)
    evidence = models.JSONField("证据文本", default=list, blank=True)
    text_source = models.CharField("文本来源", max_length=16, choices=TextSource.choices)
    documents = models.JSONField("取自电子卷宗的材料", default=list, blank=True)
    notes = models.JSONField("提取说明", default=list, blank=True)
    figures = models.JSONField("计算参数（法官填写）", default=dict, blank=True)
    version = models.PositiveIntegerField("版本", default=1)
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="生成人", on_delete=models.PROTECT, related_name="+"
    )
    built_at = models.DateTimeField("生成时间")
    updated_at = models.DateTimeField("最后修改时间", auto_now=True)

    class Meta:
        verbose_name = "要素表"
        verbose_name_plural = "要素表"

    def __str__(self) -> str:
        return f"{self.case_id} 要素表 v{self.version}"


class ElementEntry(models.Model):
    """One row: the adopted ``value`` and ``status`` (extracted, or the judge's) beside what was extracted."""

    sheet = models.ForeignKey(
        ElementSheet, verbose_name="要素表", on_delete=models.CASCADE, related_name="rows"
    )
    position = models.PositiveIntegerField("顺序")
    key = models.CharField("要素", max_length=40)
    label = models.CharField("要素名称", max_length=60)
    kind = models.CharField("类型", max_length=16)
    basis = models.JSONField("依据", default=list, blank=True)
    value = models.CharField("采用值", max_length=500, blank=True)
    status = models.CharField("状态", max_length=16, choices=ElementStatus.choices)
    extracted_value = models.CharField("提取值", max_length=500, blank=True)
    extracted_status = models.CharField("提取状态", max_length=16, choices=ElementStatus.choices)
    defendant_position = models.TextField("被告意见", blank=True)
    status_cue = models.CharField("状态依据", max_length=200, blank=True)
    sources = models.JSONField("原文位置", default=list, blank=True)
    note = models.CharField("法官备注", max_length=500, blank=True)
    edited = models.BooleanField("经法官修改", default=False)

    class Meta:
        verbose_name = "要素"
        verbose_name_plural = "要素"
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "key"], name="element_entry_key_unique"),
            models.CheckConstraint(
                condition=models.Q(status__in=ElementStatus.values), name="element_entry_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}：{self.value or '—'}（{self.get_status_display()}）"


class ElementChange(models.Model):
    """One change the judge made to a row (value, status or note), with the mandatory reason."""

    sheet = models.ForeignKey(
        ElementSheet, verbose_name="要素表", on_delete=models.CASCADE, related_name="changes"
    )
    key = models.CharField("要素", max_length=40)
    label = models.CharField("要素名称", max_length=60)
    field = models.CharField("修改项", max_length=16)  # value / status / note
    before = models.CharField("修改前", max_length=500, blank=True)
    after = models.CharField("修改后", max_length=500, blank=True)
    reason = models.CharField("理由", max_length=500)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("时间")

    class Meta:
        verbose_name = "要素修改记录"
        verbose_name_plural = "要素修改记录"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="element_change_reason_required")
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.field}：{self.before} → {self.after}（{self.reason}）"

    def _display(self, value: str) -> str:
        if self.field == "status" and value in ElementStatus.values:
            return str(ElementStatus(value).label)
        return value

    @property
    def before_display(self) -> str:
        return self._display(self.before)

    @property
    def after_display(self) -> str:
        return self._display(self.after)
