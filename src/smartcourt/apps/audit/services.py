"""Audit writes that are not model changes: reads of sensitive values."""

from __future__ import annotations

from typing import Any

from smartcourt.apps.audit.models import SensitiveRead


def sensitive_read_record(
    *, actor: Any, obj: Any, field: str, case_id: int | None, remote_addr: str | None, channel: str = "web"
) -> SensitiveRead:
    return SensitiveRead.objects.create(
        actor=actor,
        model=obj._meta.label_lower,
        object_id=str(obj.pk),
        field=field,
        case_id=case_id,
        remote_addr=remote_addr,
        channel=channel,
    )
