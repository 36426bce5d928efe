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


# Two accused, two charges, each charge in its own numbered paragraph (generated, no real names).
MULTI_FACTS = (
    "经审理查明：\n"
    "一、2024年3月1日，被告人甲某伙同被告人乙某在某超市内秘密窃取他人手机一部，经鉴定价值人民币40000元。\n"
    "二、2024年4月2日，被告人甲某以帮助办理贷款为由，虚构事实，骗取被害人人民币30000元。\n"
    "被告人甲某到案后如实供述，退赔被害人损失并取得谅解。"
    "被告人乙某在共同犯罪中起次要作用，系从犯；案发后，被告人乙某主动投案，如实供述了自己的罪行。"
)


def register_criminal(
    world: World,
    charge: str = "盗窃",
    summary: str = "",
    *,
    charges: tuple[str, ...] | None = None,
    accused: tuple[str, ...] = ("甲某",),
) -> Case:
    with time_machine.travel(date(2025, 3, 3), tick=False):
        return case_register(
            officer=world.filer,
            registration=civil_registration(
                case_type="刑初",
                procedure="ORDINARY",
                cause_of_action="",
                charges=charges or (charge,),
                claim_amount=None,
                summary=summary,
                parties=(
                    PartyInput(role="PROSECUTOR", kind="LEGAL_PERSON", name="杭州市上城区人民检察院"),
                    *(person("ACCUSED", name=name) for name in accused),
                ),
            ),
        )


def register_multi(world: World) -> Case:
    """A case of two accused (甲某, 乙某) and two charges (盗窃, 诈骗)."""
    return register_criminal(world, charges=("盗窃", "诈骗"), accused=("甲某", "乙某"))


@pytest.fixture
def criminal_case(world: World) -> Case:
    return register_criminal(world)
