"""Second-instance documents (民终): no false alerts on their parties and costs lines, and seeded defects still
found. The full drafted documents are checked in tests/engines/drafting/test_drafting_appeal.py."""

from __future__ import annotations

from datetime import date

from smartcourt.engines.defects import (
    DefectKind,
    Document,
    DocumentContext,
    Party,
    check_document,
    header_parties,
)

APPEAL = [
    "某某市中级人民法院",
    "民事判决书",
    "（2024）浙01民终8号",
    "上诉人（原审被告）：甲某某，女，1985年2月2日出生，汉族，住某市。",
    "被上诉人（原审原告）：乙某某，男，1970年1月1日出生，汉族，住某市。",
    "原审第三人：丙某某，女，1988年8月8日出生，汉族，住某市。",
    "上诉人甲某某因与被上诉人乙某某、原审第三人丙某某民间借贷纠纷一案，不服某某区人民法院（2024）浙0102民初1号民事判决，"
    "向本院提起上诉。本院于2024年4月1日立案后，依法组成合议庭，于2024年4月20日公开开庭进行了审理。本案现已审理终结。",
    "甲某某上诉请求：1.撤销一审判决，改判驳回被上诉人的全部诉讼请求。事实和理由：借款已经归还。",
    "乙某某辩称，请求驳回上诉。",
    "丙某某述称，请求依法判决。",
    "乙某某向一审法院起诉请求：1.判令被告偿还借款50000元。",
    "一审法院判决：被告甲某某偿还原告乙某某借款50000元。",
    "本院认为，上诉人已归还借款50000元，一审判决认定事实错误。",
    "综上所述，甲某某的上诉请求成立，予以支持。依照《中华人民共和国民事诉讼法》第一百七十七条第一款第二项规定，判决如下：",
    "一、撤销某某区人民法院（2024）浙0102民初1号民事判决；",
    "二、驳回乙某某的全部诉讼请求。",
    "一审案件受理费1050元，由被上诉人乙某某负担；二审案件受理费1050元，由被上诉人乙某某负担。",
    "本判决为终审判决。",
    "审判长　丁某某",
    "审判员　戊某某",
    "审判员　己某某",
    "二〇二四年五月一日",
    "书记员　庚某某",
]
RECORD = DocumentContext(
    case_number="（2024）浙01民终8号",
    judgment_date=date(2024, 5, 1),
    parties=(Party("甲某某", "上诉人"), Party("乙某某", "被上诉人"), Party("丙某某", "第三人")),
)


def _check(paragraphs: list[str], context: DocumentContext = RECORD) -> list[tuple[DefectKind, str]]:
    return [(d.kind, d.message) for d in check_document(Document.from_paragraphs(paragraphs), context)]


def test_a_clean_second_instance_judgment_raises_nothing() -> None:
    # no appeal paragraph (民事诉讼法第一百八十二条: 终审), 原审第三人 in the header, 一审/二审案件受理费 closing the order
    assert _check(APPEAL) == []


def test_original_standing_in_the_header_is_read_as_the_party_role() -> None:
    assert header_parties(Document.from_paragraphs(APPEAL)) == [
        (3, "上诉人", "甲某某"),
        (4, "被上诉人", "乙某某"),
        (5, "第三人", "丙某某"),
    ]


def test_a_party_missing_from_a_second_instance_header_is_still_found() -> None:
    paragraphs = [p for p in APPEAL if not p.startswith("原审第三人：")]
    assert _check(paragraphs) == [(DefectKind.PARTY, "文书首部缺少本案当事人“丙某某”（第三人）")]


def test_an_amount_in_a_revised_order_that_the_reasoning_never_mentions_is_still_hinted() -> None:
    paragraphs = [p.replace("驳回乙某某的全部诉讼请求", "乙某某返还甲某某7000元") for p in APPEAL]
    assert _check(paragraphs) == [
        (DefectKind.OPERATIVE, "判项金额7000元在诉讼请求、事实和理由部分没有出现，请核对判项与说理是否一致")
    ]


def test_the_refund_line_of_a_remand_ruling_closes_the_order() -> None:
    paragraphs = [
        "某某市中级人民法院",
        "民事裁定书",
        "（2024）浙01民终8号",
        *APPEAL[3:7],
        "本院认为，一审判决认定基本事实不清。",
        "依照《中华人民共和国民事诉讼法》第一百七十七条第一款第三项规定，裁定如下：",
        "一、撤销某某区人民法院（2024）浙0102民初1号民事判决；",
        "二、本案发回某某区人民法院重审。",
        "上诉人甲某某预交的二审案件受理费1050元予以退回。",
        *APPEAL[-5:],
    ]
    assert _check(paragraphs) == []
