"""The fee schedule of 《诉讼费用交纳办法》, loaded from ``data/fee_schedule.json`` into frozen values.

>>> schedule().source.document_number
'国务院令第481号'
>>> [str(b.upper) for b in schedule().tables["property"].brackets][:3]
['10000', '100000', '200000']
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from typing import Any, Literal

from smartcourt.engines.fees.errors import FeeScheduleError

__all__ = [
    "Bracket",
    "BracketTable",
    "FeeSource",
    "KindRule",
    "Mode",
    "Schedule",
    "Statement",
    "schedule",
]

Category = Literal["acceptance", "application"]


@dataclass(frozen=True, slots=True)
class FeeSource:
    """Where the schedule comes from: the regulation, its number and the day it took effect.

    >>> schedule().source.effective
    '2007-04-01'
    """

    title: str
    issuer: str
    document_number: str
    promulgated: str
    effective: str


@dataclass(frozen=True, slots=True)
class Bracket:
    """One band of a progressive table: ``(lower, upper]`` at ``rate``, or a flat amount for the first band.

    ``upper`` is ``None`` for the open top band.

    >>> schedule().tables["property"].brackets[1]
    Bracket(lower=Decimal('10000'), upper=Decimal('100000'), rate=Decimal('0.025'), flat=None)
    """

    lower: Decimal
    upper: Decimal | None
    rate: Decimal | None
    flat: Decimal | None


@dataclass(frozen=True, slots=True)
class BracketTable:
    """A progressive table (分段累计) with the article that sets it.

    >>> schedule().tables["preservation"].article
    '第十四条第(二)项'
    """

    key: str
    label: str
    article: str
    brackets: tuple[Bracket, ...]


@dataclass(frozen=True, slots=True)
class Mode:
    """How a kind's fee is made up, with or without an amount: a per-case range, a fixed amount, a table.

    >>> schedule().kinds["divorce"].with_amount.per_case
    (Decimal('50'), Decimal('300'))
    """

    per_case: tuple[Decimal, Decimal] | None
    fixed: Decimal | None
    table: BracketTable | None


@dataclass(frozen=True, slots=True)
class KindRule:
    """The rule for one fee kind (案件受理费 or 申请费), with its article.

    ``without_amount`` is ``None`` when the kind cannot be computed without an amount.

    >>> rule = schedule().kinds["bankruptcy"]
    >>> (rule.category, rule.factor, rule.cap)
    ('application', (1, 2), Decimal('300000'))
    """

    key: str
    label: str
    category: Category
    article: str
    summary: str
    amount_meaning: str
    with_amount: Mode
    without_amount: Mode | None
    amount_used: bool
    factor: tuple[int, int] | None
    cap: Decimal | None
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Statement:
    """An article and the rule it states, in Chinese.

    >>> schedule().reductions["simple"].article
    '第十六条'
    """

    article: str
    summary: str


@dataclass(frozen=True, slots=True)
class Schedule:
    """The whole fee schedule.

    >>> sorted(schedule().judicial_aid)
    ['deferral', 'exemption', 'reduction']
    """

    source: FeeSource
    rounding_reading: str
    tables: dict[str, BracketTable]
    kinds: dict[str, KindRule]
    reductions: dict[str, Statement]
    instances: dict[str, Statement]
    judicial_aid: dict[str, Statement]
    judicial_aid_labels: dict[str, str]


def _decimal(value: Any, where: str) -> Decimal:
    if not isinstance(value, str):
        raise FeeScheduleError(reason=f"{where}: amounts are written as strings, got {value!r}")
    try:
        result = Decimal(value)
    except InvalidOperation as exc:
        raise FeeScheduleError(reason=f"{where}: {value!r} is not a number") from exc
    if not result.is_finite() or result < 0:
        raise FeeScheduleError(reason=f"{where}: {value!r} is not a finite non-negative number")
    return result


def _table(key: str, raw: dict[str, Any]) -> BracketTable:
    brackets: list[Bracket] = []
    lower = Decimal(0)
    items = raw["brackets"]
    for index, item in enumerate(items):
        where = f"tables.{key}[{index}]"
        upper = None if item["upto"] is None else _decimal(item["upto"], where)
        if upper is None and index != len(items) - 1:
            raise FeeScheduleError(reason=f"{where}: only the last bracket is open")
        if upper is not None and upper <= lower:
            raise FeeScheduleError(reason=f"{where}: brackets must rise")
        rate = _decimal(item["rate"], where) if "rate" in item else None
        flat = _decimal(item["flat"], where) if "flat" in item else None
        if (rate is None) == (flat is None):
            raise FeeScheduleError(reason=f"{where}: a bracket has either a rate or a flat amount")
        if flat is not None and index != 0:
            raise FeeScheduleError(reason=f"{where}: only the first bracket may be flat")
        brackets.append(Bracket(lower=lower, upper=upper, rate=rate, flat=flat))
        if upper is not None:
            lower = upper
    if not brackets or brackets[-1].upper is not None:
        raise FeeScheduleError(reason=f"tables.{key}: the last bracket must be open")
    return BracketTable(key=key, label=raw["label"], article=raw["article"], brackets=tuple(brackets))


def _mode(raw: dict[str, Any], base: dict[str, Any], tables: dict[str, BracketTable], where: str) -> Mode:
    merged = {**base, **raw}
    per_case = None
    if "per_case" in merged:
        low, high = (_decimal(v, where) for v in merged["per_case"])
        if low > high:
            raise FeeScheduleError(reason=f"{where}: per_case range is reversed")
        per_case = (low, high)
    fixed = _decimal(merged["fixed"], where) if "fixed" in merged else None
    table = None
    if "table" in merged:
        if merged["table"] not in tables:
            raise FeeScheduleError(reason=f"{where}: unknown table {merged['table']!r}")
        table = tables[merged["table"]]
    if per_case is None and fixed is None and table is None:
        raise FeeScheduleError(reason=f"{where}: no fee is defined")
    return Mode(per_case=per_case, fixed=fixed, table=table)


def _kind(key: str, raw: dict[str, Any], tables: dict[str, BracketTable]) -> KindRule:
    where = f"kinds.{key}"
    base: dict[str, Any] = {name: raw[name] for name in ("per_case", "fixed") if name in raw}
    with_amount = _mode(raw.get("with_amount", {}), base, tables, where)
    if "without_amount" in raw:
        without_amount: Mode | None = _mode(raw["without_amount"], {}, tables, where)
    elif raw.get("amount_required", False):
        without_amount = None
    else:
        without_amount = _mode({}, base, tables, where)
    category = raw["category"]
    if category not in ("acceptance", "application"):
        raise FeeScheduleError(reason=f"{where}: unknown category {category!r}")
    factor = None
    if "factor" in raw:
        num, den = (int(v) for v in raw["factor"])
        if num <= 0 or den <= 0:
            raise FeeScheduleError(reason=f"{where}: factor must be positive")
        factor = (num, den)
    return KindRule(
        key=key,
        label=raw["label"],
        category=category,
        article=raw["article"],
        summary=raw["summary"],
        amount_meaning=raw.get("amount_meaning", "诉讼请求的金额或者价额"),
        with_amount=with_amount,
        without_amount=without_amount,
        amount_used=with_amount.table is not None,
        factor=factor,
        cap=_decimal(raw["cap"], where) if "cap" in raw else None,
        notes=tuple(raw.get("notes", ())),
    )


def _statements(raw: dict[str, Any]) -> dict[str, Statement]:
    return {key: Statement(article=item["article"], summary=item["summary"]) for key, item in raw.items()}


@cache
def schedule() -> Schedule:
    """The fee schedule in ``data/fee_schedule.json``, checked and parsed once.

    A missing or malformed file raises ``FeeScheduleError``.

    >>> schedule().kinds["labour"].with_amount.fixed
    Decimal('10')
    """
    try:
        text = (
            resources.files("smartcourt.engines.fees")
            .joinpath("data", "fee_schedule.json")
            .read_text("utf-8")
        )
        raw = json.loads(text)
        tables = {key: _table(key, item) for key, item in raw["tables"].items()}
        kinds = {key: _kind(key, item, tables) for key, item in raw["kinds"].items()}
        source = raw["source"]
        return Schedule(
            source=FeeSource(
                title=source["title"],
                issuer=source["issuer"],
                document_number=source["document_number"],
                promulgated=source["promulgated"],
                effective=source["effective"],
            ),
            rounding_reading=raw["rounding"]["reading"],
            tables=tables,
            kinds=kinds,
            reductions=_statements(raw["reductions"]),
            instances=_statements(raw["instances"]),
            judicial_aid=_statements(raw["judicial_aid"]),
            judicial_aid_labels={key: item["label"] for key, item in raw["judicial_aid"].items()},
        )
    except FeeScheduleError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise FeeScheduleError(reason=f"fee_schedule.json: {exc!r}") from exc
