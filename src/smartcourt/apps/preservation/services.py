"""Writes of preservation: apply (with the guarantee checked), accept (guarantee re-verified with the insurer and
its hash appended to the court's ledger, ruling clock started), rule (grant/refuse, timed; fee order on grant),
withdraw, and link a 诉前保全 to the case filed later.

Every write is one transaction with the application row locked; the next state comes from ``rules``.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from smartcourt.apps.accounts.models import CASE_HANDLING_ROLES, Role, User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.cases.models import Case, Counsel, Party
from smartcourt.apps.cases.selectors import case_is_visible
from smartcourt.apps.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    NotPermittedError,
)
from smartcourt.apps.courts.models import Court
from smartcourt.apps.preservation import rules
from smartcourt.apps.preservation.error_codes import PreservationErrorCode as E
from smartcourt.apps.preservation.insurers import (
    GuaranteeLetter,
    canonical,
    insurer_gateway,
    letter_from_data,
)
from smartcourt.apps.preservation.models import (
    GuaranteeKind,
    GuaranteeLetterRecord,
    PreservationApplication,
    PreservationProperty,
    PreservationStatus,
    PropertyKind,
    Stage,
)
from smartcourt.engines.fees import FeeError, compute_fee

_CENT = Decimal("0.01")
_MAX_AMOUNT = Decimal("99999999999999.99")
_MAX_PROPERTIES = 50
RULING_ROLES = frozenset({Role.JUDGE, Role.COURT_LEADER})
ACCEPTING_ROLES = frozenset({*CASE_HANDLING_ROLES, Role.FILING_OFFICER, Role.COURT_LEADER})


@dataclass(frozen=True)
class PropertyInput:
    kind: str
    description: str
    amount: Decimal | str


def _invalid(code: str, message: str, field: str) -> InvalidInputError:
    return InvalidInputError(code, message, {"field": field})


def _text(value: Any, field: str, label: str, max_length: int, *, required: bool = True) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise _invalid(E.MISSING_FIELD, f"请填写{label}", field)
    if len(text) > max_length:
        raise _invalid(E.MISSING_FIELD, f"{label}不能超过{max_length}个字符", field)
    return text


def _money(value: Any, field: str, label: str, *, positive: bool = True) -> Decimal:
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        raise _invalid(E.BAD_AMOUNT, f"{label}须为数字（元）", field) from None
    if not amount.is_finite() or amount < 0 or amount > _MAX_AMOUNT or (positive and amount == 0):
        raise _invalid(E.BAD_AMOUNT, f"{label}须为大于 0 的有效金额（元）", field)
    if amount != amount.quantize(_CENT):
        raise _invalid(E.BAD_AMOUNT, f"{label}最多精确到分（两位小数）", field)
    return amount.quantize(_CENT)


def _notify(app: PreservationApplication, title: str, body: str) -> None:
    from smartcourt.apps.notifications.services import notify

    notify(
        user=app.applicant,
        event="generic",
        context={"title": title, "body": body},
        case=app.case,
        link=reverse("preservation:detail", args=[app.number]),
    )


def _verify_letter(letter: GuaranteeLetter, *, required: Decimal, applicant_name: str) -> None:
    result = insurer_gateway().verify(letter=letter, required=required, today=timezone.localdate())
    if not result.ok:
        code = {
            "forged": E.GUARANTEE_FORGED,
            "expired": E.GUARANTEE_EXPIRED,
            "insufficient": E.GUARANTEE_INSUFFICIENT,
            "unknown_insurer": E.GUARANTEE_UNKNOWN_INSURER,
        }.get(result.code, E.GUARANTEE_MALFORMED)
        raise _invalid(code, result.reason, "guarantee_letter")
    if letter.applicant != applicant_name:
        raise _invalid(
            E.GUARANTEE_MISMATCH, "电子保函的被保证人（申请人）与本申请的申请人不一致", "guarantee_letter"
        )


def preservation_apply(
    *,
    applicant: User,
    stage: str,
    applicant_name: str,
    respondent_name: str,
    reason: str,
    properties: Sequence[PropertyInput],
    guarantee_kind: str,
    case: Case | None = None,
    court: Court | None = None,
    urgent: bool = False,
    guarantee_amount: Decimal | str | None = None,
    guarantee_note: str = "",
    guarantee_letter: Any = None,
) -> PreservationApplication:
    """Submit a preservation application; an electronic letter is verified with its insurer first.

    诉讼中保全 needs a case the applicant is a party or counsel of; 诉前保全 names a court and may have no case.
    """
    if not applicant.is_authenticated or not (applicant.is_public_user or applicant.is_court_staff):
        raise NotPermittedError(E.NOT_PERMITTED, "请先登录后再申请保全")
    if stage not in Stage.values:
        raise _invalid(E.BAD_KIND, "请选择诉前保全或诉讼中保全", "stage")
    if stage == Stage.IN_LITIGATION:
        if case is None:
            raise _invalid(E.MISSING_FIELD, "诉讼中保全须选择所涉案件", "case_id")
        if not applicant.is_public_user or not case_is_visible(case=case, viewer=applicant):
            raise NotPermittedError(E.NOT_PERMITTED, "只有本案当事人或诉讼代理人可以申请诉讼中保全")
        court = case.court
    elif court is None:
        raise _invalid(E.MISSING_FIELD, "诉前保全须选择受理法院", "court_id")
    elif case is not None:
        raise _invalid(E.CASE_MISMATCH, "诉前保全尚无案件，起诉后由法院关联", "case_id")
    applicant_name = _text(applicant_name, "applicant_name", "申请人", 100)
    respondent_name = _text(respondent_name, "respondent_name", "被申请人", 100)
    reason = _text(reason, "reason", "事实与理由", 3000)
    if not properties:
        raise _invalid(E.BAD_PROPERTY, "请至少列明一项申请保全的财产", "properties")
    if len(properties) > _MAX_PROPERTIES:
        raise _invalid(E.BAD_PROPERTY, f"一次最多列明{_MAX_PROPERTIES}项财产", "properties")
    cleaned = []
    for i, p in enumerate(properties):
        if p.kind not in PropertyKind.values:
            raise _invalid(E.BAD_PROPERTY, f"第{i + 1}项财产的类型无效", f"properties[{i}].kind")
        desc = _text(p.description, f"properties[{i}].description", f"第{i + 1}项财产的描述", 300)
        cleaned.append((p.kind, desc, _money(p.amount, f"properties[{i}].amount", f"第{i + 1}项财产的数额")))
    total = sum((c[2] for c in cleaned), Decimal("0"))
    if total > _MAX_AMOUNT:
        raise _invalid(E.BAD_AMOUNT, "请求保全数额过大", "properties")
    required = rules.guarantee_required(stage=stage, amount=total)
    if guarantee_kind not in GuaranteeKind.values:
        raise _invalid(E.BAD_KIND, "担保方式无效", "guarantee_kind")
    if guarantee_kind == GuaranteeKind.NONE and stage == Stage.PRE_SUIT:
        # 民事诉讼法第一百零四条第一款: 申请人应当提供担保，不提供担保的，裁定驳回申请.
        raise _invalid(
            E.GUARANTEE_REQUIRED, "诉前保全申请人应当提供担保（民事诉讼法第一百零四条）", "guarantee_kind"
        )
    letter: GuaranteeLetter | None = None
    g_amount = Decimal("0")
    if guarantee_kind == GuaranteeKind.ELECTRONIC:
        if not guarantee_letter:
            raise _invalid(E.GUARANTEE_REQUIRED, "请提交电子保函", "guarantee_letter")
        try:
            letter = letter_from_data(guarantee_letter)
        except ValueError as exc:
            raise _invalid(E.GUARANTEE_MALFORMED, str(exc), "guarantee_letter") from None
        _verify_letter(letter, required=required, applicant_name=applicant_name)
        if GuaranteeLetterRecord.objects.filter(letter_number=letter.letter_number).exists():
            raise ConflictError(
                E.GUARANTEE_MISMATCH, "该电子保函已用于其他保全申请", {"field": "guarantee_letter"}
            )
        g_amount = Decimal(letter.amount)
    elif guarantee_kind in (GuaranteeKind.CASH, GuaranteeKind.PROPERTY):
        g_amount = _money(guarantee_amount, "guarantee_amount", "担保数额")
        if g_amount < required:
            raise _invalid(
                E.GUARANTEE_INSUFFICIENT, f"担保数额不足：应不少于 {required:.2f} 元", "guarantee_amount"
            )
    note = _text(
        guarantee_note, "guarantee_note", "担保说明", 300, required=guarantee_kind == GuaranteeKind.PROPERTY
    )
    now = timezone.now()
    with transaction.atomic(), acting_as(applicant):
        app = PreservationApplication.objects.create(
            number=f"BQ{timezone.localdate():%Y%m%d}{secrets.randbelow(10**8):08d}",
            court=court,
            case=case,
            stage=stage,
            urgent=bool(urgent),
            applicant=applicant,
            applicant_name=applicant_name,
            respondent_name=respondent_name,
            reason=reason,
            amount=total,
            guarantee_kind=guarantee_kind,
            guarantee_amount=g_amount,
            guarantee_required=required,
            guarantee_note=note,
            submitted_at=now,
        )
        PreservationProperty.objects.bulk_create(
            PreservationProperty(application=app, kind=k, description=d, amount=a) for k, d, a in cleaned
        )
        if letter is not None:
            GuaranteeLetterRecord.objects.create(
                application=app,
                letter_number=letter.letter_number,
                insurer_code=letter.insurer_code,
                insurer_name=letter.insurer_name,
                amount=Decimal(letter.amount),
                valid_from=letter.valid_from,
                valid_until=letter.valid_until,
                data=letter.to_dict(),
                sha256=letter.sha256(),
                verified_at=now,
            )
    return app


def _lock(app: PreservationApplication) -> PreservationApplication:
    locked = PreservationApplication.objects.select_for_update().filter(pk=app.pk).first()
    if locked is None:
        raise NotFoundError(E.NOT_FOUND, "保全申请不存在")
    return locked


def _move(app: PreservationApplication, action: str) -> str:
    new = rules.next_status(app.status, action)
    if new is None:
        raise ConflictError(
            E.BAD_TRANSITION,
            f"申请当前为“{app.get_status_display()}”，不能{rules.ACTION_LABELS[action]}",
            {"status": app.status},
        )
    return new


def _require_staff(actor: User, app: PreservationApplication, roles: frozenset[str], what: str) -> None:
    if not (
        actor.is_authenticated
        and actor.is_court_staff
        and actor.court_id == app.court_id
        and actor.role in roles
    ):
        raise NotPermittedError(E.NOT_PERMITTED, f"无权{what}")


def _guarantee_digest(app: PreservationApplication) -> str:
    letter = getattr(app, "letter", None)
    if letter is not None:
        return letter.sha256
    return hashlib.sha256(
        canonical(
            {
                "application": app.number,
                "kind": app.guarantee_kind,
                "amount": f"{app.guarantee_amount:.2f}",
                "note": app.guarantee_note,
            }
        )
    ).hexdigest()


def preservation_accept(*, application: PreservationApplication, actor: User) -> PreservationApplication:
    """受理: re-verify an electronic letter with its insurer, append the guarantee's hash to the court's ledger,
    and start the ruling period (``rules.ruling_period``)."""
    _require_staff(actor, application, ACCEPTING_ROLES, "受理保全申请")
    from smartcourt.apps.evidence.models import EntryKind
    from smartcourt.apps.evidence.services import RecordInput, evidence_record

    with transaction.atomic(), acting_as(actor):
        app = _lock(application)
        new = _move(app, "accept")
        letter_row = getattr(app, "letter", None)
        if letter_row is not None:
            _verify_letter(
                letter_from_data(letter_row.data),
                required=app.guarantee_required,
                applicant_name=app.applicant_name,
            )
        now = timezone.now()
        period, basis = rules.ruling_period(stage=app.stage, urgent=app.urgent)
        app.status, app.accepted_at, app.accepted_by = new, now, actor
        app.ruling_due_at, app.ruling_basis = now + period, basis
        if app.guarantee_kind != GuaranteeKind.NONE:
            digest = _guarantee_digest(app)
            appended = evidence_record(
                actor=actor,
                records=[
                    RecordInput(
                        kind=EntryKind.GUARANTEE,
                        content_hash=f"sha256:{digest}",
                        metadata={
                            "title": f"保全申请 {app.number} 担保（{app.get_guarantee_kind_display()}）",
                            "application": app.number,
                            "guarantee_kind": app.guarantee_kind,
                            "amount": f"{app.guarantee_amount:.2f}",
                            "letter_number": letter_row.letter_number if letter_row else None,
                        },
                    )
                ],
            )
            app.guarantee_hash = f"sha256:{digest}"
            app.ledger_leaf_index = appended[0].leaf_index
            app.ledger_receipt = appended[0].receipt.to_json()
        app.save()
        _notify(
            app,
            "保全申请已受理",
            f"您的保全申请 {app.number} 已受理，法院将于 {timezone.localtime(app.ruling_due_at):%Y-%m-%d %H:%M} 前作出裁定。",
        )
    return app


def _fee(amount: Decimal) -> tuple[Decimal, dict[str, Any]]:
    try:
        result = compute_fee("preservation", amount)
    except FeeError as exc:  # pragma: no cover - amount already validated
        raise _invalid(str(exc.code), str(exc.message), "amount") from None
    assert result.total is not None
    return result.total, result.to_dict()


def _issue_fee_order(app: PreservationApplication) -> None:
    """The 保全申请费 (诉讼费用交纳办法第十四条第二项, capped at 5,000 yuan) as a payment order on the case."""
    from smartcourt.apps.payments.models import PaymentKind
    from smartcourt.apps.payments.services import payment_order_create

    if app.case is None or app.fee_order_number or app.fee_amount <= 0:
        return
    payer = (
        Party.objects.filter(case=app.case, user=app.applicant).first()
        or Party.objects.filter(
            pk__in=Counsel.objects.filter(case=app.case, user=app.applicant).values("party_id")
        ).first()
    )
    order = payment_order_create(
        case=app.case,
        kind=PaymentKind.APPLICATION_FEE,
        actor=None,
        amount=app.fee_amount,
        fee_kind="preservation",
        payer=payer,
        note=f"保全申请费（{app.number}）",
    )
    app.fee_order_number = order.order_number


def preservation_rule(
    *, application: PreservationApplication, actor: User, grant: bool, reason: str
) -> PreservationApplication:
    """The judge's ruling: 准予保全 (the fee is computed and, with a case, ordered) or 驳回 (with reasons)."""
    _require_staff(actor, application, RULING_ROLES, "作出保全裁定（须由本院法官作出）")
    reason = _text(reason, "reason", "裁定理由", 1000, required=not grant)
    with transaction.atomic(), acting_as(actor):
        app = _lock(application)
        new = _move(app, "grant" if grant else "refuse")
        app.status, app.ruled_at, app.ruled_by, app.ruling_reason = new, timezone.now(), actor, reason
        if grant:
            app.fee_amount, app.fee_computation = _fee(app.amount)
            _issue_fee_order(app)
        app.save()
        late = "" if app.ruled_in_time in (True, None) else "（超过法定裁定期限）"
        _notify(
            app,
            f"保全申请{app.get_status_display()}",
            f"保全申请 {app.number}：{app.get_status_display()}{late}。{reason}",
        )
    return app


def preservation_withdraw(*, application: PreservationApplication, actor: User) -> PreservationApplication:
    if actor.pk != application.applicant_id:
        raise NotPermittedError(E.NOT_PERMITTED, "只有申请人可以撤回保全申请")
    with transaction.atomic(), acting_as(actor):
        app = _lock(application)
        app.status = _move(app, "withdraw")
        app.save(update_fields=["status"])
    return app


def preservation_link_case(
    *, application: PreservationApplication, case: Case, actor: User
) -> PreservationApplication:
    """Link a 诉前保全 to the case filed afterwards (民事诉讼法第一百零四条第三款: 30 days), and order its fee."""
    _require_staff(actor, application, ACCEPTING_ROLES, "关联案件")
    if not case_is_visible(case=case, viewer=actor):
        raise NotPermittedError(E.NOT_PERMITTED, "无权查看该案件")
    with transaction.atomic(), acting_as(actor):
        app = _lock(application)
        if app.stage != Stage.PRE_SUIT:
            raise ConflictError(E.CASE_MISMATCH, "只有诉前保全需要关联后续案件")
        if app.case_id is not None:
            raise ConflictError(E.CASE_MISMATCH, "该申请已关联案件")
        names = set(case.parties.values_list("name", flat=True))
        if app.applicant_name not in names or app.respondent_name not in names:
            raise _invalid(E.CASE_MISMATCH, "案件当事人与保全申请人、被申请人不一致", "case_id")
        app.case = case
        if app.status == PreservationStatus.GRANTED:
            _issue_fee_order(app)
        app.save()
    return app


def filing_deadline_after_preservation(app: PreservationApplication) -> Any:
    """The last day to sue after a granted 诉前保全 (第一百零四条第三款: 三十日内), or ``None``."""
    if app.stage != Stage.PRE_SUIT or app.ruled_at is None or app.status != PreservationStatus.GRANTED:
        return None
    from smartcourt.engines.calendar import period_end

    return period_end(timezone.localtime(app.ruled_at).date(), days=30).date
