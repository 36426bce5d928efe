"""End to end per cause: the table built from generated texts, figures saved, the 民事判决书 drafted through the
service and read back from the .docx — court dates and amounts, full law titles, ordered 依照 list, the 辩称
from the answer, and no error in the drafting app's defect check."""

from __future__ import annotations

import re
from datetime import date
from random import Random

import pytest

from smartcourt.apps.drafting.selectors import draft_defects
from smartcourt.apps.element_trial import services
from smartcourt.apps.element_trial.calculations import default_figures
from smartcourt.apps.element_trial.demo import demo_texts
from smartcourt.engines import elements as eng
from tests.apps.drafting.conftest import docx_text
from tests.apps.factories import register_civil

CAUSES = {
    eng.Cause.PRIVATE_LENDING: "民间借贷纠纷",
    eng.Cause.TRAFFIC_ACCIDENT: "机动车交通事故责任纠纷",
    eng.Cause.DIVORCE: "离婚纠纷",
    eng.Cause.LABOR_DISPUTE: "劳动争议",
}
_CN_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _figures(cause: eng.Cause, sheet) -> dict[str, str]:
    figures = default_figures(cause, list(sheet.rows.all()), sheet.complaint)
    if cause is eng.Cause.PRIVATE_LENDING:
        figures.update(end=sheet.case.registered_on.isoformat(), lpr="3.65")
    elif cause is eng.Cause.LABOR_DISPUTE:
        figures["no_contract_until"] = figures["end"]
    elif cause is eng.Cause.DIVORCE:
        figures["monthly_income"] = "9000"
        holders = ["原告", "被告"]
        figures["assets"] = "\n".join(
            line + holders[i % 2] for i, line in enumerate(figures["assets"].splitlines())
        )
    else:
        figures["liability_percent"] = "100"
    return {k: v for k, v in figures.items() if v}


def _ordered(basis: str) -> bool:
    """Each law's articles in the 依照 sentence by number (款/项 after their article)."""
    for law, articles in re.findall(r"(《[^》]+》)((?:第[^，《]+?条[^，《]*?)+)(?=，|$)", basis):
        numbers = [eng.ordered_citations([law + a])[0] for a in articles.split("、")]
        if eng.ordered_citations(numbers) != numbers:
            return False
    return True


@pytest.mark.parametrize("cause", list(CAUSES), ids=lambda c: c.value)
def test_judgment_draft_reads_as_a_court_writes_it(world, cause: eng.Cause) -> None:
    case = register_civil(world, cause_of_action=CAUSES[cause])
    case.responsible_judge = world.judge
    case.save(update_fields=["responsible_judge"])
    names = {p.role: p.name for p in case.parties.all()}
    complaint, answer = demo_texts(
        cause,
        Random(7),
        plaintiff=names["PLAINTIFF"],
        defendant=names["DEFENDANT"],
        before=case.registered_on,
    )
    assert all(date(*map(int, m)) < case.registered_on for m in _CN_DATE.findall(complaint + answer))
    sheet = services.element_table_build(case=case, actor=world.judge, complaint=complaint, answer=answer)
    services.element_figures_save(case=case, actor=world.judge, figures=_figures(cause, sheet))
    draft = services.element_judgment_draft(
        case=case,
        actor=world.judge,
        inputs={"operative_items": ["【判决主文：由法官根据审理情况填写】"]},
    )
    text = docx_text(bytes(draft.docx))

    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), "ISO date in the judgment"
    bare = [p for p in text.splitlines() if eng.bare_law_names(p)]
    assert bare == [], bare
    assert f"{names['DEFENDANT']}辩称，{answer[:10]}" in text and "答辩意见】" not in text
    basis = re.search(r"依照(.+?)(?:之)?规定，判决如下", text)
    assert basis is not None and _ordered(basis.group(1)), basis
    laws = re.findall(r"《[^》]+》", basis.group(1))
    assert len(laws) == len(set(laws)), "a law named twice in the 依照 list"
    assert [eng.law_rank(t) for t in laws] == sorted(eng.law_rank(t) for t in laws)
    assert "元" in text and not re.search(r"\d\.00(?!\d)", text.split("判决如下")[0])

    # Every law the element schemas cite is in the shipped corpus: the drafted judgment raises no defect.
    defects = draft_defects(draft=draft)
    assert defects == [], [(d.severity, d.text, d.message) for d in defects]


def test_without_an_answer_the_defence_is_left_for_the_judge(world) -> None:
    case = register_civil(world, cause_of_action="民间借贷纠纷")
    case.responsible_judge = world.judge
    case.save(update_fields=["responsible_judge"])
    complaint, _ = demo_texts(
        eng.Cause.PRIVATE_LENDING, Random(3), plaintiff="甲", defendant="乙", before=case.registered_on
    )
    sheet = services.element_table_build(case=case, actor=world.judge, complaint=complaint, answer="")
    services.element_figures_save(
        case=case, actor=world.judge, figures=_figures(eng.Cause.PRIVATE_LENDING, sheet)
    )
    draft = services.element_judgment_draft(case=case, actor=world.judge)
    defendant = case.parties.get(role="DEFENDANT").name
    assert f"{defendant}辩称，【待补充" in docx_text(bytes(draft.docx))


def test_the_answers_own_lead_is_not_repeated(world) -> None:
    from smartcourt.apps.element_trial.documents import defences

    case = register_civil(world, cause_of_action="民间借贷纠纷")
    case.responsible_judge = world.judge
    case.save(update_fields=["responsible_judge"])
    defendant = case.parties.get(role="DEFENDANT").name
    sheet = services.element_table_build(
        case=case,
        actor=world.judge,
        complaint="原告向被告出借人民币50000元，约定年利率12%。",
        answer=f"被告{defendant}辩称：\n借款50000元属实，但双方未约定利息。",
    )
    assert defences(sheet) == [f"{defendant}：借款50000元属实，但双方未约定利息。"]
