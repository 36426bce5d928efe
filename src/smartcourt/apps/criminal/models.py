"""Criminal case assistance: the sentencing assessment of a case (the facts; per accused and per charge the
judge's overrides) and its evidence checklist (materials provided per required item, the ready-for-trial
mark).

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
    """The facts of one criminal case as the judge holds them; each (accused, charge) assessed from them is a
    :class:`ChargeAssessment`. ``version`` counts every change (facts or overrides)."""

    case = models.OneToOneField(
        "cases.Case", verbose_name="案件", on_delete=models.CASCADE, related_name="sentencing_assessment"
    )
    facts = models.TextField("案件事实", blank=True, max_length=20000)
    facts_source = models.CharField(
        "事实来源", max_length=16, choices=FactsSource.choices, default=FactsSource.ENTERED
    )
    province = models.CharField("数额标准省份", max_length=20, blank=True)
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


class ChargeAssessment(models.Model):
    """What the judge holds for one charge of one accused: the charge assessed when it differs from the
        case's charge at ``charge_index``, and the overrides of facts and circumstances. A row exists once the
        judge changed something; an (accused, charge) without one is assessed as extracted. The charges are the
    case's (every accused is assessed for each); ``excluded`` takes one out for an accused not charged with it.

        Overrides::

            {"facts": {"amount": "5000", "flags": ["home_invasion"]},
             "circumstances": {"surrender": {"action": "ADD", "percent": "20"}, "confession": {"action": "REMOVE"},
                               "restitution": {"action": "SET", "percent": "10"}}}
    """

    assessment = models.ForeignKey(
        SentencingAssessment,
        verbose_name="量刑评估",
        on_delete=models.CASCADE,
        related_name="charge_assessments",
    )
    accused = models.ForeignKey(
        "cases.Party",
        verbose_name="被告人",
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
        help_text="案件未列被告人时为空",
    )
    charge_index = models.PositiveSmallIntegerField("案件罪名序号", default=0)
    charge = models.CharField("评估罪名", max_length=100, blank=True, help_text="为空时按案件所列罪名")
    excluded = models.BooleanField(
        "不予评估", default=False, help_text="该被告人未被指控此罪（法官排除，附理由）"
    )
    overrides = models.JSONField("人工修正", default=dict, blank=True)
    version = models.PositiveIntegerField("版本", default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="最后修改人", on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField("最后修改时间", auto_now=True)

    class Meta:
        verbose_name = "量刑评估（被告人·罪名）"
        verbose_name_plural = "量刑评估（被告人·罪名）"
        ordering = ["assessment", "accused__position", "accused_id", "charge_index"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "accused", "charge_index"], name="charge_assessment_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment.case_id} 被告人{self.accused_id or '—'} 罪名{self.charge_index + 1}"


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
    charge_assessment = models.ForeignKey(
        ChargeAssessment,
        verbose_name="被告人·罪名",
        on_delete=models.CASCADE,
        related_name="override_log",
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
