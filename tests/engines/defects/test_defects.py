"""Defect alerts: clean generated judgments raise none; each seeded defect is found, located and fixable."""

from __future__ import annotations

import contextlib
import io
import time
import zipfile
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.engines.defects.documents import civil_judgment, docx_bytes

from smartcourt.engines.defects import (
    DefectKind,
    Document,
    DocumentReadError,
    Party,
    Severity,
    amount_in_words,
    apply_fix,
    apply_fix_docx,
    check_document,
    check_docx,
    read_docx,
)


def _check(paragraphs, context):
    return check_document(Document.from_paragraphs(paragraphs), context)


def _seed(paragraphs, old, new, count=1):
    out, done = [], 0
    for paragraph in paragraphs:
        if old in paragraph and done < count:
            paragraph = paragraph.replace(old, new, 1)
            done += 1
        out.append(paragraph)
    assert done == count, f"{old!r} not found"
    return out


@pytest.mark.parametrize("seed", range(40))
def test_clean_judgments_raise_nothing(seed):
    judgment = civil_judgment(seed)
    assert _check(judgment.paragraphs, judgment.context) == []


def test_case_number_half_width_and_mismatch():
    j = civil_judgment(1)
    number = j.context.case_number
    paragraphs = _seed(j.paragraphs, number, number.replace("（", "(").replace("）", ")"))
    (defect,) = _check(paragraphs, j.context)
    assert (defect.kind, defect.paragraph, defect.suggestion) == (DefectKind.CASE_NUMBER, 2, number)
    other = replace(j.context, case_number="（2024）浙0102民初99999号")
    (defect,) = _check(j.paragraphs, other)
    assert "不一致" in defect.message and defect.suggestion == "（2024）浙0102民初99999号"
    (defect,) = _check(_seed(j.paragraphs, "民初", "民出"), j.context)
    assert defect.kind == DefectKind.CASE_NUMBER and "类型代字" in defect.message


def test_amount_in_words_mismatch_suggests_the_right_words():
    j = civil_judgment(2)
    words = amount_in_words(j.amount)
    wrong = amount_in_words(j.amount + 1000)
    (defect,) = _check(_seed(j.paragraphs, words, wrong), j.context)
    assert defect.kind == DefectKind.AMOUNT and defect.suggestion == words and defect.text == wrong
    assert defect.severity == Severity.ERROR


def test_near_miss_party_name_in_the_body():
    j = civil_judgment(3)
    wrong = j.defendant[:-1] + ("甲" if j.defendant[-1] != "甲" else "乙")
    paragraphs = _seed(j.paragraphs, f"被告{j.defendant}于本判决", f"被告{wrong}于本判决")
    (defect,) = _check(paragraphs, j.context)
    assert defect.kind == DefectKind.PARTY and defect.text == wrong and defect.suggestion == j.defendant


def test_party_not_in_the_case_record_and_wrong_role():
    j = civil_judgment(4)
    context = replace(j.context, parties=(Party(j.plaintiff, "被告"), Party(j.defendant, "原告")))
    defects = _check(j.paragraphs, context)
    assert [d.kind for d in defects] == [DefectKind.PARTY, DefectKind.PARTY]
    assert all("诉讼地位" in d.message for d in defects)
    stranger = replace(j.context, parties=(Party(j.plaintiff, "原告"), Party("某某", "被告")))
    messages = [d.message for d in _check(j.paragraphs, stranger)]
    assert any("不在本案当事人名单" in m for m in messages) and any(
        "缺少本案当事人“某某”" in m for m in messages
    )


def test_impossible_date_and_events_after_signing_and_wrong_signing_date():
    j = civil_judgment(5)
    (defect,) = _check(_seed(j.paragraphs, "2023年3月1日", "2023年2月30日"), j.context)
    assert defect.kind == DefectKind.DATE and "不存在" in defect.message
    (defect,) = _check(_seed(j.paragraphs, "于2024年2月20日公开开庭", "于2024年3月20日公开开庭"), j.context)
    assert defect.kind == DefectKind.DATE and "开庭日期" in defect.message
    later = replace(j.context, judgment_date=date(2024, 3, 8))
    (defect,) = _check(j.paragraphs, later)
    assert defect.kind == DefectKind.DATE and defect.suggestion == "二〇二四年三月八日"


def test_appeal_period_by_kind_of_document():
    j = civil_judgment(6)
    (defect,) = _check(_seed(j.paragraphs, "送达之日起十五日内", "送达之日起十日内"), j.context)
    assert (
        defect.kind == DefectKind.PERIOD and defect.suggestion == "十五" and "第一百七十一条" in defect.rule
    )


def test_citations_that_do_not_exist_or_were_repealed():
    j = civil_judgment(7)
    (defect,) = _check(_seed(j.paragraphs, "第六百七十五条", "第一千五百条"), j.context)
    assert defect.kind == DefectKind.CITATION and "不存在" in defect.message
    repealed = _seed(
        j.paragraphs,
        "《中华人民共和国民法典》第六百六十七条、第六百七十五条",
        "《中华人民共和国合同法》第二百零六条",
    )
    (defect,) = _check(repealed, j.context)
    assert defect.kind == DefectKind.CITATION and "第一千二百六十条" in defect.message


def test_missing_sections_and_operative_amount_not_in_reasoning():
    j = civil_judgment(8)
    without_clerk = [p for p in j.paragraphs if not p.startswith("书记员")]
    (defect,) = _check(without_clerk, j.context)
    assert defect.kind == DefectKind.SECTION and "书记员" in defect.message
    paragraphs = _seed(j.paragraphs, f"借款{j.amount}元。", f"借款{j.amount + 7}元。")
    (defect,) = _check(paragraphs, j.context)
    assert defect.kind == DefectKind.OPERATIVE and defect.severity == Severity.HINT


def test_typos_and_jiezhi():
    j = civil_judgment(9)
    paragraphs = _seed(j.paragraphs, "辩称", "辨称")
    paragraphs = _seed(paragraphs, "到期后未还", "截止2024年1月到期后未还")
    defects = _check(paragraphs, j.context)
    assert [(d.kind, d.suggestion) for d in defects] == [(DefectKind.TYPO, "辩称"), (DefectKind.TYPO, "截至")]


def test_apply_fix_to_text_and_to_docx_keeps_formatting():
    j = civil_judgment(10)
    paragraphs = _seed(j.paragraphs, "辩称", "辨称")
    document = Document.from_paragraphs(paragraphs)
    (defect,) = check_document(document, j.context)
    assert check_document(apply_fix(document, defect), j.context) == []
    data = docx_bytes(paragraphs, split_runs=True)
    (defect,) = check_docx(data, j.context)
    fixed = apply_fix_docx(data, defect)
    assert check_docx(fixed, j.context) == []
    assert read_docx(fixed).paragraphs == tuple(j.paragraphs)
    with pytest.raises(ValueError, match="已变化"):
        apply_fix(Document.from_paragraphs(j.paragraphs), defect)


def test_docx_tables_are_read_in_order():
    from docx import Document as new_docx

    document = new_docx()
    document.add_paragraph("前")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "甲"
    table.cell(0, 1).text = "乙"
    document.add_paragraph("后")
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_docx(buffer.getvalue()).paragraphs == ("前", "甲", "乙", "后")


def test_malformed_docx_files_get_a_clear_error():
    with pytest.raises(DocumentReadError, match="ZIP"):
        read_docx(b"")
    empty_zip = io.BytesIO()
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("hello.txt", "x")
    with pytest.raises(DocumentReadError):
        read_docx(empty_zip.getvalue())
    good = docx_bytes(["正文"])
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data[:50] if item.filename == "word/document.xml" else data)
    with pytest.raises(DocumentReadError):
        read_docx(broken.getvalue())


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4096))
def test_fuzz_read_docx_never_fails_with_anything_but_its_error(data):
    with contextlib.suppress(DocumentReadError):
        read_docx(b"PK\x03\x04" + data)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("原告被告人民法院判决如下本院认为（）()2024年月日元壹万贰仟第条号浙0102民初一二三十：，。\n")
        ),
        max_size=300,
    )
)
def test_fuzz_any_text_checks_without_crashing(text):
    for defect in check_document(Document.from_text(text)):
        assert 0 <= defect.start <= defect.end and defect.message


@given(st.decimals(min_value=1, max_value=Decimal("999999999999.99"), places=2))  # the text engine needs 元
def test_amount_in_words_reads_back_through_the_text_engine(amount):
    from smartcourt.engines.text import extract_money

    (money,) = extract_money(amount_in_words(amount))
    assert money.amount == amount


def test_a_twenty_page_document_is_checked_in_under_two_seconds():
    j = civil_judgment(11, filler_paragraphs=450)  # about 20 pages of A4
    assert sum(len(p) for p in j.paragraphs) > 16_000
    start = time.perf_counter()
    assert _check(j.paragraphs, j.context) == []
    assert time.perf_counter() - start < 2.0


def test_no_false_alarms_from_relative_dates_verbs_after_roles_or_titles_mentioned_in_the_body():
    j = civil_judgment(12)
    paragraphs = _seed(j.paragraphs, "判决书送达之日起十五日内", "判决书送达之次日起十五日内")
    assert all(d.kind != DefectKind.DATE for d in _check(paragraphs, j.context))
    chen = Document.from_text("民事判决书\n起诉人：陈某某，男。\n原告陈述其借款事实，起诉人陈明理由。")
    assert [d for d in check_document(chen) if d.kind == DefectKind.PARTY] == []
    notice = Document.from_text("执行通知书\n依据本院（2024）浙0102民初1号民事判决书，限你于十日内履行。")
    assert notice.kind is None
    assert Document.from_text("浙江省杭州市上城区人民法院民事判决书").kind == "民事判决书"
