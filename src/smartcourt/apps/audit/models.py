"""Reads of sensitive data. Writes are recorded by django-auditlog (``auditlog.LogEntry``) for every model."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SensitiveRead(models.Model):
    """Somebody saw a sensitive value in full (a party's ID number): who, when, which record, which field."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    model = models.CharField(max_length=50)
    object_id = models.CharField(max_length=40)
    field = models.CharField(max_length=40)
    case_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    remote_addr = models.GenericIPAddressField(null=True, blank=True)
    channel = models.CharField(max_length=10, default="web")

    class Meta:
        verbose_name = "敏感信息查看记录"
        verbose_name_plural = "敏感信息查看记录"
        ordering = ["-occurred_at"]

    def __str__(self) -> str:
        return f"{self.actor} 查看 {self.model}#{self.object_id}.{self.field}"
