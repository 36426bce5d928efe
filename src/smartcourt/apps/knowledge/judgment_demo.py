"""Generated judgments for the demo and for tests: Faker zh_CN names, the demo province's courts, no real data.

The texts follow the usual layout of criminal and civil first-instance judgments, so the legal text engine
reads them as it reads real ones (court, case number, parties, facts, cited articles, result).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import cn2an
from faker import Faker

from smartcourt.apps.knowledge.judgment_models import Judgment

logger = logging.getLogger(__name__)

# (court, 代字) of the demo province (see apps.core.demo).
COURTS = [
    ("杭州市上城区人民法院", "浙0102"),
    ("杭州市西湖区人民法院", "浙0106"),
    ("宁波市海曙区人民法院", "浙0203"),
    ("温州市鹿城区人民法院", "浙0302"),
    ("杭州市中级人民法院", "浙01"),
]
# charge, article of 刑法 (中华人民共和国刑法 第二百六十四条 etc.), facts template ({d} defendant, {v} victim,
# {m} amount, {place}), months range.
CRIMES: list[tuple[str, str, str, tuple[int, int]]] = [
    ("盗窃", "第二百六十四条", "{date}，被告人{d}在{place}趁被害人{v}不备，窃取其放在桌上的手机一部，"
     "经鉴定价值人民币{m}元。案发后，被告人{d}退赔了被害人的全部损失。", (3, 36)),
    ("诈骗", "第二百六十六条", "{date}，被告人{d}虚构投资理财项目，骗取被害人{v}人民币{m}元，所得钱款用于个人消费。", (6, 60)),
    ("故意伤害", "第二百三十四条", "{date}，被告人{d}在{place}因琐事与被害人{v}发生争执，持木棍击打被害人头部，"
     "致被害人轻伤二级。被告人{d}赔偿被害人医疗费等经济损失人民币{m}元。", (6, 36)),
    ("危险驾驶", "第一百三十三条之一", "{date}，被告人{d}酒后驾驶小型轿车行驶至{place}时被民警查获，"
     "经鉴定其血液中乙醇含量为{alcohol}mg/100ml。", (1, 6)),
    ("抢劫", "第二百六十三条", "{date}，被告人{d}在{place}持刀威胁被害人{v}，劫取现金人民币{m}元。", (36, 120)),
]  # fmt: skip
CIVIL: list[tuple[str, str, str]] = [
    ("民间借贷纠纷", "《中华人民共和国民法典》第六百六十七条、第六百七十五条",
     "{date}，被告{d}向原告{v}借款人民币{m}元，约定于一年内归还。借款到期后，经原告多次催讨，被告未归还借款。"),
    ("买卖合同纠纷", "《中华人民共和国民法典》第五百七十七条、第六百二十六条",
     "{date}，原告{v}向被告{d}供应建筑材料，货款共计人民币{m}元。被告收货后未支付货款。"),
    ("机动车交通事故责任纠纷", "《中华人民共和国民法典》第一千一百七十九条、第一千二百零八条",
     "{date}，被告{d}驾驶小型轿车在{place}与原告{v}驾驶的电动自行车相撞，致原告受伤。交警部门认定被告负事故全部责任。"
     "原告因此产生医疗费、误工费等损失人民币{m}元。"),
]  # fmt: skip
PLACES = ["某小区门口", "某商场内", "某路口", "某餐馆内", "某宾馆房间", "某菜市场"]


def _cn_date(day: date) -> str:
    digits = "〇一二三四五六七八九"
    year = "".join(digits[int(c)] for c in str(day.year))
    return f"{year}年{cn2an.an2cn(day.month)}月{cn2an.an2cn(day.day)}日"


def _term(months: int) -> str:
    years, rest = divmod(months, 12)
    text = f"{cn2an.an2cn(years)}年" if years else ""
    if rest:
        text += f"{cn2an.an2cn(rest)}个月"
    return text


def _criminal(rng: random.Random, fake: Faker, k: int) -> tuple[str, dict[str, Any]]:
    charge, article, facts, (low, high) = rng.choice(CRIMES)
    court, code = rng.choice(COURTS[:4])
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(365 * 5))
    decided = day + timedelta(days=rng.randrange(60, 240))
    defendant, victim = fake.name(), fake.name()
    months = rng.randint(low, high)
    amount = rng.choice([800, 1500, 3200, 6800, 12000, 45000, 150000])
    term = "拘役" + _term(months) if charge == "危险驾驶" else "有期徒刑" + _term(months)
    probation = rng.random() < 0.3 and months <= 36
    number = f"（{decided.year}）{code}刑初{k + 100}号"
    text = (
        f"{court}\n刑事判决书\n{number}\n"
        f"公诉机关{court.replace('人民法院', '人民检察院')}。\n"
        f"被告人{defendant}，男，{rng.randint(1970, 2000)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日出生，汉族，"
        f"初中文化，无业。因涉嫌犯{charge}罪于{day.year}年{day.month}月{day.day}日被刑事拘留。\n"
        f"{court.replace('人民法院', '人民检察院')}以起诉书指控被告人{defendant}犯{charge}罪，向本院提起公诉。"
        f"本院依法组成合议庭，公开开庭审理了本案。现已审理终结。\n"
        f"经审理查明：{facts.format(date=f'{day.year}年{day.month}月{day.day}日', d=defendant, v=victim, m=amount, place=rng.choice(PLACES), alcohol=rng.randint(85, 230))}\n"
        f"上述事实，被告人{defendant}在开庭审理过程中亦无异议，且有证人证言、鉴定意见等证据证实，足以认定。\n"
        f"本院认为，被告人{defendant}的行为已构成{charge}罪。被告人{defendant}到案后如实供述自己的罪行，依法可以从轻处罚。"
        f"依照《中华人民共和国刑法》{article}、第六十七条第三款之规定，判决如下：\n"
        f"被告人{defendant}犯{charge}罪，判处{term}"
        + (f"，缓刑{_term(months + 12)}" if probation else "")
        + f"，并处罚金人民币{cn2an.an2cn(rng.choice([1000, 2000, 5000, 10000]))}元。\n"
        f"如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向杭州市中级人民法院提出上诉。\n"
        f"审判长{fake.name()}\n审判员{fake.name()}\n审判员{fake.name()}\n{_cn_date(decided)}\n书记员{fake.name()}\n"
    )
    return text, {"source": "demo"}


def _civil(rng: random.Random, fake: Faker, k: int) -> tuple[str, dict[str, Any]]:
    cause, articles, facts = rng.choice(CIVIL)
    court, code = rng.choice(COURTS)
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(365 * 5))
    decided = day + timedelta(days=rng.randrange(90, 400))
    plaintiff, defendant = fake.name(), fake.name()
    amount = rng.choice([5000, 20000, 50000, 80000, 150000, 300000])
    kind = "民终" if "中级" in court else "民初"
    number = f"（{decided.year}）{code}{kind}{k + 1000}号"
    wins = rng.random() < 0.7
    text = (
        f"{court}\n民事判决书\n{number}\n"
        f"原告{plaintiff}，女，{rng.randint(1960, 1995)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日出生，汉族，"
        f"住{fake.city()}。\n被告{defendant}，男，{rng.randint(1960, 1995)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日出生，汉族。\n"
        f"原告{plaintiff}与被告{defendant}{cause}一案，本院立案受理后，依法适用简易程序，公开开庭进行了审理。本案现已审理终结。\n"
        f"原告{plaintiff}向本院提出诉讼请求：判令被告支付人民币{amount}元及利息。\n"
        f"经审理查明：{facts.format(date=f'{day.year}年{day.month}月{day.day}日', d=defendant, v=plaintiff, m=amount, place=rng.choice(PLACES))}\n"
        f"本院认为，当事人应当按照约定全面履行自己的义务。"
        + ("原告的诉讼请求有事实和法律依据，本院予以支持。" if wins else "原告的诉讼请求证据不足，本院不予支持。")
        + f"依照{articles}之规定，判决如下：\n"
        + (f"被告{defendant}于本判决生效之日起十日内支付原告{plaintiff}人民币{amount}元。\n" if wins
           else f"驳回原告{plaintiff}的诉讼请求。\n")
        + f"案件受理费{rng.randint(50, 3000)}元，由被告负担。\n"
        f"如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，上诉于浙江省高级人民法院。\n"
        f"审判员{fake.name()}\n{_cn_date(decided)}\n书记员{fake.name()}\n"
    )  # fmt: skip
    return text, {"source": "demo"}


def judgment_texts_generate(n: int, *, seed: int = 0) -> list[tuple[str, dict[str, Any]]]:
    """``n`` generated judgments as ``(text, fields)`` pairs for ``judgment_create``; 60 % criminal."""
    rng = random.Random(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    return [(_criminal if rng.random() < 0.6 else _civil)(rng, fake, k) for k in range(n)]


def judgments_generate(n: int, *, seed: int = 0, index: bool = True) -> list[Judgment]:
    """Create ``n`` generated judgments (already present ones are reused) and index them at once."""
    from smartcourt.apps.knowledge.judgment_services import judgment_create, judgment_index

    made = [
        judgment_create(text=t, source="demo", fields=f, index=False)[0]
        for t, f in judgment_texts_generate(n, seed=seed)
    ]
    if index:
        judgment_index(ids=[j.pk for j in made])
    return made


def demo_judgments(*, cases: int, seed: int, progress: Callable[[str], None] = lambda _: None) -> int:
    """The demo's judgments: one per 25 cases, 20 to 300; indexing problems are logged, never fatal."""
    n = max(20, min(300, cases // 25))
    made = judgments_generate(n, seed=seed, index=False)
    progress(f"裁判文书 {len(made)} 篇")
    try:
        from smartcourt.apps.knowledge.judgment_services import judgment_index

        judgment_index(ids=[j.pk for j in made])
    except Exception:  # an index held by another process: `smartcourt search_index rebuild` later  # noqa: BLE001
        logger.exception("demo judgments were saved but not indexed")
    return len(made)
