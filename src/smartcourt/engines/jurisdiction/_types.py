"""Value types of the jurisdiction engine."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

__all__ = [
    "CaseCategory",
    "Cause",
    "CompetentCourt",
    "CourtLevel",
    "CourtRef",
    "Ground",
    "JurisdictionAssessment",
    "JurisdictionRequest",
    "LevelDecision",
    "Party",
]

_LEVEL_LABELS = {
    "BASIC": "基层人民法院",
    "INTERMEDIATE": "中级人民法院",
    "HIGH": "高级人民法院",
    "SUPREME": "最高人民法院",
}
_LEVEL_RANK = {"BASIC": 0, "INTERMEDIATE": 1, "HIGH": 2, "SUPREME": 3}


class CaseCategory(enum.Enum):
    """The kind of filing whose jurisdiction is judged.

    >>> CaseCategory("enforcement").label
    '申请执行'
    """

    CIVIL_FIRST = "civil_first"
    ENFORCEMENT = "enforcement"
    ADMINISTRATIVE_FIRST = "administrative_first"

    @property
    def label(self) -> str:
        """The Chinese name."""
        return {"civil_first": "民事一审", "enforcement": "申请执行", "administrative_first": "行政一审"}[
            self.value
        ]


class Cause(enum.Enum):
    """Causes with their own connecting points (民事诉讼法第二十四条至第三十四条); ``GENERAL`` uses 第二十二条.

    >>> Cause.REAL_ESTATE.label
    '不动产纠纷'
    """

    GENERAL = "general"
    CONTRACT = "contract"
    INSURANCE = "insurance"
    BILL = "bill"
    COMPANY = "company"
    TRANSPORT_CONTRACT = "transport_contract"
    TORT = "tort"
    TRAFFIC_ACCIDENT = "traffic_accident"
    REAL_ESTATE = "real_estate"
    INHERITANCE = "inheritance"
    PORT_OPERATION = "port_operation"

    @property
    def label(self) -> str:
        """The Chinese name."""
        return {
            "general": "一般民事纠纷",
            "contract": "合同纠纷",
            "insurance": "保险合同纠纷",
            "bill": "票据纠纷",
            "company": "公司设立、确认股东资格、分配利润、解散等纠纷",
            "transport_contract": "运输合同纠纷",
            "tort": "侵权纠纷",
            "traffic_accident": "交通事故损害赔偿纠纷",
            "real_estate": "不动产纠纷",
            "inheritance": "继承遗产纠纷",
            "port_operation": "港口作业纠纷",
        }[self.value]


class CourtLevel(enum.Enum):
    """A court's level; the values are those of ``apps.courts.models.CourtLevel``.

    >>> CourtLevel.INTERMEDIATE.label, CourtLevel.HIGH > CourtLevel.BASIC
    ('中级人民法院', True)
    """

    BASIC = "BASIC"
    INTERMEDIATE = "INTERMEDIATE"
    HIGH = "HIGH"
    SUPREME = "SUPREME"

    @property
    def label(self) -> str:
        """The Chinese name."""
        return _LEVEL_LABELS[self.value]

    @property
    def rank(self) -> int:
        """0 for basic up to 3 for the Supreme People's Court."""
        return _LEVEL_RANK[self.value]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, CourtLevel):
            return NotImplemented
        return self.rank < other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, CourtLevel):
            return NotImplemented
        return self.rank > other.rank


@dataclass(frozen=True, slots=True)
class CourtRef:
    """A court by level and the division code of its seat; ``territory`` lists the codes it covers.

    With no ``territory`` the area is derived from the code: a basic court covers its own county-level code,
    an intermediate court every code with the same first four digits (the prefecture), a high court the same
    first two (the province), the Supreme People's Court everything. Courts whose area differs (several
    intermediate courts in one municipality, railway or internet courts) pass ``territory``: county codes,
    or prefixes written as ``XXXX00`` / ``XX0000``.

    >>> court = CourtRef(CourtLevel.INTERMEDIATE, "440300")
    >>> court.covers("440305"), court.covers("440106")
    (True, False)
    >>> CourtRef(CourtLevel.BASIC, "110105", territory=frozenset({"110105", "110106"})).covers("110106")
    True
    """

    level: CourtLevel
    division_code: str
    territory: frozenset[str] = frozenset()
    name: str = ""

    def covers(self, code: str) -> bool:
        """Whether the place with this division code lies in the court's area."""
        if self.territory:
            return any(_within(code, area) for area in self.territory)
        if self.level is CourtLevel.SUPREME:
            return True
        if self.level is CourtLevel.HIGH:
            return code[:2] == self.division_code[:2]
        if self.level is CourtLevel.INTERMEDIATE:
            return code[:4] == self.division_code[:4]
        return code == self.division_code


def _within(code: str, area: str) -> bool:
    if area.endswith("0000"):
        return code[:2] == area[:2]
    if area.endswith("00"):
        return code[:4] == area[:4]
    return code == area


@dataclass(frozen=True, slots=True)
class Party:
    """A party with the division code of its domicile (住所地, 民诉法解释第三条) and habitual residence.

    >>> Party("某公司", "440305", is_natural_person=False).domicile
    '440305'
    """

    name: str
    domicile: str
    habitual_residence: str | None = None
    is_natural_person: bool = True


@dataclass(frozen=True, slots=True)
class JurisdictionRequest:
    """The facts a filing gives for judging jurisdiction; places are 6-digit GB/T 2260 division codes.

    >>> request = JurisdictionRequest(
    ...     CaseCategory.CIVIL_FIRST, CourtRef(CourtLevel.BASIC, "110105"),
    ...     defendants=(Party("被告甲", "110105"),), claim_amount=Decimal("50000"))
    >>> request.cause.value
    'general'
    """

    category: CaseCategory
    chosen_court: CourtRef
    plaintiffs: tuple[Party, ...] = ()
    defendants: tuple[Party, ...] = ()
    cause: Cause = Cause.GENERAL
    claim_amount: Decimal | None = None
    filed_on: date | None = None
    performance_place: str | None = None
    signing_place: str | None = None
    tort_place: str | None = None
    accident_place: str | None = None
    property_place: str | None = None
    decedent_domicile: str | None = None
    company_place: str | None = None
    payment_place: str | None = None
    transport_places: tuple[str, ...] = ()
    agreed_court_place: str | None = None
    first_instance_court: CourtRef | None = None
    enforcing_judgment: bool = True
    arbitral_award: bool = False
    original_organ_place: str | None = None
    reconsideration_organ_place: str | None = None
    restricts_personal_freedom: bool = False
    defendant_is_state_council_dept_or_county_gov: bool = False
    customs_case: bool = False
    foreign_related: bool = False


@dataclass(frozen=True, slots=True)
class Ground:
    """One reason, in Chinese, with the article it rests on; ``verified`` is False for rules from memory.

    >>> Ground("general_domicile", "被告住所地人民法院有管辖权", "《民事诉讼法》（2023年修正）第二十二条第一款").verified
    True
    """

    code: str
    message: str
    basis: str
    division_code: str | None = None
    exclusive: bool = False
    verified: bool = True


@dataclass(frozen=True, slots=True)
class CompetentCourt:
    """A court (by level and the division code of its area) that has jurisdiction, with why.

    >>> CompetentCourt(CourtLevel.BASIC, "110105", ()).level.label
    '基层人民法院'
    """

    level: CourtLevel
    division_code: str
    grounds: tuple[Ground, ...]


@dataclass(frozen=True, slots=True)
class LevelDecision:
    """The level that hears the case at first instance (or enforces), with why.

    >>> LevelDecision(CourtLevel.BASIC, ()).level.value
    'BASIC'
    """

    level: CourtLevel
    grounds: tuple[Ground, ...]


@dataclass(frozen=True, slots=True)
class JurisdictionAssessment:
    """Whether the chosen court is competent, the competent courts, and every reason with its article.

    >>> JurisdictionAssessment(True, True, True, CourtLevel.BASIC, (), ()).competent
    True
    """

    competent: bool
    territorial_ok: bool
    level_ok: bool
    required_level: CourtLevel
    competent_courts: tuple[CompetentCourt, ...]
    reasons: tuple[Ground, ...]
