"""LawBench 2-1 proofreading: the homophone corrector and the character-edit F0.5, on made-up sentences."""

from __future__ import annotations

import doctest

import pytest

from smartcourt.lawbench import TASKS, predict
from smartcourt.lawbench import _proofreading as proofreading
from smartcourt.lawbench._proofreading import Tables, correct, edit_f05

SMALL = Tables(
    pinyin={"正": "zheng", "证": "zheng", "岩": "yan", "言": "yan", "人": "ren", "张": "zhang", "三": "san"},
    best={"2:zheng yan": "证言"},
    attested=frozenset({"证言"}),
    context=frozenset({"人证", "言。", "言，"}),
    common=frozenset("证人言张三资料报送"),
    frequent=frozenset({"资料"}),
)


def test_module_doctests_pass() -> None:
    assert doctest.testmod(proofreading).failed == 0


def test_registered_as_2_1() -> None:
    predict("2-1", [])
    assert "2-1" in TASKS


def test_a_homophone_span_is_replaced_when_its_neighbours_fit() -> None:
    assert correct("证人正岩。", SMALL) == "证人证言。"


def test_a_span_repeated_in_the_sentence_is_kept_as_a_name() -> None:
    assert correct("证人正岩，正岩。", SMALL) == "证人正岩，正岩。"


def test_neighbours_that_do_not_fit_block_the_correction() -> None:
    assert correct("张正岩三", SMALL) == "张正岩三"


def test_a_rare_stray_character_inside_a_frequent_bigram_is_dropped() -> None:
    assert correct("报送资麗料", SMALL) == "报送资料"
    assert correct("报送资料", SMALL) == "报送资料"


def test_non_chinese_text_is_left_alone() -> None:
    assert correct("ABC 123，2024年。", SMALL) == "ABC 123，2024年。"


@pytest.mark.parametrize(
    ("typo", "fixed"),
    [
        ("本院依法组成合议廷审理了本案。", "本院依法组成合议庭审理了本案。"),
        ("被告应当支付原告经济补尝金。", "被告应当支付原告经济补偿金。"),
        ("原告提交的证据资麗料真实。", "原告提交的证据资料真实。"),
    ],
)
def test_shipped_tables_fix_common_legal_typos(typo: str, fixed: str) -> None:
    assert predict("2-1", [{"instruction": "纠正句子。句子：", "question": typo}]) == [fixed]


def test_shipped_tables_leave_a_correct_sentence_unchanged() -> None:
    sentence = "双方签订了劳动合同，约定月工资3000元，被告人对指控的犯罪事实供认不讳。"
    assert predict("2-1", [{"question": sentence}]) == [sentence]


def test_edit_f05_counts_matching_edits() -> None:
    assert edit_f05([]) == (0.0, 0.0, 0.0)
    assert edit_f05([("甲乙", "甲乙", "甲乙")]) == (0.0, 0.0, 0.0)
    assert edit_f05([("仗户", "账户", "账户")]) == (1.0, 1.0, 1.0)
    # a wrong replacement of the right character is a false positive and a miss
    assert edit_f05([("仗户", "账户", "帐户")]) == (0.0, 0.0, 0.0)
    precision, recall, f05 = edit_f05([("仗户资麗料", "账户资料", "账户资麗料")])
    assert (precision, recall) == (1.0, 0.5)
    assert f05 == pytest.approx(1.25 * 0.5 / (0.25 + 0.5))
