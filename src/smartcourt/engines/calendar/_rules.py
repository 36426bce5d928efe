"""Time-limit rules (审限, 执行期限, 立案审查期限) loaded from ``data/time_limits.json``, each with its sources.

>>> rule = time_limit_rule("civil_first_simple")
>>> (rule.name, rule.base.label, rule.legal_basis_text)
('民事一审简易程序审限', '3 个月', '《中华人民共和国民事诉讼法》第一百六十四条')
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from smartcourt.engines.calendar._data import load_json, phrase
from smartcourt.engines.calendar._periods import Period, ProceduralLaw
from smartcourt.engines.calendar.errors import RuleDataError, UnknownRuleError

__all__ = [
    "Approver",
    "Citation",
    "Exclusion",
    "ExtensionStep",
    "LegalSource",
    "TimeLimitRule",
    "citation_text",
    "time_limit_rule",
    "time_limit_rules",
]


class Approver(enum.Enum):
    """Who approves an extension of a time limit.

    >>> Approver.PRESIDENT.label
    '本院院长'
    """

    PRESIDENT = "president"
    HIGHER_COURT = "higher_court"
    HIGH_COURT = "high_court"
    SUPREME_COURT = "supreme_court"
    HIGH_COURT_RECORD = "high_court_record"

    @property
    def label(self) -> str:
        """The Chinese name of the approver."""
        return phrase("approver", self.value)

    @property
    def approval(self) -> str:
        """The Chinese approval phrase, e.g. ``经本院院长批准``."""
        return phrase("approval", self.value)


@dataclass(frozen=True, slots=True)
class LegalSource:
    """A legal document a rule comes from; ``in_shared`` is false when its text was not in ``../shared``.

    >>> time_limit_rule("enforcement").basis[1].source.in_shared
    False
    """

    key: str
    title: str
    short: str
    document_number: str
    revision: str
    effective: date
    in_shared: bool
    shared_path: str


@dataclass(frozen=True, slots=True)
class Citation:
    """One article of one legal source.

    >>> c = time_limit_rule("civil_first_ordinary").start_basis[0]
    >>> (c.short_text, c.full_text)
    ('法释〔2000〕29号第八条第一款', '《最高人民法院关于严格执行案件审理期限制度的若干规定》（法释〔2000〕29号）第八条第一款')
    """

    source: LegalSource
    article: str

    @property
    def short_text(self) -> str:
        """The 文号 (or the law's short name) and the article."""
        return f"{self.source.document_number or self.source.short}{self.article}"

    @property
    def full_text(self) -> str:
        """The full title, the 文号 where there is one, and the article."""
        number = f"（{self.source.document_number}）" if self.source.document_number else ""
        return f"《{self.source.title}》{number}{self.article}"


@dataclass(frozen=True, slots=True)
class ExtensionStep:
    """One tier of extension a rule allows: who approves it, how often and how long.

    ``None`` limits are not set by law.

    >>> step = time_limit_rule("civil_first_simple").extension_steps[0]
    >>> (step.approver, step.max_times, step.max_each)
    (<Approver.PRESIDENT: 'president'>, 1, Period(years=0, months=1, days=0))
    """

    approver: Approver
    max_times: int | None
    max_each: Period | None
    min_each: Period | None
    max_total: Period | None
    basis: tuple[Citation, ...]
    note: str


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A kind of period that does not count towards the time limit, with its basis.

    >>> time_limit_rule("civil_first_ordinary").exclusions[1].name
    '鉴定期间'
    """

    name: str
    basis: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class TimeLimitRule:
    """A statutory time limit of one procedure: its base period, start, extensions, cap and exclusions.

    >>> rule = time_limit_rule("administrative_simple")
    >>> (rule.base.label, rule.extension_steps, rule.law)
    ('45 日', (), <ProceduralLaw.ADMINISTRATIVE: 'administrative'>)
    """

    key: str
    name: str
    law: ProceduralLaw
    base: Period
    start_event: str
    start_basis: tuple[Citation, ...]
    basis: tuple[Citation, ...]
    effective_from: date
    extension_steps: tuple[ExtensionStep, ...]
    cap: Period | None
    cap_basis: tuple[Citation, ...]
    exclusions: tuple[Exclusion, ...]
    notes: str

    @property
    def legal_basis_text(self) -> str:
        """The rule's legal basis in full, articles joined by ``、``."""
        return "、".join(c.full_text for c in self.basis)


@cache
def _sources() -> dict[str, LegalSource]:
    raw = load_json("time_limits.json")["sources"]
    return {
        key: LegalSource(
            key=key,
            title=str(item["title"]),
            short=str(item["short"]),
            document_number=str(item["document_number"]),
            revision=str(item["revision"]),
            effective=date.fromisoformat(item["effective"]),
            in_shared=bool(item["in_shared"]),
            shared_path=str(item["shared_path"]),
        )
        for key, item in raw.items()
    }


def _citations(pairs: Iterable[Sequence[str]]) -> tuple[Citation, ...]:
    sources = _sources()
    result = []
    for pair in pairs:
        key, article = pair
        if key not in sources:
            raise RuleDataError(reason=f"time_limits.json: unknown source {key!r}")
        result.append(Citation(sources[key], article))
    return tuple(result)


def citation_text(pairs: Iterable[Sequence[str]]) -> str:
    """Short citations of ``[source key, article]`` pairs joined by ``、``.

    >>> citation_text([["CPL", "第八十五条第二款"], ["CPL_INTERP", "第一百二十五条"]])
    '民事诉讼法第八十五条第二款、法释〔2022〕11号第一百二十五条'
    """
    return "、".join(c.short_text for c in _citations(pairs))


def _optional_period(value: Any) -> Period | None:
    return None if value is None else Period.from_mapping(value)


def _parse_rule(item: dict[str, Any]) -> TimeLimitRule:
    steps = tuple(
        ExtensionStep(
            approver=Approver(step["approver"]),
            max_times=step["max_times"],
            max_each=_optional_period(step.get("max_each")),
            min_each=_optional_period(step.get("min_each")),
            max_total=_optional_period(step.get("max_total")),
            basis=_citations(step["basis"]),
            note=str(step.get("note", "")),
        )
        for step in item["extension_steps"]
    )
    return TimeLimitRule(
        key=str(item["key"]),
        name=str(item["name"]),
        law=ProceduralLaw(item["law"]),
        base=Period.from_mapping(item["base"]),
        start_event=str(item["start"]["event"]),
        start_basis=_citations(item["start"]["basis"]),
        basis=_citations(item["basis"]),
        effective_from=date.fromisoformat(item["effective_from"]),
        extension_steps=steps,
        cap=_optional_period(item.get("cap")),
        cap_basis=_citations(item.get("cap_basis", [])),
        exclusions=tuple(Exclusion(str(e["name"]), _citations(e["basis"])) for e in item["exclusions"]),
        notes=str(item.get("notes", "")),
    )


@cache
def _rules() -> dict[str, TimeLimitRule]:
    rules: dict[str, TimeLimitRule] = {}
    for item in load_json("time_limits.json")["rules"]:
        try:
            rule = _parse_rule(item)
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, RuleDataError):
                raise
            raise RuleDataError(reason=f"time_limits.json: rule {item.get('key')!r}: {exc}") from exc
        if rule.key in rules:
            raise RuleDataError(reason=f"time_limits.json: duplicate rule {rule.key!r}")
        if rule.base.is_zero:
            raise RuleDataError(reason=f"time_limits.json: rule {rule.key!r} has an empty base period")
        rules[rule.key] = rule
    return rules


def time_limit_rule(key: str) -> TimeLimitRule:
    """The rule with ``key``; an unknown key raises ``UnknownRuleError``.

    >>> time_limit_rule("criminal_fast_track").base.label
    '10 日'
    """
    try:
        return _rules()[key]
    except KeyError:
        raise UnknownRuleError(rule_key=key) from None


def time_limit_rules() -> tuple[TimeLimitRule, ...]:
    """Every rule, in the order of the data file.

    >>> time_limit_rules()[0].key
    'civil_first_ordinary'
    """
    return tuple(_rules().values())
