"""Reads of appraisal: parties and counsel see the requests of their cases; staff those of their court(s);
deadline levels come from ``engines.calendar.deadline_status``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.appraisal.error_codes import AppraisalErrorCode
from smartcourt.apps.appraisal.models import AppraisalRequest, Institution
from smartcourt.apps.cases.selectors import case_visible_queryset
from smartcourt.apps.core.errors import NotFoundError
from smartcourt.engines.calendar import DeadlineLevel, deadline_status


def request_visible_queryset(*, viewer: User) -> QuerySet[AppraisalRequest]:
    rows = AppraisalRequest.objects.select_related("case", "institution")
    if not viewer.is_authenticated or not viewer.is_active:
        return rows.none()
    if viewer.is_court_staff and viewer.role == Role.IT_ADMIN:
        return rows.none()
    return rows.filter(case__in=case_visible_queryset(viewer=viewer))


def request_get(*, viewer: User, number: str) -> AppraisalRequest:
    req = request_visible_queryset(viewer=viewer).filter(number=number).first()
    if req is None:
        raise NotFoundError(AppraisalErrorCode.NOT_FOUND, "鉴定申请不存在或无权查看", {"number": number})
    return req


def institution_list(*, field: str = "") -> list[Institution]:
    rows = list(Institution.objects.filter(active=True).order_by("pk"))
    return [i for i in rows if not field or field in i.fields]


@dataclass(frozen=True)
class DueView:
    due_on: date | None
    level: str  # none | normal | due_soon | due_today | overdue
    label: str


def request_due(*, request: AppraisalRequest, today: date | None = None) -> DueView:
    """How near the current step's deadline is (overdue warnings)."""
    if request.due_on is None:
        return DueView(None, "none", "")
    today = today or timezone.localdate()
    warn = min(int(settings.SMARTCOURT.get("DEADLINE_WARN_DAYS", 15)), 3)
    s = deadline_status(request.due_on, today=today, warn_days=warn)
    label = {
        DeadlineLevel.NORMAL: f"剩余{s.days_remaining}天",
        DeadlineLevel.DUE_SOON: f"剩余{s.days_remaining}天，即将届满",
        DeadlineLevel.DUE_TODAY: "今日届满",
        DeadlineLevel.OVERDUE: f"已超期{s.days_overdue}天",
    }[s.level]
    return DueView(request.due_on, s.level.value, label)


def request_overdue(*, viewer: User, today: date | None = None) -> QuerySet[AppraisalRequest]:
    """Open requests past their current deadline, oldest deadline first."""
    today = today or timezone.localdate()
    return request_visible_queryset(viewer=viewer).filter(due_on__lt=today).order_by("due_on", "pk")
