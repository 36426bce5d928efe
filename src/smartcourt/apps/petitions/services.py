"""Writes of petitions: file (a party of an effective case), register or not, assign a reviewer, decide with
reasons, withdraw. Each step is one transaction with the row locked, recorded as an event, and notified."""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from smartcourt.apps.accounts.models import REGISTERING_ROLES, Role, User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.cases.models import Case
from smartcourt.apps.cases.selectors import case_is_visible
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotFoundError, NotPermittedError
from smartcourt.apps.petitions import rules
from smartcourt.apps.petitions.error_codes import PetitionErrorCode as E
from smartcourt.apps.petitions.models import Decision, Petition, PetitionEvent, PetitionStatus

REVIEWER_ROLES = frozenset({Role.JUDGE, Role.COURT_LEADER})
OPEN = (PetitionStatus.SUBMITTED, PetitionStatus.REGISTERED, PetitionStatus.UNDER_REVIEW)


def _text(value: Any, field: str, label: str, max_length: int) -> str:
    text = str(value or "").strip()
    if not text:
        raise InvalidInputError(E.MISSING_FIELD, f"请填写{label}", {"field": field})
    if len(text) > max_length:
        raise InvalidInputError(E.MISSING_FIELD, f"{label}不能超过{max_length}个字符", {"field": field})
    return text


def _notify(p: Petition, title: str, body: str) -> None:
    from smartcourt.apps.notifications.services import notify

    notify(
        user=p.petitioner,
        event="generic",
        context={"title": title, "body": body},
        case=p.case,
        link=reverse("petitions:detail", args=[p.number]),
    )


def petition_file(
    *, petitioner: User, case: Case, petitioner_name: str, grounds: str, requests: str
) -> Petition:
    """A party (or counsel) petitions against the effective judgment of ``case``."""
    if not petitioner.is_public_user or not case_is_visible(case=case, viewer=petitioner):
        raise NotPermittedError(E.NOT_PERMITTED, "只有原案当事人或其诉讼代理人可以申诉")
    if case.status not in rules.EFFECTIVE_STATUSES:
        raise ConflictError(
            E.NOT_EFFECTIVE, "原案件尚未审结，裁判未发生法律效力，不能申诉", {"field": "case_id"}
        )
    name = _text(petitioner_name, "petitioner_name", "申诉人", 100)
    if not case.parties.filter(name=name).exists():
        raise InvalidInputError(E.MISSING_FIELD, "申诉人须为原案当事人", {"field": "petitioner_name"})
    grounds = _text(grounds, "grounds", "申诉理由", 5000)
    reqs = _text(requests, "requests", "申诉请求", 1000)
    if Petition.objects.filter(case=case, petitioner_name=name, status__in=OPEN).exists():
        raise ConflictError(E.DUPLICATE, "该当事人对本案已有正在处理的申诉", {"field": "case_id"})
    now = timezone.now()
    with transaction.atomic(), acting_as(petitioner):
        p = Petition.objects.create(
            number=f"SS{timezone.localdate():%Y%m%d}{secrets.randbelow(10**8):08d}",
            case=case,
            court=case.court,
            petitioner=petitioner,
            petitioner_name=name,
            grounds=grounds,
            requests=reqs,
            submitted_at=now,
        )
        PetitionEvent.objects.create(petition=p, to_status=p.status, actor=petitioner, occurred_at=now)
    return p


def _lock(p: Petition) -> Petition:
    locked = Petition.objects.select_for_update().filter(pk=p.pk).first()
    if locked is None:
        raise NotFoundError(E.NOT_FOUND, "申诉不存在")
    return locked


def _move(p: Petition, action: str, actor: User, note: str = "") -> None:
    new = rules.next_status(p.status, action)
    if new is None:
        raise ConflictError(
            E.BAD_TRANSITION,
            f"申诉当前为“{p.get_status_display()}”，不能{rules.ACTION_LABELS[action]}",
            {"status": p.status},
        )
    PetitionEvent.objects.create(
        petition=p,
        from_status=p.status,
        to_status=new,
        actor=actor,
        occurred_at=timezone.now(),
        note=note[:1000],
    )
    p.status = new


def _require_staff(actor: User, p: Petition, roles: frozenset[str], what: str) -> None:
    if not (
        actor.is_authenticated
        and actor.is_court_staff
        and actor.court_id == p.court_id
        and actor.role in roles
    ):
        raise NotPermittedError(E.NOT_PERMITTED, f"无权{what}")


def petition_register(*, petition: Petition, actor: User, accept: bool = True, reason: str = "") -> Petition:
    """立案庭登记 (or 不予登记 with reasons)."""
    _require_staff(actor, petition, REGISTERING_ROLES, "登记申诉")
    if not accept:
        reason = _text(reason, "reason", "不予登记的理由", 5000)
    with transaction.atomic(), acting_as(actor):
        p = _lock(petition)
        _move(p, "register" if accept else "not_accept", actor, reason)
        if accept:
            p.registered_at = timezone.now()
        else:
            p.decision_reason, p.decided_at, p.decided_by = reason, timezone.now(), actor
        p.save()
        _notify(
            p, f"申诉{p.get_status_display()}", f"您的申诉 {p.number}：{p.get_status_display()}。{reason}"
        )
    return p


def petition_assign(*, petition: Petition, actor: User, reviewer: User) -> Petition:
    _require_staff(actor, petition, frozenset({*REGISTERING_ROLES, Role.COURT_LEADER}), "指定审查人")
    if not (
        reviewer.is_active and reviewer.court_id == petition.court_id and reviewer.role in REVIEWER_ROLES
    ):
        raise InvalidInputError(E.BAD_REVIEWER, "审查人须为本院法官", {"field": "reviewer_id"})
    if reviewer.pk == petition.case.responsible_judge_id:
        # 原审承办法官 may not review a petition against the judgment (回避).
        raise InvalidInputError(E.BAD_REVIEWER, "原审承办法官不得审查本案申诉", {"field": "reviewer_id"})
    with transaction.atomic(), acting_as(actor):
        p = _lock(petition)
        _move(p, "assign", actor, f"审查人：{reviewer.full_name or reviewer.username}")
        p.reviewer = reviewer
        p.save()
        _notify(p, "申诉已进入审查", f"您的申诉 {p.number} 已指定审查人，正在审查。")
    return p


def petition_decide(*, petition: Petition, actor: User, decision: str, reason: str) -> Petition:
    """The reviewer (or a court leader) decides: 驳回申诉 or 转再审审查, with reasons."""
    if not (
        actor.pk == petition.reviewer_id
        or (actor.role == Role.COURT_LEADER and actor.court_id == petition.court_id)
    ):
        raise NotPermittedError(E.NOT_PERMITTED, "只有审查人或本院院庭长可以处理申诉")
    if decision not in Decision.values:
        raise InvalidInputError(E.BAD_DECISION, "处理结果须为驳回申诉或转再审审查", {"field": "decision"})
    reason = _text(reason, "reason", "处理理由", 5000)
    with transaction.atomic(), acting_as(actor):
        p = _lock(petition)
        _move(p, "dismiss" if decision == Decision.DISMISS else "transfer", actor, reason[:1000])
        p.decision_reason, p.decided_at, p.decided_by = reason, timezone.now(), actor
        p.save()
        _notify(
            p,
            f"申诉处理结果：{p.get_status_display()}",
            f"您的申诉 {p.number}：{p.get_status_display()}。理由：{reason}",
        )
    return p


def petition_withdraw(*, petition: Petition, actor: User) -> Petition:
    if actor.pk != petition.petitioner_id:
        raise NotPermittedError(E.NOT_PERMITTED, "只有申诉人可以撤回申诉")
    with transaction.atomic(), acting_as(actor):
        p = _lock(petition)
        _move(p, "withdraw", actor)
        p.save()
    return p
