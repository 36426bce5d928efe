"""Writes of similar-case push: saving what was pushed for a case (facts used, neighbours and reasons) and a
deviation check of a draft outcome against the similar cases. Each write runs in one transaction with the
actor recorded for django-auditlog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.core.errors import InvalidInputError, from_engine_error
from smartcourt.apps.similar import selectors
from smartcourt.apps.similar.error_codes import SimilarErrorCode
from smartcourt.apps.similar.models import OutcomeCheck, OutcomeKind, SimilarSearch
from smartcourt.engines.similar import MAX_FACT_CHARS, SimilarError, check_deviation

if TYPE_CHECKING:
    from smartcourt.apps.accounts.models import User

# The deviation check compares with this many neighbours (a percentile over 10 cases says little).
DEVIATION_NEIGHBOURS = 30


def similar_search_save(
    *, actor: User, case_id: int, facts: str | None = None, top: int = 10
) -> SimilarSearch:
    """Run the similar-case search of a case (with ``facts`` the judge entered, else the case's facts) and
    keep what was pushed. Nothing is saved when the facts are bad or there is nothing to compare."""
    case = selectors.similar_case_get(viewer=actor, case_id=case_id)
    if facts is None:
        facts, _ = selectors.case_facts(case=case)
    facts = facts.strip()
    if not facts:
        raise InvalidInputError(SimilarErrorCode.NO_FACTS, "请填写案情事实", {"field": "facts"})
    if len(facts) > MAX_FACT_CHARS:
        raise InvalidInputError(
            "similar.facts_too_long",
            f"案情事实过长（{len(facts)}字），上限为{MAX_FACT_CHARS}字；请只提交查明事实部分",
            {"field": "facts"},
        )
    charges, cause, category = selectors.case_charges(case=case)
    result = selectors.similar_find(facts=facts, charges=charges, cause=cause, category=category, top=top)
    with transaction.atomic(), acting_as(actor):
        search = SimilarSearch(
            case=case,
            facts=facts,
            charges=list(result.profile.charges),
            charge_source=result.profile.charge_source,
            cause=result.profile.cause,
            top=top,
            results=selectors.neighbour_rows(result),
            created_by=actor,
        )
        search.full_clean()
        search.save()
    return search


def outcome_check_create(*, actor: User, case_id: int, kind: str, draft: object) -> OutcomeCheck:
    """Compare a draft outcome (刑期月数, 罚金, 给付金额, 诉讼费被告负担比例) with the outcomes of the case's similar judgments
    and keep the result; refuses (nothing saved) when fewer than five neighbours record that outcome."""
    if kind not in OutcomeKind.values:
        raise InvalidInputError(
            SimilarErrorCode.BAD_KIND, "结果类型应为刑期、罚金、给付金额或诉讼费负担比例", {"field": "kind"}
        )
    case, result = selectors.similar_for_case(
        viewer=actor, case_id=case_id, top=DEVIATION_NEIGHBOURS, outcome_kind=kind
    )
    try:
        value = float(str(draft).strip())
    except ValueError:
        raise InvalidInputError(
            "similar.invalid_outcome", "拟定结果应为不小于0的有效数字", {"field": "draft"}
        ) from None
    if kind == OutcomeKind.COST_RATIO and value > 1:
        raise InvalidInputError(
            "similar.invalid_outcome", "诉讼费负担比例应在0到1之间（如 0.8）", {"field": "draft"}
        )
    try:
        unit = {"term_months": "term_months", "cost_ratio": "ratio"}.get(kind, "amount")
        check = check_deviation(value, selectors.outcomes_of(result), kind=unit)
    except SimilarError as exc:
        raise from_engine_error(exc, field=exc.field) from None
    dist = check.distribution
    with transaction.atomic(), acting_as(actor):
        row = OutcomeCheck(
            case=case,
            search=selectors.search_latest(case=case),
            kind=kind,
            draft=selectors.to_decimal(check.draft),
            n=dist.n if dist else 0,
            percentile=check.percentile,
            low=check.low,
            high=check.high,
            warn=check.warn,
            direction=check.direction,
            message=check.message[:300],
            distribution=selectors.distribution_data(dist),
            created_by=actor,
        )
        row.full_clean()
        row.save()
    return row
