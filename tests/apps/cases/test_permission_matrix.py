"""Every case endpoint against the four kinds of viewer; a refused write leaves no trace."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client

from smartcourt.apps.audit.models import SensitiveRead
from smartcourt.apps.cases.models import Assignment, Case, CaseEvent, TimeLimitAdjustment
from tests.apps.factories import register_civil

pytestmark = pytest.mark.django_db

VIEWERS = ["anonymous", "stranger", "other_judge", "judge"]

# (method, path template, body, expected status per viewer)
ENDPOINTS = [
    ("get", "/api/v1/cases/{case}", None, {"judge": 200}),
    ("get", "/api/v1/cases/{case}/history", None, {"judge": 200}),
    ("get", "/api/v1/cases/{case}/parties/{party}/id-number", None, {"judge": 200}),
    ("post", "/api/v1/cases/{case}/assignment", {"reason": ""}, {"judge": 403}),
    ("post", "/api/v1/cases/{case}/transitions", {"action": "START_TRIAL"}, {"judge": 200}),
    (
        "post",
        "/api/v1/cases/{case}/time-limit/suspensions",
        {"start_on": "2025-03-10", "end_on": "2025-03-12", "reason": "公告送达"},
        {"judge": 200},
    ),
    (
        "post",
        "/api/v1/cases/{case}/time-limit/extensions",
        {"months": 1, "reason": "案情复杂"},
        {"judge": 403},
    ),
]
DEFAULT = {"anonymous": 401, "stranger": 404, "other_judge": 404}


def _state(case: Case) -> tuple:
    case.refresh_from_db()
    return (
        case.status,
        case.deadline,
        case.responsible_judge_id,
        CaseEvent.objects.filter(case=case).count(),
        Assignment.objects.filter(case=case).count(),
        TimeLimitAdjustment.objects.filter(case=case).count(),
        SensitiveRead.objects.count(),
    )


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize(
    ("method", "path", "body", "allowed"), ENDPOINTS, ids=[e[1] + ":" + e[0] for e in ENDPOINTS]
)
def test_endpoint_permissions(world, viewer, method, path, body, allowed):
    with time_machine.travel(date(2025, 3, 3), tick=False):
        case = register_civil(world)
    case.responsible_judge = world.judge
    case.status = "ASSIGNED"
    case.save()
    party = case.parties.first()
    client = Client()
    if viewer != "anonymous":
        client.force_login(getattr(world, viewer))
    before = _state(case)
    url = path.format(case=case.pk, party=party.pk)
    with time_machine.travel(date(2025, 3, 20), tick=False):
        if method == "get":
            response = client.get(url)
        else:
            response = client.post(url, body, content_type="application/json")
    expected = {**DEFAULT, **allowed}[viewer]
    assert response.status_code == expected, response.content
    if expected != 200:
        assert set(response.json()) == {"code", "message", "detail"}
        assert _state(case) == before
    elif method == "post":
        assert _state(case) != before
