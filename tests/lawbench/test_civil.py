"""LawBench 2-3 (marital-dispute elements) and 2-2 (dispute focus) on made-up sentences."""

from __future__ import annotations

import doctest
import re

import pytest

from smartcourt.lawbench import TASKS, _civil, predict

LABELS_2_3 = [
    "婚后有子女",
    "限制行为能力子女抚养",
    "有夫妻共同财产",
    "支付抚养费",
    "不动产分割",
    "婚后分局",
    "二次起诉离婚",
    "按月给付抚养费",
    "准予离婚",
    "有夫妻共同债务",
    "婚前个人财产",
    "法定离婚",
    "不履行家庭义务",
    "存在非婚生子",
    "适当帮助",
    "不履行离婚协议",
    "损害赔偿",
    "感情不和分居满二年",
    "子女随非抚养权人生活",
    "婚后个人财产",
]
LABELS_2_2 = [
    "诉讼主体",
    "租金情况",
    "利息",
    "本金争议",
    "责任认定",
    "责任划分",
    "损失认定及处理",
    "原审判决是否适当",
    "合同效力",
    "财产分割",
    "责任承担",
    "鉴定结论采信问题",
    "诉讼时效",
    "违约",
    "合同解除",
    "肇事逃逸",
]


def labels(answer: str) -> list[str]:
    match = re.fullmatch(r"\[类别\](.+)<eoa>", answer)
    assert match, answer
    return match.group(1).split("、")


def test_module_doctests_pass() -> None:
    assert doctest.testmod(_civil).failed == 0


def test_both_tasks_are_registered() -> None:
    predict("2-3", [])  # importing the registry loads the predictors
    assert {"2-2", "2-3"} <= set(TASKS)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "婚生子某甲由原告抚养，被告每月支付抚养费800元。",
            ["婚后有子女", "限制行为能力子女抚养", "支付抚养费", "按月给付抚养费"],
        ),
        ("二、婚生女某乙由原告抚养，抚养费由原告自行负担。", ["婚后有子女", "限制行为能力子女抚养"]),
        (
            "位于某市某区某路1号房屋归原告所有，原告补偿被告房屋折价款10万元。",
            ["有夫妻共同财产", "不动产分割"],
        ),
        ("一、准予原告某甲与被告某乙离婚；", ["准予离婚", "法定离婚"]),
        ("原告曾于2015年起诉离婚，本院判决不准离婚。", ["二次起诉离婚"]),
        ("双方自2016年起分居至今已三年。", ["婚后分局", "感情不和分居满二年"]),
        ("婚后共同债务5万元由被告偿还。", ["有夫妻共同债务"]),
        ("原告的婚前财产有电动车一辆。", ["婚前个人财产"]),
        ("双方同居生活期间生育一女，现随原告生活。", ["限制行为能力子女抚养", "存在非婚生子"]),
        ("被告主张精神损害赔偿5万元。", ["损害赔偿"]),
    ],
)
def test_elements_follow_the_cues(sentence: str, expected: list[str]) -> None:
    (answer,) = predict("2-3", [{"instruction": "", "question": f"句子:{sentence}"}])
    assert labels(answer) == expected


def test_every_2_3_answer_uses_only_instruction_labels_and_is_never_empty() -> None:
    items = [{"question": "句子:今天天气很好。"}, {"question": ""}, {}]
    for answer in predict("2-3", items):
        found = labels(answer)
        assert found and set(found) <= set(LABELS_2_3)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("原告诉称，被告驾车肇事后逃逸，交警认定被告负全部责任。", "肇事逃逸"),
        ("被告辩称原告的请求已超过诉讼时效。", "诉讼时效"),
        ("上诉人不服一审判决，认为双方不存在劳动关系，不应支付加班工资。", "原审判决是否适当"),
        ("原告诉称被告拖欠房租三个月，要求支付租金。", "租金情况"),
        ("原告诉称被告向其借款5万元并出具借条，至今未还。", "本金争议"),
        ("原告要求被告按月利率2%支付利息。", "利息"),
        ("被告辩称双方签订的合同违反强制性规定，应属无效。", "合同效力"),
        ("原告要求解除双方的买卖合同。", "合同解除"),
        ("原告诉称，被告驾驶轿车与原告相撞，发生交通事故。", "责任认定"),
        ("原告要求被告承担连带清偿责任。", "责任承担"),
    ],
)
def test_focus_follows_the_priority_order(sentence: str, expected: str) -> None:
    assert predict("2-2", [{"question": f"句子:{sentence}"}]) == [f"[争议焦点]{expected}<eoa>"]


def test_every_2_2_answer_names_exactly_one_focus() -> None:
    items = [{"question": "句子:无关内容。"}, {"question": ""}, {}]
    for answer in predict("2-2", items):
        assert sum(label in answer for label in LABELS_2_2) == 1
