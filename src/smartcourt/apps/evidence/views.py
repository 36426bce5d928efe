"""Web pages of the ledger: 存证 (record and list, the court's staff), the receipt download, and the
public 验证 page. Views shape input and output only; a :class:`DomainError` becomes a Chinese message.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from smartcourt.apps.accounts.models import STAFF_ROLES
from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.evidence import selectors, services
from smartcourt.apps.evidence.apis import receipt_response
from smartcourt.apps.evidence.models import EntryKind

_MAX_RECEIPT_BYTES = 256 * 1024


@login_required
@require_http_methods(["GET", "POST"])
def evidence_index(request: HttpRequest) -> HttpResponse:
    """存证: record a file or a structured record in the court's log; the log's entries, newest first."""
    if request.user.role not in STAFF_ROLES:
        return render(request, "core/error.html", {"message": "只有法院工作人员可以存证"}, status=403)
    receipts: list[str] = []
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        metadata = {k: v for k in ("title", "case_number") if (v := request.POST.get(k, "").strip()[:200])}
        try:
            if kind == EntryKind.FILE:
                uploads = request.FILES.getlist("file")
                appended = services.evidence_file_record(
                    actor=request.user,
                    files=[
                        services.FileInput(name=f.name, data=f.read(), metadata=metadata) for f in uploads
                    ],
                )
            else:
                appended = services.evidence_record(
                    actor=request.user,
                    records=[
                        services.RecordInput(
                            kind=kind, content_hash=request.POST.get("content_hash", ""), metadata=metadata
                        )
                    ],
                )
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, f"已存证 {len(appended)} 条，已签发树头（大小 {appended[-1].receipt.tree_size}）"
            )
            receipts = [a.receipt.to_json() for a in appended]
    kind_filter = request.GET.get("kind", "")
    entries = selectors.entry_list(
        viewer=request.user, kind=kind_filter if kind_filter in EntryKind.values else ""
    )
    page = Paginator(entries, 20).get_page(request.GET.get("page"))
    ledger = getattr(request.user.court, "ledger", None) if request.user.court else None
    return render(
        request,
        "evidence/index.html",
        {
            "page": page,
            "kinds": selectors.kinds(),
            "kind_filter": kind_filter,
            "ledger": ledger,
            "head": selectors.tree_head_latest(ledger=ledger) if ledger else None,
            "receipts": receipts,
        },
    )


@login_required
def entry_receipt(request: HttpRequest, entry_id: int) -> HttpResponse:
    """下载回执: the receipt JSON file of an entry the user may see."""
    try:
        entry = selectors.entry_get(viewer=request.user, entry_id=entry_id)
    except DomainError as exc:
        return render(request, "core/error.html", {"message": exc.message}, status=exc.http_status)
    return receipt_response(entry)


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """验证 (public): upload a receipt and/or the evidence file; verified or not, with the proof path."""
    result = None
    if request.method == "POST":
        receipt_file = request.FILES.get("receipt")
        pasted = request.POST.get("receipt_text", "").strip()
        data_file = request.FILES.get("file")
        receipt_text: bytes | str | None = None
        if receipt_file is not None:
            receipt_text = receipt_file.read(_MAX_RECEIPT_BYTES + 1)
        elif pasted:
            receipt_text = pasted
        try:
            if receipt_text is not None and len(receipt_text) > _MAX_RECEIPT_BYTES:
                raise DomainError("ledger.bad_receipt", "回执文件过大")
            result = selectors.receipt_verify(
                receipt_text=receipt_text, data=data_file.read() if data_file is not None else None
            )
        except DomainError as exc:
            messages.error(request, exc.message)
    return render(
        request,
        "evidence/verify.html",
        {
            "result": result,
            "receipt_pretty": json.dumps(json.loads(result.receipt_json), ensure_ascii=False, indent=2)
            if result and result.receipt_json
            else "",
            "ledgers": selectors.ledger_list(),
        },
    )
