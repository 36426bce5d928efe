"""A case profile from the facts: charges or cause, key elements and circumstances with spans, the main
amount and the cited articles, read with the sentencing, text and laws engines."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from smartcourt.engines.laws import find_citations
from smartcourt.engines.sentencing import (
    Circumstance,
    SentencingError,
    compute_sentence,
    extract_circumstances,
    extract_facts,
    predict_charges,
)
from smartcourt.engines.text import extract_money

from ._types import CaseProfile, Feature, Span
from .errors import EmptyFactsError, FactsTooLongError

__all__ = ["MAX_FACT_CHARS", "build_profile"]

MAX_FACT_CHARS = 50_000
# A second predicted charge joins the first when its score is at least this share of the first's.
_SECOND_CHARGE = 0.9
_CRIMINAL = re.compile(r"被告人|公诉机关|检察院|犯罪|罪")
_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_DRUNK_MG = Decimal(80)  # 血液酒精含量 ≥ 80mg/100ml 为醉酒 (GB 19522-2010 4.1)


@cache
def _labels() -> dict[str, Any]:
    raw = resources.files(__package__).joinpath("data", "features.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    data["_locate"] = {kind: re.compile(pattern) for kind, pattern in data["locate"].items()}
    data["_civil"] = {kind: (label, re.compile(pattern)) for kind, (label, pattern) in data["civil"].items()}
    return data


def _clean_charge(name: str) -> str:
    return name.strip().removesuffix("罪").strip()


def _criminal_elements(
    text: str, charge: str, circumstances: Sequence[Feature]
) -> tuple[list[Feature], Decimal | None, Span | None, int | None, str]:
    labels: dict[str, str] = _labels()["facts"]
    try:
        facts = extract_facts(text, charge)
    except SentencingError:
        return [], None, None, None, ""
    point: int | None = None
    paragraph = ""
    try:
        recommendation = compute_sentence(facts, [Circumstance(c.kind) for c in circumstances])
        point, paragraph = recommendation.point, recommendation.paragraph
    except SentencingError:
        pass
    found: list[Feature] = []

    locate: dict[str, re.Pattern[str]] = _labels()["_locate"]

    def add(kind: str, key: str | None = None) -> None:
        span = facts.span_of(key or kind)
        if span is None and kind in locate:
            match = locate[kind].search(text)
            span = match.span() if match else None
        snippet = text[span[0] : span[1]] if span else ""
        found.append(Feature(kind, labels.get(kind, kind), span, snippet))

    for flag in sorted(facts.flags):
        add(flag)
    if facts.injury:
        add(f"injury:{facts.injury}", "injury")
    if facts.deaths:
        add("death", "deaths")
    if facts.count is not None and facts.count >= 3:
        add("repeated", "count")
    if facts.drug_grams is not None:
        add("drug", "drug_grams")
    if facts.blood_alcohol is not None and facts.blood_alcohol >= _DRUNK_MG:
        add("drunk", "blood_alcohol")
    return found, facts.amount, facts.span_of("amount"), point, paragraph


def _civil_elements(text: str) -> list[Feature]:
    found = []
    for kind, (label, pattern) in _labels()["_civil"].items():
        match = pattern.search(text)
        if match is not None:
            found.append(Feature(kind, label, match.span(), match.group()))
    return found


def _articles(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for c in find_citations(text):
        if c.law_id is None:
            continue
        label = f"{c.law_id}第{c.article}条" + (f"之{c.suffix}" if c.suffix else "")
        if label not in out:
            out.append(label)
    return tuple(out)


def build_profile(
    text: str,
    *,
    charges: Sequence[str] | None = None,
    cause: str = "",
    category: str = "",
    articles: Sequence[str] | None = None,
    max_chars: int = MAX_FACT_CHARS,
) -> CaseProfile:
    """The legal profile of the facts ``text``.

    ``charges`` from the case record or the judgment (``charge_source="record"``); when ``None`` and the facts
    are criminal (``category="criminal"``, or the text speaks of 被告人/公诉/犯罪), the sentencing engine's
    prediction gives them (``charge_source="predicted"``). ``cause`` is the civil or administrative 案由.
    Circumstances and the facts that fix a criminal paragraph come from the sentencing engine, civil key
    elements from cue words; each feature keeps its span in ``text``. ``articles`` default to the citations
    found in the text.

    Raises :class:`EmptyFactsError` for empty facts and :class:`FactsTooLongError` above ``max_chars``.

    >>> p = build_profile("被告人张某入户盗窃，窃得现金人民币3000元。到案后如实供述。")
    >>> p.charges, p.charge_source, [f.label for f in p.elements], [f.label for f in p.circumstances]
    (('盗窃',), 'predicted', ['入户'], ['坦白'])
    >>> p.amount, p.amount_span
    (Decimal('3000'), (14, 22))
    """
    if not isinstance(text, str) or not _CONTENT.search(text):
        raise EmptyFactsError()
    if len(text) > max_chars:
        raise FactsTooLongError(len(text), max_chars)
    given = tuple(c for c in (_clean_charge(x) for x in charges or ()) if c)
    cause = cause.strip()
    if not category:
        if given:
            category = "criminal"
        elif cause:
            category = "civil"
        elif _CRIMINAL.search(text):
            category = "criminal"
        else:
            category = "civil"
    source = "record" if given else ""
    found = given
    if not found and category == "criminal" and charges is None:
        predictions = predict_charges(text, top=2)
        if predictions:
            best = predictions[0].score
            found = tuple(p.charge for p in predictions if p.score >= _SECOND_CHARGE * best)
            source = "predicted"
    labels: dict[str, str] = _labels()["circumstances"]
    primary = found[0] if found else None
    circumstances = tuple(
        Feature(c.kind, labels.get(c.kind, c.kind), c.span, c.text)
        for c in extract_circumstances(text, primary)
    )
    amount: Decimal | None = None
    amount_span: Span | None = None
    point: int | None = None
    paragraph = ""
    if category == "criminal" and primary:
        elements, amount, amount_span, point, paragraph = _criminal_elements(text, primary, circumstances)
    else:
        elements = _civil_elements(text)
        money = [m for m in extract_money(text) if m.amount > 0]
        if money:
            best_money = max(money, key=lambda m: m.amount)
            amount, amount_span = best_money.amount, best_money.span
    return CaseProfile(
        text=text,
        charges=found,
        charge_source=source,
        cause=cause,
        category=category,
        elements=tuple(elements),
        circumstances=circumstances,
        amount=amount,
        amount_span=amount_span,
        articles=tuple(articles) if articles is not None else _articles(text),
        guideline_months=point,
        paragraph=paragraph,
    )
