"""Web pages of criminal case assistance: the case-page panel (an htmx fragment), the full page with the
facts, circumstances, steps, overrides and the evidence checklist, its forms, and the 量刑表 download.

Views shape input and output only; selectors scope, services decide. A :class:`DomainError` becomes a Chinese
message on the page and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import DomainError, InvalidInputError, NotFoundError, NotPermittedError
from smartcourt.apps.core.responses import error_page
from smartcourt.apps.criminal import selectors, services
from smartcourt.apps.criminal.assessment import FACT_FIELDS, INJURY_LABELS, STAGE_LABELS, circumstance_kinds
from smartcourt.apps.criminal.documents import override_subject, sentencing_table_docx
from smartcourt.apps.criminal.error_codes import CriminalErrorCode
from smartcourt.apps.criminal.models import EvidenceMaterial
from smartcourt.engines import evidence_guidance as guidance
from smartcourt.engines.evidence_guidance import requirement_label


def _selected(request: HttpRequest) -> tuple[int | None, int] | None:
    """The (accused, charge index) the page shows, from ``?accused=&charge=``; ``None``: the first."""
    accused, charge = request.GET.get("accused", ""), request.GET.get("charge", "")
    if not accused and not charge:
        return None
    try:
        return (int(accused) if accused else None), (int(charge) if charge else 0)
    except ValueError:
        return None


def _context(case: Case, user: Any, selected: tuple[int | None, int] | None = None) -> dict[str, Any]:
    sentencing = selectors.case_sentencing(case=case)
    assessment = sentencing.primary
    not_found = False
    if selected is not None:
        accused_id, index = selected
        if accused_id is None and sentencing.primary.accused_id is not None:
            accused_id = sentencing.primary.accused_id
        found = sentencing.item(accused_id, index)
        not_found = found is None
        assessment = found or assessment
    person = next(p for p in sentencing.accused if p.accused_id == assessment.accused_id)
    evidence = selectors.case_evidence(case=case)
    missing = selectors.missing_for_trial(case=case)
    return {
        "case": case,
        "defendant": selectors.defendant_names(case=case),
        "row": sentencing.row,
        "sentencing": sentencing,
        "person": person,
        "a": assessment,
        "selection_not_found": not_found,
        "rec": assessment.recommendation,
        "steps": [(STAGE_LABELS.get(s.stage, s.stage), s) for s in assessment.recommendation.steps]
        if assessment.recommendation
        else [],
        "evidence": evidence,
        "missing_for_trial": missing,
        "missing_for_trial_labels": [
            requirement_label(r, several=evidence.checklist.several) for r in missing
        ],
        "can_write": selectors.can_write(case=case, user=user),
        "can_decide": selectors.can_decide(case=case, user=user),
    }


@login_required
@require_GET
def panel(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case-page panel: the recommendation (or the engine's message), circumstances and evidence status."""
    try:
        case = selectors.criminal_case_get(viewer=request.user, case_id=case_id)
    except DomainError as exc:
        return error_page(request, exc, fragment=True)
    return render(request, "criminal/_panel.html", _context(case, request.user))


@login_required
@require_GET
def case_page(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        case = selectors.criminal_case_get(viewer=request.user, case_id=case_id)
    except DomainError as exc:
        return error_page(request, exc)
    context = _context(case, request.user, _selected(request))
    context.update(
        {
            "overrides": [
                (o, override_subject(o, context["sentencing"])) for o in selectors.override_log(case=case)
            ],
            "history": selectors.assistance_history(case=case),
            "fact_fields": [(k, v[0]) for k, v in FACT_FIELDS.items()],
            "injury_labels": INJURY_LABELS,
            "circumstance_kinds": circumstance_kinds(),
            "stages": guidance.stages(),
        }
    )
    return render(request, "criminal/case.html", context)


def _post(
    request: HttpRequest,
    case_id: int,
    run: Callable[[Case], Any],
    success: str,
    anchor: str,
    query: str = "",
) -> HttpResponse:
    try:
        case = selectors.criminal_case_get(viewer=request.user, case_id=case_id)
        run(case)
    except (NotFoundError, NotPermittedError) as exc:
        return error_page(request, exc)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect(reverse("criminal:case", args=[case_id]) + query + anchor)


def _posted_int(value: str, *, code: str, message: str, field: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit() or len(value) > 12:
        raise InvalidInputError(code, message, {"field": field})
    return int(value)


@login_required
@require_POST
def facts_save(request: HttpRequest, case_id: int) -> HttpResponse:
    p = request.POST
    return _post(
        request,
        case_id,
        lambda case: services.sentencing_facts_save(
            case=case, actor=request.user, facts=p.get("facts", ""), province=p.get("province", "")
        ),
        "案件事实已保存，量刑建议已重新计算",
        "#facts",
    )


@login_required
@require_POST
def facts_import(request: HttpRequest, case_id: int) -> HttpResponse:
    return _post(
        request,
        case_id,
        lambda case: services.sentencing_facts_import(case=case, actor=request.user),
        "已从案情摘要导入案件事实",
        "#facts",
    )


@login_required
@require_POST
def override(request: HttpRequest, case_id: int) -> HttpResponse:
    """One override of one accused's charge (``accused_id``, ``charge_index``; default the first)."""
    p = request.POST

    def run(case: Case) -> Any:
        accused_id = _posted_int(
            p.get("accused_id", ""),
            code=CriminalErrorCode.UNKNOWN_ACCUSED,
            message="被告人参数无效",
            field="accused_id",
        )
        index = _posted_int(
            p.get("charge_index", ""),
            code=CriminalErrorCode.UNKNOWN_CHARGE,
            message="罪名序号无效",
            field="charge_index",
        )
        return services.sentencing_override_apply(
            case=case,
            actor=request.user,
            target=p.get("target", ""),
            name=p.get("name", ""),
            action=p.get("action", ""),
            value=p.get("value", ""),
            reason=p.get("reason", ""),
            accused_id=accused_id,
            charge_index=index or 0,
        )

    query = ""
    if p.get("accused_id", "").isdigit() or p.get("charge_index", "").isdigit():
        query = "?" + urlencode(
            {"accused": p.get("accused_id", ""), "charge": p.get("charge_index", "") or "0"}
        )
    return _post(request, case_id, run, "修正已记录，量刑建议已重新计算", "#steps", query)


@login_required
@require_GET
def table_docx(request: HttpRequest, case_id: int) -> HttpResponse:
    """下载量刑表 (.docx) of every accused and charge; refused with the engine's message when no charge of
    any accused has a recommendation."""
    try:
        case = selectors.criminal_case_get(viewer=request.user, case_id=case_id)
        content = table_bytes(case)
    except (NotFoundError, NotPermittedError) as exc:
        return error_page(request, exc)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(reverse("criminal:case", args=[case_id]) + "#steps")
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="sentencing-table-{case.pk}.docx"'
    return response


def table_bytes(case: Case) -> bytes:
    """The 量刑表 of ``case`` (every accused and charge; the ones that cannot be computed with the engine's
    message) or an :class:`InvalidInputError` with the engine's message when none can (API and page)."""
    sentencing = selectors.case_sentencing(case=case)
    if not sentencing.computable:
        assessment = sentencing.primary
        raise InvalidInputError(
            assessment.error_code or "criminal.not_computable",
            f"无法生成量刑表：{assessment.error_message}",
            {"field": assessment.error_field or "facts"},
        )
    return sentencing_table_docx(
        case=case,
        defendant=selectors.defendant_names(case=case),
        sentencing=sentencing,
        overrides=selectors.override_log(case=case),
    )


@login_required
@require_POST
def stage_set(request: HttpRequest, case_id: int) -> HttpResponse:
    return _post(
        request,
        case_id,
        lambda case: services.evidence_stage_set(
            case=case, actor=request.user, stage=request.POST.get("stage", "")
        ),
        "审理阶段已更新",
        "#evidence",
    )


@login_required
@require_POST
def material_add(request: HttpRequest, case_id: int) -> HttpResponse:
    p = request.POST
    return _post(
        request,
        case_id,
        lambda case: services.evidence_material_add(
            case=case,
            actor=request.user,
            requirement_key=p.get("requirement_key", ""),
            description=p.get("description", ""),
            content=p.get("content", ""),
            reference=p.get("reference", ""),
            upload=request.FILES.get("file"),
        ),
        "证据材料已登记",
        "#evidence",
    )


@login_required
@require_POST
def material_remove(request: HttpRequest, case_id: int, material_id: int) -> HttpResponse:
    return _post(
        request,
        case_id,
        lambda case: services.evidence_material_remove(
            case=case, actor=request.user, material_id=material_id
        ),
        "证据材料已撤回",
        "#evidence",
    )


@login_required
@require_GET
def material_file(request: HttpRequest, case_id: int, material_id: int) -> HttpResponse:
    """The uploaded file of a material, to those who may see the case's assistance (never a public URL)."""
    try:
        case = selectors.criminal_case_get(viewer=request.user, case_id=case_id)
    except DomainError as exc:
        return error_page(request, exc)
    material = EvidenceMaterial.objects.filter(case=case, pk=material_id).first()
    if material is None or not material.file:
        return render(request, "core/error.html", {"message": "证据材料不存在"}, status=404)
    return FileResponse(
        material.file.open("rb"), as_attachment=True, filename=material.file.name.rsplit("/", 1)[-1]
    )


@login_required
@require_POST
def ready(request: HttpRequest, case_id: int) -> HttpResponse:
    return _post(
        request,
        case_id,
        lambda case: services.case_mark_ready_for_trial(
            case=case, actor=request.user, reason=request.POST.get("reason", "")
        ),
        "已标记为可开庭审理",
        "#evidence",
    )


@login_required
@require_POST
def unready(request: HttpRequest, case_id: int) -> HttpResponse:
    return _post(
        request,
        case_id,
        lambda case: services.case_unmark_ready_for_trial(
            case=case, actor=request.user, reason=request.POST.get("reason", "")
        ),
        "已撤销可开庭审理标记",
        "#evidence",
    )
