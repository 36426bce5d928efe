"""Demo element tables: generated texts on a few open cases of the four causes, built by the case's judge."""

from __future__ import annotations

import pytest

from smartcourt.apps.cases.models import Case
from smartcourt.apps.element_trial.demo import demo_element_tables
from smartcourt.apps.element_trial.models import ElementSheet
from tests.apps.factories import register_civil

pytestmark = pytest.mark.django_db

CAUSES = ("民间借贷纠纷", "机动车交通事故责任纠纷", "离婚纠纷", "劳动合同纠纷", "买卖合同纠纷")


def test_demo_tables_on_open_cases_of_the_four_causes(world) -> None:
    for cause in CAUSES:
        case = register_civil(world, cause_of_action=cause)
        Case.objects.filter(pk=case.pk).update(responsible_judge=world.judge, status="IN_TRIAL")
    assert demo_element_tables(court_id=world.court.pk, seed=3, per_cause=2) == 4
    sheets = ElementSheet.objects.select_related("case").order_by("case__cause_of_action")
    assert {(s.case.cause_of_action, s.cause, s.text_source) for s in sheets} == {
        ("民间借贷纠纷", "private_lending", "GENERATED"),
        ("机动车交通事故责任纠纷", "traffic_accident", "GENERATED"),
        ("离婚纠纷", "divorce", "GENERATED"),
        ("劳动合同纠纷", "labor_dispute", "GENERATED"),
    }
    for sheet in sheets:
        statuses = set(sheet.rows.values_list("status", flat=True))
        assert {"agreed", "disputed"} <= statuses, sheet.cause
        assert sheet.built_by == world.judge
