"""LawBench 3-1, 3-3, 3-4, 3-5 on made-up items (the real task files stay in ../shared)."""

from __future__ import annotations

import re

from smartcourt.lawbench import predict

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
    question = "事实:被告单位某公司及其法定代表人虚开增值税专用发票，税额五十万元。\n罪名:虚开增值税专用发票、用于骗取出口退税、抵扣税款发票。"
    (answer,) = predict("3-1", [{"instruction": ARTICLES, "question": question}])
    assert answer == "[法条]刑法第205条、刑法第211条<eoa>"
    without = question.replace("被告单位某公司及其法定代表人", "被告人")
    assert predict("3-1", [{"instruction": ARTICLES, "question": without}]) == ["[法条]刑法第205条<eoa>"]


def test_charge_answer_never_names_a_charge_inside_another() -> None:
    item = {"question": "事实:被告人以签订购销合同为名，虚构履约能力，骗取对方货款二十万元后逃匿。"}
    (answer,) = predict("3-3", [item])
    names = answer.removeprefix("[罪名]").removesuffix("<eoa>").split(";")
    assert not any(a != b and a in b for a in names for b in names)


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
