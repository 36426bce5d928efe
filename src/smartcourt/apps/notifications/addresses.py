"""Address checks per channel, shared by notification preferences and electronic service addresses."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.notifications.error_codes import NotificationErrorCode
from smartcourt.engines.validation import PhoneNumberError, validate_mobile

_WECHAT_ID = re.compile(r"[A-Za-z0-9_-]{6,64}")


def address_clean(*, channel: str, address: str, field: str = "address") -> str:
    """The address normalised for ``channel``, or :class:`InvalidInputError` naming ``field``."""
    value = (address or "").strip()
    if channel == "EMAIL":
        try:
            validate_email(value)
        except ValidationError:
            raise InvalidInputError(
                NotificationErrorCode.BAD_ADDRESS, f"电子邮箱“{value[:60]}”格式不正确", {"field": field}
            ) from None
        return value.lower()
    if channel == "SMS":
        try:
            return validate_mobile(value).number
        except PhoneNumberError as exc:
            raise InvalidInputError(
                NotificationErrorCode.BAD_ADDRESS, exc.message, {"field": field}
            ) from None
    if channel == "WECHAT":
        if not _WECHAT_ID.fullmatch(value):
            raise InvalidInputError(
                NotificationErrorCode.BAD_ADDRESS,
                "微信号（OpenID）应为 6 至 64 位字母、数字、下划线或连字符",
                {"field": field},
            )
        return value
    if channel == "PORTAL":
        return ""
    raise InvalidInputError(
        NotificationErrorCode.BAD_CHANNEL, f"未知的渠道：{channel[:20]}", {"field": "channel"}
    )
