"""The shipped corpus: coverage, source, names, versions and amendment history; a corrupt file fails clearly."""

from __future__ import annotations

import lzma
from datetime import date
from pathlib import Path

import pytest

from smartcourt.engines.laws import (
    CorpusError,
    UnknownLawError,
    article_text,
    check_article,
    load_corpus,
    lookup_law,
)

SHARED_LAWS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "laws"


def test_the_required_laws_are_shipped_with_their_versions() -> None:
    corpus = load_corpus()
    versions = {law.id: [v.label for v in law.versions] for law in corpus.laws.values()}
    assert versions["民事诉讼法"] == ["2021-12-24", "2023-09-01"]
    assert versions["刑诉法解释"] == ["2012-12-20", "2021-01-26"]
    assert versions["民诉法解释"] == ["2020-12-29", "2022-04-01"]
    for law_id in [
        "刑法",
        "民法典",
        "刑事诉讼法",
        "行政诉讼法",
        "行诉法解释",
        "诉讼费用交纳办法",
        "登记立案规定",
    ]:
        assert law_id in versions
    assert len(corpus.laws["民法典"].latest.articles) == 1260
    assert len(corpus.laws["民事诉讼法"].latest.articles) == 306
    assert corpus.source["commit"] == "2f4c5c23716267af9dbebbbbd6cbbf732b101981"


def test_names_resolve_with_and_without_book_marks() -> None:
    assert lookup_law("《中华人民共和国刑法》").id == "刑法"
    assert lookup_law("最高人民法院关于适用《中华人民共和国民事诉讼法》的解释").id == "民诉法解释"
    assert lookup_law("民事诉讼法解释").id == "民诉法解释"
    assert lookup_law("刑诉法").id == "刑事诉讼法"
    with pytest.raises(UnknownLawError) as caught:
        lookup_law("《中华人民共和国不存在法》")
    assert caught.value.code == "law.unknown"


def test_criminal_law_articles_carry_their_amendment_history() -> None:
    article = lookup_law("刑法").latest.article(133, 2)
    assert article is not None
    assert [(c.event, c.by, c.effective) for c in article.history] == [
        ("added", "《中华人民共和国刑法修正案（十一）》", date(2021, 3, 1))
    ]
    assert article.history[0].wording.startswith(
        "二、在刑法第一百三十三条之一后增加一条，作为第一百三十三条之二："
    )
    assert article.chapter == "第二编 分则 / 第二章 危害公共安全罪"
    assert len(article.paragraphs) == 3


def test_a_later_amendment_is_noted_on_an_article_in_force() -> None:
    status = check_article("刑法", 133, suffix=1, on=date(2012, 1, 1))
    assert (status.in_force, status.note) == (True, "此后经《中华人民共和国刑法修正案（九）》修改")


def test_a_corrupt_data_file_raises_a_corpus_error(tmp_path: Path) -> None:
    broken = tmp_path / "laws.json.xz"
    broken.write_bytes(b"not xz")
    with pytest.raises(CorpusError) as caught:
        load_corpus(broken)
    assert caught.value.code == "corpus.unreadable"
    other = tmp_path / "other.json.xz"
    other.write_bytes(lzma.compress(b'{"format": 99}'))
    with pytest.raises(CorpusError) as caught:
        load_corpus(other)
    assert caught.value.code == "corpus.bad_format"


@pytest.mark.skipif(not SHARED_LAWS.is_dir(), reason="../shared/data/laws is not present")
def test_the_build_script_reproduces_the_shipped_corpus(tmp_path: Path) -> None:
    from smartcourt.engines.laws import _build_corpus

    out = tmp_path / "laws.json.xz"
    assert _build_corpus.main(["--laws", str(SHARED_LAWS), "--out", str(out)]) == 0
    rebuilt, shipped = load_corpus(out), load_corpus()
    assert {k: [len(v.articles) for v in law.versions] for k, law in rebuilt.laws.items()} == {
        k: [len(v.articles) for v in law.versions] for k, law in shipped.laws.items()
    }


def test_article_text_on_a_date_follows_the_amendments() -> None:
    assert article_text("刑法", 133, suffix=1, on=date(2016, 1, 1)) == article_text("刑法", 133, suffix=1)
    assert article_text("刑法", 199, on=date(2012, 1, 1)) == (
        "犯本节第一百九十二条规定之罪，数额特别巨大并且给国家和人民利益造成特别重大损失的，处无期徒刑或者死刑，并处没收财产。"
    )
    assert article_text("刑法", 199, on=date(2016, 1, 1)) is None  # deleted by 修正案（九）
    assert article_text("刑法", 264, on=date(2000, 1, 1)) is None  # the 1997 wording is not in the corpus
    assert article_text("民事诉讼法", 306, on=date(2023, 6, 1)) is None  # only in the 2023 text
    assert (
        article_text("民事诉讼法", 1, on=date(2023, 6, 1))
        == lookup_law("民事诉讼法").versions[0].articles[0].text
    )
