"""Web pages of 文书制作: the case-page panel (generate, upload an edited version, the versions with their
warnings), the defect page of one version with 一键修正, downloads and 存入电子卷宗. Views shape input and
output only; a :class:`DomainError` becomes a Chinese message."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from smartcourt.apps.audit.services import sensitive_read_record
from smartcourt.apps.core.errors import DomainError, InvalidInputError
from smartcourt.apps.core.responses import error_page
from smartcourt.apps.drafting import files, selectors, services
from smartcourt.apps.drafting.context import INPUT_FIELDS, NOTICE_TYPES, document_types_for
from smartcourt.apps.drafting.error_codes import DraftingErrorCode
from smartcourt.engines import drafting as eng
from smartcourt.engines.drafting import PdfFontError

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _case_page(case_id: int) -> str:
    return reverse("cases:detail", args=[case_id])


def _panel_context(request: HttpRequest, case_id: int) -> dict[str, object]:
    case = selectors.drafting_case_get(viewer=request.user, case_id=case_id)
    return {
        "case": case,
        "types": document_types_for(case),
        "notice_types": sorted(t.value for t in NOTICE_TYPES),
        "fields": INPUT_FIELDS,
        "drafts": list(selectors.draft_list(case=case)[:20]),
        "pdf": files.pdf_available(),
    }


@login_required
@require_GET
def panel(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        context = _panel_context(request, case_id)
    except DomainError as exc:
        return render(request, "drafting/_panel.html", {"error": exc.message}, status=exc.http_status)
    return render(request, "drafting/_panel.html", context)


@login_required
@require_GET
def workbench(request: HttpRequest, case_id: int) -> HttpResponse:
    """The full page of the panel (the panel's links and forms come back here after a POST)."""
    try:
        context = _panel_context(request, case_id)
    except DomainError as exc:
        return error_page(request, exc)
    return render(request, "drafting/workbench.html", context)


@login_required
@require_POST
def generate(request: HttpRequest, case_id: int) -> HttpResponse:
    inputs = {f.key: request.POST.get(f.key, "") for f in INPUT_FIELDS}
    try:
        draft = services.draft_generate(
            actor=request.user,
            case_id=case_id,
            document_type=request.POST.get("document_type", ""),
            inputs=inputs,
        )
    except DomainError as exc:
        if exc.http_status == 404:
            return error_page(request, exc)
        messages.error(request, exc.message)
        return redirect("drafting:workbench", case_id)
    return redirect("drafting:check", draft.pk)


@login_required
@require_POST
def upload(request: HttpRequest, case_id: int) -> HttpResponse:
    file = request.FILES.get("file")
    try:
        if file is None:
            raise InvalidInputError(
                DraftingErrorCode.BAD_FILE, "请选择要上传的 .docx 文件", {"field": "file"}
            )
        based_on = request.POST.get("based_on") or None
        draft = services.draft_upload(
            actor=request.user,
            case_id=case_id,
            data=file.read(),
            filename=file.name or "",
            document_type=request.POST.get("document_type", ""),
            based_on=int(based_on) if based_on and based_on.isdigit() else None,
        )
    except DomainError as exc:
        if exc.http_status == 404:
            return error_page(request, exc)
        messages.error(request, exc.message)
        return redirect("drafting:workbench", case_id)
    return redirect("drafting:check", draft.pk)


@login_required
@require_GET
def check(request: HttpRequest, draft_id: int) -> HttpResponse:
    """One version: its missing-field warnings and its defects, each with 一键修正 where mechanical."""
    try:
        draft = selectors.draft_get(viewer=request.user, draft_id=draft_id)
    except DomainError as exc:
        return error_page(request, exc)
    defects = selectors.draft_defects(draft=draft)
    context = {
        "draft": draft,
        "case": draft.case,
        "defects": [(i, d) for i, d in enumerate(defects)],
        "title": eng.document_types().get(draft.document_type, "上传文书"),
        "pdf": files.pdf_available(draft),
    }
    return render(request, "drafting/check.html", context)


@login_required
@require_POST
def fix(request: HttpRequest, draft_id: int) -> HttpResponse:
    try:
        draft = selectors.draft_get(viewer=request.user, draft_id=draft_id)
        raw = request.POST.get("index", "")
        if not raw.isdigit():
            raise InvalidInputError(DraftingErrorCode.NO_FIX, "未指定要修正的瑕疵", {"field": "index"})
        fixed = services.draft_fix(
            actor=request.user, draft=draft, index=int(raw), text=request.POST.get("text")
        )
    except DomainError as exc:
        if exc.http_status == 404:
            return error_page(request, exc)
        messages.error(request, exc.message)
        return redirect("drafting:check", draft_id)
    messages.success(request, f"已修正，生成第{fixed.version}版并重新检查")
    return redirect("drafting:check", fixed.pk)


@login_required
@require_POST
def store(request: HttpRequest, draft_id: int) -> HttpResponse:
    try:
        draft = selectors.draft_get(viewer=request.user, draft_id=draft_id)
        services.draft_store(actor=request.user, draft=draft)
    except DomainError as exc:
        if exc.http_status == 404:
            return error_page(request, exc)
        messages.error(request, exc.message)
        return redirect("drafting:check", draft_id)
    messages.success(request, "已存入电子卷宗")
    return redirect("drafting:check", draft_id)


@login_required
@require_GET
def download(request: HttpRequest, draft_id: int, fmt: str) -> HttpResponse:
    try:
        draft = selectors.draft_get(viewer=request.user, draft_id=draft_id)
    except DomainError as exc:
        return error_page(request, exc)
    if fmt == "pdf":
        if not files.pdf_available(draft):
            return render(
                request,
                "core/error.html",
                {"message": "本机未安装中文字体或文书类型未知，无法生成 PDF"},
                status=400,
            )
        try:
            data, media, name = (
                files.draft_pdf(draft),
                "application/pdf",
                draft.filename.removesuffix(".docx") + ".pdf",
            )
        except (PdfFontError, eng.DraftingError) as exc:
            return render(request, "core/error.html", {"message": exc.message}, status=400)
    else:
        data, media, name = bytes(draft.docx), DOCX_TYPE, draft.filename
    sensitive_read_record(
        actor=request.user,
        obj=draft,
        field=fmt if fmt == "pdf" else "docx",
        case_id=draft.case_id,
        remote_addr=request.META.get("REMOTE_ADDR"),
    )
    response = HttpResponse(data, content_type=media)
    from urllib.parse import quote

    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response
