"""Property tests: each listed competent court is judged competent, levels grow with the amount, errors typed."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.jurisdiction import (
    CaseCategory,
    Cause,
    CourtLevel,
    CourtRef,
    JurisdictionError,
    JurisdictionRequest,
    Party,
    assess_jurisdiction,
    required_level,
)
from smartcourt.engines.validation._divisions import current_county_codes

PROPS = settings(max_examples=200, deadline=None)
COUNTIES = st.sampled_from(current_county_codes())
LEVELS = st.sampled_from(list(CourtLevel))
AMOUNTS = st.one_of(
    st.none(),
    st.decimals(min_value=0, max_value=10**11, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal(v) for v in ("20000000", "40000000", "100000000", "500000000", "5000000000")]),
)
PARTIES = st.lists(
    st.builds(Party, st.just("当事人"), COUNTIES, st.one_of(st.none(), COUNTIES), st.booleans()),
    min_size=1,
    max_size=3,
)


@st.composite
def civil_requests(draw: st.DrawFn) -> JurisdictionRequest:
    cause = draw(st.sampled_from([c for c in Cause if c not in (Cause.COMPANY,)]))
    place = draw(COUNTIES)
    return JurisdictionRequest(
        CaseCategory.CIVIL_FIRST,
        CourtRef(draw(LEVELS), draw(COUNTIES)),
        plaintiffs=tuple(draw(PARTIES)),
        defendants=tuple(draw(PARTIES)),
        cause=cause,
        claim_amount=draw(AMOUNTS),
        performance_place=place if cause is Cause.CONTRACT else None,
        tort_place=place if cause is Cause.TORT else None,
        accident_place=place if cause is Cause.TRAFFIC_ACCIDENT else None,
        property_place=place,
        agreed_court_place=draw(st.one_of(st.none(), COUNTIES)),
        foreign_related=draw(st.booleans()),
    )


@PROPS
@given(civil_requests())
def test_every_listed_court_is_competent(request: JurisdictionRequest) -> None:
    result = assess_jurisdiction(request)
    assert result.competent is (result.territorial_ok and result.level_ok)
    assert result.competent_courts
    for court in result.competent_courts:
        again = assess_jurisdiction(
            dataclasses.replace(request, chosen_court=CourtRef(court.level, court.division_code))
        )
        assert again.competent, (court, again.reasons)
        assert all(ground.basis for ground in court.grounds)


@PROPS
@given(
    civil_requests(),
    st.decimals(min_value=0, max_value=10**10, places=0),
    st.decimals(min_value=0, max_value=10**10, places=0),
)
def test_level_never_falls_as_the_amount_grows(request: JurisdictionRequest, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    level_low = required_level(dataclasses.replace(request, claim_amount=low)).level
    level_high = required_level(dataclasses.replace(request, claim_amount=high)).level
    assert level_low.rank <= level_high.rank


@PROPS
@given(
    st.text(alphabet="0123456789", min_size=0, max_size=7),
    st.sampled_from(list(CaseCategory)),
    st.decimals(allow_nan=True, allow_infinity=True),
)
def test_bad_input_raises_only_typed_errors(code: str, category: CaseCategory, amount: Decimal) -> None:
    request = JurisdictionRequest(
        category,
        CourtRef(CourtLevel.BASIC, code),
        defendants=(Party("被告", code),),
        claim_amount=amount,
        original_organ_place=code,
    )
    try:
        assess_jurisdiction(request)
    except JurisdictionError as error:
        assert error.message and error.code != "jurisdiction_error"
