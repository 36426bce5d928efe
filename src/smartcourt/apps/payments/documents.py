"""The receipt (票据) as a .docx, made with python-docx. Deterministic for the same order and receipt."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx import Document

if TYPE_CHECKING:
    from smartcourt.apps.payments.models import PaymentOrder, Receipt


def receipt_docx(*, order: PaymentOrder, receipt: Receipt) -> bytes:
    doc = Document()
    doc.core_properties.title = f"诉讼费用缴费票据 {receipt.receipt_number}"
    doc.core_properties.author = order.case.court.name
    doc.core_properties.created = receipt.issued_at
    doc.core_properties.modified = receipt.issued_at
    doc.core_properties.last_modified_by = "smartcourt"
    doc.add_heading(f"{order.case.court.name}\n诉讼费用缴费票据", level=1)
    table = doc.add_table(rows=0, cols=2)
    rows = [
        ("票据号", receipt.receipt_number),
        ("缴费单号", order.order_number),
        ("案号", order.case.case_number),
        ("交款人", receipt.payer_name),
        ("费用类型", order.get_kind_display()),
        ("金额（元）", f"{receipt.amount:.2f}"),
        ("支付流水号", order.provider_txn_id),
        ("开具时间", receipt.issued_at.strftime("%Y-%m-%d %H:%M:%S %z")),
    ]
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, str(value)
    doc.add_paragraph(
        "本票据由诉讼平台依《诉讼费用交纳办法》第五十二条开具；正式财政票据以财政部门印制的票据为准。"
    )
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
