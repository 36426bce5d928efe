"""The guideline's method: 量刑起点 → 基准刑 → circumstances (first class multiplied, then the others added
and subtracted) → the statutory range and 减轻处罚 → 宣告刑, probation and fine."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import cn2an

from ._data import load
from ._types import (
    CaseFacts,
    Circumstance,
    FineRange,
    ProbationAssessment,
    Recommendation,
    SentenceRange,
    Step,
)
from .errors import (
    BelowThresholdError,
    ContradictoryCircumstancesError,
    MissingFactError,
    UnsupportedCircumstanceError,
    UnsupportedCrimeError,
)

__all__ = ["amount_thresholds", "circumstance_rule", "compute_sentence", "supported_crimes"]

GUIDELINE = "法发〔2021〕21号"
_HUNDRED = Decimal(100)
_LEVELS = ("large", "huge", "especially_huge")
_INJURY_ORDER = ("minor", "light_2", "light_1", "serious_2", "serious_1")
_INJURY_NAMES = {
    "minor": "轻微伤",
    "light_2": "轻伤二级",
    "light_1": "轻伤一级",
    "serious_2": "重伤二级",
    "serious_1": "重伤一级",
}
# Engine defaults (not in the guideline): where inside a tier's base scale an injury grade sits, and how much
# each further injured person or each count beyond the third moves the point.
_INJURY_POSITION = {
    "light_2": Decimal("0"),
    "light_1": Decimal("0.3"),
    "serious_2": Decimal("0"),
    "serious_1": Decimal("0.4"),
}
_PER_EXTRA_INJURED = Decimal("0.15")
_MONTHS_PER_EXTRA_COUNT = Decimal(1)
_CONTRADICTORY = (
    ("minor_12_16", "minor_16_18"),
    ("minor_12_16", "elderly_intentional"),
    ("minor_12_16", "elderly_negligent"),
    ("minor_16_18", "elderly_intentional"),
    ("minor_16_18", "elderly_negligent"),
    ("elderly_intentional", "elderly_negligent"),
    ("compensation", "forgiveness"),
    ("meritorious", "major_meritorious"),
)


def _canonical(charge: str) -> str:
    name = charge.strip()
    return name[:-1] if name.endswith("罪") else name


def supported_crimes() -> tuple[str, ...]:
    """The common crimes of 法发〔2021〕21号 四 that the engine encodes, in the guideline's order.

    >>> supported_crimes()[:3], len(supported_crimes())
    (('交通肇事', '危险驾驶', '非法吸收公众存款'), 23)
    """
    return tuple(load("crimes.json")["crimes"])


def circumstance_kinds() -> tuple[str, ...]:
    """Every circumstance kind the guideline data names, in its order (each has a :func:`circumstance_rule`
    or says why it has no percentage).

    >>> kinds = circumstance_kinds()
    >>> "surrender" in kinds, len(kinds) == len(set(kinds))
    (True, True)
    """
    return tuple(load("guideline.json")["circumstances"])


def circumstance_rule(kind: str) -> Mapping[str, Any]:
    """The rule data of a circumstance: its name, citation and percentage range.

    >>> rule = circumstance_rule("surrender")
    >>> rule["name"], rule["citation"], rule["percent"]
    ('自首', '三、6', [0, 40])
    >>> circumstance_rule("excessive_defence")
    Traceback (most recent call last):
    ...
    smartcourt.engines.sentencing.errors.UnsupportedCircumstanceError: 防卫过当：指导意见（二、2（2））只规定先行调节，未规定调节比例；刑法第二十条第二款：应当减轻或者免除处罚。请法官依法确定
    """
    guideline = load("guideline.json")
    rule = guideline["circumstances"].get(kind)
    if rule is not None:
        return dict(rule)
    bare = guideline["first_class_without_percent"].get(kind)
    if bare is not None:
        raise UnsupportedCircumstanceError(
            "sentencing.no_percentage",
            f"{bare['name']}：指导意见（{bare['citation']}）只规定先行调节，未规定调节比例；{bare['law']}。请法官依法确定",
            field="circumstances",
        )
    raise UnsupportedCircumstanceError(
        "sentencing.unknown_circumstance", f"未知的量刑情节“{kind}”", field="circumstances"
    )


def amount_thresholds(
    crime: str, province: str | None = None, *, variant: str | None = None, year: int | None = None
) -> dict[str, Decimal | None]:
    """数额较大/巨大/特别巨大 starting amounts in yuan: the province's if encoded, else the national default
    (the lower bound of each range of the judicial interpretation). ``None`` where no standard exists.
    With the ``year`` of trial, an earlier interpretation's standard applies up to the year its successor
    took effect (高检发释字〔2001〕5号第三条; see ``earlier`` in ``data/thresholds.json``).

    >>> amount_thresholds("盗窃")
    {'large': Decimal('1000'), 'huge': Decimal('30000'), 'especially_huge': Decimal('300000')}
    >>> amount_thresholds("盗窃", "北京")["large"]
    Decimal('2000')
    >>> amount_thresholds("信用卡诈骗", variant="malicious_overdraft")["large"]
    Decimal('50000')
    >>> amount_thresholds("信用卡诈骗", variant="malicious_overdraft", year=2015)["large"]
    Decimal('10000')
    """
    table = load("thresholds.json")["amounts"].get(crime)
    if table is None:
        raise UnsupportedCrimeError(
            "sentencing.no_amount_standard", f"“{crime}”没有编码的数额标准", field="charge"
        )
    standard = table[variant] if variant else table
    ranges = standard["ranges"]
    local = table.get("provinces", {}).get(province or "", {}) if not variant else {}
    earlier = [e for e in standard.get("earlier", ()) if year is not None and year <= e["through_year"]]
    if earlier:
        ranges, local = min(earlier, key=lambda e: e["through_year"])["ranges"], {}
    result: dict[str, Decimal | None] = {}
    for level in _LEVELS:
        bounds = ranges.get(level)
        if level in local:
            result[level] = Decimal(str(local[level]))
        else:
            result[level] = None if bounds is None else Decimal(str(bounds[0]))
    return result


def _drug_thresholds(drug: str) -> tuple[str, Decimal, Decimal] | None:
    grams = load("thresholds.json")["drugs"]["grams"]
    for name, row in grams.items():
        if drug == name or drug in row.get("aliases", ()) or name in drug:
            return name, Decimal(str(row["large"])), Decimal(str(row["big"]))
    for name, row in grams.items():
        if any(alias in drug for alias in row.get("aliases", ())):
            return name, Decimal(str(row["large"])), Decimal(str(row["big"]))
    return None


def _months(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _log_position(value: Decimal, low: Decimal, high: Decimal) -> Decimal:
    if value <= low or high <= low:
        return Decimal(0)
    if value >= high:
        return Decimal(1)
    return Decimal(str(math.log(float(value / low)) / math.log(float(high / low))))


def _linear_position(value: Decimal, low: Decimal, high: Decimal) -> Decimal:
    if value <= low or high <= low:
        return Decimal(0)
    return min((value - low) / (high - low), Decimal(1))


class _Context:
    """What the tier conditions read: the facts plus the crime's thresholds."""

    def __init__(self, crime: str, rule: Mapping[str, Any], facts: CaseFacts) -> None:
        self.crime, self.rule, self.facts = crime, rule, facts
        key = rule.get("threshold_key")
        variant = "malicious_overdraft" if "malicious_overdraft" in facts.flags else None
        self.thresholds = (
            amount_thresholds(key, facts.province, variant=variant, year=facts.year) if key else {}
        )
        self.drug = _drug_thresholds(facts.drug) if facts.drug else None
        self.notes: list[str] = []

    def amount_threshold(self, level: str) -> Decimal | None:
        return self.thresholds.get(level)

    def holds(self, when: Mapping[str, Any]) -> list[str]:
        """The conditions of ``when`` that hold, each as a short Chinese reason."""
        f = self.facts
        reasons: list[str] = []
        level = when.get("amount_at_least")
        if level is not None and f.amount is not None:
            if level == "any":
                if f.amount > 0:
                    reasons.append(f"数额{f.amount}元")
            else:
                threshold = self.amount_threshold(level)
                if threshold is not None and f.amount >= threshold:
                    reasons.append(f"数额{f.amount}元达到{_LEVEL_NAMES[level]}起点{threshold}元")
        count = when.get("count_at_least")
        if count is not None and f.count is not None and f.count >= count:
            reasons.append(f"{f.count}次")
        flags = [flag for flag in when.get("flags_any", ()) if flag in f.flags]
        reasons.extend(f"情形：{flag_name(flag)}" for flag in flags)
        injury = when.get("injury_at_least")
        if injury is not None and f.injury in _INJURY_ORDER:
            rank = _INJURY_ORDER.index(f.injury)
            if (injury == "light" and rank >= 1) or (injury == "serious" and rank >= 3):
                reasons.append(f"伤情{_INJURY_NAMES[f.injury]}")
        if "deaths_at_least" in when and f.deaths >= when["deaths_at_least"]:
            reasons.append(f"死亡{f.deaths}人")
        if "serious_injuries_at_least" in when and f.serious_injuries >= when["serious_injuries_at_least"]:
            reasons.append(f"重伤{f.serious_injuries}人")
        if "victims_at_least" in when and f.victims >= when["victims_at_least"]:
            reasons.append(f"被害人{f.victims}人")
        if "bac_at_least" in when and f.blood_alcohol is not None and f.blood_alcohol >= when["bac_at_least"]:
            reasons.append(f"血液酒精含量{f.blood_alcohol}mg/100ml")
        drug_level = when.get("drug_at_least")
        if drug_level is not None and f.drug_grams is not None and f.drug_grams > 0:
            if drug_level == "any":
                reasons.append(f"毒品{f.drug or ''}{f.drug_grams}克")
            elif self.drug is not None:
                name, large, big = self.drug
                threshold = large if drug_level == "large" else big
                if f.drug_grams >= threshold:
                    reasons.append(
                        f"{name}{f.drug_grams}克达到{_DRUG_LEVEL_NAMES[drug_level]}起点{threshold}克"
                    )
        return reasons


_LEVEL_NAMES = {"large": "数额较大", "huge": "数额巨大", "especially_huge": "数额特别巨大"}
_DRUG_LEVEL_NAMES = {"large": "数量较大", "big": "数量大"}
_FLAG_NAMES = {
    "home_invasion": "入户",
    "armed": "携带凶器",
    "pickpocketing": "扒窃",
    "hit_and_run": "肇事后逃逸",
    "escape_death": "因逃逸致人死亡",
    "traffic_liable": "负事故全部或者主要责任，致人重伤、死亡或者重大财产损失",
    "serious": "情节严重（法官认定）",
    "cruel_disabling": "特别残忍手段致人重伤造成严重残疾",
    "public_transport": "在公共交通工具上",
    "financial_institution": "抢劫金融机构",
    "armed_with_gun": "持枪",
    "posing_as_police": "冒充军警人员",
    "military_or_relief_goods": "抢劫军用物资或者抢险、救灾、救济物资",
    "gang_rape": "二人以上轮奸",
    "rape_aggravated": "强奸情节恶劣或者其他加重情形",
    "child_victim": "奸淫幼女",
    "armed_affray": "持械聚众斗殴",
    "public_place_affray": "在公共场所或者交通要道聚众斗殴",
    "gang_provocation": "纠集他人多次寻衅滋事",
    "stated_huge": "事实认定数额巨大",
    "stated_especially_huge": "事实认定数额特别巨大",
    "stated_serious": "事实认定情节严重",
    "stated_especially_serious": "事实认定情节特别严重",
    "malicious_overdraft": "恶意透支",
    "group_leader": "犯罪集团的首要分子",
    "pregnant": "审判时怀孕",
    # the charge's own act (the basic offence), set when the facts describe it
    "affray": "聚众斗殴",
    "concealing": "掩饰、隐瞒犯罪所得及其收益",
    "dangerous_driving": "醉酒驾驶机动车等危险驾驶行为",
    "detention": "非法拘禁他人或者以其他方法非法剥夺他人人身自由",
    "obstruction": "以暴力、威胁方法阻碍国家机关工作人员依法执行职务",
    "prostitution": "引诱、容留、介绍他人卖淫",
    "provocation": "寻衅滋事",
    "racing": "在道路上驾驶机动车追逐竞驶，情节恶劣",
    "rape": "以暴力、胁迫或者其他手段强奸妇女（或者奸淫幼女）",
    "robbery": "以暴力、胁迫或者其他方法抢劫公私财物",
    "sheltering_drug_use": "容留他人吸食、注射毒品",
}


def flag_name(flag: str) -> str:
    """The Chinese name of a fact flag (``CaseFacts.flags``); an unknown flag is returned as it is.

    >>> flag_name("home_invasion"), flag_name("dangerous_driving")
    ('入户', '醉酒驾驶机动车等危险驾驶行为')
    >>> flag_name("no_such_flag")
    'no_such_flag'
    """
    return _FLAG_NAMES.get(flag, flag)


def flag_names() -> dict[str, str]:
    """Every fact flag the rules read, with its Chinese name.

    >>> flag_names()["pickpocketing"]
    '扒窃'
    """
    return dict(_FLAG_NAMES)


def _crime_rule(charge: str) -> tuple[str, Mapping[str, Any]]:
    crime = _canonical(charge)
    rule = load("crimes.json")["crimes"].get(crime)
    if rule is None:
        raise UnsupportedCrimeError(
            "sentencing.unsupported_crime",
            f"“{crime}罪”不在《关于常见犯罪的量刑指导意见（试行）》（{GUIDELINE}）规定的常见犯罪之列，本引擎不给出量刑建议",
            field="charge",
        )
    return crime, rule


def _select_tier(ctx: _Context) -> tuple[int, list[str], str]:
    tiers = ctx.rule["tiers"]
    f = ctx.facts
    if f.tier is not None:
        if not 1 <= f.tier <= len(tiers):
            raise MissingFactError(
                "sentencing.bad_tier", f"“{ctx.crime}罪”只有{len(tiers)}个量刑幅度", field="tier"
            )
        return f.tier - 1, ["法官认定的量刑幅度"], "judge"
    for index in range(len(tiers) - 1, -1, -1):
        reasons = ctx.holds(tiers[index]["when"])
        if reasons:
            return index, reasons, "facts"
    raise _explain_no_tier(ctx)


def _explain_no_tier(ctx: _Context) -> Exception:
    when = ctx.rule["tiers"][0]["when"]
    f = ctx.facts
    level = when.get("amount_at_least")
    if level is not None and level != "any":
        threshold = ctx.amount_threshold(level)
        if f.amount is None and not f.flags and f.count is None:
            return MissingFactError(
                "sentencing.missing_amount", f"缺少“{ctx.crime}”的犯罪数额，无法确定量刑起点", field="amount"
            )
        if f.amount is not None and threshold is not None and f.amount < threshold:
            return BelowThresholdError(
                "sentencing.below_threshold",
                f"数额{f.amount}元未达到“{ctx.crime}”{_LEVEL_NAMES[level]}起点{threshold}元，且无其他入罪情形",
                field="amount",
            )
    if "drug_at_least" in when:
        if f.drug_grams is None:
            return MissingFactError(
                "sentencing.missing_drug", f"缺少“{ctx.crime}”的毒品种类和数量", field="drug_grams"
            )
        if ctx.drug is None:
            return MissingFactError(
                "sentencing.unknown_drug",
                f"毒品“{f.drug or ''}”的数量标准未编码，请法官认定量刑幅度",
                field="drug",
            )
        name, large, _ = ctx.drug
        return BelowThresholdError(
            "sentencing.below_threshold",
            f"{name}{f.drug_grams}克未达到非法持有毒品罪数量较大起点{large}克",
            field="drug_grams",
        )
    if "injury_at_least" in when and f.injury is None:
        return MissingFactError(
            "sentencing.missing_injury", f"缺少“{ctx.crime}”的伤情鉴定等级", field="injury"
        )
    if "injury_at_least" in when and f.injury == "minor":
        return BelowThresholdError("sentencing.below_threshold", "轻微伤不构成故意伤害罪", field="injury")
    if "bac_at_least" in when and f.blood_alcohol is not None:
        return BelowThresholdError(
            "sentencing.below_threshold",
            f"血液酒精含量{f.blood_alcohol}mg/100ml未达到醉酒标准80mg/100ml",
            field="blood_alcohol",
        )
    criteria = ctx.rule["tiers"][0]["criteria"]
    return MissingFactError(
        "sentencing.missing_fact", f"事实不足以确定“{ctx.crime}”的量刑起点（需要：{criteria}）", field="facts"
    )


def _base_position(ctx: _Context, index: int, notes: list[str]) -> tuple[Decimal, str]:
    """How far (0..1) the facts push the baseline from the starting point toward ``base_top``."""
    tier = ctx.rule["tiers"][index]
    f = ctx.facts
    when = tier["when"]
    base = tier.get("base", {})
    by = base.get("by")
    if by == "bac" and f.blood_alcohol is not None:
        low, high = Decimal(base["from"]), Decimal(base["to"])
        value = min(max((f.blood_alcohol - low) / (high - low), Decimal(0)), Decimal(1))
        return value, f"血液酒精含量{f.blood_alcohol}mg/100ml在{low}—{high}之间的位置"
    if by == "amount" and f.amount is not None:
        low, high = Decimal(base["from"]), Decimal(base["to"])
        return _linear_position(f.amount, low, high), f"数额{f.amount}元在{low}—{high}元之间的位置"
    if by == "injury" and f.injury in _INJURY_POSITION:
        value = _INJURY_POSITION[f.injury] + _PER_EXTRA_INJURED * max(f.injured - 1, 0)
        return min(value, Decimal(1)), f"伤情{_INJURY_NAMES[f.injury]}，伤者{f.injured}人"
    if by == "drug" and ctx.drug is not None and f.drug_grams is not None:
        name, large, big = ctx.drug
        level = when.get("drug_at_least")
        if level == "big":
            return _log_position(f.drug_grams, big, big * 10), f"{name}{f.drug_grams}克超过数量大起点{big}克"
        if level == "large" or ctx.crime == "非法持有毒品":
            where = f"{name}{f.drug_grams}克在{large}—{big}克之间的位置"
            return _log_position(f.drug_grams, large, big), where
        low = large / 100
        return _log_position(f.drug_grams, low, large), f"{name}{f.drug_grams}克在{low}—{large}克之间的位置"
    level = when.get("amount_at_least")
    if level in _LEVELS and f.amount is not None:
        start = ctx.amount_threshold(level)
        if start is not None and f.amount >= start:
            position = _LEVELS.index(level)
            stop = ctx.amount_threshold(_LEVELS[position + 1]) if position + 1 < len(_LEVELS) else None
            if stop is None:
                stop = start * 10
                notes.append(f"{_LEVEL_NAMES[level]}以上没有编码的更高一档数额标准，按十倍数额计算位置")
            return _linear_position(f.amount, start, stop), f"数额{f.amount}元在{start}—{stop}元之间的位置"
    return Decimal(0), "无增加刑罚量的事实"


def _check_circumstances(
    crime: str, circumstances: Iterable[Circumstance], notes: list[str]
) -> list[tuple[Circumstance, Mapping[str, Any]]]:
    kept: list[tuple[Circumstance, Mapping[str, Any]]] = []
    seen: set[str] = set()
    for c in circumstances:
        rule = circumstance_rule(c.kind)
        if c.kind in seen:
            notes.append(f"情节“{rule['name']}”重复，只评价一次")
            continue
        crimes = rule.get("crimes")
        if crimes and crime not in crimes:
            raise UnsupportedCircumstanceError(
                "sentencing.circumstance_not_for_crime",
                f"情节“{rule['name']}”只适用于{'、'.join(crimes)}罪",
                field="circumstances",
            )
        if c.percent is not None:
            low, high = (Decimal(v) for v in rule["percent"])
            top = Decimal(rule.get("percent_with_special", rule["percent"])[1])
            if not low <= c.percent <= max(high, top):
                raise UnsupportedCircumstanceError(
                    "sentencing.percent_out_of_range",
                    f"情节“{rule['name']}”的调节比例应在{low}%—{max(high, top)}%之间（{rule['citation']}），给出的是{c.percent}%",
                    field="circumstances",
                )
        seen.add(c.kind)
        kept.append((c, rule))
    for a, b in _CONTRADICTORY:
        if a in seen and b in seen:
            raise ContradictoryCircumstancesError(
                "sentencing.contradictory",
                f"情节“{circumstance_rule(a)['name']}”与“{circumstance_rule(b)['name']}”不能同时成立",
                field="circumstances",
            )
    result = []
    for c, rule in kept:
        excluded = [k for k in rule.get("excluded_by", ()) if k in seen]
        if excluded:
            notes.append(
                f"情节“{rule['name']}”不单独评价：已有“{circumstance_rule(excluded[0])['name']}”（{rule['citation']}）"
            )
            continue
        result.append((c, rule))
    return result


def _percents(
    c: Circumstance, rule: Mapping[str, Any], *, widened: bool = False
) -> tuple[Decimal, Decimal, Decimal]:
    """(least, point, most) percentage of the circumstance, unsigned."""
    bounds = rule["percent_with_special"] if widened else rule["percent"]
    least, most = Decimal(bounds[0]), Decimal(bounds[1])
    point = c.percent if c.percent is not None else Decimal(rule["point"])
    return least, min(max(point, least), most), most


def _statutory_floor(tiers: list[Mapping[str, Any]], index: int) -> int:
    # 刑法第六十三条第一款：减轻处罚在下一个量刑幅度内；最低一档之下至拘役一个月（刑法第四十二条）。
    return int(tiers[index - 1]["statutory"][0]) if index > 0 else 1


def _declared_text(months: int, detention: bool) -> str:
    if detention:
        return f"拘役{cn2an.an2cn(months)}个月"
    years, rest = divmod(months, 12)
    text = "有期徒刑"
    if years:
        text += f"{cn2an.an2cn(years)}年"
    if rest:
        text += f"{cn2an.an2cn(rest)}个月"
    return text


def compute_sentence(facts: CaseFacts, circumstances: Iterable[Circumstance] = ()) -> Recommendation:
    """The guideline's recommendation for one charge: a range and a point in months, with every step.

    Requires a charge among :func:`supported_crimes` and the facts that fix its statutory paragraph;
    otherwise raises a :class:`~smartcourt.engines.sentencing.errors.SentencingError` that says what is
    missing, never a made-up number.

    >>> from decimal import Decimal
    >>> r = compute_sentence(CaseFacts("盗窃", amount=Decimal("3000")), [Circumstance("confession")])
    >>> r.starting_point, r.point, r.range, r.declared
    (SentenceRange(low=1, high=12), 6, SentenceRange(low=2, high=14), '有期徒刑六个月')
    >>> [s.rule for s in r.steps]
    ['四、（十一）1（1）', '四、（十一）2', '三、7（1）', '二、3', '刑法第七十二条、第七十四条']
    >>> compute_sentence(CaseFacts("盗窃", amount=Decimal("500")))
    Traceback (most recent call last):
    ...
    smartcourt.engines.sentencing.errors.BelowThresholdError: 数额500元未达到“盗窃”数额较大起点1000元，且无其他入罪情形
    """
    crime, rule = _crime_rule(facts.charge)
    notes: list[str] = []
    if facts.deaths and crime == "故意伤害":
        raise UnsupportedCrimeError(
            "sentencing.no_starting_point", rule["unsupported"]["death"], field="deaths"
        )
    ctx = _Context(crime, rule, facts)
    tiers: list[Mapping[str, Any]] = rule["tiers"]
    index, reasons, _basis = _select_tier(ctx)
    tier = tiers[index]
    section = rule["section"]
    item = f"{section}1（{index + 1}）" if len(tiers) > 1 else f"{section}1"
    sp_low, sp_high = (Decimal(v) for v in tier["starting_point"])
    sp_point = Decimal(tier["sp_point"])
    variant = tier.get("variant")
    if variant and variant["flag"] in facts.flags:
        sp_low, sp_high = (Decimal(v) for v in variant["starting_point"])
        sp_point = Decimal(variant["sp_point"])
        item = variant["citation"]
    steps = [
        Step(
            "starting_point",
            item,
            f"量刑起点：{tier['criteria']}（{'；'.join(reasons)}），在{sp_low}—{sp_high}个月幅度内",
            sp_low,
            sp_point,
            sp_high,
            _first_span(facts, ("amount", "count", "drug_grams", "blood_alcohol", "injury", "flags")),
        )
    ]
    # 二、1（2）：根据犯罪数额、次数、后果等增加刑罚量确定基准刑。
    stat_low, stat_high = (int(v) for v in tier["statutory"])
    top = Decimal(tier["base_top"])
    position, why = _base_position(ctx, index, notes)
    delta = (top - sp_point) * position if top > sp_point else Decimal(0)
    if "count_at_least" in tier["when"] and facts.count is not None and facts.count > 3:
        amount_level = tier["when"].get("amount_at_least")
        by_amount = amount_level in _LEVELS and facts.amount is not None and any("数额" in r for r in reasons)
        if not by_amount:  # 四、（十一）2：数额未达到较大的，以次数确定量刑起点，超过三次的次数增加刑罚量
            delta += _MONTHS_PER_EXTRA_COUNT * (facts.count - 3)
            why += f"；超过三次的次数{facts.count - 3}次"
    baseline = min(sp_point + delta, Decimal(stat_high))
    delta = baseline - sp_point
    low, high = sp_low + delta, min(sp_high + delta, Decimal(stat_high))
    steps.append(
        Step(
            "baseline",
            f"{section}2",
            f"基准刑：{why}（增加刑罚量的幅度为引擎默认，各地实施细则可另定）",
            low,
            baseline,
            high,
            _first_span(facts, ("amount", "count", "drug_grams", "blood_alcohol", "injury")),
        )
    )
    point = baseline
    kept = _check_circumstances(crime, circumstances, notes)
    allows_mitigation = False
    # 二、2（2）：第一类情节先行调节（连乘）。
    for c, crule in kept:
        if not crule["first_class"]:
            continue
        least, mid, most = _percents(c, crule)
        low, point, high = (
            low * (1 - most / _HUNDRED),
            point * (1 - mid / _HUNDRED),
            high * (1 - least / _HUNDRED),
        )
        allows_mitigation = allows_mitigation or crule["allows_mitigation"]
        steps.append(
            Step(
                "circumstance",
                crule["citation"],
                f"{crule['name']}：减少基准刑{least}%—{most}%，取{mid}%",
                low,
                point,
                high,
                c.span,
                c.text,
                -mid,
            )
        )
    # 二、2（2）：其他情节同向相加、逆向相减；三、14：认罪认罚与自首等情节不重复评价。
    others = [(c, r) for c, r in kept if not r["first_class"]]
    plea = any(c.kind == "plea_leniency" for c, _ in others)
    special = plea and any(r.get("plea_group") == "special" for _, r in others)
    base_low, base_point, base_high = low, point, high
    # Running sums of signed percentages for the bottom, the point and the top of the range.
    total = [Decimal(0), Decimal(0), Decimal(0)]
    group = [Decimal(0), Decimal(0), Decimal(0)]
    group_without_plea = [Decimal(0), Decimal(0), Decimal(0)]
    for c, crule in others:
        least, mid, most = _percents(c, crule, widened=(c.kind == "plea_leniency" and special))
        allows_mitigation = allows_mitigation or crule["allows_mitigation"]
        if crule["direction"] > 0:
            floor_months = Decimal(crule.get("min_months", 0))
            ups = (
                max(least, _pct_of(floor_months, base_low)),
                max(mid, _pct_of(floor_months, base_point)),
                max(most, _pct_of(floor_months, base_high)),
            )
            total = [t + u for t, u in zip(total, ups, strict=True)]
            text = f"{crule['name']}：增加基准刑{least}%—{most}%，取{ups[1].quantize(Decimal('0.1'))}%"
            if floor_months:
                text += f"（一般不少于{floor_months}个月）"
            signed = ups[1]
        else:
            downs = (most, mid, least)
            if plea and (crule.get("plea_group") or c.kind == "plea_leniency"):
                group = [g + d for g, d in zip(group, downs, strict=True)]
                if c.kind != "plea_leniency":
                    group_without_plea = [g + d for g, d in zip(group_without_plea, downs, strict=True)]
            else:
                total = [t - d for t, d in zip(total, downs, strict=True)]
            text = f"{crule['name']}：减少基准刑{least}%—{most}%，取{mid}%"
            signed = -mid
        running = [t - g for t, g in zip(total, group, strict=True)]
        low, point, high = (
            _apply(b, r) for b, r in zip((base_low, base_point, base_high), running, strict=True)
        )
        steps.append(Step("circumstance", crule["citation"], text, low, point, high, c.span, c.text, signed))
    if plea:
        cap = Decimal(circumstance_rule("plea_leniency")["percent_with_special" if special else "percent"][1])
        # The cap bounds what 认罪认罚 adds; it never takes back what the other circumstances give alone.
        capped = [max(min(g, cap), o) for g, o in zip(group, group_without_plea, strict=True)]
        if capped != group:
            running = [t - g for t, g in zip(total, capped, strict=True)]
            low, point, high = (
                _apply(b, r) for b, r in zip((base_low, base_point, base_high), running, strict=True)
            )
            steps.append(
                Step(
                    "circumstance",
                    "三、14",
                    f"认罪认罚与自首、坦白、退赃退赔、赔偿谅解等情节不重复评价，合计减少不超过{cap}%（其他情节单独减少更多的，以其为准）",
                    low,
                    point,
                    high,
                )
            )
    # 二、3（1）—（3）：宣告刑在法定刑幅度内；有减轻情节可低于法定最低刑（刑法第六十三条）。
    floor = _statutory_floor(tiers, index) if allows_mitigation else stat_low
    low_c, point_c, high_c = (min(max(v, Decimal(floor)), Decimal(stat_high)) for v in (low, point, high))
    explain = f"法定刑幅度{stat_low}—{stat_high}个月（刑法第{_article_text(rule)}{tier['paragraph']}）"
    if allows_mitigation:
        explain += f"；有法定减轻处罚情节，可以在{floor}个月以上判处（刑法第六十三条第一款）"
    elif point < stat_low:
        explain += "；只有从轻处罚情节，以法定最低刑为宣告刑（二、3（2））"
    if tier.get("life"):
        notes.append(
            "该幅度可判处无期徒刑（或死刑），引擎只在有期徒刑内建议，依法应当判处无期徒刑以上刑罚的除外"
        )
    notes.append("独任审判员或合议庭可以在20%的幅度内对调节结果进行调整（二、3（4）），引擎不作此调整")
    months_low, months_point, months_high = _months(low_c), _months(point_c), _months(high_c)
    months_low, months_high = min(months_low, months_point), max(months_high, months_point)
    months_low = max(months_low, 1)
    months_point = max(months_point, months_low)
    steps.append(
        Step(
            "statutory_range",
            "二、3",
            explain,
            Decimal(months_low),
            Decimal(months_point),
            Decimal(months_high),
        )
    )
    # 拘役一个月以上六个月以下（刑法第四十二条）；有期徒刑六个月以上（刑法第四十五条）。
    detention = bool(tier.get("detention_only")) or (min(stat_low, floor) <= 1 and months_point < 6)
    declared = _declared_text(months_point, detention)
    probation = _probation(facts, kept, months_point, detention)
    steps.append(
        Step(
            "probation",
            probation.rule,
            "；".join(probation.reasons),
            Decimal(months_low),
            Decimal(months_point),
            Decimal(months_high),
        )
    )
    fine = _fine(rule, facts)
    return Recommendation(
        charge=crime,
        article=f"刑法第{_article_text(rule)}",
        paragraph=tier["paragraph"],
        statutory=SentenceRange(stat_low, stat_high),
        starting_point=SentenceRange(int(sp_low), int(sp_high)),
        baseline=baseline,
        range=SentenceRange(months_low, months_high),
        point=months_point,
        declared=declared,
        steps=tuple(steps),
        probation=probation,
        fine=fine,
        notes=tuple(notes),
    )


def _pct_of(months: Decimal, base: Decimal) -> Decimal:
    return Decimal(0) if base <= 0 or months <= 0 else months / base * _HUNDRED


def _apply(base: Decimal, percent: Decimal) -> Decimal:
    return max(base * (1 + percent / _HUNDRED), Decimal(0))


def _first_span(facts: CaseFacts, names: tuple[str, ...]) -> tuple[int, int] | None:
    for name in names:
        span = facts.span_of(name)
        if span is not None:
            return span
    return None


def _article_text(rule: Mapping[str, Any]) -> str:
    text = str(cn2an.an2cn(rule["article"]))
    suffix = "条之一" if rule.get("article_suffix") == 1 else "条"
    return text + suffix


def _probation(
    facts: CaseFacts, kept: list[tuple[Circumstance, Mapping[str, Any]]], months: int, detention: bool
) -> ProbationAssessment:
    kinds = {c.kind for c, _ in kept}
    reasons: list[str] = []
    eligible = True
    if detention or months <= 36:
        reasons.append("宣告刑为拘役或者三年以下有期徒刑，可以考虑缓刑（刑法第七十二条第一款）")
    else:
        eligible = False
        reasons.append("宣告刑超过三年有期徒刑，不适用缓刑（刑法第七十二条第一款）")
    if "recidivism" in kinds:
        eligible = False
        reasons.append("累犯不适用缓刑（刑法第七十四条）")
    if "group_leader" in facts.flags:
        eligible = False
        reasons.append("犯罪集团的首要分子不适用缓刑（刑法第七十四条）")
    mandatory = eligible and bool(
        kinds & {"minor_12_16", "minor_16_18", "elderly_intentional", "elderly_negligent"}
        or "pregnant" in facts.flags
    )
    if eligible:
        reasons.append(
            "须同时符合犯罪情节较轻、有悔罪表现、没有再犯罪的危险、宣告缓刑对所居住社区没有重大不良影响，由法官认定"
        )
    if mandatory:
        reasons.append("不满十八周岁的人、怀孕的妇女和已满七十五周岁的人，符合条件的应当宣告缓刑")
    return ProbationAssessment(eligible, mandatory, tuple(reasons))


def _fine(rule: Mapping[str, Any], facts: CaseFacts) -> FineRange | None:
    fine = rule.get("fine")
    if fine is None:
        return None
    low = Decimal(fine["min"])
    if facts.amount is None or facts.amount <= 0:
        return FineRange(low, Decimal(fine["no_amount_max"]), fine["citation"])
    return FineRange(low, max(low, facts.amount * fine["multiple"]), fine["citation"])
