"""LawBench 2-3 (marital-dispute elements) and 2-2 (dispute focus) on made-up sentences."""

from __future__ import annotations

import doctest
import json
import re

import pytest

from smartcourt.engines.text.linear import load_model
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


INSTRUCTION_2_3 = (
    "根据标签确定句子类别，标签包括：" + "、".join(LABELS_2_3) + "。将答案写在[类别]和<eoa>之间。"
)
INSTRUCTION_2_2 = (
    "判断句子包含的争议焦点类别。类别包括:" + "、".join(LABELS_2_2) + "。将答案写在[争议焦点]和<eoa>之间。"
)
SHIPPED = json.loads(_civil.PARAMS.read_text("utf-8"))


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
        ("今天天气很好。", []),
    ],
)
def test_element_cues(sentence: str, expected: list[str]) -> None:
    assert _civil.elements_2_3(sentence) == expected


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
def test_focus_cues_follow_the_priority_order(sentence: str, expected: str) -> None:
    assert _civil.focus_2_2(sentence) == expected


def test_the_instruction_label_sets_are_read_in_order() -> None:
    assert _civil.instruction_labels({"instruction": INSTRUCTION_2_3}) == tuple(LABELS_2_3)
    assert _civil.instruction_labels({"instruction": INSTRUCTION_2_2}) == tuple(LABELS_2_2)


@pytest.mark.parametrize("task", ["2-2", "2-3"])
def test_the_shipped_choice_is_recorded_with_its_cross_validated_figure(task: str) -> None:
    entry = SHIPPED[task]
    assert entry["ships"] in ("model", "rules")
    assert (entry["ships"] == "model") == (entry["cv"][entry["variant"]] > entry["rules_honest_estimate"])
    model_file = _civil.DATA / entry["model"]
    assert model_file.stat().st_size < 3_000_000
    labels = LABELS_2_2 if task == "2-2" else LABELS_2_3
    assert load_model(model_file).classes == tuple(labels)


def test_every_2_3_answer_uses_only_instruction_labels_and_is_never_empty() -> None:
    sentences = ["今天天气很好。", "婚生女由原告抚养，被告每月支付抚养费500元。", ""]
    items = [{"instruction": INSTRUCTION_2_3, "question": f"句子:{s}"} for s in sentences] + [{}]
    for answer in predict("2-3", items):
        found = labels(answer)
        assert found and set(found) <= set(LABELS_2_3)


def test_2_3_answers_stay_within_a_narrower_instruction() -> None:
    instruction = "根据标签确定句子类别，标签包括：准予离婚、损害赔偿。将答案写在[类别]和<eoa>之间。"
    (answer,) = predict("2-3", [{"instruction": instruction, "question": "句子:婚生女由原告抚养。"}])
    assert set(labels(answer)) <= {"准予离婚", "损害赔偿"}
    assert labels(answer)


def test_every_2_2_answer_names_exactly_one_focus() -> None:
    sentences = ["无关内容。", "原告要求被告按月利率2%支付利息。", ""]
    items = [{"instruction": INSTRUCTION_2_2, "question": f"句子:{s}"} for s in sentences] + [{}]
    for answer in predict("2-2", items):
        assert sum(label in answer for label in LABELS_2_2) == 1


def test_2_2_answers_stay_within_a_narrower_instruction() -> None:
    instruction = "判断句子包含的争议焦点类别。类别包括:违约、合同解除。将答案写在[争议焦点]和<eoa>之间。"
    item = {"instruction": instruction, "question": "句子:原告诉称被告驾车肇事后逃逸。"}
    assert predict("2-2", [item])[0] in ("[争议焦点]违约<eoa>", "[争议焦点]合同解除<eoa>")
