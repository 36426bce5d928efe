"""Similarity of candidate profiles to a query profile: lexical relevance plus legal agreement, with the
reasons for each neighbour and relevant guiding cases first."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ._types import Candidate, CaseProfile, Feature, Neighbour, Reason, Span
from .errors import NoCandidatesError, SimilarError

__all__ = ["LEGAL_WEIGHTS", "lexical_scores", "matching_passages", "rank_similar"]

# Shares of the legal part (they add up to 1). The charge or cause dominates: two cases of different
# charges are not 类案 however alike their words (最高人民法院《关于统一法律适用加强类案检索的指导意见（试行）》
# 法发〔2020〕24号 第一条: 类案 are cases similar in basic facts, 争议焦点 and 法律适用).
# ``severity``: the sentencing guideline's point for each case's facts (both must have one), 1 when equal,
# 0 at a factor of four apart.
LEGAL_WEIGHTS = {"charge": 0.45, "elements": 0.15, "circumstances": 0.15, "amount": 0.1, "severity": 0.15}
LEXICAL_WEIGHT = 0.3
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
_MIN_SENTENCE = 8
_PASSAGE_MIN = 0.35
_SKIP = re.compile(r"[\s，,、：:“”\"'（）()《》0-9０-９×xX某]")


def _bigrams(text: str) -> Counter[str]:
    plain = _SKIP.sub("", text)
    return Counter(plain[i : i + 2] for i in range(len(plain) - 1))


def lexical_scores(query: str, texts: Sequence[str]) -> list[float]:
    """Cosine of sublinear tf·idf character-bigram vectors between ``query`` and each text (0–1); the idf is
    taken over ``texts``. Used when the caller has no search-engine score.

    >>> [round(s, 2) for s in lexical_scores("入户盗窃现金", ["入户盗窃手机", "驾驶机动车"])]
    [0.47, 0.0]
    """
    docs = [_bigrams(t) for t in texts]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)

    def vector(counts: Counter[str]) -> dict[str, float]:
        return {g: (1 + math.log(c)) * math.log(1 + n / (1 + df.get(g, 0))) for g, c in counts.items()}

    q = vector(_bigrams(query))
    qn = math.sqrt(sum(x * x for x in q.values())) or 1.0
    out = []
    for d in docs:
        v = vector(d)
        vn = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append(sum(x * v.get(g, 0.0) for g, x in q.items()) / (qn * vn))
    return out


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _charge_agreement(query: CaseProfile, other: CaseProfile) -> float:
    if query.charges and other.charges:
        if query.primary_charge in other.charges:
            return 1.0
        return 0.5 * _jaccard(frozenset(query.charges), frozenset(other.charges))
    if query.cause and other.cause:
        if query.cause == other.cause:
            return 1.0
        if query.cause in other.cause or other.cause in query.cause:
            return 0.5
    return 0.0


def _amount_agreement(query: CaseProfile, other: CaseProfile) -> float:
    if not query.amount or not other.amount or query.amount <= 0 or other.amount <= 0:
        return 0.0
    ratio = abs(math.log(float(query.amount) / float(other.amount)))
    return max(0.0, 1.0 - ratio / math.log(10))


def _severity_agreement(query: CaseProfile, other: CaseProfile) -> float:
    a, b = query.guideline_months, other.guideline_months
    if a is None or b is None:
        return 0.0
    return max(0.0, 1.0 - abs(math.log((a + 1) / (b + 1))) / math.log(4))


def _legal(query: CaseProfile, other: CaseProfile) -> float:
    return (
        LEGAL_WEIGHTS["charge"] * _charge_agreement(query, other)
        + LEGAL_WEIGHTS["elements"] * _jaccard(query.element_kinds, other.element_kinds)
        + LEGAL_WEIGHTS["circumstances"] * _jaccard(query.circumstance_kinds, other.circumstance_kinds)
        + LEGAL_WEIGHTS["amount"] * _amount_agreement(query, other)
        + LEGAL_WEIGHTS["severity"] * _severity_agreement(query, other)
    )


def _sentences(text: str) -> list[tuple[Span, str, frozenset[str]]]:
    out = []
    for m in _SENTENCE.finditer(text):
        s = m.group().strip()
        if len(s) >= _MIN_SENTENCE:
            start = m.start() + m.group().index(s)
            out.append(((start, start + len(s)), s, frozenset(_bigrams(s))))
    return out


def matching_passages(query: str, other: str, *, top: int = 2) -> tuple[Reason, ...]:
    """The sentence pairs of two texts that share most character bigrams (Dice ≥ 0.35), best first, each as a
    ``passage`` reason with both spans.

    >>> r = matching_passages("被告人入户盗窃现金三千元。后被抓获。", "某某入户盗窃现金五千元，后退赃。")[0]
    >>> r.kind, r.query_text, r.candidate_text
    ('passage', '被告人入户盗窃现金三千元。', '某某入户盗窃现金五千元，后退赃。')
    """
    left, right = _sentences(query), _sentences(other)
    pairs: list[tuple[float, Span, str, Span, str]] = []
    for qspan, qtext, qgrams in left:
        for cspan, ctext, cgrams in right:
            if not qgrams or not cgrams:
                continue
            dice = 2 * len(qgrams & cgrams) / (len(qgrams) + len(cgrams))
            if dice >= _PASSAGE_MIN:
                pairs.append((dice, qspan, qtext, cspan, ctext))
    pairs.sort(key=lambda p: (-p[0], p[1], p[3]))
    out: list[Reason] = []
    used_q: set[Span] = set()
    used_c: set[Span] = set()
    for dice, qspan, qtext, cspan, ctext in pairs:
        if qspan in used_q or cspan in used_c:
            continue
        used_q.add(qspan)
        used_c.add(cspan)
        out.append(Reason("passage", f"相似段落（{dice:.0%}）", qspan, cspan, qtext, ctext, round(dice, 3)))
        if len(out) >= top:
            break
    return tuple(out)


def _shared(kind: str, prefix: str, mine: Iterable[Feature], theirs: Iterable[Feature]) -> list[Reason]:
    other = {f.kind: f for f in theirs}
    return [
        Reason(kind, f"{prefix}：{f.label}", f.span, other[f.kind].span, f.text, other[f.kind].text)
        for f in mine
        if f.kind in other
    ]


def _reasons(query: CaseProfile, cand: Candidate, *, passages: int) -> tuple[Reason, ...]:
    other = cand.profile
    out: list[Reason] = []
    if query.charges and other.charges:
        shared = [c for c in query.charges if c in other.charges]
        if shared:
            out.append(Reason("charge", "同罪名：" + "、".join(f"{c}罪" for c in shared), weight=1.0))
    elif query.cause and other.cause and _charge_agreement(query, other) > 0:
        out.append(Reason("cause", f"同案由：{other.cause}", weight=_charge_agreement(query, other)))
    out += _shared("element", "共同要素", query.elements, other.elements)
    out += _shared("circumstance", "共同情节", query.circumstances, other.circumstances)
    band = _amount_agreement(query, other)
    if band >= 0.5 and query.amount is not None and other.amount is not None:
        out.append(
            Reason(
                "amount",
                f"数额相近：{query.amount:,.0f}元 / {other.amount:,.0f}元",
                query.amount_span,
                other.amount_span,
                weight=round(band, 3),
            )
        )
    severity = _severity_agreement(query, other)
    if severity >= 0.5 and query.guideline_months is not None and other.guideline_months is not None:
        same = "同一法定刑幅度，" if query.paragraph and query.paragraph == other.paragraph else ""
        out.append(
            Reason(
                "severity",
                f"{same}按量刑指导意见测算刑期相近：{query.guideline_months}个月 / {other.guideline_months}个月",
                weight=round(severity, 3),
            )
        )
    if cand.guiding:
        out.append(Reason("guiding", "指导性案例或典型案例", weight=1.0))
    out += matching_passages(query.text, other.text, top=passages)
    return tuple(out)


def rank_similar(
    query: CaseProfile,
    candidates: Sequence[Candidate],
    *,
    top: int = 10,
    lexical_weight: float = LEXICAL_WEIGHT,
    max_guiding: int = 2,
    passages: int = 2,
) -> tuple[Neighbour, ...]:
    """The ``top`` candidates most similar to ``query``, best first, each with its reasons.

    ``score = lexical_weight × lexical + (1 − lexical_weight) × legal``: ``lexical`` is the candidate's search
    score divided by the best one among the candidates (or :func:`lexical_scores` when no candidate has one),
    ``legal`` adds :data:`LEGAL_WEIGHTS` × the agreement of charge or cause, key elements (Jaccard),
    circumstances (Jaccard), amount (1 at the same sum, 0 at ten times apart) and the severity the
    sentencing guideline reads from the facts (1 at the same point, 0 at four times apart). Guiding cases sharing the
    charge or cause come first (at most ``max_guiding``). Ties keep the candidates' order.

    Raises :class:`NoCandidatesError` when there are no candidates.

    >>> from smartcourt.engines.similar import build_profile
    >>> q = build_profile("被告人入户盗窃现金3000元，到案后如实供述。", charges=["盗窃"])
    >>> a = Candidate("a", build_profile("被告人驾驶机动车，血液酒精含量120mg/100ml。", charges=["危险驾驶"]))
    >>> b = Candidate("b", build_profile("被告人入户窃得手机一部价值2500元，如实供述。", charges=["盗窃"]))
    >>> [(n.candidate.id, [r.label for r in n.reasons][:3]) for n in rank_similar(q, [a, b], top=1)]
    [('b', ['同罪名：盗窃罪', '共同要素：入户', '共同情节：坦白'])]
    """
    if not candidates:
        raise NoCandidatesError()
    if top < 1:
        raise SimilarError("similar.invalid_top", "返回数量应为正整数", field="top")
    if not 0.0 <= lexical_weight <= 1.0:
        raise SimilarError("similar.invalid_weight", "文本相关度权重应在0到1之间", field="lexical_weight")
    given = [c.lexical for c in candidates]
    if all(x is None for x in given):
        raw = lexical_scores(query.text, [c.profile.text for c in candidates])
    else:
        raw = [max(0.0, x) if x is not None and math.isfinite(x) else 0.0 for x in given]
    best = max(raw) or 1.0
    scored = []
    for i, (cand, lex) in enumerate(zip(candidates, raw, strict=True)):
        lexical = lex / best
        legal = _legal(query, cand.profile)
        score = lexical_weight * lexical + (1 - lexical_weight) * legal
        scored.append((score, i, cand, lexical, legal))
    scored.sort(key=lambda s: (-s[0], s[1]))
    guiding = [s for s in scored if s[2].guiding and _charge_agreement(query, s[2].profile) >= 1.0]
    first = guiding[:max_guiding]
    chosen_ids = {id(s[2]) for s in first}
    rest = [s for s in scored if id(s[2]) not in chosen_ids]
    ordered = [(s, True) for s in first] + [(s, False) for s in rest]
    return tuple(
        Neighbour(
            cand,
            round(score, 6),
            round(lexical, 6),
            round(legal, 6),
            _reasons(query, cand, passages=passages),
            flag,
        )
        for (score, _, cand, lexical, legal), flag in ordered[:top]
    )
