"""Preservation endpoints: apply, list, read, accept, rule, withdraw, link a case; the insurer simulator's
sandbox issue of an electronic guarantee letter."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status
from pydantic import Field

from smartcourt.apps.cases.selectors import case_get
from smartcourt.apps.core.errors import InvalidInputError, NotFoundError
from smartcourt.apps.courts.models import Court
from smartcourt.apps.preservation import selectors, services
from smartcourt.apps.preservation.insurers import SIMULATED_INSURERS, insurer_gateway
from smartcourt.apps.preservation.models import PreservationApplication

router = Router()


class PropertyIn(Schema):
    kind: str = Field(max_length=16)
    description: str = Field(max_length=300)
    amount: str = Field(max_length=20)


class ApplyIn(Schema):
    stage: str = Field(max_length=16)
    case_id: int | None = None
    court_id: int | None = None
    urgent: bool = False
    applicant_name: str = Field(max_length=100)
    respondent_name: str = Field(max_length=100)
    reason: str = Field(max_length=3000)
    properties: list[PropertyIn] = Field(max_length=50)
    guarantee_kind: str = Field(max_length=16)
    guarantee_amount: str | None = Field(default=None, max_length=20)
    guarantee_note: str = Field(default="", max_length=300)
    guarantee_letter: dict[str, Any] | None = None


class PropertyOut(Schema):
    kind: str
    description: str
    amount: Decimal


class ApplicationOut(Schema):
    number: str
    court_id: int
    case_id: int | None
    stage: str
    urgent: bool
    applicant_name: str
    respondent_name: str
    amount: Decimal
    status: str
    status_label: str
    guarantee_kind: str
    guarantee_amount: Decimal
    guarantee_required: Decimal
    guarantee_hash: str
    ledger_leaf_index: int | None
    fee_amount: Decimal
    fee_order_number: str
    submitted_at: datetime
    accepted_at: datetime | None
    ruling_due_at: datetime | None
    ruling_basis: str
    ruled_at: datetime | None
    ruled_in_time: bool | None
    ruling_reason: str
    properties: list[PropertyOut]

    @staticmethod
    def resolve_status_label(obj: PreservationApplication) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_properties(obj: PreservationApplication) -> list[Any]:
        return list(obj.properties.all())


class RuleIn(Schema):
    grant: bool
    reason: str = Field(default="", max_length=1000)


class LinkIn(Schema):
    case_id: int


class LetterIn(Schema):
    insurer_code: str = Field(default="SIM-PIC", max_length=20)
    applicant: str = Field(max_length=100)
    respondent: str = Field(max_length=100)
    court: str = Field(max_length=100)
    amount: Decimal = Field(gt=0, max_digits=16, decimal_places=2)
    days: int = Field(default=365, ge=1, le=3650)


@router.post("/applications", response={201: ApplicationOut})
def apply(request: HttpRequest, payload: ApplyIn) -> Status[PreservationApplication]:
    case = case_get(viewer=request.user, case_id=payload.case_id) if payload.case_id else None  # type: ignore[arg-type]
    court = Court.objects.filter(pk=payload.court_id).first() if payload.court_id else None
    if payload.court_id and court is None:
        raise InvalidInputError("preservation.bad_court", "法院不存在", {"field": "court_id"})
    app = services.preservation_apply(
        applicant=request.user,  # type: ignore[arg-type]
        stage=payload.stage,
        case=case,
        court=court,
        urgent=payload.urgent,
        applicant_name=payload.applicant_name,
        respondent_name=payload.respondent_name,
        reason=payload.reason,
        properties=[services.PropertyInput(p.kind, p.description, p.amount) for p in payload.properties],
        guarantee_kind=payload.guarantee_kind,
        guarantee_amount=payload.guarantee_amount,
        guarantee_note=payload.guarantee_note,
        guarantee_letter=payload.guarantee_letter,
    )
    return Status(201, app)


@router.get("/applications", response=list[ApplicationOut])
def list_applications(request: HttpRequest, status: str = "") -> Any:
    apps = selectors.application_visible_queryset(viewer=request.user)  # type: ignore[arg-type]
    if status:
        apps = apps.filter(status=status)
    return apps.prefetch_related("properties")[:200]


@router.get("/applications/{number}", response=ApplicationOut)
def get_application(request: HttpRequest, number: str) -> PreservationApplication:
    return selectors.application_get(viewer=request.user, number=number)  # type: ignore[arg-type]


@router.post("/applications/{number}/accept", response=ApplicationOut)
def accept(request: HttpRequest, number: str) -> PreservationApplication:
    app = selectors.application_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    return services.preservation_accept(application=app, actor=request.user)  # type: ignore[arg-type]


@router.post("/applications/{number}/ruling", response=ApplicationOut)
def rule(request: HttpRequest, number: str, payload: RuleIn) -> PreservationApplication:
    app = selectors.application_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    return services.preservation_rule(
        application=app,
        actor=request.user,  # type: ignore[arg-type]
        grant=payload.grant,
        reason=payload.reason,
    )


@router.post("/applications/{number}/withdraw", response=ApplicationOut)
def withdraw(request: HttpRequest, number: str) -> PreservationApplication:
    app = selectors.application_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    return services.preservation_withdraw(application=app, actor=request.user)  # type: ignore[arg-type]


@router.post("/applications/{number}/case", response=ApplicationOut)
def link_case(request: HttpRequest, number: str, payload: LinkIn) -> PreservationApplication:
    app = selectors.application_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    case = case_get(viewer=request.user, case_id=payload.case_id)  # type: ignore[arg-type]
    return services.preservation_link_case(application=app, case=case, actor=request.user)  # type: ignore[arg-type]


@router.post("/insurer-sandbox/letters", response={201: dict[str, str]})
def sandbox_letter(request: HttpRequest, payload: LetterIn) -> Status[dict[str, str]]:
    """The local insurer simulator issues a signed letter (stands in for the insurer's own platform)."""
    if payload.insurer_code not in SIMULATED_INSURERS:
        raise NotFoundError("preservation.unknown_insurer", "未知的保险机构", {"field": "insurer_code"})
    letter = insurer_gateway().issue(
        insurer_code=payload.insurer_code,
        applicant=payload.applicant,
        respondent=payload.respondent,
        court=payload.court,
        amount=payload.amount,
        valid_from=timezone.localdate(),
        days=payload.days,
    )
    return Status(201, letter.to_dict())
