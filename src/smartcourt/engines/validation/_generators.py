"""Valid-looking identity numbers for tests and demos, deterministic from a ``random.Random``.

Generated numbers are random: they carry correct check digits and real area codes, and are never copied
from real records. Any well-formed number may by chance belong to someone, so demo data must pair them only
with generated names (Faker) and never with real personal data.
"""

from __future__ import annotations

import datetime
import random

from ._credit_code import ALPHABET, compute_credit_check_char, compute_organization_check_char
from ._divisions import current_county_codes, get_division
from ._resident_id import Sex, compute_id_check_digit

__all__ = ["make_credit_code", "make_id_number"]

_BIRTH_START = datetime.date(1940, 1, 1)
_BIRTH_END = datetime.date(2005, 12, 31)
# Characters used for a generated organisation-code body: GB 11714 allows 0-9A-Z, the credit-code
# alphabet (GB 32100) excludes I, O, Z, S, V.
_ORG_BODY_ALPHABET = ALPHABET


def make_id_number(
    rng: random.Random,
    *,
    area_code: str | None = None,
    birth_date: datetime.date | None = None,
    sex: Sex | None = None,
) -> str:
    """A random 18-digit 居民身份证号码 that passes :func:`validate_id_number`.

    Unset parts are drawn from ``rng``: a current county-level area code, a birth date in 1940–2005 and a
    sex. Requires ``area_code`` (if given) to be a known GB/T 2260 code.

    >>> make_id_number(random.Random(7), area_code="110105", birth_date=datetime.date(1990, 3, 7), sex="F")
    '110105199003073306'
    """
    if area_code is None:
        area_code = rng.choice(current_county_codes())
    elif get_division(area_code) is None:
        raise ValueError(f"area_code {area_code!r} is not a GB/T 2260 code")
    if birth_date is None:
        span = (_BIRTH_END - _BIRTH_START).days
        birth_date = _BIRTH_START + datetime.timedelta(days=rng.randrange(span + 1))
    if sex is None:
        sex = rng.choice(("M", "F"))
    # GB 11643-1999 第5.3条: 顺序码3位, 奇数为男性, 偶数为女性.
    sequence = rng.randrange(500) * 2 + (1 if sex == "M" else 0)
    body = f"{area_code}{birth_date:%Y%m%d}{sequence:03d}"
    return body + compute_id_check_digit(body)


def make_credit_code(rng: random.Random, *, area_code: str | None = None) -> str:
    """A random 统一社会信用代码 of an enterprise (登记管理部门 9, 机构类别 1) that passes validation.

    >>> make_credit_code(random.Random(7), area_code="110105")
    '91110105AY4CL12T2H'
    """
    if area_code is None:
        area_code = rng.choice(current_county_codes())
    elif get_division(area_code) is None:
        raise ValueError(f"area_code {area_code!r} is not a GB/T 2260 code")
    organization = "".join(rng.choice(_ORG_BODY_ALPHABET) for _ in range(8))
    # The GB 11714 check character is 0-9 or X, all inside the credit-code alphabet.
    organization += compute_organization_check_char(organization)
    body = f"91{area_code}{organization}"
    return body + compute_credit_check_char(body)
