"""LawBench predictors on generated items (synthetic text; the real task files stay in ../shared)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from smartcourt.lawbench import TASKS, UnknownTaskError, predict, run

NER_INSTRUCTION = "依据给出的实体类型提取句子的实体信息，逐个列出实体信息。"
AMOUNT_INSTRUCTION = "请你仔细计算文书中涉及的犯罪总金额。"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def ner_item(sentence: str) -> dict[str, str]:
    return {"instruction": NER_INSTRUCTION, "question": f"句子:{sentence}", "answer": "不可读取"}


def test_ner_lists_each_type_once_with_mentions_in_order() -> None:
    item = ner_item(
        "2019年3月5日20时许，被告人赵某某在某某市**区**路**小区楼下，用扳手撬开被害人钱某某停放的电动车，"
        "窃得电瓶2只，价值人民币600元。"
    )
    assert predict("2-6", [item]) == [
        "犯罪嫌疑人:赵某某\n"
        "受害人:钱某某\n"
        "物品价值:人民币600元\n"
        "被盗物品:电瓶2只\n"
        "作案工具:扳手\n"
        "时间:2019年3月5日20时许\n"
        "地点:某某市**区**路**小区楼下"
    ]


def test_ner_names_organisations_and_proceeds() -> None:
    item = ner_item("随后，被告人孙某将该手机销赃，非法获利300元，案发后该手机被某某县公安局追回。")
    assert predict("2-6", [item]) == [
        "犯罪嫌疑人:孙某\n盗窃获利:300元\n被盗物品:该手机、该手机\n组织机构:某某县公安局"
    ]


def test_ner_sentence_without_entities_gives_the_empty_answer() -> None:
    assert predict("2-6", [ner_item("得手后逃离现场。")]) == [""]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("经审理查明：被告人李某窃得现金500元，手机一部（价值1200元）。", "[金额]1700元<eoa>"),
        ("被告人周某骗取甲现金2.6万元、乙1.8万元。", "[金额]44000元<eoa>"),
        ("盗得电脑一台，价值3000元，后以800元的价格卖给他人，并处罚金人民币2000元。", "[金额]3000元<eoa>"),
        (
            "盗窃香烟两条价值300元、白酒两瓶价值200元，共计价值500元。经鉴定，香烟价值300元。",
            "[金额]500元<eoa>",
        ),
        ("合计人民币3895.1元，认定取值为3900元。", "[金额]3900元<eoa>"),
        ("被告人王某多次盗窃，价值共计5000元。其中盗窃手机价值3000元、电脑价值2000元。", "[金额]5000元<eoa>"),
        ("本案无涉案金额。", ""),
    ],
)
def test_crime_amount(question: str, answer: str) -> None:
    assert predict("3-7", [{"instruction": AMOUNT_INSTRUCTION, "question": question}]) == [answer]


def test_predict_ignores_the_answer_field() -> None:
    item = {"instruction": AMOUNT_INSTRUCTION, "question": "窃得现金100元。"}
    assert predict("3-7", [item]) == predict("3-7", [{**item, "answer": "上文涉及到的犯罪金额:999.0元。"}])


def test_unknown_task_is_an_error() -> None:
    with pytest.raises(UnknownTaskError):
        predict("9-9", [])


def test_registry_holds_the_implemented_tasks() -> None:
    predict("2-6", [])
    assert sorted(TASKS) == ["2-1", "2-2", "2-3", "2-6", "3-1", "3-3", "3-4", "3-5", "3-7"]


def test_run_writes_one_json_line_per_item(tmp_path: Path) -> None:
    items = [
        {"instruction": AMOUNT_INSTRUCTION, "question": "窃得现金100元。", "answer": "x"},
        {"instruction": AMOUNT_INSTRUCTION, "question": "骗取人民币叁万伍仟元整。", "answer": "x"},
        {"instruction": AMOUNT_INSTRUCTION, "question": "", "answer": "x"},
    ]
    data = tmp_path / "3-7.json"
    data.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "preds.jsonl"
    assert run("3-7", data, out) == 3
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"index": 0, "prediction": "[金额]100元<eoa>"},
        {"index": 1, "prediction": "[金额]35000元<eoa>"},
        {"index": 2, "prediction": ""},
    ]


def test_generated_file_scores_with_the_official_tool(tmp_path: Path) -> None:
    scorer = SHARED / "tools" / "lawbench_score.py"
    if not scorer.is_file():
        pytest.skip("../shared/tools/lawbench_score.py is absent")
    items = [
        {
            "instruction": AMOUNT_INSTRUCTION,
            "question": "窃得现金100元，手机一部价值900元。",
            "answer": "上文涉及到的犯罪金额:1000.0元。",
        },
        {
            "instruction": AMOUNT_INSTRUCTION,
            "question": "骗取现金2万元。",
            "answer": "上文涉及到的犯罪金额:20000.0元。",
        },
    ]
    data = tmp_path / "3-7.json"
    data.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "preds.jsonl"
    run("3-7", data, out)
    result = subprocess.run(
        [sys.executable, str(scorer), "--task", "3-7", "--data", str(data), "--pred", str(out)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert json.loads(result.stdout)["score"] == 1.0


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # a sum only claimed in quoted speech is not the crime's
        ("被告人甲某谎称“需交纳5000元保证金”，骗取被害人乙某现金3000元。", "[金额]3000元<eoa>"),
        # a summing-up sentence states the grand total
        (
            "1.被告人甲某骗取乙某2000元。2.骗取丙某3000元。综上，被告人甲某以非法占有为目的，共计骗取他人财物6000元。",
            "[金额]6000元<eoa>",
        ),
        # a lead total before the numbered items
        (
            "被告人甲某多次盗窃，价值共计人民币8000元，具体分述如下：1.窃得手机一部，价值3000元；2.窃得电脑一台，价值4000元。",
            "[金额]8000元<eoa>",
        ),
        # a value total covers the unpriced goods and the cash of its own sentence
        ("窃得香烟5条及现金200元，共计价值1500元。", "[金额]1500元<eoa>"),
        # the second item of a 、-list shares the first one's reading
        ("以借款为名从甲某、乙某处分别骗得人民币5000元、3000元。", "[金额]8000元<eoa>"),
        # a sum referred back to (所骗的) is told once
        ("骗取被害人现金4000元。被告人所骗的4000元已挥霍。", "[金额]4000元<eoa>"),
        # 伍元金 after 被告人 is a name
        ("被告人伍元金窃得现金300元。", "[金额]300元<eoa>"),
        # repair costs are damage, not the amount taken
        ("盗窃现金2600元，车主维修车玻璃费用260元。", "[金额]2600元<eoa>"),
    ],
)
def test_crime_amount_rules(question: str, answer: str) -> None:
    assert predict("3-7", [{"instruction": AMOUNT_INSTRUCTION, "question": question}]) == [answer]


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        # names listed with a victim are victims too
        (
            "被告人赵某某窃得钱某某、孙某某电动车电瓶4只。",
            "犯罪嫌疑人:赵某某\n受害人:钱某某、孙某某\n被盗物品:孙某某电动车电瓶4只",
        ),
        # an arrest sentence names no time or place of the theft
        ("2019年5月1日，公安民警在某某市某某路将被告人李某某抓获。", "犯罪嫌疑人:李某某"),
        # 元现金 after the sum is stolen cash
        ("被告人周某某盗走抽屉内500元现金。", "犯罪嫌疑人:周某某\n被盗货币:500元现金"),
        # a total after valued items is a value too; 被盗X before 价值 is the goods
        (
            "经鉴定，被盗手机价值人民币1000元，被盗电脑价值人民币2000元，共计3000元。",
            "物品价值:人民币1000元、人民币2000元、3000元\n被盗物品:被盗手机、被盗电脑",
        ),
        # a vague sum; the place runs on through the victim's home
        (
            "被告人吴某在某某县某某镇某某村被害人郑某家中，窃得几十元零钱。",
            "犯罪嫌疑人:吴某\n受害人:郑某\n被盗货币:几十元零钱\n地点:某某县某某镇某某村被害人郑某家中",
        ),
    ],
)
def test_ner_rules(sentence: str, answer: str) -> None:
    assert predict("2-6", [ner_item(sentence)]) == [answer]
