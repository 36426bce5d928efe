"""Criminal case assistance: the sentencing assessment of a case (facts, the judge's overrides) and its
evidence checklist (materials provided per required item, the ready-for-trial mark).

Every row is tracked by django-auditlog (``AUDITLOG_INCLUDE_ALL_MODELS``), so each saved version of the facts
and of the overrides is in the change history with its actor; :class:`SentencingOverride` keeps the judge's
reason with the value before and after.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class FactsSource(models.TextChoices):
    ENTERED = "ENTERED", "法官录入"
    SUMMARY = "SUMMARY", "案情摘要导入"
    GENERATED = "GENERATED", "系统生成示例"


class SentencingAssessment(models.Model):
    """The facts of one criminal case as the judge holds them, the charge assessed and the overrides."""

    case = models.OneToOneField(
        "cases.Case", verbose_name="案件", on_delete=models.CASCADE, related_name="sentencing_assessment"
    )
    charge = models.CharField("评估罪名", max_length=100, blank=True)
    facts = models.TextField("案件事实", blank=True, max_length=20000)
    facts_source = models.CharField(
        "事实来源", max_length=16, choices=FactsSource.choices, default=FactsSource.ENTERED
    )
    province = models.CharField("数额标准省份", max_length=20, blank=True)
    overrides = models.JSONField("人工修正", default=dict, blank=True)
    version = models.PositiveIntegerField("版本", default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="最后修改人", on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField("最后修改时间", auto_now=True)

    class Meta:
        verbose_name = "量刑评估"
        verbose_name_plural = "量刑评估"

    def __str__(self) -> str:
        return f"{self.case_id} 量刑评估 v{self.version}"


class OverrideTarget(models.TextChoices):
    FACT = "FACT", "事实"
    CIRCUMSTANCE = "CIRCUMSTANCE", "量刑情节"
    CHARGE = "CHARGE", "罪名"


class OverrideAction(models.TextChoices):
    SET = "SET", "修改"
    ADD = "ADD", "增加"
    REMOVE = "REMOVE", "删除"
    RESET = "RESET", "恢复自动提取"


class SentencingOverride(models.Model):
    """One change the judge made to an extracted value or circumstance, with the mandatory reason."""

    assessment = models.ForeignKey(
        SentencingAssessment, verbose_name="量刑评估", on_delete=models.CASCADE, related_name="override_log"
    )
    target = models.CharField("对象类型", max_length=16, choices=OverrideTarget.choices)
    name = models.CharField("对象", max_length=40, blank=True)
    label = models.CharField("对象名称", max_length=100, blank=True)
    action = models.CharField("操作", max_length=8, choices=OverrideAction.choices)
    before = models.CharField("修改前", max_length=200, blank=True)
    after = models.CharField("修改后", max_length=200, blank=True)
    reason = models.CharField("理由", max_length=500)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("时间")

    class Meta:
        verbose_name = "量刑人工修正"
        verbose_name_plural = "量刑人工修正"
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="override_reason_required")
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}{self.label}：{self.reason}"


class EvidenceStage(models.TextChoices):
    FILING_REVIEW = "filing_review", "立案审查"
    PRETRIAL = "pretrial", "庭前准备"
    TRIAL = "trial", "庭审"


class EvidenceChecklist(models.Model):
    """The evidence checklist state of a criminal case: its stage and the ready-for-trial mark."""

    case = models.OneToOneField(
        "cases.Case", verbose_name="案件", on_delete=models.CASCADE, related_name="evidence_checklist"
    )
    stage = models.CharField(
        "审理阶段", max_length=16, choices=EvidenceStage.choices, default=EvidenceStage.FILING_REVIEW
    )
    ready_for_trial = models.BooleanField("可开庭审理", default=False)
    ready_marked_at = models.DateTimeField("标记时间", null=True, blank=True)
    ready_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="标记人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    missing_at_ready = models.JSONField("标记时缺少的必备证据", default=list, blank=True)
    missing_reason = models.CharField("缺少必备证据仍标记的理由", max_length=500, blank=True)

    class Meta:
        verbose_name = "证据清单"
        verbose_name_plural = "证据清单"

    def __str__(self) -> str:
        return f"{self.case_id} 证据清单（{self.get_stage_display()}）"


def _material_path(instance: EvidenceMaterial, filename: str) -> str:
    return f"criminal/evidence/{instance.case_id}/{filename}"


class EvidenceMaterial(models.Model):
    """A material provided for a required evidence item (or an extra one): a description, an optional file
    kept in Django storage, or a reference to the case file (kept generic: the case-file app may link it)."""

    case = models.ForeignKey(
        "cases.Case", verbose_name="案件", on_delete=models.CASCADE, related_name="evidence_materials"
    )
    requirement_key = models.CharField("对应证据项", max_length=80, blank=True)
    description = models.CharField("材料说明", max_length=200)
    content = models.TextField("内容摘录", blank=True, max_length=5000)
    file = models.FileField("文件", upload_to=_material_path, blank=True, max_length=300)
    reference = models.CharField("卷宗材料引用", max_length=200, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="添加人", on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField("添加时间")

    class Meta:
        verbose_name = "证据材料"
        verbose_name_plural = "证据材料"
        ordering = ["added_at", "id"]
        indexes = [models.Index(fields=["case", "requirement_key"], name="evidence_material_case_req")]

    def __str__(self) -> str:
        return self.description
