"""Petitions (申诉): filed against an effective judgment by a party, registered, reviewed by an assigned judge,
decided with reasons; status visible to the petitioner; notifications; permissions and bad input."""

from __future__ import annotations

import pytest
from django.test import Client

from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from smartcourt.apps.notifications.models import Message
from smartcourt.apps.petitions import services
from smartcourt.apps.petitions.models import Petition, PetitionStatus
from tests.apps.factories import World


@pytest.fixture
def closed(case: Case) -> Case:
    Case.objects.filter(pk=case.pk).update(status="CLOSED")
    case.refresh_from_db()
    return case


def _file(world: World, case: Case, **kw: str) -> Petition:
    values = {
        "petitioner_name": case.parties.get(role="PLAINTIFF").name,
        "grounds": "原判认定事实错误。",
        "requests": "撤销原判决，再审本案",
    } | kw
    return services.petition_file(petitioner=world.litigant, case=case, **values)


def test_full_flow_and_status_visible_to_petitioner(world: World, closed: Case) -> None:
    p = _file(world, closed)
    assert p.status == PetitionStatus.SUBMITTED and p.court == closed.court
    p = services.petition_register(petition=p, actor=world.filer)
    assert p.status == PetitionStatus.REGISTERED and p.registered_at is not None
    p = services.petition_assign(petition=p, actor=world.filer, reviewer=world.judge2)
    assert p.status == PetitionStatus.UNDER_REVIEW and p.reviewer == world.judge2
    with pytest.raises(NotPermittedError):
        services.petition_decide(petition=p, actor=world.judge, decision="DISMISS", reason="x")
    with pytest.raises(InvalidInputError):
        services.petition_decide(petition=p, actor=world.judge2, decision="DISMISS", reason=" ")
    p = services.petition_decide(
        petition=p, actor=world.judge2, decision="TRANSFER", reason="可能存在第二百一十一条情形"
    )
    assert p.status == PetitionStatus.TRANSFERRED and p.decided_by == world.judge2
    assert [e.to_status for e in p.events.all()] == ["SUBMITTED", "REGISTERED", "UNDER_REVIEW", "TRANSFERRED"]
    titles = list(
        Message.objects.filter(recipient=world.litigant).order_by("pk").values_list("title", flat=True)
    )
    assert titles == ["申诉已登记", "申诉已进入审查", "申诉处理结果：转再审审查"]
    body = Client()
    body.force_login(world.litigant)
    data = body.get(f"/api/v1/petitions/{p.number}").json()
    assert data["status_label"] == "转再审审查" and data["decision_reason"] == "可能存在第二百一十一条情形"
    assert [e["status_label"] for e in data["events"]] == ["已提交", "已登记", "审查中", "转再审审查"]


def test_only_effective_judgments(world: World, case: Case) -> None:
    with pytest.raises(ConflictError) as err:
        _file(world, case)
    assert err.value.code == "petition.judgment_not_effective"
    assert not Petition.objects.exists()


def test_not_accepted_with_reasons_and_duplicates(world: World, closed: Case) -> None:
    p = _file(world, closed)
    with pytest.raises(ConflictError):
        _file(world, closed)
    with pytest.raises(InvalidInputError):
        services.petition_register(petition=p, actor=world.filer, accept=False, reason="")
    p = services.petition_register(petition=p, actor=world.filer, accept=False, reason="超过法定期限")
    assert p.status == PetitionStatus.NOT_ACCEPTED and p.decision_reason == "超过法定期限"
    again = _file(world, closed)  # a closed petition does not block a new one
    assert again.status == PetitionStatus.SUBMITTED


def test_reviewer_rules(world: World, closed: Case) -> None:
    Case.objects.filter(pk=closed.pk).update(responsible_judge=world.judge)
    closed.refresh_from_db()
    p = services.petition_register(petition=_file(world, closed), actor=world.filer)
    for reviewer in (world.judge, world.other_judge, world.clerk):  # original judge, other court, not a judge
        with pytest.raises(InvalidInputError):
            services.petition_assign(petition=p, actor=world.filer, reviewer=reviewer)
    p.refresh_from_db()
    assert p.status == PetitionStatus.REGISTERED and p.reviewer is None


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"grounds": ""}, "grounds"),
        ({"requests": "   "}, "requests"),
        ({"petitioner_name": "不相干的人"}, "petitioner_name"),
        ({"grounds": "长" * 5001}, "grounds"),
    ],
)
def test_bad_input(world: World, closed: Case, kw: dict[str, str], field: str) -> None:
    with pytest.raises(InvalidInputError) as err:
        _file(world, closed, **kw)
    assert err.value.detail["field"] == field
    assert not Petition.objects.exists()


@pytest.mark.parametrize("who", ["stranger", "judge", "other_judge"])
def test_only_parties_may_petition(world: World, closed: Case, who: str) -> None:
    with pytest.raises(NotPermittedError):
        services.petition_file(
            petitioner=getattr(world, who), case=closed, petitioner_name="x", grounds="g", requests="r"
        )
    assert not Petition.objects.exists()


@pytest.mark.parametrize("who", ["litigant", "other_filer", "it_admin", "judge"])
def test_only_the_courts_filing_staff_register(world: World, closed: Case, who: str) -> None:
    p = _file(world, closed)
    with pytest.raises(NotPermittedError):
        services.petition_register(petition=p, actor=getattr(world, who))
    p.refresh_from_db()
    assert p.status == PetitionStatus.SUBMITTED


def test_withdraw_and_scoping(world: World, closed: Case) -> None:
    p = _file(world, closed)
    with pytest.raises(NotPermittedError):
        services.petition_withdraw(petition=p, actor=world.stranger)
    p = services.petition_withdraw(petition=p, actor=world.litigant)
    assert p.status == PetitionStatus.WITHDRAWN
    with pytest.raises(ConflictError):
        services.petition_register(petition=p, actor=world.filer)
    for user, code in (
        (world.stranger, 404),
        (world.other_judge, 404),
        (world.judge, 200),
        (world.litigant, 200),
    ):
        c = Client()
        c.force_login(user)
        assert c.get(f"/api/v1/petitions/{p.number}").status_code == code
        assert c.get(f"/petitions/{p.number}/").status_code == code


def test_pages(world: World, closed: Case) -> None:
    lit = Client()
    lit.force_login(world.litigant)
    assert lit.get(f"/petitions/cases/{closed.pk}/new/").status_code == 200
    bad = lit.post(
        f"/petitions/cases/{closed.pk}/new/", {"petitioner_name": "", "grounds": "", "requests": ""}
    )
    assert bad.status_code == 400 and "请填写" in bad.content.decode()
    name = closed.parties.get(role="PLAINTIFF").name
    ok = lit.post(
        f"/petitions/cases/{closed.pk}/new/", {"petitioner_name": name, "grounds": "理由", "requests": "再审"}
    )
    assert ok.status_code == 302
    p = Petition.objects.get()
    filer = Client()
    filer.force_login(world.filer)
    assert filer.post(f"/petitions/{p.number}/register/").status_code == 302
    assert (
        filer.post(f"/petitions/{p.number}/assign/", {"reviewer_id": str(world.judge2.pk)}).status_code == 302
    )
    rev = Client()
    rev.force_login(world.judge2)
    assert (
        rev.post(
            f"/petitions/{p.number}/decide/", {"decision": "DISMISS", "reason": "理由不成立"}
        ).status_code
        == 302
    )
    p.refresh_from_db()
    assert p.status == PetitionStatus.DISMISSED
    assert "驳回申诉" in lit.get("/petitions/").content.decode()
    assert p.number in filer.get(f"/petitions/cases/{closed.pk}/panel/").content.decode()
