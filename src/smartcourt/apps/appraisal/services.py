"""Writes of appraisal: the roster, requests, the recorded random draw with entrustment, progress with its
deadlines, and the 审限 suspension for the appraisal period (through ``cases.services``).

The draw is reproducible: the pick is ``sha256(seed | request number | candidate ids)`` mod the number of
candidates, and the seed, the ordered candidates, the operator and the witness are kept with it, so anyone
can recompute it (``appraisal_draw_verify``). The seed comes from ``secrets`` (the OS's CSPRNG) unless given.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from smartcourt.apps.accounts.models import CASE_HANDLING_ROLES, Role, User
from smartcourt.apps.appraisal import rules
from smartcourt.apps.appraisal.error_codes import AppraisalErrorCode as E
from smartcourt.apps.appraisal.models import (
    AppraisalDraw,
    AppraisalEvent,
    AppraisalField,
    AppraisalRequest,
    Institution,
    Origin,
)
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.cases.models import Case, Counsel, Party
from smartcourt.apps.cases.selectors import case_is_visible
from smartcourt.apps.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    NotPermittedError,
    from_engine_error,
)
from smartcourt.engines.calendar import CalendarError, period_end
from smartcourt.engines.procedure import CaseStatus

HANDLER_ROLES = frozenset({*CASE_HANDLING_ROLES, Role.COURT_LEADER})
ROSTER_ROLES = frozenset({Role.COURT_LEADER, Role.CASE_MANAGEMENT})


def _invalid(code: str, message: str, field: str) -> InvalidInputError:
    return InvalidInputError(code, message, {"field": field})


def _text(value: Any, field: str, label: str, max_length: int) -> str:
    text = str(value or "").strip()
    if not text:
        raise _invalid(E.MISSING_FIELD, f"请填写{label}", field)
    if len(text) > max_length:
        raise _invalid(E.MISSING_FIELD, f"{label}不能超过{max_length}个字符", field)
    return text


def _is_handler(actor: User, case: Case) -> bool:
    return bool(
        actor.is_authenticated
        and actor.is_court_staff
        and actor.court_id == case.court_id
        and actor.role in HANDLER_ROLES
    )


def _require_handler(actor: User, case: Case, what: str) -> None:
    if not _is_handler(actor, case):
        raise NotPermittedError(E.NOT_PERMITTED, f"只有本院承办人员可以{what}")


def _due(start: date, days: int) -> date:
    try:
        return period_end(start, days=days).date
    except CalendarError:  # beyond the holiday data: plain calendar days
        from datetime import timedelta

        return start + timedelta(days=days)


def _notify_parties(req: AppraisalRequest, title: str, body: str) -> None:
    from smartcourt.apps.notifications.services import notify

    users = {req.requested_by} if req.requested_by.is_public_user else set()
    users |= {p.user for p in Party.objects.filter(case=req.case, user__isnull=False).select_related("user")}
    users |= {
        c.user for c in Counsel.objects.filter(case=req.case, user__isnull=False).select_related("user")
    }
    link = reverse("appraisal:detail", args=[req.number])
    for user in sorted((u for u in users if u is not None), key=lambda u: u.pk):
        notify(user=user, event="generic", context={"title": title, "body": body}, case=req.case, link=link)


def institution_create(
    *,
    actor: User,
    name: str,
    fields: Sequence[str],
    qualified_until: date,
    region: str,
    licence_number: str = "",
) -> Institution:
    """Put an institution on the roster (院庭长 or 审管办)."""
    if not (actor.is_superuser or (actor.is_court_staff and actor.role in ROSTER_ROLES)):
        raise NotPermittedError(E.NOT_PERMITTED, "只有院庭长或审管办可以维护鉴定机构名册")
    name = _text(name, "name", "机构名称", 100)
    bad = [f for f in fields if f not in AppraisalField.values]
    if not fields or bad:
        raise _invalid(E.BAD_FIELD, "请选择有效的鉴定业务范围", "fields")
    if not (isinstance(region, str) and len(region) == 6 and region.isdigit()):
        raise _invalid(E.MISSING_FIELD, "所在地区须为6位行政区划代码", "region")
    if Institution.objects.filter(name=name).exists():
        raise ConflictError(E.MISSING_FIELD, "该机构已在名册中", {"field": "name"})
    with transaction.atomic(), acting_as(actor):
        return Institution.objects.create(
            name=name,
            fields=sorted(set(fields)),
            qualified_until=qualified_until,
            region=region,
            licence_number=str(licence_number or "")[:40],
        )


def appraisal_request(*, actor: User, case: Case, field: str, matter: str) -> AppraisalRequest:
    """A party (or counsel) applies for appraisal, or the judge orders one (民事诉讼法第七十九条)."""
    if not case_is_visible(case=case, viewer=actor):
        raise NotPermittedError(E.NOT_PERMITTED, "无权对该案件申请鉴定")
    if actor.is_public_user:
        origin = Origin.PARTY
    elif _is_handler(actor, case):
        origin = Origin.COURT
    else:
        raise NotPermittedError(E.NOT_PERMITTED, "只有本案当事人、诉讼代理人或承办人员可以提出鉴定")
    if case.status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED):
        raise ConflictError(E.CASE_CLOSED, "案件已结案，不能再申请鉴定")
    if field not in AppraisalField.values:
        raise _invalid(E.BAD_FIELD, "请选择鉴定类别", "field")
    matter = _text(matter, "matter", "鉴定事项", 2000)
    with transaction.atomic(), acting_as(actor):
        req = AppraisalRequest.objects.create(
            number=f"JD{timezone.localdate():%Y%m%d}{secrets.randbelow(10**8):08d}",
            case=case,
            origin=origin,
            requested_by=actor,
            field=field,
            matter=matter,
            created_at=timezone.now(),
        )
        AppraisalEvent.objects.create(
            request=req, to_status=req.status, actor=actor, occurred_at=req.created_at, note=origin.label
        )
    return req


def _lock(req: AppraisalRequest) -> AppraisalRequest:
    locked = AppraisalRequest.objects.select_for_update().select_related("case").filter(pk=req.pk).first()
    if locked is None:
        raise NotFoundError(E.NOT_FOUND, "鉴定申请不存在")
    return locked


def _move(req: AppraisalRequest, action: str, actor: User, note: str = "") -> None:
    new = rules.next_status(req.status, action)
    if new is None:
        raise ConflictError(
            E.BAD_TRANSITION,
            f"鉴定当前为“{req.get_status_display()}”，不能{rules.ACTION_LABELS[action]}",
            {"status": req.status},
        )
    AppraisalEvent.objects.create(
        request=req,
        from_status=req.status,
        to_status=new,
        actor=actor,
        occurred_at=timezone.now(),
        note=note[:1000],
    )
    req.status = new


def appraisal_refuse(*, request: AppraisalRequest, actor: User, reason: str) -> AppraisalRequest:
    _require_handler(actor, request.case, "审查鉴定申请")
    reason = _text(reason, "reason", "不予准许的理由", 1000)
    with transaction.atomic(), acting_as(actor):
        req = _lock(request)
        _move(req, "refuse", actor, reason)
        req.due_on, req.due_basis = None, ""
        req.save()
        _notify_parties(req, "鉴定申请不予准许", f"鉴定申请 {req.number} 不予准许：{reason}")
    return req


def qualified_candidates(*, field: str, today: date, region: str = "") -> list[Institution]:
    """Institutions on the roster, qualified for ``field`` on ``today`` (and in ``region`` if given), by id."""
    rows = Institution.objects.filter(active=True, qualified_until__gte=today).order_by("pk")
    if region:
        rows = rows.filter(region__startswith=region.rstrip("0") or region)
    return [i for i in rows if field in (i.fields or [])]


def draw_pick(*, seed: str, request_number: str, candidate_ids: Sequence[int]) -> int:
    """The index drawn: ``sha256("seed|number|id,id,…")`` as a big-endian integer mod the number of candidates.

    >>> draw_pick(seed="00ff", request_number="JD1", candidate_ids=[3, 5, 8])
    0
    """
    if not candidate_ids:
        raise ValueError("no candidates")
    message = f"{seed}|{request_number}|{','.join(str(i) for i in candidate_ids)}".encode()
    return int.from_bytes(hashlib.sha256(message).digest(), "big") % len(candidate_ids)


def appraisal_entrust(
    *,
    request: AppraisalRequest,
    actor: User,
    witness: str,
    period_days: int = rules.DEFAULT_PERIOD_DAYS,
    region: str = "",
    seed: str | None = None,
) -> AppraisalDraw:
    """准许 and 委托: draw the institution at random among the qualified ones, record the draw, entrust it.

    人民法院对外委托司法鉴定管理规定 第三条 (随机选择和委托鉴定人); 民事诉讼法第七十九条 (协商不成的，由人民法院指定).
    """
    _require_handler(actor, request.case, "委托鉴定")
    witness = _text(witness, "witness", "见证人", 100)
    if (
        isinstance(period_days, bool)
        or not isinstance(period_days, int)
        or not 1 <= period_days <= rules.MAX_PERIOD_DAYS
    ):
        raise _invalid(E.BAD_PERIOD, f"鉴定期限须为 1 至 {rules.MAX_PERIOD_DAYS} 日", "period_days")
    if seed is not None and not (1 <= len(seed) <= 64 and all(c in "0123456789abcdef" for c in seed)):
        raise _invalid(E.MISSING_FIELD, "随机种子须为不超过64位的十六进制", "seed")
    today = timezone.localdate()
    with transaction.atomic(), acting_as(actor):
        req = _lock(request)
        if rules.next_status(req.status, "entrust") is None:
            raise ConflictError(
                E.BAD_TRANSITION, f"鉴定当前为“{req.get_status_display()}”，不能委托", {"status": req.status}
            )
        excluded = set(
            req.draws.values_list("institution_id", flat=True)
        )  # a returning institution is not redrawn
        candidates = [
            i
            for i in qualified_candidates(field=req.field, today=today, region=region)
            if i.pk not in excluded
        ]
        if not candidates:
            raise ConflictError(
                E.NO_CANDIDATE,
                f"名册中没有资质有效的“{AppraisalField(req.field).label}”机构可供摇号",
                {"field": "field"},
            )
        seed = seed or secrets.token_hex(16)
        ids = [c.pk for c in candidates]
        index = draw_pick(seed=seed, request_number=req.number, candidate_ids=ids)
        chosen = candidates[index]
        draw = AppraisalDraw.objects.create(
            request=req,
            candidates=[{"id": c.pk, "name": c.name} for c in candidates],
            seed=seed,
            algorithm=rules.DRAW_ALGORITHM,
            chosen_index=index,
            institution=chosen,
            operator=actor,
            witness=witness,
            drawn_at=timezone.now(),
        )
        _move(req, "entrust", actor, f"摇号选定 {chosen.name}（候选 {len(ids)} 家，见证人 {witness}）")
        req.institution, req.period_days, req.entrusted_on = chosen, period_days, today
        req.due_on, req.due_basis = _due(today, rules.ACCEPT_DAYS), rules.ACCEPT_BASIS
        req.save()
        _notify_parties(req, "鉴定已委托", f"鉴定 {req.number} 经摇号委托 {chosen.name}。")
    return draw


def appraisal_draw_verify(*, draw: AppraisalDraw) -> bool:
    """Recompute the draw from its record: the same candidates and seed give the same institution."""
    ids = [int(c["id"]) for c in draw.candidates]
    index = draw_pick(seed=draw.seed, request_number=draw.request.number, candidate_ids=ids)
    return index == draw.chosen_index and ids[index] == draw.institution_id


def appraisal_progress(
    *, request: AppraisalRequest, actor: User, action: str, note: str = "", opinion_summary: str = ""
) -> AppraisalRequest:
    """Record a step reported by the institution: 受理, 鉴定中, 补充材料, 材料已补充, 出具意见, 退回."""
    _require_handler(actor, request.case, "登记鉴定进度")
    if action not in rules.PROGRESS_ACTIONS:
        raise _invalid(E.BAD_TRANSITION, "未知的鉴定进度操作", "action")
    if action in ("supplement", "return"):
        note = _text(note, "note", "补充材料清单" if action == "supplement" else "退回理由", 1000)
    if action == "issue":
        opinion_summary = _text(opinion_summary, "opinion_summary", "鉴定意见摘要", 2000)
    today = timezone.localdate()
    with transaction.atomic(), acting_as(actor):
        req = _lock(request)
        _move(req, action, actor, note)
        assert req.entrusted_on is not None
        if action in ("accept", "start", "resume"):
            req.due_on, req.due_basis = _due(req.entrusted_on, req.period_days), rules.PERIOD_BASIS
        elif action == "supplement":
            req.due_on, req.due_basis = _due(today, rules.SUPPLEMENT_DAYS), rules.SUPPLEMENT_BASIS
        else:
            req.due_on, req.due_basis, req.finished_on = None, "", today
            if action == "issue":
                req.opinion_summary = opinion_summary
        req.save()
        _notify_parties(
            req,
            f"鉴定进度：{req.get_status_display()}",
            f"鉴定 {req.number}：{req.get_status_display()}。{note}",
        )
    return req


def appraisal_suspend_time_limit(*, request: AppraisalRequest, actor: User) -> Any:
    """扣除审限 for the appraisal period (entrustment to opinion, or open while it runs), via the case core."""
    from smartcourt.apps.cases.services import case_time_limit_suspend

    if request.entrusted_on is None:
        raise ConflictError(E.BAD_TRANSITION, "鉴定尚未委托，无需扣除审限")
    if request.time_limit_adjustment_id is not None:
        raise ConflictError(E.BAD_TRANSITION, "该鉴定期间已扣除审限")
    try:
        with transaction.atomic():
            adjustment = case_time_limit_suspend(
                case=request.case,
                actor=actor,
                start_on=request.entrusted_on,
                end_on=request.finished_on,
                reason=f"司法鉴定期间（{request.number}，{AppraisalField(request.field).label}）",
            )
    except (CalendarError, ValueError) as exc:  # the calendar refuses the period; nothing was saved
        raise from_engine_error(exc, field="time_limit") from None
    with transaction.atomic():
        AppraisalRequest.objects.filter(pk=request.pk).update(time_limit_adjustment_id=adjustment.pk)
        request.time_limit_adjustment_id = adjustment.pk
    return adjustment
