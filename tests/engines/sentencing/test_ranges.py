"""Statutory penalty ranges and the range the facts fall in (刑法 articles via the charges catalogue)."""

from __future__ import annotations

from decimal import Decimal

from smartcourt.engines.sentencing import PenaltyRange, applicable_range, statutory_ranges
from smartcourt.engines.sentencing._build_charge_model import penalty_tiers


def test_ranges_follow_the_article_in_order() -> None:
    assert [(r.low, r.high) for r in statutory_ranges("盗伐林木")] == [(0, 36), (36, 84), (84, 180)]
    assert statutory_ranges("没有这个罪名") == ()
    assert all(isinstance(r, PenaltyRange) for r in statutory_ranges("诈骗"))


def test_amount_thresholds_of_the_article_pick_the_range() -> None:
    # 刑法第一百四十条: 销售金额五万 / 二十万 / 五十万 / 二百万
    ranges = statutory_ranges("生产、销售伪劣产品")
    assert applicable_range("生产、销售伪劣产品", "", Decimal("80000")) == ranges[0]
    assert applicable_range("生产、销售伪劣产品", "", Decimal("300000")) == ranges[1]
    assert applicable_range("生产、销售伪劣产品", "", Decimal("3000000")) == ranges[3]


def test_bribery_amounts_follow_the_2016_interpretation() -> None:
    # 法释〔2016〕9号 第一条至第三条: 3万 / 20万 / 300万
    assert applicable_range("受贿", "", Decimal("50000")).high == 36  # type: ignore[union-attr]
    assert applicable_range("贪污", "", Decimal("200000")).low == 36  # type: ignore[union-attr]
    assert applicable_range("贪污", "", Decimal("3000000")).low == 120  # type: ignore[union-attr]


def test_severity_words_in_the_facts_pick_a_higher_range() -> None:
    assert applicable_range("诈骗", "骗取财物，数额较大。").low == 0  # type: ignore[union-attr]
    assert applicable_range("诈骗", "骗取财物，数额巨大。").low == 36  # type: ignore[union-attr]
    assert applicable_range("诈骗", "数额特别巨大。").low == 120  # type: ignore[union-attr]
    # 情节严重 is already the first range's condition for 拒不执行判决、裁定: only 特别严重 goes higher
    assert applicable_range("拒不执行判决、裁定", "情节严重。").low == 0  # type: ignore[union-attr]
    assert applicable_range("拒不执行判决、裁定", "情节特别严重。").low == 36  # type: ignore[union-attr]


def test_negligent_crimes_default_to_their_lighter_range() -> None:
    assert applicable_range("失火", "不慎失火，烧毁林地。").high == 36  # type: ignore[union-attr]
    assert applicable_range("过失致人死亡", "疏忽大意致一人死亡。").high == 36  # type: ignore[union-attr]
    assert applicable_range("不存在", "") is None


def test_an_intentional_crime_reaches_its_lighter_range_only_when_the_facts_say_so() -> None:
    assert applicable_range("故意杀人", "持刀将被害人杀死。").low == 120  # type: ignore[union-attr]
    assert applicable_range("故意杀人", "被告人的行为属情节较轻。").low == 36  # type: ignore[union-attr]


def test_penalty_tiers_parse_a_made_up_article() -> None:
    text = "甲某行为，数额较大的，处三年以下有期徒刑、拘役或者管制；数额巨大的，处三年以上十年以下有期徒刑。\n\n另一款，处五年以下有期徒刑。"
    assert penalty_tiers(text) == [["甲某行为，数额较大的，", 0, 36], ["数额巨大的，", 36, 120]]
    negligent = "故意的，处三年以上十年以下有期徒刑。\n\n过失犯前款罪的，处三年以上七年以下有期徒刑；情节较轻的，处三年以下有期徒刑或者拘役。"
    assert penalty_tiers(negligent, negligent=True) == [
        ["过失犯前款罪的，", 36, 84],
        ["情节较轻的，", 0, 36],
    ]
