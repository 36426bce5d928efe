"""Judgments (裁判文书) with the structured fields the legal text engine reads from them.

Rows are written only by ``judgment_services``; the text is parsed by ``smartcourt.engines.text``. A judgment is
keyed by the hash of its text, so importing the same document twice never duplicates it.
"""

from __future__ import annotations

from django.db import models


class CourtLevel(models.TextChoices):
    SUPREME = "supreme", "最高人民法院"
    HIGH = "high", "高级人民法院"
    INTERMEDIATE = "intermediate", "中级人民法院"
    BASIC = "basic", "基层人民法院"


class JudgmentCaseType(models.TextChoices):
    CRIMINAL = "criminal", "刑事"
    CIVIL = "civil", "民事"
    ADMINISTRATIVE = "administrative", "行政"
    ENFORCEMENT = "enforcement", "执行"
    COMPENSATION = "compensation", "国家赔偿"
    OTHER = "other", "其他"


class JudgmentProcedure(models.TextChoices):
    FIRST_INSTANCE = "first_instance", "一审"
    SECOND_INSTANCE = "second_instance", "二审"
    RETRIAL = "retrial", "再审"
    ENFORCEMENT = "enforcement", "执行"
    OTHER = "other", "其他"


class JudgmentDocumentType(models.TextChoices):
    JUDGMENT = "judgment", "判决书"
    RULING = "ruling", "裁定书"
    MEDIATION = "mediation", "调解书"
    DECISION = "decision", "决定书"
    OTHER = "other", "其他"


class Judgment(models.Model):
    """One judgment document and what was read from it.

    ``charges`` are charge names without 罪 (``["盗窃"]``); ``terms`` one entry per defendant
    (``{"defendant", "penalty", "months", "probation_months", "fine", "text"}``); ``cited_articles``
    ``[{"law", "article"}]`` as written; ``amounts`` the sums of money in the facts (yuan, decimal strings).
    """

    title = models.CharField("标题", max_length=300)
    case_number = models.CharField("案号", max_length=100, blank=True, db_index=True)
    court = models.CharField("法院", max_length=100, blank=True)
    court_level = models.CharField("法院层级", max_length=20, choices=CourtLevel.choices, blank=True)
    region = models.CharField("地域", max_length=20, blank=True)
    year = models.PositiveSmallIntegerField("年份", null=True, blank=True)
    decided_on = models.DateField("裁判日期", null=True, blank=True)
    case_type = models.CharField(
        "案件类型", max_length=20, choices=JudgmentCaseType.choices, default=JudgmentCaseType.OTHER
    )
    procedure = models.CharField(
        "审理程序", max_length=20, choices=JudgmentProcedure.choices, default=JudgmentProcedure.OTHER
    )
    document_type = models.CharField(
        "文书类型", max_length=20, choices=JudgmentDocumentType.choices, default=JudgmentDocumentType.OTHER
    )
    cause = models.CharField("案由", max_length=100, blank=True)
    charges = models.JSONField("罪名", default=list, blank=True)
    terms = models.JSONField("刑罚（按被告人）", default=list, blank=True)
    term_months = models.PositiveIntegerField("主刑刑期（月）", null=True, blank=True)
    fine_amount = models.DecimalField("罚金（元）", max_digits=18, decimal_places=2, null=True, blank=True)
    amounts = models.JSONField("涉案金额（元）", default=list, blank=True)
    amount = models.DecimalField("最大涉案金额（元）", max_digits=18, decimal_places=2, null=True, blank=True)
    cited_articles = models.JSONField("引用法条", default=list, blank=True)
    facts = models.TextField("查明事实", blank=True)
    full_text = models.TextField("全文")
    is_guiding = models.BooleanField("指导性案例", default=False)
    source = models.CharField("来源", max_length=300, blank=True)
    external_id = models.CharField("外部编号", max_length=100, blank=True)
    content_hash = models.CharField("内容哈希", max_length=64, unique=True, editable=False)
    indexed_at = models.DateTimeField("索引时间", null=True, blank=True)
    created_at = models.DateTimeField("导入时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "裁判文书"
        verbose_name_plural = "裁判文书"
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["case_type", "year"], name="judgment_type_year")]

    def __str__(self) -> str:
        return self.case_number or self.title
