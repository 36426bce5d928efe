"""LawBench 3-1, 3-3, 3-4, 3-5 on made-up items (the real task files stay in ../shared)."""

from __future__ import annotations

import re

from smartcourt.engines.sentencing import ChargePrediction
from smartcourt.lawbench import predict
from smartcourt.lawbench._criminal import _chosen_charges, _segment_charge, _segments

ARTICLES = "根据下列事实和罪名给出涉及的刑法法条。"
TERM = "根据下列事实、罪名和刑法法条预测判决刑期。"


def test_articles_follow_the_catalogue_and_punishing_articles() -> None:
    items = [
        {"instruction": ARTICLES, "question": "事实:被告人秘密窃取他人财物。\n罪名:盗窃;诈骗。"},
        {"instruction": ARTICLES, "question": "事实:被告人利用职务上的便利收受财物。\n罪名:受贿。"},
    ]
    assert predict("3-1", items) == [
        "[法条]刑法第264条、刑法第266条<eoa>",
        "[法条]刑法第385条、刑法第386条、刑法第383条<eoa>",
    ]


def test_charge_answer_form() -> None:
    item = {"question": "事实:被告人醉酒驾驶机动车在道路上行驶，血液中乙醇含量为150mg/100ml。"}
    (answer,) = predict("3-3", [item])
    assert re.fullmatch(r"\[罪名\][^;<]+(?:;[^;<]+)?<eoa>", answer)
    assert answer.startswith("[罪名]危险驾驶")


def test_term_in_months_from_the_engine() -> None:
    question = "事实:被告人窃得现金人民币3000元。到案后如实供述。\n罪名:盗窃。法条:刑法第264条"
    assert predict("3-4", [{"instruction": TERM, "question": question}]) == ["[刑期]6个月<eoa>"]
    assert predict("3-5", [{"instruction": TERM, "question": question}]) == ["[刑期]6个月<eoa>"]


def test_term_for_a_crime_outside_the_guideline_uses_the_statutory_range() -> None:
    question = "事实:被告人在林区盗伐杉木，立木蓄积5立方米。\n罪名:盗伐林木。法条:刑法第345条"
    assert predict("3-4", [{"instruction": TERM, "question": question}]) == ["[刑期]12个月<eoa>"]


def test_term_without_charges_still_gives_a_number() -> None:
    assert predict("3-4", [{"instruction": TERM, "question": "事实:无。"}]) == ["[刑期]10个月<eoa>"]


def test_a_unit_defendant_adds_the_sections_unit_article() -> None:
    question = "事实:被告单位某公司及其法定代表人逃避缴纳税款五十万元。\n罪名:逃税。"
    (answer,) = predict("3-1", [{"instruction": ARTICLES, "question": question}])
    assert answer == "[法条]刑法第201条、刑法第211条<eoa>"
    without = question.replace("被告单位某公司及其法定代表人", "被告人")
    assert predict("3-1", [{"instruction": ARTICLES, "question": without}]) == ["[法条]刑法第201条<eoa>"]


def test_an_article_with_its_own_unit_paragraph_adds_no_unit_article() -> None:
    # 刑法第二百一十一条 lists 第二百零一条、第二百零三条、第二百零四条、第二百零七条至第二百零九条, not 第二百零五条
    question = "事实:被告单位某公司及其法定代表人虚开增值税专用发票，税额五十万元。\n罪名:虚开增值税专用发票、用于骗取出口退税、抵扣税款发票。"
    assert predict("3-1", [{"instruction": ARTICLES, "question": question}]) == ["[法条]刑法第205条<eoa>"]


def test_charge_answer_never_names_a_charge_inside_another() -> None:
    item = {"question": "事实:被告人以签订购销合同为名，虚构履约能力，骗取对方货款二十万元后逃匿。"}
    (answer,) = predict("3-3", [item])
    names = answer.removeprefix("[罪名]").removesuffix("<eoa>").split(";")
    assert not any(a != b and a in b for a in names for b in names)


def test_a_second_charge_when_the_facts_state_two() -> None:
    two = "事实:被告人秘密窃取他人手机一部，构成××。被告人又以揭发被害人隐私相要挟，敲诈勒索现金一万元，构成××。"
    (answer,) = predict("3-3", [{"question": two}])
    assert set(answer.removeprefix("[罪名]").removesuffix("<eoa>").split(";")) == {"盗窃", "敲诈勒索"}


def test_no_second_charge_under_the_same_article() -> None:
    best = ChargePrediction("开设赌场", 303, 1.0, ())
    other = ChargePrediction("赌博", 303, 0.95, ())
    assert _chosen_charges([best, other], "") == ["开设赌场"]
    assert _chosen_charges([best, other], "", alternatives=False) == ["开设赌场", "赌博"]
    far = ChargePrediction("盗窃", 264, 0.7, ())
    assert _chosen_charges([best, far], "") == ["开设赌场"]
    assert _chosen_charges([best, far], "以××、××追究其刑事责任") == ["开设赌场", "盗窃"]
    assert _chosen_charges([best, far], "以××、××追究其刑事责任", stated=False) == ["开设赌场"]


_THEFTS = (
    "事实:经审理查明，一、2019年5月3日晚，被告人张某趁无人之机，在某超市内秘密窃取他人放在柜台上的手机一部，"
    "经鉴定价值人民币2500元。2019年5月9日，被告人张某窜至某小区，撬锁入户秘密窃取现金人民币3000元及金项链"
    "一条，经鉴定价值人民币4200元。2019年5月20日，被告人张某在某菜市场扒窃被害人钱包一个，内有现金800元。"
)


def test_a_separate_act_in_its_own_segment_adds_its_charge() -> None:
    injury = (
        "二、2019年6月10日，被告人张某在某路口因琐事与被害人李某发生争执，持木棍殴打李某头部，致其轻伤二级。"
    )
    (alone,) = predict("3-3", [{"question": _THEFTS}])
    (both,) = predict("3-3", [{"question": _THEFTS + injury}])
    assert alone == "[罪名]盗窃<eoa>"
    assert both == "[罪名]盗窃;故意伤害<eoa>"


def test_segments_start_at_numbered_sections_further_findings_and_dates() -> None:
    facts = (
        "一、被告人在超市秘密窃取手机一部。二、被告人在家中容留他人吸食毒品。"
        "另查明，被告人在某河段使用电鱼工具非法捕捞。次日被抓获。"
    )
    assert _segments(facts) == [
        "一、被告人在超市秘密窃取手机一部。",
        "二、被告人在家中容留他人吸食毒品。",
        "另查明，被告人在某河段使用电鱼工具非法捕捞。",  # the short 次日… is left out
    ]
    assert _segments("被告人在超市秘密窃取手机一部，价值2000元，后被抓获。") == []


def test_a_segment_never_adds_an_alternative_or_a_form_of_a_named_charge() -> None:
    casino = ChargePrediction("开设赌场", 303, 0.5, ())
    gambling = ChargePrediction("赌博", 303, 0.4, ())
    theft = ChargePrediction("盗窃", 264, 0.05, ())
    assert _segment_charge(["开设赌场"], [casino, gambling], [[gambling, theft]]) is None
    fraud = ChargePrediction("诈骗", 266, 0.5, ())
    contract = ChargePrediction("合同诈骗", 224, 0.4, ())
    assert _segment_charge(["诈骗"], [fraud, contract], [[contract, theft]]) is None
    assert _segment_charge(["开设赌场"], [casino, fraud], [[fraud, theft]]) == "诈骗"


def test_the_prosecutors_recommendation_fixes_the_term_when_stated() -> None:
    question = "事实:被告人窃得现金人民币3000元。公诉机关建议判处被告人有期徒刑一年至二年。\n罪名:盗窃。法条:刑法第264条"
    assert predict("3-4", [{"instruction": TERM, "question": question}]) == ["[刑期]18个月<eoa>"]


def test_term_uses_the_range_the_facts_fall_in() -> None:
    light = "事实:被告人违反规定滥伐林木，数量较大。\n罪名:滥伐林木。法条:刑法第345条"
    heavy = "事实:被告人违反规定滥伐林木，数量巨大。\n罪名:滥伐林木。法条:刑法第345条"
    (low,) = predict("3-4", [{"instruction": TERM, "question": light}])
    (high,) = predict("3-4", [{"instruction": TERM, "question": heavy}])
    assert low == "[刑期]12个月<eoa>"
    assert high == "[刑期]38个月<eoa>"  # 36 + 5 % of (84 - 36)


def test_mediated_bribery_and_an_appealing_unit_add_their_articles() -> None:
    bribery = "事实:被告人利用本人职权或者地位形成的便利条件，通过其他国家工作人员职务上的行为为请托人谋取不正当利益，收受财物。\n罪名:受贿。"
    (answer,) = predict("3-1", [{"instruction": ARTICLES, "question": bribery}])
    assert "刑法第388条" in answer
    unit = "事实:上诉单位某厂以次充好，销售金额六十万元。\n罪名:生产、销售伪劣产品。"
    (answer,) = predict("3-1", [{"instruction": ARTICLES, "question": unit}])
    assert answer == "[法条]刑法第140条、刑法第150条<eoa>"


def _articles(facts: str, charges: str) -> str:
    (answer,) = predict("3-1", [{"instruction": ARTICLES, "question": f"事实:{facts}\n罪名:{charges}。"}])
    return answer


def test_a_crime_before_october_1997_takes_its_1979_article() -> None:
    # 刑法第十二条: tried under the 1979 刑法 (第一百三十四条 故意伤害) when it is not heavier.
    old = "1993年10月16日15时许，被告人甲某在某村山路上持木棍殴打被害人乙某致其死亡。2011年9月30日，甲某到公安机关投案。"
    assert _articles(old, "故意伤害") == "[法条]刑法第134条<eoa>"
    # a birth date or the date of the surrender is not the date of the crime
    new = "被告人甲某1970年5月出生。2013年3月2日，甲某在某村持木棍殴打被害人乙某致其轻伤。2013年3月5日，甲某投案。"
    assert _articles(new, "故意伤害") == "[法条]刑法第234条<eoa>"
    # 盗窃 stays under the lighter 1997 article
    assert (
        _articles("1996年1月14日凌晨，被告人甲某窃得三轮车一辆，价值4900元。", "盗窃")
        == "[法条]刑法第264条<eoa>"
    )


def test_the_1979_law_cited_for_one_charge_of_several() -> None:
    facts = (
        "2005年7月6日，被告人甲某持木椅殴打被害人乙某致其死亡。1996年1月22日，甲某因犯××被判处××，后被羁押于某看守所，"
        "1997年8月11日，甲某从看守所爬墙逃跑。被告人甲某系依法被关押的罪犯，其脱逃行为触犯了1979年《中华人民共和国刑法》××之规定。"
    )
    assert _articles(facts, "故意伤害;脱逃") == "[法条]刑法第234条、刑法第161条<eoa>"


def test_the_article_of_the_conduct_that_leads_to_the_charge() -> None:
    detention = "被告人甲某为索要债务将乙某非法拘禁于某宾馆，期间多次殴打乙某，致其重伤。"
    assert _articles(detention, "故意伤害") == "[法条]刑法第234条、刑法第238条<eoa>"
    torture = "1997年5月16日，被告人甲某在派出所审讯乙某时实施刑讯逼供，致乙某轻伤。"
    assert _articles(torture, "故意伤害") == "[法条]刑法第134条、刑法第136条<eoa>"
    mail = "被告人甲某系某邮政公司投递员，在运送邮件途中私自开拆邮包，窃得金饰一盒，价值二万元。"
    assert _articles(mail, "盗窃") == "[法条]刑法第264条、刑法第253条<eoa>"
    invoice = "被告人甲某以先开票后付款为名，骗得乙公司增值税专用发票一张，又骗得货物一批。"
    assert _articles(invoice, "诈骗") == "[法条]刑法第266条、刑法第210条<eoa>"


def test_financial_staff_and_state_company_staff() -> None:
    embezzle = (
        "被告人甲某任某县农村信用联社某信用社信贷员期间，利用职务便利，挪用客户归还的贷款一万元供个人使用。"
    )
    assert _articles(embezzle, "挪用资金") == "[法条]刑法第272条、刑法第185条<eoa>"
    bribe = "被告人甲某时任某银行某支行行长，在办理存款业务中为乙某提供帮助，收受乙某人民币十万元。"
    assert _articles(bribe, "受贿") == "[法条]刑法第385条、刑法第184条、刑法第386条、刑法第383条<eoa>"
    abuse = "被告人甲某身为国有公司的工作人员，在企业改制中隐匿国有资产，致使国有资产流失四百万元。"
    assert _articles(abuse, "滥用职权") == "[法条]刑法第168条<eoa>"
    official = "被告人甲某身为国家机关工作人员，违规审批，造成国有资产损失四百万元。"
    assert _articles(official, "滥用职权") == "[法条]刑法第397条<eoa>"


def test_drug_recidivism_adds_article_356() -> None:
    facts = "被告人甲某曾因贩卖毒品罪于2012年被某县人民法院判处有期徒刑一年。2015年5月，甲某非法持有甲基苯丙胺20克。"
    assert _articles(facts, "非法持有毒品") == "[法条]刑法第348条、刑法第356条<eoa>"
    assert (
        _articles(facts.replace("曾因贩卖毒品罪", "曾因盗窃罪"), "非法持有毒品") == "[法条]刑法第348条<eoa>"
    )


def test_several_charges_stay_within_article_69s_cap() -> None:
    question = (
        "事实:被告人入户抢劫，劫得现金人民币60万元。又抢夺他人财物价值人民币50万元，数额特别巨大。"
        "\n罪名:抢劫;抢夺。法条:刑法第263条"
    )
    # each term is at least ten years; together they stay within twenty years (刑法第六十九条)
    assert predict("3-4", [{"instruction": TERM, "question": question}]) == ["[刑期]240个月<eoa>"]


def test_the_paragraph_the_facts_name_raises_the_range_of_the_amount() -> None:
    stated = "事实:被告人挪用本单位资金人民币20万元归个人使用，数额巨大。\n罪名:挪用资金。法条:刑法第272条"
    plain = stated.replace("，数额巨大", "")
    assert predict("3-4", [{"instruction": TERM, "question": stated}]) == ["[刑期]38个月<eoa>"]
    assert predict("3-4", [{"instruction": TERM, "question": plain}]) == ["[刑期]12个月<eoa>"]


def test_the_quoted_articles_of_3_5_are_not_facts() -> None:
    question = (
        "事实:被告人非法持有毒品。罪名:非法持有毒品。法条:刑法第348条。法条内容：第三百四十八条 非法持有鸦片"
        "一千克以上、海洛因或者甲基苯丙胺五十克以上或者其他毒品数量大的，处七年以上有期徒刑或者无期徒刑，"
        "并处罚金；情节严重的，处三年以上七年以下有期徒刑，并处罚金。"
    )
    # no quantity in the facts: the lowest range of 刑法第三百四十八条, not the 数量大 of its quoted text
    assert predict("3-5", [{"instruction": TERM, "question": question}]) == ["[刑期]12个月<eoa>"]


def test_one_act_under_overlapping_charges_counts_once() -> None:
    one = "事实:被告人在网上传播淫秽视频二百个。\n罪名:传播淫秽物品。法条:刑法第364条"
    both = one.replace("罪名:传播淫秽物品", "罪名:传播淫秽物品;制作、复制、出版、贩卖、传播淫秽物品牟利")
    (single,) = predict("3-4", [{"instruction": TERM, "question": one}])
    (double,) = predict("3-4", [{"instruction": TERM, "question": both}])
    assert single == "[刑期]12个月<eoa>"
    assert double == "[刑期]12个月<eoa>"
