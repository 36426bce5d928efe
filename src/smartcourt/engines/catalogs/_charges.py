"""Criminal charges (罪名) with their 刑法 articles, built from the 罪名 documents by _build_charges.py."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from typing import Any

from ._data import load
from .errors import UnknownChargeError

__all__ = ["Charge", "Provision", "charges", "get_charge"]


@dataclass(frozen=True, slots=True)
class Provision:
    """One 刑法 provision a charge rests on (``item`` is the 项 where the source gives one).

    >>> get_charge("盗窃").provisions
    (Provision(article='第二百六十四条', article_number=264, article_suffix=0, paragraph=None, item=None),)
    """

    article: str
    article_number: int
    article_suffix: int
    paragraph: int | None
    item: int | None


@dataclass(frozen=True, slots=True)
class Charge:
    """A 罪名 with its main article, sources and, if abolished, what abolished it.

    ``article``/``article_number``/``paragraph`` describe the first listed provision; ``article_suffix`` is
    1 for ``之一`` and so on. ``article`` is ``None`` for 骗购外汇罪, which rests on the 1998 NPCSC 决定.

    >>> charge = get_charge("嫖宿幼女罪")
    >>> (charge.current, charge.article, charge.paragraph, charge.abolished_basis)
    (False, '第三百六十条', 2, '《刑法修正案（九）》第四十三条')
    """

    name: str
    article: str | None
    article_number: int | None
    article_suffix: int
    paragraph: int | None
    provisions: tuple[Provision, ...]
    source: str
    source_date: datetime.date
    basis: str | None
    abolished_by: str | None
    abolished_on: datetime.date | None
    abolished_basis: str | None
    replaced_by: tuple[str, ...]

    @property
    def current(self) -> bool:
        """Whether the name is still in force (no later document abolished it)."""
        return self.abolished_by is None


def _date(text: str | None) -> datetime.date | None:
    return None if text is None else datetime.date.fromisoformat(text)


def _charge(row: dict[str, Any]) -> Charge:
    source_date = datetime.date.fromisoformat(row["introduced_on"])
    return Charge(
        name=row["name"],
        article=row["article"],
        article_number=row["article_number"],
        article_suffix=row["article_suffix"],
        paragraph=row["paragraph"],
        provisions=tuple(Provision(**provision) for provision in row["provisions"]),
        source=row["introduced_by"],
        source_date=source_date,
        basis=row["basis"],
        abolished_by=row["abolished_by"],
        abolished_on=_date(row["abolished_on"]),
        abolished_basis=row["abolished_basis"],
        replaced_by=tuple(row["replaced_by"]),
    )


@cache
def _table() -> dict[str, Charge]:
    return {row["name"]: _charge(row) for row in load("charges.json")["charges"]}


def charges(current_only: bool = True) -> tuple[Charge, ...]:
    """The catalogue in 刑法 article order; by default only names in force.

    >>> len(charges()), len(charges(current_only=False))
    (483, 542)
    """
    every = tuple(_table().values())
    return tuple(charge for charge in every if charge.current) if current_only else every


def get_charge(name: str) -> Charge:
    """The charge with this name, given with or without the trailing 罪 (abolished names included).

    >>> get_charge("袭警").article
    '第二百七十七条'
    >>> get_charge("生产、销售假药罪").replaced_by
    ('生产、销售、提供假药罪',)
    >>> get_charge("偷东西罪")
    Traceback (most recent call last):
    ...
    smartcourt.engines.catalogs.errors.UnknownChargeError: 罪名“偷东西罪”不在罪名目录中（依据最高人民法院、最高人民检察院确定罪名的规定）
    """
    key = name.strip()
    if not key.endswith("罪"):
        key += "罪"
    charge = _table().get(key)
    if charge is None:
        raise UnknownChargeError(
            "charge.unknown",
            f"罪名“{key}”不在罪名目录中（依据最高人民法院、最高人民检察院确定罪名的规定）",
            field="charge",
        )
    return charge
