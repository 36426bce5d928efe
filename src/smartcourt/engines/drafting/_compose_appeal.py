"""Second-instance civil documents (民终): 民事判决书 (驳回上诉，维持原判 or 改判) and 民事裁定书 (发回重审).

Styles: 《民事诉讼文书样式》 (法〔2016〕221号) — 民事判决书（二审维持原判或者改判用） and 民事裁定书（二审发回重审用）,
with 《人民法院民事裁判文书制作规范》. Their texts are not in ../shared/data, so the wording below is written from
memory of those styles and is marked "unverified" where it goes beyond what the statutes say. The statutes are
cited from ../shared/data/laws:

- 民事诉讼法（2023年修正）第四十一条: 第二审民事案件由审判员组成合议庭 (no 人民陪审员); 第二款: 中级人民法院 may
  sit with one judge (独任) in the cases it lists.
- 第一百七十一条: 不服第一审判决的上诉 — the judgment appealed against is a first-instance one.
- 第一百七十七条第一款: 第一项 驳回上诉，维持原判决; 第二项 依法改判、撤销或者变更; 第三项 基本事实不清 and
  第四项 严重违反法定程序: 裁定撤销原判决，发回原审人民法院重审.
- 第一百八十二条: 第二审人民法院的判决、裁定，是终审的判决、裁定 — so no appeal paragraph; the judgment says
  本判决为终审判决.
- 《诉讼费用交纳办法》第十七条: the 二审 fee is on the amount of the appeal requests (the claims here), computed
  by the fees engine; 第二十七条: on 发回重审 the appellant's 二审案件受理费 is refunded.
"""

from __future__ import annotations

from dataclasses import replace

from smartcourt.engines.drafting._compose import (
    Fields,
    Variables,
    _clerk,
    _common,
    _prefixed,
    claimed_total,
    party_paragraph,
)
from smartcourt.engines.drafting._format import (
    join_citations,
    join_names,
    money,
    numbered,
)
from smartcourt.engines.drafting._types import (
    AppealOutcome,
    DocumentType,
    DraftContext,
    Party,
    RemandGround,
)
from smartcourt.engines.drafting._validate import is_civil_second_instance
from smartcourt.engines.drafting.errors import InvalidContextError

CIVIL_PROCEDURE = "《中华人民共和国民事诉讼法》"
# 民事诉讼法（2023年修正）第一百七十七条第一款, by outcome.
OUTCOME_BASIS = {
    AppealOutcome.AFFIRM: f"{CIVIL_PROCEDURE}第一百七十七条第一款第一项",
    AppealOutcome.REVISE: f"{CIVIL_PROCEDURE}第一百七十七条第一款第二项",
}
REMAND_BASIS = {
    RemandGround.FACTS: f"{CIVIL_PROCEDURE}第一百七十七条第一款第三项",
    RemandGround.PROCEDURE: f"{CIVIL_PROCEDURE}第一百七十七条第一款第四项",
}
# The order of the header (法〔2016〕221号: 上诉人, 被上诉人, then the others by their first-instance standing).
_HEADER_ORDER = ("上诉人", "被上诉人", "原审原告", "原审被告", "原审第三人")


def _check_second_instance(ctx: DraftContext, kind: DocumentType) -> None:
    if ctx.case_number.strip() and not is_civil_second_instance(ctx.case_number):
        raise InvalidContextError(
            "case_number",
            f"{kind.printed_title}（二审）只用于第二审案件，案号应为“民终”字号（收到 {ctx.case_number}）",
        )
    if ctx.panel.assessors:
        raise InvalidContextError(
            "panel.assessors",
            "第二审民事案件由审判员组成合议庭，人民陪审员不参加（民事诉讼法第四十一条第一款）",
        )


def _standing(party: Party) -> str:
    """The role as the header prints it: 上诉人（原审被告）."""
    if party.role in ("上诉人", "被上诉人"):
        return f"{party.role}（{party.original_role}）" if party.original_role else party.role
    return party.role


def _parties(ctx: DraftContext, fields: Fields) -> list[str]:
    ordered = sorted(
        enumerate(ctx.parties),
        key=lambda item: _HEADER_ORDER.index(item[1].role) if item[1].role in _HEADER_ORDER else 9,
    )
    lines: list[str] = []
    for index, party in ordered:
        shown = party
        if party.role in ("上诉人", "被上诉人") and not party.original_role:
            label = fields.missing(
                f"parties[{index}].original_role", f"{party.role}{party.name}的原审诉讼地位"
            )
            shown = replace(party, role=f"{party.role}（{label}）")
        else:
            shown = replace(party, role=_standing(party))
        lines.extend(party_paragraph(shown, index, fields))
    return lines or [fields.missing("parties", "当事人")]


def _names(ctx: DraftContext, *roles: str) -> list[str]:
    return [p.name for p in ctx.parties if p.role in roles]


def _group(ctx: DraftContext, role: str) -> str:
    names = _names(ctx, role)
    return f"{role}{join_names(names)}" if names else ""


def _appellants(ctx: DraftContext, fields: Fields) -> str:
    return join_names(_names(ctx, "上诉人")) or fields.missing("parties", "上诉人")


def _case_line(ctx: DraftContext, fields: Fields) -> str:
    """上诉人A因与被上诉人B、原审第三人C民间借贷纠纷一案: two appellants write 上诉人A因与上诉人B."""
    appellants = _names(ctx, "上诉人")
    if not appellants:
        head = fields.missing("parties", "上诉人")
        others = [_group(ctx, "被上诉人")]
    elif len(appellants) > 1 and not _names(ctx, "被上诉人"):
        head = f"上诉人{appellants[0]}"
        others = [f"上诉人{join_names(appellants[1:])}"]
    else:
        head = f"上诉人{join_names(appellants)}"
        others = [_group(ctx, "被上诉人")]
    others += [_group(ctx, r) for r in ("原审原告", "原审被告", "原审第三人")]
    listed = "、".join(o for o in others if o)
    joined = f"{head}因与{listed}" if listed else head
    return joined + fields.need(ctx.cause, "cause", "案由") + "一案"


def _original_judgment(ctx: DraftContext, fields: Fields) -> str:
    court = fields.need(ctx.original_court, "original_court", "一审法院名称")
    number = fields.need(ctx.original_case_number, "original_case_number", "一审案号")
    return f"{court}{number}民事判决"


def _organisation(ctx: DraftContext) -> str:
    members = ctx.panel.members
    if len(members) == 1:  # 民事诉讼法第四十一条第二款
        return f"依法由审判员{members[0]}独任审理"
    return "依法组成合议庭"


def _appearance(ctx: DraftContext) -> str:
    present = []
    absent = []
    for party in sorted(
        ctx.parties, key=lambda p: _HEADER_ORDER.index(p.role) if p.role in _HEADER_ORDER else 9
    ):
        if party.appeared:
            text = f"{party.role}{party.name}"
            counsel = [c.name for c in party.counsel]
            if counsel:
                text += f"及其委托诉讼代理人{join_names(counsel)}"
            present.append(text)
        else:
            absent.append(f"{party.role}{party.name}经本院传票传唤，无正当理由拒不到庭参加诉讼")
    sentences = (["、".join(present) + "到庭参加诉讼"] if present else []) + absent
    return "。".join(sentences) + "。" if sentences else ""


def _appeal_line(ctx: DraftContext, fields: Fields) -> str:
    """A上诉请求：1.…；2.…。事实和理由：…。 (the claims and facts_and_reasons of an appeal are the appellant's)."""
    requests = [c.text for c in ctx.claims if c.text.strip()]
    listed = (
        "".join(numbered(requests, style="arabic"))
        if requests
        else fields.missing("claims", "上诉请求") + "。"
    )
    reasons = fields.need(ctx.facts_and_reasons, "facts_and_reasons", "上诉的事实和理由")
    return f"{_appellants(ctx, fields)}上诉请求：{listed}事实和理由：{reasons.rstrip('。')}。"


def _answers(ctx: DraftContext, fields: Fields) -> list[str]:
    """被上诉人…辩称 (答辩), the others …述称 (陈述意见), each from ``defences`` by speaker."""
    said = {s.speaker: s.text for s in ctx.defences}
    lines = []
    for index, party in enumerate(ctx.parties):
        if party.role == "上诉人":
            continue
        verb = "辩称" if party.role == "被上诉人" else "述称"
        if party.name in said:
            lines.append(f"{party.name}{verb}，{said[party.name].rstrip('。')}。")
        elif not party.appeared:
            lines.append(f"{party.name}未到庭参加诉讼，亦未提交书面意见。")
        else:
            label = f"{party.role}{party.name}的{'答辩' if verb == '辩称' else '陈述'}意见"
            lines.append(f"{party.name}{verb}，{fields.missing(f'defences[{index}]', label)}。")
    return lines


def _first_instance(ctx: DraftContext, fields: Fields) -> list[str]:
    """What happened at first instance: the plaintiff's claims, the facts found, the reasoning, the judgment."""
    plaintiffs = [p.name for p in ctx.parties if p.role == "原审原告" or p.original_role == "原审原告"]
    who = join_names(plaintiffs) or fields.missing("parties", "原审原告")
    claims = [c for c in ctx.original_claims if c.strip()]
    listed = (
        "".join(numbered(claims, style="arabic"))
        if claims
        else fields.missing("original_claims", "原审原告向一审法院提出的诉讼请求") + "。"
    )
    lines = [f"{who}向一审法院起诉请求：{listed}"]
    facts = fields.need_list(ctx.original_facts, "original_facts", "一审法院认定的事实")
    lines += _prefixed(facts, "一审法院认定事实：")
    reasoning = fields.need_list(ctx.original_reasoning, "original_reasoning", "一审法院的裁判理由")
    lines += _prefixed(reasoning, "一审法院认为，")
    items = fields.need_list(ctx.original_items, "original_items", "一审判决主文")
    # "一审法院判决" and not "判决如下": the defect checker reads the first 判决如下 as this court's own order.
    lines.append("一审法院判决：" + "".join(numbered(items)))
    return lines


def _signatures(ctx: DraftContext, fields: Fields) -> list[str]:
    panel = ctx.panel
    if len(panel.members) == 1:  # 独任 (民事诉讼法第四十一条第二款)
        return [f"审判员　{panel.members[0]}"]
    lines = [f"审判长　{fields.need(panel.presiding_judge, 'panel.presiding_judge', '审判长')}"]
    lines.extend(f"审判员　{name}" for name in panel.judges)
    if len(panel.members) < 3:
        lines.append(f"审判员　{fields.missing('panel.judges', '合议庭其他成员（合议庭应为三人以上单数）')}")
    return lines


def _signed(ctx: DraftContext, kind: DocumentType, fields: Fields) -> Variables:
    v = _common(ctx, kind, fields)
    v["clerk"] = _clerk(ctx, fields)
    v["clerks"] = [f"书记员　{v['clerk']}"]
    v["signatures"] = _signatures(ctx, fields)
    v["signed_on"] = fields.need_date(ctx.judgment_date, "judgment_date", "裁判日期", signing=True)
    v["parties"] = _parties(ctx, fields)
    return v


def _appeal_fee(ctx: DraftContext, fields: Fields) -> str:
    """The 二审案件受理费: fixed by the court, else on the appeal requests (诉讼费用交纳办法第十七条)."""
    from smartcourt.engines import fees

    if ctx.costs and ctx.costs.fee is not None:
        return money(ctx.costs.fee)
    total = claimed_total(ctx)
    if total is not None:
        fee = fees.compute_fee("property", total).total
        if fee is not None:
            return money(fee)
    return fields.missing("costs.fee", "二审案件受理费金额")


def _appeal_judgment(ctx: DraftContext, fields: Fields) -> Variables:
    _check_second_instance(ctx, DocumentType.APPEAL_JUDGMENT)
    v = _signed(ctx, DocumentType.APPEAL_JUDGMENT, fields)
    filed = fields.need_date(ctx.filing_date, "filing_date", "二审立案日期")
    heard = fields.need_date(ctx.hearing_date, "hearing_date", "二审开庭日期")
    public = "公开" if ctx.public_hearing else "不公开"
    v["opening"] = (
        f"{_case_line(ctx, fields)}，不服{_original_judgment(ctx, fields)}，向本院提起上诉。"
        f"本院于{filed}立案后，{_organisation(ctx)}，于{heard}{public}开庭进行了审理。"
        f"{_appearance(ctx)}本案现已审理终结。"
    )
    v["appeal_line"] = _appeal_line(ctx, fields)
    v["answers"] = _answers(ctx, fields)
    v["first_instance"] = _first_instance(ctx, fields)
    facts = fields.need_list(ctx.facts_found, "facts_found", "本院二审查明的事实")
    # 本院对一审查明的事实予以确认 / 另查明 … stand as the judge wrote them; anything else opens 本院经审理查明.
    v["facts"] = (
        facts if facts[0].startswith(("本院", "另查明", "二审")) else _prefixed(facts, "本院经审理查明：")
    )
    v["reasoning"] = _prefixed(
        fields.need_list(ctx.reasoning, "reasoning", "本院认为（二审裁判理由）"), "本院认为，"
    )
    outcome = ctx.appeal_outcome
    appellants = _appellants(ctx, fields)
    original = _original_judgment(ctx, fields)
    bearer = fields.need(ctx.costs.bearer if ctx.costs else None, "costs.bearer", "二审案件受理费负担")
    appeal_costs = f"二审案件受理费{_appeal_fee(ctx, fields)}，由{bearer}负担。"
    if outcome is None:
        v["conclusion"] = fields.missing("appeal_outcome", "二审裁判结果（驳回上诉，维持原判；或者改判）")
        v["basis"] = fields.missing("appeal_outcome", "二审裁判结果（驳回上诉，维持原判；或者改判）")
        v["items"] = [fields.missing("operative_items", "判决主文")]
        v["costs_line"] = appeal_costs
    elif outcome is AppealOutcome.AFFIRM:
        v["conclusion"] = (
            f"综上所述，{appellants}的上诉请求不能成立，应予驳回；一审判决认定事实清楚，适用法律正确，应予维持。"
        )
        v["basis"] = OUTCOME_BASIS[outcome]
        v["items"] = numbered(["驳回上诉，维持原判"])
        v["costs_line"] = appeal_costs
    else:
        v["conclusion"] = f"综上所述，{appellants}的上诉请求成立，予以支持。"
        cited = [*ctx.legal_basis, OUTCOME_BASIS[outcome]]
        v["basis"] = join_citations(cited)
        orders = list(fields.need_list(ctx.operative_items, "operative_items", "改判的判决主文"))
        if not any(word in item for item in orders for word in ("撤销", "变更", "维持")):
            orders.insert(0, f"撤销{original}")
        v["items"] = numbered(orders)
        first = ctx.original_costs
        first_bearer = fields.need(
            first.bearer if first else None, "original_costs.bearer", "一审案件受理费负担"
        )
        first_fee = (
            money(first.fee)
            if first and first.fee is not None
            else fields.missing("original_costs.fee", "一审案件受理费金额")
        )
        v["costs_line"] = f"一审案件受理费{first_fee}，由{first_bearer}负担；" + appeal_costs
    payment = ctx.payment_order
    if payment is None:
        payment = outcome is AppealOutcome.REVISE and any("元" in item for item in ctx.operative_items)
    v["payment_order"] = payment
    return v


def _remand_ruling(ctx: DraftContext, fields: Fields) -> Variables:
    _check_second_instance(ctx, DocumentType.REMAND_RULING)
    v = _signed(ctx, DocumentType.REMAND_RULING, fields)
    filed = fields.need_date(ctx.filing_date, "filing_date", "二审立案日期")
    original = _original_judgment(ctx, fields)
    v["opening"] = (
        f"{_case_line(ctx, fields)}，不服{original}，向本院提起上诉。"
        f"本院于{filed}立案后，{_organisation(ctx)}对本案进行了审理。"
    )
    v["reasoning"] = _prefixed(
        fields.need_list(
            ctx.reasoning,
            "reasoning",
            "发回重审的理由（原判决认定基本事实不清或者严重违反法定程序的具体情形）",
        ),
        "本院认为，",
    )
    ground = ctx.remand_ground
    v["basis"] = (
        REMAND_BASIS[ground]
        if ground
        else fields.missing("remand_ground", "发回重审的法定情形（基本事实不清或者严重违反法定程序）")
    )
    court = fields.need(ctx.original_court, "original_court", "一审法院名称")
    v["items"] = numbered([f"撤销{original}", f"本案发回{court}重审"])
    # 诉讼费用交纳办法第二十七条: the appellant's 二审案件受理费 is refunded.
    v["refund_line"] = (
        f"上诉人{_appellants(ctx, fields)}预交的二审案件受理费{_appeal_fee(ctx, fields)}予以退回。"
    )
    return v


APPEAL_COMPOSERS = {
    DocumentType.APPEAL_JUDGMENT: _appeal_judgment,
    DocumentType.REMAND_RULING: _remand_ruling,
}
