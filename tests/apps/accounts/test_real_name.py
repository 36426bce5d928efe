"""Real-name self-registration of litigants and lawyers: IDs with check digits, verification, licences."""

from __future__ import annotations

import random
from datetime import date

import pytest
from django.test import Client, override_settings

from smartcourt.apps.accounts.identity import NotConfiguredError, SimulatorVerifier
from smartcourt.apps.accounts.licence import check_licence_number, make_licence_number
from smartcourt.apps.accounts.models import RealNameProfile, Role, User, VerificationStatus
from smartcourt.apps.accounts.services import public_user_register
from smartcourt.apps.core.errors import ConflictError, InvalidInputError
from smartcourt.engines.validation import make_id_number

pytestmark = pytest.mark.django_db
STRONG = "Tq7#rW2m9!xL"
_rng = random.Random(77)


def _id() -> str:
    return make_id_number(_rng, area_code="330102", birth_date=date(1990, 3, 4))


def _register(**overrides: object) -> User:
    values: dict[str, object] = {
        "role": Role.LITIGANT,
        "username": "zhangsan",
        "password": STRONG,
        "full_name": "测试当事人",
        "id_type": "RESIDENT_ID",
        "id_number": _id(),
        "phone": "13912345678",
    }
    values.update(overrides)
    return public_user_register(**values)  # type: ignore[arg-type]


def test_litigant_registers_and_is_verified_by_the_simulator():
    number = _id()
    user = _register(id_number=number)
    assert user.role == Role.LITIGANT
    assert user.court is None
    profile = RealNameProfile.objects.get(user=user)
    assert profile.id_number == number
    assert profile.verification_status == VerificationStatus.VERIFIED
    assert profile.verification_provider == "simulator"
    assert profile.verification_reference.startswith("SIM-")
    assert user.check_password(STRONG)


def test_lawyer_registers_with_licence_structure_checked_only():
    licence = make_licence_number(sequence=12)
    user = _register(role=Role.LAWYER, username="lawyer1", licence_number=licence, law_firm="示范律师事务所")
    profile = user.real_name
    assert (profile.licence_number, profile.licence_structure_ok, profile.law_firm) == (
        licence,
        True,
        "示范律师事务所",
    )


@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        ({"id_number": "330102199001011230"}, "id_number", "校验"),
        ({"phone": "12345"}, "phone", ""),
        ({"password": "password123"}, "password", "太常见"),
        ({"full_name": ""}, "full_name", "姓名不能为空"),
        ({"role": Role.JUDGE}, "role", "只有当事人和律师"),
        ({"role": Role.LAWYER, "licence_number": "123"}, "licence_number", "17位"),
        ({"role": Role.LAWYER, "licence_number": "33011197010000001"}, "licence_number", "第6至9位"),
        (
            {"role": Role.LAWYER, "licence_number": make_licence_number(), "law_firm": ""},
            "law_firm",
            "执业机构",
        ),
    ],
)
def test_bad_registration_names_the_field_and_saves_nothing(overrides, field, fragment):
    with pytest.raises(InvalidInputError) as caught:
        _register(**overrides)
    assert caught.value.detail["field"] == field
    assert fragment in caught.value.message
    assert User.objects.filter(username="zhangsan").count() == 0
    assert RealNameProfile.objects.count() == 0


def test_blacklisted_identity_is_refused_by_the_simulator():
    number = _id()
    with (
        override_settings(SMARTCOURT_IDENTITY_BLACKLIST=[number]),
        pytest.raises(InvalidInputError) as caught,
    ):
        _register(id_number=number)
    assert caught.value.code == "account.identity_not_verified"
    assert "不一致" in caught.value.message
    assert User.objects.count() == 0


def test_one_identity_one_account_and_usernames_unique():
    number = _id()
    _register(id_number=number)
    with pytest.raises(ConflictError) as caught:
        _register(username="other", id_number=number)
    assert caught.value.detail["field"] == "id_number"
    with pytest.raises(ConflictError) as caught:
        _register(id_number=_id())
    assert caught.value.detail["field"] == "username"
    assert User.objects.count() == 1


def test_face_and_bank_card_are_stubs_that_say_not_configured():
    verifier = SimulatorVerifier(blacklist=frozenset())
    with pytest.raises(NotConfiguredError) as caught:
        verifier.verify_face(id_number=_id(), image=b"x")
    assert "人脸识别" in caught.value.message
    with pytest.raises(NotConfiguredError):
        verifier.verify_bank_card(full_name="某", id_number=_id(), card_number="6222", phone="13912345678")


def test_licence_structure():
    info = check_licence_number("33011201510123456", today=date(2026, 11, 27))
    assert (info.area_code, info.licence_class, info.first_year, info.sex) == ("3301", "1", 2015, "M")
    with pytest.raises(InvalidInputError, match="省级行政区划"):
        check_licence_number("99011201510123456", today=date(2026, 11, 27))
    with pytest.raises(InvalidInputError, match="性别"):
        check_licence_number("33011201520123456", today=date(2026, 11, 27))


def test_registration_page_and_api():
    client = Client()
    page = client.get("/accounts/register/")
    assert page.status_code == 200
    assert "实名注册" in page.content.decode()
    bad = client.post(
        "/accounts/register/",
        {
            "role": "LITIGANT",
            "username": "webuser",
            "full_name": "网页用户",
            "id_type": "RESIDENT_ID",
            "id_number": "330102199001011230",
            "phone": "13912345678",
            "password": STRONG,
            "password2": STRONG,
        },
    )
    assert bad.status_code == 200
    assert "校验" in bad.content.decode()
    assert not User.objects.filter(username="webuser").exists()
    response = client.post(
        "/api/v1/auth/register",
        {
            "role": "LAWYER",
            "username": "apilawyer",
            "password": STRONG,
            "full_name": "接口律师",
            "id_number": _id(),
            "phone": "13912345679",
            "licence_number": make_licence_number(sequence=3),
            "law_firm": "示范律师事务所",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["verification_status"] == "VERIFIED"
    refused = client.post(
        "/api/v1/auth/register",
        {
            "role": "LITIGANT",
            "username": "x2",
            "password": STRONG,
            "full_name": "某",
            "id_number": "1",
            "phone": "139",
        },
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert refused.json()["detail"]["field"] == "id_number"
