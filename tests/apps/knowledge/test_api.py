"""``/api/v1/laws``: search by name, an article by law name and number, not found, anonymous."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client

from smartcourt.apps.knowledge.services import law_import_shipped

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(world) -> Client:
    client = Client()
    client.force_login(world.judge)
    return client


@pytest.fixture
def shipped() -> None:
    law_import_shipped()


def _get(client: Client, path: str, **params: str):
    return client.get("/api/v1/laws" + quote(path), params)


def test_article_by_law_short_name_and_number(client, shipped) -> None:
    response = _get(client, "/刑法/articles/264")
    assert response.status_code == 200
    body = response.json()
    assert (body["law"], body["version"], body["number"], body["suffix"], body["number_chinese"]) == (
        "中华人民共和国刑法",
        "2023-12-29",
        264,
        0,
        "第二百六十四条",
    )
    assert body["chapter"] == "第五章 侵犯财产罪"
    assert body["paragraphs"] == [{"text": body["text"], "items": []}]


def test_article_by_full_title_and_chinese_number(client, shipped) -> None:
    response = _get(client, "/《中华人民共和国刑法》/articles/第一百三十三条之一")
    assert response.status_code == 200
    assert (response.json()["number"], response.json()["suffix"]) == (133, 1)
    same = _get(client, "/刑法/articles/133", suffix="1")
    assert same.json()["text"] == response.json()["text"]


def test_article_of_an_older_version(client, shipped) -> None:
    response = _get(client, "/民诉法/articles/1", version="2021-12-24")
    assert response.status_code == 200
    assert response.json()["version"] == "2021-12-24"


def test_missing_article_is_404_with_chinese_message(client, shipped) -> None:
    response = _get(client, "/刑法/articles/500")
    assert response.status_code == 404
    assert response.json() == {
        "code": "knowledge.article_not_found",
        "message": "《中华人民共和国刑法》没有第五百条",
        "detail": {"law": "中华人民共和国刑法", "number": 500, "suffix": 0, "version": None},
    }


def test_unknown_law_is_404(client, shipped) -> None:
    response = _get(client, "/无此法/articles/1")
    assert response.status_code == 404
    assert response.json() == {
        "code": "knowledge.law_not_found",
        "message": "法律库中没有“无此法”",
        "detail": {"name": "无此法"},
    }


def test_bad_article_number_is_400(client, shipped) -> None:
    response = _get(client, "/刑法/articles/第X条")
    assert response.status_code == 400
    assert response.json()["code"] == "knowledge.bad_article_number"
    assert response.json()["message"] == "条号无法识别：第X条"


def test_search_laws_by_name(client, shipped) -> None:
    response = client.get("/api/v1/laws", {"q": "刑事诉讼法"})
    assert response.status_code == 200
    assert [law["short_name"] for law in response.json()] == ["刑事诉讼法", "刑诉法解释"]


def test_law_detail_lists_versions(client, shipped) -> None:
    response = _get(client, "/民事诉讼法")
    assert response.status_code == 200
    assert [v["label"] for v in response.json()["versions"]] == ["2021-12-24", "2023-09-01"]


def test_alias_resolves(client, shipped) -> None:
    assert _get(client, "/民诉解释").json()["short_name"] == "民诉法解释"


@pytest.mark.parametrize("path", ["", "/刑法", "/刑法/articles/264"])
def test_anonymous_is_401(shipped, path: str) -> None:
    response = _get(Client(), path)
    assert response.status_code == 401
    assert response.json()["code"] == "auth.required"
