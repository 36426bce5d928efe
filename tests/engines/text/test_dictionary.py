"""The committed legal dictionary is what the build script makes from ../shared, and segmentation uses it."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from jieba import finalseg

from smartcourt.engines.text import segment
from smartcourt.engines.text._build_dictionary import OUTPUT, build_dictionary
from smartcourt.engines.text._segment import _hmm_cut, cut, forget_words, tokenizer
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


def _generated_texts() -> list[str]:
    rng = random.Random(3)
    alphabet = "被告人张某盗窃罪取保候审并处罚金abcXYZ123.5%－-，。 \n\t&#_人民币元万的了是在年月日窜至某市"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120))) for _ in range(400)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "被告人张某某于2019年3月5日窜至某某市某某区人民路12号，窃得现金人民币3,500元及华为手机一部。",
        "现已审理终结。经审理查明：被告人李某（绰号“小李”）驾驶浙A12345号小型轿车，血液中乙醇含量为229.5mg/100ml。",
        "ABC abc 123 4.5% ——   \r\n\t 甲乙丙丁戊己庚辛",
    ],
)
def test_cut_is_word_for_word_jieba(text: str) -> None:
    assert cut(text) == list(tokenizer().cut(text))


def test_cut_is_jieba_on_generated_text_seen_or_not() -> None:
    texts = _generated_texts()
    expected = [list(tokenizer().cut(t)) for t in texts]
    forget_words()
    assert [cut(t) for t in texts] == expected  # unseen
    assert [cut(t) for t in texts] == expected  # remembered


def test_cut_is_jieba_on_the_real_judgments() -> None:
    path = DATA / "judgments" / "lecardv2_queries.jsonl"
    if not path.is_file():
        pytest.skip("../shared/data is absent")
    texts = [json.loads(line)["query"] for line in path.read_text(encoding="utf-8").splitlines()[:40]]
    assert [cut(t) for t in texts] == [list(tokenizer().cut(t)) for t in texts]


def test_hmm_is_jieba_finalseg() -> None:
    rng = random.Random(7)
    alphabet = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面abc12.%"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(2000)]
    assert [list(_hmm_cut(t)) for t in texts] == [list(finalseg.cut(t)) for t in texts]
