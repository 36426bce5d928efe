"""Value types of the evidence guidance engine."""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class EvidenceRequirement:
    """One item of basic evidence a checklist asks for, with its legal source.

    ``crime`` is empty for the general items every criminal case needs; ``verified`` is false when the
    source is cited from memory (the document is not in the shipped law corpus).

    >>> item = EvidenceRequirement("indictment", "起诉书", True, ("filing_review",), "法释〔2021〕1号", "第二百一十八条")
    >>> item.citation
    '法释〔2021〕1号 第二百一十八条'
    """

    key: str
    name: str
    mandatory: bool
    stages: tuple[str, ...]
    source: str
    article: str
    verified: bool = True
    crime: str = ""
    source_title: str = ""

    @property
    def citation(self) -> str:
        """The document number and the article, as shown beside the item."""
        return f"{self.source} {self.article}".strip()


@dataclass(frozen=True, slots=True)
class Checklist:
    """The checklist of one charge at one stage: general items first, then the crime's own.

    ``covered`` is false when the engine has no crime-specific list for the charge (only the general items
    are listed, and ``notes`` says so).

    >>> Checklist("盗窃", "trial", (), True).covered
    True
    """

    charge: str
    stage: str
    items: tuple[EvidenceRequirement, ...]
    covered: bool
    notes: tuple[str, ...] = ()

    @property
    def mandatory(self) -> tuple[EvidenceRequirement, ...]:
        """The items that must be provided."""
        return tuple(i for i in self.items if i.mandatory)


@dataclass(frozen=True, slots=True)
class EvidenceText:
    """One evidence item given to the contradiction detector: a key, a label and its text.

    >>> EvidenceText("e1", "鉴定意见", "血液中乙醇含量为125mg/100ml").label
    '鉴定意见'
    """

    key: str
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class ExtractedValue:
    """A value of one kind stated by a text: ``amount`` (yuan), ``date`` (ISO), ``weight`` (grams),
    ``blood_alcohol`` or ``breath_alcohol`` (mg/100ml); ``value`` is canonical so values compare as strings.

    >>> ExtractedValue("amount", "5000", "元", (0, 5), "5000元").value
    '5000'
    """

    kind: str
    value: str
    unit: str
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Finding:
    """Where a contradicting value is stated: the evidence item, the value and its span in that item's text.

    >>> Finding("e1", "鉴定意见", ExtractedValue("amount", "5000", "元", (0, 5), "5000元")).value.text
    '5000元'
    """

    item_key: str
    item_label: str
    value: ExtractedValue


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two evidence items stating different values of the same kind, with both spans.

    >>> v1 = ExtractedValue("amount", "5000", "元", (0, 5), "5000元")
    >>> v2 = ExtractedValue("amount", "8000", "元", (0, 5), "8000元")
    >>> Contradiction("amount", "金额", Finding("a", "甲", v1), Finding("b", "乙", v2)).message
    '金额不一致：甲「5000元」与乙「8000元」'
    """

    kind: str
    kind_label: str
    first: Finding
    second: Finding

    @property
    def message(self) -> str:
        """A Chinese sentence naming both items and both values."""
        return (
            f"{self.kind_label}不一致：{self.first.item_label}「{self.first.value.text}」"
            f"与{self.second.item_label}「{self.second.value.text}」"
        )
