"""Calculation vectors, each checked by hand against the article (the hand computation is written out)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from smartcourt.engines.elements import (
    FigureRequiredError,
    child_support,
    compensation_years,
    compulsory_limits,
    daily_item,
    death_compensation,
    dependants_living_expenses,
    disability_compensation,
    double_wage,
    economic_compensation,
    funeral_expenses,
    lending_balance,
    lending_interest,
    lpr_on,
    overdue_interest,
    property_division,
    service_years,
    traffic_damages,
)

# ---------------------------------------------------------------- 民间借贷 (民间借贷规定(2020-12-29))


def test_interest_below_cap_follows_the_agreement() -> None:
    # 第二十五条: agreed 12% < 4 × LPR(2022-09-01 = 3.65%) = 14.6% → 12%.
    # 200000 × 12% × 365 / 365 = 24000.00
    c = lending_interest("200000", "2022-09-01", "2023-09-01", contract_date="2022-09-01", annual_rate="12")
    assert c.figure == Decimal("24000.00")
    assert c.steps[1].value == Decimal("14.60")
    assert c.warnings  # the LPR table is unverified


def test_interest_above_cap_is_cut_to_four_times_lpr() -> None:
    # 第二十五条: agreed 36% > 4 × 3.85% = 15.4% → 15.4%; 180 days:
    # 50000 × 15.4% × 180 / 365 = 7700 × 180 / 365 = 3797.260… → 3797.26
    c = lending_interest("50000", "2021-06-01", "2021-11-28", contract_date="2021-06-01", annual_rate="36")
    assert (dt.date(2021, 11, 28) - dt.date(2021, 6, 1)).days == 180
    assert c.figure == Decimal("3797.26")


def test_interest_with_caller_lpr_and_360_basis() -> None:
    # caller's LPR 3.1% → cap 12.4%; agreed 15% → 12.4%; 100000 × 12.4% × 90 / 360 = 3100.00
    c = lending_interest(
        "100000",
        "2024-11-01",
        "2025-01-30",
        contract_date="2024-11-01",
        annual_rate="15",
        lpr="3.1",
        day_basis=360,
    )
    assert c.figure == Decimal("3100.00")
    assert not c.warnings


def test_lpr_table_lookup() -> None:
    assert lpr_on("2019-08-20") == Decimal("4.25")
    assert lpr_on("2020-04-19") == Decimal("4.05")
    assert lpr_on("2020-04-20") == Decimal("3.85")
    assert lpr_on(dt.date(2025, 6, 1)) == Decimal("3.00")
    with pytest.raises(FigureRequiredError) as err:
        lpr_on("2026-11-27")
    assert err.value.code == "figure_required"


def test_overdue_no_rates_uses_lpr_at_default() -> None:
    # 第二十八条第二款第一项: neither rate agreed → LPR when overdue (2023-07-01: 3.55%)
    # 100000 × 3.55% × 365 / 365 = 3550.00
    c = overdue_interest("100000", "2023-07-01", "2024-06-30", contract_date="2022-07-01")
    assert c.figure == Decimal("3550.00")
    assert c.steps[0].basis == "民间借贷规定第二十八条第二款第一项"


def test_overdue_term_rate_only() -> None:
    # 第二十八条第二款第二项: term rate 10% (< 4 × 3.85% = 15.4%) → 10%; 73 days:
    # 100000 × 10% × 73 / 365 = 2000.00
    c = overdue_interest("100000", "2021-12-01", "2022-02-12", contract_date="2021-01-05", term_rate="10")
    assert c.figure == Decimal("2000.00")


def test_overdue_with_penalty_is_capped_in_total() -> None:
    # 第二十九条: overdue 12% + penalty 8000 over one year on 100000, cap 4 × 3.85% = 15.4%:
    # interest = 12000; total 20000 > 15400 → 15400.00
    c = overdue_interest(
        "100000",
        "2021-06-01",
        "2022-06-01",
        contract_date="2021-01-05",
        overdue_rate="12",
        penalty_and_fees="8000",
    )
    assert c.figure == Decimal("15400.00")
    assert "民间借贷规定第二十九条" in c.basis


def test_balance_after_repayments_interest_first() -> None:
    # 第二十五条 (10% < 15.4% cap) and 民法典第五百六十一条 (interest before principal):
    # 2021-03-05 → 2021-09-05 = 184 days: 100000 × 10% × 184 / 365 = 5041.0959 → 5041.10
    # repay 30000: 5041.10 to interest, 24958.90 to principal → principal 75041.10
    # 2021-09-05 → 2022-03-05 = 181 days: 75041.10 × 10% × 181 / 365 = 3721.2164 → 3721.22
    # owed = 75041.10 + 3721.22 = 78762.32
    c = lending_balance(
        "100000",
        "2021-03-05",
        "2022-03-05",
        contract_date="2021-03-05",
        annual_rate="10",
        repayments=[("2021-09-05", "30000")],
    )
    assert c.figure == Decimal("78762.32")
    # a repayment smaller than the accrued interest leaves the principal untouched
    small = lending_balance(
        "100000",
        "2021-03-05",
        "2022-03-05",
        contract_date="2021-03-05",
        annual_rate="10",
        repayments=[("2021-09-05", "1000")],
    )
    assert small.steps[3].value == Decimal("100000")


# ---------------------------------------------------------------- 劳动争议 (劳动合同法)


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        ("2020-01-01", "2020-01-01", "0"),
        ("2020-01-01", "2020-06-30", "0.5"),  # under six months → half
        ("2020-01-01", "2020-07-01", "1"),  # six months → one year
        ("2020-01-01", "2023-01-01", "3"),
        ("2020-02-29", "2021-02-28", "1"),
    ],
)
def test_service_years(start: str, end: str, years: str) -> None:
    assert service_years(start, end) == Decimal(years)


def test_compensation_plain() -> None:
    # 第四十七条第一款: 2019-05-01 → 2023-12-31 = 4 years 8 months → 5 years; 9000 × 5 = 45000
    c = economic_compensation("9000", "2019-05-01", "2023-12-31", local_average_monthly_wage="10000")
    assert c.figure == Decimal("45000.00")
    # 第八十七条: double → 90000
    assert economic_compensation("9000", "2019-05-01", "2023-12-31", unlawful=True).figure == Decimal(
        "90000.00"
    )


def test_compensation_high_earner_capped() -> None:
    # 第四十七条第二款: wage 40000 > 3 × 12000 = 36000 → base 36000; 14.5 years → 12; 36000 × 12 = 432000
    c = economic_compensation("40000", "2009-03-01", "2023-08-31", local_average_monthly_wage="12000")
    assert service_years("2009-03-01", "2023-08-31") == Decimal("14.5")
    assert c.figure == Decimal("432000.00")


def test_compensation_province_example_figure_is_warned() -> None:
    c = economic_compensation("60000", "2015-01-01", "2020-01-01", province="北京")
    assert c.figure == Decimal(16749 * 3 * 5) and any("示例数据" in w for w in c.warnings)
    with pytest.raises(FigureRequiredError):
        economic_compensation("60000", "2015-01-01", "2020-01-01", province="火星")


def test_double_wage() -> None:
    # 第八十二条: employed 2024-03-15, signed 2024-07-01; double wage from 2024-04-15 to 2024-06-30:
    # 2 months (4-15→6-15) + 16 days (6-15→7-01); 7500 × 2 + 7500 / 30 × 16 = 15000 + 4000 = 19000.00
    assert double_wage("7500", "2024-03-15", "2024-07-01").figure == Decimal("19000.00")


# ---------------------------------------------------------------- 交通事故 (人身损害赔偿解释(2022-04-24))


def test_compensation_years_by_age() -> None:
    # 第十二条: 60 → 20; 66 → 20 - 6 = 14; 80 → 5
    assert [compensation_years(a) for a in (60, 66, 80)] == [Decimal(20), Decimal(14), Decimal(5)]


def test_disability_and_death_and_funeral() -> None:
    # 第十二条: 9级 = 20 %; 62 years → 18; 60000 × 18 × 20 % = 216000
    assert disability_compensation(62, 9, urban_disposable_income="60000").figure == Decimal("216000.00")
    # 第十五条: 45 years → 20; 60000 × 20 = 1200000
    assert death_compensation(45, urban_disposable_income="60000").figure == Decimal("1200000.00")
    # 第十四条: 8500 × 6 = 51000
    assert funeral_expenses(average_monthly_wage="8500").figure == Decimal("51000.00")
    # 第十条: 100 × 12 days = 1200
    assert daily_item("hospital_food", "100", "12").figure == Decimal("1200.00")


def test_dependants_with_yearly_cap() -> None:
    # 第十七条: consumption 30000, loss of capacity 50 %:
    # child 16 → 2 years × 15000; parent 70 (no capacity, 2 supporters) → 10 years × 7500; child 5 → 13 years × 15000
    # years 1–2: 15000 + 7500 + 15000 = 37500 > 30000 → 30000 each (第二款) = 60000
    # years 3–10: 7500 + 15000 = 22500 × 8 = 180000; years 11–13: 15000 × 3 = 45000; total 285000
    c = dependants_living_expenses(
        [(16, True, 1), (70, False, 2), (5, True, 1)],
        urban_consumption_expenditure="30000",
        disability_percent="50",
    )
    assert c.figure == Decimal("285000.00")


def test_split_after_compulsory_insurance() -> None:
    # limits (有责): medical 18000, death/disability 180000.
    # medical 50000 + food 1000 → 18000 by 交强险; disability 200000 + lost income 20000 = 220000 → 180000.
    # compulsory 198000; total 271000; rest 73000 × 60 % = 43800; commercial limit 30000 → 30000;
    # owed = 198000 + 43800 - 0 = 241800.00
    c = traffic_damages(
        {"medical": "50000", "hospital_food": "1000", "disability": "200000", "lost_income": "20000"},
        liability_percent="60",
        commercial_limit="30000",
    )
    assert c.figure == Decimal("241800.00")
    steps = {s.label: s.value for s in c.steps}
    assert steps["商业三者险承担"] == Decimal("30000")
    assert steps["按责任比例承担"] == Decimal("43800.00")


def test_not_at_fault_limits() -> None:
    assert compulsory_limits(False) == {
        "death_disability": Decimal("18000"),
        "medical": Decimal("1800"),
        "property": Decimal("100"),
    }


# ---------------------------------------------------------------- 离婚


def test_child_support_ranges() -> None:
    # 婚姻家庭编解释（一）第四十九条: one child 20–30 %; 8000 × 25 % = 2000
    assert child_support("8000", percent_of_income="25").figure == Decimal("2000.00")
    two = child_support("8000", children=2, percent_of_income="45")
    assert two.figure == Decimal("3600.00") and not two.warnings
    assert child_support("8000", percent_of_income="35").warnings  # above 30 % for one child


def test_property_division_with_compensation() -> None:
    # assets 600000 (defendant keeps the flat) + 50000 deposit (plaintiff); debt 100000 (defendant);
    # net 550000; plaintiff 60 % → 330000; plaintiff kept 50000; + 20000 damages (第一千零九十一条)
    # = 330000 - 50000 + 20000 = 300000.00
    c = property_division(
        [("房屋", "600000", "defendant"), ("存款", "50000", "plaintiff")],
        debts=[("借款", "100000", "defendant")],
        plaintiff_share_percent="60",
        compensation_to_plaintiff="20000",
    )
    assert c.figure == Decimal("300000.00")
    assert "民法典第一千零九十一条" in c.basis
