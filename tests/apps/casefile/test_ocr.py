"""Real OCR (RapidOCR) of one small rendered scan through the task: kept to a single page, it is slow."""

from __future__ import annotations

import pytest

from smartcourt.apps.casefile import pipeline, services
from smartcourt.apps.casefile.models import MaterialSource, MaterialStatus
from tests.engines.ocr.pages import png_bytes, render_page

pytestmark = pytest.mark.django_db


def test_rendered_scan_is_recognised_and_classified(world, case, tasks, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "_RECOGNIZER", None)  # the real recogniser
    image = render_page(
        ["民事起诉状", "原告：周某某，男，住杭州市。", "诉讼请求：判令被告偿还借款。"],
        size=(900, 420),
        font_size=34,
    )
    with tasks:
        material = services.material_ingest(
            case=case,
            data=png_bytes(image),
            filename="扫描.png",
            source=MaterialSource.SCAN,
            actor=world.clerk,
        )
    material.refresh_from_db()
    assert material.status == MaterialStatus.READY and material.text_source == "ocr"
    page = material.pages.get()
    assert "起诉状" in page.text and "诉讼请求" in page.text
    assert page.width == 900 and len(page.lines[0]["box"]) == 4
    assert material.category == "complaint"
