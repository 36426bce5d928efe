"""The value types a fee computation returns: frozen, with Decimal amounts in yuan.

>>> FeeRange(low=Decimal("50"), high=Decimal("300")).fixed
False
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

__all__ = ["AppliedRule", "FeeComputation", "FeeLine", "FeeRange", "PerCaseFee"]


def _plain(value: Decimal) -> str:
    """An exact Decimal as a plain string without trailing zeros or exponent: ``Decimal('2250.000')`` → ``'2250'``."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True, slots=True)
class FeeRange:
    """A fee that the text gives as a range (``low`` to ``high`` yuan); ``low == high`` when fixed.

    >>> FeeRange(low=Decimal("10"), high=Decimal("10")).fixed
    True
    """

    low: Decimal
    high: Decimal

    @property
    def fixed(self) -> bool:
        """Whether the range has collapsed to one amount."""
        return self.low == self.high


@dataclass(frozen=True, slots=True)
class FeeLine:
    """One line of the computation: a bracket ``(lower, upper]`` of the amount at ``rate``, or a flat amount.

    ``base`` is the part of the amount that falls in the bracket (``None`` for a per-case fixed amount);
    ``portion`` is that part's fee, exact (not yet rounded).

    >>> line = FeeLine("第十三条第(一)项", "超过1万元至10万元的部分，按照2.5%交纳", Decimal(10000),
    ...                Decimal(100000), Decimal("0.025"), None, Decimal(90000), Decimal(2250))
    >>> line.portion
    Decimal('2250')
    """

    article: str
    label: str
    lower: Decimal | None
    upper: Decimal | None
    rate: Decimal | None
    flat: Decimal | None
    base: Decimal | None
    portion: Decimal

    def to_dict(self) -> dict[str, Any]:
        """The line as JSON-ready values (amounts as strings)."""
        return {
            "article": self.article,
            "label": self.label,
            "lower": None if self.lower is None else _plain(self.lower),
            "upper": None if self.upper is None else _plain(self.upper),
            "rate": None if self.rate is None else _plain(self.rate),
            "flat": None if self.flat is None else _plain(self.flat),
            "base": None if self.base is None else _plain(self.base),
            "portion": _plain(self.portion),
        }


@dataclass(frozen=True, slots=True)
class PerCaseFee:
    """The per-case part (每件交纳) that the text gives as a range, and the court's choice inside it if made.

    >>> PerCaseFee("第十三条第(二)项第1目", Decimal(50), Decimal(300), None).chosen is None
    True
    """

    article: str
    low: Decimal
    high: Decimal
    chosen: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        """The per-case part as JSON-ready values."""
        return {
            "article": self.article,
            "low": _plain(self.low),
            "high": _plain(self.high),
            "chosen": None if self.chosen is None else _plain(self.chosen),
        }


@dataclass(frozen=True, slots=True)
class AppliedRule:
    """A rule the computation applied, with its article and what it did.

    >>> AppliedRule("第十六条", "适用简易程序审理的案件减半交纳案件受理费").article
    '第十六条'
    """

    article: str
    summary: str


@dataclass(frozen=True, slots=True)
class FeeComputation:
    """A computed fee with its explanation.

    - ``lines``: the bracket and fixed lines, each with its portion (exact); ``subtotal`` is their sum.
    - ``per_case``: the part the text gives as a range (离婚 50–300 …), ``None`` if there is none.
    - ``base``: the fee before 减半, rounded (a range if ``per_case`` was not chosen).
    - ``total_range`` and ``total``: the fee due; ``total`` is ``None`` while a range is left to the court.
    - ``rules``: every rule applied, with its article; ``notes``: readings and reminders.
    - ``judicial_aid``: a 缓交/减交/免交 application, recorded only: it never changes the fee computed.

    >>> from smartcourt.engines.fees import compute_fee
    >>> fee = compute_fee("property", "100000")
    >>> (fee.total, [str(line.portion) for line in fee.lines])
    (Decimal('2300.00'), ['50', '2250.000'])
    """

    kind: str
    kind_label: str
    category: str
    amount: Decimal | None
    lines: tuple[FeeLine, ...]
    subtotal: Decimal
    per_case: PerCaseFee | None
    base: FeeRange
    total_range: FeeRange
    total: Decimal | None
    halved: bool
    rules: tuple[AppliedRule, ...]
    notes: tuple[str, ...]
    judicial_aid: str | None

    def to_dict(self) -> dict[str, Any]:
        """The computation as JSON-ready values (Decimal amounts as strings, rounded totals with two decimals).

        >>> from smartcourt.engines.fees import compute_fee
        >>> compute_fee("labour").to_dict()["total"]
        '10.00'
        """
        return {
            "kind": self.kind,
            "kind_label": self.kind_label,
            "category": self.category,
            "amount": None if self.amount is None else str(self.amount),
            "lines": [line.to_dict() for line in self.lines],
            "subtotal": _plain(self.subtotal),
            "per_case": None if self.per_case is None else self.per_case.to_dict(),
            "base": {"low": str(self.base.low), "high": str(self.base.high)},
            "total_range": {"low": str(self.total_range.low), "high": str(self.total_range.high)},
            "total": None if self.total is None else str(self.total),
            "halved": self.halved,
            "rules": [{"article": rule.article, "summary": rule.summary} for rule in self.rules],
            "notes": list(self.notes),
            "judicial_aid": self.judicial_aid,
        }
