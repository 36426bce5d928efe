"""Territorial (地域管辖) and level (级别管辖) jurisdiction of a filing, each reason with its article."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from typing import Any

from smartcourt.engines.jurisdiction._types import (
    CaseCategory,
    Cause,
    CompetentCourt,
    CourtLevel,
    CourtRef,  # noqa: F401 — the doctests use it
    Ground,
    JurisdictionAssessment,
    JurisdictionRequest,
    LevelDecision,
    Party,
)
from smartcourt.engines.jurisdiction.errors import InvalidAmountError, MissingFactError, UnknownDivisionError
from smartcourt.engines.validation import get_division

__all__ = ["LevelThreshold", "assess_jurisdiction", "level_thresholds", "required_level"]

_AGREEMENT_CAUSES = frozenset(
    {Cause.GENERAL, Cause.CONTRACT, Cause.INSURANCE, Cause.BILL, Cause.TRANSPORT_CONTRACT, Cause.TORT}
)
_WAN = Decimal(10000)


@cache
def _rules() -> dict[str, Any]:
    text = (
        resources.files("smartcourt.engines.jurisdiction").joinpath("data", "rules.json").read_text("utf-8")
    )
    rules: dict[str, Any] = json.loads(text)
    return rules


def _cite(source: str, article: str) -> tuple[str, bool]:
    info = _rules()["sources"][source]
    return f"{info['short']}{article}", bool(info["verified"])


def _ground(
    code: str, message: str, source: str, article: str, *, place: str | None = None, exclusive: bool = False
) -> Ground:
    basis, verified = _cite(source, article)
    if not verified:
        basis += "（未核对）"
    return Ground(code, message, basis, place, exclusive, verified)


def _place(code: str) -> str:
    division = get_division(code)
    return f"{division.name}（{code}）" if division is not None else code


def _check(code: str | None, field: str) -> str | None:
    if code is None:
        return None
    if len(code) != 6 or not code.isdigit() or get_division(code) is None:
        raise UnknownDivisionError(field=field, value=code)
    return code


def _yuan(amount: Decimal) -> str:
    if amount >= 100_000_000:
        return f"{amount / 100_000_000:g}亿元"
    if amount >= _WAN:
        return f"{amount / _WAN:g}万元"
    return f"{amount:g}元"


# ------------------------------------------------------------------------------------------- thresholds


@dataclass(frozen=True, slots=True)
class LevelThreshold:
    """One level-jurisdiction threshold from ``data/rules.json``.

    >>> [t.key for t in level_thresholds() if t.scope == "domestic"]
    ['civil_high', 'civil_intermediate_same_province', 'civil_intermediate_cross_province']
    """

    key: str
    scope: str
    level: CourtLevel
    min_amount: Decimal
    when: str
    provinces: frozenset[str]
    effective_from: date
    source: str
    article: str


@cache
def level_thresholds() -> tuple[LevelThreshold, ...]:
    """The thresholds (configurable data), highest level first.

    >>> high = level_thresholds()[0]
    >>> (high.level.value, high.min_amount)
    ('HIGH', Decimal('5000000000'))
    """
    return tuple(
        LevelThreshold(
            key=item["key"],
            scope=item["scope"],
            level=CourtLevel(item["level"]),
            min_amount=Decimal(item["min_amount"]),
            when=item["when"],
            provinces=frozenset(item.get("provinces", ())),
            effective_from=date.fromisoformat(item["effective_from"]),
            source=item["source"],
            article=item["article"],
        )
        for item in _rules()["level_thresholds"]
    )


def _amount(request: JurisdictionRequest) -> Decimal | None:
    raw: object = request.claim_amount
    if raw is None:
        return None
    try:
        amount = raw if isinstance(raw, Decimal) else Decimal(str(raw))  # ints and strings from callers
        if not amount.is_finite() or amount < 0:
            raise InvalidAmountError(field="claim_amount", value=str(amount))
    except InvalidOperation as exc:
        raise InvalidAmountError(field="claim_amount", value=str(raw)) from exc
    return amount


def _civil_level(request: JurisdictionRequest, province: str) -> LevelDecision:
    scope = "foreign" if request.foreign_related else "domestic"
    amount = _amount(request)
    parties = [party.domicile[:2] for party in (*request.plaintiffs, *request.defendants)]
    inside = [code == province for code in parties]
    same = all(inside) or not any(inside)
    if amount is not None:
        for threshold in level_thresholds():
            if threshold.scope != scope or amount < threshold.min_amount:
                continue
            if request.filed_on is not None and request.filed_on < threshold.effective_from:
                continue
            if threshold.provinces and province not in threshold.provinces:
                continue
            if threshold.when == "same_province" and not same:
                continue
            if threshold.when == "cross_province" and same:
                continue
            where = {
                "same_province": "当事人住所地均在或者均不在受理法院所在省级行政辖区，",
                "cross_province": "一方当事人住所地不在受理法院所在省级行政辖区，",
            }.get(threshold.when, "")
            message = (
                f"{where}诉讼标的额{_yuan(amount)}达到{_yuan(threshold.min_amount)}，"
                f"第一审由{threshold.level.label}管辖"
            )
            return LevelDecision(
                threshold.level,
                (_ground(f"level_{threshold.key}", message, threshold.source, threshold.article),),
            )
    if scope == "foreign":
        ground = _ground(
            "level_basic",
            "涉外民商事案件未达中级人民法院管辖标准，由基层人民法院管辖",
            "FOREIGN_2022",
            "第一条",
        )
    else:
        below = f"诉讼标的额{_yuan(amount)}未达中级人民法院管辖标准，" if amount is not None else ""
        ground = _ground("level_basic", f"{below}第一审民事案件由基层人民法院管辖", "CPL", "第十八条")
    notes = (
        _ground(
            "level_discretion",
            "重大涉外案件、在本辖区有重大影响的案件等可由上级法院管辖，需立案人员结合案情判断",
            "CPL",
            "第十九条、第二十条",
        ),
    )
    return LevelDecision(CourtLevel.BASIC, (ground, *notes))


def _administrative_level(request: JurisdictionRequest) -> LevelDecision:
    if request.defendant_is_state_council_dept_or_county_gov:
        ground = _ground(
            "level_admin_government",
            "对国务院部门或者县级以上地方人民政府所作的行政行为提起诉讼，由中级人民法院管辖",
            "APL",
            "第十五条第一项",
        )
        return LevelDecision(CourtLevel.INTERMEDIATE, (ground,))
    if request.customs_case:
        ground = _ground("level_admin_customs", "海关处理的案件由中级人民法院管辖", "APL", "第十五条第二项")
        return LevelDecision(CourtLevel.INTERMEDIATE, (ground,))
    ground = _ground("level_basic", "基层人民法院管辖第一审行政案件", "APL", "第十四条")
    return LevelDecision(CourtLevel.BASIC, (ground,))


def _enforcement_level(request: JurisdictionRequest) -> LevelDecision:
    if request.enforcing_judgment:
        first = request.first_instance_court
        if first is None:
            raise MissingFactError(field="first_instance_court", fact="第一审人民法院")
        message = f"生效裁判由第一审人民法院或者与其同级的被执行财产所在地人民法院执行（{first.level.label}）"
        return LevelDecision(
            first.level, (_ground("level_enforcement_judgment", message, "CPL", "第二百三十五条第一款"),)
        )
    if request.arbitral_award:
        message = "申请执行仲裁裁决，由被执行人住所地或者被执行的财产所在地的中级人民法院管辖"
        return LevelDecision(
            CourtLevel.INTERMEDIATE,
            (_ground("level_enforcement_arbitral", message, "ENF_ARBITRATION", "第二条"),),
        )
    message = "其他法律文书（如公证债权文书）由被执行人住所地或者被执行的财产所在地人民法院执行，一般由基层人民法院执行"
    return LevelDecision(
        CourtLevel.BASIC, (_ground("level_enforcement_other", message, "CPL", "第二百三十五条第二款"),)
    )


def _level_for(request: JurisdictionRequest, province: str) -> LevelDecision:
    if request.category is CaseCategory.ADMINISTRATIVE_FIRST:
        return _administrative_level(request)
    if request.category is CaseCategory.ENFORCEMENT:
        return _enforcement_level(request)
    return _civil_level(request, province)


def required_level(request: JurisdictionRequest) -> LevelDecision:
    """The level that hears the case at first instance (or enforces it) at the chosen court's province.

    Civil thresholds are data (``data/rules.json``): 法发〔2021〕27号 (unverified, not in the corpus) for
    domestic cases, 法释〔2022〕18号 第二条、第三条 for foreign-related ones; administrative cases by
    行政诉讼法第十四条、第十五条; enforcement by 民事诉讼法第二百三十五条. A threshold is applied only to
    filings on or after its effective date when ``filed_on`` is given; earlier standards are not in the data.

    >>> from decimal import Decimal
    >>> court = CourtRef(CourtLevel.BASIC, "110105")
    >>> request = JurisdictionRequest(
    ...     CaseCategory.CIVIL_FIRST, court,
    ...     plaintiffs=(Party("原告甲", "110105"),), defendants=(Party("被告乙", "310104"),),
    ...     claim_amount=Decimal("150000000"))
    >>> decision = required_level(request)
    >>> decision.level.value, decision.grounds[0].message
    ('INTERMEDIATE', '一方当事人住所地不在受理法院所在省级行政辖区，诉讼标的额1.5亿元达到1亿元，第一审由中级人民法院管辖')
    """
    _validate(request)
    return _level_for(request, request.chosen_court.division_code[:2])


# ---------------------------------------------------------------------------------------- territorial


def _domicile_of(party: Party, field: str) -> tuple[str, str, str]:
    """(place, label, article) of a defendant's general forum (民事诉讼法第二十二条)."""
    if party.is_natural_person:
        if party.habitual_residence and party.habitual_residence != party.domicile:
            return party.habitual_residence, "经常居住地", "第二十二条第一款"
        return party.domicile, "住所地", "第二十二条第一款"
    return party.domicile, "住所地", "第二十二条第二款"


def _defendant_grounds(request: JurisdictionRequest, source: str = "CPL") -> list[Ground]:
    if not request.defendants:
        raise MissingFactError(field="defendants", fact="被告及其住所地")
    grounds = []
    for party in request.defendants:
        place, label, article = _domicile_of(party, "defendants")
        message = f"被告{party.name}的{label}{_place(place)}人民法院有管辖权"
        grounds.append(_ground("defendant_domicile", message, source, article, place=place))
    if len({ground.division_code for ground in grounds}) > 1:
        grounds.append(
            _ground(
                "several_defendants",
                "几个被告住所地、经常居住地在两个以上人民法院辖区的，各该人民法院都有管辖权",
                source,
                "第二十二条第三款",
            )
        )
    return grounds


def _special(request: JurisdictionRequest) -> list[Ground]:
    cause = request.cause
    grounds: list[Ground] = []

    def add(place: str | None, code: str, message: str, article: str, source: str = "CPL") -> None:
        if place is not None:
            grounds.append(_ground(code, message.format(place=_place(place)), source, article, place=place))

    if cause is Cause.CONTRACT:
        add(request.performance_place, "performance_place", "合同履行地{place}人民法院有管辖权", "第二十四条")
    elif cause is Cause.INSURANCE:
        add(
            request.property_place,
            "insured_property_place",
            "保险标的物所在地{place}人民法院有管辖权",
            "第二十五条",
        )
    elif cause is Cause.BILL:
        add(request.payment_place, "payment_place", "票据支付地{place}人民法院有管辖权", "第二十六条")
    elif cause is Cause.TRANSPORT_CONTRACT:
        for place in request.transport_places:
            add(place, "transport_place", "运输始发地或者目的地{place}人民法院有管辖权", "第二十八条")
    elif cause is Cause.TORT:
        add(
            request.tort_place,
            "tort_place",
            "侵权行为地（包括实施地、结果发生地）{place}人民法院有管辖权",
            "第二十九条",
        )
    elif cause is Cause.TRAFFIC_ACCIDENT:
        add(
            request.accident_place,
            "accident_place",
            "事故发生地或者车辆最先到达地{place}人民法院有管辖权",
            "第三十条",
        )
    return grounds


def _exclusive(request: JurisdictionRequest) -> list[Ground] | None:
    cause = request.cause
    administrative = request.category is CaseCategory.ADMINISTRATIVE_FIRST
    if cause is Cause.REAL_ESTATE:
        if request.property_place is None:
            raise MissingFactError(field="property_place", fact="不动产所在地")
        if administrative:
            message = f"因不动产提起的行政诉讼，由不动产所在地{_place(request.property_place)}人民法院管辖"
            return [
                _ground(
                    "real_estate", message, "APL", "第二十条", place=request.property_place, exclusive=True
                )
            ]
        message = f"不动产纠纷由不动产所在地{_place(request.property_place)}人民法院专属管辖"
        return [
            _ground(
                "real_estate",
                message,
                "CPL",
                "第三十四条第一项",
                place=request.property_place,
                exclusive=True,
            )
        ]
    if administrative:
        return None
    if cause is Cause.PORT_OPERATION:
        if request.property_place is None:
            raise MissingFactError(field="property_place", fact="港口所在地")
        message = f"港口作业纠纷由港口所在地{_place(request.property_place)}人民法院专属管辖"
        return [
            _ground("port", message, "CPL", "第三十四条第二项", place=request.property_place, exclusive=True)
        ]
    if cause is Cause.INHERITANCE:
        places = [
            (request.decedent_domicile, "被继承人死亡时住所地"),
            (request.property_place, "主要遗产所在地"),
        ]
        if all(place is None for place, _ in places):
            raise MissingFactError(field="decedent_domicile", fact="被继承人死亡时住所地或者主要遗产所在地")
        return [
            _ground(
                "inheritance",
                f"继承遗产纠纷由{label}{_place(place)}人民法院专属管辖",
                "CPL",
                "第三十四条第三项",
                place=place,
                exclusive=True,
            )
            for place, label in places
            if place is not None
        ]
    if cause is Cause.COMPANY:
        if request.company_place is None:
            raise MissingFactError(field="company_place", fact="公司住所地")
        message = f"公司设立、确认股东资格、分配利润、解散等纠纷由公司住所地{_place(request.company_place)}人民法院管辖"
        return [_ground("company_place", message, "CPL", "第二十七条", place=request.company_place)]
    return None


def _agreement(request: JurisdictionRequest, notes: list[Ground]) -> list[Ground] | None:
    agreed = request.agreed_court_place
    if agreed is None or request.category is not CaseCategory.CIVIL_FIRST:
        return None
    if request.cause not in _AGREEMENT_CAUSES:
        notes.append(
            _ground(
                "agreement_not_allowed",
                f"{request.cause.label}不适用协议管辖，按法定管辖确定",
                "CPL",
                "第三十五条",
            )
        )
        return None
    connected = {
        *(party.domicile for party in (*request.plaintiffs, *request.defendants)),
        *(
            party.habitual_residence
            for party in (*request.plaintiffs, *request.defendants)
            if party.habitual_residence
        ),
        *(p for p in (request.performance_place, request.signing_place, request.property_place) if p),
    }
    if agreed not in connected:
        notes.append(
            _ground(
                "agreement_no_connection",
                f"协议选择的{_place(agreed)}不是被告住所地、合同履行地、合同签订地、原告住所地、标的物所在地等"
                "与争议有实际联系的地点，协议管辖无效，按法定管辖确定",
                "CPL",
                "第三十五条",
            )
        )
        return None
    message = f"当事人书面协议选择{_place(agreed)}人民法院管辖，该地与争议有实际联系，从其约定"
    return [
        _ground("agreed_court", message, "CPL", "第三十五条", place=agreed, exclusive=True),
        _ground("agreed_court_certain", "起诉时能够确定管辖法院的，从其约定", "CPL_INTERP", "第三十条第一款"),
    ]


def _civil_points(request: JurisdictionRequest, notes: list[Ground]) -> list[Ground]:
    exclusive = _exclusive(request)
    if exclusive is not None:
        if request.agreed_court_place is not None:
            notes.append(
                _ground(
                    "agreement_vs_exclusive",
                    "协议管辖不得违反专属管辖的规定，管辖协议不予适用",
                    "CPL",
                    "第三十五条",
                )
            )
        return exclusive
    agreed = _agreement(request, notes)
    if agreed is not None:
        return agreed
    return [*_defendant_grounds(request), *_special(request)]


def _enforcement_points(request: JurisdictionRequest) -> list[Ground]:
    points: list[Ground] = []
    if request.enforcing_judgment:
        first = request.first_instance_court
        if first is None:
            raise MissingFactError(field="first_instance_court", fact="第一审人民法院")
        points.append(
            _ground(
                "first_instance_court",
                f"第一审人民法院（{first.name or first.level.label + first.division_code}）有执行管辖权",
                "CPL",
                "第二百三十五条第一款",
                place=first.division_code,
            )
        )
        if request.property_place is not None:
            message = (
                f"与第一审人民法院同级的被执行财产所在地{_place(request.property_place)}人民法院有执行管辖权"
            )
            points.append(
                _ground(
                    "property_place", message, "CPL", "第二百三十五条第一款", place=request.property_place
                )
            )
        return points
    if not request.defendants and request.property_place is None:
        raise MissingFactError(field="defendants", fact="被执行人住所地或者被执行的财产所在地")
    for party in request.defendants:
        message = f"被执行人{party.name}住所地{_place(party.domicile)}人民法院有执行管辖权"
        points.append(
            _ground("respondent_domicile", message, "CPL", "第二百三十五条第二款", place=party.domicile)
        )
    if request.property_place is not None:
        message = f"被执行的财产所在地{_place(request.property_place)}人民法院有执行管辖权"
        points.append(
            _ground("property_place", message, "CPL", "第二百三十五条第二款", place=request.property_place)
        )
    return points


def _administrative_points(request: JurisdictionRequest) -> list[Ground]:
    exclusive = _exclusive(request)
    if exclusive is not None:
        return exclusive
    organ = request.original_organ_place
    if organ is None:
        raise MissingFactError(field="original_organ_place", fact="最初作出行政行为的行政机关所在地")
    points = [
        _ground(
            "original_organ",
            f"最初作出行政行为的行政机关所在地{_place(organ)}人民法院有管辖权",
            "APL",
            "第十八条第一款",
            place=organ,
        )
    ]
    if request.reconsideration_organ_place is not None:
        place = request.reconsideration_organ_place
        message = f"经复议的案件，复议机关所在地{_place(place)}人民法院也有管辖权"
        points.append(_ground("reconsideration_organ", message, "APL", "第十八条第一款", place=place))
    if request.restricts_personal_freedom:
        for party in request.plaintiffs:
            message = f"对限制人身自由的行政强制措施不服，原告{party.name}所在地{_place(party.domicile)}人民法院也有管辖权"
            points.append(_ground("plaintiff_place", message, "APL", "第十九条", place=party.domicile))
    return points


# ------------------------------------------------------------------------------------------- assessment


def _validate(request: JurisdictionRequest) -> None:
    _check(request.chosen_court.division_code, "chosen_court")
    for field in (
        "performance_place", "signing_place", "tort_place", "accident_place", "property_place",
        "decedent_domicile", "company_place", "payment_place", "agreed_court_place",
        "original_organ_place", "reconsideration_organ_place",
    ):  # fmt: skip
        _check(getattr(request, field), field)
    for place in request.transport_places:
        _check(place, "transport_places")
    for role, parties in (("plaintiffs", request.plaintiffs), ("defendants", request.defendants)):
        for party in parties:
            _check(party.domicile, role)
            _check(party.habitual_residence, role)
    if request.first_instance_court is not None:
        _check(request.first_instance_court.division_code, "first_instance_court")
    _amount(request)


def _court_code(level: CourtLevel, place: str) -> str:
    if level is CourtLevel.SUPREME:
        return "000000"
    if level is CourtLevel.HIGH:
        return place[:2] + "0000"
    if level is CourtLevel.INTERMEDIATE:
        return place[:4] + "00"
    return place


def _candidates(request: JurisdictionRequest, points: Sequence[Ground]) -> tuple[CompetentCourt, ...]:
    merged: dict[tuple[CourtLevel, str], list[Ground]] = {}
    for point in points:
        if point.division_code is None:
            continue
        if point.code == "first_instance_court" and request.first_instance_court is not None:
            key = (request.first_instance_court.level, request.first_instance_court.division_code)
        else:
            level = _level_for(request, point.division_code[:2]).level
            key = (level, _court_code(level, point.division_code))
        merged.setdefault(key, []).append(point)
    return tuple(CompetentCourt(level, code, tuple(grounds)) for (level, code), grounds in merged.items())


def _dedupe(grounds: Iterable[Ground]) -> tuple[Ground, ...]:
    seen: dict[tuple[str, str, str | None], Ground] = {}
    for ground in grounds:
        seen.setdefault((ground.code, ground.message, ground.division_code), ground)
    return tuple(seen.values())


def assess_jurisdiction(request: JurisdictionRequest) -> JurisdictionAssessment:
    """Whether ``request.chosen_court`` has territorial and level jurisdiction, which courts do, and why.

    Civil first instance: exclusive jurisdiction (民事诉讼法第三十四条) first, then a valid written agreement
    (第三十五条: only for contract and other property disputes, a place with an actual connection, never
    against exclusive or level jurisdiction), then the defendant's domicile (第二十二条) and the cause's own
    connecting points (第二十四条至第三十条). Enforcement: 第二百三十五条. Administrative: 行政诉讼法第十八条至
    第二十条. Level by :func:`required_level`.

    >>> from decimal import Decimal
    >>> request = JurisdictionRequest(
    ...     CaseCategory.CIVIL_FIRST, CourtRef(CourtLevel.BASIC, "440305", name="深圳市南山区人民法院"),
    ...     plaintiffs=(Party("原告甲", "440305"),), defendants=(Party("被告乙", "110105"),),
    ...     cause=Cause.CONTRACT, performance_place="440305", claim_amount=Decimal("200000"))
    >>> result = assess_jurisdiction(request)
    >>> result.competent, [(c.level.value, c.division_code) for c in result.competent_courts]
    (True, [('BASIC', '110105'), ('BASIC', '440305')])
    >>> result.reasons[1].message, result.reasons[1].basis
    ('合同履行地南山区（440305）人民法院有管辖权', '《民事诉讼法》（2023年修正）第二十四条')
    """
    _validate(request)
    notes: list[Ground] = []
    if request.category is CaseCategory.ENFORCEMENT:
        points = _enforcement_points(request)
    elif request.category is CaseCategory.ADMINISTRATIVE_FIRST:
        points = _administrative_points(request)
    else:
        points = _civil_points(request, notes)
    chosen = request.chosen_court
    level = _level_for(request, chosen.division_code[:2])
    covered = [
        point for point in points if point.division_code is not None and chosen.covers(point.division_code)
    ]
    if request.category is CaseCategory.ENFORCEMENT and request.enforcing_judgment:
        first = request.first_instance_court
        covered = [
            point
            for point in covered
            if point.code != "first_instance_court"
            or (first is not None and chosen.division_code == first.division_code)
        ]
    territorial_ok = bool(covered)
    level_ok = chosen.level is level.level
    label = chosen.name or f"{chosen.level.label}（{chosen.division_code}）"
    if territorial_ok:
        message = f"所选{label}位于上述连结点所在辖区，有地域管辖权"
        several = len({point.division_code for point in points if point.division_code}) > 1
        if several and request.category is CaseCategory.CIVIL_FIRST:
            message += "；两个以上人民法院都有管辖权的，原告可以向其中一个人民法院起诉"
            verdict = _ground("territorial_ok", message, "CPL", "第三十六条")
        elif several and request.category is CaseCategory.ADMINISTRATIVE_FIRST:
            message += "；两个以上人民法院都有管辖权的，原告可以选择其中一个人民法院起诉"
            verdict = _ground("territorial_ok", message, "APL", "第二十一条")
        else:
            verdict = Ground("territorial_ok", message, covered[0].basis, verified=covered[0].verified)
    else:
        verdict = Ground(
            "territorial_missing",
            f"所选{label}不在任何管辖连结点所在辖区，无地域管辖权",
            "；".join(dict.fromkeys(point.basis for point in points)),
        )
    if level_ok:
        level_verdict = Ground(
            "level_ok",
            f"本案应由{level.level.label}管辖，所选法院级别相符",
            level.grounds[0].basis,
            verified=level.grounds[0].verified,
        )
    else:
        level_verdict = Ground(
            "level_mismatch",
            f"本案应由{level.level.label}管辖，所选法院为{chosen.level.label}，级别不符",
            level.grounds[0].basis,
            verified=level.grounds[0].verified,
        )
    return JurisdictionAssessment(
        competent=territorial_ok and level_ok,
        territorial_ok=territorial_ok,
        level_ok=level_ok,
        required_level=level.level,
        competent_courts=_candidates(request, points),
        reasons=_dedupe([*points, *notes, verdict, *level.grounds, level_verdict]),
    )
