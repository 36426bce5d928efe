"""民间借贷 calculations: the LPR table, the 4×LPR cap (民间借贷规定(2020-12-29)第二十五条), interest for a period
and overdue interest (第二十八条, 第二十九条)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from functools import cache

from ._data import load
from ._num import add_months, amount, cents, day, fmt, ordered, percent
from ._types import Calculation, Step
from .errors import ElementsDataError, FigureRequiredError, InvalidValueError

_FIRST = dt.date(2019, 8, 20)
_NEW_RULES = dt.date(2020, 8, 20)  # 第三十一条
_UNVERIFIED = "LPR数值取自引擎数据表（未经核对，见 data/lpr.json），正式使用前请核对全国银行间同业拆借中心公布值或自行传入"


@cache
def _table() -> tuple[tuple[tuple[dt.date, Decimal], ...], dt.date, bool]:
    raw = load("lpr.json")
    try:
        rows = tuple((dt.date.fromisoformat(d), Decimal(v)) for d, v in raw["changes"])
        known = dt.date.fromisoformat(raw["known_until"])
    except (KeyError, ValueError, TypeError) as exc:
        raise ElementsDataError(reason=f"lpr.json: {exc}") from exc
    return rows, known, bool(raw.get("verified", False))


def lpr_on(when: dt.date | str) -> Decimal:
    """The one-year LPR (percent per year) in force on a day: the latest publication on or before it.

    Before 2019-08-20 there was no LPR; after the table's last publication plus one month the value is
    unknown: both raise :class:`FigureRequiredError` (pass the figure to the calculators instead).

    >>> lpr_on("2021-03-05")
    Decimal('3.85')
    >>> lpr_on("2019-08-19")
    Traceback (most recent call last):
    ...
    smartcourt.engines.elements.errors.FigureRequiredError: 缺少计算所需数据：一年期LPR（2019-08-19），请由调用方提供
    """
    d = day("date", when)
    rows, known, _ = _table()
    if d < _FIRST or d >= add_months(known, 1):
        raise FigureRequiredError(figure="一年期LPR", key=d.isoformat())
    value = rows[0][1]
    for published, rate in rows:
        if published <= d:
            value = rate
    return value


def _resolve_lpr(
    contract_date: dt.date, lpr: object | None, steps: list[Step], warnings: list[str]
) -> Decimal:
    if lpr is not None:
        value = percent("lpr", lpr, high=Decimal("20"))
        steps.append(
            Step("合同成立时一年期LPR", f"调用方提供：{fmt(value)}%", value, "民间借贷规定第二十五条第二款")
        )
        return value
    value = lpr_on(contract_date)
    if not _table()[2]:
        warnings.append(_UNVERIFIED)
    steps.append(
        Step(
            "合同成立时一年期LPR",
            f"{contract_date.isoformat()}适用LPR {fmt(value)}%",
            value,
            "民间借贷规定第二十五条第二款",
        )
    )
    return value


def _period(start: dt.date, end: dt.date, steps: list[Step]) -> int:
    ordered(start, end)
    days = (end - start).days
    steps.append(Step("计息天数", f"{start.isoformat()}至{end.isoformat()}，共{days}天", Decimal(days)))
    return days


def lending_interest(
    principal: object,
    start: dt.date | str,
    end: dt.date | str,
    *,
    contract_date: dt.date | str,
    annual_rate: object,
    lpr: object | None = None,
    day_basis: int = 365,
) -> Calculation:
    """Interest on a loan for the period [start, end) at the agreed annual rate, capped at four times the one-year
    LPR at contract formation (民间借贷规定(2020-12-29)第二十五条): principal × rate × days ÷ ``day_basis``.

    ``lpr`` (percent) overrides the table; the table is unverified data and a warning says so.

    >>> c = lending_interest("100000", "2021-03-05", "2022-03-05", contract_date="2021-03-05", annual_rate="24")
    >>> c.figure
    Decimal('15400.00')
    >>> [s.label for s in c.steps]
    ['合同成立时一年期LPR', '四倍LPR上限', '适用年利率', '计息天数', '利息']
    >>> lending_interest("100000", "2021-01-01", "2021-07-01", contract_date="2021-01-01", annual_rate="10", lpr="3.85").figure
    Decimal('4958.90')
    """
    p = amount("principal", principal)
    rate = percent("annual_rate", annual_rate, high=Decimal("1000"))
    s, e, c = day("start", start), day("end", end), day("contract_date", contract_date)
    if day_basis not in (360, 365):
        raise InvalidValueError(field="day_basis", reason="只能为360或365")
    if s < c:
        raise InvalidValueError(field="start", reason="计息起始日早于合同成立日")
    steps: list[Step] = []
    warnings: list[str] = []
    base = _resolve_lpr(c, lpr, steps, warnings)
    cap = base * 4
    steps.append(Step("四倍LPR上限", f"{fmt(base)}% × 4 = {fmt(cap)}%", cap, "民间借贷规定第二十五条第一款"))
    applied = min(rate, cap)
    note = f"约定{fmt(rate)}%" + (f"超过上限，按{fmt(cap)}%计" if rate > cap else "未超过上限，从其约定")
    steps.append(Step("适用年利率", note, applied, "民间借贷规定第二十五条第一款"))
    days = _period(s, e, steps)
    interest = cents(p * applied / 100 * days / day_basis)
    steps.append(
        Step(
            "利息",
            f"{fmt(p)} × {fmt(applied)}% × {days} ÷ {day_basis} = {interest}",
            interest,
            "民法典第六百八十条",
        )
    )
    if c < _NEW_RULES:
        warnings.append("合同成立于2020年8月20日之前：可能适用民间借贷规定第三十一条第二款的分段计算，请核对")
    return Calculation("借期内利息", interest, tuple(steps), ("民间借贷规定第二十五条",), tuple(warnings))


def overdue_interest(
    principal: object,
    start: dt.date | str,
    end: dt.date | str,
    *,
    contract_date: dt.date | str,
    overdue_rate: object | None = None,
    term_rate: object | None = None,
    penalty_and_fees: object = 0,
    lpr: object | None = None,
    lpr_at_overdue: object | None = None,
    day_basis: int = 365,
) -> Calculation:
    """Overdue interest from the day repayment was due (``start``) to ``end`` under 民间借贷规定第二十八条:

    * agreed overdue rate → that rate, capped at 4 × LPR at contract formation (第一款);
    * no overdue rate but a term rate → the term rate (第二款第二项), under the same cap (第二十五条);
    * neither → the one-year LPR *at the time* of default (第二款第一项; ``lpr_at_overdue`` or the table on
      ``start``);

    and, with ``penalty_and_fees`` also claimed, the total is cut to the 4 × LPR amount (第二十九条).

    >>> c = overdue_interest("100000", "2022-01-01", "2023-01-01", contract_date="2021-01-01")
    >>> (c.figure, c.steps[0].label)
    (Decimal('3800.00'), '逾期利率的确定')
    >>> overdue_interest("100000", "2022-01-01", "2023-01-01", contract_date="2021-01-01", overdue_rate="24",
    ...                  penalty_and_fees="5000").figure
    Decimal('15400.00')
    """
    p = amount("principal", principal)
    s, e, c = day("start", start), day("end", end), day("contract_date", contract_date)
    fees = amount("penalty_and_fees", penalty_and_fees)
    if day_basis not in (360, 365):
        raise InvalidValueError(field="day_basis", reason="只能为360或365")
    if s < c:
        raise InvalidValueError(field="start", reason="逾期起算日早于合同成立日")
    steps: list[Step] = []
    warnings: list[str] = []
    basis = ["民间借贷规定第二十八条"]
    if overdue_rate is None and term_rate is None:
        if lpr_at_overdue is not None:
            rate = percent("lpr_at_overdue", lpr_at_overdue, high=Decimal("20"))
            how = f"未约定借期内利率和逾期利率，参照逾期时一年期LPR（调用方提供）{fmt(rate)}%"
        else:
            rate = lpr_on(s)
            if not _table()[2]:
                warnings.append(_UNVERIFIED)
            how = f"未约定借期内利率和逾期利率，参照逾期时（{s.isoformat()}）一年期LPR {fmt(rate)}%"
        steps.append(Step("逾期利率的确定", how, rate, "民间借贷规定第二十八条第二款第一项"))
        cap = None
    else:
        base = _resolve_lpr(c, lpr, steps, warnings)
        cap = base * 4
        if overdue_rate is not None:
            agreed = percent("overdue_rate", overdue_rate, high=Decimal("1000"))
            how, article = f"约定逾期利率{fmt(agreed)}%", "民间借贷规定第二十八条第一款"
        else:
            agreed = percent("term_rate", term_rate, high=Decimal("1000"))
            how, article = f"未约定逾期利率，按借期内利率{fmt(agreed)}%", "民间借贷规定第二十八条第二款第二项"
        rate = min(agreed, cap)
        how += f"，上限为合同成立时LPR四倍{fmt(cap)}%，适用{fmt(rate)}%"
        steps.insert(0, Step("逾期利率的确定", how, rate, article))
        basis.append("民间借贷规定第二十五条")
    days = _period(s, e, steps)
    interest = cents(p * rate / 100 * days / day_basis)
    steps.append(
        Step("逾期利息", f"{fmt(p)} × {fmt(rate)}% × {days} ÷ {day_basis} = {interest}", interest, basis[0])
    )
    figure = interest
    if fees > 0:
        total = interest + fees
        if cap is None:
            warnings.append("未约定逾期利率而主张违约金等费用：第二十九条以约定逾期利率为前提，请法官审查")
            steps.append(
                Step("逾期利息与违约金等费用合计", f"{interest} + {fmt(fees)} = {cents(total)}", cents(total))
            )
            figure = cents(total)
        else:
            ceiling = cents(p * cap / 100 * days / day_basis)
            figure = min(cents(total), ceiling)
            steps.append(
                Step(
                    "逾期利息与违约金等费用合计（以LPR四倍为限）",
                    f"min({interest} + {fmt(fees)}, {fmt(p)} × {fmt(cap)}% × {days} ÷ {day_basis} = {ceiling}) = {figure}",
                    figure,
                    "民间借贷规定第二十九条",
                )
            )
            basis.append("民间借贷规定第二十九条")
    return Calculation("逾期利息", figure, tuple(steps), tuple(basis), tuple(warnings))


def lending_balance(
    principal: object,
    start: dt.date | str,
    end: dt.date | str,
    *,
    contract_date: dt.date | str,
    annual_rate: object,
    repayments: Sequence[tuple[dt.date | str, object]] = (),
    lpr: object | None = None,
    day_basis: int = 365,
) -> Calculation:
    """What remains owed on ``end`` after repayments: interest accrues on the outstanding principal at the agreed
    rate under the 4×LPR cap (民间借贷规定第二十五条); each repayment pays the accrued interest first, then the
    principal (民法典第五百六十一条, absent another agreement). The figure is principal plus unpaid interest.

    >>> c = lending_balance("100000", "2021-03-05", "2022-03-05", contract_date="2021-03-05", annual_rate="10",
    ...                     repayments=[("2021-09-05", "30000")])
    >>> c.figure
    Decimal('78762.32')
    """
    p = amount("principal", principal)
    rate = percent("annual_rate", annual_rate, high=Decimal("1000"))
    s, e, c = day("start", start), day("end", end), day("contract_date", contract_date)
    ordered(s, e)
    if day_basis not in (360, 365):
        raise InvalidValueError(field="day_basis", reason="只能为360或365")
    if s < c:
        raise InvalidValueError(field="start", reason="计息起始日早于合同成立日")
    steps: list[Step] = []
    warnings: list[str] = []
    base = _resolve_lpr(c, lpr, steps, warnings)
    applied = min(rate, base * 4)
    steps.append(
        Step(
            "适用年利率",
            f"min(约定{fmt(rate)}%, 四倍LPR {fmt(base * 4)}%) = {fmt(applied)}%",
            applied,
            "民间借贷规定第二十五条",
        )
    )
    paid: list[tuple[dt.date, Decimal]] = []
    for index, (when, value) in enumerate(repayments):
        d = day(f"repayments[{index}]", when)
        if d < s or d > e:
            raise InvalidValueError(
                field=f"repayments[{index}]", reason=f"还款日{d.isoformat()}不在计息期间内"
            )
        paid.append((d, amount(f"repayments[{index}]", value)))
    paid.sort(key=lambda item: item[0])
    outstanding, unpaid, at = p, Decimal(0), s
    for when, value in paid:
        days = (when - at).days
        accrued = cents(outstanding * applied / 100 * days / day_basis)
        unpaid += accrued
        steps.append(
            Step(
                f"{at.isoformat()}至{when.isoformat()}利息",
                f"{fmt(outstanding)} × {fmt(applied)}% × {days} ÷ {day_basis} = {accrued}",
                accrued,
                "民间借贷规定第二十五条",
            )
        )
        to_interest = min(value, unpaid)
        to_principal = min(value - to_interest, outstanding)
        unpaid -= to_interest
        outstanding -= to_principal
        steps.append(
            Step(
                f"{when.isoformat()}还款{fmt(value)}",
                f"先抵利息{fmt(to_interest)}，再抵本金{fmt(to_principal)}；剩余本金{fmt(outstanding)}，未付利息{fmt(unpaid)}",
                outstanding,
                "民法典第五百六十一条",
            )
        )
        if value - to_interest - to_principal > 0:
            warnings.append(
                f"{when.isoformat()}还款超出应还本息{fmt(value - to_interest - to_principal)}元，超出部分未计入"
            )
        at = when
    days = (e - at).days
    accrued = cents(outstanding * applied / 100 * days / day_basis)
    unpaid += accrued
    steps.append(
        Step(
            f"{at.isoformat()}至{e.isoformat()}利息",
            f"{fmt(outstanding)} × {fmt(applied)}% × {days} ÷ {day_basis} = {accrued}",
            accrued,
            "民间借贷规定第二十五条",
        )
    )
    figure = cents(outstanding + unpaid)
    steps.append(Step("尚欠本息", f"本金{fmt(outstanding)} + 利息{fmt(unpaid)} = {figure}", figure))
    return Calculation(
        "尚欠本息", figure, tuple(steps), ("民间借贷规定第二十五条", "民法典第五百六十一条"), tuple(warnings)
    )
