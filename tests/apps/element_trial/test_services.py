"""Building the element table (pasted texts and the case file), edits with reasons, rebuilds, permissions,
the calculation figures and the documents through apps/drafting."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from smartcourt.apps.casefile.models import Material, MaterialStatus, Page
from smartcourt.apps.core.errors import InvalidInputError, NotFoundError, NotPermittedError
from smartcourt.apps.drafting.models import Draft
from smartcourt.apps.element_trial import selectors, services
from smartcourt.apps.element_trial.models import ElementChange, ElementEntry, ElementSheet
from tests.apps.drafting.conftest import docx_text
from tests.apps.element_trial.conftest import ANSWER, COMPLAINT
from tests.apps.factories import register_civil

pytestmark = pytest.mark.django_db


def _build(case, actor, **kw):
    return services.element_table_build(case=case, actor=actor, complaint=COMPLAINT, answer=ANSWER, **kw)


def _statuses(sheet: ElementSheet) -> dict[str, str]:
    return dict(sheet.rows.values_list("key", "status"))


def test_build_from_pasted_texts_keeps_values_statuses_and_spans(world, case) -> None:
    sheet = _build(case, world.judge)
    assert (sheet.cause, sheet.version, sheet.text_source) == ("private_lending", 1, "PASTED")
    assert _statuses(sheet) == {
        "agreement": "not_mentioned",
        "amount": "agreed",
        "delivery": "agreed",
        "rate": "disputed",
        "term": "not_mentioned",
        "repayment": "disputed",
        "guarantee": "not_mentioned",
        "overdue_interest": "not_mentioned",
    }
    amount = sheet.rows.get(key="amount")
    assert amount.value == "80000" and amount.extracted_value == "80000"
    first = amount.sources[0]
    assert first["document"] == "complaint" and COMPLAINT[first["start"] : first["end"]] == "人民币80000元"
    answer = next(s for s in amount.sources if s["document"] == "answer")
    assert ANSWER[answer["start"] : answer["end"]] == answer["text"]
    outline = selectors.sheet_outline(sheet=sheet)
    assert [i.key for i in outline.focus] == ["rate", "repayment"]


def _material(case, category: str, text: str, actor) -> Material:
    material = Material.objects.create(
        case=case,
        source="SCAN",
        filename=f"{category}.pdf",
        file=f"casefile/{case.pk}/{category}.pdf",
        sha256=category.ljust(64, "0"),
        size=100,
        media_type="application/pdf",
        page_count=1,
        uploaded_by=actor,
        uploaded_at=datetime.now(tz=UTC),
        status=MaterialStatus.READY,
        title={"complaint": "民事起诉状", "answer": "民事答辩状"}.get(category, "借条"),
        category=category,
    )
    Page.objects.create(material=material, number=1, text=text)
    return material


def test_build_reads_the_case_file_when_nothing_is_pasted(world, case) -> None:
    complaint = _material(case, "complaint", COMPLAINT, world.clerk)
    _material(case, "answer", ANSWER, world.clerk)
    _material(case, "evidence", "借条：今借到人民币80000元，约定年利率12%。", world.clerk)
    sheet = services.element_table_build(case=case, actor=world.judge)
    assert sheet.text_source == "CASE_FILE" and sheet.complaint == COMPLAINT and sheet.answer == ANSWER
    assert {d["material_id"] for d in sheet.documents if d["category"] == "complaint"} == {complaint.pk}
    assert _statuses(sheet)["rate"] == "disputed"
    rate = sheet.rows.get(key="rate")
    assert any(s["document"] == "evidence:0" for s in rate.sources)


def test_build_without_any_complaint_is_refused_and_saves_nothing(world, case) -> None:
    with pytest.raises(InvalidInputError) as err:
        services.element_table_build(case=case, actor=world.judge)
    assert err.value.code == "element_trial.no_complaint" and "起诉状" in err.value.message
    assert not ElementSheet.objects.exists()


def test_cause_detected_from_the_text_when_the_case_cause_has_no_schema(world) -> None:
    case = register_civil(world, cause_of_action="买卖合同纠纷")
    case.responsible_judge = world.judge
    case.save(update_fields=["responsible_judge"])
    with pytest.raises(InvalidInputError) as err:
        services.element_table_build(case=case, actor=world.judge, complaint="原告向被告出售货物一批。")
    assert err.value.code == "element_trial.unknown_cause" and "买卖合同纠纷" in err.value.message
    sheet = services.element_table_build(case=case, actor=world.judge, complaint=COMPLAINT, answer=ANSWER)
    assert sheet.cause == "private_lending"


def test_toggle_to_disputed_with_reason_is_logged_and_changes_the_outline(world, case) -> None:
    sheet = _build(case, world.judge)
    entry = services.element_row_update(
        case=case, actor=world.judge, key="amount", status="disputed", reason="被告庭前提交还款凭证，金额存疑"
    )
    assert (entry.status, entry.edited) == ("disputed", True)
    change = ElementChange.objects.get()
    assert (change.key, change.field, change.before, change.after, change.actor) == (
        "amount",
        "status",
        "agreed",
        "disputed",
        world.judge,
    )
    assert [i.key for i in selectors.sheet_outline(sheet=sheet).focus] == ["amount", "rate", "repayment"]
    log = LogEntry.objects.get_for_object(entry).latest("timestamp")
    assert log.actor == world.judge and log.changes_dict["status"] == ["agreed", "disputed"]


def test_value_and_note_edit_then_rebuild_keeps_the_judges_changes(world, case) -> None:
    _build(case, world.judge)
    services.element_row_update(
        case=case, actor=world.judge, key="repayment", value="30000", note="以银行流水为准", reason="核对流水"
    )
    assert ElementChange.objects.filter(key="repayment").count() == 2  # value and note
    sheet = _build(case, world.judge)
    row = sheet.rows.get(key="repayment")
    assert (sheet.version, row.value, row.extracted_value, row.note) == (
        2,
        "30000",
        "10000",
        "以银行流水为准",
    )
    assert sheet.rows.get(key="amount").value == "80000"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"status": "maybe", "value": "1", "reason": "理由"}, "element_trial.bad_status"),
        ({"status": "disputed", "reason": "  "}, "element_trial.reason_required"),
        ({"status": "agreed", "reason": "理由"}, "element_trial.no_change"),
        ({"key": "nope", "status": "disputed", "reason": "理由"}, "element_trial.unknown_element"),
        ({"value": "x" * 501, "reason": "理由"}, "element_trial.bad_value"),
    ],
)
def test_bad_edit_is_refused_with_a_clear_error_and_nothing_half_saved(world, case, kwargs, code) -> None:
    _build(case, world.judge)
    before = list(ElementEntry.objects.values_list("key", "value", "status", "note", "edited"))
    with pytest.raises(InvalidInputError) as err:
        services.element_row_update(case=case, actor=world.judge, **{"key": "amount", **kwargs})
    assert err.value.code == code and err.value.message
    if code == "element_trial.bad_status":
        assert "maybe" in err.value.message and "disputed（有争议）" in err.value.message
        assert err.value.detail["allowed"] == ["agreed", "disputed", "not_mentioned"]
    assert list(ElementEntry.objects.values_list("key", "value", "status", "note", "edited")) == before
    assert not ElementChange.objects.exists()


def test_edit_before_build_is_refused(world, case) -> None:
    with pytest.raises(InvalidInputError) as err:
        services.element_row_update(case=case, actor=world.judge, key="amount", status="disputed", reason="r")
    assert err.value.code == "element_trial.no_table"


@pytest.mark.parametrize("who", ["judge2", "clerk", "litigant", "leader"])
def test_outside_the_editing_team_cannot_build_or_edit(world, case, who) -> None:
    _build(case, world.judge)
    user = getattr(world, who)
    with pytest.raises(NotPermittedError):
        _build(case, user)
    with pytest.raises(NotPermittedError):
        services.element_row_update(case=case, actor=user, key="amount", status="disputed", reason="r")
    assert ElementSheet.objects.get().version == 1 and not ElementChange.objects.exists()


def test_who_may_open_the_element_trial(world, case, assistant) -> None:
    for who in ("judge", "clerk"):
        assert selectors.element_case_get(viewer=getattr(world, who), case_id=case.pk) == case
    assert selectors.element_case_get(viewer=assistant, case_id=case.pk) == case
    assert selectors.can_edit(case=case, user=assistant) and not selectors.can_edit(
        case=case, user=world.clerk
    )
    for who in ("judge2", "litigant", "leader"):  # see the case, not on its team
        with pytest.raises(NotPermittedError):
            selectors.element_case_get(viewer=getattr(world, who), case_id=case.pk)
    for who in ("other_judge", "stranger", "it_admin"):  # cannot see the case at all
        with pytest.raises(NotFoundError):
            selectors.element_case_get(viewer=getattr(world, who), case_id=case.pk)


def test_assistant_builds_and_the_edit_is_attributed(world, case, assistant) -> None:
    _build(case, assistant)
    services.element_row_update(
        case=case, actor=assistant, key="rate", status="agreed", reason="庭前会议确认"
    )
    assert ElementChange.objects.get().actor == assistant


LENDING_FIGURES = {
    "principal": "70000",
    "start": "2023-03-01",
    "end": "2024-03-01",
    "contract_date": "2023-03-01",
    "annual_rate": "24",
}


def test_lending_interest_under_the_lpr_cap_with_the_judges_figures(world, case) -> None:
    _build(case, world.judge)
    sheet = services.element_figures_save(
        case=case, actor=world.judge, figures={**LENDING_FIGURES, "lpr": "3.65"}
    )
    from smartcourt.apps.element_trial.calculations import calculate

    (calc,) = calculate(selectors.supported_cause(case), sheet.figures)
    steps = {s.label: s for s in calc.steps}
    assert (steps["四倍LPR上限"].value, steps["适用年利率"].value) == (Decimal("14.60"), Decimal("14.60"))
    assert calc.figure == Decimal("10248.00")  # 70000 × 14.6% × 366 ÷ 365 (2024 is a leap year)
    assert "民间借贷规定第二十五条" in calc.basis


def test_missing_lpr_is_a_chinese_form_error_never_a_guess(world, case) -> None:
    _build(case, world.judge)
    figures = {**LENDING_FIGURES, "start": "2035-01-01", "end": "2036-01-01", "contract_date": "2035-01-01"}
    with pytest.raises(InvalidInputError) as err:
        services.element_figures_save(case=case, actor=world.judge, figures=figures)
    assert err.value.code == "element_trial.figure_required" and err.value.detail["field"] == "lpr"
    assert "一年期LPR" in err.value.message and "不作推测" in err.value.message
    assert ElementSheet.objects.get().figures == {}
    with pytest.raises(InvalidInputError) as err:
        services.element_figures_save(
            case=case, actor=world.judge, figures={**LENDING_FIGURES, "principal": ""}
        )
    assert err.value.detail["field"] == "principal" and "借款本金" in err.value.message


def test_default_figures_come_from_the_table(world, case) -> None:
    from smartcourt.apps.element_trial.calculations import default_figures

    sheet = _build(case, world.judge)
    values = default_figures(selectors.supported_cause(case), list(sheet.rows.all()), sheet.complaint)
    assert (
        values["principal"] == "80000" and values["start"] == "2023-03-01" and values["annual_rate"] == "12"
    )
    assert "end" not in values


def test_judgment_draft_follows_the_table_and_carries_the_calculation(world, case) -> None:
    _build(case, world.judge)
    with pytest.raises(InvalidInputError) as err:
        services.element_judgment_draft(case=case, actor=world.judge)
    assert err.value.code == "element_trial.figure_required" and not Draft.objects.exists()
    services.element_figures_save(case=case, actor=world.judge, figures={**LENDING_FIGURES, "lpr": "3.65"})
    draft = services.element_judgment_draft(
        case=case, actor=world.judge, inputs={"operative_items": ["被告于本判决生效之日起十日内偿还原告借款"]}
    )
    assert draft.document_type == "civil_judgment" and draft.author == world.judge
    assert draft.inputs["facts_found"][0] == "借款金额：80000元（双方无争议，本院予以确认）。"
    assert draft.inputs["dispute_focuses"] == ["约定利率", "还款情况"]
    assert (
        "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条" in draft.inputs["legal_basis"]
    )
    text = docx_text(bytes(draft.docx))
    assert "关于借期内利息" in text and "10248元" in text and "本院认为" in text


def test_outline_docx_is_a_drafting_version_focused_on_disputed_elements(world, case) -> None:
    _build(case, world.judge)
    services.element_row_update(case=case, actor=world.judge, key="amount", status="disputed", reason="存疑")
    draft = services.element_outline_docx(case=case, actor=world.judge)
    assert draft.document_type == "trial_outline"
    text = docx_text(bytes(draft.docx))
    assert "庭审提纲" in text and "借款金额（原告主张：80000" in text and "约定利率（原告主张：12%" in text


def test_traffic_damages_need_the_judges_liability_share(world) -> None:
    from random import Random

    from smartcourt.apps.element_trial.calculations import calculate, default_figures
    from smartcourt.apps.element_trial.demo import demo_texts
    from smartcourt.engines.elements import Cause

    case = register_civil(world, cause_of_action="机动车交通事故责任纠纷")
    case.responsible_judge = world.judge
    case.save(update_fields=["responsible_judge"])
    complaint, answer = demo_texts(
        Cause.TRAFFIC_ACCIDENT, Random(2), plaintiff="原告甲", defendant="被告乙", before=case.registered_on
    )
    sheet = services.element_table_build(case=case, actor=world.judge, complaint=complaint, answer=answer)
    figures = default_figures(Cause.TRAFFIC_ACCIDENT, list(sheet.rows.all()), sheet.complaint)
    assert figures["item_disability"] == "110000" and "liability_percent" not in figures
    with pytest.raises(InvalidInputError) as err:
        services.element_figures_save(case=case, actor=world.judge, figures=figures)
    assert err.value.detail["field"] == "liability_percent" and "被告方责任比例" in err.value.message
    sheet = services.element_figures_save(
        case=case, actor=world.judge, figures={**figures, "liability_percent": "100"}
    )
    (calc,) = calculate(Cause.TRAFFIC_ACCIDENT, sheet.figures)
    assert [s.label for s in calc.steps][-1] == "扣除已付款项" and calc.figure > 0
