"""Reads of similar-case push: the neighbours of some facts among the knowledge base's judgments (the
search index gives lexical candidates, the similar engine profiles and ranks them), a case's facts and
searches, and class-case report data. The web panel, the API and ``smartcourt similar`` all call
:func:`similar_find`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from smartcourt.apps.cases.selectors import case_get
from smartcourt.apps.core.errors import NotFoundError, NotPermittedError, from_engine_error
from smartcourt.apps.similar.error_codes import SimilarErrorCode
from smartcourt.apps.similar.models import OutcomeKind, SimilarSearch
from smartcourt.engines.laws import find_citations
from smartcourt.engines.similar import (
    MAX_FACT_CHARS,
    Candidate,
    CaseProfile,
    ClassCaseReport,
    Distribution,
    Neighbour,
    SimilarError,
    build_profile,
    class_case_report,
    rank_similar,
)
from smartcourt.engines.text import extract_money, parse_judgment

if TYPE_CHECKING:
    from smartcourt.apps.accounts.models import User
    from smartcourt.apps.cases.models import Case
    from smartcourt.apps.knowledge.models import Judgment

# Lexical candidates fetched from the search index: the plain query, and the same query restricted to the
# profile's charge or cause, so that legally alike judgments reach the ranking even when worded otherwise.
POOL = 60
_AWARD_LEFT = re.compile(r"(?:支付|给付|赔偿|偿还|返还|退还)[^，。；]{0,20}$")
# 诉讼费用的负担 (《诉讼费用交纳办法》国务院令第481号 第二十九条: 由败诉方负担，部分胜诉的按比例负担).
_FEE = re.compile(r"(?:案件|诉讼)?受理费[^。]{0,160}")
_ALL_BY = re.compile(r"由(原告|被告)[^，。；、]{0,20}?负担(?=[。；，]|$)")


@dataclass(frozen=True)
class SimilarResult:
    """The profile of the facts, the ranked neighbours and the judgments behind them (by candidate id)."""

    profile: CaseProfile
    neighbours: tuple[Neighbour, ...]
    judgments: dict[str, Judgment]
    pool: int


def _articles(cited: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    text = "；".join(f"《{c.get('law', '')}》{c.get('article', '')}" for c in cited if isinstance(c, Mapping))
    out: list[str] = []
    for c in find_citations(text):
        if c.law_id is not None:
            label = f"{c.law_id}第{c.article}条" + (f"之{c.suffix}" if c.suffix else "")
            if label not in out:
                out.append(label)
    return tuple(out)


def _award(judgment: Judgment) -> float | None:
    """The first sum the operative part orders paid (civil), or ``None``."""
    part = parse_judgment(judgment.full_text[:MAX_FACT_CHARS]).part("operative")
    if part is None:
        return None
    for m in extract_money(part.text):
        if m.amount > 0 and _AWARD_LEFT.search(part.text[max(0, m.span[0] - 24) : m.span[0]]):
            return float(m.amount)
    return None


def cost_ratio(text: str) -> float | None:
    """The share of the court fee borne by the defendant(s) (0–1), from the 受理费 sentence, or ``None``.

    ``案件受理费800元，由被告负担。`` → 1.0; ``…由原告负担200元，被告负担600元。`` → 0.75.
    """
    m = _FEE.search(text)
    if m is None:
        return None
    sentence = m.group()
    by_party = {"原告": Decimal(0), "被告": Decimal(0)}
    for money in extract_money(sentence):
        left = sentence[max(0, money.span[0] - 12) : money.span[0]]
        party = next(
            (
                p
                for p in ("被告", "原告")
                if p in left and "负担" in left + sentence[money.span[1] : money.span[1] + 3]
            ),
            None,
        )
        if party is not None:
            by_party[party] += money.amount
    total = by_party["原告"] + by_party["被告"]
    if total > 0:
        return round(float(by_party["被告"] / total), 4)
    whole = {w.group(1) for w in _ALL_BY.finditer(sentence)}
    if whole == {"被告"}:
        return 1.0
    if whole == {"原告"}:
        return 0.0
    return None


def judgment_outcome(judgment: Judgment, kind: str) -> float | None:
    """The outcome of ``kind`` a judgment records: months of the principal term, the fine, the award or the
    defendant's share of the court fee."""
    if kind == OutcomeKind.TERM_MONTHS:
        return None if judgment.term_months is None else float(judgment.term_months)
    if kind == OutcomeKind.FINE:
        return None if judgment.fine_amount is None else float(judgment.fine_amount)
    if kind == OutcomeKind.AWARD:
        return _award(judgment)
    if kind == OutcomeKind.COST_RATIO:
        return cost_ratio(judgment.full_text[-3000:])
    return None


def judgment_profile(judgment: Judgment) -> CaseProfile:
    """The legal profile of a stored judgment: its facts part (else the start of its text), its recorded
    charges or cause and its cited articles."""
    text = (judgment.facts or judgment.full_text or judgment.title)[:MAX_FACT_CHARS]
    criminal = judgment.case_type == "criminal"
    charges: list[str] | None = list(judgment.charges or [])
    if not charges and criminal:
        charges = None  # not recorded: the engine predicts from the facts
    cause = "" if criminal else judgment.cause
    try:
        return build_profile(
            text,
            charges=charges,
            cause=cause,
            category="criminal" if criminal else "civil",
            articles=_articles(judgment.cited_articles or []),
        )
    except SimilarError:
        return CaseProfile(text=text, charges=tuple(judgment.charges or ()), cause=cause)


def _retrieve(
    profile: CaseProfile, filters: Mapping[str, Any] | None, exclude_ids: Sequence[int]
) -> list[Any]:
    from smartcourt.apps.knowledge.search_selectors import judgment_candidates

    base = dict(filters or {})
    found: dict[int, Any] = {}
    queries = [base]
    if profile.charges and "charge" not in base:
        queries.append({**base, "charge": list(profile.charges)})
    elif profile.cause and "cause" not in base:
        queries.append({**base, "cause": profile.cause})
    for query in queries:
        for cand in judgment_candidates(
            text=profile.text, filters=query, top_n=POOL, exclude_ids=exclude_ids
        ):
            if cand.id not in found or cand.score > found[cand.id].score:
                found[cand.id] = cand
    return sorted(found.values(), key=lambda c: (-c.score, c.id))


def similar_find(
    *,
    facts: str,
    charges: Sequence[str] | None = None,
    cause: str = "",
    category: str = "",
    top: int = 10,
    filters: Mapping[str, Any] | None = None,
    exclude_ids: Sequence[int] = (),
    outcome_kind: str = OutcomeKind.TERM_MONTHS,
) -> SimilarResult:
    """The ``top`` judgments most similar to ``facts``, each with its reasons (guiding cases first when
    they share the charge or cause).

    ``charges``/``cause`` from the case record when known; otherwise the charges are predicted from the
    facts (the profile says which). Raises :class:`InvalidInputError` for empty or oversized facts and
    :class:`NotFoundError` (``similar.no_candidates``) when the knowledge base has nothing to compare.
    """
    try:
        profile = build_profile(facts, charges=charges or None, cause=cause, category=category)
    except SimilarError as exc:
        raise from_engine_error(exc, field="facts") from None
    top = max(1, min(int(top), 50))
    rows = _retrieve(profile, filters, exclude_ids)
    if not rows:
        raise NotFoundError(
            SimilarErrorCode.NO_CANDIDATES,
            "没有可比对的类案：裁判文书库为空或没有符合条件的文书",
            {"field": "candidates"},
        )
    judgments = {str(r.id): r.judgment for r in rows}
    candidates = [
        Candidate(
            str(r.id),
            judgment_profile(r.judgment),
            lexical=float(r.score),
            title=r.judgment.title,
            outcome=judgment_outcome(r.judgment, outcome_kind),
            guiding=bool(r.judgment.is_guiding),
        )
        for r in rows
    ]
    neighbours = rank_similar(profile, candidates, top=top)
    return SimilarResult(profile, neighbours, judgments, len(rows))


def neighbour_rows(result: SimilarResult) -> list[dict[str, Any]]:
    """The neighbours as plain data (API, command, snapshot): judgment fields, scores and reasons."""
    out = []
    for rank, n in enumerate(result.neighbours, start=1):
        j = result.judgments[n.candidate.id]
        out.append(
            {
                "rank": rank,
                "judgment_id": int(j.pk),
                "title": j.title,
                "case_number": j.case_number,
                "court": j.court,
                "year": j.year,
                "cause": j.cause,
                "charges": list(j.charges or []),
                "term_months": j.term_months,
                "is_guiding": bool(j.is_guiding),
                "guiding_first": n.guiding_first,
                "score": n.score,
                "lexical": n.lexical,
                "legal": n.legal,
                "summary": "；".join(r.label for r in n.reasons if r.kind != "passage"),
                "reasons": [
                    {
                        "kind": r.kind,
                        "label": r.label,
                        "query_span": list(r.query_span) if r.query_span else None,
                        "candidate_span": list(r.candidate_span) if r.candidate_span else None,
                        "query_text": r.query_text,
                        "candidate_text": r.candidate_text,
                    }
                    for r in n.reasons
                ],
            }
        )
    return out


def profile_data(profile: CaseProfile) -> dict[str, Any]:
    """The query profile as plain data."""
    return {
        "charges": list(profile.charges),
        "charge_source": profile.charge_source,
        "cause": profile.cause,
        "category": profile.category,
        "elements": [
            {"kind": f.kind, "label": f.label, "span": list(f.span) if f.span else None}
            for f in profile.elements
        ],
        "circumstances": [
            {"kind": f.kind, "label": f.label, "span": list(f.span) if f.span else None}
            for f in profile.circumstances
        ],
        "amount": None if profile.amount is None else str(profile.amount),
    }


def _check_staff(viewer: User) -> None:
    if not getattr(viewer, "is_court_staff", False) and not getattr(viewer, "is_superuser", False):
        raise NotPermittedError(SimilarErrorCode.NOT_PERMITTED, "只有法院工作人员可以使用类案推送", {})


def similar_case_get(*, viewer: User, case_id: int) -> Case:
    """A case the viewer may see, for a court staff member (类案推送 is for the court's staff)."""
    _check_staff(viewer)
    return case_get(viewer=viewer, case_id=case_id)


def case_facts(*, case: Case) -> tuple[str, str]:
    """The facts to profile for a case and where they come from: the latest facts a judge entered for the
    similar-case search, else the case summary (案情摘要); ``("", "")`` when there are none."""
    latest = SimilarSearch.objects.filter(case=case).order_by("-created_at", "-id").first()
    if latest is not None and latest.facts.strip():
        return latest.facts, "类案检索时输入的事实"
    if case.summary.strip():
        return case.summary, "案情摘要"
    return "", ""


def case_charges(*, case: Case) -> tuple[list[str] | None, str, str]:
    """The charges (criminal) or cause the case record holds and the category; ``None`` charges let the
    engine predict them from the facts."""
    if case.category == "CRIMINAL":
        charges = [str(c).removesuffix("罪") for c in (case.charges or []) if str(c).strip()]
        return (charges or None), "", "criminal"
    return [], case.cause_of_action, "civil"


def similar_for_case(
    *, viewer: User, case_id: int, top: int = 10, outcome_kind: str = OutcomeKind.TERM_MONTHS
) -> tuple[Case, SimilarResult]:
    """The similar judgments of a case the viewer may see, from its facts and recorded charges or cause."""
    case = similar_case_get(viewer=viewer, case_id=case_id)
    facts, _ = case_facts(case=case)
    if not facts:
        raise NotFoundError(
            SimilarErrorCode.NO_FACTS, "本案尚无案情事实，请先填写案情事实再检索类案", {"field": "facts"}
        )
    charges, cause, category = case_charges(case=case)
    result = similar_find(
        facts=facts, charges=charges, cause=cause, category=category, top=top, outcome_kind=outcome_kind
    )
    return case, result


def similar_report(*, result: SimilarResult) -> ClassCaseReport:
    """Class-case report data over the neighbours, with their reasoning (本院认为) read from the texts."""
    with_reasoning = []
    for n in result.neighbours:
        j = result.judgments[n.candidate.id]
        part = parse_judgment(j.full_text[:MAX_FACT_CHARS]).part("reasoning")
        cand = n.candidate
        with_reasoning.append(
            Neighbour(
                Candidate(
                    cand.id,
                    cand.profile,
                    cand.lexical,
                    cand.title,
                    cand.outcome,
                    part.text if part else "",
                    cand.guiding,
                ),
                n.score,
                n.lexical,
                n.legal,
                n.reasons,
                n.guiding_first,
            )
        )
    return class_case_report(with_reasoning)


def outcomes_of(result: SimilarResult) -> list[float]:
    """The known outcomes of the neighbours that share the case's charge or cause (all neighbours when the
    case has neither): a sentence for another crime says nothing about this one."""
    legal = result.profile.charges or result.profile.cause
    return [
        n.candidate.outcome
        for n in result.neighbours
        if n.candidate.outcome is not None
        and (not legal or any(r.kind in ("charge", "cause") for r in n.reasons))
    ]


def search_latest(*, case: Case) -> SimilarSearch | None:
    return SimilarSearch.objects.filter(case=case).order_by("-created_at", "-id").first()


def to_decimal(value: float) -> Decimal:
    return Decimal(str(round(value, 2)))


def distribution_data(dist: Distribution | None) -> dict[str, Any]:
    """A distribution as plain data (``{}`` when there is none)."""
    if dist is None:
        return {}
    return {
        "n": dist.n,
        "min": dist.minimum,
        "p10": dist.p10,
        "p25": dist.p25,
        "median": dist.median,
        "p75": dist.p75,
        "p90": dist.p90,
        "max": dist.maximum,
        "mean": dist.mean,
        "bins": [{"low": b.low, "high": b.high, "count": b.count} for b in dist.bins],
    }


def report_context(*, result: SimilarResult) -> dict[str, Any]:
    """Everything the report page and its .docx show, as plain data."""
    report = similar_report(result=result)

    def counted(items: Sequence[Any]) -> list[dict[str, Any]]:
        return [{"label": c.label, "count": c.count, "ids": list(c.ids)} for c in items]

    return {
        "profile": profile_data(result.profile),
        "rows": neighbour_rows(result),
        "pool": result.pool,
        "outcomes": distribution_data(report.outcomes),
        "report": {
            "charges": counted(report.charges),
            "circumstances": counted(report.circumstances),
            "elements": counted(report.elements),
            "articles": counted(report.articles),
            "reasoning": counted(report.reasoning),
        },
    }
