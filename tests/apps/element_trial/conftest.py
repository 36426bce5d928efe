"""A generated civil case of 民间借贷纠纷 with its trial team, and generated complaint/answer texts."""

from __future__ import annotations

import pytest

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.cases.models import Case
from tests.apps.factories import UserFactory, World, register_civil

COMPLAINT = (
    "原告与被告系朋友关系。2023年3月1日，被告因经营需要向原告借款，并出具借条一份，约定借款金额为人民币80000元，"
    "约定年利率12%，借期一年。原告于2023年3月1日通过银行转账向被告交付借款80000元。借款到期后，被告仅归还10000元，"
    "余款经原告多次催讨未果。"
)
ANSWER = "被告对借款80000元无异议，对交付时间无异议。双方未约定利息，被告对利率有异议。被告已归还30000元，对还款情况有异议。"


@pytest.fixture
def case(world: World) -> Case:
    case = register_civil(world)
    case.responsible_judge = world.judge
    case.clerk = world.clerk
    case.department = world.judge.department
    case.save(update_fields=["responsible_judge", "clerk", "department"])
    party = case.parties.get(role="PLAINTIFF")
    party.user = world.litigant
    party.save(update_fields=["user"])
    return case


@pytest.fixture
def assistant(world: World) -> User:
    return UserFactory(
        username="assistant", role=Role.JUDGE_ASSISTANT, court=world.court, department=world.judge.department
    )
