"""A generated civil case (Faker zh_CN parties, valid ID numbers) and the judge's inputs for a judgment."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from docx import Document

from smartcourt.apps.cases.models import Case
from tests.apps.factories import World, register_civil


@pytest.fixture
def case(world: World) -> Case:
    case = register_civil(world)
    case.responsible_judge = world.judge
    case.clerk = world.clerk
    case.save(update_fields=["responsible_judge", "clerk"])
    return case


def judgment_inputs(case: Case) -> dict[str, object]:
    defendant = case.parties.get(role="DEFENDANT").name
    heard = case.registered_on + timedelta(days=30)
    return {
        "claims": "判令被告偿还借款50000元\n本案诉讼费用由被告负担",
        "facts_and_reasons": "被告向原告借款50000元，到期未还。",
        "defences": f"{defendant}：借款已部分归还",
        "facts_found": ["2023年3月1日，被告向原告借款50000元，约定于2023年9月1日归还。"],
        "reasoning": ["合法的借贷关系受法律保护，被告应当偿还借款50000元。"],
        "legal_basis": ["《中华人民共和国民法典》第六百七十五条"],
        "operative_items": ["被告于本判决生效之日起十日内偿还原告借款50000元"],
        "costs_bearer": f"被告{defendant}",
        "hearing_date": heard.isoformat(),
        "judgment_date": (heard + timedelta(days=10)).isoformat(),
    }


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def docx_bytes(paragraphs: list[str]) -> bytes:
    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
