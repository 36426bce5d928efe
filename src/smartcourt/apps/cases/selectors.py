"""Reads of the case core, and who may see what.

Scoping (the same for the web UI and the API):
- staff see the cases of their own court; 院庭长 and 审管办 also those of every court below theirs;
- 信息中心 staff run the platform and see no case content;
- public users (litigant, lawyer, mediator) see only cases where they are a party or counsel;
- a superuser sees everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from smartcourt.apps.accounts.models import SUPERVISORY_ROLES, Role, User
from smartcourt.apps.audit.selectors import HistoryItem, history_for
from smartcourt.apps.cases.error_codes import CaseErrorCode
from smartcourt.apps.cases.models import Assignment, Case, Counsel, PanelMember, Party, TimeLimitAdjustment
from smartcourt.apps.core.errors import InvalidInputError, NotFoundError
from smartcourt.apps.courts.selectors import court_subtree_ids
from smartcourt.engines import catalogs
from smartcourt.engines.procedure import CaseStatus

OPEN_STATUSES = (CaseStatus.REGISTERED, CaseStatus.ASSIGNED, CaseStatus.IN_TRIAL, CaseStatus.SUSPENDED)


def visible_court_ids(*, viewer: User) -> list[int] | None:
    """Court ids whose cases ``viewer`` may see as staff; ``None`` means not by court (public or superuser)."""
    if viewer.is_superuser or not viewer.is_court_staff:
        return None
    if viewer.role == Role.IT_ADMIN or viewer.court is None:
        return []
    if viewer.role in SUPERVISORY_ROLES:
        return court_subtree_ids(court=viewer.court)
    return [viewer.court_id]


def case_visible_queryset(*, viewer: User) -> QuerySet[Case]:
    """Every case ``viewer`` may see."""
    cases = Case.objects.all()
    if not viewer.is_authenticated or not viewer.is_active:
        return cases.none()
    if viewer.is_superuser:
        return cases
    if viewer.is_court_staff:
        ids = visible_court_ids(viewer=viewer) or []
        return cases.filter(court_id__in=ids) if len(ids) != 1 else cases.filter(court_id=ids[0])
    if viewer.is_public_user:
        party_cases = Party.objects.filter(user=viewer).values("case_id")
        counsel_cases = Counsel.objects.filter(user=viewer).values("case_id")
        return cases.filter(Q(pk__in=party_cases) | Q(pk__in=counsel_cases))
    return cases.none()


def _mine(viewer: User) -> Q:
    """ "My cases" by role: one indexed column each, so the list stays fast at any court size.

    Judges: the cases they are responsible for or sit on as a panel member; clerks and assistants: the cases
    they are clerk of; filing officers: the cases they registered.
    """
    if viewer.role in (Role.CLERK, Role.JUDGE_ASSISTANT, Role.ENFORCEMENT_OFFICER):
        return Q(clerk=viewer)
    if viewer.role == Role.FILING_OFFICER:
        return Q(registered_by=viewer)
    return Q(responsible_judge=viewer) | Q(pk__in=PanelMember.objects.filter(judge=viewer).values("case_id"))


def case_is_visible(*, case: Case, viewer: User) -> bool:
    if not viewer.is_authenticated or not viewer.is_active:
        return False
    if viewer.is_superuser:
        return True
    if viewer.is_court_staff:
        return case.court_id in (visible_court_ids(viewer=viewer) or [])
    if viewer.is_public_user:
        return (
            Party.objects.filter(case=case, user=viewer).exists()
            or Counsel.objects.filter(case=case, user=viewer).exists()
        )
    return False


@dataclass(frozen=True)
class CaseFilters:
    """Filters of the case list; every field optional."""

    q: str = ""
    status: str = ""
    category: str = ""
    case_type: str = ""
    procedure: str = ""
    court_id: int | None = None
    year: int | None = None
    cause_of_action: str = ""
    deadline: str = ""  # "overdue" | "due_soon"
    mine: bool = False
    registered_from: date | None = None
    registered_to: date | None = None
    order: str = "-registered_on"


_ORDERS = {
    "-registered_on": ("-registered_on", "-id"),
    "registered_on": ("registered_on", "id"),
    "deadline": ("deadline", "id"),
    "-deadline": ("-deadline", "-id"),
    "case_number": ("case_number",),
}


def _bad_filter(field: str, message: str) -> InvalidInputError:
    return InvalidInputError("case.bad_filter", message, {"field": field})


def case_list(*, viewer: User, filters: CaseFilters) -> QuerySet[Case]:
    """The cases ``viewer`` may see, filtered and ordered; unknown filter values are refused by name."""
    cases = case_visible_queryset(viewer=viewer).select_related("court", "responsible_judge")
    if filters.status:
        if filters.status not in CaseStatus.__members__:
            raise _bad_filter("status", f"未知的案件状态「{filters.status}」")
        cases = cases.filter(status=filters.status)
    if filters.category:
        cases = cases.filter(category=filters.category)
    if filters.case_type:
        cases = cases.filter(case_type=filters.case_type)
    if filters.procedure:
        cases = cases.filter(procedure=filters.procedure)
    if filters.court_id is not None:
        cases = cases.filter(court_id=filters.court_id)
    if filters.year is not None:
        cases = cases.filter(year=filters.year)
    if filters.cause_of_action:
        cases = cases.filter(cause_of_action=filters.cause_of_action)
    if filters.registered_from:
        cases = cases.filter(registered_on__gte=filters.registered_from)
    if filters.registered_to:
        cases = cases.filter(registered_on__lte=filters.registered_to)
    if filters.mine:
        cases = cases.filter(_mine(viewer))
    if filters.deadline:
        today = timezone.localdate()
        open_cases = cases.filter(
            status__in=[CaseStatus.ASSIGNED, CaseStatus.IN_TRIAL, CaseStatus.REGISTERED]
        )
        if filters.deadline == "overdue":
            cases = open_cases.filter(deadline__lt=today)
        elif filters.deadline == "due_soon":
            warn = settings.SMARTCOURT["DEADLINE_WARN_DAYS"]
            cases = open_cases.filter(deadline__gte=today, deadline__lte=today + timedelta(days=warn))
        else:
            raise _bad_filter("deadline", "审限筛选只能是 overdue（已超审限）或 due_soon（即将届满）")
    q = filters.q.strip()
    if q:
        if len(q) > 100:
            raise _bad_filter("q", "检索词不能超过100个字符")
        try:  # a whole case number is looked up through its unique index
            number = catalogs.parse_case_number(q)
        except catalogs.CatalogError:
            cases = cases.filter(Q(case_number__contains=q) | Q(title__contains=q))
        else:
            cases = cases.filter(case_number=str(number))
    order = _ORDERS.get(filters.order)
    if order is None:
        raise _bad_filter("order", f"不支持的排序「{filters.order}」")
    return cases.order_by(*order)


def case_get(*, viewer: User, case_id: int) -> Case:
    """One case ``viewer`` may see; anything else (missing or not visible) is the same 404."""
    case = (
        case_visible_queryset(viewer=viewer)
        .select_related("court", "responsible_judge", "clerk", "department", "registered_by")
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise NotFoundError(CaseErrorCode.NOT_FOUND, "案件不存在或无权查看", {"case_id": case_id})
    return case


def case_get_by_number(*, viewer: User, case_number: str) -> Case:
    case = case_visible_queryset(viewer=viewer).filter(case_number=case_number).first()
    if case is None:
        raise NotFoundError(CaseErrorCode.NOT_FOUND, "案件不存在或无权查看", {"case_number": case_number})
    return case


def party_get(*, viewer: User, case_id: int, party_id: int) -> Party:
    case = case_get(viewer=viewer, case_id=case_id)
    party = case.parties.filter(pk=party_id).first()
    if party is None:
        raise NotFoundError("case.party_not_found", "当事人不存在", {"party_id": party_id})
    return party


def case_history(*, case: Case) -> list[HistoryItem]:
    """Every audited change of the case and of the records that belong to it, newest first."""
    return history_for(
        objects=[
            (Case, [case.pk]),
            (Party, case.parties.values_list("pk", flat=True)),
            (Counsel, case.counsel.values_list("pk", flat=True)),
            (Assignment, case.assignments.values_list("pk", flat=True)),
            (TimeLimitAdjustment, case.time_limit_adjustments.values_list("pk", flat=True)),
        ]
    )


@dataclass(frozen=True)
class DeadlineView:
    deadline: date | None
    level: str  # NONE | NORMAL | DUE_SOON | DUE_TODAY | OVERDUE | STOPPED | CLOSED
    label: str
    days: int | None
    basis: tuple[str, ...]


def case_deadline(*, case: Case, today: date | None = None) -> DeadlineView:
    """The case's 审限 as shown to users: the date, how near it is, and the basis of the computation."""
    from smartcourt.apps.cases import rules

    today = today or timezone.localdate()
    basis = tuple(case.deadline_basis or ())
    if case.status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED):
        return DeadlineView(case.deadline, "CLOSED", "已结案", None, basis)
    if case.deadline is None:
        return DeadlineView(None, "NONE", "无法定审限", None, basis)
    if case.status == CaseStatus.SUSPENDED:
        return DeadlineView(case.deadline, "STOPPED", "中止中，审限停止计算", None, basis)
    level, days = rules.deadline_level(
        case.deadline, today=today, warn_days=settings.SMARTCOURT["DEADLINE_WARN_DAYS"]
    )
    label = {
        "NORMAL": f"剩余{days}天",
        "DUE_SOON": f"剩余{days}天，即将届满",
        "DUE_TODAY": "今日届满",
        "OVERDUE": f"已超审限{days}天",
    }[level]
    return DeadlineView(case.deadline, level, label, days, basis)


def case_counts(*, viewer: User) -> dict[str, Any]:
    """Counts for the viewer's dashboard: open, due soon, overdue (cases they handle or registered)."""
    mine = case_list(viewer=viewer, filters=CaseFilters(mine=True))
    today = timezone.localdate()
    warn = settings.SMARTCOURT["DEADLINE_WARN_DAYS"]
    open_mine = mine.filter(status__in=OPEN_STATUSES)
    return {
        "open": open_mine.count(),
        "due_soon": open_mine.filter(deadline__gte=today, deadline__lte=today + timedelta(days=warn)).count(),
        "overdue": open_mine.filter(deadline__lt=today).exclude(status=CaseStatus.SUSPENDED).count(),
    }
