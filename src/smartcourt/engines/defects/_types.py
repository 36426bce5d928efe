"""The value types of the defect checker."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class DefectKind(StrEnum):
    CASE_NUMBER = "case_number"
    PARTY = "party"
    AMOUNT = "amount"
    DATE = "date"
    PERIOD = "period"
    CITATION = "citation"
    SECTION = "section"
    OPERATIVE = "operative"
    TYPO = "typo"

    @property
    def label(self) -> str:
        """The kind in Chinese, as the UI shows it.

        >>> DefectKind.TYPO.label, DefectKind.CITATION.label
        ('别字', '引用')
        """
        return _KIND_LABELS[self]


class Severity(StrEnum):
    ERROR = "error"  # the document is wrong as it stands
    WARNING = "warning"  # very likely wrong; a person should look
    HINT = "hint"  # worth a look; often legitimate

    @property
    def label(self) -> str:
        """The severity in Chinese (the words the filing checks use: 注意, 提示).

        >>> Severity.ERROR.label, Severity.WARNING.label, Severity.HINT.label
        ('错误', '注意', '提示')
        """
        return _SEVERITY_LABELS[self]


_KIND_LABELS = {
    DefectKind.CASE_NUMBER: "案号",
    DefectKind.PARTY: "当事人",
    DefectKind.AMOUNT: "金额",
    DefectKind.DATE: "日期",
    DefectKind.PERIOD: "期限",
    DefectKind.CITATION: "引用",
    DefectKind.SECTION: "文书结构",
    DefectKind.OPERATIVE: "判项",
    DefectKind.TYPO: "别字",
}
_SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "注意", Severity.HINT: "提示"}


@dataclass(frozen=True)
class Party:
    """A party as the case record knows it: the name and the role word used in documents (原告, 被告人 …)."""

    name: str
    role: str


@dataclass(frozen=True)
class DocumentContext:
    """What the case record says, to check the document against; every field is optional."""

    case_number: str | None = None
    judgment_date: date | None = None
    parties: tuple[Party, ...] = ()


@dataclass(frozen=True)
class Defect:
    """One defect: where (paragraph index, character offsets in it), what, by which rule, and the fix.

    ``suggestion`` replaces ``paragraph[start:end]`` when the fix is mechanical (None when a person must decide).
    """

    kind: DefectKind
    severity: Severity
    paragraph: int
    start: int
    end: int
    text: str
    message: str
    rule: str
    suggestion: str | None = None
    detail: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """The defect as plain JSON-ready data (``smartcourt check-document`` prints this)."""
        return {
            "kind": self.kind.value,
            "severity": self.severity.value,
            "location": {"paragraph": self.paragraph, "start": self.start, "end": self.end},
            "text": self.text,
            "message": self.message,
            "rule": self.rule,
            "suggestion": self.suggestion,
            **({"detail": self.detail} if self.detail else {}),
        }
