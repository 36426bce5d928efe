"""Each document drafted from a generated case, read back with python-docx; the defect checker as the oracle."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document as open_docx

from smartcourt.engines.defects import DefectKind, amount_in_words, check_docx
from smartcourt.engines.drafting import (
    Costs,
    DocumentType,
    DraftContext,
    InvalidContextError,
    Panel,
    Party,
    Procedure,
    UnknownDocumentTypeError,
    chinese_date,
    document_types,
    money,
    render,
)
from smartcourt.engines.drafting.errors import DraftingError
from smartcourt.engines.fees import compute_fee

from .cases import checked_context, civil_case, context_for, criminal_case, enforcement_case

JUDGMENTS = (
    DocumentType.CIVIL_JUDGMENT,
    DocumentType.MEDIATION_STATEMENT,
    DocumentType.REFUSAL_RULING,
    DocumentType.DISMISSAL_RULING,
    DocumentType.WITHDRAWAL_RULING,
    DocumentType.CRIMINAL_JUDGMENT,
    DocumentType.APPEAL_JUDGMENT,
    DocumentType.REMAND_RULING,
)
SEEDS = (1, 2, 3)


def _text(data: bytes) -> list[str]:
    """Every paragraph of the .docx as python-docx reads it, table cells included."""
    document = open_docx(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return texts


def _expected(kind: DocumentType, ctx: DraftContext) -> list[str]:
    """The values from the context that must appear in the document."""
    values = [ctx.case_number, kind.printed_title]
    if kind is not DocumentType.HEARING_RECORD:
        values.append(ctx.court.name)
    if ctx.cause and kind not in (DocumentType.CRIMINAL_JUDGMENT, DocumentType.REFUSAL_RULING):
        values.append(ctx.cause)
    shown = [p for p in ctx.parties if kind is not DocumentType.REFUSAL_RULING or p.role == "起诉人"]
    if kind in (DocumentType.SUMMONS, DocumentType.PROOF_OF_SERVICE):
        shown = [p for p in ctx.parties if p.name == ctx.recipient]
        values += [p.address or "" for p in shown]
    values += [p.name for p in shown]
    if kind in (*JUDGMENTS, DocumentType.TRIAL_OUTLINE, DocumentType.TRIAL_REPORT):
        for party in shown:
            values += [c.name for c in party.counsel]
            if kind is not DocumentType.REFUSAL_RULING and party.address:
                values.append(party.address)
    if kind in JUDGMENTS:
        assert ctx.judgment_date and ctx.panel.clerk
        values += [chinese_date(ctx.judgment_date), ctx.panel.clerk, *ctx.panel.members]
    if kind in (DocumentType.CIVIL_JUDGMENT, DocumentType.CRIMINAL_JUDGMENT, DocumentType.TRIAL_REPORT):
        values += [*ctx.facts_found, *ctx.reasoning]
    if kind is DocumentType.CIVIL_JUDGMENT:
        values += [
            "判决如下",
            "本院认为",
            "诉讼请求",
            "事实和理由",
            "辩称",
            "十五日",
            ctx.court.appeal_court or "",
        ]
        values += [ctx.operative_items[0]]
    if kind.second_instance:  # the full field list is in test_drafting_appeal
        assert ctx.original_court and ctx.original_case_number
        values += [ctx.original_court, ctx.original_case_number, *ctx.reasoning]
    if kind in (DocumentType.REFUSAL_RULING, DocumentType.DISMISSAL_RULING):
        values += ["裁定如下", "十日", ctx.court.appeal_court or ""]
    if kind is DocumentType.CRIMINAL_JUDGMENT:
        values += [ctx.prosecutor or "", ctx.indictment_number or "", ctx.prosecutor_attendee or "", "十日"]
        values += [ctx.operative_items[0], "接到判决书的第二日起"]
    if kind is DocumentType.SUMMONS:
        assert ctx.hearing_date and ctx.hearing_place
        values += [
            f"{ctx.hearing_date.year}年{ctx.hearing_date.month}月{ctx.hearing_date.day}日9时30分",
            ctx.hearing_place,
        ]
    if kind is DocumentType.PROOF_OF_SERVICE:
        values += [*ctx.served_documents, ctx.service_method or ""]
    if kind in (DocumentType.TRIAL_OUTLINE, DocumentType.DELIBERATION_RECORD, DocumentType.TRIAL_REPORT):
        values += list(ctx.dispute_focuses)
    if kind is DocumentType.TRIAL_OUTLINE:
        values += list(ctx.evidence)
    if kind is DocumentType.DELIBERATION_RECORD:
        values += [*ctx.panel.members, *(o.text for o in ctx.opinions)]
    if kind is DocumentType.HEARING_RECORD:
        values += [ctx.hearing_place or "", *ctx.panel.members, ctx.panel.clerk or ""]
    return [v for v in values if v]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("kind", list(DocumentType))
def test_every_field_lands_and_nothing_is_left_unfilled(kind: DocumentType, seed: int) -> None:
    ctx = context_for(kind, seed)
    draft = render(kind, ctx)
    assert draft.warnings == ()
    paragraphs = _text(draft.docx)
    body = "\n".join(paragraphs)
    missing = [value for value in _expected(kind, ctx) if value not in body]
    assert missing == []
    assert "【待补充" not in body
    assert "{{" not in body and "{%" not in body and "}}" not in body
    assert tuple(p for p in draft.paragraphs) == tuple(paragraphs[: len(draft.paragraphs)]) or kind in (
        DocumentType.SUMMONS,
        DocumentType.PROOF_OF_SERVICE,
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("kind", JUDGMENTS)
def test_judgments_rulings_and_mediation_raise_no_defect(kind: DocumentType, seed: int) -> None:
    ctx = context_for(kind, seed)
    defects = check_docx(render(kind, ctx).docx, checked_context(ctx))
    assert [(d.kind, d.message) for d in defects] == []


@pytest.mark.parametrize("kind", [k for k in DocumentType if k not in JUDGMENTS])
def test_other_documents_raise_no_defect_on_their_own_date(kind: DocumentType) -> None:
    ctx = context_for(kind, 4)
    signed = ctx.judgment_date if kind.value.endswith(("record", "outline", "report")) else ctx.filing_date
    checked = replace(checked_context(ctx), judgment_date=signed)
    defects = check_docx(render(kind, ctx).docx, checked)
    if kind is DocumentType.ENFORCEMENT_NOTICE:
        # The checker takes the kind from the first title-like phrase in the first ten paragraphs, and the
        # notice's body names its basis, a 民事判决书; the required parts of a judgment then do not apply.
        defects = [d for d in defects if d.kind is not DefectKind.SECTION]
    assert [(d.kind, d.message) for d in defects] == []


def test_simple_procedure_judgment_has_one_judge_and_halves_the_fee() -> None:
    ctx = civil_case(5, procedure=Procedure.SIMPLE)
    draft = render(DocumentType.CIVIL_JUDGMENT, ctx)
    amount = ctx.claims[0].amount
    assert amount is not None
    full = compute_fee("property", amount).total
    assert full is not None
    body = "\n".join(draft.paragraphs)
    assert "依法适用简易程序" in body
    assert f"案件受理费{money(full)}，减半收取计{money(full / 2)}" in body
    signatures = [p for p in draft.paragraphs if p.startswith(("审判长", "审判员", "人民陪审员"))]
    assert signatures == [f"审判员　{ctx.panel.judges[0]}"]
    assert check_docx(draft.docx, checked_context(ctx)) == []


def test_ordinary_judgment_signs_the_whole_panel_and_charges_the_full_fee() -> None:
    ctx = civil_case(6)
    draft = render(DocumentType.CIVIL_JUDGMENT, ctx)
    panel = ctx.panel
    assert panel.presiding_judge
    signatures = [p for p in draft.paragraphs if p.startswith(("审判长", "审判员", "人民陪审员"))]
    assert signatures == [
        f"审判长　{panel.presiding_judge}",
        f"审判员　{panel.judges[0]}",
        f"人民陪审员　{panel.assessors[0]}",
    ]
    amount = ctx.claims[0].amount
    assert amount is not None
    assert f"案件受理费{money(compute_fee('property', amount).total or Decimal(0))}，由被告" in "\n".join(
        draft.paragraphs
    )


def test_organisation_party_states_address_and_legal_representative_in_order() -> None:
    ctx = civil_case(7, organisation_defendant=True)
    draft = render(DocumentType.CIVIL_JUDGMENT, ctx)
    company = ctx.parties[1]
    index = draft.paragraphs.index(
        f"被告：{company.name}，住所地{company.address}，统一社会信用代码{company.credit_code}。"
    )
    assert draft.paragraphs[index + 1] == f"法定代表人：{company.legal_representative}，执行董事。"
    assert check_docx(draft.docx, checked_context(ctx)) == []


def test_person_party_attributes_in_prescribed_order() -> None:
    ctx = civil_case(8)
    plaintiff = ctx.parties[0]
    assert plaintiff.birth_date
    draft = render(DocumentType.CIVIL_JUDGMENT, ctx)
    born = f"{plaintiff.birth_date.year}年{plaintiff.birth_date.month}月{plaintiff.birth_date.day}日"
    assert (
        draft.paragraphs[3]
        == f"原告：{plaintiff.name}，男，{born}出生，汉族，个体工商户，住{plaintiff.address}。"
    )
    lawyer = plaintiff.counsel[0]
    assert draft.paragraphs[4] == f"委托诉讼代理人：{lawyer.name}，{lawyer.firm}律师。"


def test_enforcement_notice_writes_the_amount_in_words_and_the_application_fee() -> None:
    ctx = enforcement_case(9)
    assert ctx.enforcement_amount is not None
    body = "\n".join(render(DocumentType.ENFORCEMENT_NOTICE, ctx).paragraphs)
    assert f"（大写：{amount_in_words(ctx.enforcement_amount)}）" in body
    fee = compute_fee("enforcement", ctx.enforcement_amount).total
    assert fee is not None
    assert f"负担申请执行费{money(fee)}" in body
    assert "第二百六十四条" in body


@pytest.mark.parametrize(
    ("kind", "period", "statute"),
    [
        (DocumentType.CIVIL_JUDGMENT, "判决书送达之日起十五日内", "十五日"),
        (DocumentType.DISMISSAL_RULING, "裁定书送达之日起十日内", "十日"),
        (DocumentType.REFUSAL_RULING, "裁定书送达之日起十日内", "十日"),
        (DocumentType.CRIMINAL_JUDGMENT, "接到判决书的第二日起十日内", "十日"),
    ],
)
def test_appeal_periods_follow_the_statutes(kind: DocumentType, period: str, statute: str) -> None:
    body = "\n".join(render(kind, context_for(kind, 10)).paragraphs)
    assert period in body


def test_appeal_periods_match_the_shipped_law_texts() -> None:
    laws = Path(__file__).resolve().parents[4] / "shared/data/laws/诉讼与非诉讼程序法"
    civil = laws / "民事诉讼法(2023-09-01).md"
    criminal = laws / "刑事诉讼法(2018-10-26).md"
    if not civil.exists() or not criminal.exists():
        pytest.skip("../shared/data/laws is not present")
    civil_text = civil.read_text("utf-8")
    criminal_text = criminal.read_text("utf-8")
    assert "第一百七十一条 当事人不服地方人民法院第一审判决的，有权在判决书送达之日起十五日内" in civil_text
    assert "不服地方人民法院第一审裁定的，有权在裁定书送达之日起十日内" in civil_text
    assert "不服判决的上诉和抗诉的期限为十日，不服裁定的上诉和抗诉的期限为五日" in criminal_text


def test_withdrawal_ruling_has_no_appeal_paragraph_and_halves_the_fee() -> None:
    ctx = context_for(DocumentType.WITHDRAWAL_RULING, 11)
    body = "\n".join(render(DocumentType.WITHDRAWAL_RULING, ctx).paragraphs)
    assert "上诉" not in body
    assert "减半收取" in body
    assert f"准许原告{ctx.parties[0].name}撤诉。" in body


# ---- missing fields: visible placeholders and warnings ----


def test_missing_defendant_address_is_a_visible_placeholder_and_a_warning() -> None:
    ctx = civil_case(12)
    defendant = replace(ctx.parties[1], address=None)
    draft = render(DocumentType.CIVIL_JUDGMENT, replace(ctx, parties=(ctx.parties[0], defendant)))
    label = f"被告{defendant.name}的住所"
    assert [(w.field, w.label) for w in draft.warnings] == [("parties[1].address", label)]
    assert f"住【待补充：{label}】。" in "\n".join(_text(draft.docx))
    assert draft.warnings[0].message == f"缺少{label}，文书中以【待补充：{label}】标出，请补充后再使用"
    assert not draft.complete


@pytest.mark.parametrize(
    ("change", "field", "shown"),
    [
        ({"judgment_date": None}, "judgment_date", "【待补充：裁判日期】"),
        ({"reasoning": ()}, "reasoning", "本院认为，【待补充：本院认为（裁判理由）】"),
        ({"legal_basis": ()}, "legal_basis", "依照【待补充：裁判依据的法律条文】规定"),
        ({"operative_items": ()}, "operative_items", "【待补充：判决主文】"),
        ({"costs": None}, "costs.bearer", "由【待补充：诉讼费用负担】负担"),
        ({"panel": Panel("甲某", ("乙某", "丙某"))}, "panel.clerk", "书记员　【待补充：书记员】"),
        ({"cause": None}, "cause", "【待补充：案由】一案"),
        ({"hearing_date": None}, "hearing_date", "于【待补充：开庭日期】公开开庭"),
    ],
)
def test_each_missing_judgment_field_is_shown_and_warned(
    change: dict[str, object], field: str, shown: str
) -> None:
    ctx = replace(civil_case(13), **change)  # type: ignore[arg-type]
    draft = render(DocumentType.CIVIL_JUDGMENT, ctx)
    assert field in [w.field for w in draft.warnings]
    assert shown in "\n".join(_text(draft.docx))


def test_missing_appeal_court_is_warned() -> None:
    ctx = civil_case(14)
    draft = render(DocumentType.CIVIL_JUDGMENT, replace(ctx, court=replace(ctx.court, appeal_court=None)))
    assert [w.field for w in draft.warnings] == ["court.appeal_court"]
    assert any(p.endswith("上诉于【待补充：上一级人民法院名称】。") for p in draft.paragraphs)


def test_costs_without_an_amount_or_fixed_fee_are_warned() -> None:
    ctx = replace(civil_case(15), claims=(), costs=Costs("被告"))
    draft = render(DocumentType.CIVIL_JUDGMENT, ctx)
    assert {"claims", "costs.fee"} <= {w.field for w in draft.warnings}
    assert "案件受理费【待补充：案件受理费金额】，由被告负担。" in draft.paragraphs


def test_fixed_fee_is_used_as_given() -> None:
    draft = render(DocumentType.CIVIL_JUDGMENT, replace(civil_case(16), costs=Costs("被告", Decimal("50"))))
    assert "案件受理费50元，由被告负担。" in draft.paragraphs


def test_a_bare_context_drafts_every_document_with_warnings_only() -> None:
    for kind in DocumentType:
        number = "（2024）浙01民终1号" if kind.second_instance else "（2024）浙0102民初1号"
        bare = DraftContext(court=civil_case(1).court, case_number=number)
        draft = render(kind, bare)
        assert draft.warnings, kind
        assert "【待补充" in "\n".join(_text(draft.docx)), kind


def test_missing_criminal_custody_is_warned() -> None:
    ctx = criminal_case(17)
    accused = replace(ctx.parties[0], custody=None)
    draft = render(DocumentType.CRIMINAL_JUDGMENT, replace(ctx, parties=(accused,)))
    assert [w.field for w in draft.warnings] == ["parties[0].custody"]


def test_text_is_escaped_not_interpreted() -> None:
    ctx = civil_case(18)
    odd = replace(ctx, facts_found=("A<B & C>D {{ court }} {% if x %}",))
    draft = render(DocumentType.CIVIL_JUDGMENT, odd)
    assert "本院经审理认定事实如下：A<B & C>D {{ court }} {% if x %}" in _text(draft.docx)


# ---- malformed input: typed errors with code and Chinese message ----


def test_unknown_document_type() -> None:
    with pytest.raises(UnknownDocumentTypeError) as caught:
        render("起诉状", civil_case(1))
    assert (caught.value.code, caught.value.message, caught.value.field) == (
        "drafting.unknown_type",
        "不支持的文书类型：起诉状",
        "document_type",
    )


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"filing_date": "2024-01-05"}, "filing_date", "日期的类型不正确（收到 str）"),
        ({"judgment_date": date(2023, 1, 1)}, "judgment_date", "裁判日期2023-01-01早于"),
        ({"case_number": "2024浙0102民初1"}, "case_number", "案号格式错误"),
        ({"procedure": "普通"}, "procedure", "审理程序的类型不正确"),
        ({"parties": [Party("原告", "甲")]}, "parties", "当事人的类型不正确"),
        ({"parties": (Party("申诉人", "甲"),)}, "parties[0].role", "未知的诉讼地位：申诉人"),
        ({"parties": (Party("原告", "甲", sex="M"),)}, "parties[0].sex", "性别应为“男”或“女”"),
        ({"costs": Costs("被告", Decimal("-1"))}, "costs.fee", "案件受理费必须是非负的有限金额"),
        ({"enforcement_amount": 100}, "enforcement_amount", "执行标的金额的类型不正确"),
        ({"evidence_period_days": 10}, "evidence_period_days", "普通程序的举证期限不得少于十五日"),
        ({"recipient": "不存在的人"}, "recipient", "不是本案当事人"),
    ],
)
def test_malformed_context_is_refused_with_code_and_field(
    change: dict[str, object], field: str, message: str
) -> None:
    ctx = replace(civil_case(19), **change)  # type: ignore[arg-type]
    kind = DocumentType.SUMMONS if "recipient" in change else DocumentType.CIVIL_JUDGMENT
    with pytest.raises(InvalidContextError) as caught:
        render(kind, ctx)
    assert caught.value.code == "drafting.invalid_context"
    assert caught.value.field == field
    assert message in caught.value.message
    assert isinstance(caught.value, DraftingError) and isinstance(caught.value, ValueError)


def test_deliberation_record_is_refused_for_a_sole_judge() -> None:
    ctx = civil_case(20, procedure=Procedure.SIMPLE)
    with pytest.raises(InvalidContextError) as caught:
        render(DocumentType.DELIBERATION_RECORD, ctx)
    assert caught.value.message == "独任审理的案件不制作合议庭评议笔录"


def test_document_types_cover_the_issue() -> None:
    assert sorted(set(document_types().values())) == sorted(
        {
            "受理案件通知书",
            "应诉通知书",
            "举证通知书",
            "传票",
            "民事判决书",
            "民事调解书",
            "民事裁定书",
            "刑事判决书",
            "执行通知书",
            "送达回证",
            "庭审提纲",
            "庭审笔录",
            "合议庭评议笔录",
            "审理报告",
        }
    )


def test_templates_are_reproducible_from_the_build_script() -> None:
    from smartcourt.engines.drafting import _build_templates
    from smartcourt.engines.drafting._render import template_bytes

    for kind in DocumentType:
        assert _build_templates.build(kind.value) == template_bytes(kind.value), kind


@pytest.mark.parametrize(
    ("kind", "basis", "order"),
    [
        (
            DocumentType.REFUSAL_RULING,
            "依照《中华人民共和国民事诉讼法》第一百二十二条、第一百二十六条规定，裁定如下：",
            "的起诉，本院不予受理。",
        ),
        (
            DocumentType.DISMISSAL_RULING,
            "依照《中华人民共和国民事诉讼法》第一百二十二条、第一百五十七条第一款第三项，《最高人民法院关于适用〈中华人民共和国"
            "民事诉讼法〉的解释》第二百零八条第三款规定，裁定如下：",
            "的起诉。",
        ),
        (
            DocumentType.WITHDRAWAL_RULING,
            "依照《中华人民共和国民事诉讼法》第一百四十八条第一款、第一百五十七条第一款第五项规定，裁定如下：",
            "撤诉。",
        ),
    ],
)
def test_rulings_state_their_own_basis_and_order_not_the_merits(
    kind: DocumentType, basis: str, order: str
) -> None:
    ctx = civil_case(21)  # carries the merits' legal basis and operative items, which a ruling must not take
    draft = render(kind, ctx)
    assert basis in draft.paragraphs
    operative = draft.paragraphs[draft.paragraphs.index(basis) + 1]
    assert operative.endswith(order)
    assert ctx.operative_items[0] not in "\n".join(draft.paragraphs)
