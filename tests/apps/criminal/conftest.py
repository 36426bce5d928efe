from __future__ import annotations

from datetime import date

import pytest
import time_machine

from smartcourt.apps.cases.models import Case
from smartcourt.apps.cases.services import PartyInput, case_register
from tests.apps.factories import World, civil_registration, person

THEFT_FACTS = (
    "经审理查明：2024年3月1日，被告人在某超市内秘密窃取他人手机一部，经鉴定价值人民币5000元。"
    "被告人到案后如实供述，退赔被害人损失并取得谅解。被告人自愿认罪认罚。"
)


def register_criminal(world: World, charge: str = "盗窃", summary: str = "") -> Case:
    with time_machine.travel(date(2025, 3, 3), tick=False):
        return case_register(
            officer=world.filer,
            registration=civil_registration(
                case_type="刑初",
                procedure="ORDINARY",
                cause_of_action="",
                charges=(charge,),
                claim_amount=None,
                summary=summary,
                parties=(
                    PartyInput(role="PROSECUTOR", kind="LEGAL_PERSON", name="杭州市上城区人民检察院"),
                    person("ACCUSED", name="甲某"),
                ),
            ),
        )


@pytest.fixture
def criminal_case(world: World) -> Case:
    return register_criminal(world)
