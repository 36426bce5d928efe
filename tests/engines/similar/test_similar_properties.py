"""Properties: a legally identical candidate never ranks below one sharing nothing; percentiles are monotone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.similar import (
    Candidate,
    CaseProfile,
    Feature,
    check_deviation,
    percent_rank,
    quantile,
    rank_similar,
)

CHARGES = ["盗窃", "诈骗", "故意伤害", "危险驾驶", "抢劫"]
KINDS = ["home_invasion", "armed", "surrender", "confession", "recidivism", "attempt"]


def _profile(charge: str, elements: list[str], circumstances: list[str], text: str) -> CaseProfile:
    return CaseProfile(
        text=text,
        charges=(charge,),
        charge_source="record",
        elements=tuple(Feature(k, k) for k in elements),
        circumstances=tuple(Feature(k, k) for k in circumstances),
    )


@settings(max_examples=150, deadline=None)
@given(
    charge=st.sampled_from(CHARGES),
    elements=st.lists(st.sampled_from(KINDS[:3]), unique=True),
    circumstances=st.lists(st.sampled_from(KINDS[3:]), unique=True),
    lex_same=st.floats(0, 100),
    lex_other=st.floats(0, 100),
    text=st.text(min_size=1, max_size=30),
    guiding=st.booleans(),
)
def test_identical_never_below_sharing_nothing(
    charge: str,
    elements: list[str],
    circumstances: list[str],
    lex_same: float,
    lex_other: float,
    text: str,
    guiding: bool,
) -> None:
    query = _profile(charge, elements, circumstances, text)
    other_charge = next(c for c in CHARGES if c != charge)
    same = Candidate("same", _profile(charge, elements, circumstances, "甲"), lexical=lex_same)
    nothing = Candidate("nothing", _profile(other_charge, [], [], "乙"), lexical=lex_other, guiding=guiding)
    ranked = [n.candidate.id for n in rank_similar(query, [nothing, same], top=2)]
    assert ranked.index("same") < ranked.index("nothing")


values = st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=40)


@given(data=values, a=st.floats(0, 1e6), b=st.floats(0, 1e6))
def test_percent_rank_is_monotone(data: list[float], a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert percent_rank(data, low) <= percent_rank(data, high)
    assert 0.0 <= percent_rank(data, low) <= 100.0


@given(data=values, p=st.floats(0, 1), q=st.floats(0, 1))
def test_quantile_is_monotone_and_bounded(data: list[float], p: float, q: float) -> None:
    lo, hi = sorted((p, q))
    assert quantile(data, lo) <= quantile(data, hi) + 1e-6
    assert min(data) - 1e-6 <= quantile(data, lo) <= max(data) + 1e-6


@given(data=st.lists(st.floats(0, 1e4, allow_nan=False), min_size=5, max_size=40), draft=st.floats(0, 1e4))
def test_warn_exactly_outside_the_range(data: list[float], draft: float) -> None:
    check = check_deviation(draft, data)
    assert check.warn == (draft < check.low or draft > check.high)
    assert check.low <= check.high
    assert check.distribution is not None and sum(b.count for b in check.distribution.bins) == len(data)
