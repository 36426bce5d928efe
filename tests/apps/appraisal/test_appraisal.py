"""Appraisal: requests, the recorded reproducible draw among qualified institutions, progress with deadlines and
overdue warnings, the 审限 suspension through the case core, permissions and bad input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from smartcourt.apps.appraisal import selectors, services
from smartcourt.apps.appraisal.models import AppraisalDraw, AppraisalRequest, AppraisalStatus, Institution
from smartcourt.apps.cases.models import Case, TimeLimitAdjustment
from smartcourt.apps.cases.services import case_assign
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from tests.apps.factories import World


@pytest.fixture
def roster(world: World) -> list[Institution]:
    today = timezone.localdate()
    specs = [
        ("甲司法鉴定所", ["FORENSIC_CLINICAL"], today + timedelta(days=300)),
        ("乙司法鉴定中心", ["FORENSIC_CLINICAL", "DOCUMENT"], today + timedelta(days=300)),
        ("丙鉴定所（资质过期）", ["FORENSIC_CLINICAL"], today - timedelta(days=1)),
        ("丁造价咨询公司", ["CONSTRUCTION_COST"], today + timedelta(days=300)),
        ("戊法医鉴定所", ["FORENSIC_CLINICAL"], today + timedelta(days=300)),
    ]
    return [
        services.institution_create(actor=world.leader, name=n, fields=f, qualified_until=u, region="330102")
        for n, f, u in specs
    ]


@pytest.fixture
def assigned(world: World, case: Case) -> Case:
    case_assign(case=case, actor=world.leader, judge=world.judge, reason="指定")
    case.refresh_from_db()
    return case


def _request(world: World, case: Case) -> AppraisalRequest:
    return services.appraisal_request(
        actor=world.litigant, case=case, field="FORENSIC_CLINICAL", matter="伤残等级"
    )


def test_draw_is_among_qualified_only_recorded_and_reproducible(
    world: World, assigned: Case, roster: list[Institution]
) -> None:
    req = _request(world, assigned)
    assert req.origin == "PARTY" and req.status == AppraisalStatus.REQUESTED
    draw = services.appraisal_entrust(request=req, actor=world.judge, witness="原告代理人", seed="abcdef0123")
    names = [c["name"] for c in draw.candidates]
    assert names == ["甲司法鉴定所", "乙司法鉴定中心", "戊法医鉴定所"]  # expired and other-field excluded
    expected = services.draw_pick(
        seed="abcdef0123", request_number=req.number, candidate_ids=[c["id"] for c in draw.candidates]
    )
    assert draw.chosen_index == expected
    assert draw.institution_id == draw.candidates[expected]["id"]
    assert (draw.operator, draw.witness, draw.algorithm) == (
        world.judge,
        "原告代理人",
        "sha256(seed|request|ids) mod n / v1",
    )
    assert services.appraisal_draw_verify(draw=draw) is True
    req.refresh_from_db()
    assert req.status == AppraisalStatus.ENTRUSTED and req.institution_id == draw.institution_id
    # A tampered record no longer reproduces.
    AppraisalDraw.objects.filter(pk=draw.pk).update(seed="abcdef0124")
    draw.refresh_from_db()
    tampered_index = services.draw_pick(
        seed="abcdef0124", request_number=req.number, candidate_ids=[c["id"] for c in draw.candidates]
    )
    assert services.appraisal_draw_verify(draw=draw) is (tampered_index == draw.chosen_index)


def test_draws_spread_over_candidates() -> None:
    picks = {
        services.draw_pick(seed=f"{i:04x}", request_number="JD1", candidate_ids=[1, 2, 3]) for i in range(60)
    }
    assert picks == {0, 1, 2}


def test_progress_deadlines_overdue_and_redraw_after_return(
    world: World, assigned: Case, roster: list[Institution]
) -> None:
    req = _request(world, assigned)
    first = services.appraisal_entrust(request=req, actor=world.judge, witness="书记员", period_days=20)
    req.refresh_from_db()
    assert req.due_on is not None and req.due_on >= req.entrusted_on + timedelta(days=10)
    req = services.appraisal_progress(request=req, actor=world.clerk, action="accept")
    assert req.status == AppraisalStatus.ACCEPTED
    assert req.due_on >= req.entrusted_on + timedelta(days=20)
    assert "第三十五条" in req.due_basis
    req = services.appraisal_progress(request=req, actor=world.judge, action="start")
    with time_machine.travel(timezone.now() + timedelta(days=60)):
        due = selectors.request_due(request=req)
        assert due.level == "overdue" and due.label.startswith("已超期")
        assert list(selectors.request_overdue(viewer=world.judge)) == [req]
        assert list(selectors.request_overdue(viewer=world.other_judge)) == []
    req = services.appraisal_progress(request=req, actor=world.judge, action="supplement", note="补充病历")
    assert req.status == AppraisalStatus.SUPPLEMENT
    req = services.appraisal_progress(request=req, actor=world.judge, action="return", note="无法鉴定")
    assert req.status == AppraisalStatus.RETURNED and req.due_on is None
    second = services.appraisal_entrust(request=req, actor=world.judge, witness="书记员")
    assert first.institution_id not in [c["id"] for c in second.candidates]
    req.refresh_from_db()
    for action in ("accept", "start"):
        req = services.appraisal_progress(request=req, actor=world.judge, action=action)
    with pytest.raises(InvalidInputError):
        services.appraisal_progress(request=req, actor=world.judge, action="issue")  # no opinion summary
    req = services.appraisal_progress(
        request=req, actor=world.judge, action="issue", opinion_summary="构成十级伤残"
    )
    assert req.status == AppraisalStatus.OPINION_ISSUED and req.finished_on == timezone.localdate()
    assert [e.to_status for e in req.events.all()][-1] == "OPINION_ISSUED"


def test_time_limit_suspension_goes_through_the_case_core(
    world: World, assigned: Case, roster: list[Institution]
) -> None:
    req = _request(world, assigned)
    with pytest.raises(ConflictError):
        services.appraisal_suspend_time_limit(request=req, actor=world.judge)
    services.appraisal_entrust(request=req, actor=world.judge, witness="书记员")
    req.refresh_from_db()
    with pytest.raises(InvalidInputError):  # entrusted on the day of registration: nothing to deduct yet
        services.appraisal_suspend_time_limit(request=req, actor=world.judge)
    assert not TimeLimitAdjustment.objects.exists()
    AppraisalRequest.objects.filter(pk=req.pk).update(entrusted_on=req.entrusted_on + timedelta(days=3))
    req.refresh_from_db()
    with pytest.raises(NotPermittedError):
        services.appraisal_suspend_time_limit(request=req, actor=world.litigant)
    before = assigned.deadline
    with time_machine.travel(timezone.now() + timedelta(days=10)):
        adj = services.appraisal_suspend_time_limit(request=req, actor=world.judge)
    assert isinstance(adj, TimeLimitAdjustment)
    assert (adj.kind, adj.start_on, adj.end_on) == ("SUSPENSION", req.entrusted_on, None)
    assert req.number in adj.reason
    assigned.refresh_from_db()
    assert assigned.deadline is not None and before is not None and assigned.deadline >= before
    with pytest.raises(ConflictError):
        services.appraisal_suspend_time_limit(request=req, actor=world.judge)


def test_no_qualified_institution(world: World, assigned: Case, roster: list[Institution]) -> None:
    req = services.appraisal_request(actor=world.judge, case=assigned, field="ACCOUNTING", matter="审计")
    assert req.origin == "COURT"
    with pytest.raises(ConflictError) as err:
        services.appraisal_entrust(request=req, actor=world.judge, witness="书记员")
    assert err.value.code == "appraisal.no_qualified_institution"
    req.refresh_from_db()
    assert req.status == AppraisalStatus.REQUESTED and not req.draws.exists()


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"field": "ASTROLOGY"}, "appraisal.bad_field"),
        ({"matter": "  "}, "appraisal.missing_field"),
        ({"matter": "长" * 2001}, "appraisal.missing_field"),
    ],
)
def test_bad_request_input(world: World, case: Case, kwargs: dict[str, str], code: str) -> None:
    values = {"field": "DOCUMENT", "matter": "签名真伪"} | kwargs
    with pytest.raises(InvalidInputError) as err:
        services.appraisal_request(actor=world.litigant, case=case, **values)
    assert err.value.code == code
    assert AppraisalRequest.objects.count() == 0


def test_bad_entrust_input(world: World, assigned: Case, roster: list[Institution]) -> None:
    req = _request(world, assigned)
    for kwargs in (
        {"witness": ""},
        {"witness": "甲", "period_days": 0},
        {"witness": "甲", "seed": "not-hex"},
    ):
        with pytest.raises(InvalidInputError):
            services.appraisal_entrust(request=req, actor=world.judge, **kwargs)  # type: ignore[arg-type]
    assert not AppraisalDraw.objects.exists()


@pytest.mark.parametrize("who", ["stranger", "other_judge", "it_admin"])
def test_outsiders_cannot_request(world: World, case: Case, who: str) -> None:
    with pytest.raises(NotPermittedError):
        services.appraisal_request(actor=getattr(world, who), case=case, field="DOCUMENT", matter="x")
    assert AppraisalRequest.objects.count() == 0


@pytest.mark.parametrize("who", ["litigant", "other_judge", "filer", "manager"])
def test_only_handlers_of_the_court_draw(
    world: World, assigned: Case, roster: list[Institution], who: str
) -> None:
    req = _request(world, assigned)
    with pytest.raises(NotPermittedError):
        services.appraisal_entrust(request=req, actor=getattr(world, who), witness="x")
    assert not AppraisalDraw.objects.exists()


def test_roster_is_kept_by_leaders(world: World) -> None:
    with pytest.raises(NotPermittedError):
        services.institution_create(
            actor=world.judge,
            name="某所",
            fields=["DOCUMENT"],
            qualified_until=date(2030, 1, 1),
            region="330102",
        )
    with pytest.raises(InvalidInputError):
        services.institution_create(
            actor=world.leader,
            name="某所",
            fields=["NOPE"],
            qualified_until=date(2030, 1, 1),
            region="330102",
        )


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_api_and_pages(world: World, assigned: Case, roster: list[Institution]) -> None:
    lit = _client(world.litigant)
    created = lit.post(
        "/api/v1/appraisal/requests",
        {"case_id": assigned.pk, "field": "FORENSIC_CLINICAL", "matter": "伤残等级"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    number = created.json()["number"]
    bad = lit.post(
        "/api/v1/appraisal/requests",
        {"case_id": assigned.pk, "field": "X", "matter": "m"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["detail"] == {"field": "field"}
    assert (
        lit.post(
            f"/api/v1/appraisal/requests/{number}/entrust", {"witness": "x"}, content_type="application/json"
        ).status_code
        == 403
    )
    judge = _client(world.judge)
    drawn = judge.post(
        f"/api/v1/appraisal/requests/{number}/entrust", {"witness": "原告"}, content_type="application/json"
    )
    assert drawn.status_code == 201 and drawn.json()["reproduced"] is True
    draws = lit.get(f"/api/v1/appraisal/requests/{number}/draws").json()
    assert draws[0]["seed"] == drawn.json()["seed"]
    assert _client(world.stranger).get(f"/api/v1/appraisal/requests/{number}").status_code == 404
    assert judge.post(f"/appraisal/{number}/accept/").status_code == 302
    page = lit.get(f"/appraisal/{number}/").content.decode()
    assert "复核一致" in page and "已受理" in page
    assert "剩余" in lit.get("/appraisal/").content.decode()
    panel = judge.post(f"/appraisal/cases/{assigned.pk}/panel/", {"field": "", "matter": ""})
    assert panel.status_code == 400 and "请选择鉴定类别" in panel.content.decode()
