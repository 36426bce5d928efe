"""The proof of service (电子送达凭证, with the effect of a 送达回证: 在线诉讼规则第三十一条第三款) and the postal
address sheet (邮寄送达地址单), as data and as .docx made with python-docx."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from docx import Document

if TYPE_CHECKING:
    from smartcourt.apps.service.models import ServiceRecord


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "astimezone"):
        return str(timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S"))
    return str(value)


def proof_data(record: ServiceRecord) -> dict[str, str]:
    """What the proof attests, in display order."""
    basis = ""
    method = ""
    if record.service_address is not None:
        basis = record.service_address.get_consent_basis_display()
        method = record.service_address.get_confirmed_method_display()
    return {
        "送达法院": record.case.court.name,
        "案号": record.case.case_number,
        "送达文书": record.title,
        "文书 SHA-256": record.document_sha256,
        "受送达人": record.party.name,
        "送达方式": f"电子送达（{record.get_channel_display()}）",
        "送达地址": record.address or "诉讼平台账户",
        "同意电子送达的依据": basis or "未确认电子地址（第三十一条第二款）",
        "确认方式": method,
        "到达系统时间": _fmt(record.reached_at),
        "首次阅读时间": _fmt(record.first_read_at),
        "送达时间": _fmt(record.served_at),
        "送达时间依据": record.served_rule,
        "送达人": record.created_by.full_name or record.created_by.username,
    }


def proof_docx(record: ServiceRecord) -> bytes:
    doc = Document()
    doc.core_properties.title = f"电子送达凭证（送达回证）{record.case.case_number}"
    doc.core_properties.author = record.case.court.name
    doc.add_heading(f"{record.case.court.name}\n电子送达凭证（送达回证）", level=1)
    table = doc.add_table(rows=0, cols=2)
    for label, value in proof_data(record).items():
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    doc.add_paragraph(
        "依据《人民法院在线诉讼规则》第三十一条第三款，人民法院开展电子送达，应当在系统中全程留痕，"
        "并制作电子送达凭证。电子送达凭证具有送达回证效力。本凭证的哈希值已记入本院司法链。"
    )
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def postal_sheet_docx(record: ServiceRecord) -> bytes:
    """邮寄送达地址单: where and what to post after electronic service failed."""
    party = record.party
    doc = Document()
    doc.core_properties.title = f"邮寄送达地址单 {record.case.case_number}"
    doc.add_heading(f"{record.case.court.name}\n邮寄送达地址单", level=1)
    table = doc.add_table(rows=0, cols=2)
    rows = [
        ("案号", record.case.case_number),
        ("受送达人", party.name),
        ("邮寄地址", record.postal_address or "（当事人未提供地址，请核实）"),
        ("联系电话", party.phone or ""),
        ("送达文书", record.title),
        ("文书 SHA-256", record.document_sha256),
        ("电子送达未完成的原因", record.failure_reason),
        ("制单时间", _fmt(timezone.now())),
        ("经办人", record.created_by.full_name or record.created_by.username),
    ]
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    doc.add_paragraph("电子送达未能完成，改为邮寄送达（民事诉讼法第九十一条；本地址单随邮件交邮政机构）。")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
