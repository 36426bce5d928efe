"""Pages of preservation: my/court applications, the application form, an application (accept, rule,
withdraw, link a case), the insurer simulator's letter page, and the case panel."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from smartcourt.apps.cases.selectors import case_get, case_visible_queryset
from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.courts.models import Court
from smartcourt.apps.preservation import selectors, services
from smartcourt.apps.preservation.insurers import SIMULATED_INSURERS, insurer_gateway
from smartcourt.apps.preservation.models import GuaranteeKind, PropertyKind, Stage


def _error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return render(request, "core/error.html", {"message": exc.message}, status=exc.http_status)


@login_required
def application_list(request: HttpRequest) -> HttpResponse:
    apps = selectors.application_visible_queryset(viewer=request.user)[:200]  # type: ignore[arg-type]
    return render(request, "preservation/list.html", {"applications": apps})


@login_required
@require_http_methods(["GET", "POST"])
def application_new(request: HttpRequest) -> HttpResponse:
    ctx = {
        "stages": [(Stage.IN_LITIGATION, Stage.IN_LITIGATION.label), (Stage.PRE_SUIT, Stage.PRE_SUIT.label)],
        "guarantee_kinds": GuaranteeKind.choices,
        "property_kinds": PropertyKind.choices,
        "courts": Court.objects.order_by("code")[:500],
        "cases": case_visible_queryset(viewer=request.user)[:100],  # type: ignore[arg-type]
        "rows": range(3),
        "form": request.POST,
    }
    if request.method == "POST":
        p = request.POST
        props = [
            services.PropertyInput(k, d, a)
            for k, d, a in zip(p.getlist("p_kind"), p.getlist("p_desc"), p.getlist("p_amount"), strict=False)
            if d.strip() or a.strip()
        ]
        try:
            raw_case = p.get("case_id", "")
            case = case_get(viewer=request.user, case_id=int(raw_case)) if raw_case.isdigit() else None  # type: ignore[arg-type]
            court = (
                Court.objects.filter(pk=p.get("court_id") or 0).first()
                if p.get("court_id", "").isdigit()
                else None
            )
            app = services.preservation_apply(
                applicant=request.user,  # type: ignore[arg-type]
                stage=p.get("stage", ""),
                case=case,
                court=court,
                urgent=p.get("urgent") == "on",
                applicant_name=p.get("applicant_name", ""),
                respondent_name=p.get("respondent_name", ""),
                reason=p.get("reason", ""),
                properties=props,
                guarantee_kind=p.get("guarantee_kind", ""),
                guarantee_amount=p.get("guarantee_amount") or None,
                guarantee_note=p.get("guarantee_note", ""),
                guarantee_letter=p.get("guarantee_letter", "").strip() or None,
            )
        except DomainError as exc:
            ctx["error"] = exc.message
            ctx["error_field"] = exc.detail.get("field", "")
            return render(request, "preservation/new.html", ctx, status=400)
        messages.success(request, f"保全申请 {app.number} 已提交")
        return redirect("preservation:detail", number=app.number)
    return render(request, "preservation/new.html", ctx)


@login_required
def application_detail(request: HttpRequest, number: str) -> HttpResponse:
    try:
        app = selectors.application_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    except DomainError as exc:
        return _error(request, exc)
    user = request.user
    staff = bool(user.is_court_staff and user.court_id == app.court_id)  # type: ignore[union-attr]
    return render(
        request,
        "preservation/detail.html",
        {
            "app": app,
            "staff": staff,
            "can_rule": staff and user.role in services.RULING_ROLES,  # type: ignore[union-attr]
            "letter": getattr(app, "letter", None),
            "overdue": app.ruling_due_at is not None
            and app.ruled_at is None
            and timezone.now() > app.ruling_due_at,
            "sue_by": services.filing_deadline_after_preservation(app),
        },
    )


@login_required
@require_POST
def application_action(request: HttpRequest, number: str, action: str) -> HttpResponse:
    try:
        app = selectors.application_get(viewer=request.user, number=number)  # type: ignore[arg-type]
        actor = request.user
        if action == "accept":
            services.preservation_accept(application=app, actor=actor)  # type: ignore[arg-type]
        elif action in ("grant", "refuse"):
            services.preservation_rule(
                application=app,
                actor=actor,  # type: ignore[arg-type]
                grant=action == "grant",
                reason=request.POST.get("reason", ""),
            )
        elif action == "withdraw":
            services.preservation_withdraw(application=app, actor=actor)  # type: ignore[arg-type]
        elif action == "link":
            raw = request.POST.get("case_id", "")
            case = case_get(viewer=actor, case_id=int(raw) if raw.isdigit() else 0)  # type: ignore[arg-type]
            services.preservation_link_case(application=app, case=case, actor=actor)  # type: ignore[arg-type]
        else:
            raise Http404("未知操作")
    except DomainError as exc:
        return _error(request, exc)
    messages.success(request, "操作成功")
    return redirect("preservation:detail", number=number)


@login_required
@require_http_methods(["GET", "POST"])
def sandbox_letter(request: HttpRequest) -> HttpResponse:
    """The insurer simulator's page: issue a signed electronic guarantee letter to paste into the form."""
    ctx: dict[str, object] = {"insurers": SIMULATED_INSURERS, "form": request.POST}
    if request.method == "POST":
        p = request.POST
        try:
            from decimal import Decimal, InvalidOperation

            amount = Decimal(p.get("amount", "").strip())
            if not amount.is_finite() or amount <= 0 or amount > Decimal("1e14"):
                raise InvalidOperation
            letter = insurer_gateway().issue(
                insurer_code=p.get("insurer_code", "SIM-PIC"),
                applicant=p.get("applicant", "").strip()[:100],
                respondent=p.get("respondent", "").strip()[:100],
                court=p.get("court", "").strip()[:100],
                amount=amount,
                valid_from=timezone.localdate(),
                days=365,
            )
        except (InvalidOperation, ValueError):
            ctx["error"] = "请填写有效的担保金额和保险机构"
            return render(request, "preservation/sandbox_letter.html", ctx, status=400)
        ctx["letter_json"] = json.dumps(letter.to_dict(), ensure_ascii=False, indent=1)
    return render(request, "preservation/sandbox_letter.html", ctx)


@login_required
def case_panel(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_visible_queryset(viewer=request.user).filter(pk=case_id).first()  # type: ignore[arg-type]
    if case is None:
        raise Http404("案件不存在")
    apps = selectors.application_visible_queryset(viewer=request.user).filter(case=case)  # type: ignore[arg-type]
    return render(request, "preservation/_case_panel.html", {"case": case, "applications": apps})
