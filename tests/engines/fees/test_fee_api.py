"""The public API of the fees engine: the explanation it returns, its data file, its errors, its fast path."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from decimal import Decimal

import pytest

from smartcourt.engines import fees
from smartcourt.engines.fees import (
    FeeComputation,
    FeeError,
    InvalidAmountError,
    NegativeAmountError,
    ReductionNotApplicableError,
    UnknownKindError,
    compute_fee,
    fee_kinds,
    fee_source,
    fee_total_fen,
    fee_total_function,
    parse_amount,
)
from smartcourt.engines.fees._schedule import schedule

ONCE = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百零六条"


def test_the_property_lines_read_as_the_text_of_article_13() -> None:
    fee = compute_fee("property", "50000000")
    assert [line.label for line in fee.lines] == [
        "不超过1万元的，每件交纳50元",
        "超过1万元至10万元的部分，按照2.5%交纳",
        "超过10万元至20万元的部分，按照2%交纳",
        "超过20万元至50万元的部分，按照1.5%交纳",
        "超过50万元至100万元的部分，按照1%交纳",
        "超过100万元至200万元的部分，按照0.9%交纳",
        "超过200万元至500万元的部分，按照0.8%交纳",
        "超过500万元至1000万元的部分，按照0.7%交纳",
        "超过1000万元至2000万元的部分，按照0.6%交纳",
        "超过2000万元的部分，按照0.5%交纳",
    ]
    assert {line.article for line in fee.lines} == {"第十三条第(一)项"}
    assert fee.rules == (
        fees.AppliedRule("第十三条第(一)项", "财产案件根据诉讼请求的金额或者价额分段累计交纳"),
    )
    assert fee.notes == ()
    assert fee.halved is False


def test_two_grounds_for_halving_halve_once_and_cite_every_rule() -> None:
    fee = compute_fee("property", "100000", procedure="simple", mediated=True)
    assert fee.total == Decimal("1150.00")
    assert [rule.article for rule in fee.rules] == ["第十三条第(一)项", "第十五条", "第十六条", ONCE]
    single = compute_fee("property", "100000", procedure="simple")
    assert [rule.article for rule in single.rules] == ["第十三条第(一)项", "第十六条"]


def test_a_range_is_left_to_the_court_and_explained() -> None:
    fee = compute_fee("divorce", "300000")
    assert fee.total is None
    assert fee.per_case == fees.PerCaseFee("第十三条第(二)项第1目", Decimal(50), Decimal(300), None)
    assert fee.notes == (
        "第十三条第(二)项第1目规定每件交纳50元至300元，具体标准由法院依照本地标准确定"
        "（第十三条末款：省级人民政府可在幅度内制定具体交纳标准）。",
    )
    chosen = compute_fee("divorce", "300000", per_case="300")
    assert chosen.total == Decimal("800.00")
    assert chosen.per_case is not None and chosen.per_case.chosen == Decimal("300.00")
    assert chosen.notes == ()


def test_the_cap_is_a_rule_applied() -> None:
    fee = compute_fee("preservation", "1000000")
    assert fee.subtotal == Decimal(5520)
    assert fee.total == Decimal("5000.00")
    assert fee.rules[-1] == fees.AppliedRule("第十四条第(二)项", "最高不超过5000元，按上限交纳")
    assert compute_fee("preservation", "500000").rules[-1].summary.startswith("根据实际保全")


def test_rounding_is_noted_only_when_it_changes_the_amount() -> None:
    assert compute_fee("property", "10001").notes == (
        "精确金额为50.025元，四舍五入到分（本办法未规定尾数处理，以人民币为计算单位，第五十五条）。",
    )
    assert compute_fee("property", "10020", rounding="yuan").total == Decimal(51)
    assert compute_fee("property", "10040").notes == ()


def test_judicial_aid_is_a_flag_that_does_not_change_the_fee() -> None:
    plain = compute_fee("property", "100000")
    aided = compute_fee("property", "100000", judicial_aid="exemption")
    assert (aided.total, aided.lines, aided.rules) == (plain.total, plain.lines, plain.rules)
    assert aided.judicial_aid == "exemption"
    assert aided.notes == (
        "已申请免交（第四十四条第二款、第四十五条）：申请免交诉讼费用：不改变应交金额；免交只适用于自然人，"
        "由人民法院决定并在法律文书中载明（第五十一条）。",
    )


def test_appeal_cites_article_17_and_application_fees_are_not_halved() -> None:
    appeal = compute_fee("property", "1000000", instance="appeal")
    assert appeal.rules[-1].article == "第十七条"
    assert appeal.notes == ("金额应为不服一审判决部分的上诉请求数额（第十七条）。",)
    with pytest.raises(ReductionNotApplicableError) as caught:
        compute_fee("enforcement", "100000", withdrawn=True)
    assert caught.value.message == (
        "第十五条、第十六条、第十八条只规定减半交纳案件受理费；“申请执行”的费用是申请费（第十四条第(一)项），不适用减半"
    )


def test_the_computation_is_frozen_and_serialises_to_json() -> None:
    fee = compute_fee("property", "12345.67", mediated=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fee.total = Decimal(0)  # type: ignore[misc]
    payload = json.loads(json.dumps(fee.to_dict(), ensure_ascii=False))
    assert payload["total"] == "54.32"
    assert payload["base"] == {"low": "108.64", "high": "108.64"}
    assert payload["subtotal"] == "108.64175"
    assert [line["portion"] for line in payload["lines"]] == ["50", "58.64175"]
    assert payload["lines"][1]["rate"] == "0.025"
    assert isinstance(fee, FeeComputation)


def test_the_data_file_names_its_source_and_every_table_its_article() -> None:
    source = fee_source()
    assert (source.title, source.issuer, source.document_number, source.promulgated, source.effective) == (
        "诉讼费用交纳办法",
        "国务院",
        "国务院令第481号",
        "2006-12-19",
        "2007-04-01",
    )
    assert {key: table.article for key, table in schedule().tables.items()} == {
        "property": "第十三条第(一)项",
        "divorce_property": "第十三条第(二)项第1目",
        "personality_damages": "第十三条第(二)项第2目",
        "enforcement": "第十四条第(一)项第2目",
        "preservation": "第十四条第(二)项",
    }
    assert all(
        rule.article.startswith(("第八条", "第十三条", "第十四条")) for rule in schedule().kinds.values()
    )


def test_the_kinds_the_command_promises_exist() -> None:
    assert {
        "property",
        "divorce",
        "personality",
        "ip",
        "labour",
        "administrative",
        "enforcement",
        "preservation",
    } <= set(fee_kinds())


def test_parse_amount_refuses_floats_and_bools() -> None:
    with pytest.raises(InvalidAmountError):
        parse_amount(0.1)
    with pytest.raises(InvalidAmountError):
        parse_amount(True)
    assert parse_amount("-0") == Decimal("0.00")
    assert str(parse_amount("-0")) == "0.00"


def test_the_fast_path_checks_its_input() -> None:
    with pytest.raises(NegativeAmountError):
        fee_total_fen("property", -1)
    with pytest.raises(InvalidAmountError):
        fee_total_fen("property", 1.5)  # type: ignore[arg-type]
    with pytest.raises(UnknownKindError):
        fee_total_fen("divorce", 100)
    with pytest.raises(ReductionNotApplicableError):
        fee_total_fen("enforcement", 100, halved=True)
    assert fee_total_function("bankruptcy")(20_000_000_00) == 70_900_00
    assert fee_total_fen("payment_order", 10_000_00) == 16_67


def test_every_error_is_a_fee_error_and_a_value_error() -> None:
    errors = [getattr(fees, name) for name in fees.__all__ if name.endswith("Error")]
    assert errors and all(issubclass(error, FeeError) and issubclass(error, ValueError) for error in errors)
    assert len({error.code for error in errors}) == len(errors)


def test_the_engine_never_imports_django() -> None:
    code = "import sys, smartcourt.engines.fees as f; f.compute_fee('property', '1'); print('django' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == "False\n"
