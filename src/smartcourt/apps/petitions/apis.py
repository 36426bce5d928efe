"""Petition endpoints: file, list, read (status visible to the petitioner), register, assign, decide, withdraw."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from smartcourt.apps.accounts.models import User
from smartcourt.apps.cases.selectors import case_get
from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.petitions import selectors, services
from smartcourt.apps.petitions.models import Petition

router = Router()


class PetitionIn(Schema):
    case_id: int
    petitioner_name: str = Field(max_length=100)
    grounds: str = Field(max_length=5000)
    requests: str = Field(max_length=1000)


class EventOut(Schema):
    to_status: str
    status_label: str
    occurred_at: datetime
    note: str


class PetitionOut(Schema):
    number: str
    case_id: int
    case_number: str
    petitioner_name: str
    grounds: str
    requests: str
    status: str
    status_label: str
    reviewer: str | None
    decision_reason: str
    decided_at: datetime | None
    submitted_at: datetime
    events: list[EventOut]

    @staticmethod
    def resolve_case_number(obj: Petition) -> str:
        return obj.case.case_number

    @staticmethod
    def resolve_status_label(obj: Petition) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_reviewer(obj: Petition) -> str | None:
        return (obj.reviewer.full_name or obj.reviewer.username) if obj.reviewer else None

    @staticmethod
    def resolve_events(obj: Petition) -> list[Any]:
        return list(obj.events.all())


class RegisterIn(Schema):
    accept: bool = True
    reason: str = Field(default="", max_length=5000)


class AssignIn(Schema):
    reviewer_id: int


class DecideIn(Schema):
    decision: str = Field(max_length=16)
    reason: str = Field(max_length=5000)


@router.post("", response={201: PetitionOut})
def file(request: HttpRequest, payload: PetitionIn) -> Status[Petition]:
    case = case_get(viewer=request.user, case_id=payload.case_id)  # type: ignore[arg-type]
    p = services.petition_file(
        petitioner=request.user,  # type: ignore[arg-type]
        case=case,
        petitioner_name=payload.petitioner_name,
        grounds=payload.grounds,
        requests=payload.requests,
    )
    return Status(201, p)


@router.get("", response=list[PetitionOut])
def list_petitions(request: HttpRequest) -> Any:
    return selectors.petition_visible_queryset(viewer=request.user).prefetch_related("events")[:200]  # type: ignore[arg-type]


@router.get("/{number}", response=PetitionOut)
def get_petition(request: HttpRequest, number: str) -> Petition:
    return selectors.petition_get(viewer=request.user, number=number)  # type: ignore[arg-type]


@router.post("/{number}/register", response=PetitionOut)
def register(request: HttpRequest, number: str, payload: RegisterIn) -> Petition:
    p = selectors.petition_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    return services.petition_register(
        petition=p, actor=request.user, accept=payload.accept, reason=payload.reason
    )  # type: ignore[arg-type]


@router.post("/{number}/assign", response=PetitionOut)
def assign(request: HttpRequest, number: str, payload: AssignIn) -> Petition:
    p = selectors.petition_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    reviewer = User.objects.filter(pk=payload.reviewer_id).first()
    if reviewer is None:
        raise InvalidInputError("petition.bad_reviewer", "审查人不存在", {"field": "reviewer_id"})
    return services.petition_assign(petition=p, actor=request.user, reviewer=reviewer)  # type: ignore[arg-type]


@router.post("/{number}/decision", response=PetitionOut)
def decide(request: HttpRequest, number: str, payload: DecideIn) -> Petition:
    p = selectors.petition_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    return services.petition_decide(
        petition=p, actor=request.user, decision=payload.decision, reason=payload.reason
    )  # type: ignore[arg-type]


@router.post("/{number}/withdraw", response=PetitionOut)
def withdraw(request: HttpRequest, number: str) -> Petition:
    p = selectors.petition_get(viewer=request.user, number=number)  # type: ignore[arg-type]
    return services.petition_withdraw(petition=p, actor=request.user)  # type: ignore[arg-type]
