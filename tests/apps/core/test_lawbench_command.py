"""``smartcourt lawbench predict``: answers a generated task file, never reads the answers, fails clearly."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

NER = "依据给出的实体类型提取句子的实体信息。"
AMOUNT = "请你仔细计算文书中涉及的犯罪总金额。"


def _write(path: Path, items: list[dict[str, str]]) -> Path:
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_predict_writes_one_line_per_item_in_the_metric_form(tmp_path: Path) -> None:
    data = _write(
        tmp_path / "3-7.json",
        [
            {
                "instruction": AMOUNT,
                "question": "被告人甲某窃得现金800元、手机一部价值1200元。",
                "answer": "假",
            },
            {"instruction": AMOUNT, "question": "骗取乙某人民币叁万元整。", "answer": "假"},
            {"instruction": AMOUNT, "question": "", "answer": "假"},
        ],
    )
    out = StringIO()
    call_command(
        "lawbench",
        "predict",
        "--task",
        "3-7",
        "--data",
        str(data),
        "--out",
        str(tmp_path / "p.jsonl"),
        stdout=out,
    )
    assert _lines(tmp_path / "p.jsonl") == [
        {"index": 0, "prediction": "[金额]2000元<eoa>"},
        {"index": 1, "prediction": "[金额]30000元<eoa>"},
        {"index": 2, "prediction": ""},
    ]
    assert out.getvalue() == f"任务 3-7：已对 3 条作答，写入 {tmp_path / 'p.jsonl'}\n"


def test_predict_ner_and_the_answer_field_is_never_read(tmp_path: Path) -> None:
    question = "句子:被告人赵某某用螺丝刀撬开被害人钱某某的电动车，窃得电瓶2只。"
    with_answer = _write(
        tmp_path / "a.json", [{"instruction": NER, "question": question, "answer": "犯罪嫌疑人:错"}]
    )
    without = _write(tmp_path / "b.json", [{"instruction": NER, "question": question}])
    call_command(
        "lawbench", "predict", "--task", "2-6", "--data", str(with_answer), "--out", str(tmp_path / "a.jsonl")
    )
    call_command(
        "lawbench", "predict", "--task", "2-6", "--data", str(without), "--out", str(tmp_path / "b.jsonl")
    )
    assert (
        _lines(tmp_path / "a.jsonl")
        == _lines(tmp_path / "b.jsonl")
        == [{"index": 0, "prediction": "犯罪嫌疑人:赵某某\n受害人:钱某某\n被盗物品:电瓶2只\n作案工具:螺丝刀"}]
    )


def test_unknown_task_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    data = _write(tmp_path / "x.json", [{"instruction": "", "question": "x"}])
    with pytest.raises(
        CommandError, match=r"^不支持的任务 9-9；已支持：2-1、2-2、2-3、2-6、3-1、3-3、3-4、3-5、3-7$"
    ):
        call_command(
            "lawbench", "predict", "--task", "9-9", "--data", str(data), "--out", str(tmp_path / "o.jsonl")
        )
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, r"^无法读取文件："),
        ("{not json", r"不是 LawBench 任务文件"),
        ('{"question": "不是列表"}', r"不是 LawBench 任务文件"),
    ],
)
def test_unreadable_file_is_a_clear_error(tmp_path: Path, content: str | None, message: str) -> None:
    data = tmp_path / "task.json"
    if content is not None:
        data.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command(
            "lawbench", "predict", "--task", "3-7", "--data", str(data), "--out", str(tmp_path / "o.jsonl")
        )
