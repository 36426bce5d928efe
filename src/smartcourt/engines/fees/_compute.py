"""The full fee computation: brackets, per-case ranges, factors and caps, 减半, appeals and judicial aid.

>>> compute_fee("property", "1000000").total
Decimal('13800.00')
>>> compute_fee("property", "1000000", procedure="simple", mediated=True).total
Decimal('6900.00')
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from functools import cache
from typing import Literal

from smartcourt.engines.fees._schedule import Bracket, BracketTable, KindRule, schedule
from smartcourt.engines.fees._types import AppliedRule, FeeComputation, FeeLine, FeeRange, PerCaseFee
from smartcourt.engines.fees.errors import (
    AmountRequiredError,
    InvalidAmountError,
    InvalidOptionError,
    NegativeAmountError,
    PerCaseOutOfRangeError,
    ReductionNotApplicableError,
    UnknownKindError,
)

__all__ = ["AmountLike", "compute_fee", "fee_kinds", "parse_amount"]

AmountLike = Decimal | int | str
Procedure = Literal["ordinary", "simple"]
Instance = Literal["first", "appeal", "retrial"]
Rounding = Literal["fen", "yuan"]
JudicialAid = Literal["deferral", "reduction", "exemption"]

MAX_AMOUNT = Decimal(10) ** 15  # 1000万亿元: far above any claim, keeps every product exact at 40 digits
_FEN = Decimal("0.01")
_QUANTA: dict[str, Decimal] = {"fen": _FEN, "yuan": Decimal(1)}
_PRECISION = 40


def fee_kinds() -> dict[str, str]:
    """Every fee kind the engine knows, key → Chinese label, in the order of the articles.

    >>> kinds = fee_kinds()
    >>> kinds["property"], kinds["preservation"]
    ('财产案件', '申请保全措施')
    """
    return {key: rule.label for key, rule in schedule().kinds.items()}


def parse_amount(value: object) -> Decimal:
    """An amount in yuan as a Decimal with two decimals; requires a finite number, ``0 <= value <= 10**15``.

    Accepts ``Decimal``, ``int`` or a numeric string; floats are refused (binary fractions are not money).

    >>> parse_amount("1_000.5"), parse_amount(20)
    (Decimal('1000.50'), Decimal('20.00'))
    >>> parse_amount("12.345")
    Traceback (most recent call last):
    ...
    smartcourt.engines.fees.errors.InvalidAmountError: 金额无效：12.345（最小单位为分，至多两位小数）
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise InvalidAmountError(value=repr(value), reason="须为 Decimal、整数或数字字符串")
    try:
        number = Decimal(value.strip()) if isinstance(value, str) else Decimal(value)
    except (InvalidOperation, ValueError):
        raise InvalidAmountError(value=str(value), reason="不是数字") from None
    if not number.is_finite():
        raise InvalidAmountError(value=str(value), reason="不是有限的数")
    if number < 0:
        raise NegativeAmountError(value=str(value))
    if number > MAX_AMOUNT:
        raise InvalidAmountError(value=str(value), reason="超过可计算上限1000万亿元")
    with localcontext(prec=_PRECISION):
        rounded = number.quantize(_FEN)
        if rounded != number:
            raise InvalidAmountError(value=str(value), reason="最小单位为分，至多两位小数")
        return abs(rounded)


def _yuan(value: Decimal) -> str:
    if value >= 10000 and value % 10000 == 0:
        return f"{format((value / 10000).normalize(), 'f')}万元"
    return f"{format(value.normalize(), 'f')}元"


def _percent(rate: Decimal) -> str:
    return f"{format((rate * 100).normalize(), 'f')}%"


def _bracket_label(bracket: Bracket) -> str:
    if bracket.upper is None and (bracket.flat is not None or not bracket.rate):
        return "全部金额"  # a one-band table; the data file has none
    if bracket.flat is not None:
        return f"不超过{_yuan(bracket.upper or Decimal(0))}的，每件交纳{_yuan(bracket.flat)}"
    rate = bracket.rate or Decimal(0)
    if rate == 0:
        return f"不超过{_yuan(bracket.upper or Decimal(0))}的，不另行交纳"
    if bracket.upper is None:
        return f"超过{_yuan(bracket.lower)}的部分，按照{_percent(rate)}交纳"
    return f"超过{_yuan(bracket.lower)}至{_yuan(bracket.upper)}的部分，按照{_percent(rate)}交纳"


@cache
def _labelled(table: BracketTable) -> tuple[tuple[Bracket, str], ...]:
    return tuple((bracket, _bracket_label(bracket)) for bracket in table.brackets)


def _table_lines(table: BracketTable, amount: Decimal) -> list[FeeLine]:
    lines: list[FeeLine] = []
    article = table.article
    for index, (bracket, label) in enumerate(_labelled(table)):
        lower, upper = bracket.lower, bracket.upper
        if index > 0 and amount <= lower:
            break
        base = (amount if upper is None or amount < upper else upper) - lower
        portion = bracket.flat if bracket.flat is not None else base * (bracket.rate or Decimal(0))
        lines.append(FeeLine(article, label, lower, upper, bracket.rate, bracket.flat, base, portion))
    return lines


def _check_options(
    rule: KindRule,
    *,
    procedure: str,
    instance: str,
    rounding: str,
    judicial_aid: str | None,
    grounds: list[str],
) -> None:
    if procedure not in ("ordinary", "simple"):
        raise InvalidOptionError(reason=f"未知的审理程序：{procedure}（应为 ordinary 或 simple）")
    if instance not in ("first", "appeal", "retrial"):
        raise InvalidOptionError(reason=f"未知的审级：{instance}（应为 first、appeal 或 retrial）")
    if rounding not in _QUANTA:
        raise InvalidOptionError(reason=f"未知的尾数处理：{rounding}（应为 fen 或 yuan）")
    if judicial_aid is not None and judicial_aid not in schedule().judicial_aid:
        raise InvalidOptionError(
            reason=f"未知的司法救助申请：{judicial_aid}（应为 deferral、reduction 或 exemption）"
        )
    if rule.category == "application":
        if grounds:
            raise ReductionNotApplicableError(
                reason=f"第十五条、第十六条、第十八条只规定减半交纳案件受理费；“{rule.label}”的费用是申请费"
                f"（{rule.article}），不适用减半"
            )
        if instance != "first":
            raise InvalidOptionError(reason=f"“{rule.label}”的费用是申请费，不区分第二审或再审")
    if procedure == "simple" and instance != "first":
        raise InvalidOptionError(reason="简易程序只适用于第一审案件，第二审和再审案件不能按简易程序减半")


def compute_fee(
    kind: str,
    amount: AmountLike | None = None,
    *,
    procedure: Procedure = "ordinary",
    mediated: bool = False,
    withdrawn: bool = False,
    counterclaim: bool = False,
    instance: Instance = "first",
    per_case: AmountLike | None = None,
    rounding: Rounding = "fen",
    judicial_aid: JudicialAid | None = None,
) -> FeeComputation:
    """The fee of one case or application under 《诉讼费用交纳办法》, with every bracket and rule shown.

    ``amount`` (yuan) is what the kind is computed on: the claim (财产案件, 知识产权 with an amount), the
    property to divide (离婚), the damages (人格权), the amount to enforce or preserve, the bankruptcy estate;
    on appeal the amount appealed (第十七条). ``None`` means the case has no amount. Where the text gives a
    range (离婚 50–300 …) the result keeps the range and ``total`` is ``None`` unless the court's choice
    ``per_case`` is given (it must lie in the range, and is refused where there is no range). ``mediated``/``withdrawn`` (第十五条), ``procedure="simple"``
    (第十六条) and ``counterclaim`` (第十八条) halve 案件受理费 once however many apply (民诉法解释第二百零六条).
    ``judicial_aid`` records a 缓交/减交/免交 application without changing the fee.

    >>> compute_fee("property", "100000").total
    Decimal('2300.00')
    >>> divorce = compute_fee("divorce", "300000")
    >>> (divorce.total, divorce.total_range.low, divorce.total_range.high)
    (None, Decimal('550.00'), Decimal('800.00'))
    >>> compute_fee("divorce", "300000", per_case="200").total
    Decimal('700.00')
    >>> compute_fee("preservation", "2000000").total
    Decimal('5000.00')
    >>> compute_fee("property", "-1")
    Traceback (most recent call last):
    ...
    smartcourt.engines.fees.errors.NegativeAmountError: 金额不能为负数：-1
    """
    rules_by_kind = schedule().kinds
    if kind not in rules_by_kind:
        raise UnknownKindError(kind=str(kind))
    rule = rules_by_kind[kind]
    reductions = schedule().reductions
    grounds = [
        name
        for name, on in (
            ("mediated", mediated),
            ("withdrawn", withdrawn),
            ("simple", procedure == "simple"),
            ("counterclaim", counterclaim),
        )
        if on
    ]
    _check_options(
        rule,
        procedure=procedure,
        instance=instance,
        rounding=rounding,
        judicial_aid=judicial_aid,
        grounds=grounds,
    )
    value = None if amount is None else parse_amount(amount)
    mode = rule.with_amount if value is not None else rule.without_amount
    if mode is None:
        raise AmountRequiredError(kind=kind, kind_label=rule.label, amount_meaning=rule.amount_meaning)

    quantum = _QUANTA[rounding]
    rules = [AppliedRule(article=rule.article, summary=rule.summary)]
    notes: list[str] = list(rule.notes)
    with localcontext(prec=_PRECISION):
        lines: list[FeeLine] = []
        if mode.fixed is not None:
            lines.append(
                FeeLine(
                    article=rule.article,
                    label=f"每件交纳{_yuan(mode.fixed)}" if mode.fixed else "不交纳",
                    lower=None,
                    upper=None,
                    rate=None,
                    flat=mode.fixed,
                    base=None,
                    portion=mode.fixed,
                )
            )
        if mode.table is not None and value is not None:
            lines.extend(_table_lines(mode.table, value))
            if mode.table.article != rule.article:
                rules.append(
                    AppliedRule(article=mode.table.article, summary=f"按照{mode.table.label}标准分段累计计算")
                )
        elif value is not None and not rule.amount_used:
            notes.append("本项费用按件交纳，金额不影响计算。")
        if value is None and rule.amount_used:
            notes.append(f"未提供金额（{rule.amount_meaning}），按没有金额的标准计算。")
        subtotal = sum((line.portion for line in lines), Decimal(0))

        per_case_fee = None
        low = high = subtotal
        if mode.per_case is not None:
            range_low, range_high = mode.per_case
            chosen = None
            if per_case is not None:
                chosen = parse_amount(per_case)
                if not range_low <= chosen <= range_high:
                    raise PerCaseOutOfRangeError(
                        value=str(per_case), low=str(range_low), high=str(range_high)
                    )
                low = high = subtotal + chosen
            else:
                low, high = subtotal + range_low, subtotal + range_high
                notes.append(
                    f"{rule.article}规定每件交纳{_yuan(range_low)}至{_yuan(range_high)}，具体标准由法院依照本地标准"
                    "确定（第十三条末款：省级人民政府可在幅度内制定具体交纳标准）。"
                )
            per_case_fee = PerCaseFee(article=rule.article, low=range_low, high=range_high, chosen=chosen)
        elif per_case is not None:
            raise InvalidOptionError(reason=f"“{rule.label}”在此情形下没有法定幅度，不能指定每件交纳标准")

        if rule.factor is not None:
            num, den = rule.factor
            low, high = low * num / den, high * num / den
        if rule.cap is not None and high > rule.cap:
            rules.append(
                AppliedRule(article=rule.article, summary=f"最高不超过{_yuan(rule.cap)}，按上限交纳")
            )
            low, high = min(low, rule.cap), min(high, rule.cap)
        base = FeeRange(
            low=low.quantize(quantum, rounding=ROUND_HALF_UP),
            high=high.quantize(quantum, rounding=ROUND_HALF_UP),
        )
        if base.low != low or base.high != high:
            unit = "分" if rounding == "fen" else "元"
            exact = (
                format(low.normalize(), "f")
                if low == high
                else "、".join(format(v.normalize(), "f") for v in (low, high))
            )
            notes.append(
                f"精确金额为{exact}元，四舍五入到{unit}（本办法未规定尾数处理，以人民币为计算单位，第五十五条）。"
            )

        total_range = base
        if grounds:
            for name in grounds:
                rules.append(AppliedRule(article=reductions[name].article, summary=reductions[name].summary))
            if len(grounds) > 1:
                once = reductions["once"]
                rules.append(AppliedRule(article=once.article, summary=once.summary))
            total_range = FeeRange(
                low=(base.low / 2).quantize(quantum, rounding=ROUND_HALF_UP),
                high=(base.high / 2).quantize(quantum, rounding=ROUND_HALF_UP),
            )

    if instance != "first":
        statement = schedule().instances[instance]
        rules.append(AppliedRule(article=statement.article, summary=statement.summary))
        if instance == "appeal":
            if rule.amount_used:
                notes.append("金额应为不服一审判决部分的上诉请求数额（第十七条）。")
            else:
                notes.append("第十七条只就财产案件规定上诉的计费基数；本项按与第一审相同的标准计算。")
        else:
            notes.append(
                "只有第九条第(一)、(二)项情形的再审案件才交纳案件受理费；金额应为不服原判决部分的再审请求数额。"
            )
    if judicial_aid is not None:
        statement = schedule().judicial_aid[judicial_aid]
        notes.append(
            f"已申请{schedule().judicial_aid_labels[judicial_aid]}（{statement.article}）：{statement.summary}。"
        )

    return FeeComputation(
        kind=kind,
        kind_label=rule.label,
        category=rule.category,
        amount=value,
        lines=tuple(lines),
        subtotal=subtotal,
        per_case=per_case_fee,
        base=base,
        total_range=total_range,
        total=total_range.low if total_range.fixed else None,
        halved=bool(grounds),
        rules=tuple(rules),
        notes=tuple(notes),
        judicial_aid=judicial_aid,
    )
