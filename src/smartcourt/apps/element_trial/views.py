"""Web pages of 要素式审判: the case-page panel and the full page (texts, the element table with status toggles
and edits with reasons, the trial outline, the calculation, 生成判决书草稿). Views shape input and output only;
a :class:`DomainError` becomes a Chinese message (404 and 403 an error page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import DomainError, InvalidInputError
from smartcourt.apps.core.responses import error_page
from smartcourt.apps.drafting.models import Draft
from smartcourt.apps.element_trial import calculations, selectors, services
from smartcourt.apps.element_trial.error_codes import ElementTrialErrorCode
from smartcourt.apps.element_trial.models import ElementStatus
from smartcourt.engines import elements as eng


def _context(case: Case, user: Any, *, full: bool) -> dict[str, Any]:
    sheet = selectors.sheet_get(case=case)
    context: dict[str, Any] = {
        "case": case,
        "sheet": sheet,
        "can_edit": selectors.can_edit(case=case, user=user),
        "statuses": ElementStatus.choices,
    }
    if sheet is None:
        return context
    rows = selectors.sheet_rows(sheet=sheet)
    cause = eng.Cause(sheet.cause)
    context.update(
        {
            "rows": rows,
            "outline": selectors.sheet_outline(sheet=sheet, rows=rows),
            "counts": {s: sum(1 for r in rows if r.status == s) for s in ElementStatus.values},
        }
    )
    if not full:
        return context
    values = sheet.figures or calculations.default_figures(cause, rows, sheet.complaint)
    computed: list[eng.Calculation] = []
    calc_error = ""
    if sheet.figures:
        try:
            computed = calculations.calculate(cause, sheet.figures)
        except DomainError as exc:
            calc_error = exc.message
    context.update(
        {
            "figures": [(f, values.get(f.key, "")) for f in calculations.FIGURES[cause]],
            "calculations": computed,
            "calc_error": calc_error,
            "changes": selectors.change_log(sheet=sheet),
        }
    )
    return context


@login_required
@require_GET
def panel(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        case = selectors.element_case_get(viewer=request.user, case_id=case_id)
    except DomainError as exc:
        return error_page(request, exc, fragment=True)
    return render(request, "element_trial/_panel.html", _context(case, request.user, full=False))


@login_required
@require_GET
def case_page(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        case = selectors.element_case_get(viewer=request.user, case_id=case_id)
    except DomainError as exc:
        return error_page(request, exc)
    return render(request, "element_trial/case.html", _context(case, request.user, full=True))


def _post(
    request: HttpRequest, case_id: int, run: Callable[[Case], Any], success: str, anchor: str
) -> HttpResponse:
    try:
        case = selectors.element_case_get(viewer=request.user, case_id=case_id)
        result = run(case)
    except DomainError as exc:
        if exc.http_status in (403, 404):
            return error_page(request, exc)
        messages.error(request, exc.message)
        return redirect(reverse("element_trial:case", args=[case_id]) + f"#{anchor}")
    messages.success(request, success)
    if isinstance(result, Draft):  # the outline or the judgment: its page (download, defects, 存入卷宗)
        return redirect("drafting:check", result.pk)
    return redirect(reverse("element_trial:case", args=[case_id]) + f"#{anchor}")


@login_required
@require_POST
def build(request: HttpRequest, case_id: int) -> HttpResponse:
    evidence = [e for e in request.POST.get("evidence", "").split("\n\n") if e.strip()]
    return _post(
        request,
        case_id,
        lambda case: services.element_table_build(
            case=case,
            actor=request.user,
            complaint=request.POST.get("complaint", ""),
            answer=request.POST.get("answer", ""),
            evidence=evidence,
        ),
        "要素表已生成",
        "table",
    )


@login_required
@require_POST
def row_update(request: HttpRequest, case_id: int) -> HttpResponse:
    post = request.POST
    return _post(
        request,
        case_id,
        lambda case: services.element_row_update(
            case=case,
            actor=request.user,
            key=post.get("key", ""),
            reason=post.get("reason", ""),
            status=post.get("status") if "status" in post else None,
            value=post.get("value") if "value" in post else None,
            note=post.get("note") if "note" in post else None,
        ),
        "要素已修改，庭审提纲已按新状态更新",
        "table",
    )


@login_required
@require_POST
def figures(request: HttpRequest, case_id: int) -> HttpResponse:
    def run(case: Case) -> Any:
        sheet = selectors.sheet_get(case=case)
        if sheet is None:
            raise InvalidInputError(ElementTrialErrorCode.NO_TABLE, "本案尚未生成要素表，请先生成", {})
        keys = [f.key for f in calculations.FIGURES[eng.Cause(sheet.cause)]]
        raw = {k: request.POST.get(k, "") for k in keys}
        return services.element_figures_save(case=case, actor=request.user, figures=raw)

    return _post(request, case_id, run, "计算参数已保存", "calculation")


@login_required
@require_POST
def outline_docx(request: HttpRequest, case_id: int) -> HttpResponse:
    return _post(
        request,
        case_id,
        lambda case: services.element_outline_docx(case=case, actor=request.user),
        "已生成庭审提纲（.docx），可在此下载、检查并存入电子卷宗",
        "outline",
    )


@login_required
@require_POST
def judgment(request: HttpRequest, case_id: int) -> HttpResponse:
    inputs = {
        k: request.POST.get(k, "")
        for k in ("claims", "operative_items", "costs_bearer", "hearing_date", "judgment_date")
    }
    return _post(
        request,
        case_id,
        lambda case: services.element_judgment_draft(case=case, actor=request.user, inputs=inputs),
        "已生成判决书草稿：事实与理由按要素表，计算过程附依据；可编辑、检查瑕疵并存入电子卷宗",
        "judgment",
    )
