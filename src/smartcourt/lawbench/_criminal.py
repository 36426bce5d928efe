"""LawBench 3-1 (articles), 3-3 (charges), 3-4 and 3-5 (prison term) on top of the sentencing engine.

- 3-1: the question names the charges; each charge's main article comes from the charges catalogue.
- 3-3: :func:`~smartcourt.engines.sentencing.predict_charges` (罪状 match plus a model trained on ../shared).
- 3-4/3-5: the charges are given; for the guideline's common crimes the facts and circumstances are read
  from the text and :func:`~smartcourt.engines.sentencing.compute_sentence` gives the point; for the other
  charges (or missing facts) the point is a fixed share of the first statutory paragraph's range, adjusted
  by the same circumstance percentages (guideline 三). Answers are whole months.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from smartcourt.engines.sentencing import (
    SentencingError,
    circumstance_rule,
    compute_sentence,
    extract_circumstances,
    extract_facts,
    predict_articles,
    predict_charges,
    statutory_penalty,
)
from smartcourt.engines.text import parse_number

from ._amount import crime_amount
from ._tasks import register

_CHARGES = re.compile(r"\n?罪名:([^\n]+?)。?(?:法条:|\n|$)")
_FACT = re.compile(r"^事实:")
# Where inside the first statutory range the point sits when the guideline does not cover the charge.
_SHARE_OF_MAX = Decimal("0.33")
# When no rule applies, a mid-range term still scores better than no number (the metric's worst).
_NO_RULE_MONTHS = 10
# A second charge is named only when it scores almost as high as the first.
_SECOND = 0.97


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


@register("3-1")
def predict_articles_answer(item: Mapping[str, object]) -> str:
    """``[法条]刑法第264条、刑法第266条<eoa>`` from the charges the question names."""
    articles = list(predict_articles(_charges(str(item.get("question", "")))))
    for article in list(articles):
        articles.extend(a for a in _COMPANIONS.get(article, ()) if a not in articles)
    if not articles:
        return ""
    return "[法条]" + "、".join(f"刑法第{n}条" for n in articles) + "<eoa>"


@register("3-3")
def predict_charges_answer(item: Mapping[str, object]) -> str:
    """``[罪名]盗窃;诈骗<eoa>``: the best charge, and the second when it scores nearly as well."""
    found = predict_charges(_facts(str(item.get("question", ""))), top=2)
    if not found:
        return ""
    names = [found[0].charge]
    if (
        len(found) > 1
        and found[1].score >= _SECOND * found[0].score
        and found[1].charge not in found[0].charge
    ):
        names.append(found[1].charge)
    return "[罪名]" + ";".join(names) + "<eoa>"


def _fallback_months(charge: str, facts: str) -> int | None:
    penalty = statutory_penalty(charge)
    if not penalty:
        return None
    low = re.search(r"处([一二三四五六七八九十]+)年以上", penalty)
    high = re.search(r"([一二三四五六七八九十]+)年以下有期徒刑", penalty)
    if low is not None:
        base = Decimal(int(parse_number(low.group(1)) or 3) * 12) * Decimal("1.1")
    elif high is not None:
        base = Decimal(int(parse_number(high.group(1)) or 3) * 12) * _SHARE_OF_MAX
    elif "拘役" in penalty:
        base = Decimal(3)
    else:
        return None
    factor = Decimal(1)
    for c in extract_circumstances(facts, charge):
        rule = circumstance_rule(c.kind)
        factor += Decimal(rule["direction"]) * Decimal(rule["point"]) / 100
    return max(int(base * max(factor, Decimal("0.3")) + Decimal("0.5")), 1)


def prison_months(question: str) -> int | None:
    """The predicted term in months for a 3-4/3-5 question (facts plus the given charges).

    >>> prison_months("事实:被告人入户盗窃现金人民币2000元。到案后如实供述。\\n罪名:盗窃。法条:刑法第264条")
    5
    """
    charges = _charges(question)
    facts = _facts(question)
    if not charges:
        return None
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
    # 数罪并罚（刑法第六十九条）：总和刑期以下、数刑中最高刑期以上; take the highest plus half the rest.
    results.sort(reverse=True)
    return results[0] + sum(results[1:]) // 2


@register("3-4")
def predict_term(item: Mapping[str, object]) -> str:
    """``[刑期]N个月<eoa>`` (never ``1年6个月``, which the metric reads as 6)."""
    months = prison_months(str(item.get("question", "")))
    return f"[刑期]{_NO_RULE_MONTHS if months is None else months}个月<eoa>"


register("3-5")(predict_term)
