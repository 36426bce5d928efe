"""Generated judgments (Faker zh_CN names, no real data) in a temporary search index."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from faker import Faker

_fake = Faker("zh_CN")

THEFT_FACTS = "经审理查明：{date}，被告人{name}窜入被害人家中，窃得现金人民币{amount}元。案发后，被告人{name}到案后如实供述，退赔了被害人的损失。"
DRUNK_FACTS = "经审理查明：{date}，被告人{name}醉酒驾驶小型轿车在道路上行驶，经鉴定其血液中乙醇含量为{amount}mg/100ml。被告人{name}到案后如实供述。"
HURT_FACTS = "经审理查明：{date}，被告人{name}因琐事与被害人发生争执，持刀将被害人砍伤，经鉴定被害人损伤程度为轻伤二级。"

CRIMES = {
    "盗窃": (
        THEFT_FACTS,
        "本院认为，被告人{name}以非法占有为目的，入户盗窃他人财物，数额较大，其行为已构成盗窃罪。被告人{name}到案后如实供述自己的罪行，可以从轻处罚。",
        "第二百六十四条、第六十七条第三款",
    ),
    "危险驾驶": (
        DRUNK_FACTS,
        "本院认为，被告人{name}在道路上醉酒驾驶机动车，其行为已构成危险驾驶罪。",
        "第一百三十三条之一",
    ),
    "故意伤害": (
        HURT_FACTS,
        "本院认为，被告人{name}故意伤害他人身体，致一人轻伤，其行为已构成故意伤害罪。",
        "第二百三十四条",
    ),
}
_CN_MONTHS = {
    4: "四个月",
    6: "六个月",
    8: "八个月",
    10: "十个月",
    12: "一年",
    14: "一年二个月",
    18: "一年六个月",
    24: "二年",
    36: "三年",
}


@dataclass
class Generated:
    ids: list[int]
    by_charge: dict[str, list[int]]
    guiding_id: int


def judgment_text(
    charge: str, *, months: int, seq: int, rng: random.Random, guiding: bool = False
) -> tuple[str, dict[str, Any]]:
    facts_t, reasoning_t, articles = CRIMES[charge]
    name = _fake.last_name() + "某"
    amount = rng.choice([2000, 3500, 5000, 8000]) if charge == "盗窃" else rng.choice([120, 150, 180])
    date = f"2023年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    facts = facts_t.format(name=name, amount=amount, date=date)
    reasoning = reasoning_t.format(name=name)
    title = ("指导性案例：" if guiding else "") + f"{name}{charge}一审刑事判决书"
    text = (
        f"杭州市上城区人民法院\n刑事判决书\n（2024）浙0102刑初{seq}号\n公诉机关杭州市上城区人民检察院。\n"
        f"被告人{name}，男，汉族。\n{facts}\n{reasoning}依照《中华人民共和国刑法》{articles}之规定，判决如下：\n"
        f"被告人{name}犯{charge}罪，判处有期徒刑{_CN_MONTHS[months]}。\n审判员　{_fake.name()}\n二〇二四年三月一日\n"
    )
    fields = {
        "title": title,
        "case_type": "criminal",
        "charges": [charge],
        "cause": f"{charge}罪",
        "term_months": months,
        "is_guiding": guiding,
        "facts": facts,
    }
    return text, fields


@pytest.fixture
def search_dir(settings: Any, tmp_path: Path) -> Path:
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    return settings.SEARCH_INDEX_DIR


@pytest.fixture
def judgments(db: None, search_dir: Path) -> Generated:
    from smartcourt.apps.knowledge.judgment_services import judgment_create, judgment_index

    rng = random.Random(7)
    ids: list[int] = []
    by_charge: dict[str, list[int]] = {}
    seq = 100
    plan = [("盗窃", m) for m in (6, 8, 8, 10, 10, 12, 12, 14, 18, 24)]
    plan += [("危险驾驶", m) for m in (4, 4, 6, 6, 6)]
    plan += [("故意伤害", m) for m in (8, 10, 12, 18, 36)]
    for charge, months in plan:
        seq += 1
        text, fields = judgment_text(charge, months=months, seq=seq, rng=rng)
        j, _ = judgment_create(text=text, fields=fields, index=False)
        ids.append(j.pk)
        by_charge.setdefault(charge, []).append(j.pk)
    text, fields = judgment_text("盗窃", months=12, seq=999, rng=rng, guiding=True)
    guiding, _ = judgment_create(text=text, fields=fields, index=False)
    ids.append(guiding.pk)
    judgment_index(ids=ids)
    return Generated(ids, by_charge, guiding.pk)


THEFT_QUERY = "被告人张某某于2024年5月潜入被害人家中，窃得现金人民币4000元。到案后如实供述，退赔被害人损失。"
