"""Property tests: case numbers round-trip, and parsing arbitrary text raises only CatalogError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.catalogs import (
    CaseNumber,
    CatalogError,
    case_types,
    format_case_number,
    get_cause,
    get_charge,
    parse_case_number,
    parse_court_code,
)
from smartcourt.engines.catalogs._courts import _provinces

provinces = st.sampled_from(sorted(_provinces()))
digits = st.sampled_from(["", "01", "73", "0105", "0491", "9999"])
court_codes = st.one_of(st.just("最高法"), st.builds(lambda p, d: p + d, provinces, digits))
case_numbers = st.builds(
    CaseNumber,
    year=st.integers(min_value=1949, max_value=2100),
    court_code=court_codes,
    case_type=st.sampled_from([case_type.code for case_type in case_types()]),
    sequence=st.integers(min_value=1, max_value=10**9),
)


@given(case_numbers)
def test_format_then_parse_is_identity(number: CaseNumber) -> None:
    text = format_case_number(number)
    assert parse_case_number(text) == number
    assert str(parse_case_number(text)) == text


@given(case_numbers)
def test_half_width_input_normalises(number: CaseNumber) -> None:
    text = f"({number.year}){number.court_code}{number.case_type}{number.sequence}号"
    assert parse_case_number(text) == number


alphabet = st.sampled_from(list("（）()〔〕0123456789号京沪最高法民初执恢刑终字第 X\u3000０１"))


@settings(max_examples=500)
@given(st.one_of(st.text(max_size=30), st.text(alphabet, max_size=30)))
def test_parse_never_raises_anything_but_catalog_error(text: str) -> None:
    for parse in (parse_case_number, parse_court_code, get_cause, get_charge):
        try:
            parse(text)
        except CatalogError as error:
            assert error.code.split(".")[0] in {"case_number", "court_code", "cause", "charge"}
