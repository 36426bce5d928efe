"""The audit trail: every write with who, when, before and after; every ID-number view logged."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client

from smartcourt.apps.audit.models import SensitiveRead
from smartcourt.apps.cases.selectors import case_history
from smartcourt.apps.cases.services import case_assign, case_transition
from tests.apps.factories import register_civil

pytestmark = pytest.mark.django_db


def test_every_write_of_a_case_course_is_in_its_history_with_the_actor(world):
    with time_machine.travel(date(2025, 3, 3), tick=False):
        case = register_civil(world)
        case_assign(case=case, actor=world.filer, judge=world.judge, reason="对口")
    case.refresh_from_db()
    case_transition(case=case, actor=world.judge, action="START_TRIAL")
    history = case_history(case=case)
    newest = history[0]
    assert newest.actor.startswith(world.judge.full_name)
    assert newest.changes == {"案件状态": ["已分案", "审理中"]}
    created_models = sorted(h.model for h in history if h.action == "新增")
    assert created_models == sorted(["分案记录", "案件", "当事人", "当事人"])
    assert [h.actor for h in history if h.actor == "系统"] == []


def test_revealing_an_id_number_in_the_web_ui_is_logged(world):
    with time_machine.travel(date(2025, 3, 3), tick=False):
        case = register_civil(world)
    party = case.parties.first()
    client = Client()
    client.force_login(world.filer)
    response = client.post(f"/cases/{case.pk}/parties/{party.pk}/id-number/")
    assert response.status_code == 200
    assert party.id_number in response.content.decode()
    read = SensitiveRead.objects.get()
    assert (read.actor, read.object_id, read.channel) == (world.filer, str(party.pk), "web")
    client.force_login(world.other_judge)
    response = client.post(f"/cases/{case.pk}/parties/{party.pk}/id-number/")
    assert response.status_code == 404
    assert SensitiveRead.objects.count() == 1


def test_the_case_page_masks_id_numbers_and_shows_the_history(world):
    with time_machine.travel(date(2025, 3, 3), tick=False):
        case = register_civil(world)
    party = case.parties.first()
    client = Client()
    client.force_login(world.filer)
    html = client.get(f"/cases/{case.pk}/").content.decode()
    assert party.masked_id_number in html
    assert party.id_number not in html
    assert "变更记录" in html
    assert SensitiveRead.objects.count() == 0
