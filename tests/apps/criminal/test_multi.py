"""Several accused and several charges: per (accused, charge) assessment, circumstances read from the clauses
about each accused, overrides per pair, 数罪并罚 (刑法第六十九条), the page, the API and the 量刑表."""

from __future__ import annotations

import io

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from docx import Document

from smartcourt.apps.cases.models import Party
from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.criminal import selectors, services
from smartcourt.apps.criminal.assessment import combine_sentences
from smartcourt.apps.criminal.models import (
    ChargeAssessment,
    FactsSource,
    SentencingAssessment,
    SentencingOverride,
)
from tests.apps.criminal.conftest import MULTI_FACTS, THEFT_FACTS, register_criminal, register_multi

pytestmark = pytest.mark.django_db


def _accused(case):
    return {p.name: p for p in selectors.accused_list(case=case)}


def _kinds(item):
    return [c.kind for c in item.circumstances]


@pytest.fixture
def multi(world):
    case = register_multi(world)
    services.sentencing_facts_save(case=case, actor=world.judge, facts=MULTI_FACTS)
    return case


def test_every_accused_and_every_charge_is_assessed(multi):
    s = selectors.case_sentencing(case=multi)
    assert [p.name for p in s.accused] == ["甲某", "乙某"]
    assert [[i.charge for i in p.items] for p in s.accused] == [["盗窃", "诈骗"], ["盗窃", "诈骗"]]
    first, second = s.accused
    # facts of each charge from its own paragraph
    assert [i.facts.amount for i in first.items] == [40000, 30000]
    assert MULTI_FACTS[slice(*first.items[1].facts.span_of("amount"))] == "人民币30000元"
    # circumstances of each accused from the clauses about them
    assert "accessory" not in _kinds(first.items[0]) and "surrender" not in _kinds(first.items[0])
    assert "restitution" in _kinds(first.items[0])
    assert {"accessory", "surrender"} <= set(_kinds(second.items[0]))
    assert "restitution" not in _kinds(second.items[0])
    surrender = next(c for c in second.items[0].circumstances if c.kind == "surrender")
    assert MULTI_FACTS[surrender.span[0] : surrender.span[1]] == surrender.text == "主动投案"
    assert second.items[0].scope == "本罪名相关段落、以被告人乙某为主语的语句"
    assert first.scope_warning == second.scope_warning == ""
    # the primary (first accused, first charge) is what the single-case API shows
    assert s.primary is first.items[0] and not s.single


def test_combined_punishment_follows_article_69(multi):
    for person in selectors.case_sentencing(case=multi).accused:
        points = [i.recommendation.point for i in person.items]
        combined = person.combined
        assert combined is not None and person.combined_error == ""
        assert (combined.low, combined.high) == (max(points), min(sum(points), 240))
        assert combined.low <= combined.point <= combined.high
        assert combined.rule == "刑法第六十九条" and "刑法第六十九条" not in combined.explanation
        assert combined.declared.startswith("决定执行有期徒刑")
        assert person.declared == combined.declared


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        ([("a", 200, False), ("b", 219, False)], (219, 240)),  # sum 419 < 35 years: at most 20 years
        ([("a", 200, False), ("b", 220, False)], (220, 300)),  # sum 420 = 35 years: at most 25 years
        ([("a", 240, False), ("b", 240, False), ("c", 240, False)], (240, 300)),
        ([("a", 6, True), ("b", 5, True)], (6, 11)),
        ([("a", 6, True), ("b", 6, True), ("c", 6, True)], (6, 12)),  # 拘役 at most one year
        ([("a", 6, True), ("b", 7, False)], (7, 7)),  # 有期徒刑 and 拘役: 有期徒刑 is executed
    ],
)
def test_combine_sentences_bounds(terms, expected):
    combined = combine_sentences(terms)
    assert (combined.low, combined.high) == expected


def test_combine_needs_two_terms():
    with pytest.raises(ValueError, match="两个以上"):
        combine_sentences([("a", 6, False)])


def test_override_applies_to_one_pair_only_and_is_audited(world, multi):
    people = _accused(multi)
    item = services.sentencing_override_apply(
        case=multi,
        actor=world.judge,
        target="FACT",
        name="amount",
        action="SET",
        value="60000",
        reason="审计报告认定诈骗数额为六万元",
        accused_id=people["甲某"].pk,
        charge_index=1,
    )
    assert (item.accused, item.charge_index, item.version) == (people["甲某"], 1, 1)
    s = selectors.case_sentencing(case=multi)
    assert [i.facts.amount for i in s.accused[0].items] == [40000, 60000]
    assert [i.facts.amount for i in s.accused[1].items] == [40000, 30000]
    assert s.accused[0].items[1].fact_rows[0].overridden is True
    record = SentencingOverride.objects.get()
    assert (record.charge_assessment, record.before, record.after) == (item, "30000", "60000")
    assert SentencingAssessment.objects.get().version == 2
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ChargeAssessment), object_pk=str(item.pk)
    )
    assert [e.actor for e in entries] == [world.judge]


def test_circumstance_override_for_the_second_accused(world, multi):
    people = _accused(multi)
    services.sentencing_override_apply(
        case=multi,
        actor=world.judge,
        target="CIRCUMSTANCE",
        name="accessory",
        action="REMOVE",
        reason="乙某在盗窃中积极实施，不认定从犯",
        accused_id=people["乙某"].pk,
        charge_index=0,
    )
    s = selectors.case_sentencing(case=multi)
    assert "accessory" not in _kinds(s.accused[1].items[0])
    assert [c.kind for c in s.accused[1].items[0].removed] == ["accessory"]
    assert "accessory" in _kinds(s.accused[1].items[1])


def test_charge_excluded_for_an_accused_ends_the_combination(world, multi):
    people = _accused(multi)
    services.sentencing_override_apply(
        case=multi,
        actor=world.judge,
        target="CHARGE",
        name="",
        action="REMOVE",
        reason="起诉书未指控乙某犯诈骗罪",
        accused_id=people["乙某"].pk,
        charge_index=1,
    )
    second = selectors.case_sentencing(case=multi).accused[1]
    assert [i.charge for i in second.items] == ["盗窃"] and second.excluded == [(1, "诈骗")]
    assert second.combined is None and second.declared == second.items[0].recommendation.declared
    # the only charge left cannot be excluded; nothing changes
    with pytest.raises(InvalidInputError) as caught:
        services.sentencing_override_apply(
            case=multi,
            actor=world.judge,
            target="CHARGE",
            name="",
            action="REMOVE",
            reason="x",
            accused_id=people["乙某"].pk,
            charge_index=0,
        )
    assert "至少须保留一个" in caught.value.message
    # an excluded pair takes no fact override until it is restored
    with pytest.raises(InvalidInputError) as caught:
        services.sentencing_override_apply(
            case=multi,
            actor=world.judge,
            target="FACT",
            name="amount",
            action="SET",
            value="1",
            reason="x",
            accused_id=people["乙某"].pk,
            charge_index=1,
        )
    assert caught.value.detail["field"] == "charge_index"
    assert SentencingOverride.objects.count() == 1
    services.sentencing_override_apply(
        case=multi,
        actor=world.judge,
        target="CHARGE",
        name="",
        action="RESET",
        reason="补充起诉",
        accused_id=people["乙某"].pk,
        charge_index=1,
    )
    assert selectors.case_sentencing(case=multi).accused[1].combined is not None
    assert list(SentencingOverride.objects.values_list("after", flat=True)) == [
        "不予评估（该被告人未被指控此罪）",
        "诈骗",
    ]


def test_charge_override_per_pair_and_unsupported_charge_refused(world, multi):
    people = _accused(multi)
    services.sentencing_override_apply(
        case=multi,
        actor=world.judge,
        target="CHARGE",
        name="",
        action="SET",
        value="职务侵占罪",
        reason="乙某系公司员工，利用职务便利",
        accused_id=people["乙某"].pk,
        charge_index=0,
    )
    s = selectors.case_sentencing(case=multi)
    assert [i.charge for i in s.accused[1].items] == ["职务侵占", "诈骗"]
    assert s.accused[1].items[0].charge_overridden is True
    assert [i.charge for i in s.accused[0].items] == ["盗窃", "诈骗"]
    with pytest.raises(InvalidInputError) as caught:
        services.sentencing_override_apply(
            case=multi,
            actor=world.judge,
            target="CHARGE",
            name="",
            action="SET",
            value="开设赌场",
            reason="x",
            accused_id=people["甲某"].pk,
        )
    assert caught.value.code == "criminal.unsupported_charge"
    assert "不在《关于常见犯罪的量刑指导意见（试行）》" in caught.value.message
    assert SentencingOverride.objects.count() == 1


@pytest.mark.parametrize("who", ["prosecutor", "other_case"])
def test_unknown_accused_is_refused_and_nothing_saved(world, multi, who):
    if who == "prosecutor":
        party = Party.objects.get(case=multi, role="PROSECUTOR")
    else:
        party = Party.objects.get(case=register_criminal(world), role="ACCUSED")
    with pytest.raises(InvalidInputError) as caught:
        services.sentencing_override_apply(
            case=multi,
            actor=world.judge,
            target="FACT",
            name="amount",
            action="SET",
            value="1",
            reason="x",
            accused_id=party.pk,
        )
    assert (caught.value.code, caught.value.detail["field"]) == ("criminal.unknown_accused", "accused_id")
    assert "不是本案被告人" in caught.value.message
    assert (ChargeAssessment.objects.count(), SentencingOverride.objects.count()) == (0, 0)
    assert SentencingAssessment.objects.get().version == 1


def test_accused_not_named_in_the_facts_falls_back_to_the_whole_text(world):
    case = register_criminal(world, accused=("甲某", "丙某"))
    services.sentencing_facts_save(
        case=case, actor=world.judge, facts=THEFT_FACTS.replace("被告人", "被告人甲某", 1)
    )
    first, second = selectors.case_sentencing(case=case).accused
    assert first.scope_warning == ""
    assert second.scope_warning == "事实中未找到以被告人丙某为主语的语句，其量刑情节按全文提取，请核对"
    assert second.items[0].scope == "全文"
    assert (
        _kinds(second.items[0])
        == _kinds(first.items[0])
        == [
            "confession",
            "restitution",
            "compensation_forgiveness",
            "plea_leniency",
        ]
    )


def test_one_failing_charge_blocks_only_the_combination(world):
    case = register_criminal(world, charges=("盗窃", "开设赌场"), accused=("甲某",))
    services.sentencing_facts_save(case=case, actor=world.judge, facts=THEFT_FACTS)
    person = selectors.case_sentencing(case=case).accused[0]
    assert person.items[0].recommendation is not None
    assert person.items[1].error_code == "sentencing.unsupported_crime"
    assert person.combined is None
    assert person.combined_error.startswith("“开设赌场”尚无量刑建议")
    assert person.combined_error.endswith("暂不能数罪并罚")


def test_import_generates_facts_for_every_accused_and_charge(world):
    case = register_multi(world)
    row = services.sentencing_facts_import(case=case, actor=world.judge)
    assert row.facts_source == FactsSource.GENERATED
    assert "被告人乙某" in row.facts and "一、" in row.facts and "二、" in row.facts
    s = selectors.case_sentencing(case=case)
    assert "accessory" in _kinds(s.accused[1].items[0]) and "accessory" not in _kinds(s.accused[0].items[0])
    assert all(p.combined is not None for p in s.accused)


# --- pages and API -------------------------------------------------------------------------------------------


def _judge(world) -> Client:
    client = Client()
    client.force_login(world.judge)
    return client


def test_page_lists_every_pair_and_selects_one(world, multi):
    client = _judge(world)
    people = _accused(multi)
    body = client.get(f"/criminal/cases/{multi.pk}/").content.decode()
    assert "各被告人、各罪名量刑汇总" in body
    assert "提取的事实与量刑情节：被告人甲某 · 盗窃罪" in body
    assert "数罪并罚：被告人甲某（刑法第六十九条）" in body
    body = client.get(f"/criminal/cases/{multi.pk}/?accused={people['乙某'].pk}&charge=1").content.decode()
    assert "提取的事实与量刑情节：被告人乙某 · 诈骗罪" in body
    assert f'name="accused_id" value="{people["乙某"].pk}"' in body
    assert 'name="charge_index" value="1"' in body
    assert '<mark class="circumstance" title="从犯' in body
    body = client.get(f"/criminal/cases/{multi.pk}/?accused=999999&charge=0").content.decode()
    assert "所选被告人或罪名不在本案中" in body


def test_page_override_of_a_pair_redirects_back_to_it(world, multi):
    client = _judge(world)
    second = _accused(multi)["乙某"].pk
    response = client.post(
        f"/criminal/cases/{multi.pk}/overrides/",
        {
            "target": "CIRCUMSTANCE",
            "name": "surrender",
            "action": "REMOVE",
            "reason": "未主动投案，系被抓获",
            "accused_id": str(second),
            "charge_index": "1",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/criminal/cases/{multi.pk}/?accused={second}&charge=1#steps"
    assert SentencingOverride.objects.get().charge_assessment.accused_id == second
    response = client.post(
        f"/criminal/cases/{multi.pk}/overrides/",
        {
            "target": "FACT",
            "name": "amount",
            "action": "SET",
            "value": "1",
            "reason": "x",
            "accused_id": "abc",
        },
        follow=True,
    )
    assert "被告人参数无效" in response.content.decode()
    assert SentencingOverride.objects.count() == 1


def test_panel_shows_every_accused(world, multi):
    body = _judge(world).get(f"/criminal/cases/{multi.pk}/panel/").content.decode()
    assert body.count("数罪并罚（刑法第六十九条）") == 2
    assert "甲某" in body and "乙某" in body and "下载量刑表" in body


def test_api_lists_every_accused_and_keeps_the_single_shape(world, multi):
    client = _judge(world)
    data = client.get(f"/api/v1/criminal/cases/{multi.pk}/sentencing").json()
    assert data["charge"] == "盗窃" and data["recommendation"] is not None
    assert [a["name"] for a in data["accused"]] == ["甲某", "乙某"]
    first = data["accused"][0]
    assert [c["charge"] for c in first["charges"]] == ["盗窃", "诈骗"]
    assert first["charges"][0]["recommendation"] == data["recommendation"]
    combined = first["combined"]
    points = [c["recommendation"]["point_months"] for c in first["charges"]]
    assert combined["rule"] == "刑法第六十九条"
    assert combined["range_months"] == [max(points), sum(points)]
    assert first["declared"] == combined["declared"]
    second = data["accused"][1]
    kinds = [c["kind"] for c in second["charges"][0]["circumstances"]]
    assert "accessory" in kinds and "restitution" not in kinds


def test_api_override_with_accused_and_charge(world, multi):
    client = _judge(world)
    second = _accused(multi)["乙某"].pk
    url = f"/api/v1/criminal/cases/{multi.pk}/sentencing/overrides"
    body = {
        "accused_id": second,
        "charge_index": 1,
        "target": "FACT",
        "name": "amount",
        "action": "SET",
        "value": "35000",
        "reason": "依审计报告",
    }
    data = client.post(url, body, content_type="application/json").json()
    assert data["accused"][1]["charges"][1]["facts_items"][0]["value"] == "35000"
    assert data["accused"][0]["charges"][1]["facts_items"][0]["value"] == "30000"
    for bad, code in (
        ({"accused_id": 10**9}, "criminal.unknown_accused"),
        ({"charge_index": 7}, "criminal.unknown_charge"),
        ({"target": "CHARGE", "value": "开设赌场", "name": ""}, "criminal.unsupported_charge"),
    ):
        r = client.post(url, {**body, **bad}, content_type="application/json")
        assert r.status_code == 400 and r.json()["code"] == code
        assert set(r.json()) == {"code", "message", "detail"}
    r = client.post(url, {**body, "accused_id": "x"}, content_type="application/json")
    assert r.status_code == 422
    assert SentencingOverride.objects.count() == 1


def test_sentencing_table_lists_every_accused_and_charge(world, multi):
    people = _accused(multi)
    services.sentencing_override_apply(
        case=multi,
        actor=world.judge,
        target="CIRCUMSTANCE",
        name="surrender",
        action="REMOVE",
        reason="未主动投案",
        accused_id=people["乙某"].pk,
        charge_index=0,
    )
    client = _judge(world)
    response = client.get(f"/criminal/cases/{multi.pk}/sentencing-table.docx")
    assert response.status_code == 200
    doc = Document(io.BytesIO(response.content))
    info = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert (info["被告人"], info["罪名"]) == ("甲某、乙某", "盗窃罪、诈骗罪")
    summary = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert summary[0] == ["被告人", "罪名", "适用条文", "建议刑期幅度", "建议宣告刑"]
    assert [row[:2] for row in summary[1:]] == [
        ["甲某", "盗窃罪"],
        ["甲某", "诈骗罪"],
        ["甲某", "数罪并罚（刑法第六十九条）"],
        ["乙某", "盗窃罪"],
        ["乙某", "诈骗罪"],
        ["乙某", "数罪并罚（刑法第六十九条）"],
    ]
    data = client.get(f"/api/v1/criminal/cases/{multi.pk}/sentencing").json()
    assert summary[3][4] == data["accused"][0]["combined"]["declared"]
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["量刑汇总", "被告人甲某：盗窃罪", "被告人甲某：诈骗罪"]
    assert "被告人乙某：数罪并罚（刑法第六十九条）" in headings
    overrides = [[c.text for c in row.cells] for row in doc.tables[-1].rows]
    assert overrides[1][2] == "乙某·盗窃｜量刑情节：自首（删除）"
    assert overrides[1][5] == "未主动投案"
