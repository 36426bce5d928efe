"""Charge prediction from the facts: the statutory elements (罪状) of each charge, as hand-written cues
(``data/charge_cues.json``, each weighted by its precision on the training documents), as a centroid
classifier over character n-grams and a linear SVM beside it, both trained on ../shared
(``_build_charge_model.py``), each prediction with the text that matched."""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from smartcourt.engines.catalogs import get_charge
from smartcourt.engines.text.linear import LinearTextModel, load_model

from ._types import Span

__all__ = [
    "ChargePrediction",
    "Evidence",
    "PenaltyRange",
    "applicable_range",
    "circumstance_articles",
    "predict_articles",
    "predict_charges",
    "statutory_penalty",
    "statutory_ranges",
]

# What a matched 罪状 cue adds to the classifier's cosine: _CUE_WEIGHT for each (at most _CUE_CAP per
# charge) plus _PRECISION_WEIGHT times the cue's precision on the training documents (the share of the
# documents it matches that bear its charge, ``cue_precision`` in the model). Chosen on the dev half of
# LawBench 3-3, which the model never trains on; ``bench/sentencing.py --cv`` reruns the choice under 5-fold
# cross-validation (the held-out figure is the one docs/benchmarks.md reports).
_CUE_WEIGHT = 0.04
_CUE_CAP = 3
_PRECISION_WEIGHT = 0.06
# What the linear SVM adds: this weight times (its decision + 1), the decision being about -1 for a charge
# the facts do not fit (chosen with the cue weights, the same way).
_LINEAR_WEIGHT = 0.02
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
def _linear() -> LinearTextModel:
    with resources.as_file(resources.files(__package__).joinpath("data", "charge_linear.json.gz")) as path:
        return load_model(path)


@cache
def _cues() -> dict[str, tuple[re.Pattern[str], ...]]:
    text = resources.files(__package__).joinpath("data", "charge_cues.json").read_text(encoding="utf-8")
    cues: dict[str, list[str]] = json.loads(text)["cues"]
    return {name: tuple(re.compile(rx) for rx in patterns) for name, patterns in cues.items()}


def _cue_matches(text: str) -> dict[str, list[tuple[str, Evidence]]]:
    """Per charge, the cues that match: (the cue's regular expression, the evidence)."""
    found: dict[str, list[tuple[str, Evidence]]] = {}
    for name, patterns in _cues().items():
        for pattern in patterns:
            match = pattern.search(text)
            if match is not None and match.end() > match.start():
                found.setdefault(name, []).append(
                    (pattern.pattern, Evidence(match.span(), match.group(), "罪状"))
                )
    for match in _ALCOHOL.finditer(text):
        if float(match.group(1)) >= _DRUNK:
            found.setdefault("危险驾驶", []).append(("", Evidence(match.span(), match.group(), "罪状")))
            break
    return found


def _cue_bonus(name: str, patterns: list[str], model: dict[str, Any]) -> float:
    """What the matched cues of one charge add to its score (see ``_CUE_WEIGHT``)."""
    table: dict[str, float] = model.get("cue_precision", {}).get(name, {})
    prior = float(model.get("cue_prior", 0.5))
    precision = sum(table.get(p, prior) for p in patterns)
    return _CUE_WEIGHT * min(len(patterns), _CUE_CAP) + _PRECISION_WEIGHT * precision


def _profile_scores(text: str) -> tuple[dict[str, float], dict[str, list[tuple[float, str]]]]:
    """Per charge, the cosine between the facts and its profile, and what each n-gram contributed."""
    model = _model()
    idf: dict[str, float] = model["idf"]
    default = float(model["default_idf"])
    weights = {g: (1 + math.log(c)) * idf.get(g, default) for g, c in _ngrams(text).items()}
    norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
    scores: dict[str, float] = {}
    contributions: dict[str, list[tuple[float, str]]] = {}
    index: dict[str, list[tuple[str, float]]] = model["_index"]
    for gram, x in weights.items():
        for name, y in index.get(gram, ()):
            part = x * y / norm
            scores[name] = scores.get(name, 0.0) + part
            contributions.setdefault(name, []).append((part, gram))
    return scores, contributions


def _linear_scores(text: str) -> dict[str, float]:
    """Per charge, what the linear SVM adds to its score (``_LINEAR_WEIGHT``)."""
    linear = _linear()
    return {n: _LINEAR_WEIGHT * (d + 1.0) for n, d in zip(linear.classes, linear.decision(text), strict=True)}


def predict_charges(text: str, *, top: int = 3) -> tuple[ChargePrediction, ...]:
    """The most likely charges for the facts, best first, each with its article and matched evidence.

    The score is the cosine between the facts and the charge's profile plus a share of the linear SVM's
    decision plus, for each matched 罪状 cue, a fixed amount and an amount in proportion to the cue's
    precision on the training documents; the evidence lists the cues (``罪状``) and the n-grams that weigh
    most in the profile (``模型``).

    >>> best = predict_charges("被告人在林区盗伐杉木二十株，立木蓄积5立方米。")[0]
    >>> best.charge, best.article, [e.text for e in best.evidence if e.source == "罪状"]
    ('盗伐林木', 345, ['盗伐', '立木蓄积'])
    """
    text = text if isinstance(text, str) else ""
    if not _ngrams(text):
        return ()
    model = _model()
    scores, contributions = _profile_scores(text)
    for name, value in _linear_scores(text).items():
        scores[name] = scores.get(name, 0.0) + value
    matches = _cue_matches(text)
    cues = {name: [e for _, e in found] for name, found in matches.items()}
    for name, found in matches.items():
        scores[name] = scores.get(name, 0.0) + _cue_bonus(name, [p for p, _ in found], model)
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


@dataclass(frozen=True, slots=True)
class PenaltyRange:
    """One penalty range (量刑幅度) of a charge's article: the condition the article states before it and
    the fixed-term imprisonment it allows, in months (an open range ends at 180, 刑法第四十五条; a range of
    拘役 only is 0–6).

    >>> PenaltyRange("数额巨大或者有其他严重情节的，", 36, 120).high
    120
    """

    condition: str
    low: int
    high: int


def statutory_ranges(charge: str) -> tuple[PenaltyRange, ...]:
    """The penalty ranges of the charge's article in the order the article lists them (from the charges
    catalogue and 刑法, built into the charge model); ``()`` when the charge is unknown.

    >>> [(r.low, r.high) for r in statutory_ranges("诈骗")]
    [(0, 36), (36, 120), (120, 180)]
    >>> [(r.low, r.high) for r in statutory_ranges("受贿")]  # punished under 刑法第三百八十三条
    [(0, 36), (36, 120), (120, 180)]
    """
    row = _model()["statutes"].get(charge.strip().removesuffix("罪"))
    if row is None:
        return ()
    return tuple(PenaltyRange(str(c), int(lo), int(hi)) for c, lo, hi in row.get("tiers", ()))


# What an article's condition says, and how the facts show it. A range is applicable when the facts show
# a condition of its own that the first range's condition does not have.
_SEVERITY: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(condition), re.compile(facts))
    for condition, facts in (
        (r"特别巨大", r"特别巨大"),
        (r"特别严重", r"特别严重"),
        (r"特别恶劣", r"特别恶劣"),
        (r"特别重大", r"特别重大"),
        (r"(?<!特别)巨大", r"(?<!特别)巨大"),
        (r"(?<!特别)严重", r"(?<!特别)(?:情节严重|后果严重|严重后果|严重危害)"),
        (r"(?<!特别)恶劣", r"(?<!特别)恶劣"),
        (r"(?<!特别)重大(?:经济)?损失", r"(?<!特别)重大(?:经济)?损失"),
        (r"重伤", r"重伤"),
        (r"死亡", r"死亡"),
    )
)
_TEN_THOUSANDS = re.compile(r"([一二三四五六七八九十百千零]+)万元以上")
# 法释〔2016〕9号 第一条至第三条: 贪污、受贿 3万 / 20万 / 300万 are 数额较大 / 巨大 / 特别巨大 (刑法第三百八十三条);
# 第十条: 利用影响力受贿 follows 受贿.
_AMOUNT_RANGES: dict[str, tuple[int, ...]] = {
    "贪污": (30_000, 200_000, 3_000_000),
    "受贿": (30_000, 200_000, 3_000_000),
    "利用影响力受贿": (30_000, 200_000, 3_000_000),
}


def applicable_range(charge: str, text: str, amount: Decimal | None = None) -> PenaltyRange | None:
    """The penalty range the facts fall in: by the amount when the article (or 法释〔2016〕9号 for
    贪污/受贿) states amount thresholds, else the highest range whose condition (数额巨大, 情节特别严重,
    致人死亡 …) the text shows, else the first range — or the article's 情节较轻 range when the text says
    情节较轻 or the crime is negligent (失火, 过失致人死亡); ``None`` when the charge's article is unknown.

    >>> from decimal import Decimal
    >>> applicable_range("受贿", "收受财物", Decimal("250000")).low
    36
    >>> applicable_range("诈骗", "骗取他人财物，数额特别巨大。").low
    120
    >>> applicable_range("失火", "不慎引燃山林。").high
    36
    >>> applicable_range("故意杀人", "持刀将被害人杀死。").low  # 死刑、无期徒刑或者十年以上有期徒刑
    120
    """
    from smartcourt.engines.text import parse_number

    ranges = statutory_ranges(charge)
    if not ranges:
        return None
    light = [r for r in ranges if "较轻" in r.condition]
    heavy = [r for r in ranges if "较轻" not in r.condition] or list(ranges)
    # the 情节较轻 range when the facts say so, and by default for a negligent crime (失火, 过失致人死亡 …)
    negligent = "过失" in charge or charge.strip().removesuffix("罪") == "失火"
    default = light[0] if light and (negligent or "情节较轻" in text) else heavy[0]
    if amount is not None:
        thresholds: list[tuple[Decimal, PenaltyRange]] = []
        for r in heavy:
            found = _TEN_THOUSANDS.search(r.condition)
            number = parse_number(found.group(1)) if found else None
            if number is not None:
                thresholds.append((Decimal(number) * 10_000, r))
        fixed = _AMOUNT_RANGES.get(charge.strip().removesuffix("罪"))
        if fixed is not None and len(heavy) >= len(fixed):
            thresholds = [(Decimal(v), r) for v, r in zip(fixed, heavy, strict=False)]
        if len(thresholds) >= 2:
            chosen = default
            for value, r in thresholds:
                if amount >= value:
                    chosen = r
            return chosen
    if not heavy:
        return default
    first = heavy[0].condition
    for r in reversed(heavy[1:]):
        for condition, shown in _SEVERITY:
            if condition.search(r.condition) and not condition.search(first) and shown.search(text):
                return r
    return default


_LAW_ARTICLE = re.compile(r"^刑法第([一二三四五六七八九十百零]+)条")
# Articles a judgment cites for what the recommendation itself uses: 刑法第六十四条 (追缴、责令退赔) with
# 退赃退赔, 第五十二条/第五十三条 (罚金) with a fine, 第七十二条 (缓刑) when probation is open.
_RESTITUTION_ARTICLE = 64


def circumstance_articles(kinds: list[str] | tuple[str, ...]) -> tuple[int, ...]:
    """The 刑法 articles behind the circumstances (the ``law`` of each rule in ``data/guideline.json``:
    自首/坦白 → 第六十七条, 从犯 → 第二十七条, 累犯 → 第六十五条, 毒品再犯 → 第三百五十六条 …; 退赃退赔 →
    第六十四条), in order, without repeats; kinds without a 刑法 article (当庭认罪, 认罪认罚 under 刑事诉讼法)
    add nothing.

    >>> circumstance_articles(["surrender", "accessory", "restitution", "plea_leniency", "drug_repeat"])
    (67, 27, 64, 356)
    """
    from smartcourt.engines.text import parse_number

    from ._data import load

    rules: dict[str, dict[str, Any]] = load("guideline.json")["circumstances"]
    out: list[int] = []
    for kind in kinds:
        number: int | None = _RESTITUTION_ARTICLE if kind == "restitution" else None
        found = _LAW_ARTICLE.match(str(rules.get(kind, {}).get("law", "")))
        if found is not None:
            value = parse_number(found.group(1))
            number = int(value) if value is not None else None
        if number is not None and number not in out:
            out.append(number)
    return tuple(out)
