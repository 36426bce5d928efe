"""Cataloguing, arrangement, corrections, automatic checks, extraction and back-fill, annotations, search."""

from __future__ import annotations

from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from smartcourt.apps.casefile import selectors, services
from smartcourt.apps.casefile.models import (
    BackfillField,
    CatalogueCorrection,
    Decision,
    Material,
    MaterialSource,
)
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotFoundError, NotPermittedError
from tests.apps.casefile.conftest import docx_bytes

pytestmark = pytest.mark.django_db


def _add(world, case, tasks, paragraphs: list[str], name: str) -> Material:
    with tasks:
        material = services.material_ingest(
            case=case,
            data=docx_bytes(paragraphs),
            filename=name,
            source=MaterialSource.GENERATED,
            actor=world.clerk,
        )
    material.refresh_from_db()
    return material


def _complaint(case) -> list[str]:
    plaintiff = case.parties.get(role="PLAINTIFF")
    defendant = case.parties.get(role="DEFENDANT")
    return [
        "民事起诉状",
        f"原告：{plaintiff.name}，男，住浙江省杭州市上城区清波街道某路8号，联系电话13912345678。",
        f"被告：{defendant.name}，女。",
        "诉讼请求：1.判令被告偿还借款80000元；2.本案诉讼费由被告负担。",
        "事实与理由：……",
        f"具状人：{plaintiff.name}",
    ]


def test_arrangement_by_catalogue_and_volume(world, case, tasks) -> None:
    judgment = _add(world, case, tasks, ["民事判决书", "……", "审判员 某某", "书记员 某某"] * 20, "判决.docx")
    report = _add(world, case, tasks, ["审理报告", "经审理查明……"], "报告.docx")
    complaint = _add(world, case, tasks, _complaint(case), "起诉状.docx")
    for m in (judgment, report, complaint):
        m.refresh_from_db()
    assert (complaint.volume, complaint.position, complaint.first_page) == ("main", 1, 1)
    assert (judgment.volume, judgment.position, judgment.first_page) == ("main", 2, 2)
    assert judgment.last_page == judgment.first_page + judgment.page_count - 1 and judgment.page_count == 3
    assert (report.volume, report.position, report.first_page) == ("secondary", 1, 1)
    tree = selectors.file_tree(case=case)
    assert [v["label"] for v in tree] == ["正卷", "副卷"]


def test_clerk_corrects_category_and_order(world, case, tasks) -> None:
    complaint = _add(world, case, tasks, _complaint(case), "起诉状.docx")
    other = _add(world, case, tasks, ["情况说明", "某某情况如下"], "说明.docx")
    assert other.category == "other"
    with pytest.raises(InvalidInputError):
        services.material_correct(material=other, actor=world.clerk, reason="", category="evidence")
    with pytest.raises(InvalidInputError):
        services.material_correct(material=other, actor=world.clerk, reason="x", category="nonsense")
    with pytest.raises(NotPermittedError):
        services.material_correct(material=other, actor=world.other_judge, reason="x", category="evidence")
    corrected = services.material_correct(
        material=other, actor=world.clerk, reason="系原告提交的证据", category="evidence"
    )
    assert (
        corrected.category == "evidence"
        and corrected.category_name == "证据材料"
        and corrected.category_corrected
    )
    record = CatalogueCorrection.objects.get(material=other)
    assert (record.field, record.before, record.after, record.actor) == (
        "category",
        "其他材料",
        "证据材料",
        world.clerk,
    )
    # move the evidence before the complaint
    moved = services.material_correct(material=other, actor=world.clerk, reason="按提交顺序", position=1)
    complaint.refresh_from_db()
    assert moved.position == 1 and complaint.position == 2 and complaint.first_page == 2
    assert CatalogueCorrection.objects.filter(field="position").get().after == "1"
    assert LogEntry.objects.get_for_object(moved).filter(actor=world.clerk).exists()


def test_checks_report_missing_and_unsigned(world, case, tasks) -> None:
    _add(
        world,
        case,
        tasks,
        ["民事起诉状", f"原告：{case.parties.get(role='PLAINTIFF').name}", "诉讼请求：……"],
        "a.docx",
    )
    messages = [i.message for i in selectors.file_checks(case=case)]
    assert any("受理案件通知书" in m for m in messages)
    assert any("未见署名" in m for m in messages)


def test_extraction_differences_and_backfill(world, case, tasks) -> None:
    complaint = _add(world, case, tasks, _complaint(case), "起诉状.docx")
    fields = {f.field: f for f in BackfillField.objects.filter(material=complaint)}
    assert fields["phone"].extracted_value == "13912345678" and fields["phone"].record_value == ""
    assert (
        fields["claim_amount"].extracted_value == "80000" and fields["claim_amount"].record_value == "50000"
    )
    plaintiff = case.parties.get(role="PLAINTIFF")
    with pytest.raises(NotPermittedError):
        services.backfill_decide(field=fields["phone"], actor=world.other_judge, accept=True)
    services.backfill_decide(field=fields["phone"], actor=world.clerk, accept=True)
    services.backfill_decide(field=fields["claim_amount"], actor=world.clerk, accept=False)
    plaintiff.refresh_from_db()
    case.refresh_from_db()
    assert plaintiff.phone == "13912345678" and case.claim_amount == Decimal("50000.00")
    assert LogEntry.objects.get_for_object(plaintiff).filter(actor=world.clerk).exists()
    with pytest.raises(ConflictError):
        services.backfill_decide(field=fields["phone"], actor=world.clerk, accept=True)
    assert BackfillField.objects.get(pk=fields["claim_amount"].pk).decision == Decision.REJECTED
    accept_amount = BackfillField.objects.get(pk=fields["claim_amount"].pk)
    assert accept_amount.decided_by == world.clerk


def test_annotations_are_private_and_search_finds_pages(world, case, tasks) -> None:
    complaint = _add(world, case, tasks, _complaint(case), "起诉状.docx")
    page = complaint.pages.get()
    services.annotation_create(page=page, actor=world.judge, text="注意借款金额")
    assert [a.text for a in selectors.annotations_for(viewer=world.judge, page=page)] == ["注意借款金额"]
    assert not selectors.annotations_for(viewer=world.judge2, page=page).exists()
    with pytest.raises(InvalidInputError):
        services.annotation_create(page=page, actor=world.judge, text="  ")
    hits = selectors.file_search(case=case, query="偿还借款")
    assert [h.page.pk for h in hits] == [page.pk] and "偿还借款" in hits[0].snippet
    assert selectors.file_search(case=case, query="不存在的词") == []


def test_parties_and_other_courts_cannot_read(world, case) -> None:
    for user in (world.litigant, world.other_judge, world.it_admin, world.high_manager):
        with pytest.raises(NotFoundError):
            selectors.casefile_case_get(viewer=user, case_id=case.pk)
    assert selectors.casefile_case_get(viewer=world.judge, case_id=case.pk) == case
