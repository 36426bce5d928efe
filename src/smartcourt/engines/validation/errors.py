"""Errors raised by the identity validation engine.

Every error carries a machine ``code`` (``"id_number.bad_check_digit"``), a Chinese ``message`` that names
the field and the rule, and the ``field`` it concerns (``"id_number"``, ``"credit_code"`` …)::

    IdentityError(ValueError)
    ├── IdNumberError          居民身份证号码、港澳台居民居住证号码 (GB 11643-1999)
    ├── CreditCodeError        统一社会信用代码 (GB 32100-2015, GB 11714-1997)
    ├── TravelDocumentError    护照、港澳/台湾通行证、外国人永久居留身份证、其他证件
    ├── PhoneNumberError       手机号码、固定电话号码
    └── UnknownIdTypeError     证件类型不在 IdType 中

``str(error)`` is the Chinese message; catch :class:`IdentityError` to handle any of them.
"""

from __future__ import annotations

from smartcourt.engines._errors import FieldError

__all__ = [
    "CreditCodeError",
    "IdNumberError",
    "IdentityError",
    "PhoneNumberError",
    "TravelDocumentError",
    "UnknownIdTypeError",
]


class IdentityError(FieldError):
    """Root of the validation engine's errors.

    >>> error = IdentityError("id_number.bad_length", "居民身份证号码应为18位", field="id_number")
    >>> (error.code, error.field, str(error))
    ('id_number.bad_length', 'id_number', '居民身份证号码应为18位')
    """


class IdNumberError(IdentityError):
    """A 居民身份证号码 or 港澳台居民居住证号码 breaks a GB 11643-1999 rule."""


class CreditCodeError(IdentityError):
    """A 统一社会信用代码 breaks a GB 32100-2015 rule."""


class TravelDocumentError(IdentityError):
    """A passport, travel permit or permanent-residence card number has the wrong form."""


class PhoneNumberError(IdentityError):
    """A mobile or landline number has the wrong form."""


class UnknownIdTypeError(IdentityError):
    """The identity document type is not one this engine knows."""
