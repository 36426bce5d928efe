"""分案, transitions, 审限 changes: legal moves only, with their rule, and nothing changed on refusal."""

from __future__ import annotations

import random
from datetime import date

import pytest
import time_machine

from smartcourt.apps.cases.models import Assignment, Case, CaseEvent, PanelMember, TimeLimitAdjustment
from smartcourt.apps.cases.services import (
    case_assign,
    case_time_limit_extend,
    case_time_limit_suspend,
    case_transition,
)
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from smartcourt.engines.procedure import CaseStatus
from tests.apps.factories import UserFactory, register_civil

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(world):
    with time_machine.travel(date(2025, 3, 3), tick=False):
        return register_civil(world)


def _assigned(world, case):
    with time_machine.travel(date(2025, 3, 4), tick=False):
        case_assign(case=case, actor=world.filer, judge=world.judge, reason="专业审判团队对口")
    case.refresh_from_db()
    return case


def test_random_assignment_picks_among_eligible_judges_and_records_them(world, case):
    assignment = case_assign(case=case, actor=world.filer, rng=random.Random(3))
    case.refresh_from_db()
    assert assignment.method == "RANDOM"
    assert sorted(assignment.candidate_ids) == sorted([world.judge.pk, world.judge2.pk])
    assert case.responsible_judge_id == assignment.judge_id
    assert case.status == CaseStatus.ASSIGNED
    assert CaseEvent.objects.filter(case=case, action="ASSIGN").count() == 1


def test_designated_assignment_needs_a_reason_and_an_eligible_judge(world, case):
    with pytest.raises(InvalidInputError) as caught:
        case_assign(case=case, actor=world.filer, judge=world.judge)
    assert caught.value.detail["field"] == "reason"
    with pytest.raises(InvalidInputError) as caught:
        case_assign(case=case, actor=world.filer, judge=world.other_judge, reason="x")
    assert caught.value.detail["field"] == "judge_id"
    case.refresh_from_db()
    assert case.status == CaseStatus.REGISTERED
    assert Assignment.objects.count() == 0


def test_a_random_panel_of_three_and_its_limits(world, case):
    assert case.procedure == "SIMPLE"
    with pytest.raises(InvalidInputError) as caught:
        case_assign(case=case, actor=world.filer, panel_size=3, rng=random.Random(1))
    assert caught.value.detail["field"] == "panel_size"
    assert "独任" in caught.value.message
    case.procedure = "ORDINARY"
    case.save()
    with pytest.raises(ConflictError) as caught:  # only two civil judges in the court
        case_assign(case=case, actor=world.filer, panel_size=3, rng=random.Random(1))
    assert caught.value.code == "case.no_eligible_judge"
    UserFactory(username="judge3", role="JUDGE", court=world.court, department=world.judge.department)
    with pytest.raises(InvalidInputError):
        case_assign(case=case, actor=world.filer, panel_size=2, rng=random.Random(1))
    assignment = case_assign(case=case, actor=world.filer, panel_size=3, rng=random.Random(1))
    seats = list(PanelMember.objects.filter(case=case).values_list("judge_id", "role"))
    assert len(seats) == 3
    assert seats[0] == (assignment.judge_id, "PRESIDING_JUDGE")
    assert sorted(pk for pk, _ in seats) == sorted(assignment.candidate_ids)
    assert assignment.panel_ids == [pk for pk, _ in seats]


def test_a_designated_panel_replaces_the_previous_one(world, case):
    judge3 = UserFactory(
        username="judge3", role="JUDGE", court=world.court, department=world.judge.department
    )
    case.procedure = "ORDINARY"
    case.save()
    case_assign(
        case=case, actor=world.filer, judge=world.judge, members=[world.judge2, judge3], reason="重大案件"
    )
    case.refresh_from_db()
    with pytest.raises(InvalidInputError) as caught:
        case_assign(case=case, actor=world.filer, judge=world.judge, members=[world.judge], reason="x")
    assert caught.value.detail["field"] == "panel_size"  # two seats is an even panel
    case_assign(case=case, actor=world.filer, judge=world.judge2, reason="承办人调整")
    assert list(PanelMember.objects.filter(case=case)) == []
    case.refresh_from_db()
    assert case.responsible_judge == world.judge2


def test_a_judge_cannot_assign(world, case):
    with pytest.raises(NotPermittedError):
        case_assign(case=case, actor=world.judge)
    assert Assignment.objects.count() == 0


def test_an_illegal_transition_changes_nothing(world, case):
    with pytest.raises(NotPermittedError):
        case_transition(case=case, actor=world.judge, action="START_TRIAL")  # not yet the judge of the case
    case = _assigned(world, case)
    with pytest.raises(ConflictError) as caught:
        case_transition(case=case, actor=world.judge, action="ARCHIVE")
    assert caught.value.code == "case.illegal_transition"
    assert caught.value.message == "案件处于「已分案」状态，不能「归档」"
    assert caught.value.detail["allowed"] == ["REASSIGN", "START_TRIAL", "CLOSE"]
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSIGNED
    assert CaseEvent.objects.filter(case=case, action="ARCHIVE").count() == 0


def test_the_full_course_of_a_case(world, case):
    case = _assigned(world, case)
    with time_machine.travel(date(2025, 3, 10), tick=False):
        case = case_transition(case=case, actor=world.judge, action="START_TRIAL")
    assert case.status == CaseStatus.IN_TRIAL
    with time_machine.travel(date(2025, 4, 1), tick=False):
        case = case_transition(case=case, actor=world.judge, action="SUSPEND", reason="等待另案审理结果")
    assert case.status == CaseStatus.SUSPENDED
    with time_machine.travel(date(2025, 4, 21), tick=False):
        case = case_transition(case=case, actor=world.judge, action="RESUME")
    # 简易程序: 2025-03-03 + 3 months = 2025-06-03; 21 suspended days (4-1..4-21) → 2025-06-24.
    assert case.deadline == date(2025, 6, 24)
    assert TimeLimitAdjustment.objects.get(case=case).end_on == date(2025, 4, 21)
    with time_machine.travel(date(2025, 5, 6), tick=False):
        case = case_transition(case=case, actor=world.judge, action="CLOSE", closure_method="MEDIATION")
    assert (case.status, case.closed_on, case.closure_method) == (
        CaseStatus.CLOSED,
        date(2025, 5, 6),
        "MEDIATION",
    )
    case = case_transition(case=case, actor=world.leader, action="ARCHIVE")
    assert case.status == CaseStatus.ARCHIVED
    actions = list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))
    assert actions == ["REGISTER", "ASSIGN", "START_TRIAL", "SUSPEND", "RESUME", "CLOSE", "ARCHIVE"]


def test_suspending_needs_a_reason(world, case):
    case = _assigned(world, case)
    case = case_transition(case=case, actor=world.judge, action="START_TRIAL")
    with pytest.raises(InvalidInputError) as caught:
        case_transition(case=case, actor=world.judge, action="SUSPEND")
    assert caught.value.detail["field"] == "reason"
    assert Case.objects.get(pk=case.pk).status == CaseStatus.IN_TRIAL


def test_an_unknown_closure_method_is_refused(world, case):
    case = _assigned(world, case)
    with pytest.raises(InvalidInputError):
        case_transition(case=case, actor=world.judge, action="CLOSE", closure_method="COIN_TOSS")
    assert Case.objects.get(pk=case.pk).status == CaseStatus.ASSIGNED


def test_time_limit_suspension_and_extension(world, case):
    case = _assigned(world, case)
    with time_machine.travel(date(2025, 4, 1), tick=False):
        case_time_limit_suspend(
            case=case,
            actor=world.judge,
            start_on=date(2025, 3, 10),
            end_on=date(2025, 3, 19),
            reason="司法鉴定",
        )
    case.refresh_from_db()
    assert case.deadline == date(2025, 6, 13)  # 10 days not counted
    case_time_limit_extend(case=case, actor=world.leader, months=1, reason="案情复杂，经院长批准")
    case.refresh_from_db()
    assert case.deadline == date(2025, 7, 14)  # 2025-07-13 is a Sunday
    assert any("延长" in line for line in case.deadline_basis)


def test_an_extension_beyond_the_rule_is_refused_and_not_saved(world, case):
    case = _assigned(world, case)
    with pytest.raises(InvalidInputError):
        case_time_limit_extend(case=case, actor=world.leader, months=6, reason="超过简易程序可延长期限")
    assert TimeLimitAdjustment.objects.count() == 0
    assert Case.objects.get(pk=case.pk).deadline == case.deadline


def test_only_the_court_leader_may_extend(world, case):
    case = _assigned(world, case)
    with pytest.raises(NotPermittedError):
        case_time_limit_extend(case=case, actor=world.judge, months=1, reason="x")
    assert TimeLimitAdjustment.objects.count() == 0


def test_a_suspension_ending_before_it_starts_is_refused(world, case):
    case = _assigned(world, case)
    with pytest.raises(InvalidInputError) as caught:
        case_time_limit_suspend(
            case=case, actor=world.judge, start_on=date(2025, 3, 20), end_on=date(2025, 3, 10), reason="公告"
        )
    assert caught.value.detail["field"] == "end_on"
