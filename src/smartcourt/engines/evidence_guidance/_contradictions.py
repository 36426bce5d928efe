"""Conflicting amounts, dates, weights and alcohol values between evidence items, via the text engine."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from smartcourt.engines.text import extract_dates, extract_money, extract_quantities

from ._types import Contradiction, EvidenceText, ExtractedValue, Finding
from .errors import DuplicateItemError

__all__ = ["KIND_LABELS", "detect_contradictions", "extract_values"]

KIND_LABELS: dict[str, str] = {
    "amount": "金额",
    "date": "日期",
    "weight": "重量",
    "blood_alcohol": "血液酒精含量",
    "breath_alcohol": "呼气酒精含量",
}
_GRAMS = {
    "克": Decimal(1),
    "g": Decimal(1),
    "千克": Decimal(1000),
    "kg": Decimal(1000),
    "公斤": Decimal(1000),
}
_GRAMS.update({"毫克": Decimal("0.001"), "mg": Decimal("0.001")})


def _canonical(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _alcohol_kind(text: str, start: int, subject: str) -> str | None:
    """Blood or breath, from the words just before the value (a value with neither is not compared)."""
    context = subject + text[max(0, start - 20) : start]
    if "呼气" in context:
        return "breath_alcohol"
    if "血" in context or "乙醇" in context:
        return "blood_alcohol"
    return None


def extract_values(text: str) -> tuple[ExtractedValue, ...]:
    """The comparable values a text states, in text order: exact sums of money, full dates, weights in
    grams, and alcohol contents in mg/100ml (blood and breath kept apart). Approximate values (约, 余) are
    left out: they cannot contradict an exact one.

    >>> [(v.kind, v.value) for v in extract_values("2025年3月1日查获冰毒12.5克，血液中乙醇含量为125mg/100ml")]
    [('date', '2025-03-01'), ('weight', '12.5'), ('blood_alcohol', '125')]
    >>> [(v.kind, v.value) for v in extract_values("窃得现金人民币伍仟元，另有约3000元")]
    [('amount', '5000')]
    """
    values: list[ExtractedValue] = []
    for m in extract_money(text):
        if not m.approximate:
            values.append(ExtractedValue("amount", _canonical(m.amount), "元", m.span, m.text))
    for d in extract_dates(text):
        if d.year is not None and d.month is not None and d.day is not None:
            iso = f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
            values.append(ExtractedValue("date", iso, "", d.span, d.text))
    for q in extract_quantities(text):
        if q.approximate:
            continue
        unit = q.unit.lower()
        if unit in _GRAMS:
            grams = q.value * _GRAMS[unit]
            values.append(ExtractedValue("weight", _canonical(grams), "克", q.span, q.text))
        elif unit.startswith("mg/100"):
            kind = _alcohol_kind(text, q.span[0], q.subject)
            if kind is not None:
                values.append(ExtractedValue(kind, _canonical(q.value), "mg/100ml", q.span, q.text))
    return tuple(sorted(values, key=lambda v: v.span))


def detect_contradictions(items: Iterable[EvidenceText]) -> tuple[Contradiction, ...]:
    """Pairs of evidence items that state values of the same kind with no value in common.

    Two items conflict on a kind when each states at least one value of that kind and the two sets of
    values do not meet (an item restating a total and its parts still agrees with one stating the total).
    Each conflict names both items and the first differing value of each, with its span in that item's text.

    >>> a = EvidenceText("report", "血液酒精检验鉴定意见", "送检血样中乙醇含量为125.6mg/100ml")
    >>> b = EvidenceText("record", "讯问笔录", "民警告诉我血液酒精含量是98mg/100ml")
    >>> [c.message for c in detect_contradictions([a, b])]
    ['血液酒精含量不一致：血液酒精检验鉴定意见「125.6mg/100ml」与讯问笔录「98mg/100ml」']
    >>> detect_contradictions([a, EvidenceText("c", "呼气检测", "呼气酒精含量98mg/100ml")])
    ()
    """
    seen: set[str] = set()
    extracted: list[tuple[EvidenceText, dict[str, list[ExtractedValue]]]] = []
    for item in items:
        if item.key in seen:
            raise DuplicateItemError(
                "evidence_guidance.duplicate_item", f"证据标识「{item.key}」重复", field="key"
            )
        seen.add(item.key)
        by_kind: dict[str, list[ExtractedValue]] = {}
        for v in extract_values(item.text):
            by_kind.setdefault(v.kind, []).append(v)
        extracted.append((item, by_kind))
    found: list[Contradiction] = []
    for i, (first, first_values) in enumerate(extracted):
        for second, second_values in extracted[i + 1 :]:
            for kind in KIND_LABELS:
                a, b = first_values.get(kind), second_values.get(kind)
                if not a or not b or {v.value for v in a} & {v.value for v in b}:
                    continue
                found.append(
                    Contradiction(
                        kind,
                        KIND_LABELS[kind],
                        Finding(first.key, first.label, a[0]),
                        Finding(second.key, second.label, b[0]),
                    )
                )
    return tuple(found)
