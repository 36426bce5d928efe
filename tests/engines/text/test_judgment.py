"""parse_judgment on synthetic judgments shaped like the published criminal ones (no real data)."""

from __future__ import annotations

from smartcourt.engines.text import parse_judgment

FULL = (
    "张某某犯盗窃罪一审刑事判决书某某市某某区人民法院刑事判决书（2019）浙0105刑初12号"
    "公诉机关某某市某某区人民检察院。"
    "被告人张某某，男，1990年1月1日出生，汉族，曾因盗窃于2015年被判处有期徒刑六个月。"
    "2019年3月6日因涉嫌盗窃罪被刑事拘留，同年3月20日被逮捕。"
    "辩护人李某，某某律师事务所律师。"
    "某某市某某区人民检察院以某检刑诉〔2019〕1号起诉书指控被告人张某某犯盗窃罪，于2019年5月1日向本院提起公诉。"
    "本院依法组成合议庭，公开开庭审理了本案。现已审理终结。"
    "公诉机关指控，2019年3月5日，被告人张某某窃得手机一部。"
    "经审理查明，2019年3月5日，被告人张某某窃得手机一部，价值1000元。"
    "上述事实，有被害人陈述、证人证言等证据证实，足以认定。"
    "对辩护人提出的从轻处罚意见，本院予以采纳。"
)


def test_parts_of_a_judgment_without_its_result() -> None:
    j = parse_judgment(FULL)
    assert [p.name for p in j.parts] == [
        "header",
        "parties",
        "procedure",
        "claims",
        "facts",
        "evidence",
        "reasoning",
    ]
    assert j.part("procedure") is not None
    assert j.part("procedure").text.startswith("某某市某某区人民检察院以")  # type: ignore[union-attr]
    assert j.part("evidence").text == "上述事实，有被害人陈述、证人证言等证据证实，足以认定。"  # type: ignore[union-attr]


def test_header_parties_and_custody() -> None:
    j = parse_judgment(FULL)
    assert (j.court, j.document_type, j.case_number) == (
        "某某市某某区人民法院",
        "刑事判决书",
        "（2019）浙0105刑初12号",
    )
    assert (j.genders, j.birth_dates, j.ethnicities) == (("男",), ("1990年1月1日",), ("汉族",))
    assert j.charges == ("盗窃",)
    assert j.counsel == ("李某",)
    assert j.custody == (("刑事拘留", "2019年3月6日"), ("逮捕", "同年3月20日"))
    assert j.prior_record is True
    assert j.trial_level == "一审"


def test_indictment_sentence_naming_the_defendant_is_the_procedure_not_the_parties() -> None:
    text = (
        "某某县人民法院刑事判决书（2018）豫0101刑初5号"
        "某某县人民检察院以某检刑诉〔2018〕3号起诉书指控被告人王某犯诈骗罪，于2018年4月1日向本院提起公诉。"
        "经审理查明，被告人王某骗取他人现金5000元。"
    )
    j = parse_judgment(text)
    assert [(p.name, p.span) for p in j.parts] == [
        ("header", (0, 27)),
        ("procedure", (27, 81)),
        ("facts", (81, 104)),
    ]
    assert j.charges == ("诈骗",)
    assert j.prior_record is False


def test_claims_quoted_after_the_facts_open_no_claims_part() -> None:
    text = (
        "某某县人民法院刑事判决书（2018）豫0101刑初5号公诉机关某某县人民检察院。被告人王某，男。"
        "经审理查明，被告人王某窃得电瓶一只。对公诉机关指控的事实，本院予以确认。"
    )
    assert [p.name for p in parse_judgment(text).parts] == ["header", "parties", "facts", "reasoning"]
