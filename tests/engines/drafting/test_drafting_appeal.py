"""Second-instance documents (民终): 民事判决书 (维持 / 改判) and 民事裁定书 (发回重审), drafted from generated cases,
read back with python-docx field by field, and checked by the defect checker, which must find nothing."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal

import pytest
from docx import Document as open_docx

from smartcourt.engines.defects import check_docx
from smartcourt.engines.drafting import (
    AppealOutcome,
    Costs,
    DocumentType,
    DraftContext,
    InvalidContextError,
    Panel,
    RemandGround,
    chinese_date,
    is_civil_second_instance,
    join_citations,
    money,
    render,
)
from smartcourt.engines.fees import compute_fee

from .cases import appeal_case, checked_context

SEEDS = (1, 2, 3)
AFFIRM_BASIS = "《中华人民共和国民事诉讼法》第一百七十七条第一款第一项"
REVISE_BASIS = "《中华人民共和国民事诉讼法》第一百七十七条第一款第二项"
REMAND_BASIS = {
    RemandGround.FACTS: "《中华人民共和国民事诉讼法》第一百七十七条第一款第三项",
    RemandGround.PROCEDURE: "《中华人民共和国民事诉讼法》第一百七十七条第一款第四项",
}


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in open_docx(io.BytesIO(data)).paragraphs]


def _common_fields(ctx: DraftContext) -> list[str]:
    """Values every second-instance document shows: header, parties with their standing, the judgment appealed
    against, the signatures."""
    assert ctx.judgment_date and ctx.panel.clerk and ctx.original_court and ctx.original_case_number
    values = [ctx.court.name, ctx.case_number, ctx.cause or "", ctx.original_court, ctx.original_case_number]
    for party in ctx.parties:
        standing = f"{party.role}（{party.original_role}）" if party.original_role else party.role
        values += [f"{standing}：{party.name}", party.address or ""]
        values += [f"委托诉讼代理人：{c.name}，{c.firm}律师。" for c in party.counsel]
    values += [f"审判长　{ctx.panel.presiding_judge}", *(f"审判员　{j}" for j in ctx.panel.judges)]
    values += [chinese_date(ctx.judgment_date), f"书记员　{ctx.panel.clerk}"]
    values.append(f"不服{ctx.original_court}{ctx.original_case_number}民事判决，向本院提起上诉。")
    return [v for v in values if v]


def _judgment_fields(ctx: DraftContext) -> list[str]:
    appellant, appellee, third = ctx.parties
    values = _common_fields(ctx)
    values += [
        f"上诉人{appellant.name}因与被上诉人{appellee.name}、原审第三人{third.name}{ctx.cause}一案",
        f"{appellant.name}上诉请求：1.{ctx.claims[0].text}；2.{ctx.claims[1].text}。",
        f"事实和理由：{ctx.facts_and_reasons}",
        *(f"{s.speaker}{'辩称' if s.speaker == appellee.name else '述称'}，{s.text}。" for s in ctx.defences),
        f"{appellee.name}向一审法院起诉请求：1.{ctx.original_claims[0]}；2.{ctx.original_claims[1]}。",
        *(f"一审法院认定事实：{f}" for f in ctx.original_facts[:1]),
        *(f"一审法院认为，{r}" for r in ctx.original_reasoning[:1]),
        f"一审法院判决：一、{ctx.original_items[0]}；二、{ctx.original_items[1]}。",
        *ctx.facts_found,
        *ctx.reasoning,
        "本判决为终审判决。",
    ]
    return values


@pytest.mark.parametrize("seed", SEEDS)
def test_affirming_judgment_every_field_lands_and_no_appeal_notice(seed: int) -> None:
    ctx = appeal_case(seed)
    draft = render(DocumentType.APPEAL_JUDGMENT, ctx)
    assert draft.warnings == ()
    paragraphs = _paragraphs(draft.docx)
    body = "\n".join(paragraphs)
    assert [v for v in _judgment_fields(ctx) if v not in body] == []
    assert paragraphs[:3] == [ctx.court.name, "民事判决书", ctx.case_number]
    basis = next(p for p in paragraphs if p.endswith("判决如下："))
    assert basis.startswith(f"综上所述，{ctx.parties[0].name}的上诉请求不能成立，应予驳回；")
    assert f"依照{AFFIRM_BASIS}规定，判决如下：" in basis
    assert paragraphs[paragraphs.index(basis) + 1] == "驳回上诉，维持原判。"
    # 诉讼费用交纳办法第十七条: on the amount of the appeal requests, by the fees engine
    amount = ctx.claims[0].amount
    assert amount is not None
    fee = compute_fee("property", amount).total
    assert f"二审案件受理费{money(fee)}，由上诉人{ctx.parties[0].name}负担。" in paragraphs
    # 民事诉讼法第一百八十二条: final — no appeal paragraph, no 迟延履行 paragraph for an order without money
    assert "如不服" not in body and "上诉于" not in body and "加倍支付" not in body
    assert "【待补充" not in body and "{{" not in body and "{%" not in body


@pytest.mark.parametrize("seed", SEEDS)
def test_revising_judgment_sets_the_first_instance_aside_and_allocates_both_fees(seed: int) -> None:
    ctx = appeal_case(seed, outcome=AppealOutcome.REVISE)
    draft = render(DocumentType.APPEAL_JUDGMENT, ctx)
    assert draft.warnings == ()
    paragraphs = _paragraphs(draft.docx)
    body = "\n".join(paragraphs)
    assert [v for v in _judgment_fields(ctx) if v not in body] == []
    basis = join_citations([*ctx.legal_basis, REVISE_BASIS])
    assert (
        f"综上所述，{ctx.parties[0].name}的上诉请求成立，予以支持。依照{basis}规定，判决如下：" in paragraphs
    )
    start = paragraphs.index(
        f"综上所述，{ctx.parties[0].name}的上诉请求成立，予以支持。依照{basis}规定，判决如下："
    )
    assert paragraphs[start + 1] == f"一、{ctx.operative_items[0]}；"
    assert paragraphs[start + 2] == f"二、{ctx.operative_items[1]}。"
    appellee = ctx.parties[1].name
    costs = next(p for p in paragraphs if p.startswith("一审案件受理费"))
    assert costs.startswith(f"一审案件受理费2300元，由被上诉人{appellee}负担；二审案件受理费")
    assert costs.endswith(f"由被上诉人{appellee}负担。")
    assert "如不服" not in body and "【待补充" not in body


def test_revising_adds_the_setting_aside_when_the_judge_wrote_only_the_new_order() -> None:
    ctx = appeal_case(4, outcome=AppealOutcome.REVISE)
    ctx = replace(ctx, operative_items=ctx.operative_items[1:])
    paragraphs = render(DocumentType.APPEAL_JUDGMENT, ctx).paragraphs
    assert f"一、撤销{ctx.original_court}{ctx.original_case_number}民事判决；" in paragraphs


@pytest.mark.parametrize("ground", list(RemandGround))
@pytest.mark.parametrize("seed", SEEDS)
def test_remand_ruling_every_field_lands(seed: int, ground: RemandGround) -> None:
    ctx = appeal_case(seed, remand=ground)
    draft = render(DocumentType.REMAND_RULING, ctx)
    assert draft.warnings == ()
    paragraphs = _paragraphs(draft.docx)
    body = "\n".join(paragraphs)
    assert [v for v in _common_fields(ctx) if v not in body] == []
    assert paragraphs[:3] == [ctx.court.name, "民事裁定书", ctx.case_number]
    assert f"本院认为，{ctx.reasoning[0]}" in paragraphs
    basis = f"依照{REMAND_BASIS[ground]}规定，裁定如下："
    start = paragraphs.index(basis)
    assert paragraphs[start + 1 : start + 3] == [
        f"一、撤销{ctx.original_court}{ctx.original_case_number}民事判决；",
        f"二、本案发回{ctx.original_court}重审。",
    ]
    # 诉讼费用交纳办法第二十七条: the appellant's fee is refunded
    assert paragraphs[start + 3].startswith(f"上诉人{ctx.parties[0].name}预交的二审案件受理费")
    assert paragraphs[start + 3].endswith("元予以退回。")
    assert "如不服" not in body and "判决如下" not in body and "【待补充" not in body


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    ("kind", "variant"),
    [
        (DocumentType.APPEAL_JUDGMENT, {}),
        (DocumentType.APPEAL_JUDGMENT, {"outcome": AppealOutcome.REVISE}),
        (DocumentType.REMAND_RULING, {"remand": RemandGround.FACTS}),
        (DocumentType.REMAND_RULING, {"remand": RemandGround.PROCEDURE}),
    ],
)
def test_second_instance_documents_raise_no_defect(
    kind: DocumentType, variant: dict[str, object], seed: int
) -> None:
    ctx = appeal_case(seed, **variant)  # type: ignore[arg-type]
    defects = check_docx(render(kind, ctx).docx, checked_context(ctx))
    assert [(d.kind, d.message) for d in defects] == []


def test_missing_first_instance_standing_and_outcome_are_shown_and_warned() -> None:
    ctx = appeal_case(5)
    appellant = replace(ctx.parties[0], original_role=None)
    draft = render(
        DocumentType.APPEAL_JUDGMENT,
        replace(ctx, parties=(appellant, *ctx.parties[1:]), appeal_outcome=None, original_items=()),
    )
    assert [w.field for w in draft.warnings] == [
        "parties[0].original_role",
        "original_items",
        "appeal_outcome",
        "operative_items",
    ]
    assert draft.paragraphs[3].startswith(
        f"上诉人（【待补充：上诉人{appellant.name}的原审诉讼地位】）：{appellant.name}"
    )


def test_a_sole_judge_signs_alone() -> None:
    ctx = appeal_case(6)
    ctx = replace(ctx, panel=Panel(judges=("甲某",), clerk="乙某"))
    draft = render(DocumentType.APPEAL_JUDGMENT, ctx)
    assert "本院于" in (opening := next(p for p in draft.paragraphs if "向本院提起上诉" in p))
    assert "依法由审判员甲某独任审理" in opening
    assert "审判员　甲某" in draft.paragraphs and not any(p.startswith("审判长") for p in draft.paragraphs)


def test_both_sides_appealing() -> None:
    ctx = appeal_case(7)
    first, second, third = ctx.parties
    both = replace(ctx, parties=(first, replace(second, role="上诉人"), third))
    draft = render(DocumentType.APPEAL_JUDGMENT, both)
    assert f"上诉人（原审原告）：{second.name}" in "\n".join(draft.paragraphs)
    assert any(
        p.startswith(f"上诉人{first.name}因与上诉人{second.name}、原审第三人{third.name}")
        for p in draft.paragraphs
    )
    assert f"{first.name}、{second.name}上诉请求：" in "\n".join(draft.paragraphs)


@pytest.mark.parametrize(
    ("change", "kind", "field", "message"),
    [
        (
            {"case_number": "（2024）浙0102民初5号"},
            DocumentType.APPEAL_JUDGMENT,
            "case_number",
            "案号应为“民终”字号",
        ),
        (
            {"case_number": "（2024）浙01刑终5号"},
            DocumentType.REMAND_RULING,
            "case_number",
            "案号应为“民终”字号",
        ),
        (
            {"panel": Panel("甲某", ("乙某",), ("丙某",))},
            DocumentType.APPEAL_JUDGMENT,
            "panel.assessors",
            "第四十一条",
        ),
        (
            {"original_case_number": "（2023）浙01民终5号"},
            DocumentType.APPEAL_JUDGMENT,
            "original_case_number",
            "一审案号",
        ),
        (
            {"original_case_number": "2023浙0102民初5"},
            DocumentType.APPEAL_JUDGMENT,
            "original_case_number",
            "格式错误",
        ),
        ({"appeal_outcome": "维持"}, DocumentType.APPEAL_JUDGMENT, "appeal_outcome", "类型不正确"),
        (
            {"original_costs": Costs("甲", Decimal("-1"))},
            DocumentType.APPEAL_JUDGMENT,
            "original_costs.fee",
            "一审案件受理费必须是非负的有限金额",
        ),
    ],
)
def test_malformed_second_instance_context_is_refused(
    change: dict[str, object], kind: DocumentType, field: str, message: str
) -> None:
    ctx = replace(appeal_case(8), **change)  # type: ignore[arg-type]
    with pytest.raises(InvalidContextError) as caught:
        render(kind, ctx)
    assert caught.value.field == field and message in caught.value.message


@pytest.mark.parametrize(
    ("role", "original", "message"),
    [
        ("原告", "原审原告", "只有上诉人、被上诉人需写明原审诉讼地位"),
        ("上诉人", "一审被告", "未知的原审诉讼地位"),
    ],
)
def test_original_role_only_on_appeal_roles_and_from_the_list(role: str, original: str, message: str) -> None:
    ctx = appeal_case(9)
    party = replace(ctx.parties[0], role=role, original_role=original)
    with pytest.raises(InvalidContextError) as caught:
        render(DocumentType.APPEAL_JUDGMENT, replace(ctx, parties=(party, *ctx.parties[1:])))
    assert caught.value.field == "parties[0].original_role" and message in caught.value.message


def test_second_instance_numbers() -> None:
    assert is_civil_second_instance("（2024）浙01民终12号")
    assert not is_civil_second_instance("（2024）浙0102民初12号")
    assert not is_civil_second_instance("")
    assert DocumentType.APPEAL_JUDGMENT.second_instance and DocumentType.REMAND_RULING.second_instance
    assert [k for k in DocumentType if k.second_instance] == [
        DocumentType.APPEAL_JUDGMENT,
        DocumentType.REMAND_RULING,
    ]
