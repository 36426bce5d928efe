"""Weak-password rules beyond Django's length, common-list and numeric checks.

Basis: GB/T 22239-2019《信息安全技术 网络安全等级保护基本要求》8.1.4.1 a) "身份标识具有唯一性，身份鉴别信息
具有复杂度要求"; 法办〔2019〕243号 第22项 "严查并杜绝……弱口令问题".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Rows of a QWERTY keyboard and the digit row, read both ways: runs of 4+ from these are guessable.
_KEYBOARD_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz")
_SEQUENCE_RUN = 4
_REPEAT_RUN = 4
_MIN_CLASSES = 3
MIN_LENGTH = 10

# Words an attacker tries first against a court system: the product, the institution, the role.
_COMMON_WORDS = (
    "password",
    "passwd",
    "admin",
    "court",
    "fayuan",
    "smartcourt",
    "zhihui",
    "faguan",
    "shujiyuan",
    "root",
    "welcome",
    "letmein",
    "iloveyou",
)


@dataclass(frozen=True, slots=True)
class PasswordWeakness:
    """One reason a password is weak: a machine ``code`` and a Chinese ``message``."""

    code: str
    message: str


def _classes(password: str) -> int:
    return sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )


def _has_sequence(lowered: str) -> bool:
    for row in _KEYBOARD_ROWS:
        for text in (row, row[::-1]):
            for start in range(len(text) - _SEQUENCE_RUN + 1):
                if text[start : start + _SEQUENCE_RUN] in lowered:
                    return True
    return False


def find_password_weaknesses(
    password: str, *, user_inputs: Iterable[str] = ()
) -> tuple[PasswordWeakness, ...]:
    """Every weakness found in ``password``; an empty tuple means it passes these rules.

    ``user_inputs`` are the account's own attributes (username, name, phone, ID number): a password that
    contains one of them (4 characters or longer) is weak.

    >>> [w.code for w in find_password_weaknesses("aaaa1111Bb!")]
    ['password.repeated']
    >>> [w.code for w in find_password_weaknesses("Zhang13800138000!", user_inputs=["13800138000"])]
    ['password.contains_user_data']
    """
    found: list[PasswordWeakness] = []
    lowered = password.lower()
    if len(password) < MIN_LENGTH:
        found.append(PasswordWeakness("password.too_short", f"密码至少包含 {MIN_LENGTH} 个字符"))
    if _classes(password) < _MIN_CLASSES:
        found.append(
            PasswordWeakness("password.few_classes", "密码须包含大写字母、小写字母、数字、符号中的至少三类")
        )
    if re.search(rf"(.)\1{{{_REPEAT_RUN - 1},}}", password):
        found.append(PasswordWeakness("password.repeated", f"密码不能包含连续{_REPEAT_RUN}个以上相同字符"))
    if _has_sequence(lowered):
        found.append(
            PasswordWeakness("password.sequence", f"密码不能包含{_SEQUENCE_RUN}位以上的连续字符或键盘序列")
        )
    if any(word in lowered for word in _COMMON_WORDS):
        found.append(
            PasswordWeakness("password.common_word", "密码不能包含常见单词（如 admin、court、password）")
        )
    for value in user_inputs:
        value = (value or "").strip().lower()
        if len(value) >= 4 and value in lowered:
            found.append(
                PasswordWeakness("password.contains_user_data", "密码不能包含用户名、姓名、手机号或证件号码")
            )
            break
    return tuple(found)
