"""跨域立案: the receiving court (收件法院) checks a filing's materials and forwards them to the competent
court (管辖法院), or returns them with reasons.

The receiving court's filing officer only checks the form of the materials — complete, legible, the filer's
identity confirmed — and never decides on acceptance: that stays with the competent court, whose 7-day
review (立案登记制, 法释〔2015〕8号) starts on the day the materials arrive there. Source of the service:
法办〔2019〕243号 第3项 (as cited by the issue; the SPC's opinion on 跨域立案服务 itself is not in
../shared/data/laws — unverified, not quoted). The states and their rules are in ``filing.states``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils import timezone

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.core.errors import InvalidInputError, NotPermittedError
from smartcourt.apps.filing import checks, states
from smartcourt.apps.filing.error_codes import FilingErrorCode as E
from smartcourt.apps.filing.models import Filing
from smartcourt.apps.filing.services.drafts import record_event

# What the receiving court's officer confirms before forwarding (each must be confirmed).
RECEIVING_CHECKS = {
    "complete": "材料齐全（起诉状/申请书、身份证明、证据材料）",
    "legible": "材料清晰可辨",
    "identity_confirmed": "已核实起诉人/申请人身份",
}
MAX_REASONS = 30


def _check_receiving_officer(filing: Filing, officer: User, *, action: str) -> None:
    if (
        officer.role != Role.FILING_OFFICER
        or officer.court_id is None
        or filing.receiving_court_id is None
        or officer.court_id != filing.receiving_court_id
    ):
        raise NotPermittedError(E.NOT_PERMITTED, f"只有收件法院的立案人员可以{action}")


def _lock(filing: Filing, officer: User, *, action: str, label: str) -> Filing:
    _check_receiving_officer(filing, officer, action=label)
    locked = (
        Filing.objects.select_for_update(of=("self",))
        .select_related("court", "receiving_court", "filer")
        .get(pk=filing.pk)
    )
    _check_receiving_officer(locked, officer, action=label)
    states.check(locked, action)
    return locked


def _elapsed_hours(locked: Filing) -> float | None:
    if locked.sent_to_receiving_at is None:
        return None
    return round((timezone.now() - locked.sent_to_receiving_at).total_seconds() / 3600, 2)


def _notify(filing: Filing, *, title: str, body: str) -> None:
    from smartcourt.apps.filing.services.review import _notify_filer

    _notify_filer(filing, title=title, body=body)


def filing_forward(*, filing: Filing, officer: User, confirmed: Mapping[str, bool], note: str = "") -> Filing:
    """Forward the checked materials to the competent court; its review clock starts today.

    Every item of :data:`RECEIVING_CHECKS` must be confirmed; otherwise nothing changes and the missing
    items are named (the officer should return the materials instead).
    """
    missing = [key for key in RECEIVING_CHECKS if not confirmed.get(key)]
    if missing:
        raise InvalidInputError(
            E.MISSING_FIELD,
            "转交前须逐项核对："
            + "；".join(RECEIVING_CHECKS[k] for k in missing)
            + "。不符合的，请退回并说明理由",
            {"field": missing[0], "missing": missing},
        )
    with transaction.atomic(), acting_as(officer):
        locked = _lock(filing, officer, action="FORWARD", label="核对并转交材料")
        now = timezone.now()
        today = timezone.localdate()
        elapsed = _elapsed_hours(locked)
        states.advance(locked, "FORWARD")
        locked.receiving_check = {key: True for key in RECEIVING_CHECKS} | {
            "note": note.strip()[:500],
            "checked_at": now.isoformat(),
        }
        locked.forwarded_at = now
        locked.forwarded_by = officer
        # The materials arrive at the competent court now: the 立案登记制 period runs from today.
        locked.submitted_at = now
        locked.received_on = today
        review = checks.clock(locked, today=today)
        locked.review_deadline = review.deadline if review else None
        locked.save()
        record_event(
            locked,
            actor=officer,
            action="FORWARD",
            note=f"{locked.receiving_court.name}核对材料后转交{locked.court.name}"
            + (f"：{note.strip()}" if note.strip() else ""),
            receiving_court=locked.receiving_court_id,
            competent_court=locked.court_id,
            hours_at_receiving_court=elapsed,
            deadline=locked.review_deadline.isoformat() if locked.review_deadline else None,
        )
        _notify(
            locked,
            title=f"跨域立案申请{locked.reference}已转交{locked.court.name}",
            body=f"{locked.receiving_court.name}已核对材料并转交管辖法院，管辖法院将在收到材料后七日内决定是否立案。",
        )
    return locked


def filing_return(*, filing: Filing, officer: User, reasons: Sequence[str], note: str = "") -> Filing:
    """Return the materials to the filer with every reason listed; the filer may correct and send again."""
    reasons = [r.strip()[:300] for r in reasons if r and r.strip()]
    if not reasons:
        raise InvalidInputError(E.MISSING_FIELD, "请逐项写明退回的理由", {"field": "reasons"})
    if len(reasons) > MAX_REASONS:
        raise InvalidInputError(E.TOO_MANY, f"退回理由不能超过{MAX_REASONS}项", {"field": "reasons"})
    with transaction.atomic(), acting_as(officer):
        locked = _lock(filing, officer, action="RETURN", label="退回材料")
        elapsed = _elapsed_hours(locked)
        states.advance(locked, "RETURN")
        locked.return_reasons = reasons
        locked.receiving_check = {"note": note.strip()[:500], "checked_at": timezone.now().isoformat()}
        locked.save()
        record_event(
            locked,
            actor=officer,
            action="RETURN",
            note="；".join(reasons)[:500],
            reasons=reasons,
            hours_at_receiving_court=elapsed,
        )
        _notify(
            locked,
            title=f"跨域立案申请{locked.reference}被退回",
            body=f"{locked.receiving_court.name}退回了材料，理由："
            + "；".join(reasons)
            + "。请修改后重新提交。",
        )
    return locked
