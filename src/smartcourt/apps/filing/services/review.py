"""立案审查 by the receiving court's filing officer: one correction request, acceptance, refusal.

Decisions are timed against the 7-day review clock (法释〔2015〕8号, ``engines.filing_checks``) and recorded
on the filing's timeline; acceptance registers the case through ``cases.services.case_register`` (the case
number is taken there) and issues the fee notice (``engines.fees``) with its payment order (``payments``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.cases.services import CaseRegistration, CounselInput, PartyInput, case_register
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from smartcourt.apps.filing import checks, rules, states
from smartcourt.apps.filing.error_codes import FilingErrorCode as E
from smartcourt.apps.filing.models import Filing, FilingKind
from smartcourt.apps.filing.services.drafts import record_event


def _notify_filer(filing: Filing, *, title: str, body: str) -> None:
    """A portal message (and the filer's chosen channels) about the filing's new status."""
    from django.urls import reverse

    from smartcourt.apps.notifications.services import notify

    notify(
        user=filing.filer,
        event="generic",
        context={"title": title, "body": body},
        case=filing.case,
        link=reverse("filing:detail", args=[filing.pk]),
    )


def _check_officer(filing: Filing, officer: User, *, action: str) -> None:
    if officer.role != Role.FILING_OFFICER or officer.court_id is None or officer.court_id != filing.court_id:
        raise NotPermittedError(E.NOT_PERMITTED, f"只有受理法院的立案法官可以{action}")


def _lock_for_decision(filing: Filing, officer: User, *, action: str, transition: str) -> Filing:
    _check_officer(filing, officer, action=action)
    locked = Filing.objects.select_for_update(of=("self",)).select_related("court", "filer").get(pk=filing.pk)
    _check_officer(locked, officer, action=action)
    states.check(locked, transition)
    return locked


def _decided(locked: Filing, officer: User) -> bool:
    today = timezone.localdate()
    review = checks.clock(locked, today=today)
    deadline = review.deadline if review else locked.review_deadline
    on_time = deadline is None or today <= deadline
    locked.decided_at = timezone.now()
    locked.decided_by = officer
    locked.decided_on_time = on_time
    locked.review_deadline = deadline
    return on_time


def filing_request_correction(
    *,
    filing: Filing,
    officer: User,
    items: Sequence[str],
    note: str = "",
    due_days: int = rules.CORRECTION_DAYS,
) -> Filing:
    """一次性告知补正 (法释〔2015〕8号 第七条): once, with the complete list; the clock waits for the filer."""
    items = [i.strip()[:300] for i in items if i and i.strip()]
    if not items:
        raise InvalidInputError(E.MISSING_FIELD, "请逐项列明需要补正的材料或事项", {"field": "items"})
    if len(items) > 30:
        raise InvalidInputError(E.TOO_MANY, "补正事项不能超过30项", {"field": "items"})
    if not 1 <= due_days <= 90:
        raise InvalidInputError(E.MISSING_FIELD, "补正期限须为1至90日", {"field": "due_days"})
    with transaction.atomic(), acting_as(officer):
        locked = _lock_for_decision(filing, officer, action="告知补正", transition="REQUEST_CORRECTION")
        if locked.correction_requested_on is not None:
            raise ConflictError(
                E.CORRECTION_ONCE,
                "补正只能一次性告知；已告知过补正，请作出立案或不予受理的决定",
                {"field": "items"},
            )
        today = timezone.localdate()
        review = checks.clock(locked, today=today)
        on_time = review is None or review.deadline is None or today <= review.deadline
        locked.correction_items = items
        locked.correction_note = note.strip()[:500]
        locked.correction_requested_on = today
        locked.correction_due_on = today + timedelta(days=due_days)
        states.advance(locked, "REQUEST_CORRECTION")
        locked.review_deadline = None  # 第七条: the period runs again from the corrected materials
        locked.save()
        event = record_event(
            locked, actor=officer, action="REQUEST_CORRECTION", note=locked.correction_note, items=items
        )
        event.deadline = review.deadline if review else None
        event.on_time = on_time
        event.save(update_fields=["deadline", "on_time"])
        _notify_filer(
            locked,
            title=f"立案申请{locked.reference}需要补正",
            body=f"请于{locked.correction_due_on:%Y年%m月%d日}前补正：" + "；".join(items),
        )
    return locked


def filing_accept(
    *,
    filing: Filing,
    officer: User,
    procedure: str = "ORDINARY",
    fee_kind: str = "",
    per_case: str = "",
) -> Filing:
    """登记立案: the case is registered through the case core (its number taken there) and the fee noticed."""
    with transaction.atomic(), acting_as(officer):
        locked = _lock_for_decision(filing, officer, action="登记立案", transition="ACCEPT")
        kind = FilingKind(locked.kind)
        profile = getattr(locked.filer, "real_name", None)
        parties: list[PartyInput] = []
        filer_index: int | None = None
        sides = {role: side for role, _, side in rules.ROLES[kind]}
        for i, p in enumerate(locked.parties.all()):
            is_self = (
                locked.filer.role == Role.LITIGANT
                and profile is not None
                and p.id_number
                and p.id_number == profile.id_number
            )
            if filer_index is None and sides.get(p.role) == "filer":
                filer_index = i
            parties.append(
                PartyInput(
                    role=p.role,
                    kind=p.kind,
                    name=p.name,
                    id_type=p.id_type if p.id_number else "",
                    id_number=p.id_number,
                    address=p.address,
                    phone=p.phone,
                    legal_representative=p.legal_representative,
                    user_id=locked.filer_id if is_self else None,
                )
            )
        counsel: tuple[CounselInput, ...] = ()
        if locked.filer.role == Role.LAWYER and filer_index is not None:
            counsel = (
                CounselInput(
                    party_index=filer_index,
                    kind="LAWYER",
                    name=locked.filer.full_name,
                    license_number=getattr(profile, "licence_number", ""),
                    firm=getattr(profile, "law_firm", ""),
                    user_id=locked.filer_id,
                ),
            )
        claims = "；".join(c["text"] for c in locked.claims)
        registration = CaseRegistration(
            case_type=rules.CASE_TYPE[kind],
            procedure=procedure,
            cause_of_action=locked.cause_of_action,
            claim_amount=locked.claim_amount,
            summary=f"诉讼请求：{claims}\n事实与理由：{locked.facts_and_reasons}"[:5000],
            parties=tuple(parties),
            counsel=counsel,
        )
        try:
            notice = checks.fee_notice(locked, procedure=procedure, fee_kind=fee_kind, per_case=per_case)
        except ValueError as exc:
            raise InvalidInputError(
                str(getattr(exc, "code", "fee_error")),
                str(getattr(exc, "message", exc)),
                {"field": "fee_kind"},
            ) from None
        case = case_register(officer=officer, registration=registration, court=locked.court)
        on_time = _decided(locked, officer)
        locked.case = case
        states.advance(locked, "ACCEPT")
        locked.fee_notice = notice.body if notice else {"total": "0", "notes": [rules.RETRIAL_FEE_NOTE]}
        # 《诉讼费用交纳办法》第二十条第二款: 执行申请费 is not prepaid (collected after enforcement), so no
        # payment order; the notice still states it.
        if notice is not None and notice.total > 0 and kind != FilingKind.ENFORCEMENT:
            locked.payment_order_number = _payment_order(case, officer, notice)
        locked.save()
        filed, not_filed = _case_file_from_uploads(locked, case, officer)
        record_event(
            locked,
            actor=officer,
            action="ACCEPT",
            note=f"立案，案号{case.case_number}",
            case_number=case.case_number,
            fee_total=str(notice.total) if notice else "0",
            on_time=on_time,
            case_file_materials=filed,
            case_file_refused=not_filed,
        )
        _notify_filer(
            locked,
            title=f"立案申请{locked.reference}已登记立案",
            body=f"案号：{case.case_number}。"
            + (f"应交诉讼费用{notice.total}元，请在七日内交纳。" if notice and notice.total > 0 else ""),
        )
    return locked


def _case_file_from_uploads(filing: Filing, case: Any, officer: User) -> tuple[int, list[str]]:
    """The filing's uploads become the first materials of the new case's electronic file (法办〔2019〕243号
    第6项: the file is generated with the case), each in its own savepoint: a file the case file refuses (a
    duplicate of another upload) is reported on the acceptance event and never blocks the acceptance."""
    from smartcourt.apps.casefile.models import MaterialSource
    from smartcourt.apps.casefile.services import material_ingest
    from smartcourt.apps.core.errors import DomainError

    filed, refused = 0, []
    for upload in filing.uploads.all():
        with upload.file.open("rb") as handle:
            data = handle.read()
        try:
            with transaction.atomic():
                material_ingest(
                    case=case,
                    data=data,
                    filename=upload.original_name,
                    source=MaterialSource.PORTAL,
                    actor=officer,
                    title=upload.get_category_display(),
                )
            filed += 1
        except DomainError as exc:
            refused.append(f"{upload.original_name}：{exc.message}")
    return filed, refused


def _payment_order(case: Any, officer: User, notice: checks.FeeNotice) -> str:
    """The payment order of the fee notice (apps.payments); its number is kept on the filing."""
    from smartcourt.apps.payments.services import payment_order_create

    options = {k: v for k, v in notice.options.items() if k == "per_case"}
    order = payment_order_create(
        case=case,
        kind=notice.payment_kind,
        actor=officer,
        fee_kind=notice.fee_kind,
        fee_options=options or None,
        note="网上立案交费通知",
    )
    if order.amount != notice.total:  # both come from engines.fees; a difference is a bug, not a choice
        raise ConflictError(
            "filing.fee_mismatch", f"交费通知金额（{notice.total}元）与缴费单金额（{order.amount}元）不一致"
        )
    return str(order.order_number)


def filing_refuse(*, filing: Filing, officer: User, ruling: str) -> Filing:
    """裁定不予受理 (不予立案): the written ruling is stored with the decision and its timing."""
    ruling = (ruling or "").strip()
    if len(ruling) < 30:
        raise InvalidInputError(
            E.MISSING_FIELD, "请写明不予受理裁定的内容和理由（不少于30字）", {"field": "ruling"}
        )
    if len(ruling) > 20000:
        raise InvalidInputError(E.MISSING_FIELD, "裁定书不能超过20000字", {"field": "ruling"})
    with transaction.atomic(), acting_as(officer):
        locked = _lock_for_decision(filing, officer, action="裁定不予受理", transition="REFUSE")
        on_time = _decided(locked, officer)
        states.advance(locked, "REFUSE")
        locked.refusal_ruling = ruling
        locked.save()
        record_event(locked, actor=officer, action="REFUSE", note="裁定不予受理", on_time=on_time)
        _notify_filer(
            locked,
            title=f"立案申请{locked.reference}：裁定不予受理",
            body="法院已作出不予受理裁定，裁定书可在立案申请详情中查看；不服的，可以在裁定书送达之日起十日内上诉。",
        )
    return locked
