"""Bad input: typed errors with a code and a Chinese message, never a made-up number."""

from __future__ import annotations

import pytest

from smartcourt.engines.elements import (
    DateOrderError,
    ElementsError,
    FigureRequiredError,
    InvalidValueError,
    NegativeAmountError,
    UnknownCauseError,
    build_element_table,
    cause_schema,
    child_support,
    compensation_years,
    daily_item,
    death_compensation,
    dependants_living_expenses,
    disability_compensation,
    double_wage,
    economic_compensation,
    lending_interest,
    overdue_interest,
    property_division,
    traffic_damages,
)


def _check(err: ElementsError, code: str) -> None:
    assert err.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.message)
    assert isinstance(err, ValueError)


def test_no_cause_recognised() -> None:
    with pytest.raises(UnknownCauseError) as e:
        build_element_table("今天天气很好。", "")
    _check(e.value, "unknown_cause")
    with pytest.raises(UnknownCauseError):
        cause_schema("合同纠纷")
    with pytest.raises(UnknownCauseError):
        build_element_table("借款", cause="专利")


@pytest.mark.parametrize(
    "call",
    [
        lambda: lending_interest(
            "-1", "2021-01-01", "2021-02-01", contract_date="2021-01-01", annual_rate="10"
        ),
        lambda: lending_interest(
            "100", "2021-01-01", "2021-02-01", contract_date="2021-01-01", annual_rate="-1"
        ),
        lambda: economic_compensation("-5000", "2020-01-01", "2021-01-01"),
        lambda: child_support("-1"),
        lambda: daily_item("nursing", "-100", "3"),
        lambda: traffic_damages({"medical": "-1"}, liability_percent="50"),
        lambda: property_division([("房屋", "-1", "plaintiff")]),
        lambda: compensation_years(-1),
    ],
)
def test_negative_amounts(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NegativeAmountError) as e:
        call()
    _check(e.value, "negative_amount")


@pytest.mark.parametrize(
    "call",
    [
        lambda: lending_interest(
            "100", "2021-03-01", "2021-02-01", contract_date="2021-01-01", annual_rate="10"
        ),
        lambda: overdue_interest("100", "2021-03-01", "2021-02-01", contract_date="2021-01-01"),
        lambda: economic_compensation("5000", "2021-01-01", "2020-01-01"),
        lambda: double_wage("5000", "2021-01-01", "2020-01-01"),
    ],
)
def test_dates_in_the_wrong_order(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DateOrderError) as e:
        call()
    _check(e.value, "date_order")


@pytest.mark.parametrize(
    "call",
    [
        lambda: lending_interest(
            "abc", "2021-01-01", "2021-02-01", contract_date="2021-01-01", annual_rate="10"
        ),
        lambda: lending_interest(
            "100", "2021/01/01", "2021-02-01", contract_date="2021-01-01", annual_rate="10"
        ),
        lambda: lending_interest(
            1.5, "2021-01-01", "2021-02-01", contract_date="2021-01-01", annual_rate="10"
        ),
        lambda: lending_interest(
            "NaN", "2021-01-01", "2021-02-01", contract_date="2021-01-01", annual_rate="10"
        ),
        lambda: lending_interest(
            "100", "2020-12-01", "2021-02-01", contract_date="2021-01-01", annual_rate="10"
        ),
        lambda: disability_compensation(40, 11, urban_disposable_income="50000"),
        lambda: disability_compensation(40, 5),
        lambda: traffic_damages({"medical": "1"}, liability_percent="120"),
        lambda: traffic_damages({"flying": "1"}, liability_percent="50"),
        lambda: traffic_damages({}, liability_percent="50"),
        lambda: property_division([("房屋", "1", "neighbour")]),
        lambda: property_division([]),
        lambda: child_support("1000", children=0),
        lambda: dependants_living_expenses([(19, True, 1)], urban_consumption_expenditure="30000"),
        lambda: dependants_living_expenses([(10, True, 0)], urban_consumption_expenditure="30000"),
        lambda: dependants_living_expenses([], urban_consumption_expenditure="30000"),
        lambda: build_element_table(None, "", cause="离婚纠纷"),  # type: ignore[arg-type]
    ],
)
def test_invalid_values(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidValueError) as e:
        call()
    _check(e.value, "invalid_value")


def test_missing_statistics_are_never_guessed() -> None:
    # no LPR published in the table for this day and none passed
    with pytest.raises(FigureRequiredError) as e:
        lending_interest("100", "2026-11-01", "2026-12-01", contract_date="2026-11-01", annual_rate="10")
    _check(e.value, "figure_required")
    with pytest.raises(FigureRequiredError):
        lending_interest("100", "2018-11-01", "2018-12-01", contract_date="2018-11-01", annual_rate="10")
    with pytest.raises(FigureRequiredError):
        death_compensation(30, province="不存在的省")
    # with the figure passed, the same computation works
    c = lending_interest(
        "100000", "2026-11-01", "2026-12-01", contract_date="2026-11-01", annual_rate="10", lpr="3"
    )
    assert str(c.figure) == "821.92"  # 100000 × 10 % × 30 / 365 = 821.917… (cap 12 % not reached)
