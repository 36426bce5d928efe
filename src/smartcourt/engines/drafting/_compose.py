"""From a :class:`DraftContext` to the variables of one template, marking every missing field.

Party paragraphs follow 法〔2016〕221号《人民法院民事裁判文书制作规范》 (当事人基本情况): a person's name, sex,
birth date, ethnicity, occupation and address; an organisation's name and address (住所地), then its legal
representative; then each 委托诉讼代理人. The criminal accused follows 《法院刑事诉讼文书样式》 (样本): name, sex,
birth date and place, ethnicity, education, occupation, address, then the coercive measures (unverified order).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from smartcourt.engines import fees
from smartcourt.engines.drafting._format import (
    body_date,
    chinese_date,
    chinese_number,
    join_citations,
    join_names,
    money,
    numbered,
)
from smartcourt.engines.drafting._types import (
    CounselKind,
    DocumentType,
    DraftContext,
    DraftWarning,
    Party,
    PartyKind,
    Procedure,
)
from smartcourt.engines.drafting.errors import InvalidContextError

# Appeal periods. 民事诉讼法（2023年修正）第一百七十一条: 判决十五日, 裁定十日 (../shared/data/laws);
# 刑事诉讼法（2018年修正）第二百三十条: 判决十日, 裁定五日, from the day after receipt.
CIVIL_APPEAL_DAYS = {"判决": 15, "裁定": 10}
CRIMINAL_APPEAL_DAYS = {"判决": 10, "裁定": 5}
# 民诉法解释第九十九条 (普通程序举证期限不得少于十五日), 第二百六十六条 (简易程序不得超过十五日).
EVIDENCE_PERIOD_DEFAULT = 15

Variables = dict[str, Any]


class Fields:
    """Collects the warnings of one rendering; :meth:`need` gives a value or its visible placeholder."""

    def __init__(self) -> None:
        self.warnings: list[DraftWarning] = []

    def need(self, value: str | None, field: str, label: str) -> str:
        if value is not None and value.strip():
            return value
        return self.missing(field, label)

    def missing(self, field: str, label: str) -> str:
        warning = DraftWarning(field, label)
        if warning not in self.warnings:
            self.warnings.append(warning)
        return warning.placeholder

    def need_date(self, value: date | None, field: str, label: str, *, signing: bool = False) -> str:
        if value is None:
            return self.missing(field, label)
        return chinese_date(value) if signing else body_date(value)

    def need_list(self, values: tuple[str, ...], field: str, label: str) -> list[str]:
        cleaned = [v for v in values if v.strip()]
        return cleaned or [self.missing(field, label)]


def _ethnicity(value: str) -> str:
    return value if value.endswith("族") else value + "族"


def party_paragraph(party: Party, index: int, fields: Fields, *, criminal: bool = False) -> list[str]:
    """The party's paragraph and its representatives' and counsel's, each a paragraph of its own."""
    f = f"parties[{index}]"
    who = f"{party.role}{party.name}" if party.name else party.role
    name = fields.need(party.name, f"{f}.name", f"{party.role}的姓名或者名称")
    lines: list[str] = []
    if party.kind is PartyKind.ORGANISATION:
        head = f"{party.role}：{name}，住所地{fields.need(party.address, f'{f}.address', f'{who}的住所地')}"
        if party.credit_code:
            head += f"，统一社会信用代码{party.credit_code}"
        lines.append(head + "。")
        rep = fields.need(party.legal_representative, f"{f}.legal_representative", f"{who}的法定代表人")
        title = f"，{party.representative_title}" if party.representative_title else ""
        lines.append(f"法定代表人：{rep}{title}。")
    else:
        sex = fields.need(party.sex, f"{f}.sex", f"{who}的性别")
        born = fields.need_date(party.birth_date, f"{f}.birth_date", f"{who}的出生日期")
        ethnicity = fields.need(
            _ethnicity(party.ethnicity) if party.ethnicity else None, f"{f}.ethnicity", f"{who}的民族"
        )
        address = fields.need(party.address, f"{f}.address", f"{who}的住所")
        if criminal:
            place = f"于{party.birthplace}" if party.birthplace else ""
            parts = [f"{party.role}{name}", sex, f"{born}出生{place}", ethnicity]
            if party.education:
                parts.append(f"{party.education}文化")
            if party.occupation:
                parts.append(party.occupation)
            parts.append(f"住{address}")
            custody = fields.need(party.custody, f"{f}.custody", f"{who}的强制措施情况")
            lines.append("，".join(parts) + "。" + custody.rstrip("。") + "。")
        else:
            parts = [f"{party.role}：{name}", sex, f"{born}出生", ethnicity]
            if party.occupation:
                parts.append(party.occupation)
            parts.append(f"住{address}")
            lines.append("，".join(parts) + "。")
    for number, counsel in enumerate(party.counsel):
        c = f"{f}.counsel[{number}]"
        label = "辩护人" if criminal else "委托诉讼代理人"
        cname = fields.need(counsel.name, f"{c}.name", f"{who}的{label}姓名")
        separator = "" if criminal else "："
        if counsel.kind is CounselKind.RELATIVE:
            relation = fields.need(counsel.relation, f"{c}.relation", f"{label}{cname}与{who}的关系")
            lines.append(f"{label}{separator}{cname}，系{party.name}的{relation}。")
        elif counsel.kind is CounselKind.CITIZEN:
            firm = fields.need(counsel.firm, f"{c}.firm", f"推荐{label}{cname}的单位")
            lines.append(f"{label}{separator}{cname}，{firm}推荐的公民。")
        else:
            firm = fields.need(counsel.firm, f"{c}.firm", f"{label}{cname}的执业机构或者工作单位")
            lines.append(f"{label}{separator}{cname}，{firm}{counsel.kind.value}。")
    return lines


def _names(ctx: DraftContext, *roles: str) -> list[str]:
    return [p.name for p in ctx.parties if p.role in roles]


def _role_group(ctx: DraftContext, role: str) -> str:
    names = _names(ctx, role)
    return f"{role}{join_names(names)}" if names else ""


def case_title(ctx: DraftContext, fields: Fields) -> str:
    """原告X与被告Y、第三人Z{案由}: how the body names the case."""
    sides = [
        _role_group(ctx, r)
        for r in ("原告", "起诉人", "申请执行人", "上诉人", "被告", "被执行人", "被上诉人")
        if _names(ctx, r)
    ]
    third = [_role_group(ctx, r) for r in ("第三人", "原审原告", "原审被告", "原审第三人") if _names(ctx, r)]
    head = "与".join(sides[:2]) if sides else fields.missing("parties", "当事人")
    if third:
        head += "、" + "、".join(third)
    return head + fields.need(ctx.cause, "cause", "案由")


def _appearance(ctx: DraftContext) -> str:
    present = []
    absent = []
    for party in ctx.parties:
        if party.appeared:
            counsel = [c.name for c in party.counsel]
            text = f"{party.role}{party.name}"
            if counsel:
                text += f"及其委托诉讼代理人{join_names(counsel)}"
            present.append(text)
        else:
            absent.append(f"{party.role}{party.name}经本院传票传唤，无正当理由拒不到庭参加诉讼")
    sentences = []
    if present:
        sentences.append("，".join(present) + "到庭参加诉讼")
    sentences.extend(absent)
    return "。".join(sentences) + "。" if sentences else ""


def claims_line(ctx: DraftContext, fields: Fields, *, who: str | None = None) -> str:
    plaintiffs = who or join_names(_names(ctx, "原告", "起诉人")) or fields.missing("parties", "原告")
    claims = [c.text for c in ctx.claims if c.text.strip()]
    listed = (
        "".join(numbered(claims, style="arabic")) if claims else fields.missing("claims", "诉讼请求") + "。"
    )
    reasons = fields.need(ctx.facts_and_reasons, "facts_and_reasons", "原告主张的事实和理由")
    return f"{plaintiffs}向本院提出诉讼请求：{listed}事实和理由：{reasons.rstrip('。')}。"


def _defences(ctx: DraftContext, fields: Fields) -> list[str]:
    lines = []
    said = {s.speaker: s.text for s in ctx.defences}
    for index, party in enumerate(ctx.parties):
        if party.role not in ("被告", "第三人"):
            continue
        if party.name in said:
            lines.append(f"{party.name}辩称，{said[party.name].rstrip('。')}。")
        elif not party.appeared:
            lines.append(f"{party.name}未到庭参加诉讼，亦未提交书面答辩意见。")
        else:
            lines.append(
                f"{party.name}辩称，{fields.missing(f'defences[{index}]', f'{party.role}{party.name}的答辩意见')}。"
            )
    return lines


def _prefixed(values: list[str], prefix: str) -> list[str]:
    if not values:
        return values
    first = values[0]
    return [first if first.startswith(prefix.rstrip("，：")) else prefix + first, *values[1:]]


def _signatures(ctx: DraftContext, fields: Fields) -> list[str]:
    panel = ctx.panel
    if ctx.procedure is Procedure.SIMPLE and not panel.assessors:
        judge = panel.presiding_judge or (panel.judges[0] if panel.judges else None)
        return [f"审判员　{fields.need(judge, 'panel.judges', '审判员')}"]
    lines = []
    if panel.presiding_judge:
        lines.append(f"审判长　{panel.presiding_judge}")
    else:
        lines.append(f"审判长　{fields.missing('panel.presiding_judge', '审判长')}")
    lines.extend(f"审判员　{name}" for name in panel.judges)
    lines.extend(f"人民陪审员　{name}" for name in panel.assessors)
    if len(panel.members) < 3:
        lines.append(f"审判员　{fields.missing('panel.judges', '合议庭其他成员（合议庭应为三人以上单数）')}")
    return lines


def _panel_line(ctx: DraftContext, fields: Fields) -> str:
    panel = ctx.panel
    if not panel.members:
        return fields.missing("panel", "审判人员")
    if ctx.procedure is Procedure.SIMPLE and len(panel.members) == 1:
        return f"审判员{panel.members[0]}（独任审理）"
    parts = [f"审判长{panel.presiding_judge}"] if panel.presiding_judge else []
    parts += [f"审判员{n}" for n in panel.judges] + [f"人民陪审员{n}" for n in panel.assessors]
    return "、".join(parts)


def _clerk(ctx: DraftContext, fields: Fields) -> str:
    return fields.need(ctx.panel.clerk, "panel.clerk", "书记员")


def _appeal_court(ctx: DraftContext, fields: Fields) -> str:
    return fields.need(ctx.court.appeal_court, "court.appeal_court", "上一级人民法院名称")


def claimed_total(ctx: DraftContext) -> Decimal | None:
    amounts = [c.amount for c in ctx.claims if c.amount is not None]
    return sum(amounts, Decimal(0)) if amounts else None


def costs_line(ctx: DraftContext, fields: Fields, *, halved: bool) -> str:
    """案件受理费X元（，减半收取计Y元），由Z负担。 — 诉讼费用交纳办法第十三条 (brackets), 第十五条 (调解、撤诉减半),
    第十六条 (简易程序减半), computed by the fees engine when the court did not fix the fee."""
    costs = ctx.costs
    bearer = fields.need(costs.bearer if costs else None, "costs.bearer", "诉讼费用负担")
    full: Decimal | None = costs.fee if costs and costs.fee is not None else None
    if full is None:
        total = claimed_total(ctx)
        if total is not None:
            full = fees.compute_fee("property", total).total
    if full is None:
        return f"案件受理费{fields.missing('costs.fee', '案件受理费金额')}，由{bearer}负担。"
    if halved:
        half = (full / 2).quantize(Decimal("0.01"))
        return f"案件受理费{money(full)}，减半收取计{money(half)}，由{bearer}负担。"
    return f"案件受理费{money(full)}，由{bearer}负担。"


_SHOW_CAUSE = {
    DocumentType.ACCEPTANCE_NOTICE,
    DocumentType.RESPONSE_NOTICE,
    DocumentType.SUMMONS,
    DocumentType.PROOF_OF_SERVICE,
    DocumentType.TRIAL_OUTLINE,
    DocumentType.HEARING_RECORD,
    DocumentType.ENFORCEMENT_NOTICE,
}


def _common(ctx: DraftContext, kind: DocumentType, fields: Fields) -> Variables:
    variables: Variables = {
        "court": fields.need(ctx.court.name, "court.name", "法院名称"),
        "title": kind.printed_title,
        "case_number": fields.need(ctx.case_number, "case_number", "案号"),
        "procedure": ctx.procedure.value,
    }
    if kind in _SHOW_CAUSE:  # the others name the cause inside their own sentences, or not at all
        variables["cause"] = fields.need(ctx.cause, "cause", "案由")
    return variables


def _parties(ctx: DraftContext, fields: Fields, *, criminal: bool = False) -> list[str]:
    lines: list[str] = []
    for index, party in enumerate(ctx.parties):
        lines.extend(party_paragraph(party, index, fields, criminal=criminal))
    return lines or [fields.missing("parties", "当事人")]


def _judgment_common(ctx: DraftContext, kind: DocumentType, fields: Fields) -> Variables:
    variables = _common(ctx, kind, fields)
    variables["clerk"] = _clerk(ctx, fields)
    variables["signatures"] = _signatures(ctx, fields)
    variables["signed_on"] = fields.need_date(ctx.judgment_date, "judgment_date", "裁判日期", signing=True)
    variables["clerks"] = [f"书记员　{variables['clerk']}"]
    if kind is not DocumentType.REFUSAL_RULING:  # that one lists the 起诉人 only
        variables["parties"] = _parties(ctx, fields, criminal=kind is DocumentType.CRIMINAL_JUDGMENT)
    return variables


def _issued(ctx: DraftContext, fields: Fields) -> str:
    return fields.need_date(ctx.filing_date, "filing_date", "立案日期（通知书落款日期）", signing=True)


def _recipients(ctx: DraftContext, fields: Fields, *roles: str) -> list[Party]:
    if ctx.recipient:
        chosen = [p for p in ctx.parties if p.name == ctx.recipient]
        if not chosen:
            raise InvalidContextError("recipient", f"受送达人“{ctx.recipient}”不是本案当事人")
        return chosen
    return [p for p in ctx.parties if not roles or p.role in roles]


def _recipient_line(parties: list[Party], fields: Fields, label: str) -> str:
    return join_names([p.name for p in parties]) if parties else fields.missing("recipient", label)


def _contact(ctx: DraftContext, fields: Fields) -> Variables:
    return {
        "contact": fields.need(ctx.contact or ctx.panel.clerk, "contact", "联系人"),
        "court_phone": fields.need(ctx.court.phone, "court.phone", "法院联系电话"),
        "court_address": fields.need(ctx.court.address, "court.address", "法院地址"),
    }


# ---- one composer per template ----


def _acceptance_notice(ctx: DraftContext, fields: Fields) -> Variables:
    v = _common(ctx, DocumentType.ACCEPTANCE_NOTICE, fields) | _contact(ctx, fields)
    v["recipient"] = _recipient_line(_recipients(ctx, fields, "原告"), fields, "受通知的原告")
    v["opponents"] = join_names(_names(ctx, "被告")) or fields.missing("parties", "被告")
    v["filing_date"] = fields.need_date(ctx.filing_date, "filing_date", "立案日期")
    fee: Decimal | None = ctx.costs.fee if ctx.costs and ctx.costs.fee is not None else None
    total = claimed_total(ctx)
    if fee is None and total is not None:
        fee = fees.compute_fee("property", total).total
    v["fee"] = money(fee) if fee is not None else fields.missing("costs.fee", "预交的案件受理费")
    v["signed_on"] = _issued(ctx, fields)
    return v


def _response_notice(ctx: DraftContext, fields: Fields) -> Variables:
    v = _common(ctx, DocumentType.RESPONSE_NOTICE, fields) | _contact(ctx, fields)
    v["recipient"] = _recipient_line(_recipients(ctx, fields, "被告"), fields, "受通知的被告")
    v["plaintiffs"] = join_names(_names(ctx, "原告")) or fields.missing("parties", "原告")
    v["filing_date"] = fields.need_date(ctx.filing_date, "filing_date", "立案日期")
    v["signed_on"] = _issued(ctx, fields)
    return v


def _evidence_notice(ctx: DraftContext, fields: Fields) -> Variables:
    v = _common(ctx, DocumentType.EVIDENCE_NOTICE, fields) | _contact(ctx, fields)
    v["recipient"] = _recipient_line(_recipients(ctx, fields, "原告", "被告", "第三人"), fields, "当事人")
    v["case_title"] = case_title(ctx, fields)
    days = ctx.evidence_period_days or EVIDENCE_PERIOD_DEFAULT
    v["evidence_period"] = f"{chinese_number(days)}日"
    v["signed_on"] = _issued(ctx, fields)
    return v


def _summons(ctx: DraftContext, fields: Fields) -> Variables:
    v = _common(ctx, DocumentType.SUMMONS, fields)
    chosen = [p for p in ctx.parties if p.name == ctx.recipient] if ctx.recipient else []
    if ctx.recipient and not chosen:
        raise InvalidContextError("recipient", f"被传唤人“{ctx.recipient}”不是本案当事人")
    party = chosen[0] if chosen else None
    v["recipient"] = f"{party.role}{party.name}" if party else fields.missing("recipient", "被传唤人")
    v["recipient_address"] = fields.need(
        party.address if party else None, "recipient.address", "被传唤人的住址"
    )
    day = fields.need_date(ctx.hearing_date, "hearing_date", "开庭日期")
    clock = (
        f"{ctx.hearing_time.hour}时{ctx.hearing_time.minute:02d}分"
        if ctx.hearing_time
        else fields.missing("hearing_time", "开庭时刻")
    )
    v["appear_at"] = day + clock
    v["hearing_place"] = fields.need(ctx.hearing_place, "hearing_place", "开庭地点")
    v["signed_on"] = _issued(ctx, fields)
    return v


def _opening_civil(ctx: DraftContext, fields: Fields) -> str:
    filed = fields.need_date(ctx.filing_date, "filing_date", "立案日期")
    heard = fields.need_date(ctx.hearing_date, "hearing_date", "开庭日期")
    public = "公开" if ctx.public_hearing else "不公开"
    return (
        f"{case_title(ctx, fields)}一案，本院于{filed}立案后，依法适用{ctx.procedure.value}，"
        f"于{heard}{public}开庭进行了审理。{_appearance(ctx)}本案现已审理终结。"
    )


def _civil_judgment(ctx: DraftContext, fields: Fields) -> Variables:
    v = _judgment_common(ctx, DocumentType.CIVIL_JUDGMENT, fields)
    v["opening"] = _opening_civil(ctx, fields)
    v["claims_line"] = claims_line(ctx, fields)
    v["defences"] = _defences(ctx, fields)
    v["facts"] = _prefixed(
        fields.need_list(ctx.facts_found, "facts_found", "本院查明的事实"), "本院经审理认定事实如下："
    )
    v["reasoning"] = _prefixed(
        fields.need_list(ctx.reasoning, "reasoning", "本院认为（裁判理由）"), "本院认为，"
    )
    v["basis"] = (
        join_citations(ctx.legal_basis)
        if ctx.legal_basis
        else fields.missing("legal_basis", "裁判依据的法律条文")
    )
    v["items"] = numbered(fields.need_list(ctx.operative_items, "operative_items", "判决主文"))
    payment = ctx.payment_order
    if payment is None:
        payment = any("元" in item for item in ctx.operative_items)
    v["payment_order"] = payment
    v["costs_line"] = costs_line(ctx, fields, halved=ctx.procedure is Procedure.SIMPLE)
    v["appeal_days"] = chinese_number(CIVIL_APPEAL_DAYS["判决"])
    v["appeal_court"] = _appeal_court(ctx, fields)
    return v


def _mediation_statement(ctx: DraftContext, fields: Fields) -> Variables:
    v = _judgment_common(ctx, DocumentType.MEDIATION_STATEMENT, fields)
    filed = fields.need_date(ctx.filing_date, "filing_date", "立案日期")
    v["opening"] = (
        f"{case_title(ctx, fields)}一案，本院于{filed}立案后，依法适用{ctx.procedure.value}进行审理。"
    )
    v["claims_line"] = claims_line(ctx, fields)
    v["facts"] = fields.need_list(ctx.facts_found, "facts_found", "本院查明的事实")
    v["items"] = numbered(fields.need_list(ctx.operative_items, "operative_items", "调解协议内容"))
    v["costs_line"] = costs_line(ctx, fields, halved=True)
    return v


def _refusal_ruling(ctx: DraftContext, fields: Fields) -> Variables:
    v = _judgment_common(ctx, DocumentType.REFUSAL_RULING, fields)
    # Not accepted, so no defendant yet: the header lists the 起诉人 only (2016 style, unverified).
    starters = [(i, p) for i, p in enumerate(ctx.parties) if p.role in ("起诉人", "原告")]
    v["parties"] = [
        line for i, p in starters for line in party_paragraph(replace(p, role="起诉人"), i, fields)
    ] or [fields.missing("parties", "起诉人")]
    who = join_names([p.name for _, p in starters]) or fields.missing("parties", "起诉人")
    v["plaintiffs"] = who
    v["received_on"] = fields.need_date(ctx.received_date, "received_date", "收到起诉状的日期")
    v["claims_line"] = claims_line(ctx, fields, who=f"起诉人{who}")
    v["reasoning"] = _prefixed(
        fields.need_list(ctx.reasoning, "reasoning", "不予受理的理由"), "本院经审查认为，"
    )
    # The basis and the order are those of the kind of ruling, not the merits' (ctx.legal_basis/operative_items).
    v["basis"] = join_citations(
        ("《中华人民共和国民事诉讼法》第一百二十二条", "《中华人民共和国民事诉讼法》第一百二十六条")
    )
    v["items"] = numbered((f"对{who}的起诉，本院不予受理",))
    v["appeal_days"] = chinese_number(CIVIL_APPEAL_DAYS["裁定"])
    v["appeal_court"] = _appeal_court(ctx, fields)
    return v


def _dismissal_ruling(ctx: DraftContext, fields: Fields) -> Variables:
    v = _judgment_common(ctx, DocumentType.DISMISSAL_RULING, fields)
    filed = fields.need_date(ctx.filing_date, "filing_date", "立案日期")
    v["opening"] = f"{case_title(ctx, fields)}一案，本院于{filed}立案。"
    v["claims_line"] = claims_line(ctx, fields)
    v["reasoning"] = _prefixed(
        fields.need_list(ctx.reasoning, "reasoning", "驳回起诉的理由"), "本院经审查认为，"
    )
    v["basis"] = join_citations(
        (
            "《中华人民共和国民事诉讼法》第一百二十二条",
            "《中华人民共和国民事诉讼法》第一百五十七条第一款第三项",
            "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百零八条第三款",
        )
    )
    plaintiffs = join_names(_names(ctx, "原告")) or fields.missing("parties", "原告")
    v["items"] = numbered((f"驳回原告{plaintiffs}的起诉",))
    v["costs_line"] = costs_line(ctx, fields, halved=False)
    v["appeal_days"] = chinese_number(CIVIL_APPEAL_DAYS["裁定"])
    v["appeal_court"] = _appeal_court(ctx, fields)
    return v


def _withdrawal_ruling(ctx: DraftContext, fields: Fields) -> Variables:
    v = _judgment_common(ctx, DocumentType.WITHDRAWAL_RULING, fields)
    filed = fields.need_date(ctx.filing_date, "filing_date", "立案日期")
    applied = fields.need_date(ctx.withdrawal_date, "withdrawal_date", "撤诉申请日期")
    plaintiffs = join_names(_names(ctx, "原告")) or fields.missing("parties", "原告")
    v["opening"] = (
        f"{case_title(ctx, fields)}一案，本院于{filed}立案。原告{plaintiffs}于{applied}向本院提出撤诉申请。"
    )
    v["reasoning"] = [f"本院认为，原告{plaintiffs}的撤诉申请系其真实意思表示，不违反法律规定，应予准许。"]
    v["basis"] = join_citations(
        (
            "《中华人民共和国民事诉讼法》第一百四十八条第一款",
            "《中华人民共和国民事诉讼法》第一百五十七条第一款第五项",
        )
    )
    v["items"] = numbered((f"准许原告{plaintiffs}撤诉",))
    v["costs_line"] = costs_line(ctx, fields, halved=True)
    return v


def _criminal_judgment(ctx: DraftContext, fields: Fields) -> Variables:
    v = _judgment_common(ctx, DocumentType.CRIMINAL_JUDGMENT, fields)
    prosecutor = fields.need(ctx.prosecutor, "prosecutor", "公诉机关")
    v["prosecutor"] = prosecutor
    accused = _names(ctx, "被告人")
    names = join_names(accused) or fields.missing("parties", "被告人")
    number = fields.need(ctx.indictment_number, "indictment_number", "起诉书文号")
    filed = fields.need_date(ctx.filing_date, "filing_date", "提起公诉的日期")
    organisation = (
        "依法适用简易程序，实行独任审判"
        if ctx.procedure is Procedure.SIMPLE and len(ctx.panel.members) <= 1
        else "依法组成合议庭"
    )
    public = "公开" if ctx.public_hearing else "不公开"
    attendee = fields.need(ctx.prosecutor_attendee, "prosecutor_attendee", "出庭检察员")
    counsel = [c.name for p in ctx.parties if p.role == "被告人" for c in p.counsel]
    present = f"被告人{names}" + (f"及其辩护人{join_names(counsel)}" if counsel else "")
    v["opening"] = (
        f"{prosecutor}以{number}起诉书指控被告人{names}犯{fields.need(ctx.cause, 'cause', '罪名')}，于{filed}向本院提起公诉。"
        f"本院{organisation}，{public}开庭审理了本案。{prosecutor}指派检察员{attendee}出庭支持公诉，{present}到庭参加诉讼。现已审理终结。"
    )
    v["indictment"] = fields.need(ctx.indictment, "indictment", "公诉机关指控的事实").rstrip("。") + "。"
    v["defence_line"] = fields.need(ctx.defence_opinion, "defence_opinion", "被告人的辩解和辩护人的辩护意见")
    v["facts"] = _prefixed(
        fields.need_list(ctx.facts_found, "facts_found", "经审理查明的事实"), "经审理查明，"
    )
    v["reasoning"] = _prefixed(
        fields.need_list(ctx.reasoning, "reasoning", "本院认为（裁判理由）"), "本院认为，"
    )
    v["basis"] = (
        join_citations(ctx.legal_basis)
        if ctx.legal_basis
        else fields.missing("legal_basis", "裁判依据的法律条文")
    )
    v["items"] = numbered(fields.need_list(ctx.operative_items, "operative_items", "判决主文"))
    v["appeal_days"] = chinese_number(CRIMINAL_APPEAL_DAYS["判决"])
    v["appeal_court"] = _appeal_court(ctx, fields)
    # 副本份数: one per other party to be served; written from common practice (unverified): 二份 for one accused.
    v["appeal_copies"] = chinese_number(max(len(accused), 1) + 1)
    return v


def _enforcement_notice(ctx: DraftContext, fields: Fields) -> Variables:
    v = _common(ctx, DocumentType.ENFORCEMENT_NOTICE, fields) | _contact(ctx, fields)
    respondents = _recipients(ctx, fields, "被执行人")
    v["recipient"] = _recipient_line(respondents, fields, "被执行人")
    applicants = join_names(_names(ctx, "申请执行人")) or fields.missing("parties", "申请执行人")
    basis = fields.need(ctx.enforcement_basis, "enforcement_basis", "执行依据（生效法律文书）")
    filed = fields.need_date(ctx.filing_date, "filing_date", "立案日期")
    v["opening"] = (
        f"申请执行人{applicants}与被执行人{v['recipient']}{v['cause']}一案，{basis}已经发生法律效力。"
        f"申请执行人{applicants}向本院申请强制执行，本院于{filed}立案。依照《中华人民共和国民事诉讼法》第二百五十一条规定，"
        "责令你（单位）立即履行下列义务："
    )
    items = list(ctx.operative_items)
    if not items:
        if ctx.enforcement_amount is not None:
            items.append(f"向申请执行人{applicants}支付{money(ctx.enforcement_amount, words=True)}")
        else:
            items.append(fields.missing("operative_items", "应当履行的义务或者执行标的金额"))
    items.append("加倍支付迟延履行期间的债务利息（依照《中华人民共和国民事诉讼法》第二百六十四条规定计算）")
    if ctx.enforcement_amount is not None:
        # 申请执行费: 诉讼费用交纳办法第十四条第(一)项, by the fees engine.
        fee = fees.compute_fee("enforcement", ctx.enforcement_amount).total
        if fee is not None:
            items.append(f"负担申请执行费{money(fee)}")
    v["items"] = numbered(items)
    v["signed_on"] = _issued(ctx, fields)
    return v


def _proof_of_service(ctx: DraftContext, fields: Fields) -> Variables:
    v = _common(ctx, DocumentType.PROOF_OF_SERVICE, fields)
    v["clerk"] = _clerk(ctx, fields)
    chosen = [p for p in ctx.parties if p.name == ctx.recipient] if ctx.recipient else []
    if ctx.recipient and not chosen:
        raise InvalidContextError("recipient", f"受送达人“{ctx.recipient}”不是本案当事人")
    party = chosen[0] if chosen else None
    v["recipient"] = f"{party.role}{party.name}" if party else fields.missing("recipient", "受送达人")
    v["recipient_address"] = fields.need(party.address if party else None, "recipient.address", "送达地址")
    v["documents"] = (
        "；".join(f"{d}一份" if not d.endswith("份") else d for d in ctx.served_documents)
        if ctx.served_documents
        else fields.missing("served_documents", "送达文书名称和件数")
    )
    v["service_method"] = fields.need(ctx.service_method, "service_method", "送达方式")
    v["server"] = v["clerk"]
    v["signed_on"] = _issued(ctx, fields)
    return v


def _questions(ctx: DraftContext) -> list[str]:
    questions = [
        f"围绕争议焦点“{focus.rstrip('。；')}”，询问双方当事人的事实主张并核对相应证据。"
        for focus in ctx.dispute_focuses
    ]
    return questions or ["询问原告一方诉讼请求的依据和证据；询问被告一方对原告主张事实的意见。"]


def _trial_outline(ctx: DraftContext, fields: Fields) -> Variables:
    v = _common(ctx, DocumentType.TRIAL_OUTLINE, fields)
    v["panel_line"] = _panel_line(ctx, fields)
    v["parties"] = _parties(ctx, fields)
    v["claims_line"] = claims_line(ctx, fields)
    v["defences"] = _defences(ctx, fields) or ["（无答辩人）"]
    v["focuses"] = numbered(
        fields.need_list(ctx.dispute_focuses, "dispute_focuses", "争议焦点"), style="arabic"
    )
    v["evidence"] = numbered(fields.need_list(ctx.evidence, "evidence", "证据"), style="arabic")
    v["questions"] = numbered(_questions(ctx), style="arabic")
    return v


def _hearing_record(ctx: DraftContext, fields: Fields) -> Variables:
    v = _common(ctx, DocumentType.HEARING_RECORD, fields)
    v["clerk"] = _clerk(ctx, fields)
    v["panel_line"] = _panel_line(ctx, fields)
    day = fields.need_date(ctx.hearing_date, "hearing_date", "开庭日期")
    clock = f"{ctx.hearing_time.hour}时{ctx.hearing_time.minute:02d}分" if ctx.hearing_time else ""
    v["held_at"] = day + clock
    v["hearing_place"] = fields.need(ctx.hearing_place, "hearing_place", "开庭地点")
    chair = "审判长" if ctx.panel.presiding_judge and ctx.procedure is Procedure.ORDINARY else "审判员"
    public = "公开" if ctx.public_hearing else "不公开"
    lines = [
        "书记员：请肃静。现在宣布法庭纪律：……（宣读法庭纪律）",
        f"书记员：报告{chair}，当事人及其他诉讼参与人已经到庭，法庭准备工作就绪，请{chair}开庭。",
        f"{chair}：现在开庭。{v['court']}依法{public}开庭审理{case_title(ctx, fields)}一案。"
        f"本案由{v['panel_line']}审理，书记员{v['clerk']}担任记录。",
        f"{chair}：核对当事人及其他诉讼参与人的身份。",
    ]
    for index, party in enumerate(ctx.parties):
        lines.extend(party_paragraph(party, index, fields))
        if not party.appeared:
            lines.append(f"{chair}：{party.role}{party.name}经传票传唤未到庭。")
    lines.append(f"{chair}：告知当事人诉讼权利义务。当事人是否申请回避？")
    lines.extend(f"{p.role}{p.name}：" for p in ctx.parties if p.appeared)
    lines.append(f"{chair}：现在进行法庭调查。请原告一方陈述诉讼请求及事实和理由。")
    lines.append("原告：" + claims_line(ctx, fields))
    lines.append(f"{chair}：请被告一方答辩。")
    lines.extend("被告：" + d for d in _defences(ctx, fields))
    if ctx.dispute_focuses:
        lines.append(
            f"{chair}：经归纳，本案的争议焦点为：" + "".join(numbered(ctx.dispute_focuses, style="arabic"))
        )
    lines.append(f"{chair}：现在进行举证、质证。")
    lines.append(f"{chair}：现在进行法庭辩论。")
    lines.append(f"{chair}：现在由当事人作最后陈述。")
    lines.extend(f"{p.role}{p.name}：" for p in ctx.parties if p.appeared)
    lines.append(f"{chair}：今天的庭审到此结束，现在休庭。当事人在闭庭后阅看庭审笔录，认为记录无误的签名。")
    v["lines"] = lines
    v["signers"] = [f"{p.role}{p.name}：" for p in ctx.parties if p.appeared] or [""]
    return v


def _deliberation_record(ctx: DraftContext, fields: Fields) -> Variables:
    if ctx.procedure is Procedure.SIMPLE and len(ctx.panel.members) <= 1:
        raise InvalidContextError("procedure", "独任审理的案件不制作合议庭评议笔录")
    v = _common(ctx, DocumentType.DELIBERATION_RECORD, fields)
    v["clerk"] = _clerk(ctx, fields)
    v["panel_line"] = _panel_line(ctx, fields)
    v["presiding"] = fields.need(ctx.panel.presiding_judge, "panel.presiding_judge", "审判长")
    v["held_at"] = fields.need_date(ctx.judgment_date, "judgment_date", "评议日期")
    v["case_title"] = case_title(ctx, fields)
    v["facts"] = fields.need_list(ctx.facts_found, "facts_found", "本院查明的事实")
    v["focuses"] = numbered(
        fields.need_list(ctx.dispute_focuses, "dispute_focuses", "争议焦点"), style="arabic"
    )
    said = {s.speaker: s.text for s in ctx.opinions}
    opinions = []
    for member in ctx.panel.members:
        opinion = said.get(member) or fields.missing(f"opinions[{member}]", f"合议庭成员{member}的评议意见")
        opinions.append(f"{member}：{opinion}")
    v["opinions"] = opinions or [fields.missing("opinions", "评议意见")]
    v["conclusion"] = "经评议，合议庭形成如下意见："
    v["items"] = numbered(fields.need_list(ctx.operative_items, "operative_items", "评议结论"))
    v["signers"] = list(ctx.panel.members) + [f"书记员：{v['clerk']}"]
    return v


def _trial_report(ctx: DraftContext, fields: Fields) -> Variables:
    v = _common(ctx, DocumentType.TRIAL_REPORT, fields)
    v["parties"] = _parties(ctx, fields)
    v["opening"] = _opening_civil(ctx, fields)
    v["claims_line"] = claims_line(ctx, fields)
    v["defences"] = _defences(ctx, fields) or ["（无答辩人）"]
    v["facts"] = fields.need_list(ctx.facts_found, "facts_found", "审理查明的事实")
    v["focuses"] = numbered(
        fields.need_list(ctx.dispute_focuses, "dispute_focuses", "争议焦点"), style="arabic"
    )
    v["reasoning"] = fields.need_list(ctx.reasoning, "reasoning", "处理意见及理由")
    v["basis"] = (
        join_citations(ctx.legal_basis)
        if ctx.legal_basis
        else fields.missing("legal_basis", "裁判依据的法律条文")
    )
    v["items"] = numbered(fields.need_list(ctx.operative_items, "operative_items", "建议的裁判主文"))
    v["costs_line"] = costs_line(ctx, fields, halved=ctx.procedure is Procedure.SIMPLE)
    reporter = ctx.panel.judges[0] if ctx.panel.judges else ctx.panel.presiding_judge
    v["reporter"] = fields.need(reporter, "panel.judges", "承办法官")
    v["signed_on"] = fields.need_date(ctx.judgment_date, "judgment_date", "报告日期", signing=True)
    return v


COMPOSERS: dict[DocumentType, Callable[[DraftContext, Fields], Variables]] = {
    DocumentType.ACCEPTANCE_NOTICE: _acceptance_notice,
    DocumentType.RESPONSE_NOTICE: _response_notice,
    DocumentType.EVIDENCE_NOTICE: _evidence_notice,
    DocumentType.SUMMONS: _summons,
    DocumentType.CIVIL_JUDGMENT: _civil_judgment,
    DocumentType.MEDIATION_STATEMENT: _mediation_statement,
    DocumentType.REFUSAL_RULING: _refusal_ruling,
    DocumentType.DISMISSAL_RULING: _dismissal_ruling,
    DocumentType.WITHDRAWAL_RULING: _withdrawal_ruling,
    DocumentType.CRIMINAL_JUDGMENT: _criminal_judgment,
    DocumentType.ENFORCEMENT_NOTICE: _enforcement_notice,
    DocumentType.PROOF_OF_SERVICE: _proof_of_service,
    DocumentType.TRIAL_OUTLINE: _trial_outline,
    DocumentType.HEARING_RECORD: _hearing_record,
    DocumentType.DELIBERATION_RECORD: _deliberation_record,
    DocumentType.TRIAL_REPORT: _trial_report,
}
