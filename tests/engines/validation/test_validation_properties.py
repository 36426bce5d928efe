"""Property tests: generated numbers validate, single-character changes are caught, no stray exceptions."""

from __future__ import annotations

import datetime
import random
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.validation import (
    IdentityError,
    IdNumberError,
    IdType,
    make_credit_code,
    make_id_number,
    upgrade_id_number,
    validate_credit_code,
    validate_id_number,
    validate_identity,
)
from smartcourt.engines.validation._credit_code import ALPHABET

seeds = st.integers(min_value=0, max_value=2**32 - 1)
birth_dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2024, 12, 31))


@given(seed=seeds, birth=birth_dates, sex=st.sampled_from(["M", "F"]))
def test_generated_id_numbers_validate(seed: int, birth: datetime.date, sex: Literal["M", "F"]) -> None:
    number = make_id_number(random.Random(seed), birth_date=birth, sex=sex)
    info = validate_id_number(number, today=datetime.date(2024, 12, 31))
    assert (info.number, info.birth_date, info.sex, info.legacy) == (number, birth, sex, False)


@given(seed=seeds)
def test_generators_are_deterministic(seed: int) -> None:
    assert make_id_number(random.Random(seed)) == make_id_number(random.Random(seed))
    assert make_credit_code(random.Random(seed)) == make_credit_code(random.Random(seed))


@given(seed=seeds, position=st.integers(min_value=0, max_value=17), data=st.data())
def test_any_single_digit_change_in_an_id_number_is_caught(
    seed: int, position: int, data: st.DataObject
) -> None:
    number = make_id_number(random.Random(seed))
    choices = "0123456789X" if position == 17 else "0123456789"
    replacement = data.draw(st.sampled_from([char for char in choices if char != number[position]]))
    tampered = number[:position] + replacement + number[position + 1 :]
    try:
        validate_id_number(tampered)
    except IdNumberError as error:
        assert error.code.startswith("id_number.")
    else:
        raise AssertionError(f"{tampered} (from {number}) passed validation")


@given(seed=seeds)
def test_generated_credit_codes_validate(seed: int) -> None:
    code = make_credit_code(random.Random(seed))
    info = validate_credit_code(code)
    assert (info.code, info.authority, info.org_type) == (code, "工商", "企业")


@given(seed=seeds, position=st.integers(min_value=0, max_value=17), data=st.data())
def test_any_single_character_change_in_a_credit_code_is_caught(
    seed: int, position: int, data: st.DataObject
) -> None:
    code = make_credit_code(random.Random(seed))
    replacement = data.draw(st.sampled_from([char for char in ALPHABET if char != code[position]]))
    tampered = code[:position] + replacement + code[position + 1 :]
    try:
        validate_credit_code(tampered)
    except IdentityError as error:
        assert error.code.startswith("credit_code.")
    else:
        raise AssertionError(f"{tampered} (from {code}) passed validation")


@given(seed=seeds, birth=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(1999, 12, 31)))
def test_upgrade_round_trip(seed: int, birth: datetime.date) -> None:
    number = make_id_number(random.Random(seed), birth_date=birth)
    legacy = number[:6] + number[8:17]
    assert upgrade_id_number(legacy) == number


@settings(max_examples=300)
@given(id_type=st.sampled_from(list(IdType)), text=st.text(max_size=40))
def test_validators_raise_only_identity_errors(id_type: IdType, text: str) -> None:
    try:
        validate_identity(id_type, text, today=datetime.date(2024, 1, 1))
    except IdentityError as error:
        assert isinstance(error.code, str)
        assert error.message == str(error)
