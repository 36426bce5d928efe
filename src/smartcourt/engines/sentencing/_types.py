"""Value types of the sentencing engine: facts and circumstances in, a traced recommendation out."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Circumstance:
    """A sentencing circumstance (量刑情节) by its rule id, with the text that shows it.

    ``kind`` is a key of ``data/guideline.json`` (``"surrender"`` 自首, ``"accessory"`` 从犯 …);
    ``percent``, when set, is the judge's chosen adjustment inside the guideline's range instead of the
    engine's default point.

    >>> Circumstance("surrender", (12, 16), "主动投案").kind
    'surrender'
    """

    kind: str
    span: Span | None = None
    text: str = ""
    percent: Decimal | None = None


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """The facts that fix the starting point and the baseline of one charge.

    ``amount`` is in yuan, ``drug_grams`` in grams, ``blood_alcohol`` in mg/100ml; ``injury`` is one of
    ``minor`` (轻微伤), ``light_2``, ``light_1``, ``serious_2``, ``serious_1``; ``flags`` name the facts that
    decide a statutory paragraph (``"home_invasion"`` 入户, ``"hit_and_run"`` 逃逸, ``"serious"`` 情节严重 as
    found by the judge …); ``tier`` (1-based) lets the judge fix the paragraph directly; ``spans`` maps a
    fact's name to where the text states it; ``year`` is the year of trial (or the latest year the facts
    name), which picks the amount standards of the judicial interpretation then in force.

    >>> CaseFacts("盗窃", amount=Decimal("5000")).amount
    Decimal('5000')
    """

    charge: str
    amount: Decimal | None = None
    count: int | None = None
    injury: str | None = None
    injured: int = 1
    deaths: int = 0
    serious_injuries: int = 0
    victims: int = 1
    drug: str | None = None
    drug_grams: Decimal | None = None
    blood_alcohol: Decimal | None = None
    flags: frozenset[str] = frozenset()
    tier: int | None = None
    province: str | None = None
    spans: tuple[tuple[str, Span], ...] = ()
    year: int | None = None

    def span_of(self, name: str) -> Span | None:
        """Where the text states the fact ``name``, if known.

        >>> CaseFacts("盗窃", spans=(("amount", (3, 9)),)).span_of("amount")
        (3, 9)
        """
        for key, span in self.spans:
            if key == name:
                return span
        return None


@dataclass(frozen=True, slots=True)
class SentenceRange:
    """A closed range of months.

    >>> SentenceRange(6, 12).contains(9)
    True
    """

    low: int
    high: int

    def contains(self, months: int) -> bool:
        """Whether ``low <= months <= high``."""
        return self.low <= months <= self.high


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the computation with the rule it applies and the months after it.

    ``low``/``point``/``high`` are the running figures (months, unrounded) after the step; ``span`` and
    ``text`` show the circumstance or fact the step used.

    >>> Step("starting_point", "四、（十一）1（1）", "量刑起点", Decimal(1), Decimal(5), Decimal(12)).point
    Decimal('5')
    """

    stage: str
    rule: str
    description: str
    low: Decimal
    point: Decimal
    high: Decimal
    span: Span | None = None
    text: str = ""
    percent: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ProbationAssessment:
    """Whether 缓刑 may be considered (刑法第七十二条, 第七十四条); the judge decides the conditions.

    >>> ProbationAssessment(True, False, ("宣告刑不超过三年有期徒刑",)).eligible
    True
    """

    eligible: bool
    mandatory_if_conditions_met: bool
    reasons: tuple[str, ...]
    rule: str = "刑法第七十二条、第七十四条"


@dataclass(frozen=True, slots=True)
class FineRange:
    """A fine range in yuan with its rule.

    >>> FineRange(Decimal(1000), Decimal(10000), "四、（十一）3").high
    Decimal('10000')
    """

    low: Decimal
    high: Decimal
    rule: str


@dataclass(frozen=True, slots=True)
class Recommendation:
    """The sentencing recommendation for one charge: a range and a point in months, and every step.

    >>> r = Recommendation("盗窃", "刑法第二百六十四条", "前段", SentenceRange(1, 36), SentenceRange(1, 12),
    ...                    Decimal(5), SentenceRange(3, 9), 5, "拘役五个月", ())
    >>> r.point, r.range.contains(r.point)
    (5, True)
    """

    charge: str
    article: str
    paragraph: str
    statutory: SentenceRange
    starting_point: SentenceRange
    baseline: Decimal
    range: SentenceRange
    point: int
    declared: str
    steps: tuple[Step, ...]
    probation: ProbationAssessment | None = None
    fine: FineRange | None = None
    notes: tuple[str, ...] = field(default=())
