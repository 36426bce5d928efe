"""The drafting app's inputs derived from the element table: the 庭审提纲 (dispute focuses = the disputed
elements with their questions, evidence to examine, the answer's positions) and the 民事判决书 (facts found =
the agreed elements, reasoning = one paragraph per disputed element plus the calculation with its basis,
legal basis = the elements' articles with the laws' full titles, ordered; values and citations as a judgment
writes them, see ``engines/elements/_court.py``; 辩称 from the answer the table was built with)."""

from __future__ import annotations

import re
from typing import Any

from smartcourt.apps.cases.models import PartyRole
from smartcourt.apps.element_trial.calculations import calculation_lines
from smartcourt.apps.element_trial.models import ElementEntry, ElementSheet
from smartcourt.apps.element_trial.selectors import sheet_outline, sheet_rows, sheet_skeleton
from smartcourt.engines import elements as eng


def legal_basis(basis: tuple[str, ...] | list[str]) -> list[str]:
    """The 依照 list: full titles, laws before judicial interpretations, each law's articles by number."""
    return eng.ordered_citations(basis)


_ANSWER_LEAD = re.compile(
    r"^\s*(?:答辩人|被告)?[^，。：:\s]{0,20}?(?:辩称|答辩称|答辩意见如下|答辩如下)[：:，,]\s*"
)


def defences(sheet: ElementSheet) -> list[str]:
    """The 辩称 lines (``被告姓名：意见``) from the answer (答辩状) the table was built with: the one defendant's,
    or with several those the answer names (else the first); none without an answer, so the draft asks for it."""
    answer = re.sub(r"\s+", "", sheet.answer or "")
    if not answer:
        return []
    names = [p.name for p in sheet.case.parties.all() if p.role == PartyRole.DEFENDANT and p.name]
    if not names:
        return []
    named = [n for n in names if n in answer] if len(names) > 1 else names
    text = _ANSWER_LEAD.sub("", answer, count=1)[:3000]
    return [f"{name}：{text}" for name in (named or names[:1])]


def outline_inputs(sheet: ElementSheet) -> dict[str, Any]:
    """The 庭审提纲's inputs: each disputed element a focus (with its questions), the evidence to examine, the
    answer's positions; agreed elements listed for confirmation among the evidence lines."""
    rows = sheet_rows(sheet=sheet)
    outline = sheet_outline(sheet=sheet, rows=rows)
    kinds = {s.key: s.kind for s in eng.cause_schema(sheet.cause).elements}
    focuses = []
    for item in outline.focus:
        asks = "；".join(item.questions)
        claimed = eng.court_value(kinds.get(item.key, "text"), item.plaintiff_value)
        focuses.append(
            f"{item.label}（原告主张：{claimed or '未明确'}；被告意见：{item.defendant_position or '未明确'}）"
            + (f"。需查明：{asks}" if asks else "")
        )
    evidence = [f"{item.label}：{e}" for item in outline.focus for e in item.evidence][:60]
    out: dict[str, Any] = {
        "dispute_focuses": focuses or ["（要素表中无争议要素，庭审围绕无争议事实确认进行）"],
        "evidence": evidence + [f"确认：{c}" for c in outline.confirm],
        "defences": defences(sheet),
    }
    if sheet.complaint:
        out["facts_and_reasons"] = sheet.complaint[:19000]
    return {k: v for k, v in out.items() if v}


def judgment_inputs(
    sheet: ElementSheet, rows: list[ElementEntry], computed: list[eng.Calculation]
) -> dict[str, Any]:
    """The 民事判决书's facts found, reasoning and legal basis from the table and the calculation."""
    skeleton = sheet_skeleton(sheet=sheet, rows=rows)
    reasoning = [f"关于{label}。{text}" for label, text in skeleton.disputes]
    reasoning.extend(calculation_lines(computed))
    basis = list(skeleton.basis)
    for c in computed:
        basis.extend(b for b in c.basis if b not in basis)
    return {
        "facts_found": list(skeleton.found_facts) or ["【本院经审理查明的事实：要素表中尚无无争议要素】"],
        "dispute_focuses": [label for label, _ in skeleton.disputes],
        "reasoning": reasoning,
        "legal_basis": legal_basis(basis),
        "defences": defences(sheet),
        "facts_and_reasons": sheet.complaint[:19000] if sheet.complaint else None,
    }
