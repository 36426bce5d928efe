"""The sentencing assessment of a case: the engine's extraction, the judge's overrides applied on top, and
the recommendation or the engine's own statement of what is missing. No database access here.

Overrides (``SentencingAssessment.overrides``)::

    {"facts": {"amount": "5000", "flags": ["home_invasion"]},
     "circumstances": {"surrender": {"action": "ADD", "percent": "20"}, "confession": {"action": "REMOVE"},
                       "restitution": {"action": "SET", "percent": "10"}}}
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from smartcourt.engines import sentencing
from smartcourt.engines.sentencing import (
    CaseFacts,
    Circumstance,
    Recommendation,
    SentencingError,
    circumstance_rule,
    compute_sentence,
    extract_circumstances,
    extract_facts,
    predict_charges,
    supported_crimes,
)

# The facts a judge may set, with their label and how a value is read.
FACT_FIELDS: dict[str, tuple[str, str]] = {
    "amount": ("犯罪数额（元）", "decimal"),
    "count": ("犯罪次数", "int"),
    "injury": ("伤情等级", "injury"),
    "injured": ("受伤人数", "int"),
    "deaths": ("死亡人数", "int"),
    "serious_injuries": ("重伤人数", "int"),
    "victims": ("被害人数", "int"),
    "drug": ("毒品种类", "text"),
    "drug_grams": ("毒品数量（克）", "decimal"),
    "blood_alcohol": ("血液酒精含量（mg/100ml）", "decimal"),
    "flags": ("影响法定刑幅度的事实标记", "flags"),
    "tier": ("法定刑幅度（第几档）", "int"),
}
INJURY_LABELS = {
    "minor": "轻微伤",
    "light_2": "轻伤二级",
    "light_1": "轻伤一级",
    "serious_2": "重伤二级",
    "serious_1": "重伤一级",
}
STAGE_LABELS = {
    "starting_point": "量刑起点",
    "baseline": "基准刑",
    "circumstance": "量刑情节",
    "first_class": "量刑情节（先行调节）",
    "statutory_range": "法定刑幅度",
    "declared": "宣告刑",
    "probation": "缓刑",
    "fine": "罚金",
}
_FLAG = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_FACTS = 20000


class OverrideValueError(ValueError):
    """A value that cannot be read for the fact or circumstance it is meant for (Chinese message)."""


def engine_charge(name: str) -> str:
    """The engine's name of a catalogue charge: without the trailing 罪."""
    name = name.strip()
    return name[:-1] if name.endswith("罪") else name


@cache
def circumstance_kinds() -> tuple[tuple[str, str, str, str], ...]:
    """Every circumstance the engine has a percentage for: (kind, name, citation, range), in data order.

    Kinds without a percentage (``circumstance_rule`` refuses them) are left out.
    """
    kinds = []
    for kind in sentencing.circumstance_kinds():
        try:
            rule = circumstance_rule(kind)
        except SentencingError:
            continue
        low, high = rule["percent"]
        direction = "减少" if int(rule.get("direction", -1)) < 0 else "增加"
        kinds.append((kind, str(rule["name"]), str(rule["citation"]), f"{direction}{low}%—{high}%"))
    return tuple(kinds)


def circumstance_label(kind: str) -> str:
    for k, name, _citation, _range in circumstance_kinds():
        if k == kind:
            return name
    return kind


def parse_fact_value(name: str, value: str) -> Any:
    """The JSON-storable value of fact ``name`` read from the judge's text; raises OverrideValueError."""
    if name not in FACT_FIELDS:
        raise OverrideValueError(f"未知的事实项「{name}」")
    label, kind = FACT_FIELDS[name]
    text = (value or "").strip()
    if not text:
        raise OverrideValueError(f"{label}不能为空")
    if kind == "decimal":
        try:
            number = Decimal(text.replace(",", "").replace("，", ""))
        except InvalidOperation:
            raise OverrideValueError(f"{label}须为数字") from None
        if not number.is_finite() or number < 0 or number > Decimal("1e13"):
            raise OverrideValueError(f"{label}须为不小于0的合理数值")
        return str(number)
    if kind == "int":
        if not text.isdigit() or len(text) > 6:
            raise OverrideValueError(f"{label}须为非负整数")
        number_int = int(text)
        if name == "tier" and not 1 <= number_int <= 5:
            raise OverrideValueError("法定刑幅度须为1至5档")
        return number_int
    if kind == "injury":
        by_label = {v: k for k, v in INJURY_LABELS.items()}
        if text in INJURY_LABELS:
            return text
        if text in by_label:
            return by_label[text]
        raise OverrideValueError(f"伤情等级只能是{'、'.join(INJURY_LABELS.values())}之一")
    if kind == "flags":
        flags = [f for f in re.split(r"[\s,，、]+", text) if f]
        bad = [f for f in flags if not _FLAG.match(f)]
        if bad:
            raise OverrideValueError(f"事实标记须为小写英文标识（如 home_invasion），「{bad[0]}」不符合")
        return sorted(set(flags))
    if len(text) > 40:
        raise OverrideValueError(f"{label}不能超过40个字符")
    return text


def parse_percent(kind: str, value: str | None) -> str | None:
    """The judge's percentage for circumstance ``kind`` (unsigned, within its range) or ``None``."""
    text = (value or "").strip().rstrip("%")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise OverrideValueError("调节比例须为数字（百分比）") from None
    rule = circumstance_rule(kind)
    low = Decimal(rule["percent"][0])
    high = max(Decimal(rule["percent"][1]), Decimal(rule.get("percent_with_special", rule["percent"])[1]))
    if not low <= number <= high:
        raise OverrideValueError(
            f"“{rule['name']}”的调节比例应在{low}%—{high}%之间（法发〔2021〕21号{rule['citation']}）"
        )
    return str(number)


def display_fact(name: str, value: Any) -> str:
    if value is None or value == "" or value == frozenset() or value == []:
        return "—"
    if name == "injury":
        return INJURY_LABELS.get(str(value), str(value))
    if name == "flags":
        return "、".join(sorted(value))
    return str(value)


@dataclass(frozen=True)
class Segment:
    """A piece of the facts text, highlighted when it shows a circumstance or a fact."""

    text: str
    label: str = ""
    kind: str = ""


@dataclass(frozen=True)
class CircumstanceRow:
    kind: str
    name: str
    citation: str
    range: str
    text: str
    span: tuple[int, int] | None
    percent: str
    origin: str  # "提取" | "法官增加" | "法官修改比例"


@dataclass(frozen=True)
class FactRow:
    name: str
    label: str
    value: str
    extracted: str
    overridden: bool
    span_text: str

    @property
    def relevant(self) -> bool:
        """Worth a row: stated by the text, set by the judge, or not the engine's default."""
        defaults = {"—", "0"} | ({"1"} if self.name in ("injured", "victims") else set())
        return self.overridden or bool(self.span_text) or self.value not in defaults


@dataclass
class Assessment:
    """Everything the page, the API and the sentencing table show for one case."""

    charge: str
    facts_text: str
    facts: CaseFacts | None = None
    fact_rows: list[FactRow] = field(default_factory=list)
    circumstances: list[CircumstanceRow] = field(default_factory=list)
    removed: list[CircumstanceRow] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    recommendation: Recommendation | None = None
    error_code: str = ""
    error_message: str = ""
    error_field: str = ""
    predicted: list[tuple[str, float]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.recommendation is not None


def _segments(text: str, marks: list[tuple[tuple[int, int], str, str]]) -> list[Segment]:
    """Split ``text`` at the marks' spans; overlapping marks: the earlier (then longer) one wins."""
    out: list[Segment] = []
    pos = 0
    for (start, end), label, kind in sorted(marks, key=lambda m: (m[0][0], -(m[0][1] - m[0][0]))):
        if start < pos or end <= start or end > len(text):
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], label, kind))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def _apply_fact_overrides(facts: CaseFacts, overrides: dict[str, Any]) -> CaseFacts:
    changes: dict[str, Any] = {}
    for name, value in overrides.items():
        if name not in FACT_FIELDS:
            continue
        kind = FACT_FIELDS[name][1]
        if kind == "decimal":
            changes[name] = Decimal(str(value))
        elif kind == "flags":
            changes[name] = frozenset(value)
        else:
            changes[name] = value
    return dataclasses.replace(facts, **changes)


def assess(*, facts_text: str, charge: str, province: str = "", overrides: dict[str, Any]) -> Assessment:
    """Extract, apply the overrides, compute; any engine refusal becomes the assessment's error."""
    result = Assessment(charge=charge, facts_text=facts_text)
    text = facts_text or ""
    cued: list[str] = []
    if text.strip():
        predictions = predict_charges(text, top=3)
        result.predicted = [(p.charge, p.score) for p in predictions]
        cued = [p.charge for p in predictions if any(e.source == "罪状" for e in p.evidence)]
    if not charge:
        if result.predicted:
            result.warnings.append(f"案件未列罪名，按事实预测为“{result.predicted[0][0]}”")
            result.charge = charge = result.predicted[0][0]
        else:
            result.error_code = "criminal.no_charge"
            result.error_message = "案件未列罪名，且未能从事实中识别出罪名，无法计算量刑"
            result.error_field = "charge"
            return result
    if not text.strip():
        result.error_code = "criminal.no_facts"
        result.error_message = "尚未填写案件事实（起诉书指控或审理查明的事实），无法提取量刑情节"
        result.error_field = "facts"
        return result
    if cued and charge not in [c for c, _ in result.predicted]:
        result.warnings.append(f"事实所示罪状更接近“{cued[0]}”，与评估罪名“{charge}”不一致，请核对")
    try:
        extracted = extract_facts(text, charge, province=province or None)
        found = list(extract_circumstances(text, charge))
    except SentencingError as exc:
        result.error_code, result.error_message, result.error_field = exc.code, exc.message, exc.field
        return result
    fact_overrides = dict(overrides.get("facts", {}))
    facts = _apply_fact_overrides(extracted, fact_overrides)
    result.facts = facts
    for name, (label, _kind) in FACT_FIELDS.items():
        span = extracted.span_of(name if name != "drug" else "drug_grams")
        result.fact_rows.append(
            FactRow(
                name=name,
                label=label,
                value=display_fact(name, getattr(facts, name)),
                extracted=display_fact(name, getattr(extracted, name)),
                overridden=name in fact_overrides,
                span_text=text[span[0] : span[1]] if span else "",
            )
        )
    marks: list[tuple[tuple[int, int], str, str]] = [
        (span, FACT_FIELDS.get(name, (name, ""))[0], "fact") for name, span in extracted.spans
    ]
    chosen: list[Circumstance] = []
    circ_overrides: dict[str, dict[str, Any]] = dict(overrides.get("circumstances", {}))
    rules = {k: (name, citation, rng) for k, name, citation, rng in circumstance_kinds()}
    for c in found:
        name, citation, rng = rules.get(c.kind, (c.kind, "", ""))
        o = circ_overrides.get(c.kind, {})
        row = CircumstanceRow(c.kind, name, citation, rng, c.text, c.span, "", "提取")
        if o.get("action") == "REMOVE":
            result.removed.append(row)
            continue
        percent = o.get("percent") if o.get("action") == "SET" else None
        chosen.append(dataclasses.replace(c, percent=Decimal(percent) if percent else None))
        if c.span:
            marks.append((c.span, name, "circumstance"))
    present = {c.kind for c in chosen} | {r.kind for r in result.removed}
    for kind, o in circ_overrides.items():
        if o.get("action") == "ADD" and kind not in present:
            percent = o.get("percent")
            chosen.append(Circumstance(kind, None, "法官认定", Decimal(percent) if percent else None))
        elif o.get("action") == "SET" and kind not in present:
            result.warnings.append(f"情节“{circumstance_label(kind)}”的比例修改未生效：事实中已无该情节")
    result.segments = _segments(text, marks)
    try:
        rec = compute_sentence(facts, chosen)
    except SentencingError as exc:
        result.error_code, result.error_message, result.error_field = exc.code, exc.message, exc.field
        rec = None
    result.recommendation = rec
    percents = {}
    if rec is not None:
        for step in rec.steps:
            if step.stage in ("circumstance", "first_class") and step.percent is not None:
                percents[(step.span, step.text)] = step.percent
    for c in chosen:
        name, citation, rng = rules.get(c.kind, (c.kind, "", ""))
        o = circ_overrides.get(c.kind, {})
        origin = (
            "法官增加"
            if o.get("action") == "ADD"
            else ("法官修改比例" if o.get("action") == "SET" else "提取")
        )
        used = percents.get((c.span, c.text))
        shown = f"{used:+}%" if used is not None else (f"{c.percent}%" if c.percent is not None else "默认")
        result.circumstances.append(
            CircumstanceRow(c.kind, name, citation, rng, c.text, c.span, shown, origin)
        )
    return result


def month_text(months: int | Decimal) -> str:
    months = int(months)
    years, rest = divmod(months, 12)
    if years and rest:
        return f"{years}年{rest}个月"
    if years:
        return f"{years}年"
    return f"{rest}个月"


def supported() -> tuple[str, ...]:
    return supported_crimes()
