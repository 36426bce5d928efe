"""Accounts: weak passwords refused, logins and failures recorded, lockout after repeated failures."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.test import Client

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.accounts.services import user_create
from smartcourt.apps.core.errors import InvalidInputError
from tests.apps.factories import CourtFactory

pytestmark = pytest.mark.django_db
STRONG = "Tq7#rW2m9!xL"


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short1!A", "至少包含 10 个字符"),
        ("password123", "太常见"),
        ("12345678901", "只包含数字"),
        ("abcdefghijkl", "至少三类"),
        ("Qwer#tyu1234", "键盘序列"),
        ("Aaaa#aaaa111", "相同字符"),
        ("Court#Zx9182", "常见单词"),
        ("Wm#13800138000", "手机号"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(password, reason):
    with pytest.raises(InvalidInputError) as caught:
        user_create(
            username="newjudge", password=password, full_name="测试", role=Role.LITIGANT, phone="13800138000"
        )
    assert caught.value.detail["field"] == "password"
    assert reason in caught.value.message
    assert User.objects.filter(username="newjudge").count() == 0


def test_a_strong_password_is_stored_hashed():
    user = user_create(username="newjudge", password=STRONG, full_name="测试", role=Role.LITIGANT)
    assert user.password.startswith(("argon2$", "md5$"))  # the test settings hash fast
    assert user.check_password(STRONG)


def test_staff_need_a_court_and_public_users_have_none():
    with pytest.raises(InvalidInputError) as caught:
        user_create(username="j", password=STRONG, full_name="法官", role=Role.JUDGE)
    assert caught.value.detail["field"] == "court"
    with pytest.raises(InvalidInputError) as caught:
        user_create(
            username="l", password=STRONG, full_name="当事人", role=Role.LITIGANT, court=CourtFactory()
        )
    assert caught.value.detail["field"] == "court"


def test_argon2_is_the_production_hasher(settings):
    from smartcourt.config.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_logins_and_failures_are_recorded_and_repeated_failures_lock_the_account(settings):
    user_create(username="someone", password=STRONG, full_name="某人", role=Role.LITIGANT)
    client = Client()
    response = client.post("/accounts/login/", {"username": "someone", "password": STRONG})
    assert response.status_code == 302
    assert AccessLog.objects.filter(username="someone").count() == 1
    client.logout()
    for attempt in range(1, settings.AXES_FAILURE_LIMIT):
        response = client.post("/accounts/login/", {"username": "someone", "password": "wrong"})
        assert response.status_code == 200
        assert "用户名或密码错误" in response.content.decode()
        assert AccessFailureLog.objects.filter(username="someone").count() == attempt
    response = client.post("/accounts/login/", {"username": "someone", "password": "wrong"})
    assert response.status_code == 429
    assert "账户已被临时锁定" in response.content.decode()
    response = client.post("/accounts/login/", {"username": "someone", "password": STRONG})
    assert response.status_code == 429
    # The refused attempt while locked is counted too.
    assert (
        AccessAttempt.objects.get(username="someone").failures_since_start == settings.AXES_FAILURE_LIMIT + 1
    )
