"""缓刑 re-checked after 数罪并罚: the term to execute decides (刑法第七十二条第一款, 第六十九条), a 累犯 or
a 犯罪集团首要分子 found on any charge bars it (第七十四条); per-charge suggestions that no longer hold say
why, on the page, in the API and in the 量刑表."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.test import Client
from docx import Document

from smartcourt.apps.criminal import selectors, services
from smartcourt.apps.criminal.assessment import (
    PROBATION_RULE_COMBINED,
    combine_sentences,
    combined_probation,
)
from smartcourt.engines.sentencing import ProbationAssessment
from tests.apps.criminal.conftest import MULTI_FACTS, THEFT_FACTS, register_criminal, register_multi

# One accused, two short terms (generated, no real names).
LIGHT_FACTS = (
    "经审理查明：\n"
    "一、2024年3月1日，被告人甲某在某超市内秘密窃取他人手机一部，经鉴定价值人民币8000元。\n"
    "二、2024年4月2日，被告人甲某以帮助办理贷款为由，虚构事实，骗取被害人人民币20000元。\n"
    "被告人甲某到案后如实供述，退赔被害人损失并取得谅解。被告人甲某自愿认罪认罚。"
)


# --- the rule alone ----------------------------------------------------------------------------------------


def test_combined_term_over_three_years_ends_probation():
    combined = combine_sentences([("盗窃", 30, False), ("诈骗", 30, False)])
    assert (combined.low, combined.point, combined.high) == (30, 45, 60)
    p = combined_probation(combined)
    assert (p.eligible, p.mandatory_if_conditions_met, p.rule) == (False, False, PROBATION_RULE_COMBINED)
    assert p.reasons == (
        "数罪并罚后决定执行的刑期（参考有期徒刑三年九个月，幅度30—60个月）超过三年有期徒刑，"
        "各罪单独评价时的缓刑建议不再适用（刑法第六十九条、第七十二条第一款）；"
        "如酌情决定执行三年以下有期徒刑（幅度下限30个月），方可考虑缓刑",
    )


def test_combined_term_whose_lowest_is_over_three_years_has_no_way_back():
    p = combined_probation(combine_sentences([("盗窃", 40, False), ("诈骗", 12, False)]))
    assert p.eligible is False
    assert p.reasons[0].endswith(
        "超过三年有期徒刑，各罪单独评价时的缓刑建议不再适用（刑法第六十九条、第七十二条第一款）"
    )


def test_combined_term_within_three_years_keeps_probation_open():
    p = combined_probation(combine_sentences([("盗窃", 24, False), ("诈骗", 18, False)]))
    assert (p.eligible, p.rule) == (True, "刑法第六十九条、第七十二条、第七十四条")
    assert p.reasons[0] == (
        "数罪并罚后决定执行的刑期（参考有期徒刑二年九个月）不超过三年有期徒刑，可以考虑缓刑（刑法第七十二条第一款）"
        "；如酌情决定执行的刑期超过三年（幅度上限42个月），则不适用缓刑"
    )
    assert p.reasons[-1].startswith("须同时符合犯罪情节较轻")
    exact = combined_probation(combine_sentences([("盗窃", 36, False), ("危险驾驶", 5, True)]))
    assert exact.eligible is True and "幅度上限" not in exact.reasons[0]


def test_combined_detention_keeps_probation_open():
    p = combined_probation(combine_sentences([("危险驾驶", 4, True), ("盗窃", 5, True)]))
    assert p.eligible is True
    assert p.reasons[0] == "数罪并罚决定执行拘役，可以考虑缓刑（刑法第七十二条第一款）"


def test_a_bar_of_article_74_always_wins():
    bar = "被告人系累犯（见盗窃罪的量刑情节），不适用缓刑（刑法第七十四条）"
    p = combined_probation(combine_sentences([("盗窃", 6, False), ("诈骗", 6, False)]), bars=[bar])
    assert p.eligible is False and p.reasons[-1] == bar
    assert not any(r.startswith("须同时符合") for r in p.reasons)


def test_mandatory_probation_carries_over_only_when_open():
    minor = ProbationAssessment(True, True, ("未成年人",))
    short = combine_sentences([("盗窃", 6, False), ("诈骗", 6, False)])
    assert combined_probation(short, [minor, None]).mandatory_if_conditions_met is True
    long = combine_sentences([("盗窃", 36, False), ("诈骗", 36, False)])
    assert combined_probation(long, [minor, minor]).mandatory_if_conditions_met is False


# --- on a case ---------------------------------------------------------------------------------------------

db = pytest.mark.django_db


def _judge(world) -> Client:
    client = Client()
    client.force_login(world.judge)
    return client


@pytest.fixture
def multi(world):
    case = register_multi(world)
    services.sentencing_facts_save(case=case, actor=world.judge, facts=MULTI_FACTS)
    return case


@pytest.fixture
def light(world):
    case = register_criminal(world, charges=("盗窃", "诈骗"), accused=("甲某",))
    services.sentencing_facts_save(case=case, actor=world.judge, facts=LIGHT_FACTS)
    return case


@db
def test_each_charge_suggests_probation_but_the_combined_term_does_not(multi):
    first, second = selectors.case_sentencing(case=multi).accused
    assert [i.recommendation.probation.eligible for i in first.items] == [True, True]
    assert [i.recommendation.point for i in first.items] == [36, 36]
    combined = first.combined
    assert combined.point == 54 and combined.probation.eligible is False
    assert combined.probation.rule == "刑法第六十九条、第七十二条、第七十四条"
    assert "刑法第六十九条、第七十二条第一款" in combined.probation.reasons[0]
    for item in first.items:
        assert item.probation_suggested is False
        assert item.probation_note == combined.probation.reasons[0]
    # 乙某: 27 months to execute, the per-charge suggestions stand
    assert second.combined.point <= 36 and second.combined.probation.eligible is True
    assert [(i.probation_note, i.probation_suggested) for i in second.items] == [("", True), ("", True)]


@db
def test_a_recidivist_on_one_charge_gets_no_probation_on_any(world, light):
    person = selectors.case_sentencing(case=light).accused[0]
    assert person.combined.probation.eligible is True
    assert [i.probation_suggested for i in person.items] == [True, True]
    services.sentencing_override_apply(
        case=light,
        actor=world.judge,
        target="CIRCUMSTANCE",
        name="recidivism",
        action="ADD",
        reason="刑满释放后五年内再犯应当判处有期徒刑以上刑罚之罪",
        charge_index=0,
    )
    theft, fraud = selectors.case_sentencing(case=light).accused[0].items
    person = selectors.case_sentencing(case=light).accused[0]
    assert theft.recommendation.probation.eligible is False  # the engine's own check on this charge
    assert fraud.recommendation.probation.eligible is True  # the fraud alone would allow it
    bar = "被告人系累犯（见盗窃罪的量刑情节），不适用缓刑（刑法第七十四条）"
    assert (fraud.probation_note, fraud.probation_suggested) == (bar, False)
    assert person.combined.probation.eligible is False
    assert person.combined.probation.reasons[-1] == bar


@db
def test_a_group_leader_fact_on_one_charge_bars_probation(world, light):
    services.sentencing_override_apply(
        case=light,
        actor=world.judge,
        target="FACT",
        name="flags",
        action="SET",
        value="group_leader",
        reason="系诈骗犯罪集团的首要分子",
        charge_index=1,
    )
    person = selectors.case_sentencing(case=light).accused[0]
    bar = "被告人系犯罪集团的首要分子（见诈骗罪的事实），不适用缓刑（刑法第七十四条）"
    assert person.combined.probation.eligible is False and bar in person.combined.probation.reasons
    assert person.items[0].probation_note == bar and person.items[0].probation_suggested is False


@db
def test_no_combined_term_yet_means_no_standing_suggestion(world):
    case = register_criminal(world, charges=("盗窃", "开设赌场"), accused=("甲某",))
    services.sentencing_facts_save(case=case, actor=world.judge, facts=THEFT_FACTS)
    theft = selectors.case_sentencing(case=case).accused[0].items[0]
    assert theft.recommendation.probation.eligible is True
    assert theft.probation_note.startswith("数罪并罚尚不能计算") and theft.probation_suggested is False


@db
def test_single_charge_is_left_to_the_engine(world, criminal_case):
    services.sentencing_facts_save(case=criminal_case, actor=world.judge, facts=THEFT_FACTS)
    person = selectors.case_sentencing(case=criminal_case).accused[0]
    assert person.combined is None
    assert (person.items[0].probation_note, person.items[0].probation_suggested) == ("", True)
    services.sentencing_facts_save(
        case=criminal_case, actor=world.judge, facts=THEFT_FACTS + "被告人系累犯。"
    )
    item = selectors.case_sentencing(case=criminal_case).accused[0].items[0]
    assert item.recommendation.probation.eligible is False
    assert "累犯不适用缓刑（刑法第七十四条）" in item.recommendation.probation.reasons
    assert (item.probation_note, item.probation_suggested) == ("", False)


@db
def test_api_shows_the_combined_check(world, multi):
    data = _judge(world).get(f"/api/v1/criminal/cases/{multi.pk}/sentencing").json()
    first, second = data["accused"]
    probation = first["combined"]["probation"]
    assert (probation["eligible"], probation["rule"]) == (False, "刑法第六十九条、第七十二条、第七十四条")
    assert probation["mandatory_if_conditions_met"] is False
    assert [c["probation_suggested"] for c in first["charges"]] == [False, False]
    assert first["charges"][0]["probation_note"] == probation["reasons"][0]
    assert first["charges"][0]["recommendation"]["probation"]["eligible"] is True  # the engine's, kept
    assert (data["probation_suggested"], data["probation_note"]) == (False, probation["reasons"][0])
    assert second["combined"]["probation"]["eligible"] is True
    assert [c["probation_note"] for c in second["charges"]] == ["", ""]


@db
def test_api_single_charge_fields(world, criminal_case):
    services.sentencing_facts_save(case=criminal_case, actor=world.judge, facts=THEFT_FACTS)
    data = _judge(world).get(f"/api/v1/criminal/cases/{criminal_case.pk}/sentencing").json()
    assert (data["probation_suggested"], data["probation_note"]) == (True, "")
    assert data["accused"][0]["combined"] is None


@db
def test_page_says_the_suggestion_no_longer_holds(world, multi):
    client = _judge(world)
    body = client.get(f"/criminal/cases/{multi.pk}/").content.decode()
    assert "缓刑（数罪并罚后复核）" in body
    assert "不适用缓刑</span>：数罪并罚后决定执行的刑期（参考有期徒刑四年六个月" in body
    assert "⚠ 本罪的缓刑建议不再适用：数罪并罚后决定执行的刑期" in body
    assert "缓刑（本罪单独评价）：" in body
    assert "不适用缓刑（见数罪并罚后复核）" in body
    assert '决定执行有期徒刑四年六个月<span class="small">（不适用缓刑）</span>' in body
    second = selectors.accused_list(case=multi)[1].pk
    body = client.get(f"/criminal/cases/{multi.pk}/?accused={second}&charge=0").content.decode()
    assert "本罪的缓刑建议不再适用" not in body
    assert "可考虑缓刑" in body


@db
def test_sentencing_table_shows_the_combined_check(world, multi):
    response = _judge(world).get(f"/criminal/cases/{multi.pk}/sentencing-table.docx")
    doc = Document(io.BytesIO(response.content))
    pairs = [
        (row.cells[0].text, row.cells[1].text)
        for table in doc.tables
        if len(table.columns) == 2
        for row in table.rows
    ]
    combined = [v for k, v in pairs if k == "缓刑（数罪并罚后复核）"]
    assert len(combined) == 2
    assert combined[0].startswith("不适用缓刑：数罪并罚后决定执行的刑期（参考有期徒刑四年六个月")
    assert combined[0].endswith("（刑法第六十九条、第七十二条、第七十四条）")
    assert combined[1].startswith("可以考虑适用缓刑：数罪并罚后决定执行的刑期")
    notes = [v for k, v in pairs if k == "缓刑（复核）"]
    assert len(notes) == 2 and all(v.startswith("本罪的缓刑建议不再适用：数罪并罚后") for v in notes)
    assert len([k for k, _v in pairs if k == "缓刑（本罪单独评价）"]) == 2
    assert len([k for k, _v in pairs if k == "缓刑"]) == 2  # 乙某's charges: the suggestion stands


def test_fines_are_untouched_by_the_check():
    combined = combine_sentences(
        [("盗窃", 30, False), ("诈骗", 30, False)], [(Decimal(1000), Decimal(2000))] * 2
    )
    assert (combined.fine_low, combined.fine_high, combined.probation) == (Decimal(2000), Decimal(4000), None)


def test_fact_flags_are_entered_and_shown_by_their_chinese_names() -> None:
    from smartcourt.apps.criminal.assessment import OverrideValueError, display_fact, parse_fact_value

    assert parse_fact_value("flags", "入户，扒窃") == ["home_invasion", "pickpocketing"]
    assert parse_fact_value("flags", "group_leader") == ["group_leader"]
    assert display_fact("flags", frozenset({"dangerous_driving"})) == "醉酒驾驶机动车等危险驾驶行为"
    with pytest.raises(OverrideValueError, match="未知的事实标记「翻墙」"):
        parse_fact_value("flags", "翻墙")
