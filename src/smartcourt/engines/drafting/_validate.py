"""Refusing a context that would make a wrong document: wrong types, unknown values, negative amounts, dates out
of order, a malformed case number. Missing values are not refused here (they become placeholders)."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import date, time
from decimal import Decimal

from smartcourt.engines import catalogs
from smartcourt.engines.drafting._types import (
    AppealOutcome,
    Claim,
    Costs,
    Counsel,
    CounselKind,
    Court,
    CourtLevel,
    DraftContext,
    Panel,
    Party,
    PartyKind,
    Procedure,
    RemandGround,
    Statement,
)
from smartcourt.engines.drafting.errors import InvalidContextError

ROLES = (
    "原告",
    "被告",
    "第三人",
    "起诉人",
    "申请执行人",
    "被执行人",
    "被告人",
    # second instance (法〔2016〕221号, 民事判决书（二审维持原判或者改判用）): the appealing and appealed-against
    # parties, and the others under their first-instance standing
    "上诉人",
    "被上诉人",
    "原审原告",
    "原审被告",
    "原审第三人",
)
APPEAL_ROLES = ("上诉人", "被上诉人")
ORIGINAL_ROLES = ("原审原告", "原审被告", "原审第三人")
SEXES = ("男", "女")


def _type(value: object, expected: type | tuple[type, ...], field: str, label: str) -> None:
    if not isinstance(value, expected) or (expected is date and isinstance(value, bool)):
        raise InvalidContextError(field, f"{label}的类型不正确（收到 {type(value).__name__}）")


def _optional(value: object, expected: type | tuple[type, ...], field: str, label: str) -> None:
    if value is not None:
        _type(value, expected, field, label)


def _strings(values: object, field: str, label: str) -> None:
    _type(values, tuple, field, label)
    assert isinstance(values, tuple)
    for index, value in enumerate(values):
        _type(value, str, f"{field}[{index}]", label)


def _amount(value: object, field: str, label: str) -> None:
    if value is None:
        return
    _type(value, Decimal, field, label)
    assert isinstance(value, Decimal)
    if not value.is_finite() or value < 0:
        raise InvalidContextError(field, f"{label}必须是非负的有限金额（收到 {value}）")


def validate(ctx: DraftContext) -> None:
    """Raises :class:`InvalidContextError` naming the first field that cannot be drafted."""
    _type(ctx, DraftContext, "context", "案件数据")
    _type(ctx.court, Court, "court", "法院")
    _type(ctx.court.name, str, "court.name", "法院名称")
    _type(ctx.court.level, CourtLevel, "court.level", "法院层级")
    for name in ("appeal_court", "address", "phone"):
        _optional(getattr(ctx.court, name), str, f"court.{name}", "法院信息")
    _type(ctx.case_number, str, "case_number", "案号")
    if ctx.case_number.strip():
        try:
            catalogs.parse_case_number(ctx.case_number)
        except catalogs.CaseNumberError as exc:
            raise InvalidContextError("case_number", f"案号格式错误：{exc.message}") from exc
    _type(ctx.procedure, Procedure, "procedure", "审理程序")
    for spec in dataclass_fields(DraftContext):
        value = getattr(ctx, spec.name)
        if spec.name.endswith("_date"):
            _optional(value, date, spec.name, "日期")
        elif spec.name in (
            "cause",
            "facts_and_reasons",
            "hearing_place",
            "prosecutor",
            "prosecutor_attendee",
            "indictment_number",
            "indictment",
            "defence_opinion",
            "enforcement_basis",
            "recipient",
            "service_method",
            "contact",
            "original_court",
            "original_case_number",
        ):
            _optional(value, str, spec.name, "文字内容")
        elif spec.name in (
            "evidence",
            "dispute_focuses",
            "facts_found",
            "reasoning",
            "legal_basis",
            "operative_items",
            "served_documents",
            "original_claims",
            "original_facts",
            "original_reasoning",
            "original_items",
        ):
            _strings(value, spec.name, "文字内容")
    _optional(ctx.hearing_time, time, "hearing_time", "开庭时刻")
    _type(ctx.public_hearing, bool, "public_hearing", "是否公开审理")
    _amount(ctx.enforcement_amount, "enforcement_amount", "执行标的金额")
    _type(ctx.parties, tuple, "parties", "当事人")
    for index, party in enumerate(ctx.parties):
        _party(party, f"parties[{index}]")
    _type(ctx.claims, tuple, "claims", "诉讼请求")
    for index, claim in enumerate(ctx.claims):
        _type(claim, Claim, f"claims[{index}]", "诉讼请求")
        _type(claim.text, str, f"claims[{index}].text", "诉讼请求")
        _amount(claim.amount, f"claims[{index}].amount", "诉讼请求金额")
    for name in ("defences", "opinions"):
        for index, statement in enumerate(getattr(ctx, name)):
            _type(statement, Statement, f"{name}[{index}]", "陈述")
    _optional(ctx.costs, Costs, "costs", "诉讼费用")
    if ctx.costs is not None:
        _type(ctx.costs.bearer, str, "costs.bearer", "诉讼费用负担")
        _amount(ctx.costs.fee, "costs.fee", "案件受理费")
    _optional(ctx.original_costs, Costs, "original_costs", "一审诉讼费用")
    if ctx.original_costs is not None:
        _type(ctx.original_costs.bearer, str, "original_costs.bearer", "一审诉讼费用负担")
        _amount(ctx.original_costs.fee, "original_costs.fee", "一审案件受理费")
    _optional(ctx.appeal_outcome, AppealOutcome, "appeal_outcome", "二审裁判结果")
    _optional(ctx.remand_ground, RemandGround, "remand_ground", "发回重审的理由")
    if ctx.original_case_number and ctx.original_case_number.strip():
        _first_instance_number(ctx.original_case_number)
    _type(ctx.panel, Panel, "panel", "审判组织")
    _optional(ctx.panel.presiding_judge, str, "panel.presiding_judge", "审判长")
    _optional(ctx.panel.clerk, str, "panel.clerk", "书记员")
    _strings(ctx.panel.judges, "panel.judges", "审判员")
    _strings(ctx.panel.assessors, "panel.assessors", "人民陪审员")
    _optional(ctx.evidence_period_days, int, "evidence_period_days", "举证期限")
    if ctx.evidence_period_days is not None:
        days = ctx.evidence_period_days
        # 民诉法解释第九十九条: 普通程序不得少于十五日; 第二百六十六条: 简易程序不得超过十五日.
        if ctx.procedure is Procedure.ORDINARY and days < 15:
            raise InvalidContextError(
                "evidence_period_days", "普通程序的举证期限不得少于十五日（民诉法解释第九十九条）"
            )
        if ctx.procedure is Procedure.SIMPLE and not 1 <= days <= 15:
            raise InvalidContextError(
                "evidence_period_days", "简易程序的举证期限不得超过十五日（民诉法解释第二百六十六条）"
            )
    _dates_in_order(ctx)


def _party(party: object, field: str) -> None:
    _type(party, Party, field, "当事人")
    assert isinstance(party, Party)
    _type(party.name, str, f"{field}.name", "当事人姓名或者名称")
    _type(party.role, str, f"{field}.role", "诉讼地位")
    if party.role not in ROLES:
        raise InvalidContextError(
            f"{field}.role", f"未知的诉讼地位：{party.role}（应为{'、'.join(ROLES)}之一）"
        )
    _optional(party.original_role, str, f"{field}.original_role", "原审诉讼地位")
    if party.original_role is not None:
        if party.role not in APPEAL_ROLES:
            raise InvalidContextError(
                f"{field}.original_role", f"只有上诉人、被上诉人需写明原审诉讼地位（收到 {party.role}）"
            )
        if party.original_role not in ORIGINAL_ROLES:
            raise InvalidContextError(
                f"{field}.original_role",
                f"未知的原审诉讼地位：{party.original_role}（应为{'、'.join(ORIGINAL_ROLES)}之一）",
            )
    _type(party.kind, PartyKind, f"{field}.kind", "当事人类型")
    if party.sex is not None and party.sex not in SEXES:
        raise InvalidContextError(f"{field}.sex", f"性别应为“男”或“女”（收到 {party.sex}）")
    _optional(party.birth_date, date, f"{field}.birth_date", "出生日期")
    for name in (
        "ethnicity",
        "occupation",
        "address",
        "id_number",
        "credit_code",
        "legal_representative",
        "representative_title",
        "birthplace",
        "education",
        "custody",
    ):
        _optional(getattr(party, name), str, f"{field}.{name}", "当事人信息")
    _type(party.appeared, bool, f"{field}.appeared", "是否到庭")
    _type(party.counsel, tuple, f"{field}.counsel", "诉讼代理人")
    for index, counsel in enumerate(party.counsel):
        _type(counsel, Counsel, f"{field}.counsel[{index}]", "诉讼代理人")
        _type(counsel.name, str, f"{field}.counsel[{index}].name", "诉讼代理人姓名")
        _type(counsel.kind, CounselKind, f"{field}.counsel[{index}].kind", "诉讼代理人类型")
        _optional(counsel.firm, str, f"{field}.counsel[{index}].firm", "执业机构")


def _first_instance_number(number: str) -> None:
    """The judgment appealed against is a first-instance one (民事诉讼法第一百七十一条: 不服第一审判决)."""
    try:
        parsed = catalogs.parse_case_number(number)
    except catalogs.CaseNumberError as exc:
        raise InvalidContextError("original_case_number", f"一审案号格式错误：{exc.message}") from exc
    kind = catalogs.get_case_type(parsed.case_type)
    if kind.procedure_class is not catalogs.ProcedureClass.FIRST_INSTANCE:
        raise InvalidContextError(
            "original_case_number", f"一审案号应为第一审案件的案号（收到 {parsed.case_type}字号）"
        )


def is_civil_second_instance(case_number: str) -> bool:
    """Whether the case number is that of a civil second instance (民终); False if unparsable.

    >>> [is_civil_second_instance(n) for n in ("（2024）浙01民终12号", "（2024）浙0102民初1号", "（2024）浙01刑终3号")]
    [True, False, False]
    """
    try:
        kind = catalogs.get_case_type(catalogs.parse_case_number(case_number.strip()).case_type)
    except (catalogs.CaseNumberError, catalogs.UnknownCaseTypeError):
        return False
    return (
        kind.category is catalogs.CaseCategory.CIVIL
        and kind.procedure_class is catalogs.ProcedureClass.SECOND_INSTANCE
    )


def _dates_in_order(ctx: DraftContext) -> None:
    order = [
        ("received_date", "收到起诉状日期"),
        ("filing_date", "立案日期"),
        ("withdrawal_date", "撤诉申请日期"),
        ("hearing_date", "开庭日期"),
        ("judgment_date", "裁判日期"),
    ]
    seen: list[tuple[str, str, date]] = []
    for name, label in order:
        value = getattr(ctx, name)
        if value is None:
            continue
        for earlier_name, earlier_label, earlier in seen:
            if value < earlier and not (name == "hearing_date" and earlier_name == "withdrawal_date"):
                raise InvalidContextError(
                    name, f"{label}{value.isoformat()}早于{earlier_label}{earlier.isoformat()}"
                )
        seen.append((name, label, value))
    for index, party in enumerate(ctx.parties):
        if party.birth_date and ctx.filing_date and party.birth_date > ctx.filing_date:
            raise InvalidContextError(f"parties[{index}].birth_date", f"{party.name}的出生日期晚于立案日期")
