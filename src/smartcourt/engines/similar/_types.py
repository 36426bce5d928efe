"""Value types of the similar-case engine: case profiles in, ranked neighbours, deviation checks and class-case
report data out."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Feature:
    """A legal feature found in a text: a key element (要素) or a sentencing circumstance (情节), with its span.

    ``kind`` is a machine id (``"surrender"``, ``"home_invasion"``, ``"loan"``); ``label`` its Chinese name;
    ``span`` is ``None`` when the feature was given by the caller rather than found in the text.

    >>> Feature("surrender", "自首", (3, 7), "主动投案").label
    '自首'
    """

    kind: str
    label: str
    span: Span | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class CaseProfile:
    """The legal profile of a case's facts: what a judge compares when calling two cases alike.

    ``charges`` (criminal, without 罪) or ``cause`` (civil/administrative 案由); ``charge_source`` says where
    the charges come from: ``"record"`` (given by the case record or the judgment), ``"predicted"`` (the
    sentencing engine's prediction on the facts) or ``""`` (none). ``elements`` are key facts,
    ``circumstances`` sentencing circumstances, ``amount`` the main sum in yuan, ``articles`` the cited
    articles as ``"刑法第264条"``.

    >>> CaseProfile(text="…", charges=("盗窃",), charge_source="record").primary_charge
    '盗窃'
    """

    text: str
    charges: tuple[str, ...] = ()
    charge_source: str = ""
    cause: str = ""
    category: str = ""
    elements: tuple[Feature, ...] = ()
    circumstances: tuple[Feature, ...] = ()
    amount: Decimal | None = None
    amount_span: Span | None = None
    articles: tuple[str, ...] = ()
    guideline_months: int | None = None
    paragraph: str = ""

    @property
    def primary_charge(self) -> str:
        """The first charge, or ``""``.

        >>> CaseProfile(text="").primary_charge
        ''
        """
        return self.charges[0] if self.charges else ""

    @property
    def element_kinds(self) -> frozenset[str]:
        """The kinds of the key elements.

        >>> sorted(CaseProfile(text="", elements=(Feature("armed", "持凶器"),)).element_kinds)
        ['armed']
        """
        return frozenset(f.kind for f in self.elements)

    @property
    def circumstance_kinds(self) -> frozenset[str]:
        """The kinds of the circumstances.

        >>> sorted(CaseProfile(text="", circumstances=(Feature("surrender", "自首"),)).circumstance_kinds)
        ['surrender']
        """
        return frozenset(f.kind for f in self.circumstances)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A judgment that may be similar: its id, profile and what the caller knows about it.

    ``lexical`` is a relevance score from a search engine (any scale, higher is better; ``None``: the engine
    computes its own); ``outcome`` the figure compared by the deviation check (months of the sentence, the
    award in yuan, a cost ratio); ``reasoning`` the 本院认为 text for the class-case report; ``guiding`` marks
    guiding and typical cases (指导性案例、典型案例).

    >>> Candidate("j1", CaseProfile(text="盗窃"), outcome=12.0).outcome
    12.0
    """

    id: str
    profile: CaseProfile
    lexical: float | None = None
    title: str = ""
    outcome: float | None = None
    reasoning: str = ""
    guiding: bool = False


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a neighbour is similar: a shared charge or cause, element, circumstance, amount band, or a passage.

    ``query_span`` points into the query's facts, ``candidate_span`` into the candidate's facts (``None`` when
    the feature was given rather than found).

    >>> Reason("charge", "同罪名：盗窃").kind
    'charge'
    """

    kind: str
    label: str
    query_span: Span | None = None
    candidate_span: Span | None = None
    query_text: str = ""
    candidate_text: str = ""
    weight: float = 0.0


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A ranked similar case: the candidate, its scores (0–1) and the reasons.

    ``score`` = the lexical part + the legal part (see :func:`rank_similar`).

    >>> n = Neighbour(Candidate("j1", CaseProfile(text="")), 0.7, 0.2, 0.5, ())
    >>> n.candidate.id, n.score
    ('j1', 0.7)
    """

    candidate: Candidate
    score: float
    lexical: float
    legal: float
    reasons: tuple[Reason, ...]
    guiding_first: bool = False


@dataclass(frozen=True, slots=True)
class Bin:
    """One bar of a histogram: ``low <= value < high`` (the last bar includes ``high``).

    >>> Bin(0.0, 12.0, 3).count
    3
    """

    low: float
    high: float
    count: int


@dataclass(frozen=True, slots=True)
class Distribution:
    """The distribution of outcomes among similar cases (quantiles by linear interpolation).

    >>> Distribution(3, 1.0, 1.2, 1.5, 2.0, 2.5, 2.8, 3.0, 2.0, ()).median
    2.0
    """

    n: int
    minimum: float
    p10: float
    p25: float
    median: float
    p75: float
    p90: float
    maximum: float
    mean: float
    bins: tuple[Bin, ...]


@dataclass(frozen=True, slots=True)
class DeviationCheck:
    """A draft outcome against the similar cases' outcomes.

    ``percentile`` is the draft's percent rank (0–100, ties count half); ``low``/``high`` the bounds of the
    usual range (10th and 90th percentiles by default); ``direction`` is ``"below"``, ``"above"`` or
    ``"within"``; ``warn`` is true outside the range; ``message`` says so in Chinese.

    >>> DeviationCheck(30.0, 95.0, 6.0, 24.0, True, "above", "", None).warn
    True
    """

    draft: float
    percentile: float
    low: float
    high: float
    warn: bool
    direction: str
    message: str
    distribution: Distribution | None


@dataclass(frozen=True, slots=True)
class Counted:
    """An item of a class-case report with how many neighbours share it and which.

    >>> Counted("刑法第264条", 3, ("j1", "j2", "j5")).count
    3
    """

    label: str
    count: int
    ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClassCaseReport:
    """Data of a class-case report (类案分析报告) over the neighbours of one case.

    >>> ClassCaseReport(0, None, (), (), (), (), ()).n
    0
    """

    n: int
    outcomes: Distribution | None
    charges: tuple[Counted, ...]
    circumstances: tuple[Counted, ...]
    elements: tuple[Counted, ...]
    articles: tuple[Counted, ...]
    reasoning: tuple[Counted, ...]
