"""parse_judgment on synthetic judgments shaped like the published criminal ones (no real data)."""

from __future__ import annotations

from decimal import Decimal

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
    # 本院予以确认 closes the court's check of the evidence; it opens no reasoning part.
    assert [p.name for p in parse_judgment(text).parts] == ["header", "parties", "facts"]


APPEAL = (
    "某某市中级人民法院刑事判决书（2020）某01刑终5号原公诉机关某某县人民检察院。"
    "上诉人（原审被告人）赵某，男，1990年2月3日出生于某某省某某县，汉族，大专毕业，农民，户籍地、居住地均为某某省某某县。"
    "2012年3月1日因犯盗窃罪被某某县人民法院判处有期徒刑一年，2013年1月5日刑满释放。"
    "因涉嫌诈骗犯罪，于2019年12月28日被临时寄押于某某看守所；同年12月30日被某某县公安局刑事拘留；"
    "2020年2月5日，经某某县人民检察院批准，次日被某某县公安局执行逮捕。"
    "辩护人钱某、孙某，某某律师事务所律师。"
    "原审被告人李某，女，1995年10月27日出生，苗族，初中文化，住某某市某某区。"
    "因本案于2020年1月2日被取保候审。"
    "某某县人民法院审理某某县人民检察院指控原审被告人赵某、李某犯诈骗罪、掩饰、隐瞒犯罪所得罪一案，"
    "于2020年5月1日作出（2020）某0101刑初9号刑事判决。原审被告人赵某不服，提出上诉。"
    "本院依法组成合议庭，公开开庭审理了本案，辩护人钱某、孙某均到庭参加诉讼。现已审理终结。"
    "原判认定：2019年，赵某骗取他人财物。上述事实，有证人证言等证据予以证实，经庭审质证，本院予以确认。"
)


def test_parties_with_their_attributes_priors_custody_and_counsel() -> None:
    j = parse_judgment(APPEAL)
    assert [(p.role, p.name) for p in j.parties] == [("上诉人", "赵某"), ("原审被告人", "李某")]
    first, second = j.parties
    assert (first.sex, first.birth_date, first.ethnicity, first.education, first.domicile) == (
        "男",
        "1990年2月3日",
        "汉族",
        "大专毕业",
        "某某省某某县",
    )
    assert first.priors == ("2012年3月1日因犯盗窃罪被某某县人民法院判处有期徒刑一年，2013年1月5日刑满释放",)
    assert first.custody == (("刑事拘留", "同年12月30日"), ("执行逮捕", "次日"))
    assert first.counsel == ("钱某", "孙某")
    assert (second.sex, second.ethnicity, second.education, second.domicile) == (
        "女",
        "苗族",
        "初中文化",
        "某某市某某区",
    )
    assert second.custody == (("取保候审", "2020年1月2日"),)
    assert j.counsel == ("钱某", "孙某")
    assert j.genders == ("男", "女")
    assert j.prior_record is True


def test_appeal_parts_and_charges() -> None:
    j = parse_judgment(APPEAL)
    assert [p.name for p in j.parts] == ["header", "parties", "procedure", "facts", "evidence"]
    assert j.part("procedure").text.startswith("某某县人民法院审理")  # type: ignore[union-attr]
    assert j.part("facts").text.startswith("原判认定")  # type: ignore[union-attr]
    assert j.charges == ("诈骗", "掩饰、隐瞒犯罪所得")


def test_procedure_sentence_naming_an_appellant_is_no_party_entry() -> None:
    text = (
        "某某市中级人民法院刑事判决书（2018）某01刑终3号：某某县人民法院审理某某县人民检察院指控原审被告人王某犯盗窃罪一案，"
        "于2018年5月4日作出判决。原审被告人王某不服，提出上诉。本院依法组成合议庭审理了本案。"
    )
    j = parse_judgment(text)
    assert [p.name for p in j.parts] == ["header", "procedure"]
    assert j.parties == ()


def test_charge_lists() -> None:
    def charges(indictment: str) -> tuple[str, ...]:
        return parse_judgment("某某县人民法院刑事判决书（2018）某0101刑初5号" + indictment).charges

    assert charges("某某县人民检察院以起诉书指控被告人王某犯诈骗、挪用资金罪，向本院提起公诉。") == (
        "诈骗",
        "挪用资金",
    )
    assert charges("某某县人民检察院以起诉书指控被告人王某犯销售假药罪和非法经营罪，向本院提起公诉。") == (
        "销售假药",
        "非法经营",
    )
    assert charges(
        "某某县人民检察院以起诉书指控被告人王某犯组织卖淫罪、张某犯协助组织卖淫罪，向本院提起公诉。"
    ) == (
        "组织卖淫",
        "协助组织卖淫",
    )
    assert charges("某某县人民检察院以起诉书指控被告人王某犯拒不执行判决、裁定罪，向本院提起公诉。") == (
        "拒不执行判决、裁定",
    )


def test_a_denied_record_is_no_prior_record() -> None:
    text = (
        "某某县人民法院刑事判决书（2018）某0101刑初5号公诉机关某某县人民检察院。被告人王某，男，汉族。"
        "某某县人民检察院以起诉书指控被告人王某犯盗窃罪，向本院提起公诉。"
        "其辩护人提出：被告人系初犯，无任何犯罪前科，请求从轻处罚。经审理查明，被告人王某窃得手机一部。"
    )
    assert parse_judgment(text).prior_record is False


def test_counsel_named_where_they_appear_in_court() -> None:
    text = (
        "某某县人民法院刑事判决书（2018）某0101刑初5号：某某县人民检察院以起诉书指控被告人王某犯盗窃罪，向本院提起公诉。"
        "被告人王某及其辩护人赵某某、孙某均到庭参加诉讼。听取了辩护人的意见。经审理查明，被告人王某窃得手机一部。"
    )
    assert parse_judgment(text).counsel == ("赵某某", "孙某")


def test_counsel_listed_before_the_next_defendant() -> None:
    text = (
        "某某市中级人民法院刑事判决书（2018）某01刑终3号：某某县人民法院审理某某县人民检察院指控原审被告人王某、李某犯诈骗罪一案，"
        "于2018年5月4日作出判决。原审被告人王某、李某不服，提出上诉。本院依法组成合议庭，公开开庭审理了本案。"
        "上诉人（原审被告人）王某及其辩护人周某、上诉人（原审被告人）李某及其辩护人吴某某、被告人郑某到庭参加诉讼。"
        "辩护人辩称，被告人系从犯。经审理查明，被告人王某骗取他人财物。"
    )
    assert parse_judgment(text).counsel == ("周某", "吴某某")


def test_party_attribute_forms() -> None:
    text = (
        "某某县人民法院刑事判决书（2019）某0101刑初7号公诉机关某某县人民检察院。"
        "被告人自报周某，男，汉族，1970年2月13日出生，文化程度初中，户籍住址某某省某某市某某区。"
        "因本案于2019年9月28日被羁押，次日被刑事拘留，同月30日被逮捕。"
        "被告人吴某，出生于某某省某某县，不识字。住某某县。"
        "被告人郑某，女，1980年1月2日出生，汉族，中专文化，户籍所在地及居住地：某某省某某县。"
        "某某县人民检察院以起诉书指控被告人周某、吴某、郑某犯盗窃罪，于2019年12月1日向本院提起公诉。"
    )
    zhou, wu, zheng = parse_judgment(text).parties
    assert (zhou.name, zhou.education, zhou.domicile) == ("周某", "初中", "某某省某某市某某区")
    assert zhou.custody == (("刑事拘留", "次日"), ("逮捕", "同月30日"))
    assert (wu.name, wu.sex, wu.education, wu.domicile) == ("吴某", "", "不识字", "某某县")
    assert (zheng.sex, zheng.domicile) == ("女", "某某省某某县")


def test_the_combined_sentence_is_the_principal_penalty() -> None:
    text = (
        "某某县人民法院刑事判决书（2019）某0101刑初8号公诉机关某某县人民检察院。被告人王某，男。"
        "经审理查明，被告人王某盗窃、诈骗。本院认为，被告人王某犯盗窃罪、诈骗罪，应数罪并罚。判决如下："
        "被告人王某犯盗窃罪，判处有期徒刑一年六个月，并处罚金人民币三千元；犯诈骗罪，判处有期徒刑二年，"
        "并处罚金人民币五千元，决定执行有期徒刑三年，并处罚金人民币八千元。"
    )
    j = parse_judgment(text)
    assert j.principal_penalty is not None and j.fine is not None
    assert (j.principal_penalty.months, j.fine.amount) == (36, Decimal("8000"))
    assert j.text[j.principal_penalty.span[0] : j.principal_penalty.span[1]] == "有期徒刑三年"


def test_a_single_count_keeps_its_penalty() -> None:
    text = "某某县人民法院刑事判决书（2019）某0101刑初8号判决如下：被告人王某犯盗窃罪，判处拘役四个月，缓刑六个月。"
    j = parse_judgment(text)
    assert j.principal_penalty is not None and j.probation is not None
    assert (j.principal_penalty.months, j.probation.months) == (4, 6)
