"""Preservation: applications with guarantees (electronic letters verified by the insurer simulator), the ledger
entry, the ruling clock, the fee order, permissions and bad input."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from smartcourt.apps.evidence.models import EvidenceEntry
from smartcourt.apps.notifications.models import Message
from smartcourt.apps.payments.models import PaymentOrder
from smartcourt.apps.preservation import services
from smartcourt.apps.preservation.insurers import SimulatorInsurer
from smartcourt.apps.preservation.models import PreservationApplication, PreservationStatus
from smartcourt.apps.preservation.services import PropertyInput
from tests.apps.factories import World


def _names(case: Case) -> tuple[str, str]:
    return case.parties.get(role="PLAINTIFF").name, case.parties.get(role="DEFENDANT").name


def _letter(case: Case, amount: str, *, valid_from: date | None = None, days: int = 365) -> dict[str, str]:
    applicant, respondent = _names(case)
    return (
        SimulatorInsurer()
        .issue(
            insurer_code="SIM-PIC",
            applicant=applicant,
            respondent=respondent,
            court=case.court.name,
            amount=Decimal(amount),
            valid_from=valid_from or timezone.localdate(),
            days=days,
        )
        .to_dict()
    )


def _apply(world: World, case_: Case, **overrides: object) -> PreservationApplication:
    case = case_
    applicant, respondent = _names(case)
    values: dict[str, object] = {
        "applicant": world.litigant,
        "stage": "IN_LITIGATION",
        "case": case,
        "applicant_name": applicant,
        "respondent_name": respondent,
        "reason": "被申请人正在转移财产，可能使判决难以执行。",
        "properties": [
            PropertyInput("DEPOSIT", "被申请人名下银行账户存款", "1500000"),
            PropertyInput("VEHICLE", "被申请人名下小型轿车一辆", "500000"),
        ],
        "guarantee_kind": "ELECTRONIC",
        "guarantee_letter": _letter(case, "600000"),
    }
    values.update(overrides)
    return services.preservation_apply(**values)  # type: ignore[arg-type]


def test_in_litigation_flow_with_electronic_letter(world: World, case: Case) -> None:
    app = _apply(world, case)
    assert app.status == PreservationStatus.SUBMITTED
    assert app.amount == Decimal("2000000.00")
    assert app.guarantee_required == Decimal("600000.00")  # 30% (财产保全规定第五条)
    assert app.letter.insurer_code == "SIM-PIC"

    before = EvidenceEntry.objects.count()
    app = services.preservation_accept(application=app, actor=world.filer)
    assert app.status == PreservationStatus.ACCEPTED
    assert app.ruling_due_at == app.accepted_at + timedelta(days=5)
    assert "第四条" in app.ruling_basis
    assert EvidenceEntry.objects.count() == before + 1
    entry = EvidenceEntry.objects.order_by("-pk").first()
    assert entry is not None and entry.kind == "GUARANTEE"
    assert app.guarantee_hash == f"sha256:{app.letter.sha256}"
    assert entry.content_hash == app.guarantee_hash
    assert app.ledger_receipt != {}

    app = services.preservation_rule(application=app, actor=world.judge, grant=True, reason="")
    assert app.status == PreservationStatus.GRANTED
    assert app.ruled_in_time is True
    assert app.fee_amount == Decimal("5000.00")  # 诉讼费用交纳办法第十四条: at most 5,000
    order = PaymentOrder.objects.get(order_number=app.fee_order_number)
    assert (order.amount, order.kind, order.fee_kind) == (
        Decimal("5000.00"),
        "APPLICATION_FEE",
        "preservation",
    )
    assert order.payer_party == case.parties.get(role="PLAINTIFF")
    titles = list(Message.objects.filter(recipient=world.litigant).values_list("title", flat=True))
    assert "保全申请已受理" in titles and "保全申请裁定准予保全" in titles


def test_fee_brackets_below_cap(world: World, case: Case) -> None:
    app = _apply(
        world,
        case,
        properties=[PropertyInput("EQUITY", "被申请人持有的某公司股权", "10000")],
        guarantee_kind="CASH",
        guarantee_amount="3000",
        guarantee_letter=None,
    )
    services.preservation_accept(application=app, actor=world.judge)
    app = services.preservation_rule(application=app, actor=world.judge, grant=True, reason="")
    # 诉讼费用交纳办法第十四条第二项: 不超过1000元的每件30元; 超过1000元至10万元的部分按1%: 30 + 9000 x 1%
    assert app.fee_amount == Decimal("120.00")
    assert app.fee_computation["kind"] == "preservation"


def test_pre_suit_48_hours_and_linking_the_case_later(world: World, case: Case) -> None:
    applicant, respondent = _names(case)
    app = _apply(
        world,
        case,
        stage="PRE_SUIT",
        case=None,
        court=world.court,
        guarantee_letter=_letter(case, "2000000"),  # 诉前: equal to the amount (第五条第二款)
    )
    assert app.guarantee_required == Decimal("2000000.00")
    app = services.preservation_accept(application=app, actor=world.filer)
    assert app.ruling_due_at - app.accepted_at == timedelta(hours=48)
    assert "第一百零四条" in app.ruling_basis
    app = services.preservation_rule(application=app, actor=world.judge, grant=True, reason="情况紧急")
    assert app.fee_order_number == ""  # no case yet
    assert services.filing_deadline_after_preservation(app) is not None
    app = services.preservation_link_case(application=app, case=case, actor=world.filer)
    assert app.case == case
    assert PaymentOrder.objects.filter(order_number=app.fee_order_number, amount=Decimal("5000.00")).exists()


def test_pre_suit_requires_a_guarantee(world: World, case: Case) -> None:
    with pytest.raises(InvalidInputError) as err:
        _apply(world, case, stage="PRE_SUIT", case=None, court=world.court, guarantee_kind="NONE")
    assert err.value.code == "preservation.guarantee_required"
    assert PreservationApplication.objects.count() == 0


def test_urgent_in_litigation_is_48_hours_and_late_ruling_is_marked(world: World, case: Case) -> None:
    app = _apply(world, case, urgent=True)
    app = services.preservation_accept(application=app, actor=world.judge)
    assert app.ruling_due_at - app.accepted_at == timedelta(hours=48)
    assert "第一百零三条" in app.ruling_basis
    with time_machine.travel(timezone.now() + timedelta(hours=50)):
        app = services.preservation_rule(application=app, actor=world.judge, grant=False, reason="证据不足")
    assert app.status == PreservationStatus.REFUSED
    assert app.ruled_in_time is False
    assert app.fee_amount == 0 and app.fee_order_number == ""


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        (lambda d: d.update(amount="9000000.00"), "preservation.guarantee_forged"),
        (lambda d: d.update(signature="0" * 64), "preservation.guarantee_forged"),
        (lambda d: d.update(insurer_code="SIM-XXX"), "preservation.guarantee_unknown_insurer"),
        (lambda d: d.pop("signature"), "preservation.guarantee_malformed"),
        (lambda d: d.update(extra="x"), "preservation.guarantee_malformed"),
    ],
)
def test_forged_or_malformed_letters_are_refused(world: World, case: Case, tamper, code: str) -> None:
    letter = _letter(case, "600000")
    tamper(letter)
    with pytest.raises(InvalidInputError) as err:
        _apply(world, case, guarantee_letter=letter)
    assert err.value.code == code
    assert err.value.detail["field"] == "guarantee_letter"
    assert PreservationApplication.objects.count() == 0


def test_expired_insufficient_and_mismatched_letters_are_refused(world: World, case: Case) -> None:
    old = _letter(case, "600000", valid_from=timezone.localdate() - timedelta(days=40), days=30)
    with pytest.raises(InvalidInputError) as err:
        _apply(world, case, guarantee_letter=old)
    assert err.value.code == "preservation.guarantee_expired"
    assert "到期" in err.value.message
    with pytest.raises(InvalidInputError) as err:
        _apply(world, case, guarantee_letter=_letter(case, "599999.99"))
    assert err.value.code == "preservation.guarantee_insufficient"
    assert "600000.00" in err.value.message
    with pytest.raises(InvalidInputError) as err:
        _apply(world, case, applicant_name="另一个人", guarantee_letter=_letter(case, "600000"))
    assert err.value.code == "preservation.guarantee_mismatch"
    with pytest.raises(InvalidInputError) as err:
        _apply(world, case, guarantee_letter="{not json")
    assert err.value.code == "preservation.guarantee_malformed"
    assert PreservationApplication.objects.count() == 0


def test_a_letter_cannot_be_used_twice(world: World, case: Case) -> None:
    letter = _letter(case, "600000")
    _apply(world, case, guarantee_letter=letter)
    with pytest.raises(ConflictError):
        _apply(world, case, guarantee_letter=letter)
    assert PreservationApplication.objects.count() == 1


def test_letter_expired_at_acceptance_is_refused_and_nothing_changes(world: World, case: Case) -> None:
    app = _apply(world, case, guarantee_letter=_letter(case, "600000", days=2))
    before = EvidenceEntry.objects.count()
    with time_machine.travel(timezone.now() + timedelta(days=5)), pytest.raises(InvalidInputError) as err:
        services.preservation_accept(application=app, actor=world.filer)
    assert err.value.code == "preservation.guarantee_expired"
    app.refresh_from_db()
    assert app.status == PreservationStatus.SUBMITTED and app.guarantee_hash == ""
    assert EvidenceEntry.objects.count() == before


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("properties", [], "preservation.bad_property"),
        ("properties", [PropertyInput("DEPOSIT", "存款", "-5")], "preservation.bad_amount"),
        ("properties", [PropertyInput("DEPOSIT", "存款", "1.234")], "preservation.bad_amount"),
        ("properties", [PropertyInput("DEPOSIT", "存款", "abc")], "preservation.bad_amount"),
        ("properties", [PropertyInput("SHIP", "船", "100")], "preservation.bad_property"),
        ("reason", "   ", "preservation.missing_field"),
        ("stage", "LATER", "preservation.bad_kind"),
        ("guarantee_kind", "GOLD", "preservation.bad_kind"),
    ],
)
def test_bad_input(world: World, case: Case, field: str, value: object, code: str) -> None:
    with pytest.raises(InvalidInputError) as err:
        _apply(world, case, **{field: value})
    assert err.value.code == code
    assert PreservationApplication.objects.count() == 0


def test_cash_guarantee_below_required_is_refused(world: World, case: Case) -> None:
    with pytest.raises(InvalidInputError) as err:
        _apply(world, case, guarantee_kind="CASH", guarantee_amount="100", guarantee_letter=None)
    assert err.value.code == "preservation.guarantee_insufficient"


@pytest.mark.parametrize("who", ["stranger", "lawyer", "judge"])
def test_only_a_party_of_the_case_may_apply_in_litigation(world: World, case: Case, who: str) -> None:
    with pytest.raises(NotPermittedError):
        _apply(world, case, applicant=getattr(world, who))
    assert PreservationApplication.objects.count() == 0


@pytest.mark.parametrize("who", ["other_judge", "it_admin", "litigant", "stranger"])
def test_only_staff_of_the_court_may_accept(world: World, case: Case, who: str) -> None:
    app = _apply(world, case)
    with pytest.raises(NotPermittedError):
        services.preservation_accept(application=app, actor=getattr(world, who))
    app.refresh_from_db()
    assert app.status == PreservationStatus.SUBMITTED


@pytest.mark.parametrize("who", ["clerk", "filer", "other_judge", "litigant"])
def test_only_a_judge_of_the_court_may_rule(world: World, case: Case, who: str) -> None:
    app = services.preservation_accept(application=_apply(world, case), actor=world.filer)
    with pytest.raises(NotPermittedError):
        services.preservation_rule(application=app, actor=getattr(world, who), grant=True, reason="")
    app.refresh_from_db()
    assert app.status == PreservationStatus.ACCEPTED


def test_state_machine_refuses_illegal_steps(world: World, case: Case) -> None:
    app = _apply(world, case)
    with pytest.raises(ConflictError):
        services.preservation_rule(application=app, actor=world.judge, grant=True, reason="")
    app = services.preservation_withdraw(application=app, actor=world.litigant)
    assert app.status == PreservationStatus.WITHDRAWN
    with pytest.raises(ConflictError):
        services.preservation_accept(application=app, actor=world.judge)


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_api_flow_scoping_and_errors(world: World, case: Case) -> None:
    lit = _client(world.litigant)
    applicant, respondent = _names(case)
    sandbox = lit.post(
        "/api/v1/preservation/insurer-sandbox/letters",
        {"applicant": applicant, "respondent": respondent, "court": case.court.name, "amount": "600000"},
        content_type="application/json",
    )
    assert sandbox.status_code == 201
    body = {
        "stage": "IN_LITIGATION",
        "case_id": case.pk,
        "applicant_name": applicant,
        "respondent_name": respondent,
        "reason": "防止转移财产",
        "properties": [{"kind": "DEPOSIT", "description": "银行存款", "amount": "2000000"}],
        "guarantee_kind": "ELECTRONIC",
        "guarantee_letter": sandbox.json(),
    }
    forged = dict(body, guarantee_letter=dict(sandbox.json(), amount="1.00"))
    bad = lit.post("/api/v1/preservation/applications", forged, content_type="application/json")
    assert bad.status_code == 400
    assert bad.json()["code"] == "preservation.guarantee_forged"
    assert bad.json()["detail"] == {"field": "guarantee_letter"}
    created = lit.post("/api/v1/preservation/applications", body, content_type="application/json")
    assert created.status_code == 201, created.content
    number = created.json()["number"]
    assert created.json()["status_label"] == "已提交"

    assert _client(world.stranger).get(f"/api/v1/preservation/applications/{number}").status_code == 404
    assert _client(world.other_judge).get(f"/api/v1/preservation/applications/{number}").status_code == 404
    assert _client(world.stranger).get("/api/v1/preservation/applications").json() == []
    denied = lit.post(f"/api/v1/preservation/applications/{number}/accept")
    assert denied.status_code == 403

    judge = _client(world.judge)
    assert judge.post(f"/api/v1/preservation/applications/{number}/accept").json()["status"] == "ACCEPTED"
    ruled = judge.post(
        f"/api/v1/preservation/applications/{number}/ruling", {"grant": True}, content_type="application/json"
    )
    assert ruled.json()["status"] == "GRANTED" and ruled.json()["fee_amount"] == "5000.00"
    assert lit.get(f"/api/v1/preservation/applications/{number}").json()["ruled_in_time"] is True


def test_pages_render_and_form_errors_keep_input(world: World, case: Case) -> None:
    lit = _client(world.litigant)
    assert lit.get("/preservation/").status_code == 200
    assert lit.get("/preservation/new/").status_code == 200
    assert lit.get("/preservation/insurer-sandbox/").status_code == 200
    applicant, respondent = _names(case)
    page = lit.post(
        "/preservation/new/",
        {
            "stage": "IN_LITIGATION",
            "case_id": str(case.pk),
            "applicant_name": applicant,
            "respondent_name": respondent,
            "reason": "理由",
            "p_kind": ["DEPOSIT"],
            "p_desc": ["存款"],
            "p_amount": ["1000"],
            "guarantee_kind": "ELECTRONIC",
            "guarantee_letter": json.dumps(dict(_letter(case, "300"), signature="ab" * 32)),
        },
    )
    assert page.status_code == 400
    text = page.content.decode()
    assert "签名核验未通过" in text and applicant in text
    assert PreservationApplication.objects.count() == 0
    ok = lit.post(
        "/preservation/new/",
        {
            "stage": "IN_LITIGATION",
            "case_id": str(case.pk),
            "applicant_name": applicant,
            "respondent_name": respondent,
            "reason": "理由",
            "p_kind": ["DEPOSIT"],
            "p_desc": ["存款"],
            "p_amount": ["1000"],
            "guarantee_kind": "ELECTRONIC",
            "guarantee_letter": json.dumps(_letter(case, "300")),
        },
    )
    assert ok.status_code == 302
    app = PreservationApplication.objects.get()
    detail = _client(world.judge).get(f"/preservation/{app.number}/").content.decode()
    assert "受理（核验担保并上链）" in detail
    accepted = _client(world.judge).post(f"/preservation/{app.number}/accept/")
    assert accepted.status_code == 302
    panel = _client(world.judge).get(f"/preservation/cases/{case.pk}/panel/")
    assert app.number in panel.content.decode()
    assert _client(world.stranger).get(f"/preservation/{app.number}/").status_code == 404


def test_pre_suit_with_a_case_or_without_a_court_is_refused(world: World, case: Case) -> None:
    with pytest.raises(InvalidInputError) as err:
        _apply(world, case, stage="PRE_SUIT", court=world.court)
    assert err.value.code == "preservation.case_mismatch"
    with pytest.raises(InvalidInputError) as err:
        _apply(world, case, stage="PRE_SUIT", case=None)
    assert err.value.detail == {"field": "court_id"}
    page = _client(world.litigant).post("/preservation/new/", {"stage": "IN_LITIGATION", "case_id": "abc"})
    assert page.status_code == 400 and "诉讼中保全须选择所涉案件" in page.content.decode()
    assert PreservationApplication.objects.count() == 0
