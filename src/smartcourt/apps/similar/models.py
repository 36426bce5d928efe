"""What was pushed to a judge and what the judge compared: a similar-case search of a case (the facts used
and a snapshot of the neighbours with their reasons) and the deviation checks of draft outcomes against it.

Rows are written only by ``services``; django-auditlog tracks them (``AUDITLOG_INCLUDE_ALL_MODELS``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class OutcomeKind(models.TextChoices):
    TERM_MONTHS = "term_months", "刑期（月）"
    FINE = "fine", "罚金（元）"
    AWARD = "award", "判决给付金额（元）"
    COST_RATIO = "cost_ratio", "诉讼费被告负担比例（0–1）"


class SimilarSearch(models.Model):
    """One similar-case push for a case: the facts profiled, the charges or cause used and where they came
    from, and the neighbours as shown (``results``: list of dicts with judgment id, title, scores, reasons)."""

    case = models.ForeignKey(
        "cases.Case", verbose_name="案件", on_delete=models.CASCADE, related_name="similar_searches"
    )
    facts = models.TextField("案情事实", max_length=50000)
    charges = models.JSONField("罪名", default=list, blank=True)
    charge_source = models.CharField("罪名来源", max_length=20, blank=True)
    cause = models.CharField("案由", max_length=100, blank=True)
    top = models.PositiveSmallIntegerField("推送数量", default=10)
    results = models.JSONField("推送结果", default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="检索人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("检索时间", auto_now_add=True)

    class Meta:
        verbose_name = "类案检索"
        verbose_name_plural = "类案检索"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.case}的类案检索（{self.created_at:%Y-%m-%d %H:%M}）"


class OutcomeCheck(models.Model):
    """A draft outcome compared with the similar cases' outcomes (偏离度预警)."""

    case = models.ForeignKey(
        "cases.Case", verbose_name="案件", on_delete=models.CASCADE, related_name="outcome_checks"
    )
    search = models.ForeignKey(
        SimilarSearch,
        verbose_name="类案检索",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checks",
    )
    kind = models.CharField("结果类型", max_length=20, choices=OutcomeKind.choices)
    draft = models.DecimalField("拟定结果", max_digits=18, decimal_places=2)
    n = models.PositiveIntegerField("类案结果数")
    percentile = models.FloatField("百分位")
    low = models.FloatField("通常范围下限")
    high = models.FloatField("通常范围上限")
    warn = models.BooleanField("偏离预警")
    direction = models.CharField("偏离方向", max_length=10)
    message = models.CharField("说明", max_length=300)
    distribution = models.JSONField("分布", default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="检查人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("检查时间", auto_now_add=True)

    class Meta:
        verbose_name = "偏离度检查"
        verbose_name_plural = "偏离度检查"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.message
