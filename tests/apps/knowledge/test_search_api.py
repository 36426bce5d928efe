"""``/api/v1/search`` and the search page: results with passages and facets, law articles, bad input as
``{code, message, detail}`` (a 100,000-character query, an empty query, unknown filters), the judgment page."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from smartcourt.apps.knowledge.judgment_demo import judgments_generate
from smartcourt.apps.knowledge.judgment_services import laws_index, search_index_rebuild
from smartcourt.apps.knowledge.services import law_import
from tests.apps.knowledge.conftest import EXAMPLE_LAW

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_dir(settings, tmp_path: Path) -> Path:
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    return settings.SEARCH_INDEX_DIR


@pytest.fixture
def client(world) -> Client:
    client = Client()
    client.force_login(world.judge)
    return client


@pytest.fixture
def corpus(search_dir: Path) -> list:
    return judgments_generate(24, seed=4)


def test_search_returns_hits_with_passages_and_labelled_facets(client: Client, corpus: list) -> None:
    response = client.get("/api/v1/search", {"q": "被告人 盗窃", "case_type": "criminal"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] > 0 and body["words"] == ["被告人", "盗窃"]
    hit = body["hits"][0]
    assert hit["kind"] == "judgment" and hit["fields"]["case_type"] == "criminal"
    passage = hit["passages"][0]
    start, end = passage["highlights"][0]
    assert passage["text"][start:end] in ("被告人", "盗窃")
    assert {"value": "criminal", "label": "刑事", "count": body["total"]} in body["facets"]["case_type"]


def test_repeated_parameters_mean_any_of_and_sort_by_date(client: Client, corpus: list) -> None:
    body = client.get("/api/v1/search?q=被告人&charge=盗窃&charge=诈骗&sort=date&page_size=50").json()
    assert {c for h in body["hits"] for c in h["fields"]["charge"]} <= {"盗窃", "诈骗"}
    dates = [h["fields"]["date"] for h in body["hits"]]
    assert dates == sorted(dates, reverse=True)


def test_bad_input_is_a_clear_error(client: Client, corpus: list) -> None:
    too_long = client.post("/api/v1/search", {"q": "盗" * 100_000}, content_type="application/json")
    assert too_long.status_code == 400 and too_long.json()["code"] == "search.query_too_long"
    assert "100000" in too_long.json()["message"]
    empty = client.get("/api/v1/search", {"q": ""})
    assert empty.status_code == 400 and empty.json() == {
        "code": "search.empty_query", "message": "请输入检索词或选择筛选条件", "detail": {"field": "q"},
    }  # fmt: skip
    unknown = client.get("/api/v1/search", {"q": "盗窃", "judge": "张三"})
    assert unknown.status_code == 400 and unknown.json()["code"] == "search.unknown_filter"
    assert unknown.json()["detail"] == {"field": "judge"}
    in_body = client.post(
        "/api/v1/search", {"q": "盗窃", "filters": {"colour": 1}}, content_type="application/json"
    )
    assert in_body.status_code == 400 and in_body.json()["code"] == "search.unknown_filter"
    bad_year = client.get("/api/v1/search", {"q": "盗窃", "year": "去年"})
    assert bad_year.status_code == 400 and bad_year.json()["code"] == "search.bad_filter_value"
    bad_page = client.get("/api/v1/search", {"q": "盗窃", "page": "x"})
    assert bad_page.status_code == 400


def test_similar_and_judgment_detail(client: Client, corpus: list) -> None:
    theft = next(j for j in corpus if j.charges == ["盗窃"])
    response = client.post("/api/v1/search/similar", {"text": theft.facts, "filters": {"case_type": "criminal"},
                                                       "top": 5}, content_type="application/json")  # fmt: skip
    assert response.status_code == 200 and response.json()[0]["id"] == theft.pk
    detail = client.get(f"/api/v1/search/judgments/{theft.pk}").json()
    assert detail["charges"] == ["盗窃"] and detail["full_text"] == theft.full_text
    missing = client.get("/api/v1/search/judgments/999999")
    assert missing.status_code == 404 and missing.json()["code"] == "knowledge.judgment_not_found"


def test_law_articles_are_indexed_and_found(
    client: Client, search_dir: Path, tmp_path: Path, django_capture_on_commit_callbacks
) -> None:
    path = tmp_path / "example.md"
    path.write_text(EXAMPLE_LAW, encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        law_import(path=path)  # the import enqueues the re-indexing of the laws once it has committed
    assert len(callbacks) == 1
    body = client.get("/api/v1/search", {"q": "罚款", "kind": "article"}).json()
    assert body["hits"][0]["title"] == "中华人民共和国示例法第三条"
    search_index_rebuild()
    assert client.get("/api/v1/search", {"q": "罚款", "kind": "article"}).json()["total"] == body["total"]
    assert laws_index() >= 3  # again: replaces, never duplicates
    assert client.get("/api/v1/search", {"q": "罚款", "kind": "article"}).json()["total"] == body["total"]


def test_anonymous_is_refused(corpus: list) -> None:
    assert Client().get("/api/v1/search", {"q": "盗窃"}).status_code == 401


def test_search_page_shows_highlights_facets_and_errors(client: Client, corpus: list) -> None:
    page = client.get("/knowledge/search/", {"q": "被告人", "case_type": "criminal"})
    html = page.content.decode()
    assert page.status_code == 200 and "<mark>被告人</mark>" in html and "罪名" in html and "已选条件" in html
    error = client.get("/knowledge/search/", {"q": "盗" * 3000}).content.decode()
    assert "检索词过长" in error
    assert "法律检索" in client.get("/knowledge/search/").content.decode()  # the nav entry
    judgment = corpus[0]
    detail = client.get(f"/knowledge/judgments/{judgment.pk}/")
    assert detail.status_code == 200 and judgment.case_number in detail.content.decode()
    assert client.get("/knowledge/judgments/999999/").status_code == 404
