"""劳动争议 calculations: economic compensation (劳动合同法第四十七条), the unlawful-termination compensation
(第八十七条) and the double wage for no written contract (第八十二条)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ._data import load
from ._num import add_months, add_years, amount, cents, day, fmt, ordered
from ._types import Calculation, Step
from .errors import FigureRequiredError

_LAW_START = dt.date(2008, 1, 1)  # 劳动合同法第九十七条第三款, 第九十八条


def service_years(start: dt.date | str, end: dt.date | str) -> Decimal:
    """Years of service counted under 劳动合同法第四十七条第一款: each full year counts one; a remainder of six
    months or more counts one, under six months one half.

    >>> service_years("2018-03-01", "2021-08-31")
    Decimal('3.5')
    >>> service_years("2018-03-01", "2021-09-01")
    Decimal('4')
    """
    s, e = day("start", start), day("end", end)
    ordered(s, e)
    full = e.year - s.year
    while full > 0 and add_years(s, full) > e:
        full -= 1
    rest_from = add_years(s, full)
    if rest_from == e:
        return Decimal(full)
    if add_months(rest_from, 6) <= e:
        return Decimal(full + 1)
    return Decimal(full) + Decimal("0.5")


def regional_average_wage(province: str) -> Decimal:
    """The example average monthly wage (职工月平均工资) of a province from ``data/regional.json``; EXAMPLE
    figures, unverified: pass the published local figure instead.

    >>> regional_average_wage("北京")
    Decimal('16749')
    """
    return _regional(province, "average_monthly_wage")


def _regional(province: str, key: str) -> Decimal:
    provinces = load("regional.json")["provinces"]
    if province not in provinces or key not in provinces[province]:
        raise FigureRequiredError(figure=key, key=province)
    return Decimal(provinces[province][key])


def economic_compensation(
    monthly_wage: object,
    start: dt.date | str,
    end: dt.date | str,
    *,
    local_average_monthly_wage: object | None = None,
    province: str | None = None,
    unlawful: bool = False,
) -> Calculation:
    """Economic compensation (经济补偿) by years of service × monthly wage (劳动合同法第四十七条); when the wage
    exceeds three times the local average monthly wage, the wage base is that triple and the years are capped at
    twelve (第二款). ``unlawful`` doubles it as the compensation for unlawful termination (赔偿金, 第八十七条).

    ``monthly_wage`` is the average of the last twelve months (第三款). The local average is passed as
    ``local_average_monthly_wage``, or taken from the example table by ``province`` (unverified, warned); with
    neither, no cap is checked and a warning says so.

    >>> economic_compensation("8000", "2018-03-01", "2021-08-31").figure
    Decimal('28000.00')
    >>> c = economic_compensation("60000", "2005-01-01", "2024-06-30", local_average_monthly_wage="10000")
    >>> (c.figure, c.steps[-1].formula)
    (Decimal('360000.00'), '30000 × 12 = 360000.00')
    >>> economic_compensation("8000", "2018-03-01", "2021-08-31", unlawful=True).figure
    Decimal('56000.00')
    """
    wage = amount("monthly_wage", monthly_wage)
    s, e = day("start", start), day("end", end)
    years = service_years(s, e)
    steps = [
        Step(
            "工作年限",
            f"{s.isoformat()}至{e.isoformat()}，计{fmt(years)}年",
            years,
            "劳动合同法第四十七条第一款",
        )
    ]
    warnings: list[str] = []
    basis = ["劳动合同法第四十七条"]
    average: Decimal | None = None
    if local_average_monthly_wage is not None:
        average = amount("local_average_monthly_wage", local_average_monthly_wage, allow_zero=False)
    elif province is not None:
        average = regional_average_wage(province)
        warnings.append(f"{province}职工月平均工资取自示例数据（未经核对），请以当地政府公布值为准")
    else:
        warnings.append("未提供当地上年度职工月平均工资，未审查第四十七条第二款的封顶")
    base, counted = wage, years
    if average is not None:
        triple = average * 3
        if wage > triple:
            base, counted = triple, min(years, Decimal(12))
            steps.append(
                Step(
                    "高收入封顶",
                    f"月工资{fmt(wage)} > 当地职工月平均工资{fmt(average)} × 3 = {fmt(triple)}，"
                    f"按{fmt(triple)}计，年限最高12年，计{fmt(counted)}年",
                    triple,
                    "劳动合同法第四十七条第二款",
                )
            )
    if s < _LAW_START:
        warnings.append(
            "工作年限含2008年1月1日前部分：依劳动合同法第九十七条第三款，该部分按当时规定计算，请核对"
        )
    figure = cents(base * counted)
    steps.append(Step("经济补偿", f"{fmt(base)} × {fmt(counted)} = {figure}", figure, "劳动合同法第四十七条"))
    label = "经济补偿"
    if unlawful:
        doubled = figure * 2
        steps.append(Step("违法解除赔偿金", f"{figure} × 2 = {doubled}", doubled, "劳动合同法第八十七条"))
        figure, label = doubled, "违法解除劳动合同赔偿金"
        basis.append("劳动合同法第八十七条")
    return Calculation(label, figure, tuple(steps), tuple(basis), tuple(warnings))


def double_wage(
    monthly_wage: object,
    employment_start: dt.date | str,
    until: dt.date | str,
    *,
    day_divisor: int = 30,
) -> Calculation:
    """The additional wage for months without a written contract (劳动合同法第八十二条第一款): from the day after
    the first month of employment to the day before ``until`` (the day the contract was signed or the
    employment ended), at most to the end of the first year (第十四条第三款 then deems an open-ended contract).

    The figure is the *extra* wage (the second of the two): whole months × wage plus remaining days × wage ÷
    ``day_divisor`` (the engine's convention, default 30 calendar days; courts differ — pass another divisor).

    >>> double_wage("6000", "2023-01-10", "2023-05-10").figure
    Decimal('18000.00')
    >>> double_wage("6000", "2023-01-10", "2025-01-01").figure
    Decimal('66000.00')
    >>> double_wage("6000", "2023-01-10", "2023-02-01").figure
    Decimal('0.00')
    """
    wage = amount("monthly_wage", monthly_wage)
    s, u = day("employment_start", employment_start), day("until", until)
    ordered(s, u)
    if day_divisor <= 0:
        amount("day_divisor", -1)
    first = add_months(s, 1)
    last = min(u, add_years(s, 1))  # exclusive end
    steps: list[Step] = []
    if last <= first:
        steps.append(
            Step(
                "二倍工资期间",
                f"用工之日{s.isoformat()}起一个月内，不产生二倍工资",
                Decimal(0),
                "劳动合同法第八十二条",
            )
        )
        return Calculation(
            "未签书面劳动合同二倍工资差额", Decimal("0.00"), tuple(steps), ("劳动合同法第八十二条",)
        )
    months = 0
    while add_months(first, months + 1) <= last:
        months += 1
    days = (last - add_months(first, months)).days
    steps.append(
        Step(
            "二倍工资期间",
            f"{first.isoformat()}至{(last - dt.timedelta(days=1)).isoformat()}，{months}个月又{days}天",
            Decimal(months),
            "劳动合同法第八十二条第一款、劳动合同法实施条例第七条",
        )
    )
    figure = cents(wage * months + wage * days / day_divisor)
    steps.append(
        Step(
            "二倍工资差额",
            f"{fmt(wage)} × {months} + {fmt(wage)} ÷ {day_divisor} × {days} = {figure}",
            figure,
            "劳动合同法第八十二条",
        )
    )
    warnings = ("仲裁时效（劳动争议调解仲裁法第二十七条）未审查",)
    return Calculation(
        "未签书面劳动合同二倍工资差额", figure, tuple(steps), ("劳动合同法第八十二条",), warnings
    )
