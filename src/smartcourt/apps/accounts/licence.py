"""The structure of a lawyer's 执业证号 (17 digits); the number is not checked against any registry.

Structure (unverified — from the 司法部 律师执业证 numbering in common use, not from a text in
../shared/data/laws; 《律师执业管理办法》（司法部令第142号）does not spell it out)::

    3301 1 2015 1 0123456
    │    │ │    │ └ 11–17 顺序号
    │    │ │    └── 10    性别（1 男，0 女）
    │    │ └─────── 6–9   首次取得执业证的年份
    │    └───────── 5     执业证类别（1 专职 2 兼职 3 香港 4 澳门 5 台湾 6 公职 7 公司 8 法律援助 9 军队）
    └────────────── 1–4   发证机关所在地行政区划代码前四位（省、市）

A number that passes is marked "structure checked" only; the licence itself stays unverified until a
registry adapter exists.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.engines.validation import get_division

FIRST_LICENCE_YEAR = 1979  # 律师制度恢复（1979年）；unverified lower bound for the year digits
_CLASSES = frozenset("123456789")


class LicenceNumber(NamedTuple):
    number: str
    area_code: str
    licence_class: str
    first_year: int
    sex: str


def check_licence_number(value: str, *, today: date) -> LicenceNumber:
    """Check a 执业证号's structure; raises :class:`InvalidInputError` naming what is wrong.

    >>> check_licence_number("33011201510123456", today=date(2026, 11, 27)).first_year
    2015
    """

    def bad(reason: str) -> InvalidInputError:
        return InvalidInputError(
            "account.bad_licence_number", f"律师执业证号无效：{reason}", {"field": "licence_number"}
        )

    number = (value or "").strip().replace(" ", "")
    if len(number) != 17 or not number.isdigit():
        raise bad(f"应为17位数字（现为{len(number)}位）")
    area = number[:4]
    if get_division(area[:2] + "0000") is None:
        raise bad(f"前两位「{area[:2]}」不是省级行政区划代码")
    if number[4] not in _CLASSES:
        raise bad(f"第5位执业证类别「{number[4]}」无效")
    year = int(number[5:9])
    if not FIRST_LICENCE_YEAR <= year <= today.year:
        raise bad(f"第6至9位发证年份「{year}」不在{FIRST_LICENCE_YEAR}年至今范围内")
    if number[9] not in "01":
        raise bad(f"第10位性别代码「{number[9]}」应为1或0")
    return LicenceNumber(number, area, number[4], year, "M" if number[9] == "1" else "F")


def make_licence_number(*, area: str = "3301", year: int = 2015, sequence: int = 1) -> str:
    """A structurally valid 执业证号 for demo and test data (专职, male).

    >>> make_licence_number(sequence=42)
    '33011201510000042'
    """
    return f"{area}1{year:04d}1{sequence:07d}"
