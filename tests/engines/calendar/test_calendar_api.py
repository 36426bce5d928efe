"""API, data and documentation tests of the calendar engine."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import chinese_calendar
import pytest

import smartcourt.engines.calendar as calendar_engine
from smartcourt.engines.calendar import (
    Approver,
    CalendarError,
    Extension,
    ExtensionNotAllowedError,
    calendar_coverage,
    compute_time_limit,
    supported_years,
    time_limit_rule,
    time_limit_rules,
)
from smartcourt.engines.calendar import errors as calendar_errors
from smartcourt.engines.calendar._data import load_json
from smartcourt.engines.calendar._holidays import _fallback_holidays

SHARED_LAWS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "laws"


def test_every_public_name_is_documented_with_an_example() -> None:
    undocumented = []
    for name in calendar_engine.__all__:
        obj = getattr(calendar_engine, name)
        doc = getattr(obj, "__doc__", None) or ""
        if ">>>" not in doc:
            undocumented.append(name)
    assert undocumented == []


def test_error_tree_codes_are_unique_and_have_messages() -> None:
    classes = [getattr(calendar_errors, name) for name in calendar_errors.__all__]
    assert all(issubclass(cls, CalendarError) for cls in classes)
    assert issubclass(CalendarError, ValueError)
    codes = [cls.code for cls in classes]
    assert len(codes) == len(set(codes))
    assert set(codes) == set(load_json("phrases.json")["errors"])
    subclasses = [name for name in calendar_errors.__all__ if name != "CalendarError"]
    assert all(name.endswith("Error") for name in subclasses)
    assert all(name in (calendar_errors.__doc__ or "") for name in calendar_errors.__all__)


def test_coverage_and_supported_years() -> None:
    assert calendar_coverage() == (2004, 2026)
    assert supported_years() == (2004, 2099)


REQUIRED_RULES = [
    "civil_first_ordinary",
    "civil_first_simple",
    "civil_small_claims",
    "civil_second_judgment",
    "civil_second_ruling",
    "civil_special_procedure",
    "civil_retrial_first_instance",
    "civil_retrial_second_instance",
    "criminal_first",
    "criminal_fast_track",
    "criminal_second",
    "administrative_first",
    "administrative_second",
    "administrative_simple",
    "enforcement",
]


@pytest.mark.parametrize("key", REQUIRED_RULES)
def test_required_rules_exist_with_sources(key: str) -> None:
    rule = time_limit_rule(key)
    assert rule.key == key
    assert rule.basis != ()
    assert rule.start_basis != ()
    assert rule.effective_from <= date(2025, 1, 1)


def test_base_periods_match_the_statutes() -> None:
    bases = {rule.key: rule.base.label for rule in time_limit_rules()}
    assert bases == {
        "civil_first_ordinary": "6 个月",
        "civil_first_simple": "3 个月",
        "civil_small_claims": "2 个月",
        "civil_second_judgment": "3 个月",
        "civil_second_ruling": "30 日",
        "civil_special_procedure": "30 日",
        "civil_retrial_first_instance": "6 个月",
        "civil_retrial_second_instance": "3 个月",
        "civil_retrial_review": "3 个月",
        "criminal_first": "2 个月",
        "criminal_simple": "20 日",
        "criminal_fast_track": "10 日",
        "criminal_second": "2 个月",
        "criminal_retrial": "3 个月",
        "administrative_first": "6 个月",
        "administrative_simple": "45 日",
        "administrative_second": "3 个月",
        "enforcement": "6 个月",
        "enforcement_non_litigation": "3 个月",
        "filing_review_civil": "7 日",
        "filing_review_administrative": "7 日",
        "filing_review_private_prosecution": "15 日",
        "filing_review_third_party_revocation": "30 日",
        "filing_review_enforcement_objection": "15 日",
    }


def test_sources_not_in_shared_are_flagged() -> None:
    missing = sorted(
        key for key, item in load_json("time_limits.json")["sources"].items() if not item["in_shared"]
    )
    assert missing == ["ENFORCEMENT_LIMITS_2006"]


def _all_citations() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for rule in time_limit_rules():
        groups = [rule.basis, rule.start_basis, rule.cap_basis]
        groups += [step.basis for step in rule.extension_steps]
        groups += [exclusion.basis for exclusion in rule.exclusions]
        for group in groups:
            pairs += [(c.source.key, c.article) for c in group]
    for topics in load_json("time_limits.json")["period_rules"].values():
        for group in topics.values():
            pairs += [(key, article) for key, article in group]
    return sorted(set(pairs))


@pytest.mark.skipif(not SHARED_LAWS.is_dir(), reason="../shared/data/laws is not beside the checkout")
def test_cited_articles_exist_in_the_shared_texts() -> None:
    sources = load_json("time_limits.json")["sources"]
    absent = []
    for key, article in _all_citations():
        source = sources[key]
        if not source["in_shared"]:
            continue
        text = (SHARED_LAWS / source["shared_path"]).read_text(encoding="utf-8")
        heading = re.match(r"第[一二三四五六七八九十百零]+条", article)
        assert heading is not None
        if not re.search(rf"^{heading.group(0)}[ 　]", text, flags=re.MULTILINE):
            absent.append(f"{key} {article}")
    assert absent == []


@pytest.mark.parametrize(
    ("years", "version"),
    [(range(2014, 2025), "2014-01-01"), (range(2025, calendar_coverage()[1] + 1), "2025-01-01")],
    ids=["2013-rules", "2024-rules"],
)
def test_fallback_festival_days_are_official_holidays(years: range, version: str) -> None:
    """The fallback's lunar and solar-term arithmetic agrees with every published year it overlaps."""
    working_festival_days = [
        day
        for year in years
        for day, (_, in_lieu) in _fallback_holidays(year, version).items()
        if not in_lieu and chinese_calendar.is_workday(day)
    ]
    assert working_festival_days == []


def test_extension_error_reason_is_specific() -> None:
    with pytest.raises(ExtensionNotAllowedError) as info:
        compute_time_limit(
            "civil_first_simple",
            registered_on=date(2025, 7, 1),
            extensions=[Extension(Approver.PRESIDENT, months=1), Extension(Approver.PRESIDENT, days=1)],
        )
    assert info.value.code == "extension_not_allowed"
    assert info.value.message == "不允许的延长：本院院长对“民事一审简易程序审限”至多批准延长 1 次"


def test_cap_error_names_the_cap_and_its_basis() -> None:
    with pytest.raises(ExtensionNotAllowedError) as info:
        compute_time_limit(
            "criminal_fast_track",
            registered_on=date(2025, 6, 3),
            extensions=[Extension(Approver.PRESIDENT, days=6)],
        )
    assert (
        info.value.message
        == "不允许的延长：“刑事速裁程序审限”延长后累计不得超过 15 日（刑事诉讼法第二百二十五条）"
    )


def test_time_limit_records_the_extensions_applied() -> None:
    ext = Extension(Approver.PRESIDENT, months=6, approved_on=date(2025, 7, 1))
    limit = compute_time_limit("civil_first_ordinary", registered_on=date(2025, 1, 6), extensions=[ext])
    assert (limit.extensions, limit.extended_by.label, limit.deadline) == ((ext,), "6 个月", date(2026, 1, 6))
