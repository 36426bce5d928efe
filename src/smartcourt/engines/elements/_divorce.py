"""离婚 calculations: child support (婚姻家庭编解释（一）第四十九条) and the division of common property
(民法典第一千零八十七条, 第一千零八十九条, 第一千零九十一条)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ._num import amount, cents, fmt, percent
from ._types import Calculation, Step
from .errors import InvalidValueError

_PARTIES = {"plaintiff": "原告", "defendant": "被告"}


def child_support(
    monthly_income: object, *, children: int = 1, percent_of_income: object | None = None
) -> Calculation:
    """Monthly child support from the paying parent's monthly income (婚姻家庭编解释（一）第四十九条第二款): in
    general 20–30 % for one child; for two or more the share may be raised, in general not above 50 %.

    Without ``percent_of_income`` the figure is the low end (20 %) and the steps give the range; a chosen
    percentage outside the general range is kept (the article says 一般) with a warning.

    >>> c = child_support("10000")
    >>> (c.figure, c.steps[1].formula)
    (Decimal('2000.00'), '10000 × 20% 至 10000 × 30% = 2000.00 至 3000.00')
    >>> child_support("10000", children=2, percent_of_income="60").warnings
    ('所选比例60%超出第四十九条所称一般比例（不超过50%），请在判决中说明理由',)
    """
    income = amount("monthly_income", monthly_income)
    if isinstance(children, bool) or not isinstance(children, int) or children < 1:
        raise InvalidValueError(field="children", reason="子女人数须为正整数")
    low, high = (Decimal(20), Decimal(30)) if children == 1 else (Decimal(20), Decimal(50))
    chosen = low if percent_of_income is None else percent("percent_of_income", percent_of_income)
    warnings: list[str] = []
    if chosen > high:
        warnings.append(
            f"所选比例{fmt(chosen)}%超出第四十九条所称一般比例（不超过{fmt(high)}%），请在判决中说明理由"
        )
    elif chosen < low:
        warnings.append(
            f"所选比例{fmt(chosen)}%低于第四十九条所称一般比例（{fmt(low)}%），请在判决中说明理由"
        )
    article = "婚姻家庭编解释（一）第四十九条第二款"
    lo_v, hi_v = cents(income * low / 100), cents(income * high / 100)
    figure = cents(income * chosen / 100)
    range_label = "一名子女" if children == 1 else f"{children}名子女"
    steps = (
        Step("月总收入", fmt(income), income, article),
        Step(
            f"一般幅度（{range_label}）",
            f"{fmt(income)} × {fmt(low)}% 至 {fmt(income)} × {fmt(high)}% = {lo_v} 至 {hi_v}",
            hi_v,
            article,
        ),
        Step("每月抚养费", f"{fmt(income)} × {fmt(chosen)}% = {figure}", figure, article),
    )
    return Calculation("每月抚养费", figure, steps, (article, "民法典第一千零八十五条"), tuple(warnings))


def property_division(
    assets: Sequence[tuple[str, object, str]],
    *,
    debts: Sequence[tuple[str, object, str]] = (),
    plaintiff_share_percent: object = 50,
    compensation_to_plaintiff: object = 0,
) -> Calculation:
    """The balancing payment after dividing common property: each asset/debt is ``(name, value, holder)`` with
    holder ``plaintiff`` or ``defendant`` (who keeps it); the plaintiff is entitled to ``plaintiff_share_percent``
    of the net common property (民法典第一千零八十七条; 第一千零八十九条 for common debts) plus
    ``compensation_to_plaintiff`` (第一千零八十八条 housework, 第一千零九十一条 damages; negative values are not
    accepted — give the defendant's claim by swapping the roles).

    The figure is what the defendant pays the plaintiff (折价款); negative means the plaintiff pays.

    >>> c = property_division([("房屋", "1000000", "defendant"), ("车辆", "100000", "plaintiff")],
    ...                       debts=[("房贷", "200000", "defendant")])
    >>> c.figure
    Decimal('350000.00')
    """
    share = percent("plaintiff_share_percent", plaintiff_share_percent)
    extra = amount("compensation_to_plaintiff", compensation_to_plaintiff)
    if not assets:
        raise InvalidValueError(field="assets", reason="未列明共同财产")
    steps: list[Step] = []
    kept = {"plaintiff": Decimal(0), "defendant": Decimal(0)}
    total_assets = Decimal(0)
    total_debts = Decimal(0)
    for group, rows, sign in (("assets", assets, 1), ("debts", debts, -1)):
        for index, row in enumerate(rows):
            try:
                name, raw, holder = row
            except (TypeError, ValueError) as exc:
                raise InvalidValueError(
                    field=f"{group}[{index}]", reason="须为（名称, 价值, 归属方）"
                ) from exc
            if holder not in _PARTIES:
                raise InvalidValueError(
                    field=f"{group}[{index}]", reason=f"归属方须为plaintiff或defendant，收到 {holder}"
                )
            value = amount(f"{group}[{index}]", raw)
            kept[holder] += sign * value
            if sign > 0:
                total_assets += value
            else:
                total_debts += value
            kind = "共同财产" if sign > 0 else "共同债务"
            steps.append(Step(f"{kind}：{name}", f"{fmt(value)}，由{_PARTIES[holder]}取得/负担", value))
    net = total_assets - total_debts
    steps.append(
        Step(
            "净共同财产",
            f"{fmt(total_assets)} - {fmt(total_debts)} = {fmt(net)}",
            net,
            "民法典第一千零八十七条",
        )
    )
    entitled = cents(net * share / 100)
    steps.append(
        Step("原告应得份额", f"{fmt(net)} × {fmt(share)}% = {entitled}", entitled, "民法典第一千零八十七条")
    )
    steps.append(Step("原告实际取得", f"{fmt(kept['plaintiff'])}", kept["plaintiff"]))
    balance = cents(entitled - kept["plaintiff"] + extra)
    formula = (
        f"{entitled} - {fmt(kept['plaintiff'])}" + (f" + {fmt(extra)}" if extra else "") + f" = {balance}"
    )
    steps.append(Step("被告应向原告支付折价款", formula, balance))
    basis = (
        ["民法典第一千零八十七条"]
        + (["民法典第一千零八十九条"] if debts else [])
        + (["民法典第一千零九十一条"] if extra else [])
    )
    return Calculation("财产分割折价款", balance, tuple(steps), tuple(basis))
