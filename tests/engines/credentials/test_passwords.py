"""Weak-password rules: vectors and a property."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcourt.engines.credentials import MIN_LENGTH, find_password_weaknesses


@pytest.mark.parametrize(
    ("password", "codes"),
    [
        ("Tq7#rW2m9!xL", []),
        ("短密码Aa1!", ["password.too_short"]),
        ("alllowercase", ["password.few_classes"]),
        ("ALLUPPER12345", ["password.few_classes", "password.sequence"]),
        ("Zx#9bbbbK2mq", ["password.repeated"]),
        ("Pq#1qwertYu8", ["password.sequence"]),
        ("Pq#1lkjhYu8x", ["password.sequence"]),
        ("Admin#7391xQ", ["password.common_word"]),
        ("FaYuan#7391q", ["password.common_word"]),
        ("aaaa", ["password.too_short", "password.few_classes", "password.repeated"]),
    ],
)
def test_vectors(password, codes):
    assert [w.code for w in find_password_weaknesses(password)] == codes


def test_user_data_inside_the_password():
    found = find_password_weaknesses("Xq#zhang3zhh", user_inputs=["zhang3", ""])
    assert [w.code for w in found] == ["password.contains_user_data"]
    assert find_password_weaknesses("Xq#zh3zhhk9A", user_inputs=["abc"]) == ()  # under 4 characters: ignored


@given(st.text(max_size=40))
def test_every_weakness_has_a_chinese_message_and_short_passwords_are_always_weak(password):
    found = find_password_weaknesses(password)
    assert all(w.message and w.code.startswith("password.") for w in found)
    if len(password) < MIN_LENGTH:
        assert "password.too_short" in [w.code for w in found]
