"""Property tests: the cap always holds, compensation is monotone until the cap, spans always point back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.elements import (
    build_element_table,
    child_support,
    economic_compensation,
    lending_balance,
    lending_interest,
    lpr_on,
    overdue_interest,
    property_items,
    service_years,
    traffic_damages,
)

_dates = st.dates(dt.date(2019, 8, 20), dt.date(2025, 10, 1))
_money = st.integers(1, 10**8).map(Decimal)
_rates = st.decimals(0, 100, places=2)


@settings(max_examples=150, deadline=None)
@given(_money, _dates, st.integers(0, 3000), _rates)
def test_capped_interest_never_exceeds_four_times_lpr(
    principal: Decimal, start: dt.date, days: int, rate: Decimal
) -> None:
    end = start + dt.timedelta(days=days)
    c = lending_interest(principal, start, end, contract_date=start, annual_rate=rate)
    ceiling = principal * lpr_on(start) * 4 / 100 * days / 365
    assert c.figure <= ceiling + Decimal("0.005")
    assert c.figure >= 0


@settings(max_examples=100, deadline=None)
@given(_money, _dates, st.integers(0, 2000), _rates, st.integers(0, 10**6).map(Decimal))
def test_overdue_total_never_exceeds_four_times_lpr(
    principal: Decimal, start: dt.date, days: int, rate: Decimal, fees: Decimal
) -> None:
    end = start + dt.timedelta(days=days)
    c = overdue_interest(principal, start, end, contract_date=start, overdue_rate=rate, penalty_and_fees=fees)
    assert c.figure <= principal * lpr_on(start) * 4 / 100 * days / 365 + Decimal("0.01")


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1000, 200000).map(Decimal),
    st.dates(dt.date(2008, 1, 1), dt.date(2015, 1, 1)),
    st.integers(0, 6000),
    st.integers(1, 6000),
    st.integers(3000, 20000).map(Decimal),
)
def test_compensation_monotone_in_service_until_cap(
    wage: Decimal, start: dt.date, a: int, b: int, average: Decimal
) -> None:
    e1 = start + dt.timedelta(days=a)
    e2 = e1 + dt.timedelta(days=b)
    c1 = economic_compensation(wage, start, e1, local_average_monthly_wage=average)
    c2 = economic_compensation(wage, start, e2, local_average_monthly_wage=average)
    assert c1.figure <= c2.figure
    assert service_years(start, e1) <= service_years(start, e2)
    if wage > average * 3:
        assert c2.figure <= average * 3 * 12


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10**6).map(Decimal), st.integers(1, 5), st.integers(0, 100).map(Decimal))
def test_child_support_is_income_times_percent(income: Decimal, children: int, pct: Decimal) -> None:
    c = child_support(income, children=children, percent_of_income=pct)
    assert abs(c.figure - income * pct / 100) <= Decimal("0.005")
    assert bool(c.warnings) == (pct < 20 or pct > (30 if children == 1 else 50))


@settings(max_examples=100, deadline=None)
@given(
    st.integers(0, 10**6).map(Decimal),
    st.integers(0, 10**6).map(Decimal),
    st.integers(0, 100).map(Decimal),
)
def test_traffic_owed_never_exceeds_losses(medical: Decimal, disability: Decimal, ratio: Decimal) -> None:
    c = traffic_damages(
        {"medical": medical, "disability": disability}, liability_percent=ratio, commercial_limit=10**7
    )
    assert 0 <= c.figure <= medical + disability


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_extraction_never_crashes_and_spans_point_back(complaint: str, answer: str) -> None:
    table = build_element_table("民间借贷纠纷。" + complaint, answer)
    docs = {"complaint": "民间借贷纠纷。" + complaint, "answer": answer}
    for row in table.rows:
        for s in row.plaintiff_sources + row.defendant_sources:
            assert docs[s.document][s.span[0] : s.span[1]] == s.text


@settings(max_examples=100, deadline=None)
@given(
    _money,
    _dates,
    st.integers(1, 1500),
    _rates,
    st.lists(st.tuples(st.integers(0, 1500), _money), max_size=4),
)
def test_repayments_never_increase_the_balance(
    principal: Decimal, start: dt.date, days: int, rate: Decimal, raw: list[tuple[int, Decimal]]
) -> None:
    end = start + dt.timedelta(days=days)
    repayments = [(start + dt.timedelta(days=min(d, days)), v) for d, v in raw]
    plain = lending_balance(principal, start, end, contract_date=start, annual_rate=rate)
    paid = lending_balance(
        principal, start, end, contract_date=start, annual_rate=rate, repayments=repayments
    )
    assert Decimal(0) <= paid.figure <= plain.figure
    assert (
        plain.figure
        == principal + lending_interest(principal, start, end, contract_date=start, annual_rate=rate).figure
    )


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=200))
def test_property_items_spans_point_back(tail: str) -> None:
    text = "夫妻共同财产有：" + tail
    for _, value, source in property_items(text):
        assert value >= 0
        assert text[source.span[0] : source.span[1]] == source.text
