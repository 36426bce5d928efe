"""The sentencing assessment of a case: the engine's extraction, the judge's overrides applied on top, and
the recommendation or the engine's own statement of what is missing. No database access here.

A case is assessed per (accused, charge): the facts of a charge are read from the passages about that charge
when the text is divided by charge (:func:`charge_views`), the circumstances of an accused from the clauses
whose subject is that accused when there are several (:func:`accused_view`), else from the whole text; an
accused with several charges gets the combined punishment of 刑法第六十九条 (:func:`combine_sentences`).

Overrides (``SentencingAssessment.overrides``)::

    {"facts": {"amount": "5000", "flags": ["home_invasion"]},
     "circumstances": {"surrender": {"action": "ADD", "percent": "20"}, "confession": {"action": "REMOVE"},
                       "restitution": {"action": "SET", "percent": "10"}}}
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import cn2an

from smartcourt.engines import sentencing
from smartcourt.engines.sentencing import (
    CaseFacts,
    ChargePrediction,
    Circumstance,
    ProbationAssessment,
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
        names = sentencing.flag_names()
        by_name = {v: k for k, v in names.items()}
        flags = [by_name.get(f, f) for f in re.split(r"[\s,，;；]+", text) if f]
        bad = [f for f in flags if f not in names]
        if bad:
            raise OverrideValueError(
                f"未知的事实标记「{bad[0]}」，可选：{'；'.join(names.values())}（多个以逗号分隔）"
            )
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
        return "；".join(sentencing.flag_name(f) for f in sorted(value))
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
    """Everything the page, the API and the sentencing table show for one (accused, charge) of a case."""

    charge: str
    facts_text: str
    accused_id: int | None = None
    accused_name: str = ""
    charge_index: int = 0
    case_charge: str = ""
    charge_overridden: bool = False
    scope: str = "全文"
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
    # Why the engine's 缓刑 suggestion for this charge alone no longer holds for the accused (数罪并罚 to more
    # than three years, 累犯 or 首要分子 found on another charge); empty when it stands.
    probation_note: str = ""

    @property
    def ok(self) -> bool:
        return self.recommendation is not None

    @property
    def probation_suggested(self) -> bool:
        """Whether 缓刑 may be considered for this charge, after the checks across the accused's charges."""
        rec = self.recommendation
        return bool(rec and rec.probation and rec.probation.eligible and not self.probation_note)


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


def assess(
    *,
    facts_text: str,
    charge: str,
    province: str = "",
    overrides: Mapping[str, Any],
    facts_view: str | None = None,
    circumstance_view: str | None = None,
    predictions: Sequence[ChargePrediction] | None = None,
) -> Assessment:
    """Extract, apply the overrides, compute; any engine refusal becomes the assessment's error.

    ``facts_view`` and ``circumstance_view`` are ``facts_text`` with the passages that do not concern this
    charge (this accused) blanked out, same length, so every span still points into ``facts_text``
    (:func:`charge_views`, :func:`accused_view`); ``None`` reads the whole text. ``predictions`` are those of
    :func:`predict_charges` on ``facts_view`` when the caller has them already.
    """
    result = Assessment(charge=charge, facts_text=facts_text)
    text = facts_text or ""
    facts_view = facts_view if facts_view is not None and len(facts_view) == len(text) else text
    circumstance_view = (
        circumstance_view
        if circumstance_view is not None and len(circumstance_view) == len(text)
        else facts_view
    )
    cued: list[str] = []
    if text.strip():
        if predictions is None:
            predictions = predict_charges(facts_view, top=3)
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
        extracted = extract_facts(facts_view, charge, province=province or None)
        found = list(extract_circumstances(circumstance_view, charge))
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


# --- several accused, several charges ----------------------------------------------------------------------

MASK = "。"
_SENTENCE = re.compile(r"[^。；;！？!?\n]+")
_CLAUSE = re.compile(r"[^，,：:]+")
_LIST_SEPARATOR = re.compile(r"\s*(?:、|和|及|与|以及)\s*(?:被告人)?\s*")
# 二被告人、各被告人、上述被告人、被告人均……: a clause about every accused (not 共同犯罪中: the clause
# that follows it names the role of the subject before it).
_COLLECTIVE = re.compile(
    r"(?:[二两三四五六七八九十]|各|全体|上述|以上|同案|多名)(?:名)?被告人|被告人(?:均|都|皆|各自)"
)
_HEADING = re.compile(
    r"(?:^|(?<=[。；\n]))\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、．.])"
)


def mask_outside(text: str, keep: Sequence[tuple[int, int]]) -> str:
    """``text`` with every character outside the ``keep`` ranges replaced by 。 (same length, so spans found
    in the result point into ``text``; the engine's patterns never cross a 。).

    >>> mask_outside("甲乙丙丁", [(1, 3)])
    '。乙丙。'
    """
    chars = [MASK] * len(text)
    for start, end in keep:
        chars[start:end] = text[start:end]
    return "".join(chars)


def _name_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    usable = sorted({n for n in names if n and n != "—"}, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in usable)) if usable else None


def _subjects(clause: str, pattern: re.Pattern[str]) -> set[str]:
    """The accused a clause is about: the first name it mentions and the names listed right after it
    (甲某、乙某 / 甲某和被告人乙某); a name further on (伙同被告人乙某) is an object, not a subject."""
    first = pattern.search(clause)
    if first is None:
        return set()
    names = {first.group(0)}
    pos = first.end()
    while (sep := _LIST_SEPARATOR.match(clause, pos)) and (nxt := pattern.match(clause, sep.end())):
        names.add(nxt.group(0))
        pos = nxt.end()
    return names


def clause_owners(text: str, names: Sequence[str]) -> list[tuple[tuple[int, int], frozenset[str]]]:
    """Each clause of ``text`` with the accused it is about.

    A clause naming accused is theirs (its subject, see above); a clause naming none is about every accused
    if it says so (二被告人, 被告人均), else about the subject of the clause before it in the same
    paragraph (到案后如实供述 after 被告人甲某于……被抓获); a paragraph starts with every accused.

    >>> text = "被告人甲某、乙某窃取手机。甲某到案后如实供述；被告人乙某主动投案，系从犯。"
    >>> [(text[a:b], sorted(o)) for (a, b), o in clause_owners(text, ["甲某", "乙某"])]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('被告人甲某、乙某窃取手机', ['乙某', '甲某']), ('甲某到案后如实供述', ['甲某']),
     ('被告人乙某主动投案', ['乙某']), ('系从犯', ['乙某'])]
    """
    pattern = _name_pattern(names)
    everyone = frozenset(n for n in names if n and n != "—")
    out: list[tuple[tuple[int, int], frozenset[str]]] = []
    if pattern is None:
        return [((m.start(), m.end()), everyone) for m in _SENTENCE.finditer(text)]
    current = everyone
    for sentence in _SENTENCE.finditer(text):
        if sentence.start() > 0 and text[sentence.start() - 1] == "\n":
            current = everyone
        for clause in _CLAUSE.finditer(sentence.group(0)):
            part = clause.group(0)
            if not part.strip():
                continue
            subjects = _subjects(part, pattern)
            if subjects:
                current = frozenset(subjects)
            elif _COLLECTIVE.search(part):
                current = everyone
            start = sentence.start() + clause.start()
            out.append(((start, start + len(part)), current))
    return out


def accused_view(text: str, name: str, names: Sequence[str]) -> str | None:
    """``text`` reduced to the clauses about accused ``name`` (see :func:`clause_owners`), or ``None`` when
    there is only one accused or the text never names ``name`` as a subject (then the whole text is read).

    >>> text = "被告人甲某到案后如实供述。被告人乙某主动投案，系从犯。"
    >>> accused_view(text, "乙某", ["甲某", "乙某"])
    '。。。。。。。。。。。。。被告人乙某主动投案。系从犯。'
    >>> accused_view(text, "丙某", ["甲某", "丙某"]) is None
    True
    """
    others = [n for n in names if n and n != "—"]
    if len(set(others)) < 2 or not name or name == "—":
        return None
    owned = clause_owners(text, others)
    if not any(name in owners and len(owners) < len(set(others)) for _span, owners in owned):
        return None
    return mask_outside(text, [span for span, owners in owned if name in owners])


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs, or the numbered sections (一、 （一） 1、) of a single paragraph."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    if len(paragraphs) > 1:
        return paragraphs
    starts = sorted({m.end() - len(m.group(0).lstrip()) for m in _HEADING.finditer(text)} | {0})
    return [(a, b) for a, b in zip(starts, [*starts[1:], len(text)], strict=True) if text[a:b].strip()]


def charge_views(text: str, charges: Sequence[str]) -> dict[str, str | None]:
    """For each of ``charges``: ``text`` reduced to the passages about it and those about no charge in
    particular, when the case has several charges and the text is divided by them (paragraphs or 一、二、
    sections naming the charge or read as it by :func:`predict_charges`); ``None`` (the whole text)
    otherwise.

    >>> text = "一、被告人甲某盗窃手机，价值3000元。二、被告人甲某诈骗他人20000元。三、到案后如实供述。"
    >>> charge_views(text, ["盗窃", "诈骗"])["诈骗"]
    '。。。。。。。。。。。。。。。。。。。。二、被告人甲某诈骗他人20000元。三、到案后如实供述。'
    """
    distinct = [c for c in dict.fromkeys(charges) if c]
    views: dict[str, str | None] = dict.fromkeys(charges)
    blocks = _blocks(text) if len(distinct) > 1 else []
    if len(blocks) < 2:
        return views
    about: list[set[str]] = []
    for start, end in blocks:
        part = text[start:end]
        named = {c for c in distinct if c in part}
        if not named:
            top = predict_charges(part, top=1)
            if top and top[0].charge in distinct and any(e.source == "罪状" for e in top[0].evidence):
                named = {top[0].charge}
        about.append(named)
    for charge in distinct:
        if any(charge in named for named in about):
            keep = [b for b, named in zip(blocks, about, strict=True) if not named or charge in named]
            views[charge] = mask_outside(text, keep)
    return views


# --- 数罪并罚 ------------------------------------------------------------------------------------------------

ARTICLE_69 = "刑法第六十九条"


@dataclass(frozen=True)
class CombinedSentence:
    """The punishment to execute for several crimes of one accused (数罪并罚, 刑法第六十九条), in months.

    ``terms`` are the declared sentences per charge (charge, months, 拘役?); the executed term lies between
    ``low`` (the highest single term) and ``high`` (the sum, capped); ``point`` is the middle of that range,
    a reference only: the article leaves the choice to the court (酌情决定).
    """

    terms: tuple[tuple[str, int, bool], ...]
    total: int
    low: int
    high: int
    point: int
    detention: bool
    cap: int
    explanation: str
    fine_low: Decimal | None = None
    fine_high: Decimal | None = None
    rule: str = ARTICLE_69
    probation: ProbationAssessment | None = None

    @property
    def declared(self) -> str:
        return "决定执行" + term_text(self.point, self.detention)


def term_text(months: int, detention: bool) -> str:
    """A term in words as a judgment writes it.

    >>> term_text(30, False), term_text(4, True), term_text(12, False)
    ('有期徒刑二年六个月', '拘役四个月', '有期徒刑一年')
    """
    if detention:
        return f"拘役{cn2an.an2cn(months)}个月"
    years, rest = divmod(months, 12)
    words = "有期徒刑"
    if years:
        words += f"{cn2an.an2cn(years)}年"
    if rest:
        words += f"{cn2an.an2cn(rest)}个月"
    return words


def combine_sentences(
    terms: Sequence[tuple[str, int, bool]], fines: Sequence[tuple[Decimal, Decimal]] = ()
) -> CombinedSentence:
    """数罪并罚 under 刑法第六十九条 of the declared sentences ``(charge, months, is 拘役)`` of one accused.

    Requires at least two terms, each of at least one month. Where 有期徒刑 and 拘役 meet, only 有期徒刑 is
    executed (第二款); the executed term lies between the highest term and the sum of the terms, at most 20
    years when the sum of 有期徒刑 is under 35 years and 25 years otherwise, 拘役 at most one year (第一款);
    fines of the same kind are added up (第三款).

    >>> c = combine_sentences([("盗窃", 30, False), ("诈骗", 18, False)])
    >>> c.low, c.high, c.point, c.declared
    (30, 48, 39, '决定执行有期徒刑三年三个月')
    >>> c = combine_sentences([("抢劫", 180, False), ("故意伤害", 120, False), ("盗窃", 60, False)])
    >>> c.total, c.low, c.high
    (360, 180, 240)
    >>> combine_sentences([("抢劫", 180, False), ("故意伤害", 180, False), ("盗窃", 120, False)]).high
    300
    >>> c = combine_sentences([("危险驾驶", 5, True), ("盗窃", 10, True)])
    >>> c.low, c.high, c.detention
    (10, 12, True)
    >>> c = combine_sentences([("盗窃", 8, False), ("危险驾驶", 4, True)])
    >>> c.low, c.high, c.declared
    (8, 8, '决定执行有期徒刑八个月')
    """
    if len(terms) < 2:
        raise ValueError("数罪并罚须有两个以上罪名的宣告刑")
    if any(months < 1 for _charge, months, _detention in terms):
        raise ValueError("宣告刑须至少一个月")
    span = sentencing.combined_range([(months, detention) for _charge, months, detention in terms])
    point = (span.low + span.high + 1) // 2
    listed = "、".join(f"{charge}{term_text(months, d)}" for charge, months, d in terms)
    parts = [f"各罪宣告刑：{listed}"]
    if not span.detention and any(detention for _charge, _months, detention in terms):
        parts.append("数罪中有判处有期徒刑和拘役的，执行有期徒刑（第二款）")
    parts.append(
        f"总和刑期{span.total}个月、数刑中最高刑期{span.low}个月，应在{span.low}个月以上{span.high}个月以下"
        f"酌情决定执行的刑期（第一款：{span.cap_rule}）"
    )
    parts.append(f"参考点取该幅度中点{point}个月，由法院综合全案酌情决定")
    fine_low = fine_high = None
    if fines:
        fine_low = sum((f[0] for f in fines), Decimal(0))
        fine_high = sum((f[1] for f in fines), Decimal(0))
        parts.append(f"罚金合并执行：人民币{fine_low}元至{fine_high}元（第三款）")
    return CombinedSentence(
        terms=tuple(terms),
        total=span.total,
        low=span.low,
        high=span.high,
        point=point,
        detention=span.detention,
        cap=span.cap,
        explanation="；".join(parts),
        fine_low=fine_low,
        fine_high=fine_high,
    )


# 刑法第七十二条第一款: 对于被判处拘役、三年以下有期徒刑的犯罪分子……可以宣告缓刑；第七十四条: 对于累犯和犯罪集团的
# 首要分子，不适用缓刑。After 数罪并罚 the term that counts is the one to execute (刑法第六十九条).
PROBATION_LIMIT = 36
PROBATION_RULE_COMBINED = "刑法第六十九条、第七十二条、第七十四条"
_PROBATION_CONDITIONS = (
    "须同时符合犯罪情节较轻、有悔罪表现、没有再犯罪的危险、宣告缓刑对所居住社区没有重大不良影响，由法官认定"
)


def probation_bars(items: Sequence[Assessment]) -> list[str]:
    """What bars 缓刑 for an accused whatever the term (刑法第七十四条), as found on any of their charges:
    the 累犯 circumstance, the 犯罪集团首要分子 fact. A bar found on one charge holds for every charge."""
    bars: list[str] = []
    recidivism = [i.charge for i in items if any(c.kind == "recidivism" for c in i.circumstances)]
    if recidivism:
        bars.append(f"被告人系累犯（见{'、'.join(recidivism)}罪的量刑情节），不适用缓刑（刑法第七十四条）")
    leader = [i.charge for i in items if i.facts is not None and "group_leader" in i.facts.flags]
    if leader:
        bars.append(
            f"被告人系犯罪集团的首要分子（见{'、'.join(leader)}罪的事实），不适用缓刑（刑法第七十四条）"
        )
    return bars


def combined_probation(
    combined: CombinedSentence,
    per_charge: Sequence[ProbationAssessment | None] = (),
    bars: Sequence[str] = (),
) -> ProbationAssessment:
    """缓刑 re-checked for the term to execute after 数罪并罚: 拘役 or at most three years of 有期徒刑
    (刑法第七十二条第一款, the reference point of :func:`combine_sentences`), and never with a bar of
    刑法第七十四条 (``bars``, see :func:`probation_bars`). ``per_charge`` are the engine's assessments of each
    charge alone: a charge it says 应当宣告缓刑 for (未成年人, 怀孕的妇女, 已满七十五周岁的人) carries over.

    >>> p = combined_probation(combine_sentences([("盗窃", 36, False), ("诈骗", 36, False)]))
    >>> p.eligible, p.rule
    (False, '刑法第六十九条、第七十二条、第七十四条')
    >>> p.reasons[0].split("；")
    ... # doctest: +NORMALIZE_WHITESPACE
    ['数罪并罚后决定执行的刑期（参考有期徒刑四年六个月，幅度36—72个月）超过三年有期徒刑，各罪单独评价时的缓刑建议不再适用（刑法第六十九条、第七十二条第一款）',
     '如酌情决定执行三年以下有期徒刑（幅度下限36个月），方可考虑缓刑']
    >>> combined_probation(combine_sentences([("盗窃", 18, False), ("诈骗", 10, False)])).eligible
    True
    >>> p = combined_probation(combine_sentences([("危险驾驶", 4, True), ("盗窃", 5, True)]),
    ...                        bars=["被告人系累犯（见盗窃罪的量刑情节），不适用缓刑（刑法第七十四条）"])
    >>> p.eligible, p.reasons
    (False, ('数罪并罚决定执行拘役，可以考虑缓刑（刑法第七十二条第一款）', '被告人系累犯（见盗窃罪的量刑情节），不适用缓刑（刑法第七十四条）'))
    """
    reasons: list[str] = []
    eligible = True
    if combined.detention:
        reasons.append("数罪并罚决定执行拘役，可以考虑缓刑（刑法第七十二条第一款）")
    elif combined.point <= PROBATION_LIMIT:
        reasons.append(
            f"数罪并罚后决定执行的刑期（参考{term_text(combined.point, False)}）不超过三年有期徒刑，"
            "可以考虑缓刑（刑法第七十二条第一款）"
            + (
                f"；如酌情决定执行的刑期超过三年（幅度上限{combined.high}个月），则不适用缓刑"
                if combined.high > PROBATION_LIMIT
                else ""
            )
        )
    else:
        eligible = False
        reason = (
            f"数罪并罚后决定执行的刑期（参考{term_text(combined.point, False)}，幅度{combined.low}—"
            f"{combined.high}个月）超过三年有期徒刑，各罪单独评价时的缓刑建议不再适用（刑法第六十九条、"
            "第七十二条第一款）"
        )
        if combined.low <= PROBATION_LIMIT:
            reason += f"；如酌情决定执行三年以下有期徒刑（幅度下限{combined.low}个月），方可考虑缓刑"
        reasons.append(reason)
    if bars:
        eligible = False
        reasons.extend(bars)
    mandatory = eligible and any(p is not None and p.mandatory_if_conditions_met for p in per_charge)
    if eligible:
        reasons.append(_PROBATION_CONDITIONS)
    if mandatory:
        reasons.append("不满十八周岁的人、怀孕的妇女和已满七十五周岁的人，符合条件的应当宣告缓刑")
    return ProbationAssessment(eligible, mandatory, tuple(reasons), PROBATION_RULE_COMBINED)


def _recheck_probation(person: AccusedAssessment) -> None:
    """Apply :func:`combined_probation` to ``person`` and note, on each charge whose own suggestion was 缓刑,
    why it no longer holds (the combined term, a bar found on another charge, no combined term yet)."""
    bars = probation_bars(person.items)
    if person.combined is not None:
        recs = [i.recommendation for i in person.items if i.recommendation is not None]
        probation = combined_probation(person.combined, [r.probation for r in recs], bars)
        person.combined = dataclasses.replace(person.combined, probation=probation)
    for item in person.items:
        rec = item.recommendation
        if rec is None or rec.probation is None or not rec.probation.eligible:
            continue
        if bars:
            item.probation_note = "；".join(bars)
        elif person.combined is not None and person.combined.probation is not None:
            if not person.combined.probation.eligible:
                item.probation_note = person.combined.probation.reasons[0]
        elif person.several:
            item.probation_note = (
                "数罪并罚尚不能计算，是否适用缓刑须按决定执行的刑期判断（刑法第六十九条、第七十二条第一款）"
            )


# --- a whole case --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemState:
    """What the judge holds for one (accused, charge): the assessed charge if changed, the overrides, and
    whether the accused is not charged with it at all."""

    charge: str = ""
    overrides: Mapping[str, Any] = field(default_factory=dict)
    excluded: bool = False


@dataclass
class AccusedAssessment:
    """One accused: the assessment of each of their charges and, for several, the combined punishment."""

    accused_id: int | None
    name: str
    position: int
    items: list[Assessment]
    scope_warning: str = ""
    excluded: list[tuple[int, str]] = field(default_factory=list)  # (charge index, charge) not assessed
    combined: CombinedSentence | None = None
    combined_error: str = ""

    @property
    def several(self) -> bool:
        return len(self.items) > 1

    @property
    def declared(self) -> str:
        """The sentence to show for the accused: the combined one, or that of their single charge."""
        if self.combined is not None:
            return self.combined.declared
        if len(self.items) == 1 and self.items[0].recommendation is not None:
            return self.items[0].recommendation.declared
        return ""


def _detention(rec: Recommendation) -> bool:
    return rec.declared.startswith("拘役")


def assess_case(
    *,
    facts_text: str,
    province: str,
    accused: Sequence[tuple[int | None, str]],
    charges: Sequence[str],
    states: Mapping[tuple[int | None, int], ItemState],
) -> list[AccusedAssessment]:
    """Every (accused, charge) of a case assessed, and 数罪并罚 per accused with several charges.

    ``accused`` are (party id, name) in the case's order (one ``(None, "—")`` when the case lists none);
    ``charges`` the case's charges in the engine's form (``[""]`` when none: predicted from the facts);
    ``states`` the judge's charge changes and overrides by (party id, charge index). Requires each accused
    to keep at least one charge that is not excluded.
    """
    text = facts_text or ""
    names = [name for _id, name in accused]
    out: list[AccusedAssessment] = []
    assessed = [st.charge for (_id, index), st in states.items() if st.charge and 0 <= index < len(charges)]
    views = charge_views(text, [*charges, *assessed]) if text.strip() else {}
    predicted: dict[str, Sequence[ChargePrediction]] = {}
    for position, (accused_id, name) in enumerate(accused):
        person_view = accused_view(text, name, names) if text.strip() else None
        warning = ""
        if len({n for n in names if n and n != "—"}) > 1 and text.strip() and person_view is None:
            warning = f"事实中未找到以被告人{name}为主语的语句，其量刑情节按全文提取，请核对"
        items: list[Assessment] = []
        excluded: list[tuple[int, str]] = []
        for index, case_charge in enumerate(charges):
            state = states.get((accused_id, index), ItemState())
            charge = state.charge or case_charge
            if state.excluded:
                excluded.append((index, charge))
                continue
            facts_view = views.get(charge)
            if text.strip() and charge not in predicted:
                predicted[charge] = predict_charges(facts_view if facts_view is not None else text, top=3)
            circ_view = person_view
            if person_view is not None and facts_view is not None:
                circ_view = "".join(
                    p if p != MASK and f != MASK else MASK
                    for p, f in zip(person_view, facts_view, strict=True)
                )
            a = assess(
                facts_text=text,
                charge=charge,
                province=province,
                overrides=state.overrides,
                facts_view=facts_view,
                circumstance_view=circ_view if circ_view is not None else facts_view,
                predictions=predicted.get(charge),
            )
            a.accused_id, a.accused_name, a.charge_index = accused_id, name, index
            a.case_charge, a.charge_overridden = (
                case_charge,
                bool(state.charge) and state.charge != case_charge,
            )
            scope = []
            if facts_view is not None:
                scope.append("本罪名相关段落")
            if person_view is not None:
                scope.append(f"以被告人{name}为主语的语句")
            a.scope = "、".join(scope) or "全文"
            items.append(a)
        person = AccusedAssessment(accused_id, name, position, items, warning, excluded)
        if len(items) > 1:
            failed = [i for i in items if i.recommendation is None]
            if failed:
                person.combined_error = f"“{failed[0].charge or '未列罪名'}”尚无量刑建议（{failed[0].error_message}），暂不能数罪并罚"
            else:
                recs = [i.recommendation for i in items if i.recommendation is not None]
                fines = [(r.fine.low, r.fine.high) for r in recs if r.fine is not None]
                person.combined = combine_sentences([(r.charge, r.point, _detention(r)) for r in recs], fines)
        _recheck_probation(person)
        out.append(person)
    return out
