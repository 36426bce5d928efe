"""Charge prediction from the facts: the statutory elements (罪状) of each charge, as hand-written cues
(``data/charge_cues.json``) and as a centroid classifier over character n-grams trained on ../shared
(``_build_charge_model.py``), each prediction with the text that matched."""

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

# What one matched 罪状 cue adds to the classifier's cosine (at most _CUE_CAP cues count per charge).
_CUE_WEIGHT = 0.03
_CUE_CAP = 3
_PIECES = re.compile(r"[\s\d×xX某a-zA-Z，。、；：:,.;（）()“”\"'《》<>\-]+")
# 血液酒精含量 >= 80mg/100ml is 醉酒 (GB 19522; 《关于办理醉酒危险驾驶刑事案件的意见》2023 第四条).
_ALCOHOL = re.compile(r"(\d+(?:\.\d+)?)\s*(?:mg|毫克)\s*/\s*(?:100|一百)\s*(?:ml|毫升)", re.I)
_DRUNK = 80


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


def _ngrams(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for piece in _PIECES.split(text):
        for n in (2, 3):
            for i in range(len(piece) - n + 1):
                gram = piece[i : i + n]
                out[gram] = out.get(gram, 0) + 1
    return out


@cache
def _model() -> dict[str, Any]:
    raw = resources.files(__package__).joinpath("data", "charge_model.json.gz").read_bytes()
    model: dict[str, Any] = json.loads(gzip.decompress(raw).decode("utf-8"))
    index: dict[str, list[tuple[str, float]]] = {}
    for name, centroid in model["centroids"].items():
        for gram, weight in centroid.items():
            index.setdefault(gram, []).append((name, weight))
    model["_index"] = index
    return model


@cache
def _cues() -> dict[str, tuple[re.Pattern[str], ...]]:
    text = resources.files(__package__).joinpath("data", "charge_cues.json").read_text(encoding="utf-8")
    cues: dict[str, list[str]] = json.loads(text)["cues"]
    return {name: tuple(re.compile(rx) for rx in patterns) for name, patterns in cues.items()}


def _cue_evidence(text: str) -> dict[str, list[Evidence]]:
    found: dict[str, list[Evidence]] = {}
    for name, patterns in _cues().items():
        for pattern in patterns:
            match = pattern.search(text)
            if match is not None and match.end() > match.start():
                found.setdefault(name, []).append(Evidence(match.span(), match.group(), "罪状"))
    for match in _ALCOHOL.finditer(text):
        if float(match.group(1)) >= _DRUNK:
            found.setdefault("危险驾驶", []).append(Evidence(match.span(), match.group(), "罪状"))
            break
    return found


def predict_charges(text: str, *, top: int = 3) -> tuple[ChargePrediction, ...]:
    """The most likely charges for the facts, best first, each with its article and matched evidence.

    The score is the cosine between the facts and the charge's profile plus a fixed amount per matched
    罪状 cue; the evidence lists the cues (``罪状``) and the n-grams that weigh most in the profile
    (``模型``).

    >>> best = predict_charges("被告人在林区盗伐杉木二十株，立木蓄积5立方米。")[0]
    >>> best.charge, best.article, [e.text for e in best.evidence if e.source == "罪状"]
    ('盗伐林木', 345, ['盗伐', '立木蓄积'])
    """
    text = text if isinstance(text, str) else ""
    grams = _ngrams(text)
    if not grams:
        return ()
    model = _model()
    idf: dict[str, float] = model["idf"]
    default = float(model["default_idf"])
    weights = {g: (1 + math.log(c)) * idf.get(g, default) for g, c in grams.items()}
    norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
    scores: dict[str, float] = {}
    contributions: dict[str, list[tuple[float, str]]] = {}
    index: dict[str, list[tuple[str, float]]] = model["_index"]
    for gram, x in weights.items():
        for name, y in index.get(gram, ()):
            part = x * y / norm
            scores[name] = scores.get(name, 0.0) + part
            contributions.setdefault(name, []).append((part, gram))
    cues = _cue_evidence(text)
    for name, found in cues.items():
        scores[name] = scores.get(name, 0.0) + _CUE_WEIGHT * min(len(found), _CUE_CAP)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    statutes: dict[str, Any] = model["statutes"]
    result = []
    for name, score in ranked:
        evidence = list(cues.get(name, ()))
        for _, gram in sorted(contributions.get(name, ()), reverse=True)[:4]:
            at = text.find(gram)
            if at >= 0:
                evidence.append(Evidence((at, at + len(gram)), gram, "模型"))
        row = statutes.get(name)
        article = int(row["article"]) if row else None
        result.append(ChargePrediction(name, article, round(score, 4), tuple(evidence)))
    return tuple(result)


def predict_articles(charges: list[str] | tuple[str, ...]) -> tuple[int, ...]:
    """The main 刑法 article of each charge, from the charges catalogue, in the order given, without repeats.

    >>> predict_articles(["盗窃", "诈骗", "盗窃"])
    (264, 266)
    >>> predict_articles(["隐匿、故意销毁会计凭证、会计帐簿、财务会计报告"])
    (162,)
    """
    articles: list[int] = []
    for name in charges:
        try:
            number = get_charge(name).article_number
        except Exception:
            try:  # older lists write 会计帐簿 for the catalogue's 会计账簿
                number = get_charge(name.replace("帐", "账")).article_number
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
