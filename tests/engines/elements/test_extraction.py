"""Element extraction vectors per cause on generated complaints and answers (Faker zh_CN names, no real names)."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from faker import Faker

from smartcourt.engines.elements import (
    Cause,
    ElementTable,
    Status,
    build_element_table,
    cause_schema,
    judgment_skeleton,
    property_items,
    trial_outline,
)

fake = Faker("zh_CN")


def _names(seed: int) -> tuple[str, str]:
    Faker.seed(seed)
    plaintiff = fake.name()
    defendant = fake.name()
    while defendant == plaintiff:
        defendant = fake.name()
    return plaintiff, defendant


def _cn(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _row(table: ElementTable, key: str):  # type: ignore[no-untyped-def]
    return next(r for r in table.rows if r.key == key)


def _spans_point_into(table: ElementTable, docs: dict[str, str]) -> None:
    for row in table.rows:
        for source in row.plaintiff_sources + row.defendant_sources + row.evidence_sources:
            text = docs[source.document]
            assert text[source.span[0] : source.span[1]] == source.text, (row.key, source)


@pytest.mark.parametrize("seed", range(12))
def test_private_lending(seed: int) -> None:
    rng = random.Random(seed)
    p, d = _names(seed)
    principal = rng.randrange(1, 500) * 1000
    lent = dt.date(2020, 9, 1) + dt.timedelta(days=rng.randrange(0, 1500))
    due = lent + dt.timedelta(days=365)
    rate = rng.choice([6, 8, 10, 12, 18, 24])
    repaid = rng.randrange(1, 50) * 100
    complaint = (
        f"原告{p}与被告{d}系朋友关系。{_cn(lent)}，被告向原告借款，并出具借条一张。"
        f"原告于{_cn(lent)}通过银行转账向被告交付借款{principal}元。约定年利率{rate}%，"
        f"借款期限一年，被告应于{_cn(due)}前归还。到期后被告仅偿还{repaid}元，余款经催要未还。"
        f"由{fake.name()}提供连带责任保证担保。"
    )
    dispute_rate = seed % 2 == 0
    answer = f"被告{d}辩称：对借款{principal}元的事实无异议。" + (
        "对利率有异议，双方从未约定利息。" if dispute_rate else "对约定的利率认可。"
    )
    evidence = [f"借条：今借到{p}人民币{principal}元，年利率{rate}%。借款人：{d}", "银行转账凭证一份"]
    table = build_element_table(complaint, answer, evidence)
    assert table.cause is Cause.PRIVATE_LENDING
    assert _row(table, "amount").plaintiff_value == str(principal)
    assert _row(table, "amount").status is Status.AGREED
    assert _row(table, "delivery").plaintiff_value == lent.isoformat()
    assert _row(table, "rate").plaintiff_value == f"{rate}%"
    assert _row(table, "rate").status is (Status.DISPUTED if dispute_rate else Status.AGREED)
    assert _row(table, "repayment").plaintiff_value == str(repaid)
    assert _row(table, "guarantee").plaintiff_value.endswith("提供连带责任保证担保")
    assert _row(table, "guarantee").status is Status.NOT_MENTIONED
    assert any(s.document == "evidence:0" for s in _row(table, "agreement").evidence_sources)
    _spans_point_into(
        table,
        {"complaint": complaint, "answer": answer, "evidence:0": evidence[0], "evidence:1": evidence[1]},
    )
    outline = trial_outline(table)
    assert ("约定利率" in [i.label for i in outline.focus]) is dispute_rate
    assert "借款金额" in "".join(outline.confirm)


@pytest.mark.parametrize("seed", range(8))
def test_traffic_accident(seed: int) -> None:
    rng = random.Random(seed)
    p, d = _names(100 + seed)
    day_ = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 600))
    medical = rng.randrange(1000, 90000)
    nursing = rng.randrange(10, 100) * 100
    grade = rng.randrange(1, 11)
    complaint = (
        f"{_cn(day_)}，被告{d}驾驶小型轿车与原告{p}驾驶的电动自行车相撞，致原告受伤。"
        f"经交警部门作出的交通事故认定书认定，被告负事故全部责任。"
        f"该车在某财产保险公司投保了交强险和商业三者险。"
        f"经鉴定，原告构成{grade}级伤残。原告支出医疗费{medical}元，护理费{nursing}元，交通费800元。"
        f"被告已垫付5000元。"
    )
    answer = (
        f"被告{d}辩称：对事故发生经过及责任认定无异议。"
        f"医疗费中部分为非医保用药，金额过高，不予认可。护理费认可。已垫付5000元属实。"
    )
    table = build_element_table(complaint, answer)
    assert table.cause is Cause.TRAFFIC_ACCIDENT
    assert _row(table, "accident").plaintiff_value == day_.isoformat()
    assert _row(table, "liability").status is Status.AGREED
    assert _row(table, "medical").plaintiff_value == str(medical)
    assert _row(table, "medical").status is Status.DISPUTED
    assert _row(table, "nursing").plaintiff_value == str(nursing)
    assert _row(table, "nursing").status is Status.AGREED
    assert _row(table, "transport").plaintiff_value == "800"
    assert _row(table, "paid").plaintiff_value == "5000"
    assert _row(table, "paid").status is Status.AGREED
    assert f"{grade}级伤残" in _row(table, "injury").plaintiff_value
    _spans_point_into(table, {"complaint": complaint, "answer": answer})
    skeleton = judgment_skeleton(table)
    assert [label for label, _ in skeleton.disputes] == ["医疗费"] or "医疗费" in [
        x for x, _ in skeleton.disputes
    ]
    assert "人身损害赔偿解释第六条" in skeleton.basis


@pytest.mark.parametrize("seed", range(8))
def test_divorce(seed: int) -> None:
    rng = random.Random(seed)
    p, d = _names(200 + seed)
    married = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(0, 3000))
    support = rng.randrange(10, 40) * 100
    complaint = (
        f"原告{p}与被告{d}于{_cn(married)}登记结婚，婚后育有一子。"
        f"因被告婚后长期赌博，双方感情确已破裂，自2022年起分居至今。"
        f"婚生子随原告生活，被告每月支付抚养费{support}元。"
        f"夫妻共同财产有房屋一套，价值1200000元。"
    )
    answer = f"被告{d}辩称：结婚登记属实。双方感情并未破裂，不同意离婚。抚养费过高，不予认可。"
    table = build_element_table(complaint, answer)
    assert table.cause is Cause.DIVORCE
    assert _row(table, "marriage").plaintiff_value == married.isoformat()
    assert _row(table, "marriage").status is Status.AGREED
    assert _row(table, "breakdown").status is Status.DISPUTED
    assert _row(table, "child_support").plaintiff_value == str(support)
    assert _row(table, "child_support").status is Status.DISPUTED
    assert _row(table, "common_property").plaintiff_value == "1200000"
    assert _row(table, "common_property").status is Status.NOT_MENTIONED
    _spans_point_into(table, {"complaint": complaint, "answer": answer})


@pytest.mark.parametrize("seed", range(8))
def test_labor_dispute(seed: int) -> None:
    rng = random.Random(seed)
    p, _ = _names(300 + seed)
    company = fake.company()
    start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 2000))
    end = start + dt.timedelta(days=rng.randrange(400, 2000))
    wage = rng.randrange(30, 200) * 100
    complaint = (
        f"申请人{p}于{_cn(start)}入职被申请人{company}，月工资{wage}元。"
        f"{_cn(end)}，被告以末位淘汰为由解除劳动合同。原告要求支付违法解除劳动合同赔偿金。"
        f"被告未为原告缴纳社会保险。"
    )
    answer = (
        f"被告辩称：认可双方存在劳动关系及入职时间。"
        f"原告月工资为{wage - 500}元。解除劳动合同系因原告严重违纪，不应支付赔偿金。其他事实无异议。"
    )
    table = build_element_table(complaint, answer, cause="劳动争议")
    assert table.cause is Cause.LABOR_DISPUTE
    assert _row(table, "start_date").plaintiff_value == start.isoformat()
    assert _row(table, "start_date").status is Status.AGREED
    assert _row(table, "wage").plaintiff_value == str(wage)
    assert _row(table, "wage").status is Status.DISPUTED  # a different figure in the answer
    assert _row(table, "termination").plaintiff_value == end.isoformat()
    assert _row(table, "compensation").status is Status.DISPUTED
    assert _row(table, "social_insurance").status is Status.AGREED  # 其他事实无异议
    _spans_point_into(table, {"complaint": complaint, "answer": answer})


def test_no_answer_marks_everything_not_mentioned() -> None:
    table = build_element_table("原告向被告出借人民币5万元。")
    assert {r.status for r in table.rows} == {Status.NOT_MENTIONED}
    assert table.notes == ("未提供答辩状：各要素均标为未提及",)
    assert trial_outline(table).focus == ()


def test_every_schema_element_has_basis_and_cues() -> None:
    for cause in Cause:
        schema = cause_schema(cause)
        assert schema.label == cause.label
        assert len(schema.elements) >= 8
        for element in schema.elements:
            assert element.basis and element.cues and element.questions, element.key


def test_cue_inside_another_elements_longer_cue_is_ignored() -> None:
    # 抚养 (子女及抚养) inside 抚养费 (抚养费): the answer's 抚养费过高 disputes only the support amount
    table = build_element_table(
        "原告与被告于2015年3月1日登记结婚。婚生女随原告生活。被告每月支付抚养费2000元。",
        "结婚登记属实。抚养费过高。",
        cause=Cause.DIVORCE,
    )
    assert _row(table, "children").status is Status.NOT_MENTIONED
    assert _row(table, "child_support").status is Status.DISPUTED


def test_answer_values_without_cue_words() -> None:
    complaint = "原告于2023年1月10日入职被告公司。原告月工资8000元。"
    same = build_element_table(complaint, "原告月工资8000元。", cause="劳动争议")
    assert (_row(same, "wage").status, _row(same, "wage").status_cue) == (Status.AGREED, "陈述一致")
    other = build_element_table(complaint, "原告月工资为6000元。", cause="劳动争议")
    assert _row(other, "wage").status is Status.DISPUTED
    assert "6000元" in _row(other, "wage").status_cue


def test_monthly_rate_is_marked() -> None:
    table = build_element_table("原告向被告出借人民币5万元，约定月息2%。", "", cause="民间借贷纠纷")
    assert _row(table, "rate").plaintiff_value == "月2%"


def test_property_items_feed_the_division() -> None:
    text = (
        "原告与被告于2015年登记结婚。婚后双方共同财产包括：位于某市某区的房屋一套，价值1500000元；"
        "存款200000元；小轿车一辆，价值约60000元。被告另欠外债。"
    )
    items = property_items(text)
    assert [(n, str(v)) for n, v, _ in items] == [
        ("某市某区的房屋", "1500000"),
        ("存款", "200000"),
        ("小轿车", "60000"),
    ]
    for _, _, source in items:
        assert text[source.span[0] : source.span[1]] == source.text
    assert items[2][2].text == "小轿车一辆，价值约60000元"
    assert property_items("双方无共同财产。") == ()
