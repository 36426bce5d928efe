"""Case endpoints: list, detail, register, assign, transitions, time limits, history, ID reveal.

Handlers validate the shape, call one selector or service, and return a schema; scoping is the selectors'.
"""

from datetime import date
from decimal import Decimal

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import Field

from smartcourt.apps.accounts.models import User
from smartcourt.apps.cases import selectors, services
from smartcourt.apps.cases.models import Case, Party
from smartcourt.apps.core.errors import NotFoundError

router = Router()


class CaseListFilters(Schema):
    q: str = Field("", max_length=100, description="案号或案件名称包含")
    status: str = ""
    category: str = ""
    case_type: str = ""
    procedure: str = ""
    court_id: int | None = None
    year: int | None = Field(None, ge=1949, le=2100)
    cause_of_action: str = ""
    deadline: str = Field("", description="overdue（已超审限）或 due_soon（即将届满）")
    mine: bool = False
    registered_from: date | None = None
    registered_to: date | None = None
    order: str = "-registered_on"


class CaseOut(Schema):
    id: int
    case_number: str
    title: str
    court_id: int
    court_name: str
    case_type: str
    category: str
    procedure: str
    cause_of_action: str
    status: str
    status_label: str
    registered_on: date
    deadline: date | None
    responsible_judge: str | None

    @staticmethod
    def resolve_court_name(obj: Case) -> str:
        return obj.court.name

    @staticmethod
    def resolve_responsible_judge(obj: Case) -> str | None:
        return obj.responsible_judge.full_name if obj.responsible_judge else None


# The list loads only what a row shows (and keeps the count query free of joins and annotations).
_LIST_ONLY = (
    "id",
    "case_number",
    "title",
    "court_id",
    "court__name",
    "case_type",
    "category",
    "procedure",
    "cause_of_action",
    "status",
    "registered_on",
    "deadline",
    "responsible_judge__full_name",
)


class PartyOut(Schema):
    id: int
    role: str
    kind: str
    name: str
    id_type: str
    id_number_masked: str
    sex: str
    birth_date: date | None
    address: str

    @staticmethod
    def resolve_id_number_masked(obj: Party) -> str:
        return obj.masked_id_number


class DeadlineOut(Schema):
    deadline: date | None
    level: str
    label: str
    days: int | None
    basis: list[str]


class EventOut(Schema):
    action: str
    action_label: str
    from_status: str
    to_status: str
    actor: str
    occurred_at: str
    reason: str
    rule: str


class PanelMemberOut(Schema):
    judge_id: int
    name: str
    role: str


class CaseDetailOut(CaseOut):
    charges: list[str]
    panel: list[PanelMemberOut]
    claim_amount: Decimal | None
    summary: str
    closed_on: date | None
    closure_method: str
    parties: list[PartyOut]
    deadline_view: DeadlineOut
    events: list[EventOut]

    @staticmethod
    def resolve_panel(obj: Case) -> list[PanelMemberOut]:
        return [
            PanelMemberOut(judge_id=m.judge_id, name=m.judge.full_name, role=m.role)
            for m in obj.panel_members.select_related("judge")
        ]

    @staticmethod
    def resolve_parties(obj: Case) -> list[Party]:
        return list(obj.parties.all())

    @staticmethod
    def resolve_deadline_view(obj: Case) -> DeadlineOut:
        view = selectors.case_deadline(case=obj)
        return DeadlineOut(
            deadline=view.deadline, level=view.level, label=view.label, days=view.days, basis=list(view.basis)
        )

    @staticmethod
    def resolve_events(obj: Case) -> list[EventOut]:
        return [
            EventOut(
                action=e.action,
                action_label=e.action_label,
                from_status=e.from_status,
                to_status=e.to_status,
                actor=str(e.actor),
                occurred_at=e.occurred_at.isoformat(),
                reason=e.reason,
                rule=e.rule,
            )
            for e in obj.events.select_related("actor")
        ]


class PartyIn(Schema):
    role: str
    kind: str = "NATURAL_PERSON"
    name: str = Field(..., max_length=200)
    id_type: str = ""
    id_number: str = Field("", max_length=64)
    address: str = Field("", max_length=400)
    phone: str = Field("", max_length=40)
    legal_representative: str = Field("", max_length=100)


class CounselIn(Schema):
    party_index: int
    kind: str = "LAWYER"
    name: str = Field(..., max_length=100)
    license_number: str = Field("", max_length=64)
    firm: str = Field("", max_length=200)


class RegisterIn(Schema):
    case_type: str = Field(..., max_length=8)
    procedure: str = "ORDINARY"
    cause_of_action: str = Field("", max_length=200)
    charges: list[str] = []
    claim_amount: Decimal | None = None
    summary: str = Field("", max_length=10000)
    parties: list[PartyIn]
    counsel: list[CounselIn] = []
    registered_on: date | None = None


class AssignIn(Schema):
    judge_id: int | None = Field(None, description="指定承办法官（不填则随机分案）")
    member_ids: list[int] = Field([], max_length=10, description="指定的其他合议庭成员")
    panel_size: int = Field(1, ge=1, le=9, description="1 为独任，3、5…为合议庭（随机分案时）")
    reason: str = Field("", max_length=1000)


class TransitionIn(Schema):
    action: str
    reason: str = Field("", max_length=1000)
    closure_method: str = ""


class SuspensionIn(Schema):
    start_on: date
    end_on: date | None = None
    reason: str = Field(..., max_length=1000)


class ExtensionIn(Schema):
    months: int = Field(0, ge=0, le=24)
    days: int = Field(0, ge=0, le=366)
    reason: str = Field(..., max_length=1000)


class HistoryOut(Schema):
    at: str
    actor: str
    action: str
    model: str
    object_repr: str
    changes: dict[str, object]


class IdNumberOut(Schema):
    party_id: int
    id_number: str


def _detail(case: Case) -> CaseDetailOut:
    return CaseDetailOut.from_orm(case)


@router.get("", response=list[CaseOut], summary="案件列表（按权限范围，可筛选、分页）")
@paginate(LimitOffsetPagination, max_limit=100)
def case_list(request: HttpRequest, filters: Query[CaseListFilters]) -> list[CaseOut]:
    cases = selectors.case_list(viewer=request.user, filters=selectors.CaseFilters(**filters.dict()))
    return cases.only(*_LIST_ONLY)  # type: ignore[return-value]


@router.post("", response={201: CaseDetailOut}, summary="立案")
def case_register(request: HttpRequest, payload: RegisterIn) -> Status:
    data = payload.dict()
    registration = services.CaseRegistration(
        case_type=data["case_type"],
        procedure=data["procedure"],
        cause_of_action=data["cause_of_action"],
        charges=tuple(data["charges"]),
        claim_amount=data["claim_amount"],
        summary=data["summary"],
        parties=tuple(services.PartyInput(**p) for p in data["parties"]),
        counsel=tuple(services.CounselInput(**c) for c in data["counsel"]),
        registered_on=data["registered_on"],
    )
    case = services.case_register(officer=request.user, registration=registration)
    return Status(201, _detail(case))


@router.get("/{case_id}", response=CaseDetailOut, summary="案件详情")
def case_detail(request: HttpRequest, case_id: int) -> CaseDetailOut:
    return _detail(selectors.case_get(viewer=request.user, case_id=case_id))


@router.post("/{case_id}/assignment", response=CaseDetailOut, summary="分案（随机或指定）")
def case_assign(request: HttpRequest, case_id: int, payload: AssignIn) -> CaseDetailOut:
    case = selectors.case_get(viewer=request.user, case_id=case_id)
    judges = {u.pk: u for u in User.objects.filter(pk__in=[payload.judge_id, *payload.member_ids])}
    missing = [pk for pk in [payload.judge_id, *payload.member_ids] if pk is not None and pk not in judges]
    if missing:
        raise NotFoundError("case.judge_not_found", "指定的法官不存在", {"field": "judge_id", "ids": missing})
    services.case_assign(
        case=case,
        actor=request.user,
        judge=judges.get(payload.judge_id) if payload.judge_id is not None else None,
        members=[judges[pk] for pk in payload.member_ids],
        panel_size=payload.panel_size,
        reason=payload.reason,
    )
    return _detail(selectors.case_get(viewer=request.user, case_id=case_id))


@router.post(
    "/{case_id}/transitions", response=CaseDetailOut, summary="案件流转（开始审理、中止、恢复、结案、归档）"
)
def case_transition(request: HttpRequest, case_id: int, payload: TransitionIn) -> CaseDetailOut:
    case = selectors.case_get(viewer=request.user, case_id=case_id)
    services.case_transition(
        case=case,
        actor=request.user,
        action=payload.action,
        reason=payload.reason,
        closure_method=payload.closure_method,
    )
    return _detail(selectors.case_get(viewer=request.user, case_id=case_id))


@router.post("/{case_id}/time-limit/suspensions", response=CaseDetailOut, summary="扣除审限")
def case_suspension(request: HttpRequest, case_id: int, payload: SuspensionIn) -> CaseDetailOut:
    case = selectors.case_get(viewer=request.user, case_id=case_id)
    services.case_time_limit_suspend(
        case=case, actor=request.user, start_on=payload.start_on, end_on=payload.end_on, reason=payload.reason
    )
    return _detail(selectors.case_get(viewer=request.user, case_id=case_id))


@router.post("/{case_id}/time-limit/extensions", response=CaseDetailOut, summary="延长审限（院长批准）")
def case_extension(request: HttpRequest, case_id: int, payload: ExtensionIn) -> CaseDetailOut:
    case = selectors.case_get(viewer=request.user, case_id=case_id)
    services.case_time_limit_extend(
        case=case, actor=request.user, months=payload.months, days=payload.days, reason=payload.reason
    )
    return _detail(selectors.case_get(viewer=request.user, case_id=case_id))


@router.get("/{case_id}/history", response=list[HistoryOut], summary="案件变更记录（审计）")
def case_history(request: HttpRequest, case_id: int) -> list[HistoryOut]:
    case = selectors.case_get(viewer=request.user, case_id=case_id)
    return [
        HistoryOut(
            at=h.at.isoformat(),
            actor=h.actor,
            action=h.action,
            model=h.model,
            object_repr=h.object_repr,
            changes=h.changes,
        )
        for h in selectors.case_history(case=case)
    ]


@router.get(
    "/{case_id}/parties/{party_id}/id-number", response=IdNumberOut, summary="查看完整证件号码（留痕）"
)
def party_id_number(request: HttpRequest, case_id: int, party_id: int) -> IdNumberOut:
    party = selectors.party_get(viewer=request.user, case_id=case_id, party_id=party_id)
    number = services.party_id_number_reveal(
        party=party, actor=request.user, remote_addr=request.META.get("REMOTE_ADDR"), channel="api"
    )
    return IdNumberOut(party_id=party.pk, id_number=number)
