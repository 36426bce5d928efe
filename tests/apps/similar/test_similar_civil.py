"""Civil similar cases: same cause, the award and the court-fee share read from the judgments, compared with
a draft (generated judgments only)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from faker import Faker

from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.similar import services
from smartcourt.apps.similar.selectors import cost_ratio
from tests.apps.factories import register_civil

_fake = Faker("zh_CN")
LOAN = "原告{p}与被告{d}签订借款合同，约定借款{amount}元，年利率6%，被告到期未还，原告诉至本院请求偿还借款及利息。"


def _loan_judgment(
    rng: random.Random, seq: int, *, award: int, plaintiff_fee: int, defendant_fee: int
) -> tuple[str, dict[str, Any]]:
    p, d = _fake.last_name() + "某", _fake.last_name() + "某"
    facts = LOAN.format(p=p, d=d, amount=award)
    fee = (
        f"由原告{p}负担{plaintiff_fee}元，被告{d}负担{defendant_fee}元" if plaintiff_fee else f"由被告{d}负担"
    )
    text = (
        f"杭州市上城区人民法院\n民事判决书\n（2024）浙0102民初{seq}号\n原告{p}，男，汉族。\n被告{d}，男，汉族。\n"
        f"经审理查明：{facts}\n本院认为，合法的借贷关系受法律保护，被告应当按照约定偿还借款。\n"
        f"判决如下：\n被告{d}于本判决生效之日起十日内偿还原告{p}借款{award}元。\n"
        f"案件受理费{plaintiff_fee + defendant_fee or 800}元，{fee}。\n审判员　{_fake.name()}\n二〇二四年五月一日\n"
    )
    fields = {
        "title": f"{p}诉{d}民间借贷纠纷一审民事判决书",
        "case_type": "civil",
        "cause": "民间借贷纠纷",
        "facts": facts,
    }
    return text, fields


@pytest.fixture
def loans(db: None, search_dir: Any) -> list[int]:
    from smartcourt.apps.knowledge.judgment_services import judgment_create, judgment_index

    rng = random.Random(3)
    ids = []
    plan = [
        (20000, 0, 300),
        (50000, 0, 1050),
        (80000, 100, 1700),
        (100000, 0, 2300),
        (120000, 500, 2200),
        (150000, 0, 3300),
    ]
    for seq, (award, pf, df) in enumerate(plan, start=200):
        text, fields = _loan_judgment(rng, seq, award=award, plaintiff_fee=pf, defendant_fee=df)
        j, _ = judgment_create(text=text, fields=fields, index=False)
        ids.append(j.pk)
    judgment_index(ids=ids)
    return ids


def test_cost_ratio_forms() -> None:
    assert cost_ratio("案件受理费800元，由被告负担。") == 1.0
    assert cost_ratio("案件受理费50元，由原告张某负担。") == 0.0
    assert cost_ratio("案件受理费1000元，由原告负担200元，被告负担800元。") == 0.8
    assert cost_ratio("本判决为终审判决。") is None


@pytest.mark.django_db
def test_award_and_cost_ratio_deviation(world: Any, loans: list[int]) -> None:
    case = register_civil(world, summary="原告与被告签订借款合同，借款60000元，约定年利率6%，被告到期未还。")
    award = services.outcome_check_create(actor=world.judge, case_id=case.pk, kind="award", draft="1000000")
    assert award.warn and award.direction == "above" and award.n == 6 and "元" in award.message
    usual = services.outcome_check_create(actor=world.judge, case_id=case.pk, kind="award", draft="90000")
    assert not usual.warn
    ratio = services.outcome_check_create(actor=world.judge, case_id=case.pk, kind="cost_ratio", draft="0.2")
    assert ratio.warn and ratio.direction == "below" and ratio.n == 6
    with pytest.raises(InvalidInputError, match="0到1"):
        services.outcome_check_create(actor=world.judge, case_id=case.pk, kind="cost_ratio", draft="80")
    with pytest.raises(InvalidInputError, match="结果类型"):
        services.outcome_check_create(actor=world.judge, case_id=case.pk, kind="bogus", draft="1")
