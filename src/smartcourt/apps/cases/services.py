"""Writes of the case core: registration, assignment, transitions, time-limit changes, sensitive reads.

Every function here validates through the engines, checks the actor's permission, writes inside one
transaction (nothing half-saved) and records the step on the case timeline; django-auditlog records the
row changes with the actor set by :func:`acting_as`.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from random import Random
from typing import Any

from django.db import transaction
from django.utils import timezone

from smartcourt.apps.accounts.models import CASE_HANDLING_ROLES, REGISTERING_ROLES, Role, User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.audit.services import sensitive_read_record
from smartcourt.apps.cases import rules
from smartcourt.apps.cases.error_codes import CaseErrorCode
from smartcourt.apps.cases.models import (
    Assignment,
    AssignmentMethod,
    Case,
    CaseEvent,
    CaseNumberSequence,
    Counsel,
    CounselKind,
    IdType,
    PanelMember,
    PanelRole,
    Party,
    PartyKind,
    PartyRole,
    TimeLimitAdjustment,
    TimeLimitAdjustmentKind,
)
from smartcourt.apps.cases.selectors import case_is_visible
from smartcourt.apps.core.errors import (
    ConflictError,
    InvalidInputError,
    NotPermittedError,
    from_engine_error,
)
from smartcourt.apps.courts.models import Court, DepartmentKind
from smartcourt.engines.procedure import (
    CaseAction,
    CaseStatus,
    ProcedureError,
    check_closure_method,
    check_panel_size,
    check_party_roles,
    check_procedure,
    next_transition,
)

_MAX_NAME = 100
_MAX_ADDRESS = 200
_MAX_REASON = 500
_MAX_SUMMARY = 5000


@dataclass(frozen=True)
class PartyInput:
    role: str
    kind: str
    name: str
    id_type: str = ""
    id_number: str = ""
    address: str = ""
    phone: str = ""
    legal_representative: str = ""
    user_id: int | None = None


@dataclass(frozen=True)
class CounselInput:
    party_index: int
    kind: str
    name: str
    license_number: str = ""
    firm: str = ""
    user_id: int | None = None


@dataclass(frozen=True)
class CaseRegistration:
    case_type: str
    procedure: str = "ORDINARY"
    cause_of_action: str = ""
    charges: tuple[str, ...] = ()
    claim_amount: Decimal | str | None = None
    summary: str = ""
    parties: tuple[PartyInput, ...] = ()
    counsel: tuple[CounselInput, ...] = ()
    registered_on: date | None = None


def _invalid(code: str, message: str, field_name: str, **detail: Any) -> InvalidInputError:
    return InvalidInputError(code, message, {"field": field_name, **detail})


def _require_text(value: str, field_name: str, label: str, max_length: int, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise _invalid(CaseErrorCode.MISSING_FIELD, f"{label}不能为空", field_name)
    if len(value) > max_length:
        raise _invalid(
            CaseErrorCode.FIELD_TOO_LONG,
            f"{label}不能超过{max_length}个字符（现为{len(value)}个）",
            field_name,
            max_length=max_length,
        )
    return value


_FILING_SIDE = frozenset(
    {
        PartyRole.PLAINTIFF,
        PartyRole.APPELLANT,
        PartyRole.APPLICANT,
        PartyRole.ENFORCEMENT_APPLICANT,
        PartyRole.PRIVATE_PROSECUTOR,
    }
)


def _clean_party(index: int, party: PartyInput, *, today: date) -> dict[str, Any]:
    prefix = f"parties[{index}]"
    if party.role not in PartyRole.values:
        raise _invalid("case.bad_party_role", f"第{index + 1}个当事人的诉讼地位无效", f"{prefix}.role")
    if party.kind not in PartyKind.values:
        raise _invalid("case.bad_party_kind", f"第{index + 1}个当事人的类型无效", f"{prefix}.kind")
    name = _require_text(party.name, f"{prefix}.name", f"第{index + 1}个当事人的名称", _MAX_NAME)
    cleaned: dict[str, Any] = {
        "role": party.role,
        "kind": party.kind,
        "name": name,
        "address": _require_text(party.address, f"{prefix}.address", "住所地", _MAX_ADDRESS, required=False),
        "phone": "",
        "legal_representative": _require_text(
            party.legal_representative, f"{prefix}.legal_representative", "法定代表人", 50, required=False
        ),
        "id_type": "",
        "id_number": "",
        "sex": "",
        "birth_date": None,
        "user_id": party.user_id,
    }
    if party.phone.strip():
        try:
            cleaned["phone"] = rules.check_phone(party.phone)
        except ValueError as exc:
            raise from_engine_error(exc, field=f"{prefix}.phone") from None
    id_number = (party.id_number or "").strip()
    if id_number:
        id_type = party.id_type or (
            IdType.RESIDENT_ID if party.kind == PartyKind.NATURAL_PERSON else IdType.CREDIT_CODE
        )
        if id_type not in IdType.values:
            raise _invalid("case.bad_id_type", "证件类型无效", f"{prefix}.id_type")
        if party.kind != PartyKind.NATURAL_PERSON and id_type == IdType.RESIDENT_ID:
            raise _invalid("case.bad_id_type", "法人或非法人组织应提供统一社会信用代码", f"{prefix}.id_type")
        try:
            identity = rules.check_identity(id_type, id_number, today=today)
        except ValueError as exc:
            raise from_engine_error(exc, field=f"{prefix}.id_number") from None
        cleaned.update(
            id_type=id_type,
            id_number=identity.number,
            sex=identity.sex or "",
            birth_date=identity.birth_date,
        )
    elif party.kind == PartyKind.LEGAL_PERSON and party.role in _FILING_SIDE:
        # The filing side identifies itself; the other side's code may be unknown to it (data quality
        # checks flag what is missing later).
        raise _invalid(
            CaseErrorCode.MISSING_FIELD,
            f"第{index + 1}个当事人（法人）须提供统一社会信用代码",
            f"{prefix}.id_number",
        )
    return cleaned


def _clean_amount(value: Decimal | str | None) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise _invalid(CaseErrorCode.BAD_AMOUNT, "诉讼标的额须为数字（单位：元）", "claim_amount") from None
    if not amount.is_finite() or amount < 0 or amount >= Decimal("1e14"):
        raise _invalid(
            CaseErrorCode.BAD_AMOUNT, "诉讼标的额须为不小于 0 且小于一百万亿的金额", "claim_amount"
        )
    return amount.quantize(Decimal("0.01"))


def _title(category: str, parties: list[dict[str, Any]], cause: str, charges: list[str]) -> str:
    def names(*roles: str) -> str:
        return "、".join(p["name"] for p in parties if p["role"] in roles)

    if category == "CRIMINAL":
        accused = names("ACCUSED", "APPELLANT")
        return f"{accused}{'、'.join(charges)}案"[:200]
    if category == "ENFORCEMENT":
        return f"{names('ENFORCEMENT_APPLICANT')}申请执行{names('JUDGMENT_DEBTOR')}{cause}"[:200]
    left = names("PLAINTIFF", "APPELLANT", "APPLICANT")
    right = names("DEFENDANT", "APPELLEE", "RESPONDENT")
    return f"{left}诉{right}{cause}"[:200]


def _next_sequence(*, court: Court, year: int, case_type: str) -> int:
    """Take the next number of (court, year, type) under a row lock; rolled back with the registration.

    The sequence row is locked (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite transactions here are
    ``IMMEDIATE`` and so serialised), so concurrent registrations get consecutive numbers with no gap
    and no duplicate.
    """
    sequence, _ = CaseNumberSequence.objects.select_for_update().get_or_create(
        court=court, year=year, case_type=case_type
    )
    sequence.last_value += 1
    sequence.save(update_fields=["last_value"])
    return sequence.last_value


def _duplicate_of(*, court: Court, case_type: str, cause: str, parties: list[dict[str, Any]]) -> Case | None:
    """An open case of the same court, type and cause with exactly the same parties, if any."""
    key = sorted((p["role"], p["name"], p["id_number"]) for p in parties)
    first = parties[0]
    candidates = (
        Case.objects.filter(court=court, case_type=case_type, cause_of_action=cause)
        .exclude(status__in=[CaseStatus.CLOSED, CaseStatus.ARCHIVED])
        .filter(parties__name=first["name"], parties__role=first["role"])
        .prefetch_related("parties")
        .distinct()[:20]
    )
    for candidate in candidates:
        if sorted((p.role, p.name, p.id_number) for p in candidate.parties.all()) == key:
            return candidate
    return None


def case_register(*, officer: User, registration: CaseRegistration, court: Court | None = None) -> Case:
    """立案: validate everything, take the next case number, create the case with its parties and 审限.

    Raises :class:`InvalidInputError` naming the field and the rule, :class:`NotPermittedError` when the
    officer may not register in ``court``, :class:`ConflictError` for a duplicate registration.
    """
    court = court or officer.court
    if court is None or officer.role not in REGISTERING_ROLES or officer.court_id != court.pk:
        raise NotPermittedError(CaseErrorCode.NOT_PERMITTED, "只有本院立案法官或院庭长、审管办人员可以立案")
    today = timezone.localdate()
    registered_on = registration.registered_on or today
    if registered_on > today:
        raise _invalid(CaseErrorCode.BAD_DATE, "立案日期不能晚于今天", "registered_on")
    try:
        case_type = rules.get_case_type(registration.case_type)
    except ValueError as exc:
        raise from_engine_error(exc, field="case_type") from None
    category, procedure_class = case_type.category.value, case_type.procedure_class.value
    try:
        check_procedure(category, procedure_class, registration.procedure, court_level=court.level)
    except ProcedureError as exc:
        raise from_engine_error(exc, field="procedure") from None

    cause = (registration.cause_of_action or "").strip()
    charges = [c.strip() for c in registration.charges if c and c.strip()]
    if category == "CRIMINAL":
        if not charges:
            raise _invalid(CaseErrorCode.MISSING_FIELD, "刑事案件须填写罪名", "charges")
        try:
            charges = [rules.charge_name(c) for c in charges]
        except ValueError as exc:
            raise from_engine_error(exc, field="charges") from None
        cause = cause or "、".join(charges)
    elif category == "CIVIL" or (category == "ENFORCEMENT" and cause):
        if not cause:
            raise _invalid(CaseErrorCode.MISSING_FIELD, "民事案件须填写案由", "cause_of_action")
        try:
            cause = rules.cause_name(cause)
        except ValueError as exc:
            raise from_engine_error(exc, field="cause_of_action") from None
    cause = _require_text(cause, "cause_of_action", "案由", 100, required=False)

    if not registration.parties:
        raise _invalid(CaseErrorCode.MISSING_FIELD, "至少须有一个当事人", "parties")
    if len(registration.parties) > 200:
        raise _invalid(CaseErrorCode.FIELD_TOO_LONG, "当事人不能超过200个", "parties")
    parties = [_clean_party(i, p, today=today) for i, p in enumerate(registration.parties)]
    try:
        check_party_roles(category, procedure_class, [p["role"] for p in parties])
    except ProcedureError as exc:
        raise from_engine_error(exc, field="parties") from None
    for i, c in enumerate(registration.counsel):
        if not 0 <= c.party_index < len(parties):
            raise _invalid("case.bad_counsel_party", "代理人对应的当事人不存在", f"counsel[{i}].party_index")
        if c.kind not in CounselKind.values:
            raise _invalid("case.bad_counsel_kind", "代理人类型无效", f"counsel[{i}].kind")
        _require_text(c.name, f"counsel[{i}].name", "代理人姓名", 50)
    amount = _clean_amount(registration.claim_amount)
    summary = _require_text(registration.summary, "summary", "案情摘要", _MAX_SUMMARY, required=False)
    time_limit_rule = rules.time_limit_rule(case_type, registration.procedure) or ""

    with transaction.atomic(), acting_as(officer):
        duplicate = _duplicate_of(court=court, case_type=case_type.code, cause=cause, parties=parties)
        if duplicate is not None:
            raise ConflictError(
                CaseErrorCode.DUPLICATE,
                f"重复立案：相同当事人、相同案由的案件已立案（{duplicate.case_number}）",
                {"field": "parties", "existing_case_number": duplicate.case_number},
            )
        year = registered_on.year
        sequence = _next_sequence(court=court, year=year, case_type=case_type.code)
        case = Case(
            court=court,
            case_number=rules.format_number(
                year=year, court_code=court.code, case_type=case_type.code, sequence=sequence
            ),
            year=year,
            case_type=case_type.code,
            sequence=sequence,
            category=category,
            procedure=registration.procedure,
            cause_of_action=cause,
            charges=charges,
            title=_title(category, parties, cause, charges),
            claim_amount=amount,
            status=CaseStatus.REGISTERED,
            registered_on=registered_on,
            registered_by=officer,
            time_limit_rule=time_limit_rule,
            summary=summary,
        )
        _apply_deadline(case, adjustments=[])
        case.full_clean()
        case.save()
        created = []
        for position, p in enumerate(parties, start=1):
            party = Party(case=case, position=position, **p)
            party.full_clean()
            party.save()
            created.append(party)
        for c in registration.counsel:
            Counsel.objects.create(
                case=case,
                party=created[c.party_index],
                kind=c.kind,
                name=c.name.strip(),
                license_number=c.license_number.strip()[:32],
                firm=c.firm.strip()[:100],
                user_id=c.user_id,
            )
        _record_event(
            case, actor=officer, action="REGISTER", to_status=CaseStatus.REGISTERED, rule=rules.REGISTER_RULE
        )
    return case


def _record_event(
    case: Case,
    *,
    actor: User,
    action: str,
    from_status: str = "",
    to_status: str = "",
    reason: str = "",
    rule: str = "",
    data: dict[str, Any] | None = None,
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        action=action,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        occurred_at=timezone.now(),
        reason=reason[:_MAX_REASON],
        rule=rule[:300],
        data=data or {},
    )


def _apply_deadline(case: Case, *, adjustments: list[TimeLimitAdjustment]) -> None:
    """Recompute the case's 审限 from its rule, registration date and approved adjustments."""
    if not case.time_limit_rule:
        case.deadline = None
        case.deadline_basis = ["该类案件无法定审限"]
        return
    limit = rules.compute_deadline(
        case.time_limit_rule,
        registered_on=case.registered_on,
        adjustments=adjustments,
        today=timezone.localdate(),
    )
    case.deadline = limit.deadline
    case.deadline_basis = list(limit.basis)


def _check_can_handle(case: Case, actor: User, *, action_label: str) -> None:
    """The responsible judge, the clerk of the case, or a court leader of the case's court may act."""
    if not case_is_visible(case=case, viewer=actor):
        raise NotPermittedError(CaseErrorCode.NOT_PERMITTED, f"无权对该案件进行「{action_label}」操作")
    handles = actor.pk in (case.responsible_judge_id, case.clerk_id) and actor.role in CASE_HANDLING_ROLES
    leads = actor.role == Role.COURT_LEADER and actor.court_id == case.court_id
    if not (handles or leads):
        raise NotPermittedError(
            CaseErrorCode.NOT_PERMITTED, f"只有承办法官、本案书记员或本院院庭长可以进行「{action_label}」操作"
        )


def _eligible_judges(case: Case) -> list[User]:
    kind = {
        "CIVIL": DepartmentKind.CIVIL,
        "CRIMINAL": DepartmentKind.CRIMINAL,
        "ADMINISTRATIVE": DepartmentKind.ADMINISTRATIVE,
        "ENFORCEMENT": DepartmentKind.ENFORCEMENT,
    }.get(case.category)
    role = Role.ENFORCEMENT_JUDGE if case.category == "ENFORCEMENT" else Role.JUDGE
    judges = User.objects.filter(court_id=case.court_id, role=role, is_active=True)
    if kind is not None:
        judges = judges.filter(department__kind=kind)
    return list(judges.order_by("pk"))


def case_assign(
    *,
    case: Case,
    actor: User,
    judge: User | None = None,
    members: Sequence[User] = (),
    panel_size: int = 1,
    reason: str = "",
    rng: Random | None = None,
) -> Assignment:
    """分案 to a sole judge or a collegial panel (合议庭).

    Random by default: the responsible judge, and for ``panel_size`` 3 (or 5…) the other members, are drawn
    among the court's eligible judges. Designated: ``judge`` (and ``members`` for a panel) are named, with a
    reason. The responsible judge presides unless the panel is designated otherwise. Every draw records
    its candidates.
    """
    if actor.role not in REGISTERING_ROLES or actor.court_id != case.court_id:
        raise NotPermittedError(CaseErrorCode.NOT_PERMITTED, "只有本院立案法官、院庭长或审管办人员可以分案")
    reason = _require_text(reason, "reason", "理由", _MAX_REASON, required=False)
    if judge is not None and members:
        panel_size = 1 + len(members)
    try:
        check_panel_size(case.category, case.procedure, panel_size)
    except ProcedureError as exc:
        raise from_engine_error(exc, field="panel_size") from None
    action = CaseAction.ASSIGN if case.status == CaseStatus.REGISTERED else CaseAction.REASSIGN
    try:
        transition = next_transition(case.status, action)
    except ProcedureError as exc:
        raise ConflictError(exc.code, exc.message, {"status": case.status}) from None
    candidates = _eligible_judges(case)
    eligible = {c.pk for c in candidates}
    if judge is None:
        if len(candidates) < panel_size:
            raise ConflictError(
                CaseErrorCode.NO_ELIGIBLE_JUDGE,
                f"本院可承办该类案件的在岗法官不足{panel_size}人"
                if panel_size > 1
                else "本院没有可承办该类案件的在岗法官",
            )
        drawn = (rng or secrets.SystemRandom()).sample(candidates, panel_size)
        chosen, others = drawn[0], drawn[1:]
        method = AssignmentMethod.RANDOM
    else:
        named = [judge, *members]
        if any(j.pk not in eligible for j in named):
            raise _invalid(CaseErrorCode.BAD_JUDGE, "指定的法官不是本院可承办该类案件的在岗法官", "judge_id")
        if len({j.pk for j in named}) != len(named):
            raise _invalid(CaseErrorCode.BAD_JUDGE, "合议庭成员不能重复", "members")
        if not reason:
            raise _invalid(CaseErrorCode.REASON_REQUIRED, "指定分案须说明理由", "reason")
        chosen, others = judge, list(members)
        method = AssignmentMethod.DESIGNATED
    panel = [chosen, *others] if others else []
    with transaction.atomic(), acting_as(actor):
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.status != case.status:
            raise ConflictError("case.changed", "案件状态已变化，请刷新后重试")
        assignment = Assignment.objects.create(
            case=locked,
            judge=chosen,
            method=method,
            reason=reason,
            candidate_ids=[c.pk for c in candidates],
            panel_ids=[j.pk for j in panel],
            assigned_by=actor,
            assigned_at=timezone.now(),
        )
        PanelMember.objects.filter(case=locked).delete()
        for seat, member in enumerate(panel):
            PanelMember.objects.create(
                case=locked,
                judge=member,
                role=PanelRole.PRESIDING_JUDGE if seat == 0 else PanelRole.MEMBER,
                assignment=assignment,
            )
        previous = locked.status
        locked.responsible_judge = chosen
        locked.department = chosen.department
        locked.status = transition.target
        locked.save(update_fields=["responsible_judge", "department", "status", "updated_at"])
        _record_event(
            locked,
            actor=actor,
            action=action,
            from_status=previous,
            to_status=transition.target,
            reason=reason,
            rule=transition.rule,
            data={
                "judge_id": chosen.pk,
                "panel_ids": [j.pk for j in panel],
                "method": method,
                "candidates": len(candidates),
            },
        )
    case.refresh_from_db()
    return assignment


def case_transition(
    *,
    case: Case,
    actor: User,
    action: str,
    reason: str = "",
    closure_method: str = "",
) -> Case:
    """Move the case by ``action`` (START_TRIAL, SUSPEND, RESUME, CLOSE, ARCHIVE) along a legal transition.

    An illegal transition raises :class:`ConflictError` and changes nothing. Suspending stops the 审限
    clock until the case resumes (法释〔2000〕29号 第九条).
    """
    if action in (CaseAction.ASSIGN, CaseAction.REASSIGN):
        raise _invalid("case.use_assign", "分案请使用分案功能", "action")
    try:
        act = CaseAction(action)
    except ValueError:
        raise _invalid("case.bad_action", f"未知的操作「{action}」", "action") from None
    _check_can_handle(case, actor, action_label=act.label)
    try:
        transition = next_transition(case.status, act)
        method = check_closure_method(case.category, closure_method) if act == CaseAction.CLOSE else None
    except ProcedureError as exc:
        if getattr(exc, "code", "") == "case.illegal_transition":
            raise ConflictError(
                exc.code, exc.message, {"status": case.status, "allowed": list(getattr(exc, "allowed", ()))}
            ) from None
        raise from_engine_error(exc, field="closure_method") from None
    reason = _require_text(reason, "reason", "理由", _MAX_REASON, required=act == CaseAction.SUSPEND)
    today = timezone.localdate()
    with transaction.atomic(), acting_as(actor):
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.status != case.status:
            raise ConflictError("case.changed", "案件状态已变化，请刷新后重试")
        previous = locked.status
        locked.status = transition.target
        if act == CaseAction.SUSPEND:
            TimeLimitAdjustment.objects.create(
                case=locked,
                kind=TimeLimitAdjustmentKind.SUSPENSION,
                start_on=today,
                reason=f"中止：{reason}",
                approved_by=actor,
            )
        elif act == CaseAction.RESUME:
            TimeLimitAdjustment.objects.filter(
                case=locked, kind=TimeLimitAdjustmentKind.SUSPENSION, end_on__isnull=True
            ).update(end_on=today)
        elif act == CaseAction.CLOSE:
            locked.closed_on = today
            locked.closure_method = method.value if method else ""
        elif act == CaseAction.ARCHIVE:
            locked.archived_on = today
        if act in (CaseAction.SUSPEND, CaseAction.RESUME):
            _apply_deadline(locked, adjustments=list(locked.time_limit_adjustments.all()))
        locked.save()
        _record_event(
            locked,
            actor=actor,
            action=act,
            from_status=previous,
            to_status=transition.target,
            reason=reason,
            rule=transition.rule,
            data={"closure_method": method.value} if method else {},
        )
    return locked


def case_time_limit_suspend(
    *, case: Case, actor: User, start_on: date, end_on: date | None, reason: str
) -> TimeLimitAdjustment:
    """扣除审限: a period not counted (公告, 鉴定, 管辖权异议 …; 法释〔2000〕29号 第九条)."""
    _check_can_handle(case, actor, action_label="扣除审限")
    reason = _require_text(reason, "reason", "扣除审限事由", _MAX_REASON)
    if end_on is not None and end_on < start_on:
        raise _invalid(CaseErrorCode.BAD_DATE, "扣除期间的结束日不能早于起始日", "end_on")
    if start_on < case.registered_on:
        raise _invalid(CaseErrorCode.BAD_DATE, "扣除期间不能早于立案日期", "start_on")
    if case.status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED):
        raise ConflictError("case.closed", "案件已结案，不能再变更审限")
    with transaction.atomic(), acting_as(actor):
        adjustment = TimeLimitAdjustment(
            case=case,
            kind=TimeLimitAdjustmentKind.SUSPENSION,
            start_on=start_on,
            end_on=end_on,
            reason=reason,
            approved_by=actor,
        )
        adjustment.save()
        _refresh_deadline(case)
        _record_event(
            case,
            actor=actor,
            action="SUSPEND_TIME_LIMIT",
            reason=reason,
            rule=rules.SUSPENSION_RULE,
            data={"start_on": start_on.isoformat(), "end_on": end_on.isoformat() if end_on else None},
        )
    return adjustment


def case_time_limit_extend(
    *, case: Case, actor: User, months: int, days: int = 0, reason: str
) -> TimeLimitAdjustment:
    """延长审限, approved by a court leader of the case's court, within what the rule allows."""
    if actor.role != Role.COURT_LEADER or actor.court_id != case.court_id:
        raise NotPermittedError(CaseErrorCode.NOT_PERMITTED, "延长审限须经本院院长批准")
    reason = _require_text(reason, "reason", "延长审限理由", _MAX_REASON)
    if months < 0 or days < 0 or months + days == 0:
        raise _invalid("case.bad_extension", "延长的期间须为正数", "months")
    if not case.time_limit_rule:
        raise ConflictError(CaseErrorCode.NO_TIME_LIMIT, "该类案件无法定审限，无需延长")
    if case.status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED):
        raise ConflictError("case.closed", "案件已结案，不能再变更审限")
    with transaction.atomic(), acting_as(actor):
        adjustment = TimeLimitAdjustment(
            case=case,
            kind=TimeLimitAdjustmentKind.EXTENSION,
            months=months,
            days=days,
            reason=reason,
            approved_by=actor,
        )
        adjustment.save()
        try:
            _refresh_deadline(case)
        except (
            ValueError
        ) as exc:  # the engine refuses an extension beyond the rule; the atomic block rolls back
            raise from_engine_error(exc, field="months") from None
        _record_event(
            case,
            actor=actor,
            action="EXTEND_TIME_LIMIT",
            reason=reason,
            rule=case.deadline_basis[-1] if case.deadline_basis else "",
            data={"months": months, "days": days},
        )
    return adjustment


def _refresh_deadline(case: Case) -> None:
    _apply_deadline(case, adjustments=list(case.time_limit_adjustments.all()))
    case.save(update_fields=["deadline", "deadline_basis", "updated_at"])


def _speaks_for(user: User, party: Party) -> bool:
    return party.user_id == user.pk or party.counsel.filter(user=user).exists()


def party_id_number_reveal(
    *, party: Party, actor: User, remote_addr: str | None, channel: str = "web"
) -> str:
    """The party's full ID number, for a viewer of the case; every reveal is recorded."""
    if not case_is_visible(case=party.case, viewer=actor):
        raise NotPermittedError(CaseErrorCode.NOT_PERMITTED, "无权查看该当事人的证件号码")
    if actor.is_public_user and not _speaks_for(actor, party):
        # A litigant or lawyer sees the full number of the party they are or represent, no one else's.
        raise NotPermittedError(CaseErrorCode.NOT_PERMITTED, "只能查看本人或所代理当事人的完整证件号码")
    sensitive_read_record(
        actor=actor,
        obj=party,
        field="id_number",
        case_id=party.case_id,
        remote_addr=remote_addr,
        channel=channel,
    )
    return party.id_number


# Back-fill from the electronic case file (casefile app): fields a clerk may accept from a material.
_BACKFILL_PARTY_FIELDS = {"id_number": 32, "address": 200, "phone": 20}


def case_record_backfill(
    *, case: Case, actor: User, field: str, value: str, party_name: str | None = None, source: str = ""
) -> None:
    """Write one accepted value from a case-file material into the case record (a party's ID number, address
    or phone, or the claim amount); the actor may handle the case's file; django-auditlog records the change."""
    if not (actor.is_superuser or (actor.is_court_staff and actor.court_id == case.court_id)):
        raise NotPermittedError(CaseErrorCode.NOT_PERMITTED, "无权修改该案件的信息")
    with transaction.atomic(), acting_as(actor):
        if field == "claim_amount":
            amount = _clean_amount(value)
            Case.objects.select_for_update().filter(pk=case.pk).get()
            case.claim_amount = amount
            case.save(update_fields=["claim_amount", "updated_at"])
            return
        limit = _BACKFILL_PARTY_FIELDS.get(field)
        if limit is None:
            raise _invalid(CaseErrorCode.MISSING_FIELD, f"不支持回填字段“{field}”", "field")
        party = case.parties.select_for_update().filter(name=party_name or "").first()
        if party is None:
            raise _invalid(CaseErrorCode.NOT_FOUND, f"案件中没有当事人“{party_name}”", "party")
        text = _require_text(value, field, "回填值", limit)
        setattr(party, field, text)
        party.save(update_fields=[field])
