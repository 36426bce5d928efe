"""Value types of the text engine: every finding carries its ``(start, end)`` span into the input text."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from decimal import Decimal

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Token:
    """One word of :func:`segment`'s output; ``text[start:end] == word``.

    >>> Token("缓刑", 3, 5).word
    '缓刑'
    """

    word: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Money:
    """A sum of money in yuan (人民币).

    ``approximate`` is set by 余/多/左右/约; ``is_total`` by 共计/合计/总计/累计 in front of it.

    >>> Money(Decimal("35000"), (0, 11), "人民币叁万伍仟元整", False).amount
    Decimal('35000')
    """

    amount: Decimal
    span: Span
    text: str
    approximate: bool
    is_total: bool = False


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar date, absolute or resolved from 同年/次日/当日 against the last absolute date.

    ``relative`` is true when the mention itself does not name the year; ``reason`` says why a field stays
    ``None`` (no earlier date to resolve against, a day that does not exist).

    >>> DateMention((0, 9), "2019年3月5日", 2019, 3, 5).date
    datetime.date(2019, 3, 5)
    """

    span: Span
    text: str
    year: int | None
    month: int | None
    day: int | None
    relative: bool = False
    reason: str = ""

    @property
    def date(self) -> dt.date | None:
        """The day, when year, month and day are all known and valid."""
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


class PenaltyKind(enum.StrEnum):
    """Principal and supplementary punishments (刑法第三十三条, 第三十四条) and probation.

    >>> PenaltyKind("fixed_term_imprisonment") is PenaltyKind.FIXED_TERM_IMPRISONMENT
    True
    """

    PUBLIC_SURVEILLANCE = "public_surveillance"  # 管制
    CRIMINAL_DETENTION = "criminal_detention"  # 拘役
    FIXED_TERM_IMPRISONMENT = "fixed_term_imprisonment"  # 有期徒刑
    LIFE_IMPRISONMENT = "life_imprisonment"  # 无期徒刑
    DEATH = "death"  # 死刑
    DEATH_WITH_REPRIEVE = "death_with_reprieve"  # 死刑，缓期二年执行
    PROBATION = "probation"  # 缓刑
    FINE = "fine"  # 罚金
    CONFISCATION = "confiscation"  # 没收财产
    DEPRIVATION_OF_POLITICAL_RIGHTS = "deprivation_of_political_rights"  # 剥夺政治权利


@dataclass(frozen=True, slots=True)
class Penalty:
    """A punishment with its term in months or its amount in yuan.

    ``months`` is ``None`` for fines, life, death and 终身; ``amount`` is set for fines and confiscation.

    >>> Penalty(PenaltyKind.FIXED_TERM_IMPRISONMENT, (0, 10), "有期徒刑一年六个月", 18).months
    18
    """

    kind: PenaltyKind
    span: Span
    text: str
    months: int | None = None
    amount: Decimal | None = None
    for_life: bool = False


@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted or measured amount: ``甲基苯丙胺5.6克`` has value 5.6, unit 克, subject 甲基苯丙胺.

    >>> Quantity(Decimal("3"), "次", (0, 2), "三次").unit
    '次'
    """

    value: Decimal
    unit: str
    span: Span
    text: str
    approximate: bool = False
    subject: str = ""


@dataclass(frozen=True, slots=True)
class Percentage:
    """A percentage: ``30%`` and ``百分之三十`` both have value 30.

    >>> Percentage(Decimal("30"), (0, 3), "30%").value
    Decimal('30')
    """

    value: Decimal
    span: Span
    text: str


class EntityKind(enum.StrEnum):
    """Kinds of named entities found by :func:`extract_entities`.

    >>> EntityKind.PERSON.value
    'person'
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    TIME = "time"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    BANK_CARD = "bank_card"
    LICENSE_PLATE = "license_plate"
    STOLEN_GOODS = "stolen_goods"
    TOOL = "tool"


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity; persons carry their procedural role (被告人, 被害人, 原告 …) when the text gives it.

    >>> Entity(EntityKind.PERSON, "张某某", (3, 6), role="被告人").role
    '被告人'
    """

    kind: EntityKind
    text: str
    span: Span
    role: str = ""


@dataclass(frozen=True, slots=True)
class TextAnalysis:
    """Everything :func:`analyze` finds in one text; ``notes`` says what was skipped and why.

    >>> TextAnalysis(text="").notes
    ()
    """

    text: str
    tokens: tuple[Token, ...] = ()
    money: tuple[Money, ...] = ()
    dates: tuple[DateMention, ...] = ()
    penalties: tuple[Penalty, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    percentages: tuple[Percentage, ...] = ()
    entities: tuple[Entity, ...] = ()
    notes: tuple[str, ...] = field(default=())
