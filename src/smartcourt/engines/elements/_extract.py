"""Element extraction from the complaint, the answer and the evidence, and the element table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from smartcourt.engines.text import extract_dates, extract_money, extract_percentages

from ._schema import cause_schema, detect_cause, position_cues
from ._types import Cause, ElementRow, ElementSpec, ElementTable, Source, Status
from .errors import InvalidValueError

_MAX_CHARS = 200_000
_CLAUSE_END = re.compile(r"[。；;！!？?\n，,：:]")
_SENTENCE_END = "。；;！!？?\n"
_GLOBAL_AGREE = (
    "其他事实无异议",
    "其余事实无异议",
    "其他无异议",
    "其余无异议",
    "其他事实均无异议",
    "其余均无异议",
)


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int
    text: str
    sentence: int


def _clauses(text: str) -> list[_Clause]:
    out: list[_Clause] = []
    start = 0
    sentence = 0
    for m in _CLAUSE_END.finditer(text + "\n"):
        end = m.start()
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append(_Clause(start + lead, start + lead + len(stripped), stripped, sentence))
        if m.group() in _SENTENCE_END:
            sentence += 1
        start = m.end()
    return out


def _value(spec: ElementSpec, clause: _Clause) -> tuple[str, tuple[int, int], str] | None:
    """(normalised value, span in the document, matched text) of the element's kind in the clause."""
    if spec.kind == "money":
        money = extract_money(clause.text)
        if money:
            m = money[0]
            return (str(m.amount), (clause.start + m.span[0], clause.start + m.span[1]), m.text)
    elif spec.kind == "date":
        for d in extract_dates(clause.text):
            if d.date is not None:
                return (d.date.isoformat(), (clause.start + d.span[0], clause.start + d.span[1]), d.text)
    elif spec.kind == "percent":
        pct = extract_percentages(clause.text)
        if pct:
            p = pct[0]
            before = clause.text[: p.span[0]]
            period = "月" if ("月息" in before or "月利率" in before) else ""
            return (f"{period}{p.value}%", (clause.start + p.span[0], clause.start + p.span[1]), p.text)
    return None


def _hits(cue: str, text: str) -> tuple[tuple[int, int], ...]:
    out = []
    at = text.find(cue)
    while at >= 0:
        out.append((at, at + len(cue)))
        at = text.find(cue, at + 1)
    return tuple(out)


def _element_cues(spec: ElementSpec, clause: _Clause, others: Sequence[str]) -> list[str]:
    """The element's cues in the clause, ignoring a hit that lies inside a longer cue of another element
    (抚养 inside 抚养费, 工资 inside 二倍工资, 伤残 inside 伤残赔偿金)."""
    if not any(cue in clause.text for cue in spec.cues):
        return []
    blocked = [(a, b) for other in _blockers(spec, tuple(others)) for a, b in _hits(other, clause.text)]
    found = []
    for cue in spec.cues:
        for a, b in _hits(cue, clause.text):
            if not any(x <= a and b <= y and (y - x) > (b - a) for x, y in blocked):
                found.append(cue)
                break
    return found


@lru_cache(maxsize=256)
def _blockers(spec: ElementSpec, others: tuple[str, ...]) -> tuple[str, ...]:
    """Other elements' cues that contain one of this element's cues and are longer: only they can block a hit."""
    return tuple(
        o
        for o in dict.fromkeys(others)
        if o not in spec.cues and any(c in o and len(o) > len(c) for c in spec.cues)
    )


def _matching(spec: ElementSpec, clauses: Sequence[_Clause], others: Sequence[str] = ()) -> list[_Clause]:
    return [c for c in clauses if _element_cues(spec, c, others)]


def _priority(spec: ElementSpec, clause: _Clause, others: Sequence[str]) -> int:
    """Index of the element's highest-priority cue found in the clause (cues are listed by priority)."""
    return min(spec.cues.index(cue) for cue in _element_cues(spec, clause, others))


def _cues_in(text: str) -> list[tuple[str, str]]:
    """(kind, cue) found in the text, dropping a cue inside a longer one (异议 in 无异议, 认可 in 不认可)."""
    disputed, agreed = position_cues()
    found: list[tuple[int, int, str, str]] = []
    for kind, cues in (("disputed", disputed), ("agreed", agreed)):
        for cue in cues:
            for m in re.finditer(re.escape(cue), text):
                found.append((m.start(), m.end(), kind, cue))
    kept = [
        f
        for f in found
        if not any(g[0] <= f[0] and f[1] <= g[1] and (g[1] - g[0]) > (f[1] - f[0]) for g in found)
    ]
    return [(k, c) for _, _, k, c in sorted(kept)]


def _position(clause: _Clause, clauses: Sequence[_Clause]) -> str:
    """The dispute/agree cue nearest the element: in the clause, else in the rest of its sentence; a dispute cue
    wins over an agree cue in the same scope."""
    for scope in ([clause], [c for c in clauses if c.sentence == clause.sentence]):
        cues = [cue for c in scope for cue in _cues_in(c.text)]
        for kind in ("disputed", "agreed"):
            for k, word in cues:
                if k == kind:
                    return f"{k}:{word}"
    return ""


def _check_text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidValueError(field=name, reason="须为文本")
    if len(value) > _MAX_CHARS:
        raise InvalidValueError(field=name, reason=f"文本超过{_MAX_CHARS}字")
    return value


def build_element_table(
    complaint: str,
    answer: str = "",
    evidence: Sequence[str] = (),
    *,
    cause: Cause | str | None = None,
) -> ElementTable:
    """The element table: for each element of the cause, the plaintiff's value (from the complaint), the
    defendant's position (from the answer) and the status, each with the spans it came from.

    The status is *disputed* when the answer's clause about the element (or its sentence) carries a dispute cue
    (否认/不认可/有异议 …) or states a different amount/date/percentage; *agreed* on 认可/无异议/属实 or the same
    value, or when the answer agrees to 其他事实; *not mentioned* otherwise. Without ``cause`` it is detected
    from the complaint (:class:`UnknownCauseError` when none is recognised).

    >>> complaint = "原告于2021年3月5日通过银行转账向被告出借人民币100000元。约定年利率15%。"
    >>> answer = "被告对借款100000元无异议。但对利率有异议，双方未约定利息。"
    >>> table = build_element_table(complaint, answer)
    >>> table.cause_label
    '民间借贷纠纷'
    >>> [(r.label, r.plaintiff_value, r.status.value) for r in table.rows if r.key in ("amount", "rate")]
    [('借款金额', '100000', 'agreed'), ('约定利率', '15%', 'disputed')]
    >>> row = table.rows[1]; complaint[slice(*row.plaintiff_sources[0].span)]
    '人民币100000元'
    """
    complaint = _check_text("complaint", complaint)
    answer = _check_text("answer", answer)
    evidence = [_check_text(f"evidence[{i}]", e) for i, e in enumerate(evidence)]
    resolved = detect_cause(complaint + "\n" + answer) if cause is None else cause
    schema = cause_schema(resolved)
    c_clauses = _clauses(complaint)
    a_clauses = _clauses(answer)
    e_clauses = [(i, _clauses(e)) for i, e in enumerate(evidence)]
    global_agree = next((g for g in _GLOBAL_AGREE if g in answer), "")
    notes: list[str] = []
    if not answer.strip():
        notes.append("未提供答辩状：各要素均标为未提及")
    rows: list[ElementRow] = []
    all_cues = tuple(cue for spec in schema.elements for cue in spec.cues)
    for spec in schema.elements:
        p_value, p_sources = _plaintiff(spec, c_clauses, all_cues)
        d_text, d_sources, status, cue = _defendant(spec, a_clauses, p_value, all_cues)
        if status is Status.NOT_MENTIONED and global_agree and p_value:
            status, cue = Status.AGREED, global_agree
            start = answer.find(global_agree)
            d_sources = (Source("answer", (start, start + len(global_agree)), global_agree),)
            d_text = global_agree
        ev: list[Source] = []
        for i, clauses in e_clauses:
            ev.extend(
                Source(f"evidence:{i}", (c.start, c.end), c.text) for c in _matching(spec, clauses, all_cues)
            )
        rows.append(
            ElementRow(
                key=spec.key,
                label=spec.label,
                basis=spec.basis,
                plaintiff_value=p_value,
                plaintiff_sources=p_sources,
                defendant_position=d_text,
                defendant_sources=d_sources,
                status=status,
                evidence_sources=tuple(ev),
                status_cue=cue,
            )
        )
    return ElementTable(schema.cause, schema.label, tuple(rows), tuple(notes))


def _plaintiff(
    spec: ElementSpec, clauses: Sequence[_Clause], others: Sequence[str]
) -> tuple[str, tuple[Source, ...]]:
    matches = _matching(spec, clauses, others)
    if not matches:
        return "", ()
    for c in matches:
        found = _value(spec, c)
        if found is not None:
            value, span, text = found
            return value, (Source("complaint", span, text), Source("complaint", (c.start, c.end), c.text))
    if spec.kind != "text":
        # the value may sit in a neighbouring clause of the same sentence ("借款金额为：人民币5万元",
        # "2023年1月5日，被告驾车与原告相撞"): nearest first
        for c in matches:
            near = sorted(
                (d for d in clauses if d.sentence == c.sentence and d is not c),
                key=lambda d: abs(d.start - c.start),
            )
            for d in near:
                found = _value(spec, d)
                if found is not None:
                    value, span, text = found
                    return value, (
                        Source("complaint", span, text),
                        Source("complaint", (c.start, c.end), c.text),
                    )
    # a text element: the clause with the highest-priority cue (the schema lists cues by priority), earliest first
    first = min(matches, key=lambda c: (_priority(spec, c, others), c.start))
    return first.text, (Source("complaint", (first.start, first.end), first.text),)


def _defendant(
    spec: ElementSpec, clauses: Sequence[_Clause], plaintiff_value: str, others: Sequence[str]
) -> tuple[str, tuple[Source, ...], Status, str]:
    matches = _matching(spec, clauses, others)
    if not matches:
        return "", (), Status.NOT_MENTIONED, ""
    for c in matches:
        cue = _position(c, clauses)
        if cue:
            kind, word = cue.split(":", 1)
            found = _value(spec, c)
            status = Status.DISPUTED if kind == "disputed" else Status.AGREED
            if (
                status is Status.AGREED
                and found is not None
                and plaintiff_value
                and found[0] != plaintiff_value
            ):
                status, word = Status.DISPUTED, f"数额/日期不一致（{found[2]}）"
            return c.text, (Source("answer", (c.start, c.end), c.text),), status, word
    for c in matches:
        found = _value(spec, c)
        if found is not None:
            if plaintiff_value and found[0] == plaintiff_value:
                return c.text, (Source("answer", (c.start, c.end), c.text),), Status.AGREED, "陈述一致"
            if plaintiff_value:
                word = f"数额/日期不一致（{found[2]}）"
                return c.text, (Source("answer", (c.start, c.end), c.text),), Status.DISPUTED, word
    first = matches[0]
    return (
        first.text,
        (Source("answer", (first.start, first.end), first.text),),
        Status.DISPUTED,
        "答辩涉及但未明确认可",
    )


_ITEM_SPLIT = re.compile(r"[、，,；;：:]")
_NAME_TAIL = re.compile(r"(价值|约|共计|现值|评估价|市值|为|一套|一辆|一处|一间|一台|一块|)+$")
_NAME_HEAD = re.compile(r"^(以及|及|和|另有|还有|位于)")


def _item_name(raw: str) -> str:
    name = _NAME_TAIL.sub("", raw.strip())
    return _NAME_HEAD.sub("", name).strip()


def property_items(text: str) -> tuple[tuple[str, Decimal, Source], ...]:
    """Common-property items with their values from the sentences about 共同财产 (民法典第一千零六十二条), as
    inputs for :func:`property_division`: ``(name, value, source)``; the holder and share are the judge's. A value
    without a name takes the name of the piece before it (``房屋一套，价值150万元``).

    >>> items = property_items("夫妻共同财产有：房屋一套，价值1200000元；小轿车一辆价值80000元、存款5万元。")
    >>> [(n, str(v)) for n, v, _ in items]
    [('房屋', '1200000'), ('小轿车', '80000'), ('存款', '50000')]
    """
    text = _check_text("text", text)
    out: list[tuple[str, Decimal, Source]] = []
    begin = 0
    for sentence in re.split(r"(?<=[。\n])", text):
        sentence_start = begin
        begin += len(sentence)
        cue = sentence.find("共同财产")
        if cue < 0:
            continue
        at = cue + len("共同财产")
        pending: tuple[str, int] | None = None
        for m in _ITEM_SPLIT.finditer(sentence + "，", at):
            piece_start, piece = at, sentence[at : m.start()]
            at = m.end()
            if not piece.strip():
                continue
            money = extract_money(piece)
            if not money:
                name = _item_name(piece)
                pending = (name, piece_start) if name and name not in ("有", "包括", "如下") else pending
                continue
            name = _item_name(piece[: money[0].span[0]])
            start = piece_start
            if not name and pending is not None:
                name, start = pending
            pending = None
            if not name:
                continue
            span = (sentence_start + start, sentence_start + piece_start + len(piece.rstrip("。\n")))
            out.append((name, money[0].amount, Source("complaint", span, text[span[0] : span[1]])))
    return tuple(out)
