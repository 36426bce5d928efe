"""Pages of petitions: my/court petitions, the filing form (from a case), a petition with its actions and
timeline, the case panel."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from smartcourt.apps.accounts.models import User
from smartcourt.apps.cases.selectors import case_get, case_visible_queryset
from smartcourt.apps.core.errors import DomainError, InvalidInputError
from smartcourt.apps.petitions import rules, selectors, services
from smartcourt.apps.petitions.models import Decision


def _error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return render(request, "core/error.html", {"message": exc.message}, status=exc.http_status)


@login_required
def petition_list(request: HttpRequest) -> HttpResponse:
    rows = selectors.petition_visible_queryset(viewer=request.user)[:200]  # type: ignore[arg-type]
    return render(request, "petitions/list.html", {"petitions": rows})


@login_required
@require_http_methods(["GET", "POST"])
def petition_new(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        case = case_get(viewer=request.user, case_id=case_id)  # type: ignore[arg-type]
    except DomainError as exc:
        return _error(request, exc)
    ctx = {"case": case, "form": request.POST, "parties": case.parties.all()}
    if request.method == "POST":
        try:
            p = services.petition_file(
                petitioner=request.user,  # type: ignore[arg-type]
                case=case,
                petitioner_name=request.POST.get("petitioner_name", ""),
                grounds=request.POST.get("grounds", ""),
                requests=request.POST.get("requests", ""),
            )
        except DomainError as exc:
            ctx["error"] = exc.message
            return render(request, "petitions/new.html", ctx, status=exc.http_status)
        messages.success(request, f"申诉 {p.number} 已提交")
        return redirect("petitions:detail", number=p.number)
    return render(request, "petitions/new.html", ctx)


@login_required
def petition_detail(request: HttpRequest, number: str) -> HttpResponse:
    try:
        p = selectors.petition_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    except DomainError as exc:
        return _error(request, exc)
    user = request.user
    staff = bool(user.is_court_staff and user.court_id == p.court_id)  # type: ignore[union-attr]
    reviewers = (
        User.objects.filter(court_id=p.court_id, role__in=services.REVIEWER_ROLES, is_active=True)
        .exclude(pk=p.case.responsible_judge_id)
        .order_by("pk")
        if staff
        else []
    )
    return render(
        request,
        "petitions/detail.html",
        {
            "p": p,
            "staff": staff,
            "reviewers": reviewers,
            "decisions": Decision.choices,
            "can": {a: rules.next_status(p.status, a) is not None for a in rules.TRANSITIONS},
            "is_reviewer": user.pk == p.reviewer_id,
            "events": p.events.all(),
        },
    )


@login_required
@require_POST
def petition_action(request: HttpRequest, number: str, action: str) -> HttpResponse:
    data = request.POST
    try:
        p = selectors.petition_get(viewer=request.user, number=number)  # type: ignore[arg-type]
        actor = request.user
        if action in ("register", "not_accept"):
            services.petition_register(
                petition=p, actor=actor, accept=action == "register", reason=data.get("reason", "")
            )  # type: ignore[arg-type]
        elif action == "assign":
            raw = data.get("reviewer_id", "")
            reviewer = User.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
            if reviewer is None:
                raise InvalidInputError("petition.bad_reviewer", "请选择审查人", {"field": "reviewer_id"})
            services.petition_assign(petition=p, actor=actor, reviewer=reviewer)  # type: ignore[arg-type]
        elif action == "decide":
            services.petition_decide(
                petition=p, actor=actor, decision=data.get("decision", ""), reason=data.get("reason", "")
            )  # type: ignore[arg-type]
        elif action == "withdraw":
            services.petition_withdraw(petition=p, actor=actor)  # type: ignore[arg-type]
        else:
            raise Http404("未知操作")
    except DomainError as exc:
        return _error(request, exc)
    messages.success(request, "操作成功")
    return redirect("petitions:detail", number=number)


@login_required
def case_panel(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_visible_queryset(viewer=request.user).filter(pk=case_id).first()  # type: ignore[arg-type]
    if case is None:
        raise Http404("案件不存在")
    rows = selectors.petition_visible_queryset(viewer=request.user).filter(case=case)  # type: ignore[arg-type]
    return render(request, "petitions/_case_panel.html", {"case": case, "petitions": rows})
