"""``smartcourt demo``: deterministic for a seed, valid numbers everywhere, no duplicate case numbers."""

from __future__ import annotations

import hashlib
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.cases.models import Case, CaseNumberSequence, Party
from smartcourt.apps.courts.models import Court, CourtLevel
from smartcourt.engines import catalogs, validation

pytestmark = pytest.mark.django_db(transaction=True)


def _fingerprint() -> str:
    rows = Case.objects.order_by("case_number").values_list("case_number", "status", "deadline", "title")
    parties = Party.objects.order_by("case__case_number", "position").values_list("name", "id_number")
    return hashlib.sha256(repr((list(rows), list(parties))).encode()).hexdigest()


def _flush() -> None:
    call_command("flush", "--noinput", verbosity=0)


def test_demo_builds_a_province_with_valid_data_and_is_deterministic():
    out = StringIO()
    call_command("demo", "--cases", "300", "--seed", "7", "--as-of", "2025-06-30", stdout=out)
    assert "已生成 14 个法院" in out.getvalue()
    assert "judge" in out.getvalue()
    levels = sorted(Court.objects.values_list("level", flat=True))
    assert levels.count(CourtLevel.HIGH) == 1
    assert levels.count(CourtLevel.INTERMEDIATE) == 3
    assert levels.count(CourtLevel.BASIC) == 10
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    assert Case.objects.count() == 300
    for case in Case.objects.all():
        number = catalogs.parse_case_number(case.case_number)
        assert (number.year, number.court_code, number.case_type, number.sequence) == (
            case.year,
            case.court.code,
            case.case_type,
            case.sequence,
        )
        assert case.registered_on <= date(2025, 6, 30)
    for party in Party.objects.exclude(id_number=""):
        validation.validate_identity(validation.IdType[party.id_type], party.id_number)
    for sequence in CaseNumberSequence.objects.all():
        numbers = Case.objects.filter(court=sequence.court, year=sequence.year, case_type=sequence.case_type)
        assert sorted(numbers.values_list("sequence", flat=True)) == list(range(1, sequence.last_value + 1))
    first = _fingerprint()
    _flush()
    call_command("demo", "--cases", "300", "--seed", "7", "--as-of", "2025-06-30", stdout=StringIO())
    assert _fingerprint() == first
    _flush()
    call_command("demo", "--cases", "300", "--seed", "8", "--as-of", "2025-06-30", stdout=StringIO())
    assert _fingerprint() != first


def test_demo_refuses_a_database_that_has_data_and_if_empty_skips():
    call_command("demo", "--cases", "10", "--seed", "1", stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("demo", "--cases", "10", stdout=StringIO())
    out = StringIO()
    call_command("demo", "--cases", "10", "--if-empty", stdout=out)
    assert "跳过" in out.getvalue()
    assert Case.objects.count() == 10


def test_a_registration_after_the_demo_continues_the_numbering():
    from smartcourt.apps.cases.services import CaseRegistration, PartyInput, case_register

    call_command("demo", "--cases", "200", "--seed", "3", stdout=StringIO())
    filer = User.objects.get(username="filer")
    before = CaseNumberSequence.objects.filter(court=filer.court, case_type="民初").order_by("-year").first()
    import random

    rng = random.Random(1)
    case = case_register(
        officer=filer,
        registration=CaseRegistration(
            case_type="民初",
            procedure="SIMPLE",
            cause_of_action="买卖合同纠纷",
            parties=(
                PartyInput(
                    role="PLAINTIFF",
                    kind="NATURAL_PERSON",
                    name="甲",
                    id_number=validation.make_id_number(rng),
                ),
                PartyInput(
                    role="DEFENDANT",
                    kind="NATURAL_PERSON",
                    name="乙",
                    id_number=validation.make_id_number(rng),
                ),
            ),
        ),
    )
    if before is not None and before.year == case.year:
        assert case.sequence == before.last_value + 1
    else:
        assert case.sequence == 1
