"""Value types of the elements engine: schemas, element tables, outlines and calculations."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

Span = tuple[int, int]


class Cause(enum.StrEnum):
    """The four causes with element schemas.

    >>> Cause("private_lending").label
    '民间借贷纠纷'
    """

    PRIVATE_LENDING = "private_lending"
    TRAFFIC_ACCIDENT = "traffic_accident"
    DIVORCE = "divorce"
    LABOR_DISPUTE = "labor_dispute"

    @property
    def label(self) -> str:
        """The cause's name in 民事案件案由规定."""
        return _LABELS[self]


_LABELS = {
    Cause.PRIVATE_LENDING: "民间借贷纠纷",
    Cause.TRAFFIC_ACCIDENT: "机动车交通事故责任纠纷",
    Cause.DIVORCE: "离婚纠纷",
    Cause.LABOR_DISPUTE: "劳动争议",
}


class Status(enum.StrEnum):
    """An element's status in the table: agreed, disputed or not mentioned (in the answer).

    >>> Status.DISPUTED.label
    '有争议'
    """

    AGREED = "agreed"
    DISPUTED = "disputed"
    NOT_MENTIONED = "not_mentioned"

    @property
    def label(self) -> str:
        """Chinese label for the table."""
        return {"agreed": "无争议", "disputed": "有争议", "not_mentioned": "未提及"}[self.value]


@dataclass(frozen=True, slots=True)
class ElementSpec:
    """One element of a cause's schema with its legal basis and the cues that find it.

    >>> ElementSpec("amount", "借款金额", "money", ("民间借贷规定第二十六条",), ("本金",)).label
    '借款金额'
    """

    key: str
    label: str
    kind: str  # money | date | percent | text
    basis: tuple[str, ...]
    cues: tuple[str, ...]
    questions: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CauseSchema:
    """A cause's element schema.

    >>> CauseSchema(Cause.DIVORCE, "离婚纠纷", ("离婚",), ()).label
    '离婚纠纷'
    """

    cause: Cause
    label: str
    cues: tuple[str, ...]
    elements: tuple[ElementSpec, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a finding came from: ``document`` is ``complaint``, ``answer`` or ``evidence:N``; ``span`` indexes
    that document's text as given.

    >>> Source("complaint", (0, 4), "借款10万").document
    'complaint'
    """

    document: str
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class ElementRow:
    """One row of the element table.

    ``plaintiff_value`` is the value stated by the plaintiff (an amount, a date, a percentage or the sentence);
    ``defendant_position`` the answer's sentence about it; ``status`` agreed / disputed / not mentioned.

    >>> row = ElementRow("amount", "借款金额", ("民间借贷规定第二十六条",), "100000", (), "", (), Status.AGREED)
    >>> row.status.label
    '无争议'
    """

    key: str
    label: str
    basis: tuple[str, ...]
    plaintiff_value: str
    plaintiff_sources: tuple[Source, ...]
    defendant_position: str
    defendant_sources: tuple[Source, ...]
    status: Status
    evidence_sources: tuple[Source, ...] = ()
    status_cue: str = ""


@dataclass(frozen=True, slots=True)
class ElementTable:
    """The element table of one case.

    >>> ElementTable(Cause.DIVORCE, "离婚纠纷", ()).disputed
    ()
    """

    cause: Cause
    cause_label: str
    rows: tuple[ElementRow, ...]
    notes: tuple[str, ...] = ()

    @property
    def disputed(self) -> tuple[ElementRow, ...]:
        """The rows whose status is disputed."""
        return tuple(r for r in self.rows if r.status is Status.DISPUTED)

    @property
    def agreed(self) -> tuple[ElementRow, ...]:
        """The rows whose status is agreed."""
        return tuple(r for r in self.rows if r.status is Status.AGREED)


@dataclass(frozen=True, slots=True)
class OutlineItem:
    """One disputed element in the trial outline: the questions to ask and the evidence to examine.

    >>> OutlineItem("amount", "借款金额", ("借款本金是多少？",), ("借条",), ("民间借贷规定第二十六条",)).label
    '借款金额'
    """

    key: str
    label: str
    questions: tuple[str, ...]
    evidence: tuple[str, ...]
    basis: tuple[str, ...]
    plaintiff_value: str = ""
    defendant_position: str = ""


@dataclass(frozen=True, slots=True)
class TrialOutline:
    """A trial outline (庭审提纲) as plain data: agreed facts to confirm, then the disputed elements.

    >>> TrialOutline(Cause.DIVORCE, "离婚纠纷", (), (), ()).focus
    ()
    """

    cause: Cause
    cause_label: str
    confirm: tuple[str, ...]
    focus: tuple[OutlineItem, ...]
    unmentioned: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class JudgmentSkeleton:
    """The facts and reasoning skeleton a judgment draft follows from the element table.

    ``found_facts`` are the agreed elements stated as facts; ``disputes`` name the 争议焦点 with the reasoning
    slot the judge fills; ``basis`` is the list of articles to cite.

    >>> JudgmentSkeleton(Cause.DIVORCE, (), (), ()).basis
    ()
    """

    cause: Cause
    found_facts: tuple[str, ...]
    disputes: tuple[tuple[str, str], ...]
    basis: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a calculation: what is computed, the formula with numbers, the result and its basis.

    >>> Step("本金", "100000", Decimal("100000")).value
    Decimal('100000')
    """

    label: str
    formula: str
    value: Decimal
    basis: str = ""


@dataclass(frozen=True, slots=True)
class Calculation:
    """A figure with the steps that produced it and the articles it rests on; ``warnings`` flag unverified data.

    >>> Calculation("利息", Decimal("1.00"), (), ("民间借贷规定第二十五条",)).figure
    Decimal('1.00')
    """

    label: str
    figure: Decimal
    steps: tuple[Step, ...]
    basis: tuple[str, ...]
    warnings: tuple[str, ...] = field(default=())
