"""The trial outline (庭审提纲) and the judgment's facts/reasoning skeleton, both from the element table."""

from __future__ import annotations

import re

from ._court import cite_in_text, court_value, ordered_citations
from ._schema import cause_schema
from ._types import ElementTable, JudgmentSkeleton, OutlineItem, Status, TrialOutline


def trial_outline(table: ElementTable) -> TrialOutline:
    """A trial outline that confirms the agreed elements in one question each and puts the disputed elements in
    focus with their questions, the evidence to examine (the schema's typical evidence plus what the parties
    filed on that element) and the articles.

    >>> from smartcourt.engines.elements import build_element_table
    >>> t = build_element_table("原告向被告出借人民币5万元。约定月息2%。", "被告认可借款5万元。否认约定利息。")
    >>> outline = trial_outline(t)
    >>> [item.label for item in outline.focus]
    ['约定利率']
    >>> outline.confirm[0]
    '借款金额：原告主张50000元，被告无异议，请双方确认。'
    """
    specs = {s.key: s for s in cause_schema(table.cause).elements}
    confirm = tuple(
        f"{r.label}：原告主张{court_value(specs[r.key].kind, r.plaintiff_value)}，被告无异议，请双方确认。"
        for r in table.rows
        if r.status is Status.AGREED
    )
    focus = []
    for r in table.disputed:
        spec = specs[r.key]
        filed = tuple(f"{s.document}：{s.text}" for s in r.evidence_sources)
        focus.append(
            OutlineItem(
                key=r.key,
                label=r.label,
                questions=spec.questions,
                evidence=spec.evidence + filed,
                basis=r.basis,
                plaintiff_value=r.plaintiff_value,
                defendant_position=r.defendant_position,
            )
        )
    unmentioned = tuple(r.label for r in table.rows if r.status is Status.NOT_MENTIONED)
    return TrialOutline(table.cause, table.cause_label, confirm, tuple(focus), unmentioned)


_CITED = re.compile(r"（[^（）]*第[^（）]*条[^（）]*）")


def _plain(label: str) -> str:
    """A label without the article it names in brackets (the reasoning cites it): 感情破裂事由（民法典第…条）."""
    return _CITED.sub("", label)


_LEAD = re.compile(r"^(?:但是|但|然而|不过|而且|并且|且|并|另|同时)[，,]?")


def _position_text(position: str) -> str:
    """The defendant's position as its own sentence: a leading 但/然而… that tied it to the previous clause
    of the answer goes, and so does a closing 。."""
    return _LEAD.sub("", position.strip()).rstrip("。；;，,")


def judgment_skeleton(table: ElementTable) -> JudgmentSkeleton:
    """The facts and reasoning skeleton of a judgment draft: agreed elements become 经审理查明 facts, each
    disputed element a 争议焦点 with a reasoning slot (【…】 for the judge), and the articles of all elements
    with a value are listed once in order (short names; :func:`ordered_citations` gives the 依照 list). Values
    read as a judgment writes them (:func:`court_value`), citations in the text with full titles.

    >>> from smartcourt.engines.elements import build_element_table
    >>> t = build_element_table("原告向被告出借人民币5万元。约定月息2%。", "被告认可借款5万元。否认约定利息。")
    >>> sk = judgment_skeleton(t)
    >>> sk.found_facts
    ('借款金额：50000元（双方无争议，本院予以确认）。',)
    >>> sk.disputes[0][0]
    '约定利率'
    >>> sk.disputes[0][1].split('依据')[1]
    '《中华人民共和国民法典》第六百八十条、《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条】'
    >>> sk.basis[:2]
    ('民法典第六百六十七条', '民法典第六百七十九条')
    """
    kinds = {s.key: s.kind for s in cause_schema(table.cause).elements}
    facts = tuple(
        f"{_plain(r.label)}：{court_value(kinds[r.key], r.plaintiff_value)}（双方无争议，本院予以确认）。"
        for r in table.agreed
    )
    disputes = tuple(
        (
            _plain(r.label),
            cite_in_text(
                f"原告主张：{court_value(kinds[r.key], r.plaintiff_value) or '（未主张）'}；"
                f"被告辩称：{_position_text(r.defendant_position) or '（未答辩）'}。"
                f"本院认为：【结合证据认定{_plain(r.label)}，依据{'、'.join(ordered_citations(r.basis))}】"
            ),
        )
        for r in table.disputed
    )
    basis: list[str] = []
    for r in table.rows:
        if r.status is not Status.NOT_MENTIONED or r.plaintiff_value:
            basis.extend(b for b in r.basis if b not in basis)
    return JudgmentSkeleton(table.cause, facts, disputes, tuple(basis))
