"""Django password validator over ``engines.credentials`` (法办〔2019〕243号 第22项)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from smartcourt.engines.credentials import find_password_weaknesses


class PasswordStrengthValidator:
    """Rejects passwords with fewer than three character classes, runs, sequences, common words or user data."""

    def validate(self, password: str, user: Any = None) -> None:
        inputs: list[str] = []
        if user is not None:
            inputs = [str(getattr(user, a, "") or "") for a in ("username", "full_name", "phone", "email")]
        weaknesses = find_password_weaknesses(password, user_inputs=inputs)
        if weaknesses:
            raise ValidationError([ValidationError(w.message, code=w.code) for w in weaknesses])

    def get_help_text(self) -> str:
        return (
            "密码须包含大写字母、小写字母、数字、符号中的至少三类，且不含连续、重复字符、常见单词或个人信息。"
        )
