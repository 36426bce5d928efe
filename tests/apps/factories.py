"""factory_boy factories and a small world of courts for the app tests (all data generated)."""

from __future__ import annotations

import random
from dataclasses import dataclass

import factory
from faker import Faker

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.cases.models import Case
from smartcourt.apps.cases.services import CaseRegistration, PartyInput, case_register
from smartcourt.apps.courts.models import Court, CourtLevel, Department, DepartmentKind
from smartcourt.engines.validation import make_credit_code, make_id_number

_fake = Faker("zh_CN")
_rng = random.Random(20261127)


class CourtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Court

    name = factory.Sequence(lambda n: f"测试市第{n}区人民法院")
    code = factory.Sequence(lambda n: f"浙{n + 1:04d}")
    level = CourtLevel.BASIC
    division_code = "330102"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    court = factory.SubFactory(CourtFactory)
    name = factory.Sequence(lambda n: f"第{n}庭")
    kind = DepartmentKind.CIVIL


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.LazyFunction(_fake.name)
    role = Role.JUDGE
    password = factory.PostGenerationMethodCall("set_password", "Tq7#rW2m9!xL")

    @factory.post_generation
    def _save(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


def person(role: str, *, name: str | None = None, birth_year: int = 1985) -> PartyInput:
    from datetime import date

    return PartyInput(
        role=role,
        kind="NATURAL_PERSON",
        name=name or _fake.name(),
        id_type="RESIDENT_ID",
        id_number=make_id_number(_rng, area_code="330102", birth_date=date(birth_year, 5, 17)),
        address=_fake.address(),
    )


def company(role: str) -> PartyInput:
    return PartyInput(
        role=role,
        kind="LEGAL_PERSON",
        name=_fake.company(),
        id_type="CREDIT_CODE",
        id_number=make_credit_code(_rng, area_code="330102"),
        legal_representative=_fake.name(),
    )


@dataclass
class World:
    """Two provinces' worth of roles: a high court over a basic court, and an unrelated basic court."""

    high: Court
    court: Court
    other_court: Court
    filer: User
    judge: User
    judge2: User
    clerk: User
    leader: User
    manager: User
    high_manager: User
    it_admin: User
    other_judge: User
    other_filer: User
    litigant: User
    lawyer: User
    stranger: User


def make_world() -> World:
    high = CourtFactory(name="浙江省高级人民法院", code="浙", level=CourtLevel.HIGH, division_code="330000")
    mid = CourtFactory(
        name="杭州市中级人民法院",
        code="浙01",
        level=CourtLevel.INTERMEDIATE,
        parent=high,
        division_code="330100",
    )
    court = CourtFactory(name="杭州市上城区人民法院", code="浙0102", parent=mid)
    other = CourtFactory(name="北京市朝阳区人民法院", code="京0105", division_code="110105")
    depts = {}
    for c in (court, other, high):
        for name, kind in (
            ("立案庭", DepartmentKind.FILING),
            ("民一庭", DepartmentKind.CIVIL),
            ("刑事审判庭", DepartmentKind.CRIMINAL),
            ("执行局", DepartmentKind.ENFORCEMENT),
            ("审管办", DepartmentKind.CASE_MANAGEMENT),
            ("信息中心", DepartmentKind.IT),
        ):
            depts[(c.pk, name)] = DepartmentFactory(court=c, name=name, kind=kind)

    def staff(role: str, c: Court, dept: str, username: str) -> User:
        return UserFactory(username=username, role=role, court=c, department=depts[(c.pk, dept)])

    return World(
        high=high,
        court=court,
        other_court=other,
        filer=staff(Role.FILING_OFFICER, court, "立案庭", "filer"),
        judge=staff(Role.JUDGE, court, "民一庭", "judge"),
        judge2=staff(Role.JUDGE, court, "民一庭", "judge2"),
        clerk=staff(Role.CLERK, court, "民一庭", "clerk"),
        leader=staff(Role.COURT_LEADER, court, "审管办", "leader"),
        manager=staff(Role.CASE_MANAGEMENT, court, "审管办", "manager"),
        high_manager=staff(Role.CASE_MANAGEMENT, high, "审管办", "high_manager"),
        it_admin=staff(Role.IT_ADMIN, court, "信息中心", "itadmin"),
        other_judge=staff(Role.JUDGE, other, "民一庭", "other_judge"),
        other_filer=staff(Role.FILING_OFFICER, other, "立案庭", "other_filer"),
        litigant=UserFactory(username="litigant", role=Role.LITIGANT),
        lawyer=UserFactory(username="lawyer", role=Role.LAWYER),
        stranger=UserFactory(username="stranger", role=Role.LITIGANT),
    )


def civil_registration(**overrides: object) -> CaseRegistration:
    values: dict[str, object] = {
        "case_type": "民初",
        "procedure": "SIMPLE",
        "cause_of_action": "民间借贷纠纷",
        "claim_amount": "50000",
        "parties": (person("PLAINTIFF"), person("DEFENDANT")),
    }
    values.update(overrides)
    return CaseRegistration(**values)  # type: ignore[arg-type]


def register_civil(world: World, **overrides: object) -> Case:
    return case_register(officer=world.filer, registration=civil_registration(**overrides))
