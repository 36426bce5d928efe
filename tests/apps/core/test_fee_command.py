"""``smartcourt fee``: prints the computation bracket by bracket as JSON; bad input → Chinese on stderr, exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command


def _run(*args: str) -> dict[str, Any]:
    out, err = StringIO(), StringIO()
    call_command("fee", *args, stdout=out, stderr=err)
    assert err.getvalue() == ""
    payload: dict[str, Any] = json.loads(out.getvalue())
    return payload


def _fail(*args: str) -> str:
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as caught:
        call_command("fee", *args, stdout=out, stderr=err)
    assert caught.value.code == 2
    assert out.getvalue() == ""
    return err.getvalue()


def test_property_bracket_by_bracket() -> None:
    payload = _run("--kind", "property", "--amount", "1000000")
    assert payload["total"] == "13800.00"
    assert [(line["lower"], line["upper"], line["rate"], line["portion"]) for line in payload["lines"]] == [
        ("0", "10000", None, "50"),
        ("10000", "100000", "0.025", "2250"),
        ("100000", "200000", "0.02", "2000"),
        ("200000", "500000", "0.015", "4500"),
        ("500000", "1000000", "0.01", "5000"),
    ]
    assert payload["rules"] == [
        {"article": "第十三条第(一)项", "summary": "财产案件根据诉讼请求的金额或者价额分段累计交纳"}
    ]
    assert payload["source"] == {
        "title": "诉讼费用交纳办法",
        "document_number": "国务院令第481号",
        "effective": "2007-04-01",
    }


def test_simple_procedure_and_mediation_halve_once() -> None:
    payload = _run("--kind", "property", "--amount", "100000", "--procedure", "simple", "--mediated")
    assert (payload["total"], payload["halved"]) == ("1150.00", True)
    assert [rule["article"] for rule in payload["rules"]][1:3] == ["第十五条", "第十六条"]


@pytest.mark.parametrize(
    ("kind", "amount", "low", "high"),
    [
        ("divorce", "300000", "550.00", "800.00"),
        ("personality", "80000", "400.00", "800.00"),
        ("ip", None, "500.00", "1000.00"),
        ("labour", "5000", "10.00", "10.00"),
        ("administrative", None, "50.00", "50.00"),
        ("enforcement", "500000", "7400.00", "7400.00"),
        ("preservation", "1000000", "5000.00", "5000.00"),
        ("payment_order", "100000", "766.67", "766.67"),
    ],
)
def test_every_promised_kind(kind: str, amount: str | None, low: str, high: str) -> None:
    args = ["--kind", kind] + ([] if amount is None else ["--amount", amount])
    payload = _run(*args)
    assert (payload["total_range"]["low"], payload["total_range"]["high"]) == (low, high)
    assert payload["total"] == (low if low == high else None)


def test_the_court_picks_inside_the_range() -> None:
    assert _run("--kind", "divorce", "--amount", "300000", "--per-case", "100")["total"] == "600.00"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "property", "--amount", "-5"], "金额不能为负数：-5\n"),
        (["--kind", "property", "--amount", "abc"], "金额无效：abc（不是数字）\n"),
        (["--kind", "property", "--amount", "1.234"], "金额无效：1.234（最小单位为分，至多两位小数）\n"),
        (["--kind", "tax", "--amount", "5"], "未知的费用种类：tax\n"),
        (["--amount", "5"], "须指定费用种类 --kind（如 property、divorce、enforcement）\n"),
        (["--kind", "property"], "“财产案件”须提供金额（诉讼请求的金额或者价额）\n"),
        (
            ["--kind", "property", "--amount", "5", "--procedure", "fast"],
            "参数无效：未知的审理程序：fast（应为 ordinary 或 simple）\n",
        ),
        (["--kind", "divorce", "--per-case", "500"], "每件交纳标准 500 元不在法定幅度 50 元至 300 元之内\n"),
    ],
)
def test_bad_input_is_a_chinese_line_on_stderr_and_exit_2(args: list[str], message: str) -> None:
    assert _fail(*args) == message


def test_the_console_command_exits_2_with_only_the_message() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "smartcourt", "fee", "--kind", "property", "--amount", "-1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (2, "", "金额不能为负数：-1\n")
    ok = subprocess.run(
        [sys.executable, "-m", "smartcourt", "fee", "--kind", "property", "--amount", "100000"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(ok.stdout)["total"] == "2300.00"
    assert "不超过1万元的，每件交纳50元" in ok.stdout  # ensure_ascii=False
