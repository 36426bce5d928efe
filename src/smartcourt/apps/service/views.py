"""Pages of electronic service: the case panel (staff: confirm addresses, serve, see status; a party: its own
documents), a served document (reading it is the read receipt), downloads, and 我的送达.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from smartcourt.apps.cases.selectors import case_visible_queryset
from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.service import selectors, services
from smartcourt.apps.service.models import ConfirmMethod, ConsentBasis, ServiceChannel, ServiceRecord

_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return render(request, "core/error.html", {"message": exc.message}, status=exc.http_status)


@login_required
def my_documents(request: HttpRequest) -> HttpResponse:
    records = selectors.record_visible_queryset(viewer=request.user)[:200]
    return render(request, "service/my_documents.html", {"records": records})


@login_required
def record_detail(request: HttpRequest, record_id: int) -> HttpResponse:
    try:
        record = selectors.record_get(viewer=request.user, record_id=record_id)
    except DomainError as exc:
        return _error(request, exc)
    record = services.service_read_record(record=record, reader=request.user, source="portal")
    staff = services.may_serve(request.user, record.case)
    return render(
        request,
        "service/record.html",
        {
            "record": record,
            "staff": staff,
            "receipts": record.read_receipts.select_related("reader") if staff else [],
        },
    )


def _file(field: object, name: str, content_type: str) -> FileResponse:
    if not field:
        raise Http404("文件不存在")
    return FileResponse(field.open("rb"), as_attachment=True, filename=name, content_type=content_type)  # type: ignore[attr-defined]


@login_required
def document_download(request: HttpRequest, record_id: int) -> HttpResponse:
    try:
        record = selectors.record_get(viewer=request.user, record_id=record_id)
    except DomainError as exc:
        return _error(request, exc)
    services.service_read_record(record=record, reader=request.user, source="download")
    return _file(record.document, record.document_name or "document", "application/octet-stream")


@login_required
def proof_download(request: HttpRequest, record_id: int) -> HttpResponse:
    try:
        record = selectors.record_get(viewer=request.user, record_id=record_id)
    except DomainError as exc:
        return _error(request, exc)
    return _file(record.proof, f"送达回证-{record.pk}.docx", _DOCX)


@login_required
def receipt_download(request: HttpRequest, record_id: int) -> HttpResponse:
    try:
        record = selectors.record_get(viewer=request.user, record_id=record_id)
    except DomainError as exc:
        return _error(request, exc)
    if not record.ledger_receipt:
        raise Http404("回执不存在")
    response = HttpResponse(record.ledger_receipt, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="service-{record.pk}-receipt.json"'
    return response


@login_required
def postal_download(request: HttpRequest, record_id: int) -> HttpResponse:
    try:
        record = selectors.record_get(viewer=request.user, record_id=record_id)
    except DomainError as exc:
        return _error(request, exc)
    if not services.may_serve(request.user, record.case):
        raise Http404("文件不存在")
    return _file(record.postal_sheet, f"邮寄送达地址单-{record.pk}.docx", _DOCX)


@login_required
@require_POST
def bounce(request: HttpRequest, record_id: int) -> HttpResponse:
    try:
        record = selectors.record_get(viewer=request.user, record_id=record_id)
        services.service_bounce_record(
            record=record, reason=request.POST.get("reason", ""), actor=request.user
        )
    except DomainError as exc:
        return _error(request, exc)
    return render(request, "service/record.html", {"record": record, "staff": True, "receipts": []})


@login_required
@require_http_methods(["GET", "POST"])
def case_panel(request: HttpRequest, case_id: int) -> HttpResponse:
    case = case_visible_queryset(viewer=request.user).filter(pk=case_id).first()
    if case is None:
        raise Http404("案件不存在")
    staff = services.may_serve(request.user, case)
    error = ""
    notice = ""
    if request.method == "POST":
        if not staff:
            return HttpResponse("只有本院工作人员可以送达", status=403)
        party = case.parties.filter(pk=request.POST.get("party_id") or 0).first()
        try:
            if party is None:
                raise DomainError("service.bad_party", "请选择受送达人")
            if request.POST.get("action") == "confirm":
                services.service_address_confirm(
                    party=party,
                    channel=request.POST.get("channel", ""),
                    address=request.POST.get("address", "")[:200],
                    consent_basis=request.POST.get("consent_basis", ""),
                    confirmed_method=request.POST.get("confirmed_method", ""),
                    actor=request.user,
                )
                notice = "已确认电子送达地址"
            else:
                upload = request.FILES.get("file")
                if upload is not None and upload.size and upload.size > services.MAX_DOCUMENT_BYTES:
                    raise DomainError("service.file_too_large", "文书文件不能超过 20 MB")
                record = services.document_serve(
                    case=case,
                    party=party,
                    actor=request.user,
                    title=request.POST.get("title", "")[:300],
                    text=request.POST.get("text", "")[:100_001],
                    file_name=upload.name if upload else "",
                    file_data=upload.read() if upload else b"",
                    channel=request.POST.get("channel", ""),
                )
                notice = f"《{record.title}》：{record.get_status_display()}"
        except DomainError as exc:
            error = exc.message
    records: list[ServiceRecord] = list(
        selectors.record_visible_queryset(viewer=request.user).filter(case=case)[:100]
    )
    return render(
        request,
        "service/_case_panel.html",
        {
            "case": case,
            "staff": staff,
            "records": records,
            "parties": case.parties.order_by("pk") if staff else [],
            "addresses": selectors.addresses_for_case(case_id=case.pk) if staff else [],
            "channels": [c for c in ServiceChannel.choices if c[0] != ServiceChannel.POSTAL],
            "consents": ConsentBasis.choices,
            "methods": ConfirmMethod.choices,
            "error": error,
            "notice": notice,
        },
    )
