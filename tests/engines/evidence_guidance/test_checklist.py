"""Checklists: every covered crime at every stage, sources cited, unknown stage refused, unknown crime general."""

from __future__ import annotations

import pytest

from smartcourt.engines.evidence_guidance import UnknownStageError, checklist_for, covered_charges, stages

REQUIRED = [
    "盗窃",
    "诈骗",
    "危险驾驶",
    "故意伤害",
    "交通肇事",
    "抢劫",
    "走私、贩卖、运输、制造毒品",
    "寻衅滋事",
    "帮助信息网络犯罪活动",
    "开设赌场",
]


def test_the_required_crimes_are_covered() -> None:
    assert sorted(covered_charges()) == sorted(REQUIRED)


@pytest.mark.parametrize("charge", REQUIRED)
@pytest.mark.parametrize("stage", [s for s, _ in stages()])
def test_every_item_cites_a_source(charge: str, stage: str) -> None:
    checklist = checklist_for(charge + "罪", stage)
    assert checklist.covered is True
    assert checklist.notes == ()
    assert len({i.key for i in checklist.items}) == len(checklist.items)
    for item in checklist.items:
        assert item.source_title and item.article and stage in item.stages
    assert any(i.mandatory for i in checklist.items)


@pytest.mark.parametrize("charge", REQUIRED)
def test_trial_stage_lists_the_crime_evidence(charge: str) -> None:
    crime_items = [i for i in checklist_for(charge, "trial").items if i.crime]
    assert crime_items and all(i.crime == charge for i in crime_items)
    assert any(i.mandatory for i in crime_items)


def test_dui_checklist_names_the_2023_opinion_unverified() -> None:
    items = {i.key: i for i in checklist_for("危险驾驶", "trial").items}
    report = items["危险驾驶:blood_alcohol_report"]
    assert (report.name, report.mandatory, report.source, report.verified) == (
        "血液酒精含量检验鉴定意见",
        True,
        "高检发办字〔2023〕187号",
        False,
    )
    assert items["危险驾驶:road_and_capture"].verified is True


def test_charge_names_are_matched_loosely() -> None:
    assert checklist_for("走私贩卖运输制造毒品罪", "trial").charge == "走私、贩卖、运输、制造毒品"
    assert checklist_for(" 盗窃 ", "trial").charge == "盗窃"


def test_pretrial_has_its_own_general_items() -> None:
    keys = [i.key for i in checklist_for("盗窃", "pretrial").items if not i.crime]
    assert "evidence_catalogue" in keys and "indictment_service" in keys
    assert "evidence_catalogue" not in [i.key for i in checklist_for("盗窃", "filing_review").items]


def test_an_uncovered_crime_gets_the_general_checklist() -> None:
    checklist = checklist_for("重婚罪", "filing_review")
    assert checklist.covered is False
    assert checklist.charge == "重婚罪"
    assert all(i.crime == "" for i in checklist.items)
    assert [i.key for i in checklist.items][:2] == ["indictment", "defendant_identity"]
    assert checklist.items[0].citation == "法释〔2021〕1号 第二百一十八条（二）"


@pytest.mark.parametrize("stage", ["", "appeal", "TRIAL", "庭审"])
def test_unknown_stage(stage: str) -> None:
    with pytest.raises(UnknownStageError) as caught:
        checklist_for("盗窃", stage)
    assert caught.value.field == "stage"
