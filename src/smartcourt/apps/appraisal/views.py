"""Pages of appraisal: the list (with overdue warnings), a request (draw, progress, 审限), the case panel."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from smartcourt.apps.appraisal import rules, selectors, services
from smartcourt.apps.appraisal.models import AppraisalField
from smartcourt.apps.cases.selectors import case_visible_queryset
from smartcourt.apps.core.errors import DomainError


def _error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return render(request, "core/error.html", {"message": exc.message}, status=exc.http_status)


@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.request_visible_queryset(viewer=request.user)[:200])  # type: ignore[arg-type]
    items = [(r, selectors.request_due(request=r)) for r in rows]
    return render(request, "appraisal/list.html", {"items": items})


@login_required
def request_detail(request: HttpRequest, number: str) -> HttpResponse:
    try:
        req = selectors.request_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    except DomainError as exc:
        return _error(request, exc)
    draws = list(req.draws.select_related("institution", "operator"))
    return render(
        request,
        "appraisal/detail.html",
        {
            "req": req,
            "due": selectors.request_due(request=req),
            "handler": services._is_handler(request.user, req.case),  # type: ignore[arg-type]
            "draws": [(d, services.appraisal_draw_verify(draw=d)) for d in draws],
            "events": req.events.select_related("actor"),
            "actions": [
                (a, rules.ACTION_LABELS[a])
                for a in rules.PROGRESS_ACTIONS
                if rules.next_status(req.status, a)
            ],
            "can_entrust": rules.next_status(req.status, "entrust") is not None,
        },
    )


@login_required
@require_POST
def request_action(request: HttpRequest, number: str, action: str) -> HttpResponse:
    p = request.POST
    try:
        req = selectors.request_get(viewer=request.user, number=number)  # type: ignore[arg-type]
        actor = request.user
        if action == "entrust":
            days = p.get("period_days", "30")
            services.appraisal_entrust(
                request=req,
                actor=actor,  # type: ignore[arg-type]
                witness=p.get("witness", ""),
                period_days=int(days) if days.isdigit() else 0,
            )
        elif action == "refuse":
            services.appraisal_refuse(request=req, actor=actor, reason=p.get("reason", ""))  # type: ignore[arg-type]
        elif action == "suspend":
            services.appraisal_suspend_time_limit(request=req, actor=actor)  # type: ignore[arg-type]
        elif action in rules.PROGRESS_ACTIONS:
            services.appraisal_progress(
                request=req,
                actor=actor,  # type: ignore[arg-type]
                action=action,
                note=p.get("note", ""),
                opinion_summary=p.get("opinion_summary", ""),
            )
        else:
            raise Http404("未知操作")
    except DomainError as exc:
        return _error(request, exc)
    messages.success(request, "操作成功")
    return redirect("appraisal:detail", number=number)


@login_required
def case_panel(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_visible_queryset(viewer=request.user).filter(pk=case_id).first()  # type: ignore[arg-type]
    if case is None:
        raise Http404("案件不存在")
    error = ""
    if request.method == "POST":
        try:
            services.appraisal_request(
                actor=request.user,  # type: ignore[arg-type]
                case=case,
                field=request.POST.get("field", ""),
                matter=request.POST.get("matter", ""),
            )
        except DomainError as exc:
            error = exc.message
    rows = selectors.request_visible_queryset(viewer=request.user).filter(case=case)  # type: ignore[arg-type]
    items = [(r, selectors.request_due(request=r)) for r in rows]
    return render(
        request,
        "appraisal/_case_panel.html",
        {"case": case, "items": items, "fields": AppraisalField.choices, "error": error},
        status=400 if error else 200,
    )
