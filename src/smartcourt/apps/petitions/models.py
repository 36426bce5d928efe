"""Petitions (申诉) against an effective judgment or ruling: filed by a party, registered by the court, reviewed
by an assigned judge, decided with reasons. 申请再审 as a filing is ``filing``'s; this is the 申诉 channel.

States and their rules are in ``rules.py``; writes go through ``services``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PetitionStatus(models.TextChoices):
    SUBMITTED = "SUBMITTED", "已提交"
    REGISTERED = "REGISTERED", "已登记"
    UNDER_REVIEW = "UNDER_REVIEW", "审查中"
    DISMISSED = "DISMISSED", "驳回申诉"
    TRANSFERRED = "TRANSFERRED", "转再审审查"
    NOT_ACCEPTED = "NOT_ACCEPTED", "不予登记"
    WITHDRAWN = "WITHDRAWN", "已撤回"


class Decision(models.TextChoices):
    DISMISS = "DISMISS", "驳回申诉"
    TRANSFER = "TRANSFER", "转再审审查"


class Petition(models.Model):
    number = models.CharField("编号", max_length=32, unique=True)
    case = models.ForeignKey("cases.Case", verbose_name="原案件", on_delete=models.PROTECT, related_name="+")
    court = models.ForeignKey(
        "courts.Court", verbose_name="受理法院", on_delete=models.PROTECT, related_name="+"
    )
    petitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="申诉人账户", on_delete=models.PROTECT, related_name="+"
    )
    petitioner_name = models.CharField("申诉人", max_length=100)
    grounds = models.TextField("申诉理由", max_length=5000)
    requests = models.CharField("申诉请求", max_length=1000)
    status = models.CharField(
        "状态", max_length=16, choices=PetitionStatus.choices, default=PetitionStatus.SUBMITTED
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审查人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    registered_at = models.DateTimeField("登记时间", null=True, blank=True)
    decision_reason = models.TextField("处理理由", max_length=5000, blank=True)
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField("提交时间")

    class Meta:
        verbose_name = "申诉"
        verbose_name_plural = "申诉"
        ordering = ("-submitted_at", "-pk")
        indexes = [models.Index(fields=["court", "status"], name="petition_court_status")]

    def __str__(self) -> str:
        return self.number


class PetitionEvent(models.Model):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    occurred_at = models.DateTimeField()
    note = models.CharField(max_length=1000, blank=True)

    class Meta:
        ordering = ("occurred_at", "pk")
        verbose_name = "申诉节点"
        verbose_name_plural = "申诉节点"

    def __str__(self) -> str:
        return f"{self.petition} {self.to_status}"

    @property
    def status_label(self) -> str:
        return str(PetitionStatus(self.to_status).label)
