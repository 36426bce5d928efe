"""The search engine: indexing, filters, facets, sorting, highlighting, limits, bad input, corruption."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.search import (
    MAX_QUERY_CHARS,
    MAX_SIMILAR_CHARS,
    BadFilterValueError,
    EmptyQueryError,
    IndexCorruptError,
    IndexDoc,
    QueryTooLongError,
    SearchError,
    SearchIndex,
    UnknownFilterError,
    UnknownSortError,
    highlight,
    index_words,
)

THEFT = "被告人甲某于2020年5月在某商场窃取被害人手机一部，价值人民币3000元。本院认为，被告人构成盗窃罪。"
FRAUD = "被告人乙某虚构投资项目，骗取被害人钱款人民币50000元。本院认为，被告人构成诈骗罪。"
LOAN = "原告丙某与被告丁某民间借贷纠纷一案，被告向原告借款人民币20000元，到期未还。"


def _docs() -> list[IndexDoc]:
    return [
        IndexDoc(kind="judgment", ref=1, title="甲某盗窃一审刑事判决书", text=THEFT, date=dt.date(2020, 9, 1),
                 court_level="basic", region="浙江省", year=2020, case_type="criminal", cause="盗窃罪",
                 charges=("盗窃",), procedure="first_instance", document_type="judgment",
                 extra={"case_number": "（2020）浙0102刑初1号"}),
        IndexDoc(kind="judgment", ref=2, title="乙某诈骗二审刑事裁定书", text=FRAUD, date=dt.date(2021, 3, 1),
                 court_level="intermediate", region="浙江省", year=2021, case_type="criminal", cause="诈骗罪",
                 charges=("诈骗", "盗窃"), procedure="second_instance", document_type="ruling"),
        IndexDoc(kind="judgment", ref=3, title="丙某与丁某民间借贷纠纷", text=LOAN, date=dt.date(2019, 1, 5),
                 court_level="basic", region="江苏省", year=2019, case_type="civil", cause="民间借贷纠纷",
                 procedure="first_instance", document_type="judgment"),
        IndexDoc(kind="article", ref=264, title="中华人民共和国刑法第二百六十四条",
                 text="盗窃公私财物，数额较大的，或者多次盗窃、入户盗窃、携带凶器盗窃、扒窃的，处三年以下有期徒刑、拘役或者管制。",
                 date=dt.date(2021, 3, 1), extra={"law": "中华人民共和国刑法"}),
    ]  # fmt: skip


@pytest.fixture
def index(tmp_path: Path) -> SearchIndex:
    ix = SearchIndex(tmp_path / "ix")
    assert ix.add(_docs()) == 4
    return ix


def test_words_match_in_body_and_title_and_articles_and_judgments_both_come_back(index: SearchIndex) -> None:
    result = index.search("盗窃 手机")
    assert {h.uid for h in result.hits} >= {"judgment:1", "article:264"}
    assert result.hits[0].uid == "judgment:1"  # both words, one of them in the title too
    assert result.words == ("盗窃", "手机")
    assert result.hits[0].extra == {"case_number": "（2020）浙0102刑初1号"}


def test_filters_narrow_and_lists_mean_any_of(index: SearchIndex) -> None:
    assert [h.ref for h in index.search("被告人", filters={"charge": "诈骗"}).hits] == [2]
    assert {h.ref for h in index.search("被告人", filters={"charge": "盗窃"}).hits} == {1, 2}
    assert {h.ref for h in index.search("人民币", filters={"year": [2019, 2021]}).hits} == {2, 3}
    only = index.search("人民币", filters={"court_level": "basic", "region": "江苏省", "case_type": "civil",
                                          "procedure": "first_instance", "document_type": "judgment",
                                          "cause": "民间借贷纠纷"})  # fmt: skip
    assert [h.ref for h in only.hits] == [3]
    assert [h.uid for h in index.search("盗窃", kinds=["article"]).hits] == ["article:264"]


def test_facets_count_each_filter_value_among_the_matches(index: SearchIndex) -> None:
    facets = index.search("人民币").facets
    assert {(f.value, f.count) for f in facets["case_type"]} == {("criminal", 2), ("civil", 1)}
    assert {(f.value, f.count) for f in facets["charge"]} == {("盗窃", 2), ("诈骗", 1)}
    assert {(f.value, f.count) for f in facets["year"]} == {("2019", 1), ("2020", 1), ("2021", 1)}
    assert index.search("人民币", facets=False).facets == {}


def test_sort_by_date_puts_the_newest_first_and_an_empty_query_with_a_filter_lists(
    index: SearchIndex,
) -> None:
    assert [h.ref for h in index.search("人民币", sort="date").hits] == [2, 1, 3]
    listed = index.search("", filters={"case_type": "criminal"})
    assert [h.ref for h in listed.hits] == [2, 1] and listed.total == 2
    assert index.search("", kinds=["article"]).total == 1


def test_paging_with_limit_and_offset(index: SearchIndex) -> None:
    first = index.search("人民币", sort="date", limit=2)
    second = index.search("人民币", sort="date", limit=2, offset=2)
    assert first.total == second.total == 3
    assert [h.ref for h in first.hits + second.hits] == [2, 1, 3]


def test_passages_are_spans_of_the_original_text_with_the_words_marked(index: SearchIndex) -> None:
    hit = index.search("手机 盗窃").hits[0]
    assert hit.text == THEFT
    for passage in hit.passages:
        assert THEFT[passage.span[0] : passage.span[1]] == passage.text
        marked = {passage.text[s:e] for s, e in passage.highlights}
        assert marked <= {"手机", "盗窃"} and marked


def test_highlight_maps_full_width_text_back_to_the_original() -> None:
    text = "被告人于２０２０年窃取ｉＰｈｏｎｅ手机"
    [passage] = highlight(text, ["2020", "iphone", "手机"])
    assert passage.text == text
    assert [passage.text[s:e] for s, e in passage.highlights] == ["２０２０", "ｉＰｈｏｎｅ", "手机"]


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="被告人盗窃手机。，ab１２ 诈骗\n", max_size=300),
    st.lists(st.sampled_from(["盗窃", "手机", "ab", "12"])),
)
def test_highlights_always_lie_inside_their_passage_and_the_text(text: str, words: list[str]) -> None:
    for passage in highlight(text, words, width=40):
        assert text[passage.span[0] : passage.span[1]] == passage.text
        for s, e in passage.highlights:
            assert 0 <= s < e <= len(passage.text)


def test_a_query_of_100000_characters_is_refused_clearly(index: SearchIndex) -> None:
    with pytest.raises(QueryTooLongError) as caught:
        index.search("盗" * 100_000)
    assert caught.value.code == "search.query_too_long" and "100000" in caught.value.message
    assert index.search("盗窃" * (MAX_QUERY_CHARS // 2)).total >= 1  # at the limit it runs


def test_an_empty_query_without_filters_is_refused_and_punctuation_finds_nothing(index: SearchIndex) -> None:
    for query in ("", "   ", "\n"):
        with pytest.raises(EmptyQueryError) as caught:
            index.search(query)
        assert caught.value.message == "请输入检索词或选择筛选条件"
    assert index.search("，。！？").total == 0
    assert index.search("的了").total == 0  # stop characters only


def test_unknown_filters_sorts_and_bad_values_are_clear_errors(index: SearchIndex) -> None:
    with pytest.raises(UnknownFilterError) as caught:
        index.search("盗窃", filters={"colour": "red"})
    assert (caught.value.code, caught.value.field) == ("search.unknown_filter", "colour")
    with pytest.raises(BadFilterValueError):
        index.search("盗窃", filters={"year": "二〇二〇"})
    with pytest.raises(BadFilterValueError):
        index.search("盗窃", filters={"year": 3000})
    with pytest.raises(BadFilterValueError):
        index.search("盗窃", filters={"charge": "盗" * 101})
    with pytest.raises(BadFilterValueError):
        index.search("盗窃", filters={"charge": [str(i) for i in range(21)]})
    with pytest.raises(UnknownSortError):
        index.search("盗窃", sort="size")
    with pytest.raises(BadFilterValueError):
        index.search("盗窃", kinds=["video"])
    assert isinstance(UnknownSortError(sort="x"), SearchError)


def test_adding_the_same_document_again_replaces_it_and_delete_removes_it(index: SearchIndex) -> None:
    index.add([IndexDoc(kind="judgment", ref=1, title="甲某盗窃", text="被告人甲某窃取电动车一辆")])
    assert index.count() == 4
    assert [h.ref for h in index.search("电动车").hits] == [1]
    assert index.search("手机", kinds=["judgment"]).total == 0
    index.delete(["judgment:1"])
    assert index.count() == 3 and index.search("电动车").total == 0


def test_similar_ranks_by_the_texts_telling_words_under_filters_and_excludes(index: SearchIndex) -> None:
    facts = "被告人某某在商场内窃取他人手机一部，价值人民币2000元。" * 3
    hits = index.similar(facts, filters={"case_type": "criminal"}).hits
    assert hits[0].ref == 1 and all(h.kind == "judgment" for h in hits)
    assert 1 not in [h.ref for h in index.similar(facts, exclude=["judgment:1"]).hits]
    assert index.similar("").hits == () and index.similar("，。").hits == ()
    long = facts + "无关文字" * MAX_SIMILAR_CHARS  # past the limit: ignored, not refused
    assert index.similar(long).hits[0].ref == 1
    with pytest.raises(UnknownFilterError):
        index.similar(facts, filters={"judge": "x"})


def test_another_instance_sees_new_documents_and_a_rebuild(tmp_path: Path, index: SearchIndex) -> None:
    reader = SearchIndex(index.path)
    index.add([IndexDoc(kind="judgment", ref=9, title="新案", text="被告人窃取自行车")])
    assert reader.search("自行车").total == 1
    SearchIndex.rebuild(
        index.path, [IndexDoc(kind="judgment", ref=10, title="重建", text="重建后的唯一文书")]
    )
    assert reader.count() == 1 and reader.search("自行车").total == 0


@pytest.mark.parametrize("damage", ["meta_garbage", "meta_missing", "marker_missing", "segment_truncated",
                                    "store_scrambled", "schema_version"])  # fmt: skip
def test_a_corrupt_index_is_detected_and_a_rebuild_repairs_it(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "ix"
    SearchIndex(path).add(_docs())
    segment = {p.suffix: p for p in path.iterdir()}
    if damage == "meta_garbage":
        (path / "meta.json").write_text("{garbage", encoding="utf-8")
    elif damage == "meta_missing":
        (path / "meta.json").unlink()
    elif damage == "marker_missing":
        (path / "smartcourt-search.json").unlink()
    elif damage == "segment_truncated":
        data = segment[".idx"].read_bytes()
        segment[".idx"].write_bytes(data[: len(data) // 2])
    elif damage == "store_scrambled":
        data = segment[".store"].read_bytes()
        segment[".store"].write_bytes(data[:4] + os.urandom(len(data) - 8) + data[-4:])
    else:
        (path / "smartcourt-search.json").write_text('{"schema": 0}', encoding="utf-8")
    with pytest.raises(IndexCorruptError) as caught:
        SearchIndex(path)
    assert caught.value.code == "search.index_corrupt" and caught.value.message.startswith("检索索引已损坏")
    rebuilt = SearchIndex.rebuild(path, _docs())
    assert rebuilt.check().ok and rebuilt.search("盗窃").total >= 2
    assert not any(p.name.startswith(".ix.") for p in tmp_path.iterdir())  # no leftovers


def test_check_reads_a_healthy_index(index: SearchIndex) -> None:
    health = index.check()
    assert health.ok and health.documents == 4 and health.problem == ""


def test_index_words_drop_punctuation_and_fold_case() -> None:
    assert index_words("ＡＢＣ公司，盗窃！") == ["abc", "公司", "盗窃"]
    assert index_words("") == [] and index_words(None) == []  # type: ignore[arg-type]


def test_similar_without_stored_fields_gives_ids_and_scores_only(index: SearchIndex) -> None:
    facts = "被告人某某在商场内窃取他人手机一部，价值人民币2000元。"
    full = index.similar(facts)
    bare = index.similar(facts, stored=False)
    assert [(h.kind, h.ref, h.score) for h in bare.hits] == [(h.kind, h.ref, h.score) for h in full.hits]
    assert bare.hits[0].text == "" and full.hits[0].text
