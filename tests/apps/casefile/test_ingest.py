"""Ingestion: content checks, duplicates, pages with thumbnails, recognition in the task, audit."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry

from smartcourt.apps.casefile import services
from smartcourt.apps.casefile.models import Material, MaterialSource, MaterialStatus, Page
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from tests.apps.casefile.conftest import StubRecognizer, docx_bytes, png, scan_pdf, text_pdf

pytestmark = pytest.mark.django_db


def test_scan_is_split_into_pages_and_recognised(world, case, recognizer: StubRecognizer, tasks) -> None:
    recognizer.pages = [["民事起诉状", "原告：甲某", "具状人：甲某"], ["第2页内容很长一些文字"]]
    with tasks:
        material = services.material_ingest(
            case=case,
            data=scan_pdf(2),
            filename="起诉状扫描.pdf",
            source=MaterialSource.SCAN,
            actor=world.clerk,
        )
    material.refresh_from_db()
    assert material.page_count == 2 and material.media_type == "application/pdf"
    assert material.status == MaterialStatus.READY and material.text_source == "ocr"
    assert material.category == "complaint" and material.title == "民事起诉状"
    pages = list(material.pages.all())
    assert [p.number for p in pages] == [1, 2]
    assert bytes(pages[0].thumbnail).startswith(b"\x89PNG")
    assert pages[0].text.startswith("民事起诉状") and pages[0].lines[0]["box"][2] == [10.0, 10.0]
    assert material.uploaded_by == world.clerk and material.uploaded_at is not None
    assert material.file.name.endswith(".pdf")
    entry = LogEntry.objects.get_for_object(material).order_by("timestamp").first()
    assert entry is not None and entry.actor == world.clerk


def test_text_layer_pdf_is_not_ocred(world, case, recognizer: StubRecognizer, tasks) -> None:
    with tasks:
        material = services.material_ingest(
            case=case,
            data=text_pdf(["Hearing record page one with text", "Second page of the hearing record"]),
            filename="record.pdf",
            source=MaterialSource.PORTAL,
            actor=world.judge,
        )
    material.refresh_from_db()
    assert recognizer.calls == 0 and material.text_source == "text_layer"
    assert "page one" in material.pages.get(number=1).text


def test_docx_text_is_taken_directly(world, case, recognizer: StubRecognizer, tasks) -> None:
    with tasks:
        material = services.material_ingest(
            case=case,
            data=docx_bytes(["答辩状", "答辩人：乙某", "答辩意见如下。"]),
            filename="答辩状.docx",
            source=MaterialSource.GENERATED,
            actor=world.clerk,
        )
    material.refresh_from_db()
    assert recognizer.calls == 0 and material.text_source == "docx" and material.category == "answer"
    assert material.pages.get().text.startswith("答辩状")


def test_duplicate_is_refused_with_a_clear_message(world, case, recognizer, tasks) -> None:
    data = png(seed=3)
    with tasks:
        first = services.material_ingest(
            case=case, data=data, filename="a.png", source=MaterialSource.SCAN, actor=world.clerk
        )
    with pytest.raises(ConflictError) as caught:
        services.material_ingest(
            case=case, data=data, filename="b.png", source=MaterialSource.SCAN, actor=world.clerk
        )
    assert "内容完全相同" in caught.value.message and caught.value.detail["material"] == first.pk
    assert Material.objects.filter(case=case).count() == 1


def test_same_file_in_another_case_is_fine(world, case, recognizer, tasks) -> None:
    from tests.apps.factories import register_civil

    other = register_civil(world)
    data = png(seed=4)
    with tasks:
        for c in (case, other):
            services.material_ingest(
                case=c, data=data, filename="a.png", source=MaterialSource.SCAN, actor=world.clerk
            )
    assert Material.objects.filter(sha256=Material.objects.first().sha256).count() == 2


def test_only_staff_of_the_case_court(world, case) -> None:
    for user in (world.other_judge, world.litigant, world.it_admin):
        with pytest.raises(NotPermittedError):
            services.material_ingest(
                case=case, data=png(), filename="a.png", source=MaterialSource.SCAN, actor=user
            )
    with pytest.raises(InvalidInputError):
        services.material_ingest(case=case, data=png(), filename="a.png", source="FAX", actor=world.clerk)
    assert not Page.objects.exists()
