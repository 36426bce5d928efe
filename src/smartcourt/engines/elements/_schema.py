"""Cause schemas from ``data/schemas.json`` and cause detection."""

from __future__ import annotations

from functools import cache

from ._data import load
from ._types import Cause, CauseSchema, ElementSpec
from .errors import ElementsDataError, UnknownCauseError


@cache
def _schemas() -> dict[Cause, CauseSchema]:
    raw = load("schemas.json").get("causes")
    if not isinstance(raw, dict) or not raw:
        raise ElementsDataError(reason="schemas.json: no causes")
    out: dict[Cause, CauseSchema] = {}
    for key, body in raw.items():
        elements = tuple(
            ElementSpec(
                key=e["key"],
                label=e["label"],
                kind=e["kind"],
                basis=tuple(e["basis"]),
                cues=tuple(e["cues"]),
                questions=tuple(e.get("questions", ())),
                evidence=tuple(e.get("evidence", ())),
            )
            for e in body["elements"]
        )
        cause = Cause(key)
        out[cause] = CauseSchema(cause, body["label"], tuple(body["cues"]), elements)
    return out


@cache
def position_cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(disputed cues, agreed cues), longest first."""
    raw = load("schemas.json")["positions"]
    disputed = tuple(sorted(raw["disputed"], key=len, reverse=True))
    agreed = tuple(sorted(raw["agreed"], key=len, reverse=True))
    return disputed, agreed


def resolve_cause(cause: Cause | str) -> Cause:
    if isinstance(cause, Cause):
        return cause
    text = str(cause).strip()
    for c in Cause:
        if text in (c.value, c.label) or (text and text in c.label and len(text) >= 2):
            return c
    raise UnknownCauseError(cause=text or "（空）")


def cause_schema(cause: Cause | str) -> CauseSchema:
    """The element schema of a cause, given as a :class:`Cause`, its key or its Chinese name.

    >>> schema = cause_schema("民间借贷纠纷")
    >>> [e.label for e in schema.elements][:3]
    ['借款合意', '借款金额', '交付方式与时间']
    >>> cause_schema("劳动争议").elements[-1].basis
    ('劳动合同法第十七条', '社会保险法第五十八条')
    """
    return _schemas()[resolve_cause(cause)]


def detect_cause(text: str) -> Cause:
    """The cause a complaint is about: its name if the text states it (案由), else the cause with most cue hits.

    Raises :class:`UnknownCauseError` when no cause's cues occur.

    >>> detect_cause("原告与被告离婚纠纷一案……")
    <Cause.DIVORCE: 'divorce'>
    >>> detect_cause("被告驾驶机动车将原告撞伤，交强险由某保险公司承保。")
    <Cause.TRAFFIC_ACCIDENT: 'traffic_accident'>
    >>> detect_cause("今天天气很好")
    Traceback (most recent call last):
    ...
    smartcourt.engines.elements.errors.UnknownCauseError: 无法识别案由或暂不支持：（未识别）（支持：民间借贷纠纷、机动车交通事故责任纠纷、离婚纠纷、劳动争议）
    """
    if not isinstance(text, str):
        raise UnknownCauseError(cause="（非文本）")
    named = [(text.find(s.label), c) for c, s in _schemas().items() if s.label in text]
    if named:
        return min(named)[1]
    scores = {c: sum(text.count(cue) for cue in s.cues) for c, s in _schemas().items()}
    best = max(scores, key=lambda c: scores[c])
    if scores[best] == 0:
        raise UnknownCauseError(cause="（未识别）")
    return best
