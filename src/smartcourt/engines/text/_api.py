"""The public functions: each takes any text and never raises; spans index into the text as given."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from . import _entities, _mentions
from ._numerals import try_parse_number
from ._segment import segment_normalized
from ._types import DateMention, Entity, Money, Penalty, Percentage, Quantity, Span, TextAnalysis, Token
from ._width import NormalizedText, normalize_text

#: Texts longer than this are cut before analysis (a judgment is rarely over 50,000 characters).
MAX_CHARS = 1_000_000

T = TypeVar("T")


def _prepare(text: object) -> tuple[NormalizedText, list[str]]:
    notes: list[str] = []
    if not isinstance(text, str):
        notes.append(f"input is {type(text).__name__}, not text")
        text = ""
    if len(text) > MAX_CHARS:
        notes.append(f"text cut to the first {MAX_CHARS} of {len(text)} characters")
        text = text[:MAX_CHARS]
    return normalize_text(text), notes


def _guard(finder: Callable[[NormalizedText], list[T]], norm: NormalizedText, notes: list[str]) -> list[T]:
    try:
        return finder(norm)
    except Exception as exc:  # the public API returns a partial result with the reason instead of raising
        notes.append(f"{finder.__name__} failed: {type(exc).__name__}")
        return []


def parse_number(text: str) -> Decimal | None:
    """Read a numeral (Chinese, capital, Arabic or mixed); ``None`` when it is not one.

    >>> parse_number("一千二百三十四"), parse_number("1.2万"), parse_number("壹万贰仟"), parse_number("一千千")
    (Decimal('1234'), Decimal('12000'), Decimal('12000'), None)
    """
    if not isinstance(text, str) or len(text) > 64:
        return None
    return try_parse_number(text)


def segment(text: str) -> list[Token]:
    """Split text into words with the legal dictionary; ``text[t.start:t.end] == t.word``.

    >>> [t.word for t in segment("被告人并处罚金")]
    ['被告人', '并处罚金']
    """
    norm, notes = _prepare(text)
    return _guard(segment_normalized, norm, notes)


def extract_money(text: str) -> list[Money]:
    """Sums in yuan: 人民币叁万伍仟元整, 3.5万元, 30,000元, 12万余元, 共计…元.

    >>> [(m.amount, m.span, m.approximate) for m in extract_money("盗得现金12万余元")]
    [(Decimal('120000'), (4, 9), True)]
    """
    norm, notes = _prepare(text)
    return _guard(_mentions.find_money, norm, notes)


def extract_dates(text: str) -> list[DateMention]:
    """Dates; 同年5月, 次日, 当日 and 3月5日 are resolved against the last absolute date.

    >>> [m.date.isoformat() for m in extract_dates("2019年3月5日晚，次日") if m.date]
    ['2019-03-05', '2019-03-06']
    """
    norm, notes = _prepare(text)
    return _guard(_mentions.find_dates, norm, notes)


def extract_penalties(text: str) -> list[Penalty]:
    """Punishments with terms in months and fines with amounts.

    >>> [(p.kind.value, p.months) for p in extract_penalties("判处有期徒刑一年六个月，缓刑二年")]
    [('fixed_term_imprisonment', 18), ('probation', 24)]
    """
    norm, notes = _prepare(text)
    return _guard(_mentions.find_penalties, norm, notes)


def extract_quantities(text: str) -> list[Quantity]:
    """Counted and measured amounts: 甲基苯丙胺5.6克, 229.5mg/100ml, 三次, 两部.

    >>> [(q.value, q.unit, q.subject) for q in extract_quantities("甲基苯丙胺5.6克")]
    [(Decimal('5.6'), '克', '甲基苯丙胺')]
    """
    norm, notes = _prepare(text)
    money_spans = [m.span for m in _guard(_mentions.find_money, norm, notes)]
    return _drop_overlapping(money_spans, _guard(_mentions.find_quantities, norm, notes), lambda q: q.span)


def extract_percentages(text: str) -> list[Percentage]:
    """Percentages: 30% and 百分之三十.

    >>> [p.value for p in extract_percentages("承担百分之三十，即30%")]
    [Decimal('30'), Decimal('30')]
    """
    norm, notes = _prepare(text)
    return _guard(_mentions.find_percentages, norm, notes)


def extract_entities(text: str) -> list[Entity]:
    """Persons with roles, organisations, places, times, ID numbers, phones, cards, plates, goods and tools.

    >>> [(e.text, e.role) for e in extract_entities("被告人张某、李某") if e.kind == "person"]
    [('张某', '被告人'), ('李某', '被告人')]
    """
    norm, notes = _prepare(text)
    return _guard(_entities.find_entities, norm, notes)


def _drop_overlapping(spans: list[Span], items: list[T], span_of: Callable[[T], Span]) -> list[T]:
    """The items whose span overlaps none of ``spans``, in O((n + m) log m)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach: list[int] = []  # the furthest end among the spans up to each index
    furthest = -1
    for _, end in ordered:
        furthest = max(furthest, end)
        reach.append(furthest)
    kept = []
    for item in items:
        start, end = span_of(item)
        i = bisect.bisect_left(starts, end) - 1  # the last span that starts before this item ends
        if i < 0 or reach[i] <= start:
            kept.append(item)
    return kept


def analyze(text: str, *, tokens: bool = True) -> TextAnalysis:
    """Run the whole pipeline; ``notes`` says what was cut or failed.

    Money wins over a quantity on the same characters (``5000元`` is not a count).

    >>> a = analyze("被告人张某于2019年3月5日盗窃人民币3.5万元，判处有期徒刑一年六个月")
    >>> a.money[0].amount, a.dates[0].date.isoformat(), a.penalties[0].months, a.notes
    (Decimal('35000'), '2019-03-05', 18, ())
    """
    norm, notes = _prepare(text)
    money = _guard(_mentions.find_money, norm, notes)
    penalties = _guard(_mentions.find_penalties, norm, notes)
    taken = [m.span for m in money] + [p.span for p in penalties]
    quantities = _drop_overlapping(taken, _guard(_mentions.find_quantities, norm, notes), lambda q: q.span)
    return TextAnalysis(
        text=norm.original,
        tokens=tuple(_guard(segment_normalized, norm, notes)) if tokens else (),
        money=tuple(money),
        dates=tuple(_guard(_mentions.find_dates, norm, notes)),
        penalties=tuple(penalties),
        quantities=tuple(quantities),
        percentages=tuple(_guard(_mentions.find_percentages, norm, notes)),
        entities=tuple(_guard(_entities.find_entities, norm, notes)),
        notes=tuple(notes),
    )
