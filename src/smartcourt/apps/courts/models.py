"""Courts (法院) of the four levels and their departments (庭室)."""

from __future__ import annotations

from django.db import models


class CourtLevel(models.TextChoices):
    SUPREME = "SUPREME", "最高人民法院"
    HIGH = "HIGH", "高级人民法院"
    INTERMEDIATE = "INTERMEDIATE", "中级人民法院"
    BASIC = "BASIC", "基层人民法院"
    SPECIAL = "SPECIAL", "专门人民法院"


class Court(models.Model):
    """A people's court; ``code`` is its 法院代字 used in case numbers (法〔2015〕137号 第五条)."""

    name = models.CharField("名称", max_length=100, unique=True)
    code = models.CharField("法院代字", max_length=16, unique=True)
    level = models.CharField("审级", max_length=16, choices=CourtLevel.choices)
    division_code = models.CharField("行政区划代码", max_length=6, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级法院",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = "法院"
        verbose_name_plural = "法院"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class DepartmentKind(models.TextChoices):
    FILING = "FILING", "立案庭"
    CIVIL = "CIVIL", "民事审判庭"
    CRIMINAL = "CRIMINAL", "刑事审判庭"
    ADMINISTRATIVE = "ADMINISTRATIVE", "行政审判庭"
    ENFORCEMENT = "ENFORCEMENT", "执行局"
    CASE_MANAGEMENT = "CASE_MANAGEMENT", "审判管理办公室"
    IT = "IT", "信息技术中心"
    LEADERSHIP = "LEADERSHIP", "院领导"
    OTHER = "OTHER", "其他"


class Department(models.Model):
    """A department (庭室) of a court, e.g. 民一庭 of kind CIVIL."""

    court = models.ForeignKey(
        Court, verbose_name="法院", on_delete=models.CASCADE, related_name="departments"
    )
    name = models.CharField("名称", max_length=50)
    kind = models.CharField("类别", max_length=20, choices=DepartmentKind.choices)

    class Meta:
        verbose_name = "庭室"
        verbose_name_plural = "庭室"
        ordering = ["court", "name"]
        constraints = [
            models.UniqueConstraint(fields=["court", "name"], name="department_unique_name_per_court")
        ]

    def __str__(self) -> str:
        return f"{self.court.name}{self.name}"
