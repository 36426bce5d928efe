"""The drafting app's inputs derived from the element table: the 庭审提纲 (dispute focuses = the disputed
elements with their questions, evidence to examine, the answer's positions) and the 民事判决书 (facts found =
the agreed elements, reasoning = one paragraph per disputed element plus the calculation with its basis,
legal basis = the elements' articles with the laws' full titles)."""

from __future__ import annotations

import re
from typing import Any

from smartcourt.apps.element_trial.calculations import calculation_lines
from smartcourt.apps.element_trial.models import ElementEntry, ElementSheet
from smartcourt.apps.element_trial.selectors import sheet_outline, sheet_rows, sheet_skeleton
from smartcourt.engines import elements as eng

# Short names used in the element schemas → the titles a judgment cites (人民法院民事裁判文书制作规范: full
# titles with 《》).
LAW_TITLES = {
    "民法典": "《中华人民共和国民法典》",
    "民间借贷规定": "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》",
    "劳动合同法": "《中华人民共和国劳动合同法》",
    "劳动法": "《中华人民共和国劳动法》",
    "社会保险法": "《中华人民共和国社会保险法》",
    "道路交通安全法": "《中华人民共和国道路交通安全法》",
    "机动车交通事故责任强制保险条例": "《机动车交通事故责任强制保险条例》",
    "人身损害赔偿解释": "《最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释》",
    "婚姻家庭编解释（一）": "《最高人民法院关于适用〈中华人民共和国民法典〉婚姻家庭编的解释（一）》",
}
_SHORT = re.compile(
    r"^(?P<law>.+?)(?P<article>第[一二三四五六七八九十百零〇]+条(?:之[一二三四五六七八九十]+)?)"
)


def full_citation(short: str) -> str:
    """``民法典第六百六十七条`` → ``《中华人民共和国民法典》第六百六十七条`` (款 and 项 dropped: the judgment cites
    articles); a name not in :data:`LAW_TITLES` is kept as written.

    >>> full_citation("民间借贷规定第二十五条第一款")
    '《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条'
    """
    m = _SHORT.match(short.strip())
    if not m or m.group("law") not in LAW_TITLES:
        return short.strip()
    return LAW_TITLES[m.group("law")] + m.group("article")


def legal_basis(basis: tuple[str, ...] | list[str]) -> list[str]:
    out: list[str] = []
    for b in basis:
        cited = full_citation(b)
        if cited not in out:
            out.append(cited)
    return out


def outline_inputs(sheet: ElementSheet) -> dict[str, Any]:
    """The 庭审提纲's inputs: each disputed element a focus (with its questions), the evidence to examine, the
    answer's positions; agreed elements listed for confirmation among the evidence lines."""
    rows = sheet_rows(sheet=sheet)
    outline = sheet_outline(sheet=sheet, rows=rows)
    focuses = []
    for item in outline.focus:
        asks = "；".join(item.questions)
        focuses.append(
            f"{item.label}（原告主张：{item.plaintiff_value or '未明确'}；被告意见：{item.defendant_position or '未明确'}）"
            + (f"。需查明：{asks}" if asks else "")
        )
    evidence = [f"{item.label}：{e}" for item in outline.focus for e in item.evidence][:60]
    defences = [f"被告：{r.defendant_position}" for r in rows if r.defendant_position][:30]
    out: dict[str, Any] = {
        "dispute_focuses": focuses or ["（要素表中无争议要素，庭审围绕无争议事实确认进行）"],
        "evidence": evidence + [f"确认：{c}" for c in outline.confirm],
        "defences": defences,
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
        "defences": [f"被告：{r.defendant_position}" for r in rows if r.defendant_position][:30],
        "facts_and_reasons": sheet.complaint[:19000] if sheet.complaint else None,
    }
