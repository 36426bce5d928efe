"""Web pages of similar-case push: the case-page panel (the similar judgments with reasons, the judge's own
facts, the deviation check) and the class-case report page with its .docx. Views shape input and output
only; a :class:`DomainError` becomes a Chinese message."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.similar import selectors, services
from smartcourt.apps.similar.models import OutcomeKind

PANEL_TOP = 5
REPORT_TOP = 10


def _panel(request: HttpRequest, case_id: int, *, status: int = 200, **extra: object) -> HttpResponse:
    context: dict[str, object] = {"case_id": case_id, "kinds": OutcomeKind.choices, **extra}
    try:
        case = selectors.similar_case_get(viewer=request.user, case_id=case_id)  # type: ignore[arg-type]
        facts, source = selectors.case_facts(case=case)
        context.update(case=case, facts=facts, facts_source=source)
        if facts:
            _, result = selectors.similar_for_case(viewer=request.user, case_id=case_id, top=PANEL_TOP)  # type: ignore[arg-type]
            context.update(
                rows=selectors.neighbour_rows(result), profile=selectors.profile_data(result.profile)
            )
    except DomainError as exc:
        context["error"] = exc.message
        if exc.http_status == 403:
            status = 403
    return render(request, "similar/_panel.html", context, status=status)


@login_required
@require_GET
def panel(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case-page card: loaded by htmx from the case page."""
    return _panel(request, case_id)


@login_required
@require_POST
def search(request: HttpRequest, case_id: int) -> HttpResponse:
    """The judge's facts for the search: saved with what was pushed, then the panel again."""
    try:
        services.similar_search_save(actor=request.user, case_id=case_id, facts=request.POST.get("facts", ""))  # type: ignore[arg-type]
    except DomainError as exc:
        return _panel(
            request,
            case_id,
            status=exc.http_status if exc.http_status != 404 else 200,
            form_error=exc.message,
        )
    return _panel(request, case_id, saved=True)


@login_required
@require_POST
def deviation(request: HttpRequest, case_id: int) -> HttpResponse:
    """The deviation check of a draft outcome, as a fragment under the form."""
    context: dict[str, object] = {}
    try:
        context["check"] = services.outcome_check_create(
            actor=request.user,  # type: ignore[arg-type]
            case_id=case_id,
            kind=request.POST.get("kind", OutcomeKind.TERM_MONTHS),
            draft=request.POST.get("draft", ""),
        )
    except DomainError as exc:
        context["error"] = exc.message
    return render(request, "similar/_deviation.html", context)


def _report_context(request: HttpRequest, case_id: int) -> dict[str, object]:
    case, result = selectors.similar_for_case(viewer=request.user, case_id=case_id, top=REPORT_TOP)  # type: ignore[arg-type]
    return {"case": case, **selectors.report_context(result=result)}


@login_required
@require_GET
def report(request: HttpRequest, case_id: int) -> HttpResponse:
    """类案分析报告 page."""
    try:
        context = _report_context(request, case_id)
    except DomainError as exc:
        return render(request, "core/error.html", {"message": exc.message}, status=exc.http_status)
    return render(request, "similar/report.html", context)


@login_required
@require_GET
def report_docx(request: HttpRequest, case_id: int) -> HttpResponse:
    """类案分析报告 as .docx."""
    from smartcourt.apps.similar.report_docx import report_docx as build

    try:
        context = _report_context(request, case_id)
    except DomainError as exc:
        return render(request, "core/error.html", {"message": exc.message}, status=exc.http_status)
    case = context["case"]
    data = build(title=f"{case.case_number} 类案分析报告", context=context)  # type: ignore[attr-defined]
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f"attachment; filename=similar-report-{case_id}.docx"
    return response
