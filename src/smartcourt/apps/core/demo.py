"""Demo data: one province's courts, staff of every role, and N generated cases.

Everything is generated (Faker zh_CN names and addresses, ID numbers and credit codes with valid check
digits from ``engines.validation``); no real judgment text or real person is used. The result is
deterministic for a seed and an as-of date. Cases are written with ``bulk_create`` in batches, so 100,000
cases take well under three minutes; the demo is seed data, so its rows are not audited one by one.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.management.color import no_style
from django.db import connection, transaction
from faker import Faker

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.accounts.services import demo_real_names_attach
from smartcourt.apps.cases.models import (
    Assignment,
    AssignmentMethod,
    Case,
    CaseEvent,
    CaseNumberSequence,
    Counsel,
    PanelMember,
    PanelRole,
    Party,
)
from smartcourt.apps.cases.rules import REGISTER_RULE, compute_deadline, format_number, time_limit_rule
from smartcourt.apps.courts.models import Court, CourtLevel, Department, DepartmentKind
from smartcourt.engines import catalogs, validation
from smartcourt.engines.procedure import TRANSITIONS, CaseAction, CaseStatus, ClosureMethod

DEMO_PASSWORD = "Sc#Demo-2468"
_TZ = ZoneInfo("Asia/Shanghai")

# 浙江省: the high court, three intermediate courts and ten basic courts. A basic court's 法院代字 is the
# province's short name plus the last four digits of its county's division code (法〔2015〕137号 附件).
PROVINCE = ("浙江省高级人民法院", "浙", "330000")
INTERMEDIATE = [
    ("杭州市中级人民法院", "浙01", "330100"),
    ("宁波市中级人民法院", "浙02", "330200"),
    ("温州市中级人民法院", "浙03", "330300"),
]
BASIC = [
    ("杭州市上城区人民法院", "浙0102", "330102", 0),
    ("杭州市拱墅区人民法院", "浙0105", "330105", 0),
    ("杭州市西湖区人民法院", "浙0106", "330106", 0),
    ("杭州市滨江区人民法院", "浙0108", "330108", 0),
    ("宁波市海曙区人民法院", "浙0203", "330203", 1),
    ("宁波市江北区人民法院", "浙0205", "330205", 1),
    ("宁波市鄞州区人民法院", "浙0212", "330212", 1),
    ("温州市鹿城区人民法院", "浙0302", "330302", 2),
    ("温州市龙湾区人民法院", "浙0303", "330303", 2),
    ("温州市瓯海区人民法院", "浙0304", "330304", 2),
]
DEPARTMENTS = [
    ("立案庭", DepartmentKind.FILING),
    ("民一庭", DepartmentKind.CIVIL),
    ("民二庭", DepartmentKind.CIVIL),
    ("刑事审判庭", DepartmentKind.CRIMINAL),
    ("行政审判庭", DepartmentKind.ADMINISTRATIVE),
    ("执行局", DepartmentKind.ENFORCEMENT),
    ("审判管理办公室", DepartmentKind.CASE_MANAGEMENT),
    ("信息技术中心", DepartmentKind.IT),
    ("院领导", DepartmentKind.LEADERSHIP),
]
# (role, department name, how many) per court.
STAFF = [
    (Role.COURT_LEADER, "院领导", 1),
    (Role.CASE_MANAGEMENT, "审判管理办公室", 1),
    (Role.IT_ADMIN, "信息技术中心", 1),
    (Role.FILING_OFFICER, "立案庭", 2),
    (Role.JUDGE, "民一庭", 3),
    (Role.JUDGE, "民二庭", 2),
    (Role.JUDGE, "刑事审判庭", 2),
    (Role.JUDGE, "行政审判庭", 1),
    (Role.ENFORCEMENT_JUDGE, "执行局", 2),
    (Role.ENFORCEMENT_OFFICER, "执行局", 2),
    (Role.JUDGE_ASSISTANT, "民一庭", 2),
    (Role.CLERK, "民一庭", 2),
    (Role.CLERK, "刑事审判庭", 1),
]
# Short usernames for the first basic court's staff, printed by ``smartcourt demo``.
NAMED = {
    Role.FILING_OFFICER: "filer",
    Role.JUDGE: "judge",
    Role.CLERK: "clerk",
    Role.COURT_LEADER: "leader",
    Role.CASE_MANAGEMENT: "manager",
    Role.IT_ADMIN: "itadmin",
    Role.ENFORCEMENT_JUDGE: "enforcer",
    Role.JUDGE_ASSISTANT: "assistant",
    Role.ENFORCEMENT_OFFICER: "bailiff",
}

# Case mix for basic courts: (case type, procedure, weight).
BASIC_MIX = [
    ("民初", "SIMPLE", 36),
    ("民初", "SMALL_CLAIMS", 8),
    ("民初", "ORDINARY", 8),
    ("民特", "ORDINARY", 2),
    ("刑初", "SIMPLE", 5),
    ("刑初", "FAST_TRACK", 4),
    ("刑初", "ORDINARY", 3),
    ("行初", "ORDINARY", 3),
    ("执", "ORDINARY", 20),
    ("执保", "ORDINARY", 2),
    ("执异", "ORDINARY", 1),
]
INTERMEDIATE_MIX = [
    ("民终", "ORDINARY", 10),
    ("刑终", "ORDINARY", 2),
    ("行终", "ORDINARY", 2),
    ("民初", "ORDINARY", 2),
]
HIGH_MIX = [("民终", "ORDINARY", 3), ("刑终", "ORDINARY", 1)]

CIVIL_CAUSES = [
    "民间借贷纠纷",
    "金融借款合同纠纷",
    "买卖合同纠纷",
    "房屋租赁合同纠纷",
    "机动车交通事故责任纠纷",
    "离婚纠纷",
    "劳动合同纠纷",
    "物业服务合同纠纷",
    "信用卡纠纷",
    "建设工程施工合同纠纷",
    "追索劳动报酬纠纷",
    "服务合同纠纷",
]
CHARGES = [
    "盗窃罪",
    "危险驾驶罪",
    "诈骗罪",
    "故意伤害罪",
    "交通肇事罪",
    "帮助信息网络犯罪活动罪",
    "寻衅滋事罪",
    "开设赌场罪",
]


@dataclass
class DemoSummary:
    courts: int
    users: int
    cases: int
    parties: int
    seconds: float
    accounts: list[tuple[str, str, str]]


def _weighted(mix: list[tuple[str, str, int]]) -> tuple[list[tuple[str, str]], list[int]]:
    return [(t, p) for t, p, _ in mix], [w for _, _, w in mix]


class _Builder:
    def __init__(self, *, seed: int, as_of: date, progress: Callable[[str], None]) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("zh_CN")
        self.fake.seed_instance(seed)
        self.as_of = as_of
        self.progress = progress
        self.password_hash = make_password(DEMO_PASSWORD)

    def courts(self) -> list[Court]:
        high = Court.objects.create(
            name=PROVINCE[0], code=PROVINCE[1], division_code=PROVINCE[2], level=CourtLevel.HIGH
        )
        mids = [
            Court.objects.create(name=n, code=c, division_code=d, level=CourtLevel.INTERMEDIATE, parent=high)
            for n, c, d in INTERMEDIATE
        ]
        basics = [
            Court.objects.create(name=n, code=c, division_code=d, level=CourtLevel.BASIC, parent=mids[parent])
            for n, c, d, parent in BASIC
        ]
        courts = [high, *mids, *basics]
        Department.objects.bulk_create(
            [Department(court=court, name=name, kind=kind) for court in courts for name, kind in DEPARTMENTS]
        )
        return courts

    def staff(self, courts: list[Court]) -> dict[int, dict[str, list[User]]]:
        departments = {(d.court_id, d.name): d for d in Department.objects.all()}
        users: list[User] = []
        first_basic = courts[4]
        named: set[str] = set()
        for court in courts:
            for role, department, count in STAFF:
                for i in range(1, count + 1):
                    if court.pk == first_basic.pk and role in NAMED and role not in named:
                        username = NAMED[role]
                        named.add(role)
                    else:
                        username = f"{role.value.lower()}-{court.code[1:] or 'high'}-{department[:2]}-{i}"
                    users.append(
                        User(
                            username=username,
                            password=self.password_hash,
                            full_name=self.fake.name(),
                            role=role,
                            court=court,
                            department=departments[(court.pk, department)],
                            phone=self.fake.phone_number(),
                            is_staff=role in (Role.IT_ADMIN,),
                        )
                    )
        users.append(
            User(
                username="litigant",
                password=self.password_hash,
                full_name=self.fake.name(),
                role=Role.LITIGANT,
            )
        )
        users.append(
            User(username="lawyer", password=self.password_hash, full_name=self.fake.name(), role=Role.LAWYER)
        )
        users.append(
            User(
                username="mediator",
                password=self.password_hash,
                full_name=self.fake.name(),
                role=Role.MEDIATOR,
            )
        )
        User.objects.bulk_create(users)
        self._it_permissions()
        by_court: dict[int, dict[str, list[User]]] = defaultdict(lambda: defaultdict(list))
        for user in User.objects.select_related("department").exclude(court=None):
            key = user.role if user.role not in (Role.JUDGE,) else f"JUDGE:{user.department.kind}"
            by_court[user.court_id][key].append(user)
        return by_court

    def _it_permissions(self) -> None:
        """信息中心 staff keep the reference tables and accounts in the admin; they see no case content."""
        from django.contrib.auth.models import Group, Permission

        group, _ = Group.objects.get_or_create(name="信息中心")
        perms = Permission.objects.filter(
            content_type__app_label__in=["courts", "accounts", "axes"]
        ) | Permission.objects.filter(content_type__app_label="audit", codename__startswith="view_")
        group.permissions.set(perms)
        group.user_set.set(User.objects.filter(role=Role.IT_ADMIN))

    def _pools(self) -> None:
        """Faker is slow per call, so draw names and addresses once into pools and sample from them."""
        f = self.fake
        self.male = [f.name_male() for _ in range(3000)]
        self.female = [f.name_female() for _ in range(3000)]
        self.addresses = [f.address()[:200] for _ in range(4000)]
        self.companies = [f.company()[:100] for _ in range(2000)]
        self.phones = [f.phone_number() for _ in range(4000)]

    def _person(self, role: str, area: str) -> dict[str, Any]:
        rng = self.rng
        birth = date(1950, 1, 1) + timedelta(days=rng.randrange(20000))
        sex = rng.choice("MF")
        return {
            "role": role,
            "kind": "NATURAL_PERSON",
            "name": rng.choice(self.male if sex == "M" else self.female),
            "id_type": "RESIDENT_ID",
            "id_number": validation.make_id_number(rng, area_code=area, birth_date=birth, sex=sex),  # type: ignore[arg-type]
            "sex": sex,
            "birth_date": birth,
            "address": rng.choice(self.addresses),
            "phone": rng.choice(self.phones),
            "legal_representative": "",
        }

    def _company(self, role: str, area: str) -> dict[str, Any]:
        rng = self.rng
        return {
            "role": role,
            "kind": "LEGAL_PERSON",
            "name": rng.choice(self.companies),
            "id_type": "CREDIT_CODE",
            "id_number": validation.make_credit_code(rng, area_code=area),
            "sex": "",
            "birth_date": None,
            "address": rng.choice(self.addresses),
            "phone": "",
            "legal_representative": rng.choice(self.male + self.female),
        }

    @staticmethod
    def _organ(role: str, name: str) -> dict[str, Any]:
        return {
            "role": role,
            "kind": "LEGAL_PERSON",
            "name": name,
            "id_type": "",
            "id_number": "",
            "sex": "",
            "birth_date": None,
            "address": "",
            "phone": "",
            "legal_representative": "",
        }

    def _parties(self, category: str, court: Court, case_type: str) -> list[dict[str, Any]]:
        area = court.division_code if court.level == CourtLevel.BASIC else self.rng.choice(BASIC)[2]
        one = self._person if self.rng.random() < 0.7 else self._company
        if category == "CRIMINAL":
            prosecutor = self._organ("PROSECUTOR", court.name.replace("人民法院", "人民检察院"))
            role = "APPELLANT" if case_type == "刑终" else "ACCUSED"
            return [prosecutor] + [self._person(role, area) for _ in range(self.rng.choice([1, 1, 1, 2]))]
        if category == "ENFORCEMENT":
            return [one("ENFORCEMENT_APPLICANT", area), self._person("JUDGMENT_DEBTOR", area)]
        if case_type in ("民终", "行终"):
            return [self._person("APPELLANT", area), one("APPELLEE", area)]
        if case_type == "民特":
            return [self._person("APPLICANT", area)]
        if category == "ADMINISTRATIVE":
            return [
                self._person("PLAINTIFF", area),
                self._organ("DEFENDANT", f"{court.name[:3]}市场监督管理局"),
            ]
        plaintiffs = [one("PLAINTIFF", area) for _ in range(self.rng.choice([1, 1, 1, 2]))]
        defendants = [self._person("DEFENDANT", area) for _ in range(self.rng.choice([1, 1, 2]))]
        return plaintiffs + defendants

    def _status(self, registered_on: date, category: str) -> tuple[CaseStatus, date | None, str]:
        age = (self.as_of - registered_on).days
        # Most cases close within their 审限; a few stay open past it, as the overdue list of a real court.
        p_closed = 0.0 if age < 20 else min(0.995, (age - 20) / 120)
        if self.rng.random() < p_closed:
            closed_on = registered_on + timedelta(days=self.rng.randint(10, max(10, min(age, 170))))
            closed_on = min(closed_on, self.as_of)
            methods = {
                "CIVIL": [ClosureMethod.JUDGMENT, ClosureMethod.MEDIATION, ClosureMethod.WITHDRAWAL],
                "CRIMINAL": [ClosureMethod.JUDGMENT],
                "ADMINISTRATIVE": [ClosureMethod.JUDGMENT, ClosureMethod.WITHDRAWAL, ClosureMethod.RULING],
                "ENFORCEMENT": [
                    ClosureMethod.ENFORCEMENT_COMPLETED,
                    ClosureMethod.TERMINATE_CURRENT_ENFORCEMENT,
                ],
            }.get(category, [ClosureMethod.RULING])
            archived = (self.as_of - closed_on).days > 60 and self.rng.random() < 0.8
            return (
                (CaseStatus.ARCHIVED if archived else CaseStatus.CLOSED),
                closed_on,
                self.rng.choice(methods).value,
            )
        if age < 3 and self.rng.random() < 0.6:
            return CaseStatus.REGISTERED, None, ""
        if self.rng.random() < 0.04:
            return CaseStatus.SUSPENDED, None, ""
        return (CaseStatus.IN_TRIAL if self.rng.random() < 0.85 else CaseStatus.ASSIGNED), None, ""

    def cases(self, courts: list[Court], staff: dict[int, dict[str, list[User]]], n: int) -> tuple[int, int]:
        self._pools()
        public = {u.username: u for u in User.objects.filter(username__in=["litigant", "lawyer"])}
        counters: dict[tuple[int, int, str], int] = defaultdict(int)
        weights = [0.03] + [0.09] * 3 + [0.7 / 10] * 10
        start = self.as_of - timedelta(days=730)
        span = (self.as_of - start).days
        case_types = {t.code: t for t in catalogs.case_types()}
        rules_cache: dict[tuple[str, str], str] = {}
        deadline_cache: dict[tuple[str, date], tuple[date, list[str]]] = {}
        writer = _RowWriter()
        pool_keys = {
            "CIVIL": "JUDGE:CIVIL",
            "CRIMINAL": "JUDGE:CRIMINAL",
            "ADMINISTRATIVE": "JUDGE:ADMINISTRATIVE",
            "ENFORCEMENT": Role.ENFORCEMENT_JUDGE,
        }
        linked = 0
        for made in range(1, n + 1):
            court = self.rng.choices(courts, weights)[0]
            mix = (
                HIGH_MIX
                if court.level == CourtLevel.HIGH
                else INTERMEDIATE_MIX
                if court.level == CourtLevel.INTERMEDIATE
                else BASIC_MIX
            )
            code, procedure = self.rng.choices(*_weighted(mix))[0]
            ctype = case_types[code]
            category = ctype.category.value
            # More recent cases are more frequent, as in a growing court.
            registered_on = min(start + timedelta(days=int(span * (self.rng.random() ** 0.8))), self.as_of)
            counters[(court.pk, registered_on.year, code)] += 1
            seq = counters[(court.pk, registered_on.year, code)]
            parties = self._parties(category, court, code)
            charges: list[str] = []
            if category == "CRIMINAL":
                charges = [self.rng.choice(CHARGES)]
                cause = charges[0]
            elif code == "民特":
                cause = "确认调解协议案件"
            elif category == "ADMINISTRATIVE":
                cause = "行政处罚"
            else:
                cause = self.rng.choice(CIVIL_CAUSES)
            status, closed_on, method = self._status(registered_on, category)
            if (code, procedure) not in rules_cache:
                rules_cache[(code, procedure)] = time_limit_rule(ctype, procedure) or ""
            rule = rules_cache[(code, procedure)]
            deadline, basis = None, ["该类案件无法定审限"]
            if rule:
                if (rule, registered_on) not in deadline_cache:
                    limit = compute_deadline(
                        rule, registered_on=registered_on, adjustments=[], today=self.as_of
                    )
                    deadline_cache[(rule, registered_on)] = (limit.deadline, list(limit.basis))
                deadline, basis = deadline_cache[(rule, registered_on)]
            judge = None
            bench: list[User] = []
            pool: list[User] = []
            if status != CaseStatus.REGISTERED:
                pool = (
                    staff[court.pk][pool_keys.get(category, "JUDGE:CIVIL")] or staff[court.pk]["JUDGE:CIVIL"]
                )
                # Second instances are heard by a collegial panel where the court has three judges for it
                # (民事诉讼法第四十一条); everything else here by a sole judge.
                size = 3 if ctype.procedure_class.value == "SECOND_INSTANCE" and len(pool) >= 3 else 1
                bench = self.rng.sample(pool, size)
                judge = bench[0]
            filer = staff[court.pk][Role.FILING_OFFICER][seq % 2]

            def names(*roles: str, parties: list[dict[str, Any]] = parties) -> str:
                return "、".join(p["name"] for p in parties if p["role"] in roles)

            if category == "CRIMINAL":
                title = f"{names('ACCUSED', 'APPELLANT')}{cause}案"
            elif category == "ENFORCEMENT":
                title = f"{names('ENFORCEMENT_APPLICANT')}申请执行{names('JUDGMENT_DEBTOR')}{cause}"
            else:
                title = (
                    f"{names('PLAINTIFF', 'APPELLANT', 'APPLICANT')}诉{names('DEFENDANT', 'APPELLEE')}{cause}"
                )
            amount = None
            if category in ("CIVIL", "ENFORCEMENT") and code != "民特":
                amount = (
                    Decimal(self.rng.choice([5, 8, 12, 30, 50, 100, 300, 1000]))
                    * self.rng.randint(1000, 9999)
                    / 10
                ).quantize(Decimal("0.01"))
            archived_on = (
                (closed_on + timedelta(days=30)) if status == CaseStatus.ARCHIVED and closed_on else None
            )
            case_id = writer.case(
                court_id=court.pk,
                case_number=format_number(
                    year=registered_on.year, court_code=court.code, case_type=code, sequence=seq
                ),
                year=registered_on.year,
                case_type=code,
                sequence=seq,
                category=category,
                procedure=procedure,
                cause_of_action=cause,
                charges=charges,
                title=title[:200],
                claim_amount=amount,
                status=status.value,
                registered_on=registered_on,
                registered_by_id=filer.pk,
                department_id=judge.department_id if judge else None,
                responsible_judge_id=judge.pk if judge else None,
                time_limit_rule=rule,
                deadline=deadline,
                deadline_basis=basis,
                closed_on=closed_on,
                closure_method=method,
                archived_on=archived_on,
            )
            # A handful of cases belong to the demo's public accounts, so the portal view has content.
            owner = None
            if linked < 12 and court.pk == courts[4].pk and code == "民初":
                owner = public["litigant"]
                linked += 1
            for position, party in enumerate(parties, start=1):
                party_id = writer.party(
                    case_id, position, party, user_id=owner.pk if owner and position == 1 else None
                )
                if owner and position == 1:
                    writer.counsel(case_id, party_id, public["lawyer"])
            handler = judge or filer
            writer.event(
                case_id, "REGISTER", "", CaseStatus.REGISTERED, registered_on, filer.pk, REGISTER_RULE
            )
            if judge is not None:
                writer.event(
                    case_id,
                    CaseAction.ASSIGN,
                    CaseStatus.REGISTERED,
                    CaseStatus.ASSIGNED,
                    registered_on,
                    filer.pk,
                    _RULE[CaseAction.ASSIGN],
                )
                writer.assignment(case_id, bench, pool, filer.pk, registered_on)
            if status in (CaseStatus.IN_TRIAL, CaseStatus.SUSPENDED, CaseStatus.CLOSED, CaseStatus.ARCHIVED):
                writer.event(
                    case_id,
                    CaseAction.START_TRIAL,
                    CaseStatus.ASSIGNED,
                    CaseStatus.IN_TRIAL,
                    registered_on + timedelta(days=1),
                    handler.pk,
                    _RULE[CaseAction.START_TRIAL],
                )
            if status == CaseStatus.SUSPENDED:
                writer.event(
                    case_id,
                    CaseAction.SUSPEND,
                    CaseStatus.IN_TRIAL,
                    CaseStatus.SUSPENDED,
                    registered_on + timedelta(days=5),
                    handler.pk,
                    _RULE[CaseAction.SUSPEND],
                )
            if closed_on is not None:
                writer.event(
                    case_id,
                    CaseAction.CLOSE,
                    CaseStatus.IN_TRIAL,
                    CaseStatus.CLOSED,
                    closed_on,
                    handler.pk,
                    _RULE[CaseAction.CLOSE],
                )
            if archived_on is not None:
                writer.event(
                    case_id,
                    CaseAction.ARCHIVE,
                    CaseStatus.CLOSED,
                    CaseStatus.ARCHIVED,
                    archived_on,
                    handler.pk,
                    _RULE[CaseAction.ARCHIVE],
                )
            if made % 5000 == 0:
                writer.flush()
                self.progress(f"  已生成 {made}/{n} 件案件")
        writer.flush()
        CaseNumberSequence.objects.bulk_create(
            [
                CaseNumberSequence(court_id=c, year=y, case_type=t, last_value=v)
                for (c, y, t), v in counters.items()
            ]
        )
        writer.reset_sequences()
        return n, writer.party_count


class _RowWriter:
    """Buffers demo rows with ids of its own and writes them with ``executemany``.

    Demo data goes into an empty database, so ids can be handed out here; the database's id sequences are
    moved past them at the end (PostgreSQL). This is about twenty times faster than model ``bulk_create``.
    """

    TABLES: dict[type, list[str]] = {
        Case: [
            "id",
            "court_id",
            "case_number",
            "year",
            "case_type",
            "sequence",
            "category",
            "procedure",
            "cause_of_action",
            "charges",
            "title",
            "claim_amount",
            "status",
            "registered_on",
            "registered_by_id",
            "department_id",
            "responsible_judge_id",
            "clerk_id",
            "time_limit_rule",
            "deadline",
            "deadline_basis",
            "closed_on",
            "closure_method",
            "archived_on",
            "summary",
            "created_at",
            "updated_at",
        ],
        Party: [
            "id",
            "case_id",
            "position",
            "role",
            "kind",
            "name",
            "id_type",
            "id_number",
            "sex",
            "birth_date",
            "address",
            "phone",
            "legal_representative",
            "user_id",
        ],
        CaseEvent: [
            "id",
            "case_id",
            "action",
            "from_status",
            "to_status",
            "actor_id",
            "occurred_at",
            "reason",
            "rule",
            "data",
        ],
        Assignment: [
            "id",
            "case_id",
            "judge_id",
            "method",
            "reason",
            "candidate_ids",
            "panel_ids",
            "assigned_by_id",
            "assigned_at",
        ],
        PanelMember: ["id", "case_id", "judge_id", "role", "assignment_id"],
        Counsel: ["id", "case_id", "party_id", "kind", "name", "license_number", "firm", "user_id"],
    }

    def __init__(self) -> None:
        self.rows: dict[type, list[tuple[Any, ...]]] = {model: [] for model in self.TABLES}
        self.next_id: dict[type, int] = {model: 1 for model in self.TABLES}
        self.party_count = 0
        self.now = datetime.now(tz=_TZ)

    def _add(self, model: type, values: tuple[Any, ...]) -> int:
        pk = self.next_id[model]
        self.next_id[model] = pk + 1
        self.rows[model].append((pk, *values))
        return pk

    def case(self, **v: Any) -> int:
        return self._add(
            Case,
            (
                v["court_id"],
                v["case_number"],
                v["year"],
                v["case_type"],
                v["sequence"],
                v["category"],
                v["procedure"],
                v["cause_of_action"],
                json.dumps(v["charges"], ensure_ascii=False),
                v["title"],
                str(v["claim_amount"]) if v["claim_amount"] is not None else None,
                v["status"],
                v["registered_on"],
                v["registered_by_id"],
                v["department_id"],
                v["responsible_judge_id"],
                None,
                v["time_limit_rule"],
                v["deadline"],
                json.dumps(v["deadline_basis"], ensure_ascii=False),
                v["closed_on"],
                v["closure_method"],
                v["archived_on"],
                "",
                self.now,
                self.now,
            ),
        )

    def party(self, case_id: int, position: int, p: dict[str, Any], *, user_id: int | None) -> int:
        self.party_count += 1
        return self._add(
            Party,
            (
                case_id,
                position,
                p["role"],
                p["kind"],
                p["name"],
                p["id_type"],
                p["id_number"],
                p["sex"],
                p["birth_date"],
                p["address"],
                p["phone"],
                p["legal_representative"],
                user_id,
            ),
        )

    def event(
        self, case_id: int, action: str, source: str, target: str, on: date, actor_id: int, rule: str
    ) -> None:
        occurred = datetime.combine(on, time(9, 30), tzinfo=_TZ)
        self._add(
            CaseEvent, (case_id, str(action), str(source), str(target), actor_id, occurred, "", rule, "{}")
        )

    def assignment(
        self, case_id: int, judges: list[User], candidates: list[User], by_id: int, on: date
    ) -> None:
        """A random assignment to ``judges[0]``; with more than one judge, they form the panel."""
        at = datetime.combine(on, time(10, 0), tzinfo=_TZ)
        panel = [j.pk for j in judges] if len(judges) > 1 else []
        values = (
            case_id,
            judges[0].pk,
            AssignmentMethod.RANDOM.value,
            "",
            json.dumps([c.pk for c in candidates]),
        )
        pk = self._add(Assignment, (*values, json.dumps(panel), by_id, at))
        for seat, judge_id in enumerate(panel):
            role = PanelRole.PRESIDING_JUDGE if seat == 0 else PanelRole.MEMBER
            self._add(PanelMember, (case_id, judge_id, role.value, pk))

    def counsel(self, case_id: int, party_id: int, lawyer: User) -> None:
        self._add(
            Counsel, (case_id, party_id, "LAWYER", lawyer.full_name, "", "浙江示范律师事务所", lawyer.pk)
        )

    def flush(self) -> None:
        with connection.cursor() as cursor:
            for model, columns in self.TABLES.items():
                rows = self.rows[model]
                if rows:
                    table = model._meta.db_table
                    placeholders = ", ".join(["%s"] * len(columns))
                    cursor.executemany(
                        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", rows
                    )
                    self.rows[model] = []

    def reset_sequences(self) -> None:
        """Move id sequences past the ids handed out here."""
        statements = connection.ops.sequence_reset_sql(no_style(), list(self.TABLES))
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


_RULE = {t.action: t.rule for t in TRANSITIONS}


def _refresh_statistics() -> None:
    """After a bulk load, give the query planner fresh statistics (and PostgreSQL its visibility map).

    Runs after the load has committed: PostgreSQL's VACUUM cannot run inside a transaction.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if connection.in_atomic_block:  # called inside a caller's transaction: autovacuum will do it
                return
            for model in _RowWriter.TABLES:
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
        else:
            cursor.execute("ANALYZE")


def demo_build(
    *,
    cases: int = 5000,
    seed: int = 1,
    as_of: date | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> DemoSummary:
    """Build the demo province into an empty database; refuses to run twice."""
    import time as _time

    if Court.objects.exists():
        raise RuntimeError("数据库中已有法院数据；演示数据只能写入空数据库（先删除 var/smartcourt.sqlite3）")
    validate_password(DEMO_PASSWORD)
    started = _time.perf_counter()
    builder = _Builder(seed=seed, as_of=as_of or date.today(), progress=progress)
    with transaction.atomic():
        courts = builder.courts()
        staff = builder.staff(courts)
        demo_real_names_attach(seed=seed)  # 网上立案 needs verified litigant and lawyer accounts
        made, party_count = builder.cases(courts, staff, cases)
    _refresh_statistics()
    from smartcourt.apps.knowledge.judgment_demo import (
        demo_judgments,  # generated judgments, indexed for search
    )

    demo_judgments(cases=cases, seed=seed, progress=progress)
    from smartcourt.apps.element_trial.demo import demo_element_tables  # generated complaint/answer texts

    demo_element_tables(court_id=courts[4].pk, seed=seed)
    accounts = [(NAMED[r], Role(r).label, courts[4].name) for r in NAMED] + [
        ("litigant", Role.LITIGANT.label, "—"),
        ("lawyer", Role.LAWYER.label, "—"),
        ("mediator", Role.MEDIATOR.label, "—"),
    ]
    return DemoSummary(
        courts=len(courts),
        users=User.objects.count(),
        cases=made,
        parties=party_count,
        seconds=_time.perf_counter() - started,
        accounts=accounts,
    )
