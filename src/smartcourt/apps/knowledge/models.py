"""Laws (法律、司法解释、法规) at article level: the law, its versions (texts by issue date), their articles.

Rows are written only by ``services.law_import`` / ``services.law_import_shipped``; the text and the parsing
come from the laws engine (``smartcourt.engines.laws``).
"""

from __future__ import annotations

from django.db import models


class Law(models.Model):
    """A law with its names: ``title`` (全称), ``short_name`` (``刑法``) and ``aliases`` (``["刑法"]``)."""

    title = models.CharField("标题", max_length=200, unique=True)
    short_name = models.CharField("简称", max_length=100, blank=True, db_index=True)
    aliases = models.JSONField("别名", default=list, blank=True)
    name_key = models.CharField("名称检索键", max_length=200, db_index=True, editable=False)
    kind = models.CharField("类别", max_length=20, blank=True)  # 法律、司法解释、行政法规……
    folder = models.CharField("目录", max_length=100, blank=True)
    source = models.CharField("来源", max_length=300, blank=True)
    repealed_on = models.DateField("废止日期", null=True, blank=True)

    class Meta:
        verbose_name = "法律"
        verbose_name_plural = "法律"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class LawVersion(models.Model):
    """One text of a law; ``label`` is its issue date (ISO), ``""`` when the file gives none."""

    law = models.ForeignKey(Law, verbose_name="法律", on_delete=models.CASCADE, related_name="versions")
    label = models.CharField("版本", max_length=20, blank=True)
    issued_on = models.DateField("公布日期", null=True, blank=True)
    effective_on = models.DateField("施行日期", null=True, blank=True)
    repealed_on = models.DateField("失效日期", null=True, blank=True)
    source_file = models.CharField("来源文件", max_length=300, blank=True)

    class Meta:
        verbose_name = "法律版本"
        verbose_name_plural = "法律版本"
        ordering = ["law", "issued_on"]
        constraints = [models.UniqueConstraint(fields=["law", "label"], name="lawversion_unique_label")]

    def __str__(self) -> str:
        return f"{self.law.title}（{self.label or '版本不详'}）"


class Article(models.Model):
    """One 条: ``number`` and ``suffix`` (``第一百三十三条之一`` → 133, 1), chapter path, 款 with their 项.

    ``paragraphs`` is ``[{"text": "…", "items": ["（一）…", …]}, …]``; ``text`` the whole article.
    """

    version = models.ForeignKey(
        LawVersion, verbose_name="版本", on_delete=models.CASCADE, related_name="articles"
    )
    number = models.PositiveIntegerField("条号")
    suffix = models.PositiveSmallIntegerField("之", default=0)
    number_chinese = models.CharField("条号（中文）", max_length=40)
    chapter_path = models.CharField("所在编章节", max_length=300, blank=True)
    chapter = models.CharField("章", max_length=100, blank=True)
    section = models.CharField("节", max_length=100, blank=True)
    text = models.TextField("条文")
    paragraphs = models.JSONField("款项", default=list)
    deleted = models.BooleanField("已删去", default=False)

    class Meta:
        verbose_name = "法条"
        verbose_name_plural = "法条"
        ordering = ["version", "number", "suffix"]
        # The unique constraint's index serves the (version, number, suffix) lookups; no second index.
        constraints = [
            models.UniqueConstraint(fields=["version", "number", "suffix"], name="article_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.version.law.title}{self.number_chinese}"


# Judgments live in their own module; re-exported here so Django finds them.
from smartcourt.apps.knowledge.judgment_models import (  # noqa: E402
    CourtLevel,
    Judgment,
    JudgmentCaseType,
    JudgmentDocumentType,
    JudgmentProcedure,
)

__all__ = [
    "Article",
    "CourtLevel",
    "Judgment",
    "JudgmentCaseType",
    "JudgmentDocumentType",
    "JudgmentProcedure",
    "Law",
    "LawVersion",
]
