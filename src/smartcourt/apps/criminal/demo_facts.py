"""Example facts for criminal cases that have none (demo cases carry no 案情摘要): generated, never real.

Used only when the judge presses 「从案情摘要导入」 on a case without a summary; the page marks the text as a
generated example.
"""

from __future__ import annotations

from collections.abc import Sequence
from random import Random

from faker import Faker

_PLACES = ("某超市", "某小区地下车库", "某商业街", "某网吧", "某农贸市场", "某KTV包厢外")
_ROADS = ("解放路", "人民路", "滨江大道", "环城北路", "建设路")

_TEMPLATES: dict[str, str] = {
    "盗窃": (
        "经审理查明：{date}，被告人{name}在{city}{place}内，趁无人注意秘密窃取被害人{victim}放置的手机一部、"
        "现金人民币{cash}元。经价格认定，被盗手机价值人民币{value}元，合计价值人民币{total}元。"
        "被告人{name}于{date2}被公安机关抓获，到案后如实供述了上述犯罪事实。案发后，被告人{name}退赔被害人全部损失，"
        "取得被害人谅解。被告人{name}自愿认罪认罚，签署了认罪认罚具结书。"
    ),
    "危险驾驶": (
        "经审理查明：{date}22时许，被告人{name}饮酒后驾驶小型轿车行驶至{city}{road}路段时，被执勤民警当场查获。"
        "经呼气酒精含量检测，其呼气酒精含量为{breath}mg/100ml；经鉴定，被告人{name}血液中乙醇含量为{bac}mg/100ml。"
        "被告人{name}到案后如实供述了上述事实，自愿认罪认罚。"
    ),
    "诈骗": (
        "经审理查明：{date}，被告人{name}以帮助办理贷款需缴纳保证金为由，虚构事实，骗取被害人{victim}"
        "通过银行转账支付的人民币{fraud}元，所得款项被其用于个人消费。被告人{name}于{date2}被抓获归案，"
        "到案后如实供述了上述犯罪事实，并退赔被害人人民币{cash}元。被告人{name}自愿认罪认罚。"
    ),
    "故意伤害": (
        "经审理查明：{date}晚，被告人{name}在{city}{place}门口因琐事与被害人{victim}发生争执，"
        "继而用拳头殴打被害人{victim}头面部，致其鼻骨骨折。经鉴定，被害人{victim}的损伤程度为轻伤二级。"
        "案发后，被告人{name}经电话通知后主动到公安机关投案，如实供述了上述犯罪事实。"
        "被告人{name}已赔偿被害人经济损失人民币{cash}元并取得谅解。"
    ),
    "交通肇事": (
        "经审理查明：{date}，被告人{name}驾驶小型普通客车沿{city}{road}行驶时，未注意观察前方路况，"
        "与横过道路的行人{victim}发生碰撞，致{victim}经抢救无效死亡。经交通管理部门认定，被告人{name}负事故主要责任。"
        "案发后，被告人{name}留在现场并拨打报警电话，主动投案，如实供述了上述事实。"
        "被告人{name}已赔偿被害人近亲属经济损失人民币{total}元并取得谅解。"
    ),
    "抢劫": (
        "经审理查明：{date}凌晨，被告人{name}在{city}{road}持水果刀威胁被害人{victim}，劫取其现金人民币{cash}元"
        "及手机一部（价值人民币{value}元）。被告人{name}于{date2}被抓获，到案后如实供述了上述犯罪事实。"
    ),
    "寻衅滋事": (
        "经审理查明：{date}晚，被告人{name}酒后在{city}{place}无故滋事，随意殴打在场顾客{victim}，致其轻微伤，"
        "并任意损毁店内财物，价值人民币{value}元，造成公共场所秩序严重混乱。被告人{name}到案后如实供述了上述事实，"
        "赔偿被害人损失并取得谅解。"
    ),
    "帮助信息网络犯罪活动": (
        "经审理查明：{date}，被告人{name}明知他人利用信息网络实施犯罪，仍将其本人名下的银行卡四张出租给他人使用，"
        "获利人民币{cash}元。经查，上述银行卡被用于接收电信网络诈骗资金，支付结算金额共计人民币{big}元。"
        "被告人{name}到案后如实供述了上述事实，自愿认罪认罚。"
    ),
    "开设赌场": (
        "经审理查明：{date}至{date2}，被告人{name}在{city}一出租屋内设置赌局，组织他人以“牛牛”方式赌博，"
        "从中抽头渔利人民币{cash}元。公安机关当场扣押赌资人民币{total}元。被告人{name}到案后如实供述了上述事实。"
    ),
}
_FALLBACK = (
    "经审理查明：{date}，被告人{name}在{city}实施了被指控的犯罪行为。（本案尚无案情摘要，请法官根据起诉书"
    "或审理查明的事实补充完善。）"
)


_ACCOMPLICE = (
    "被告人{other}伙同被告人{name}参与实施上述犯罪，在共同犯罪中起次要作用，系从犯。"
    "案发后，被告人{other}主动投案，如实供述了自己的罪行。"
)


def generated_facts(
    *,
    charge: str,
    defendant: str,
    rng: Random,
    year: int,
    others: Sequence[str] = (),
    more_charges: Sequence[str] = (),
) -> str:
    """Plausible facts for ``charge`` with generated names and figures (Faker zh_CN, seeded by ``rng``).

    ``others`` are further accused (each an accessory who surrendered); ``more_charges`` further charges of
    the first accused, each in its own numbered paragraph.

    >>> text = generated_facts(charge="危险驾驶", defendant="王某", rng=Random(1), year=2025)
    >>> "血液中乙醇含量为" in text and "王某" in text
    True
    >>> text = generated_facts(charge="盗窃", defendant="王某", rng=Random(1), year=2025,
    ...                        others=["李某"], more_charges=["诈骗"])
    >>> text.splitlines()[1][:2], text.splitlines()[2][:2], "被告人李某" in text
    ('一、', '二、', True)
    """
    charges = [charge, *[c for c in more_charges if c != charge]]
    if len(charges) == 1:
        text = _one(charge=charge, defendant=defendant, rng=rng, year=year)
    else:
        numerals = "一二三四五六七八九十"
        sections = [
            f"{numerals[n % 10]}、"
            + _one(charge=c, defendant=defendant, rng=rng, year=year).removeprefix("经审理查明：")
            for n, c in enumerate(charges)
        ]
        text = "经审理查明：\n" + "\n".join(sections)
    for other in others:
        if other and other != defendant:
            text += "\n" + _ACCOMPLICE.format(other=other, name=defendant)
    return text


def _one(*, charge: str, defendant: str, rng: Random, year: int) -> str:
    fake = Faker("zh_CN")
    fake.seed_instance(rng.randint(0, 10**9))
    month, day = rng.randint(1, 10), rng.randint(1, 28)
    value = rng.choice([1800, 2600, 3500, 4800, 6500, 9000, 15000])
    cash = rng.choice([300, 500, 800, 1200, 2000])
    values = {
        "name": defendant or fake.name(),
        "victim": fake.name(),
        "city": fake.city(),
        "place": rng.choice(_PLACES),
        "road": rng.choice(_ROADS),
        "date": f"{year - 1}年{month}月{day}日",
        "date2": f"{year - 1}年{month + 1}月{day}日",
        "value": value,
        "cash": cash,
        "total": value + cash,
        "breath": rng.randint(85, 190),
        "bac": rng.randint(85, 200),
        "big": rng.choice([120000, 260000, 480000]),
        # 诈骗 starts at 3000元 (法释〔2011〕7号 第一条), above the other crimes' figures
        "fraud": rng.choice([5000, 8000, 12000, 26000, 45000]),
    }
    return _TEMPLATES.get(charge, _FALLBACK).format(**values)
