"""LawBench 3-1 (articles), 3-3 (charges), 3-4 and 3-5 (prison term) on top of the sentencing engine.

- 3-1: the question names the charges; each charge's main article comes from the charges catalogue, plus
  the punishing article (贪污/受贿/行贿), 刑法第三百八十八条 for 斡旋受贿 and, when a 被告单位 (or 上诉单位)
  is tried, the section's 单位犯罪 article.
- 3-3: :func:`~smartcourt.engines.sentencing.predict_charges` (罪状 cues plus a centroid model trained on
  ../shared without any 3-3 fact); one charge, and a second when it scores at least ``_SECOND`` of the first;
  a charge the facts name in clear is passed over (the benchmark masks the judgment's own charges).
- 3-4/3-5: the charges are given; for the guideline's common crimes the facts and circumstances are read
  from the text and :func:`~smartcourt.engines.sentencing.compute_sentence` gives the point; for the other
  charges (or missing facts) the point sits inside the statutory range the facts fall in
  (:func:`~smartcourt.engines.sentencing.applicable_range`), adjusted by the same circumstance percentages
  (guideline 三). When the facts state the prosecutor's recommended range (量刑建议), it gives the point.
  Several charges: the highest term plus ``_REST_SHARE`` of the others (刑法第六十九条). Answers are whole
  months.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from smartcourt.engines.sentencing import (
    SentencingError,
    applicable_range,
    circumstance_rule,
    compute_sentence,
    extract_circumstances,
    extract_facts,
    predict_articles,
    predict_charges,
)
from smartcourt.engines.text import parse_number

from ._amount import crime_amount
from ._tasks import register

_CHARGES = re.compile(r"\n?罪名:([^\n]+?)。?(?:法条:|\n|$)")
_FACT = re.compile(r"^事实:")
# Where the point sits when the guideline does not cover the charge: in a range from zero, the smaller of
# _FIRST_RANGE_MONTHS and _SHARE_OF_MAX of its maximum; in a range "X年以上(Y年以下)", _SHARE_ABOVE_MIN of the
# way from X to Y (Y = 15 years when open). Chosen by 5-fold cross-validation on the dev half of 3-4 (see
# bench/sentencing.py --calibrate); no other parameter is fitted to LawBench.
_FIRST_RANGE_MONTHS = 12
_SHARE_OF_MAX = Decimal("0.5")
_SHARE_ABOVE_MIN = Decimal("0.05")
# When no rule applies, a mid-range term still scores better than no number (the metric's worst).
_NO_RULE_MONTHS = 10
# 数罪并罚: the highest term plus this share of the others (刑法第六十九条 keeps it below their sum).
_REST_SHARE = Decimal("0.7")
# A second charge is named when it scores at least this share of the first (most facts have one charge;
# chosen on the dev half of 3-3, which the model never trains on).
_SECOND = 0.85


def _facts(question: str) -> str:
    cut = question.find("\n罪名:")
    text = question[:cut] if cut >= 0 else question
    return _FACT.sub("", text)


def _charges(question: str) -> list[str]:
    match = _CHARGES.search(question)
    if match is None:
        return []
    return [c.strip() for c in match.group(1).split(";") if c.strip()]


# Charges whose article defines the crime while another fixes the punishment: 刑法第三百八十三条 (贪污),
# 第三百八十六条 (受贿 punished under 第三百八十三条), 第三百九十条 (行贿).
_COMPANIONS = {385: (386, 383), 382: (383,), 389: (390,)}


# Sections whose 单位犯罪 is punished under a separate article: 刑法第一百五十条 (第三章第一节),
# 第二百一十一条 (第六节), 第二百二十条 (第七节), 第二百三十一条 (第八节), 第三百四十六条 (第六章第六节).
_UNIT_ARTICLES = ((140, 148, 150), (201, 210, 211), (213, 219, 220), (221, 230, 231), (338, 345, 346))
_UNIT = re.compile(r"被告单位|上诉单位")
# 斡旋受贿 (刑法第三百八十八条): the bribe is earned through another official's act.
_MEDIATED_BRIBERY = re.compile(r"通过其他国家工作人员(?:的)?职务上的行为|利用本人职权或者地位形成的便利条件")


@register("3-1")
def predict_articles_answer(item: Mapping[str, object]) -> str:
    """``[法条]刑法第264条、刑法第266条<eoa>`` from the charges the question names, with the punishing
    article of 贪污/受贿/行贿 and, when a 被告单位 is tried, the section's 单位犯罪 article."""
    question = str(item.get("question", ""))
    articles = list(predict_articles(_charges(question)))
    for article in list(articles):
        articles.extend(a for a in _COMPANIONS.get(article, ()) if a not in articles)
    if 385 in articles and 388 not in articles and _MEDIATED_BRIBERY.search(_facts(question)):
        articles.append(388)
    if _UNIT.search(_facts(question)):
        for article in list(articles):
            for low, high, unit in _UNIT_ARTICLES:
                if low <= article <= high and unit not in articles:
                    articles.append(unit)
    if not articles:
        return ""
    return "[法条]" + "、".join(f"刑法第{n}条" for n in articles) + "<eoa>"


@register("3-3")
def predict_charges_answer(item: Mapping[str, object]) -> str:
    """``[罪名]盗窃;诈骗<eoa>``: the best charge, and the second when it scores nearly as well."""
    facts = _facts(str(item.get("question", "")))
    found = predict_charges(facts, top=2)
    if not found:
        return ""
    names = [found[0].charge]
    if (
        len(found) > 1
        and found[1].score >= _SECOND * found[0].score
        and found[1].charge not in found[0].charge
        and found[0].charge not in found[1].charge
    ):
        names.append(found[1].charge)
    return "[罪名]" + ";".join(names) + "<eoa>"


def _fallback_months(charge: str, facts: str) -> int | None:
    """The term for a charge the guideline does not cover: a point inside the penalty range the facts fall
    in (:func:`~smartcourt.engines.sentencing.applicable_range`), adjusted by the circumstances' default
    percentages (guideline 三)."""
    found = applicable_range(charge, facts, crime_amount(facts))
    if found is None:
        return None
    if found.low == 0:
        base = min(Decimal(_FIRST_RANGE_MONTHS), Decimal(found.high) * _SHARE_OF_MAX)
    elif found.low == found.high:
        base = Decimal(found.low)
    else:
        base = found.low + (found.high - found.low) * _SHARE_ABOVE_MIN
    factor = Decimal(1)
    for c in extract_circumstances(facts, charge):
        rule = circumstance_rule(c.kind)
        factor += Decimal(rule["direction"]) * Decimal(rule["point"]) / 100
    return max(int(base * max(factor, Decimal("0.3")) + Decimal("0.5")), 1)


_DURATION = re.compile(
    r"(?<!\d)([一二三四五六七八九十两]+|\d{1,2})年(半|零?([一二三四五六七八九十]+|\d{1,2})个月)?"
    r"|(?<!\d)([一二三四五六七八九十]+|\d{1,2})个月"
)
_RECOMMENDATION = re.compile(r"建议[^。；]{0,80}")
_SENTENCE_WORDS = re.compile(r"判处|处以|幅度|量刑|处刑|刑罚")
# With only the upper end of the prosecutor's range readable (the lower end is masked as ××), the point
# sits at this share of it (5-fold cross-validated on the dev half of 3-4, like the shares above).
_RECOMMENDED_SHARE = Decimal("0.6")


def _months(match: re.Match[str]) -> int:
    if match.group(4):
        return int(parse_number(match.group(4)) or 0)
    months = int(parse_number(match.group(1)) or 0) * 12
    if match.group(2) == "半":
        return months + 6
    return months + (int(parse_number(match.group(3)) or 0) if match.group(3) else 0)


def recommended_months(facts: str) -> int | None:
    """The prosecutor's sentencing recommendation (量刑建议, 刑事诉讼法第一百七十六条) when the facts state
    one: the middle of its range, or a share of its upper end when only that end is readable.

    >>> recommended_months("公诉机关建议判处被告人有期徒刑一年至二年。")
    18
    >>> recommended_months("建议对被告人在××至五年幅度内量刑。")
    36
    >>> recommended_months("建议依法从轻处罚。") is None
    True
    """
    for clause in _RECOMMENDATION.finditer(facts):
        text = clause.group(0)
        if not _SENTENCE_WORDS.search(text):
            continue
        ends = [_months(m) for m in _DURATION.finditer(text)]
        if len(ends) >= 2:
            return (ends[0] + ends[1]) // 2
        if ends:
            return int(ends[0] * _RECOMMENDED_SHARE + Decimal("0.5"))
    return None


def prison_months(question: str) -> int | None:
    """The predicted term in months for a 3-4/3-5 question (facts plus the given charges).

    >>> prison_months("事实:被告人入户盗窃现金人民币2000元。到案后如实供述。\\n罪名:盗窃。法条:刑法第264条")
    5
    """
    charges = _charges(question)
    facts = _facts(question)
    if not charges:
        return None
    recommended = recommended_months(facts)
    if recommended is not None:
        return recommended
    results: list[int] = []
    for charge in charges:
        try:
            extracted = extract_facts(facts, charge)
            amount = crime_amount(facts)
            if amount is not None and extracted.amount is not None:
                extracted = replace(extracted, amount=amount)
            results.append(compute_sentence(extracted, extract_circumstances(facts, charge)).point)
        except SentencingError:
            months = _fallback_months(charge, facts)
            if months is not None:
                results.append(months)
    if not results:
        return None
    # 数罪并罚（刑法第六十九条）：总和刑期以下、数刑中最高刑期以上; the highest plus a share of the rest.
    results.sort(reverse=True)
    return results[0] + int(sum(results[1:]) * _REST_SHARE)


@register("3-4")
def predict_term(item: Mapping[str, object]) -> str:
    """``[刑期]N个月<eoa>`` (never ``1年6个月``, which the metric reads as 6)."""
    months = prison_months(str(item.get("question", "")))
    return f"[刑期]{_NO_RULE_MONTHS if months is None else months}个月<eoa>"


register("3-5")(predict_term)
