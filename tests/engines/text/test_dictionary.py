"""The committed legal dictionary is what the build script makes from ../shared, and segmentation uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcourt.engines.text import segment
from smartcourt.engines.text._build_dictionary import OUTPUT, build_dictionary
from smartcourt.engines.text.errors import DictionaryError

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def test_committed_dictionary_matches_a_rebuild() -> None:
    if not (DATA / "laws").is_dir():
        pytest.skip("../shared/data is absent")
    lines = build_dictionary(
        DATA / "laws", DATA / "catalogs" / "charges", DATA / "catalogs" / "divisions_stats2023"
    )
    assert OUTPUT.read_text(encoding="utf-8").splitlines() == lines


def test_missing_source_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError):
        build_dictionary(tmp_path / "none", tmp_path, tmp_path)


def test_legal_terms_stay_whole() -> None:
    words = [t.word for t in segment("被告人取保候审，并处罚金，宣告缓刑，系累犯，如实供述，取得谅解")]
    assert words == [
        "被告人",
        "取保候审",
        "，",
        "并处罚金",
        "，",
        "宣告缓刑",
        "，",
        "系",
        "累犯",
        "，",
        "如实供述",
        "，",
        "取得",
        "谅解",
    ]


def test_tokens_index_the_original_text() -> None:
    text = "盗窃&ldquo;华为&rdquo;手机１部"
    assert [(t.word, t.start, t.end) for t in segment(text)] == [
        ("盗窃", 0, 2),
        ("&ldquo;", 2, 9),
        ("华为", 9, 11),
        ("&rdquo;", 11, 18),
        ("手机", 18, 20),
        ("１", 20, 21),
        ("部", 21, 22),
    ]
