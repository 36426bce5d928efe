"""The data migration to per-(accused, charge) assessments: an existing assessment's charge and overrides
become the first accused's first charge, its override records follow, and the way back restores them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from smartcourt.apps.criminal import selectors
from tests.apps.criminal.conftest import THEFT_FACTS, register_criminal

BEFORE = [("criminal", "0001_initial")]
AFTER = [("criminal", "0004_remove_case_level_charge_and_overrides")]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_existing_rows_become_the_first_accuseds_first_charge(world):
    case = register_criminal(world, accused=("甲某", "乙某"))
    first = selectors.accused_list(case=case)[0]
    old = _migrate(BEFORE)
    row = old.get_model("criminal", "SentencingAssessment").objects.create(
        case_id=case.pk,
        charge="盗窃",
        facts=THEFT_FACTS,
        overrides={"facts": {"amount": "40000"}, "circumstances": {"surrender": {"action": "ADD"}}},
        version=3,
        updated_by_id=world.judge.pk,
    )
    old.get_model("criminal", "SentencingOverride").objects.create(
        assessment=row,
        target="FACT",
        name="amount",
        label="犯罪数额（元）",
        action="SET",
        before="5000",
        after="40000",
        reason="价格认定书",
        actor_id=world.judge.pk,
        created_at=timezone.now(),
    )
    new = _migrate(AFTER)
    item = new.get_model("criminal", "ChargeAssessment").objects.get()
    assert (item.accused_id, item.charge_index, item.charge, item.excluded) == (first.pk, 0, "", False)
    assert item.overrides == {"facts": {"amount": "40000"}, "circumstances": {"surrender": {"action": "ADD"}}}
    override = new.get_model("criminal", "SentencingOverride").objects.get()
    assert override.charge_assessment_id == item.pk
    sentencing = selectors.case_sentencing(case=case)
    assert sentencing.primary.facts.amount == 40000
    assert "surrender" in [c.kind for c in sentencing.primary.circumstances]
    assert sentencing.accused[1].items[0].facts.amount == 5000
    back = _migrate(BEFORE)
    restored = back.get_model("criminal", "SentencingAssessment").objects.get()
    assert (restored.charge, restored.overrides["facts"]) == ("盗窃", {"amount": "40000"})
    _migrate(AFTER)
