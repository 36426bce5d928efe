"""Web pages of the case core: my cases, search, detail, registration and the case's actions.

Views shape input and output only; selectors scope, services decide. A :class:`DomainError` becomes a
Chinese message on the page (and on the field it names), and nothing is saved.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from smartcourt.apps.accounts.models import REGISTERING_ROLES, User
from smartcourt.apps.cases import selectors, services
from smartcourt.apps.cases.forms import (
    AssignForm,
    CaseRegisterForm,
    PartyFormSet,
    TimeLimitForm,
    TransitionForm,
)
from smartcourt.apps.cases.models import CaseCategory
from smartcourt.apps.cases.panels import panels_for
from smartcourt.apps.core.errors import DomainError, NotFoundError
from smartcourt.engines import catalogs
from smartcourt.engines.procedure import CaseAction, CaseStatus, ClosureMethod, allowed_actions


def _filters_from(request: HttpRequest, **overrides: Any) -> selectors.CaseFilters:
    g = request.GET

    def _int(name: str) -> int | None:
        value = g.get(name, "").strip()
        return int(value) if value.isdigit() else None

    values: dict[str, Any] = {
        "q": g.get("q", "")[:100],
        "status": g.get("status", ""),
        "category": g.get("category", ""),
        "case_type": g.get("case_type", "")[:8],
        "procedure": g.get("procedure", ""),
        "court_id": _int("court_id"),
        "year": _int("year"),
        "cause_of_action": g.get("cause_of_action", "")[:100],
        "deadline": g.get("deadline", ""),
        "mine": g.get("mine") == "1",
        "order": g.get("order", "-registered_on") or "-registered_on",
    }
    values.update(overrides)
    return selectors.CaseFilters(**values)


def _page(request: HttpRequest, cases: Any, per_page: int = 20) -> Any:
    paginator = Paginator(cases, per_page)
    page = paginator.get_page(request.GET.get("page"))
    for case in page.object_list:
        case.deadline_view = selectors.case_deadline(case=case)
    return page


@login_required
def my_cases(request: HttpRequest) -> HttpResponse:
    """我的案件: the cases the user handles, registered or is party to, with deadline warnings first."""
    user = request.user
    mine = not user.is_public_user
    deadline = request.GET.get("deadline", "")
    try:
        cases = selectors.case_list(
            viewer=user,
            filters=selectors.CaseFilters(
                mine=mine, deadline=deadline if deadline in ("overdue", "due_soon") else "", order="deadline"
            ),
        ).filter(status__in=selectors.OPEN_STATUSES)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("cases:my_cases")
    counts = selectors.case_counts(viewer=user) if mine else None
    return render(
        request,
        "cases/my_cases.html",
        {
            "page": _page(request, cases),
            "counts": counts,
            "deadline": deadline,
            "can_register": user.role in REGISTERING_ROLES,
        },
    )


@login_required
def case_search(request: HttpRequest) -> HttpResponse:
    """案件查询 with filters; bad filter values are named in the message."""
    error = ""
    try:
        cases = selectors.case_list(viewer=request.user, filters=_filters_from(request))
        page = _page(request, cases)
    except DomainError as exc:
        error = exc.message
        page = _page(request, selectors.case_visible_queryset(viewer=request.user).none())
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/search.html",
        {
            "page": page,
            "error": error,
            "query": query.urlencode(),
            "params": request.GET,
            "statuses": [(s.value, s.label) for s in CaseStatus],
            "categories": CaseCategory.choices,
        },
    )


@login_required
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        case = selectors.case_get(viewer=request.user, case_id=case_id)
    except NotFoundError as exc:
        return render(request, "core/error.html", {"message": exc.message}, status=404)
    user: User = request.user
    actions = [a for a in allowed_actions(case.status) if a not in (CaseAction.ASSIGN, CaseAction.REASSIGN)]
    can_assign = (
        user.role in REGISTERING_ROLES
        and user.court_id == case.court_id
        and case.status
        in (
            CaseStatus.REGISTERED,
            CaseStatus.ASSIGNED,
            CaseStatus.IN_TRIAL,
        )
    )
    return render(
        request,
        "cases/detail.html",
        {
            "case": case,
            "parties": case.parties.all(),
            "counsel": case.counsel.select_related("party"),
            "events": case.events.select_related("actor"),
            "assignments": case.assignments.select_related("judge", "assigned_by"),
            "panel": case.panel_members.select_related("judge"),
            "adjustments": case.time_limit_adjustments.select_related("approved_by"),
            "deadline": selectors.case_deadline(case=case),
            "history": selectors.case_history(case=case) if user.is_court_staff else [],
            "actions": [(a.value, a.label) for a in actions],
            "closure_methods": [(m.value, m.label) for m in ClosureMethod],
            "can_assign": can_assign,
            "is_staff_user": user.is_court_staff,
            "panels": panels_for(case=case, user=user),
        },
    )


@login_required
def case_register(request: HttpRequest) -> HttpResponse:
    """立案 form: the case and its parties; the service checks every rule and saves all or nothing."""
    if request.user.role not in REGISTERING_ROLES:
        return render(
            request, "core/error.html", {"message": "只有立案法官、院庭长或审管办人员可以立案"}, status=403
        )
    form = CaseRegisterForm(request.POST or None)
    parties = PartyFormSet(request.POST or None, prefix="parties")
    error = ""
    if request.method == "POST" and form.is_valid() and parties.is_valid():
        data = form.cleaned_data
        registration = services.CaseRegistration(
            case_type=data["case_type"],
            procedure=data["procedure"],
            cause_of_action=data["cause_of_action"],
            charges=tuple(
                c for c in data["charges"].replace("，", "、").replace(",", "、").split("、") if c.strip()
            ),
            claim_amount=data["claim_amount"],
            summary=data["summary"],
            parties=tuple(
                services.PartyInput(**{k: v or "" for k, v in p.items()}) for p in parties.cleaned_data if p
            ),
        )
        try:
            case = services.case_register(officer=request.user, registration=registration)
        except DomainError as exc:
            error = exc.message
            _attach_error(form, parties, str(exc.detail.get("field", "")), exc.message)
        else:
            messages.success(request, f"立案成功，案号：{case.case_number}")
            return redirect("cases:detail", case_id=case.pk)
    elif request.method == "POST":
        error = "请检查标红的字段"
    causes = [c.name for c in catalogs.causes() if c.level >= 3]
    return render(
        request, "cases/register.html", {"form": form, "parties": parties, "error": error, "causes": causes}
    )


_PARTY_FIELD = re.compile(r"^parties\[(\d+)\]\.(\w+)$")


def _attach_error(form: CaseRegisterForm, parties: Any, field: str, message: str) -> None:
    """Show a service error next to the field it names (``claim_amount``, ``parties[1].id_number``)."""
    if field in form.fields:
        form.add_error(field, message)
        return
    match = _PARTY_FIELD.match(field)
    if match and int(match[1]) < len(parties.forms) and match[2] in parties.forms[int(match[1])].fields:
        parties.forms[int(match[1])].add_error(match[2], message)


def _action_result(request: HttpRequest, case_id: int, run: Any, success: str) -> HttpResponse:
    try:
        case = selectors.case_get(viewer=request.user, case_id=case_id)
        run(case)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect("cases:detail", case_id=case_id)


@login_required
@require_POST
def case_assign(request: HttpRequest, case_id: int) -> HttpResponse:
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, "分案参数无效")
        return redirect("cases:detail", case_id=case_id)
    judge_id = form.cleaned_data["judge_id"]
    judge = User.objects.filter(pk=judge_id).first() if judge_id else None
    return _action_result(
        request,
        case_id,
        lambda case: services.case_assign(
            case=case, actor=request.user, judge=judge, reason=form.cleaned_data["reason"]
        ),
        "分案完成",
    )


@login_required
@require_POST
def case_transition(request: HttpRequest, case_id: int) -> HttpResponse:
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "操作参数无效")
        return redirect("cases:detail", case_id=case_id)
    data = form.cleaned_data
    return _action_result(
        request,
        case_id,
        lambda case: services.case_transition(
            case=case,
            actor=request.user,
            action=data["action"],
            reason=data["reason"],
            closure_method=data["closure_method"],
        ),
        "操作完成",
    )


@login_required
@require_POST
def case_time_limit(request: HttpRequest, case_id: int) -> HttpResponse:
    form = TimeLimitForm(request.POST)
    if not form.is_valid():
        messages.error(request, "审限变更参数无效：" + "；".join(f"{k}" for k in form.errors))
        return redirect("cases:detail", case_id=case_id)
    data = form.cleaned_data

    def run(case: Any) -> None:
        if data["kind"] == "SUSPENSION":
            if data["start_on"] is None:
                raise DomainError("case.missing_field", "扣除审限须填写起始日", {"field": "start_on"})
            services.case_time_limit_suspend(
                case=case,
                actor=request.user,
                start_on=data["start_on"],
                end_on=data["end_on"],
                reason=data["reason"],
            )
        else:
            services.case_time_limit_extend(
                case=case, actor=request.user, months=data["months"] or 0, reason=data["reason"]
            )

    return _action_result(request, case_id, run, "审限已更新")


@login_required
@require_POST
def party_id_number(request: HttpRequest, case_id: int, party_id: int) -> HttpResponse:
    """Reveal one party's full ID number (an htmx fragment); the reveal is recorded."""
    try:
        party = selectors.party_get(viewer=request.user, case_id=case_id, party_id=party_id)
        number = services.party_id_number_reveal(
            party=party, actor=request.user, remote_addr=request.META.get("REMOTE_ADDR")
        )
    except DomainError as exc:
        return HttpResponse(exc.message, status=exc.http_status)
    return render(request, "cases/_id_number.html", {"number": number})
