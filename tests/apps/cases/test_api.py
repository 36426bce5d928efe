"""The case API: auth, the permission matrix, pagination and filters, error bodies, registration."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client

from smartcourt.apps.audit.models import SensitiveRead
from smartcourt.apps.cases.models import Case, Counsel
from tests.apps.factories import person, register_civil

pytestmark = pytest.mark.django_db

PASSWORD = "Tq7#rW2m9!xL"


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def case(world):
    with time_machine.travel(date(2025, 3, 3), tick=False):
        case = register_civil(world, parties=(person("PLAINTIFF"), person("DEFENDANT")))
    plaintiff = case.parties.get(role="PLAINTIFF")
    plaintiff.user = world.litigant
    plaintiff.save()
    Counsel.objects.create(case=case, party=plaintiff, kind="LAWYER", name="代理律师", user=world.lawyer)
    case.responsible_judge = world.judge
    case.status = "ASSIGNED"
    case.save()
    return case


# (viewer, may see the case?) — anonymous is 401, others who may not see it get the same 404 as a missing case.
MATRIX = [
    ("anonymous", 401),
    ("stranger", 404),
    ("other_judge", 404),
    ("it_admin", 404),
    ("judge", 200),
    ("judge2", 200),
    ("litigant", 200),
    ("lawyer", 200),
    ("high_manager", 200),
]


@pytest.mark.parametrize(("who", "status"), MATRIX)
def test_case_detail_permission_matrix(world, case, who, status):
    user = None if who == "anonymous" else getattr(world, who)
    response = _client(user).get(f"/api/v1/cases/{case.pk}")
    assert response.status_code == status
    body = response.json()
    if status == 200:
        assert body["case_number"] == case.case_number
        assert all("*" in p["id_number_masked"] for p in body["parties"])
    else:
        assert set(body) == {"code", "message", "detail"}


@pytest.mark.parametrize(
    ("who", "count"),
    [
        ("stranger", 0),
        ("other_judge", 0),
        ("it_admin", 0),
        ("judge", 1),
        ("litigant", 1),
        ("high_manager", 1),
    ],
)
def test_case_list_is_scoped(world, case, who, count):
    body = _client(getattr(world, who)).get("/api/v1/cases").json()
    assert body["count"] == count
    assert [c["case_number"] for c in body["items"]] == ([case.case_number] if count else [])


@pytest.mark.parametrize("who", ["anonymous", "stranger", "other_judge", "judge"])
def test_id_number_reveal_is_scoped_and_logged(world, case, who):
    party = case.parties.get(role="DEFENDANT")
    user = None if who == "anonymous" else getattr(world, who)
    response = _client(user).get(f"/api/v1/cases/{case.pk}/parties/{party.pk}/id-number")
    if who == "judge":
        assert response.status_code == 200
        assert response.json()["id_number"] == party.id_number
        read = SensitiveRead.objects.get()
        assert (read.actor, read.field, read.case_id, read.channel) == (
            world.judge,
            "id_number",
            case.pk,
            "api",
        )
    else:
        assert response.status_code in (401, 404)
        assert SensitiveRead.objects.count() == 0


@pytest.mark.parametrize("who", ["anonymous", "stranger", "other_filer", "judge", "filer"])
def test_register_via_api_permission_and_result(world, who):
    user = None if who == "anonymous" else getattr(world, who)
    payload = {
        "case_type": "民初",
        "procedure": "SIMPLE",
        "cause_of_action": "民间借贷纠纷",
        "claim_amount": "12000",
        "parties": [
            {"role": "PLAINTIFF", "name": "原告甲", "id_number": person("PLAINTIFF").id_number},
            {"role": "DEFENDANT", "name": "被告乙", "id_number": person("DEFENDANT").id_number},
        ],
    }
    with time_machine.travel(date(2025, 5, 6), tick=False):
        response = _client(user).post("/api/v1/cases", payload, content_type="application/json")
    expected = {"anonymous": 401, "stranger": 403, "other_filer": 201, "judge": 403, "filer": 201}[who]
    assert response.status_code == expected
    if expected == 201:
        court = world.other_court if who == "other_filer" else world.court
        assert response.json()["case_number"] == f"（2025）{court.code}民初1号"
        assert Case.objects.count() == 1
    else:
        assert Case.objects.count() == 0


def test_bad_input_gets_a_structured_chinese_error(world):
    client = _client(world.filer)
    payload = {
        "case_type": "民初",
        "cause_of_action": "民间借贷纠纷",
        "parties": [
            {"role": "PLAINTIFF", "name": "原告甲", "id_number": "110105194912310021"},
            {"role": "DEFENDANT", "name": "被告乙"},
        ],
    }
    response = client.post("/api/v1/cases", payload, content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"]["field"] == "parties[0].id_number"
    assert body["code"].startswith("id_number.")
    response = client.post("/api/v1/cases", {"case_type": "民初"}, content_type="application/json")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_input"
    assert body["detail"]["errors"][0]["field"] == "parties"
    assert body["message"] == "请求参数无效：parties为必填项"
    response = client.post(
        "/api/v1/cases",
        {"case_type": "民初", "summary": "x" * 10001, "parties": []},
        content_type="application/json",
    )
    assert response.json()["message"] == "请求参数无效：summary不能超过 10000 个字符"
    assert Case.objects.count() == 0


def test_token_auth_and_lockout(world, settings):
    client = Client()
    response = client.post(
        "/api/v1/auth/token", {"username": "judge", "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    me = client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert (me["username"], me["role"], me["court_name"]) == ("judge", "JUDGE", "杭州市上城区人民法院")
    assert client.get("/api/v1/auth/me", HTTP_AUTHORIZATION="Bearer sc_wrong").status_code == 401
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        bad = client.post(
            "/api/v1/auth/token", {"username": "judge2", "password": "wrong"}, content_type="application/json"
        )
        assert bad.status_code == 403
        assert bad.json()["code"] == "auth.bad_credentials"
    bad = client.post(
        "/api/v1/auth/token", {"username": "judge2", "password": "wrong"}, content_type="application/json"
    )
    assert bad.status_code == 429
    # Locked: even the right password is refused until the cool-off ends.
    locked = client.post(
        "/api/v1/auth/token", {"username": "judge2", "password": PASSWORD}, content_type="application/json"
    )
    assert locked.status_code == 429
    assert locked.json()["code"] == "auth.locked_out"


def test_list_filters_pagination_and_unknown_filter_values(world, case):
    client = _client(world.judge)
    with time_machine.travel(date(2025, 3, 4), tick=False):
        for _ in range(3):
            register_civil(world)
    body = client.get("/api/v1/cases?limit=2&offset=0").json()
    assert body["count"] == 4
    assert len(body["items"]) == 2
    assert client.get("/api/v1/cases?status=ASSIGNED").json()["count"] == 1
    assert client.get("/api/v1/cases?mine=true").json()["count"] == 1
    assert client.get(f"/api/v1/cases?q={case.case_number}").json()["count"] == 1
    half_width = case.case_number.replace("（", "(").replace("）", ")")
    assert client.get("/api/v1/cases", {"q": half_width}).json()["count"] == 1
    assert client.get("/api/v1/cases", {"q": "民初"}).json()["count"] == 4
    assert (
        _client(world.filer).get("/api/v1/cases?mine=true").json()["count"] == 4
    )  # the cases they registered
    bad = client.get("/api/v1/cases?status=FLYING")
    assert bad.status_code == 400
    assert bad.json()["detail"]["field"] == "status"
    assert client.get("/api/v1/cases?limit=0").status_code == 422


def test_transition_and_history_via_api(world, case):
    client = _client(world.judge)
    response = client.post(
        f"/api/v1/cases/{case.pk}/transitions", {"action": "START_TRIAL"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "IN_TRIAL"
    illegal = client.post(
        f"/api/v1/cases/{case.pk}/transitions", {"action": "ARCHIVE"}, content_type="application/json"
    )
    assert illegal.status_code == 409
    assert illegal.json()["message"] == "案件处于「审理中」状态，不能「归档」"
    history = client.get(f"/api/v1/cases/{case.pk}/history").json()
    assert history[0]["changes"] == {"案件状态": ["已分案", "审理中"]}
    assert history[0]["actor"].startswith(world.judge.full_name)


def test_openapi_docs_are_served_without_a_cdn(world):
    client = _client(world.judge)
    html = client.get("/api/v1/docs").content.decode()
    assert "cdn." not in html
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/cases" in schema["paths"]


def test_a_litigant_sees_only_their_own_full_id_number(world, case):
    client = _client(world.litigant)
    own = case.parties.get(role="PLAINTIFF")  # the litigant's own party record (see the fixture)
    other = case.parties.get(role="DEFENDANT")
    response = client.get(f"/api/v1/cases/{case.pk}/parties/{own.pk}/id-number")
    assert response.status_code == 200
    assert response.json()["id_number"] == own.id_number
    response = client.get(f"/api/v1/cases/{case.pk}/parties/{other.pk}/id-number")
    assert response.status_code == 403
    assert response.json()["message"] == "只能查看本人或所代理当事人的完整证件号码"
    assert SensitiveRead.objects.count() == 1
    lawyer = _client(world.lawyer)  # counsel of the plaintiff
    assert lawyer.get(f"/api/v1/cases/{case.pk}/parties/{own.pk}/id-number").status_code == 200
    assert lawyer.get(f"/api/v1/cases/{case.pk}/parties/{other.pk}/id-number").status_code == 403
