"""Cataloguing accuracy on generated materials, arrangement, and the automatic checks of a case file."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from tests.engines.casefile.documents import generated_materials

from smartcourt.engines.casefile import (
    FileDocument,
    ReviewedDocument,
    arrange,
    catalogue,
    check_case_file,
    classify_document,
)


def test_cataloguing_accuracy_on_200_generated_materials():
    materials = generated_materials(200)
    assert {m.category for m in materials} == {c.code for c in catalogue().categories}
    right = sum(classify_document(m.text).category.code == m.category for m in materials)
    untitled = [m for m in materials if not m.title_shown]
    right_untitled = sum(classify_document(m.text).category.code == m.category for m in untitled)
    assert right / len(materials) >= 0.95
    assert right_untitled / len(untitled) >= 0.85


def test_title_beats_cues_and_carries_its_evidence():
    result = classify_document("民事判决书\n……裁定如下……")
    assert result.category.code == "judgment" and result.evidence[0].rule == "title"
    assert result.evidence[0].span == (0, 5) and result.confidence == 1.0
    assert classify_document("刑 事 判 决 书").category.code == "judgment"
    assert classify_document("送达回证", title="民事调解书").category.code == "mediation"


def test_unknown_material_is_other_with_no_confidence():
    result = classify_document("今天天气很好。")
    assert (result.category.code, result.confidence, result.evidence) == ("other", 0.0, ())


@given(
    st.lists(
        st.tuples(st.sampled_from([c.code for c in catalogue().categories] + ["other"]), st.integers(1, 30)),
        max_size=30,
    )
)
def test_arrangement_numbers_every_page_once_per_volume(items):
    documents = [FileDocument(str(i), code, pages) for i, (code, pages) in enumerate(items)]
    placed = arrange(documents)
    assert sorted(p.id for p in placed) == sorted(d.id for d in documents)
    for volume in ("main", "secondary"):
        in_volume = [p for p in placed if p.volume == volume]
        expected = 1
        for p in in_volume:
            assert p.first_page == expected and p.last_page >= p.first_page
            expected = p.last_page + 1
        orders = [p.category.order for p in in_volume]
        assert orders == sorted(orders)


def test_arrangement_orders_by_date_within_a_category():
    placed = arrange(
        [
            FileDocument("late", "evidence", 1, date(2024, 3, 1)),
            FileDocument("early", "evidence", 1, date(2024, 1, 1)),
        ]
    )
    assert [p.id for p in placed] == ["early", "late"]


def _doc(id_, category, *pages):
    return ReviewedDocument(id_, category, tuple(pages))


def test_checks_find_each_problem_and_stay_quiet_on_a_good_file():
    parties = ["张三", "李四"]
    good = [
        _doc(
            "c",
            "complaint",
            "民事起诉状\n原告：张三\n被告：李四\n诉讼请求……第1页",
            "……此致 具状人：张三 第2页",
        ),
        _doc("a", "acceptance_notice", "受理案件通知书 张三：本院决定立案审理。"),
        _doc("r", "response_notice", "应诉通知书 李四：请提出答辩状。"),
        _doc("e", "evidence_notice", "举证通知书 举证期限十五日。"),
        _doc("j", "judgment", "民事判决书\n原告：张三\n被告：李四\n判决如下……", "审判员 王五\n书记员 赵六"),
        _doc("s", "proof_of_service", "送达回证 受送达人：张三 签收"),
    ]
    assert check_case_file(status="CLOSED", documents=good, parties=parties) == []

    bad = [
        _doc("c", "complaint", "民事起诉状\n原告：张三\n被告：李思\n第1页", "   ", "第4页 具状人：张三"),
        _doc("j", "judgment", "民事判决书\n原告：张三\n被告：李四\n判决如下……"),
    ]
    issues = check_case_file(status="CLOSED", documents=bad, parties=parties)
    kinds = [(i.kind, i.document, i.page) for i in issues]
    assert ("missing_document", None, None) in kinds
    assert ("blank_page", "c", 2) in kinds
    assert ("page_order", "c", 3) in kinds
    assert ("unsigned", "j", 1) in kinds
    assert ("party_name", "c", 1) in kinds
    assert all(i.message and i.rule for i in issues)
