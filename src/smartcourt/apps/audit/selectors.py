"""Reads of the audit trail: a record's change history, joined across the models of one case."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q

from smartcourt.apps.audit.models import SensitiveRead

_ACTIONS = {0: "新增", 1: "修改", 2: "删除", 3: "查看"}


@dataclass(frozen=True)
class HistoryItem:
    at: datetime
    actor: str
    action: str
    model: str
    object_repr: str
    changes: dict[str, Any]


def history_for(
    *, objects: Iterable[tuple[type[Model], Iterable[Any]]], limit: int = 500
) -> list[HistoryItem]:
    """Change records of the given (model, primary keys) groups, newest first."""
    query = Q()
    for model, pks in objects:
        ids = [str(pk) for pk in pks]
        if ids:
            ctype = ContentType.objects.get_for_model(model)
            query |= Q(content_type=ctype, object_pk__in=ids)
    if not query:
        return []
    entries = (
        LogEntry.objects.filter(query)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-id")[:limit]
    )
    return [
        HistoryItem(
            at=e.timestamp,
            actor=str(e.actor) if e.actor else "系统",
            action=_ACTIONS.get(e.action, str(e.action)),
            model=str(e.content_type.model_class()._meta.verbose_name)
            if e.content_type.model_class()
            else "",
            object_repr=e.object_repr,
            changes=e.changes_display_dict,
        )
        for e in entries
    ]


def sensitive_reads_for_case(*, case_id: int) -> list[SensitiveRead]:
    return list(SensitiveRead.objects.filter(case_id=case_id).select_related("actor")[:200])
