"""Demo element tables: generated complaint and answer texts (never real) for a few civil cases of the four
causes at the demo accounts' court, so the 要素式审判 panel shows a table. Called by ``smartcourt demo``.

Each table is built through :func:`services.element_table_build` by the case's own judge, with the texts
marked as generated examples (``TextSource.GENERATED``); the page says so.
"""

from __future__ import annotations

from datetime import date, timedelta
from random import Random

from smartcourt.apps.cases.models import Case, CaseCategory, PartyRole
from smartcourt.apps.element_trial.models import TextSource
from smartcourt.apps.element_trial.selectors import cause_for
from smartcourt.engines import elements as eng
from smartcourt.engines.procedure import CaseStatus


def _day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def demo_texts(
    cause: eng.Cause, rng: Random, *, plaintiff: str, defendant: str, before: date
) -> tuple[str, str]:
    """A generated (complaint, answer) pair for ``cause`` with random figures; every date in it (loan, entry,
    termination, marriage, accident) falls before ``before`` (the case's filing date).

    >>> import re
    >>> from datetime import date
    >>> texts = [demo_texts(c, Random(s), plaintiff="甲", defendant="乙", before=date(2026, 1, 5))
    ...          for c in eng.Cause for s in range(20)]
    >>> dates = [date(*map(int, m)) for t in texts for m in re.findall(r"(\\d{4})年(\\d{1,2})月(\\d{1,2})日", t[0] + t[1])]
    >>> len(dates) > 80 and max(dates) < date(2026, 1, 5)
    True
    """
    start = before - timedelta(days=rng.randint(400, 900))
    if cause is eng.Cause.PRIVATE_LENDING:
        amount = rng.choice([30000, 50000, 80000, 120000, 200000])
        rate = rng.choice([6, 10, 12, 15, 18, 24])
        paid = amount // rng.choice([4, 5, 10])
        return (
            f"原告{plaintiff}与被告{defendant}系朋友关系。{_day(start)}，被告因经营需要向原告借款，并出具借条一份，"
            f"约定借款金额为人民币{amount}元，约定年利率{rate}%，借期一年。原告于{_day(start)}通过银行转账向被告"
            f"交付借款{amount}元。借款到期后，被告仅归还{paid}元，余款经原告多次催讨未果。",
            f"被告对借款{amount}元无异议，对交付时间无异议。双方未约定利息，被告对利率有异议。"
            f"被告已归还{paid * 2}元，对还款情况有异议。",
        )
    if cause is eng.Cause.LABOR_DISPUTE:
        wage = rng.choice([5000, 6500, 8000, 12000])
        # employed 500–900 days, terminated 30–370 days before filing (the arbitration came in between)
        end = before - timedelta(days=rng.randint(30, 370))
        start = end - timedelta(days=rng.randint(500, 900))
        return (
            f"原告{plaintiff}于{_day(start)}入职被告{defendant}，担任销售专员，月工资{wage}元，双方未签订书面劳动合同。"
            f"{_day(end)}，被告以经营困难为由解除劳动合同，未支付经济补偿。原告主张被告支付经济补偿{wage * 2}元"
            f"及未签订书面劳动合同二倍工资。被告未为原告缴纳社会保险。",
            f"被告认可劳动关系及入职时间。对工资标准有异议，原告月工资为{wage - 1000}元。"
            f"被告系因原告严重违纪解除劳动合同，对经济补偿不予认可。其他事实无异议。",
        )
    if cause is eng.Cause.DIVORCE:
        house = rng.choice([800000, 1200000, 1800000])
        support = rng.choice([1500, 2000, 3000])
        return (
            f"原告{plaintiff}与被告{defendant}于{_day(start - timedelta(days=3000))}登记结婚，婚后育有一子。"
            f"因双方性格不合，经常争吵，已分居满二年，夫妻感情确已破裂。婚生子由原告抚养，被告每月支付抚养费"
            f"{support}元。夫妻共同财产有：房屋一套，价值{house}元；小轿车一辆价值80000元。",
            f"被告同意离婚。对子女抚养无异议，但对抚养费数额有异议，被告月收入仅{support * 3}元。"
            f"对共同财产的价值有异议，房屋价值约{house - 200000}元。",
        )
    medical = rng.choice([18000, 35000, 52000])
    return (
        f"{_day(start)}，被告{defendant}驾驶小型轿车与骑电动自行车的原告{plaintiff}相撞，致原告受伤。"
        f"经交警部门认定，被告负事故全部责任。被告车辆投保交强险及商业三者险100万元。原告住院治疗花去医疗费"
        f"{medical}元，误工费12000元，护理费6000元，交通费800元，住院伙食补助费1500元，经鉴定构成十级伤残，"
        f"残疾赔偿金110000元，精神损害抚慰金5000元。被告已垫付10000元。",
        "被告对事故发生及责任认定无异议。对医疗费无异议。对误工费有异议，原告未提供收入证明。"
        "对残疾赔偿金有异议，应按农村标准计算。被告已垫付10000元，其他事实无异议。",
    )


def demo_element_tables(*, court_id: int, seed: int = 1, per_cause: int = 2) -> int:
    """Element tables for up to ``per_cause`` assigned civil cases of each of the four causes at the court —
    the demo account ``judge``'s first, open cases before closed ones; returns how many were built."""
    from smartcourt.apps.element_trial.services import element_table_build

    rng = Random(seed)
    built = 0
    candidates = (
        Case.objects.filter(
            court_id=court_id,
            category=CaseCategory.CIVIL,
            responsible_judge__isnull=False,
        )
        .select_related("responsible_judge")
        .order_by("-registered_on", "id")
    )
    is_open = {CaseStatus.ASSIGNED.value, CaseStatus.IN_TRIAL.value}
    by_cause: dict[eng.Cause, list[Case]] = {c: [] for c in eng.Cause}
    for case in sorted(candidates, key=lambda c: c.status not in is_open):  # open cases first
        cause = cause_for(case.cause_of_action)
        if cause is not None:
            by_cause[cause].append(case)
    for cause, cases in by_cause.items():
        mine = [c for c in cases if c.responsible_judge.username == "judge"]
        chosen = (mine + [c for c in cases if c not in mine])[:per_cause]
        for case in chosen:
            names = {p.role: p.name for p in case.parties.all()}
            complaint, answer = demo_texts(
                cause,
                rng,
                plaintiff=names.get(PartyRole.PLAINTIFF, ""),
                defendant=names.get(PartyRole.DEFENDANT, ""),
                before=case.registered_on,
            )
            element_table_build(
                case=case,
                actor=case.responsible_judge,
                complaint=complaint,
                answer=answer,
                source=TextSource.GENERATED,
            )
            built += 1
    return built
