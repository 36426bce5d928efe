"""Charge prediction from the facts: the statutory elements (罪状) of each charge plus a pruned naive Bayes
model trained on ../shared (see ``_build_charge_model.py``), each prediction with the text that matched."""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from smartcourt.engines.catalogs import get_charge

from ._types import Span

__all__ = ["ChargePrediction", "Evidence", "predict_articles", "predict_charges", "statutory_penalty"]

# How much the 罪状 match counts against the naive Bayes score (chosen on LawBench 3-1 facts, not 3-3).
_STATUTE_WEIGHT = 3.0
_MODEL_SCALE = 50.0
_CLEAN = re.compile(r"[\s\d×xX某]+")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A piece of the text that supports a charge, and where the support comes from.

    >>> Evidence((0, 2), "盗伐", "罪状").source
    '罪状'
    """

    span: Span
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class ChargePrediction:
    """A predicted charge with its main 刑法 article, a score and the evidence.

    >>> ChargePrediction("盗窃", 264, 1.5, ()).article
    264
    """

    charge: str
    article: int | None
    score: float
    evidence: tuple[Evidence, ...]


def _bigrams(text: str) -> set[str]:
    clean = _CLEAN.sub("", text)
    return {clean[i : i + 2] for i in range(len(clean) - 1)}


@cache
def _model() -> dict[str, Any]:
    raw = resources.files(__package__).joinpath("data", "charge_model.json.gz").read_bytes()
    model: dict[str, Any] = json.loads(gzip.decompress(raw).decode("utf-8"))
    statutes = model["statutes"]
    elements = {name: _bigrams(row["elements"]) | _bigrams(name) for name, row in statutes.items()}
    df: dict[str, int] = {}
    for grams in elements.values():
        for gram in grams:
            df[gram] = df.get(gram, 0) + 1
    idf = {gram: math.log(len(elements) / n) for gram, n in df.items()}
    model["_elements"] = elements
    model["_names"] = {name: _bigrams(name) for name in statutes}
    model["_idf"] = idf
    return model


def _evidence(text: str, grams: set[str], source: str, limit: int = 6) -> list[Evidence]:
    found: list[Evidence] = []
    for gram in sorted(grams):
        at = text.find(gram)
        if at >= 0:
            found.append(Evidence((at, at + len(gram)), gram, source))
    found.sort(key=lambda e: e.span)
    merged: list[Evidence] = []
    for e in found:
        if merged and e.span[0] <= merged[-1].span[1]:
            last = merged[-1]
            end = max(last.span[1], e.span[1])
            merged[-1] = Evidence((last.span[0], end), text[last.span[0] : end], source)
        else:
            merged.append(e)
    merged.sort(key=lambda e: e.span[0] - e.span[1])
    return merged[:limit]


def predict_charges(text: str, *, top: int = 3) -> tuple[ChargePrediction, ...]:
    """The most likely charges for the facts, best first, each with its article and matched evidence.

    >>> best = predict_charges("被告人在林区盗伐杉木二十株，立木蓄积5立方米。")[0]
    >>> best.charge, best.article, [e.text for e in best.evidence if e.source == "罪状"]
    ('盗伐林木', 345, ['盗伐'])
    """
    model = _model()
    grams = _bigrams(text if isinstance(text, str) else "")
    if not grams:
        return ()
    idf: dict[str, float] = model["_idf"]
    classes: dict[str, Any] = model["classes"]
    scored: list[tuple[float, str]] = []
    for name, elements in model["_elements"].items():
        total = sum(idf[g] for g in elements) or 1.0
        name_grams = model["_names"][name]
        name_total = sum(idf[g] for g in name_grams) or 1.0
        statute = (
            sum(idf[g] for g in elements & grams) / total
            + sum(idf[g] for g in name_grams & grams) / name_total
        )
        weights = classes.get(name, {}).get("weights", {})
        learned = sum(weights[g] for g in grams if g in weights) / _MODEL_SCALE
        scored.append((_STATUTE_WEIGHT * statute + learned, name))
    scored.sort(reverse=True)
    result = []
    for score, name in scored[:top]:
        elements = model["_elements"][name]
        weights = classes.get(name, {}).get("weights", {})
        strong = {g for g in grams if weights.get(g, 0) > 2.0}
        evidence = _evidence(text, elements & grams, "罪状") + _evidence(text, strong, "模型", 4)
        result.append(
            ChargePrediction(name, model["statutes"][name]["article"], round(score, 4), tuple(evidence))
        )
    return tuple(result)


def predict_articles(charges: list[str] | tuple[str, ...]) -> tuple[int, ...]:
    """The main 刑法 article of each charge, from the charges catalogue, in the order given, without repeats.

    >>> predict_articles(["盗窃", "诈骗", "盗窃"])
    (264, 266)
    """
    articles: list[int] = []
    for name in charges:
        try:
            number = get_charge(name).article_number
        except Exception:
            continue
        if number is not None and number not in articles:
            articles.append(number)
    return tuple(articles)


def statutory_penalty(charge: str) -> str:
    """The penalty of the first paragraph of the charge's main article (CAIL2018 charges), or ``""``.

    >>> statutory_penalty("盗伐林木")
    '处三年以下有期徒刑、拘役或者管制，并处或者单处罚金'
    """
    row = _model()["statutes"].get(charge.strip().removesuffix("罪"))
    return "" if row is None else str(row.get("penalty", ""))
