"""The judgment corpus: reading fields with the text engine, idempotent import from JSON lines, text and
.docx, the index kept in step (task and rebuild), corrupt index repaired, commands."""

from __future__ import annotations

import json
from decimal import Decimal
from io import StringIO
from pathlib import Path

import docx
import pytest
from django.core.management import call_command

from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.apps.knowledge.judgment_demo import judgment_texts_generate, judgments_generate
from smartcourt.apps.knowledge.judgment_services import (
    judgment_create,
    judgment_import,
    judgment_index,
    search_index,
    search_index_check,
)
from smartcourt.apps.knowledge.models import Judgment
from smartcourt.apps.knowledge.search_selectors import judgment_candidates, search_run

pytestmark = pytest.mark.django_db

THEFT = (
    "杭州市西湖区人民法院\n刑事判决书\n（2021）浙0106刑初88号\n公诉机关杭州市西湖区人民检察院。\n"
    "被告人王某甲，男，1990年1月1日出生，汉族。因涉嫌犯盗窃罪于2021年3月1日被刑事拘留。\n"
    "杭州市西湖区人民检察院以起诉书指控被告人王某甲犯盗窃罪，向本院提起公诉。\n"
    "经审理查明：2021年2月20日，被告人王某甲在某商场窃取被害人手机一部，价值人民币4200元。\n"
    "本院认为，被告人王某甲的行为已构成盗窃罪。依照《中华人民共和国刑法》第二百六十四条、第六十七条第三款之规定，判决如下：\n"
    "被告人王某甲犯盗窃罪，判处有期徒刑八个月，并处罚金人民币二千元。\n审判员赵某\n二〇二一年六月八日\n"
)


@pytest.fixture
def search_dir(settings, tmp_path: Path) -> Path:
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    return settings.SEARCH_INDEX_DIR


def test_create_reads_the_structured_fields(search_dir: Path) -> None:
    judgment, created = judgment_create(text=THEFT, source="test")
    assert created
    assert (judgment.case_number, judgment.court, judgment.court_level, judgment.region, judgment.year) == (
        "（2021）浙0106刑初88号", "杭州市西湖区人民法院", "basic", "浙江省", 2021,
    )  # fmt: skip
    assert (judgment.case_type, judgment.procedure, judgment.document_type) == (
        "criminal",
        "first_instance",
        "judgment",
    )
    assert (judgment.cause, judgment.charges, judgment.term_months) == ("盗窃罪", ["盗窃"], 8)
    assert judgment.terms == [{"defendant": "王某甲", "penalty": "有期徒刑", "months": 8, "probation_months": None,
                               "fine": "2000", "text": "有期徒刑八个月"}]  # fmt: skip
    assert judgment.fine_amount == Decimal("2000") and judgment.amount == Decimal("4200")
    assert {"law": "中华人民共和国刑法", "article": "第二百六十四条"} in judgment.cited_articles
    assert str(judgment.decided_on) == "2021-06-08" and judgment.facts.startswith("经审理查明")


def test_the_same_text_twice_is_one_judgment_and_fields_override(search_dir: Path) -> None:
    first, created = judgment_create(text=THEFT, fields={"cause": "盗窃罪", "is_guiding": True})
    again, created_again = judgment_create(text="  " + THEFT.replace("\n", "\n\n"))
    assert created and not created_again and again.pk == first.pk and first.is_guiding
    assert Judgment.objects.count() == 1


def test_empty_text_and_bad_fields_are_refused_and_nothing_is_saved(search_dir: Path) -> None:
    for text in ("", "   ", "太短"):
        with pytest.raises(InvalidInputError) as caught:
            judgment_create(text=text)
        assert caught.value.code == "knowledge.empty_judgment"
    with pytest.raises(InvalidInputError) as caught:
        judgment_create(text=THEFT, fields={"decided_on": "去年"})
    assert caught.value.detail == {"field": "decided_on"}
    assert Judgment.objects.count() == 0


def test_import_json_lines_text_and_docx_files_and_folders(search_dir: Path, tmp_path: Path) -> None:
    texts = [t for t, _ in judgment_texts_generate(4, seed=5)]
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps({"id": 7, "text": texts[0], "charges": "盗窃罪、诈骗罪"}, ensure_ascii=False),
             "not json", json.dumps([1]), json.dumps({"qw": texts[1]}, ensure_ascii=False),
             json.dumps({"text": ""})]  # fmt: skip
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "b.txt").write_text(texts[2], encoding="utf-8")
    document = docx.Document()
    for line in texts[3].splitlines():
        document.add_paragraph(line)
    document.save(str(folder / "c.docx"))
    (folder / "broken.docx").write_bytes(b"not a zip")
    result = judgment_import(paths=[folder], index=False)
    assert (result.imported, result.duplicates) == (4, 0)
    reasons = sorted(f.reason for f in result.failures)
    assert len(reasons) == 4 and "不是有效的 JSON" in reasons and "每行须为 JSON 对象" in reasons
    from_json = Judgment.objects.get(external_id="7")
    assert from_json.charges == ["盗窃", "诈骗"]
    again = judgment_import(paths=[folder], index=False)
    assert (again.imported, again.duplicates) == (0, 4)


def test_import_refuses_missing_paths_and_unknown_file_types(search_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError) as caught:
        judgment_import(paths=[tmp_path / "nope"])
    assert caught.value.code == "knowledge.bad_judgment_path"
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    result = judgment_import(paths=[tmp_path / "x.pdf"])
    assert result.imported == 0 and "不支持的文件类型" in result.failures[0].reason


def test_import_enqueues_indexing_after_commit(search_dir: Path, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        judgment, _ = judgment_create(text=THEFT)
    judgment.refresh_from_db()
    assert judgment.indexed_at is not None
    assert [h.ref for h in search_run(query="手机", filters={"charge": "盗窃"}).hits] == [judgment.pk]


def test_search_filters_facets_and_candidates(search_dir: Path) -> None:
    made = judgments_generate(30, seed=2)
    page = search_run(query="被告人", filters={"case_type": "criminal"})
    assert page.total == sum(1 for j in made if j.case_type == "criminal") > 0
    facet_names = [name for name, _label, _values in page.facets()]
    assert "charge" in facet_names and "case_type" in facet_names
    labels = dict((n, v) for n, _l, v in page.facets())["case_type"]
    assert labels == [("criminal", "刑事", page.total)]
    theft = next(j for j in made if j.charges == ["盗窃"])
    found = judgment_candidates(text=theft.facts, filters={"charge": "盗窃"}, top_n=5)
    assert found and found[0].id == theft.pk and all(c.judgment.charges == ["盗窃"] for c in found)
    assert theft.pk not in [c.id for c in judgment_candidates(text=theft.facts, exclude_ids=[theft.pk])]
    assert judgment_candidates(text="") == []


def test_selector_turns_engine_refusals_into_invalid_input(search_dir: Path) -> None:
    judgments_generate(3, seed=1)
    for kwargs, code in (
        ({"query": "盗" * 100_000}, "search.query_too_long"),
        ({"query": ""}, "search.empty_query"),
        ({"query": "盗窃", "filters": {"judge": "x"}}, "search.unknown_filter"),
        ({"query": "盗窃", "sort": "size"}, "search.unknown_sort"),
    ):
        with pytest.raises(InvalidInputError) as caught:
            search_run(**kwargs)
        assert caught.value.code == code


def test_a_corrupt_index_is_rebuilt_from_the_database_on_first_use(search_dir: Path) -> None:
    made = judgments_generate(5, seed=3)
    (search_dir / "meta.json").write_text("{garbage", encoding="utf-8")
    from smartcourt.apps.knowledge import judgment_services

    judgment_services._indexes.clear()  # a fresh process
    assert search_run(query="被告人").total >= 1
    assert search_index().count() == len(made)
    assert search_index_check().ok


def test_commands_import_check_and_rebuild(search_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text(THEFT, encoding="utf-8")
    out = StringIO()
    call_command("import_judgments", str(source), "--index-now", stdout=out)
    assert "新导入 1" in out.getvalue() and "已索引 1" in out.getvalue()
    out = StringIO()
    call_command("search_index", "check", stdout=out)
    assert "索引完好" in out.getvalue() and "文档 1 篇" in out.getvalue()
    (search_dir / "meta.json").write_text("x", encoding="utf-8")
    err = StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("search_index", "check", stdout=StringIO(), stderr=err)
    assert exited.value.code == 1 and "索引损坏" in err.getvalue()
    out = StringIO()
    call_command("search_index", "check", "--repair", stdout=out)
    assert "索引完好" in out.getvalue()
    out = StringIO()
    call_command("search_index", "rebuild", stdout=out)
    assert "文档 1 篇" in out.getvalue()
    with pytest.raises(SystemExit) as exited:
        call_command("import_judgments", str(tmp_path / "missing"), stdout=StringIO(), stderr=StringIO())
    assert exited.value.code == 2


def test_judgment_index_stamps_indexed_at(search_dir: Path) -> None:
    judgment, _ = judgment_create(text=THEFT, index=False)
    assert judgment_index(ids=[judgment.pk]) == 1
    judgment.refresh_from_db()
    assert judgment.indexed_at is not None
    assert judgment_index(ids=[]) == 0
