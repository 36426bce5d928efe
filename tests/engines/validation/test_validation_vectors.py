"""Vector tests for the identity validation engine (vectors/*.json)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from smartcourt.engines.validation import (
    CreditCodeError,
    CreditCodeInfo,
    DocumentInfo,
    IdentityError,
    IdNumberError,
    IdNumberInfo,
    IdType,
    PhoneNumberError,
    TravelDocumentError,
    UnknownIdTypeError,
    upgrade_id_number,
    validate_credit_code,
    validate_id_number,
    validate_identity,
    validate_phone,
    validate_residence_permit,
)

VECTORS = Path(__file__).with_name("vectors")


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return data


ID_NUMBERS = load("id_numbers.json")
CREDIT_CODES = load("credit_codes.json")
DOCUMENTS = load("documents.json")
PHONES = load("phones.json")


@pytest.mark.parametrize("vector", ID_NUMBERS["valid"], ids=lambda v: v["input"])
def test_valid_id_numbers(vector: dict[str, Any]) -> None:
    info = validate_id_number(vector["input"])
    assert info == IdNumberInfo(
        number=vector["number"],
        birth_date=datetime.date.fromisoformat(vector["birth_date"]),
        sex=vector["sex"],
        area_code=vector["area_code"],
        area_name=vector["area_name"],
        legacy=vector["legacy"],
    )


@pytest.mark.parametrize("vector", ID_NUMBERS["invalid"], ids=lambda v: v["why"])
def test_invalid_id_numbers(vector: dict[str, Any]) -> None:
    today = datetime.date.fromisoformat(vector["today"]) if "today" in vector else None
    with pytest.raises(IdNumberError) as caught:
        validate_id_number(vector["input"], today=today)
    assert caught.value.code == vector["code"]
    assert caught.value.field == "id_number"
    assert caught.value.message == str(caught.value)


@pytest.mark.parametrize("vector", ID_NUMBERS["upgrades"], ids=lambda v: v["input"])
def test_upgrade_id_number(vector: dict[str, str]) -> None:
    upgraded = upgrade_id_number(vector["input"])
    assert upgraded == vector["output"]
    assert validate_id_number(upgraded).birth_date == validate_id_number(vector["input"]).birth_date


def test_upgrade_rejects_18_digit_numbers() -> None:
    with pytest.raises(IdNumberError) as caught:
        upgrade_id_number("11010519491231002X")
    assert caught.value.code == "id_number.bad_length"


def test_future_check_is_skipped_without_today() -> None:
    number = ID_NUMBERS["invalid"][15]["input"]
    assert validate_id_number(number).birth_date == datetime.date(2025, 1, 1)
    assert validate_id_number(number, today=datetime.date(2025, 1, 1)).birth_date == datetime.date(2025, 1, 1)


@pytest.mark.parametrize("vector", CREDIT_CODES["valid"], ids=lambda v: v["code"])
def test_valid_credit_codes(vector: dict[str, Any]) -> None:
    info = validate_credit_code(vector["input"])
    assert info == CreditCodeInfo(
        vector["code"], vector["authority"], vector["org_type"], vector["area_code"]
    )
    assert info.organization_code == vector["code"][8:17]


@pytest.mark.parametrize("vector", CREDIT_CODES["invalid"], ids=lambda v: v["why"])
def test_invalid_credit_codes(vector: dict[str, Any]) -> None:
    with pytest.raises(CreditCodeError) as caught:
        validate_credit_code(vector["input"])
    assert caught.value.code == vector["code"]
    assert caught.value.field == "credit_code"


@pytest.mark.parametrize("vector", DOCUMENTS["valid"], ids=lambda v: f"{v['id_type']}-{v['input']}")
def test_valid_documents(vector: dict[str, Any]) -> None:
    info = validate_identity(vector["id_type"], vector["input"])
    assert info == DocumentInfo(vector["number"], vector["variant"])


@pytest.mark.parametrize("vector", DOCUMENTS["invalid"], ids=lambda v: f"{v['id_type']}-{v['input']}")
def test_invalid_documents(vector: dict[str, Any]) -> None:
    with pytest.raises(IdentityError) as caught:
        validate_identity(vector["id_type"], vector["input"])
    assert caught.value.code == vector["code"]


@pytest.mark.parametrize("vector", DOCUMENTS["residence_permits"], ids=lambda v: v["input"])
def test_residence_permits(vector: dict[str, str]) -> None:
    info = validate_identity(IdType.HMT_RESIDENCE_PERMIT, vector["input"])
    assert isinstance(info, IdNumberInfo)
    assert (info.area_name, info.sex, info.legacy) == (vector["area_name"], vector["sex"], False)
    assert validate_residence_permit(vector["input"]) == info


def test_dispatcher_error_types() -> None:
    with pytest.raises(UnknownIdTypeError):
        validate_identity("licence", "1")
    with pytest.raises(TravelDocumentError):
        validate_identity(IdType.PASSPORT, "E1")
    with pytest.raises(IdNumberError):
        validate_identity(IdType.RESIDENT_ID, "1")
    with pytest.raises(CreditCodeError):
        validate_identity(IdType.CREDIT_CODE, "1")


def test_dispatcher_passes_today() -> None:
    number = ID_NUMBERS["invalid"][15]["input"]
    with pytest.raises(IdNumberError) as caught:
        validate_identity(IdType.RESIDENT_ID, number, today=datetime.date(2024, 6, 1))
    assert caught.value.code == "id_number.future_birth_date"


def test_every_id_type_is_dispatched() -> None:
    samples = {
        IdType.RESIDENT_ID: "11010519491231002X",
        IdType.CREDIT_CODE: "91110000600037341L",
        IdType.PASSPORT: "E12345678",
        IdType.HK_MACAO_PERMIT: "H12345678",
        IdType.TAIWAN_PERMIT: "12345678",
        IdType.HMT_RESIDENCE_PERMIT: DOCUMENTS["residence_permits"][0]["input"],
        IdType.FOREIGN_PERMANENT_RESIDENT: "USA110190010101",
        IdType.OTHER: "A-1",
    }
    assert set(samples) == set(IdType)
    for id_type, value in samples.items():
        assert validate_identity(id_type, value) == validate_identity(id_type.value, value)


@pytest.mark.parametrize("vector", PHONES["valid"], ids=lambda v: v["input"])
def test_valid_phones(vector: dict[str, Any]) -> None:
    phone = validate_phone(vector["input"])
    assert (phone.kind, phone.number, phone.area_code, phone.extension) == (
        vector["kind"],
        vector["number"],
        vector["area_code"],
        vector["extension"],
    )


@pytest.mark.parametrize("vector", PHONES["invalid"], ids=lambda v: v["why"])
def test_invalid_phones(vector: dict[str, Any]) -> None:
    with pytest.raises(PhoneNumberError) as caught:
        validate_phone(vector["input"])
    assert caught.value.code == vector["code"]
    assert caught.value.field == "phone"
