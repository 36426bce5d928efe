"""Appraisal endpoints: the roster, requests, the recorded draw (and its verification), progress, 审限."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from smartcourt.apps.appraisal import selectors, services
from smartcourt.apps.appraisal.models import AppraisalDraw, AppraisalRequest, Institution
from smartcourt.apps.cases.selectors import case_get
from smartcourt.apps.core.errors import NotFoundError

router = Router()


class InstitutionIn(Schema):
    name: str = Field(max_length=100)
    fields: list[str] = Field(max_length=20)
    qualified_until: date
    region: str = Field(max_length=6)
    licence_number: str = Field(default="", max_length=40)


class InstitutionOut(Schema):
    id: int
    name: str
    fields: list[str]
    qualified_until: date
    region: str
    active: bool


class RequestIn(Schema):
    case_id: int
    field: str = Field(max_length=24)
    matter: str = Field(max_length=2000)


class RequestOut(Schema):
    number: str
    case_id: int
    origin: str
    field: str
    matter: str
    status: str
    status_label: str
    institution: str | None
    period_days: int
    entrusted_on: date | None
    due_on: date | None
    due_level: str
    due_label: str
    finished_on: date | None
    opinion_summary: str
    time_limit_adjustment_id: int | None

    @staticmethod
    def resolve_status_label(obj: AppraisalRequest) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_institution(obj: AppraisalRequest) -> str | None:
        return obj.institution.name if obj.institution else None

    @staticmethod
    def resolve_due_level(obj: AppraisalRequest) -> str:
        return selectors.request_due(request=obj).level

    @staticmethod
    def resolve_due_label(obj: AppraisalRequest) -> str:
        return selectors.request_due(request=obj).label


class EntrustIn(Schema):
    witness: str = Field(max_length=100)
    period_days: int = Field(default=30, ge=1, le=365)
    region: str = Field(default="", max_length=6)


class DrawOut(Schema):
    request_number: str
    candidates: list[dict[str, Any]]
    seed: str
    algorithm: str
    chosen_index: int
    institution_id: int
    institution: str
    operator: str
    witness: str
    drawn_at: datetime
    reproduced: bool

    @staticmethod
    def resolve_request_number(obj: AppraisalDraw) -> str:
        return obj.request.number

    @staticmethod
    def resolve_institution(obj: AppraisalDraw) -> str:
        return obj.institution.name

    @staticmethod
    def resolve_operator(obj: AppraisalDraw) -> str:
        return obj.operator.full_name or obj.operator.username

    @staticmethod
    def resolve_reproduced(obj: AppraisalDraw) -> bool:
        return services.appraisal_draw_verify(draw=obj)


class ProgressIn(Schema):
    action: str = Field(max_length=16)
    note: str = Field(default="", max_length=1000)
    opinion_summary: str = Field(default="", max_length=2000)


class ReasonIn(Schema):
    reason: str = Field(max_length=1000)


@router.get("/institutions", response=list[InstitutionOut])
def institutions(request: HttpRequest, field: str = "") -> list[Institution]:
    return selectors.institution_list(field=field)


@router.post("/institutions", response={201: InstitutionOut})
def institution_create(request: HttpRequest, payload: InstitutionIn) -> Status[Institution]:
    return Status(201, services.institution_create(actor=request.user, **payload.dict()))  # type: ignore[arg-type]


@router.post("/requests", response={201: RequestOut})
def create(request: HttpRequest, payload: RequestIn) -> Status[AppraisalRequest]:
    case = case_get(viewer=request.user, case_id=payload.case_id)  # type: ignore[arg-type]
    req = services.appraisal_request(
        actor=request.user, case=case, field=payload.field, matter=payload.matter
    )  # type: ignore[arg-type]
    return Status(201, req)


@router.get("/requests", response=list[RequestOut])
def list_requests(request: HttpRequest, overdue: bool = False) -> Any:
    if overdue:
        return selectors.request_overdue(viewer=request.user)[:200]  # type: ignore[arg-type]
    return selectors.request_visible_queryset(viewer=request.user)[:200]  # type: ignore[arg-type]


@router.get("/requests/{number}", response=RequestOut)
def get_request(request: HttpRequest, number: str) -> AppraisalRequest:
    return selectors.request_get(viewer=request.user, number=number)  # type: ignore[arg-type]


@router.post("/requests/{number}/refuse", response=RequestOut)
def refuse(request: HttpRequest, number: str, payload: ReasonIn) -> AppraisalRequest:
    req = selectors.request_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    return services.appraisal_refuse(request=req, actor=request.user, reason=payload.reason)  # type: ignore[arg-type]


@router.post("/requests/{number}/entrust", response={201: DrawOut})
def entrust(request: HttpRequest, number: str, payload: EntrustIn) -> Status[AppraisalDraw]:
    req = selectors.request_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    draw = services.appraisal_entrust(
        request=req,
        actor=request.user,  # type: ignore[arg-type]
        witness=payload.witness,
        period_days=payload.period_days,
        region=payload.region,
    )
    return Status(201, draw)


@router.get("/requests/{number}/draws", response=list[DrawOut])
def draws(request: HttpRequest, number: str) -> list[AppraisalDraw]:
    req = selectors.request_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    return list(req.draws.select_related("institution", "operator", "request"))


@router.post("/requests/{number}/progress", response=RequestOut)
def progress(request: HttpRequest, number: str, payload: ProgressIn) -> AppraisalRequest:
    req = selectors.request_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    return services.appraisal_progress(
        request=req,
        actor=request.user,  # type: ignore[arg-type]
        action=payload.action,
        note=payload.note,
        opinion_summary=payload.opinion_summary,
    )


@router.post("/requests/{number}/suspend-time-limit", response=RequestOut)
def suspend(request: HttpRequest, number: str) -> AppraisalRequest:
    req = selectors.request_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    services.appraisal_suspend_time_limit(request=req, actor=request.user)  # type: ignore[arg-type]
    found = selectors.request_visible_queryset(viewer=request.user).filter(pk=req.pk).first()  # type: ignore[arg-type]
    if found is None:  # pragma: no cover
        raise NotFoundError("appraisal.not_found", "鉴定申请不存在")
    return found
