"""立案: numbering, validation with field-level Chinese errors, nothing half-saved, duplicates, permissions."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from auditlog.models import LogEntry

from smartcourt.apps.cases.models import Case, CaseEvent, CaseNumberSequence, Party
from smartcourt.apps.cases.services import PartyInput, case_register
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from smartcourt.engines.procedure import CaseStatus
from tests.apps.factories import civil_registration, company, person, register_civil

pytestmark = pytest.mark.django_db

FROZEN = time_machine.travel(date(2025, 7, 1), tick=False)


@FROZEN
def test_register_gives_consecutive_case_numbers_and_a_deadline(world):
    first = register_civil(world)
    second = register_civil(world, parties=(person("PLAINTIFF"), company("DEFENDANT")))

    assert first.case_number == "（2025）浙0102民初1号"
    assert second.case_number == "（2025）浙0102民初2号"
    assert first.status == CaseStatus.REGISTERED
    assert first.category == "CIVIL"
    assert first.time_limit_rule == "civil_first_simple"
    # 简易程序 3 months from 2025-07-01 ends 2025-10-01, inside the National Day holiday: moved to 2025-10-09.
    assert first.deadline == date(2025, 10, 9)
    assert first.title.endswith("民间借贷纠纷")
    assert CaseNumberSequence.objects.get(court=world.court, year=2025, case_type="民初").last_value == 2


@FROZEN
def test_register_derives_sex_and_birth_date_from_the_id_number(world):
    case = register_civil(world, parties=(person("PLAINTIFF", birth_year=1979), company("DEFENDANT")))
    plaintiff = case.parties.get(role="PLAINTIFF")
    assert plaintiff.birth_date == date(1979, 5, 17)
    assert plaintiff.sex in ("M", "F")
    assert case.parties.get(role="DEFENDANT").id_type == "CREDIT_CODE"


@FROZEN
def test_register_records_the_event_and_the_audit_trail_with_the_actor(world):
    case = register_civil(world)
    event = CaseEvent.objects.get(case=case)
    assert (event.action, event.to_status, event.actor) == ("REGISTER", "REGISTERED", world.filer)
    entry = LogEntry.objects.get_for_object(case).get()
    assert entry.actor == world.filer
    assert entry.action == LogEntry.Action.CREATE


def _tampered_id() -> str:
    good = person("DEFENDANT").id_number
    last = "0" if good[-1] != "0" else "1"
    return good[:-1] + last


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"case_type": "民X"}, "case_type", None),
        ({"cause_of_action": "不存在的纠纷"}, "cause_of_action", None),
        ({"cause_of_action": ""}, "cause_of_action", "case.missing_field"),
        ({"claim_amount": "一万元"}, "claim_amount", "case.bad_amount"),
        ({"claim_amount": "-5"}, "claim_amount", "case.bad_amount"),
        ({"procedure": "FAST_TRACK"}, "procedure", "case.bad_procedure"),
        ({"parties": (person("PLAINTIFF"),)}, "parties", "case.party_roles"),
        ({"parties": (person("PLAINTIFF"), person("ACCUSED"))}, "parties", "case.party_roles"),
        (
            {"parties": (person("PLAINTIFF", name="张" * 101), person("DEFENDANT"))},
            "parties[0].name",
            "case.field_too_long",
        ),
        (
            {"parties": (person("PLAINTIFF", name="  "), person("DEFENDANT"))},
            "parties[0].name",
            "case.missing_field",
        ),
        ({"summary": "事" * 5001}, "summary", "case.field_too_long"),
    ],
)
@FROZEN
def test_bad_input_names_the_field_and_saves_nothing(world, overrides, field, code):
    with pytest.raises(InvalidInputError) as caught:
        register_civil(world, **overrides)
    assert caught.value.detail["field"] == field
    if code is not None:
        assert caught.value.code == code
    assert re.search(r"[\u4e00-\u9fff]{4}", caught.value.message)  # a Chinese sentence, shown as is
    assert Case.objects.count() == 0
    assert Party.objects.count() == 0
    assert CaseNumberSequence.objects.count() == 0


@FROZEN
def test_a_tampered_id_number_is_refused_with_the_check_digit_rule(world):
    bad = PartyInput(
        role="DEFENDANT", kind="NATURAL_PERSON", name="李四", id_type="RESIDENT_ID", id_number=_tampered_id()
    )
    with pytest.raises(InvalidInputError) as caught:
        register_civil(world, parties=(person("PLAINTIFF"), bad))
    assert caught.value.detail["field"] == "parties[1].id_number"
    assert "校验" in caught.value.message
    assert Case.objects.count() == 0


@FROZEN
def test_a_bad_credit_code_is_refused(world):
    bad = PartyInput(
        role="DEFENDANT",
        kind="LEGAL_PERSON",
        name="某某有限公司",
        id_type="CREDIT_CODE",
        id_number="91330102MA2XXXXXX0",
    )
    with pytest.raises(InvalidInputError) as caught:
        register_civil(world, parties=(person("PLAINTIFF"), bad))
    assert caught.value.detail["field"] == "parties[1].id_number"
    assert Case.objects.count() == 0


@FROZEN
def test_a_duplicate_registration_is_refused_and_names_the_existing_case(world):
    parties = (person("PLAINTIFF"), person("DEFENDANT"))
    first = register_civil(world, parties=parties)
    with pytest.raises(ConflictError) as caught:
        register_civil(world, parties=parties)
    assert caught.value.code == "case.duplicate_registration"
    assert caught.value.detail["existing_case_number"] == first.case_number
    assert Case.objects.count() == 1
    assert CaseNumberSequence.objects.get().last_value == 1


@FROZEN
def test_a_criminal_case_needs_a_known_charge(world):
    registration = civil_registration(
        case_type="刑初",
        procedure="ORDINARY",
        cause_of_action="",
        charges=("盗窃",),
        parties=(
            PartyInput(role="PROSECUTOR", kind="LEGAL_PERSON", name="杭州市上城区人民检察院"),
            person("ACCUSED"),
        ),
        claim_amount=None,
    )
    case = case_register(officer=world.filer, registration=registration)
    assert case.charges == ["盗窃罪"]
    assert case.case_number == "（2025）浙0102刑初1号"
    assert case.time_limit_rule == "criminal_first"
    with pytest.raises(InvalidInputError) as caught:
        case_register(
            officer=world.filer,
            registration=civil_registration(
                case_type="刑初",
                procedure="ORDINARY",
                cause_of_action="",
                charges=("不存在罪",),
                parties=(person("ACCUSED"),),
                claim_amount=None,
            ),
        )
    assert caught.value.detail["field"] == "charges"


@pytest.mark.parametrize("who", ["judge", "clerk", "it_admin", "litigant", "other_filer"])
@FROZEN
def test_only_filing_staff_of_the_court_may_register(world, who):
    with pytest.raises(NotPermittedError):
        case_register(officer=getattr(world, who), registration=civil_registration(), court=world.court)
    assert Case.objects.count() == 0


@FROZEN
def test_a_registration_date_in_the_future_is_refused(world):
    with pytest.raises(InvalidInputError) as caught:
        register_civil(world, registered_on=date(2025, 7, 2))
    assert caught.value.detail["field"] == "registered_on"


@FROZEN
def test_a_company_on_the_filing_side_needs_its_credit_code_the_other_side_may_lack_it(world):
    unnamed = PartyInput(role="DEFENDANT", kind="LEGAL_PERSON", name="某某贸易有限公司")
    case = register_civil(world, parties=(person("PLAINTIFF"), unnamed))
    assert case.parties.get(role="DEFENDANT").id_number == ""
    plaintiff = PartyInput(role="PLAINTIFF", kind="LEGAL_PERSON", name="某某科技有限公司")
    with pytest.raises(InvalidInputError) as caught:
        register_civil(world, parties=(plaintiff, person("DEFENDANT")))
    assert caught.value.detail["field"] == "parties[0].id_number"
    assert Case.objects.count() == 1
