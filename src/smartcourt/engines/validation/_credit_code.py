"""统一社会信用代码 (GB 32100-2015) with its embedded 组织机构代码 (GB 11714-1997)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from stdnum.cn import uscc

from ._divisions import get_division
from ._normalize import normalize_code
from .errors import CreditCodeError

__all__ = [
    "CreditCodeInfo",
    "compute_credit_check_char",
    "compute_organization_check_char",
    "validate_credit_code",
]

# GB 32100-2015 第4.5条 / 表2: 代码字符集为 0–9 与不含 I、O、Z、S、V 的大写拉丁字母.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# GB 11714-1997 第5条: 组织机构代码本体码8位, 校验码加权因子.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
# 国家市场监督管理总局等中央登记机关登记的主体, 登记管理机关行政区划码为 100000.
_NATIONAL_AREA = "100000"


@dataclass(frozen=True, slots=True)
class CreditCodeInfo:
    """The parts of a valid 统一社会信用代码.

    >>> validate_credit_code("91110000600037341L")
    CreditCodeInfo(code='91110000600037341L', authority='工商', org_type='企业', area_code='110000')
    """

    code: str
    authority: str
    org_type: str
    area_code: str

    @property
    def organization_code(self) -> str:
        """The embedded 9-character 组织机构代码 (GB 11714), e.g. ``600037341``."""
        return self.code[8:17]


@cache
def _authorities() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("data/credit_code_authorities.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return {entry["code"]: entry for entry in data["authorities"]}


def compute_organization_check_char(body: str) -> str:
    """The GB 11714-1997 check character of an 8-character organisation code body.

    Requires ``body`` to be 8 characters from ``0-9A-Z``.

    >>> compute_organization_check_char("60003734")
    '1'
    """
    # GB 11714-1997 第5条: C9 = 11 - (Σ Ci×Wi mod 11); 10 记作 X, 11 记作 0.
    total = sum(int(char, 36) * weight for char, weight in zip(body, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def compute_credit_check_char(body: str) -> str:
    """The GB 32100-2015 check character of the first 17 characters.

    Requires ``body`` to be 17 characters of the code alphabet.

    >>> compute_credit_check_char("91110000600037341")
    'L'
    """
    # GB 32100-2015 第4.5条: 校验码按 GB/T 17710-2008 MOD 31-3 计算.
    return str(uscc.calc_check_digit(body + "0"))


def validate_credit_code(value: str) -> CreditCodeInfo:
    """Check a 统一社会信用代码 and split it into its parts.

    Input is normalised (whitespace removed, full-width folded, letters upper-cased).

    >>> validate_credit_code(" 91110000 600037341l ").org_type
    '企业'
    >>> validate_credit_code("91110000600037341M")
    Traceback (most recent call last):
    ...
    smartcourt.engines.validation.errors.CreditCodeError: 统一社会信用代码校验码错误：按 GB 32100 第18位应为L，实为M
    """
    code = normalize_code(value)
    # GB 32100-2015 第4条: 代码由18位阿拉伯数字或大写英文字母组成.
    if len(code) != 18:
        raise CreditCodeError(
            "credit_code.bad_length", f"统一社会信用代码应为18位，实为{len(code)}位", field="credit_code"
        )
    for position, char in enumerate(code, start=1):
        if char not in ALPHABET:
            raise CreditCodeError(
                "credit_code.bad_char",
                f"统一社会信用代码第{position}位“{char}”不在代码字符集内（不使用I、O、Z、S、V）",
                field="credit_code",
            )
    expected = compute_credit_check_char(code[:17])
    if code[17] != expected:
        raise CreditCodeError(
            "credit_code.bad_check_digit",
            f"统一社会信用代码校验码错误：按 GB 32100 第18位应为{expected}，实为{code[17]}",
            field="credit_code",
        )
    # GB 32100-2015 第4.1条、第4.2条及表1: 第1位登记管理部门代码, 第2位机构类别代码.
    authority = _authorities().get(code[0])
    if authority is None:
        raise CreditCodeError(
            "credit_code.unknown_authority",
            f"统一社会信用代码第1位登记管理部门代码“{code[0]}”不在 GB 32100 表1中",
            field="credit_code",
        )
    org_type = authority["types"].get(code[1])
    if org_type is None:
        raise CreditCodeError(
            "credit_code.unknown_org_type",
            f"统一社会信用代码第2位机构类别代码“{code[1]}”不属于登记管理部门“{authority['name']}”",
            field="credit_code",
        )
    # GB 32100-2015 第4.3条: 第3–8位登记管理机关行政区划码, 按 GB/T 2260.
    area_code = code[2:8]
    if not area_code.isdigit() or (area_code != _NATIONAL_AREA and get_division(area_code) is None):
        raise CreditCodeError(
            "credit_code.unknown_area",
            f"统一社会信用代码第3–8位行政区划码{area_code}不是 GB/T 2260 代码",
            field="credit_code",
        )
    # GB 32100-2015 第4.4条: 第9–17位主体标识码（组织机构代码）, 按 GB 11714.
    organization = code[8:17]
    org_expected = compute_organization_check_char(organization[:8])
    if organization[8] != org_expected:
        raise CreditCodeError(
            "credit_code.bad_organization_code",
            f"统一社会信用代码第9–17位组织机构代码{organization}校验码错误：按 GB 11714 第17位应为{org_expected}",
            field="credit_code",
        )
    return CreditCodeInfo(code, str(authority["name"]), str(org_type), area_code)
