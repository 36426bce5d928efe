"""LawBench 3-1 (articles), 3-3 (charges), 3-4 and 3-5 (prison term) on top of the sentencing engine.

- 3-1: the question names the charges; each charge's main article comes from the charges catalogue, plus
  the punishing article (贪污/受贿/行贿), 刑法第三百八十八条 for 斡旋受贿 and, when a 被告单位 (or 上诉单位)
  is tried, the section's 单位犯罪 article; the 1979 article of a crime before 1 October 1997 (刑法第十二条),
  the article of the conduct the charge's article refers to (非法拘禁/刑讯逼供 → 故意伤害, 邮件 → 盗窃,
  金融机构工作人员 …), 毒品再犯 and 第一百六十八条 for 国有公司、企业人员 滥用职权/玩忽职守.
- 3-3: :func:`~smartcourt.engines.sentencing.predict_charges` (罪状 cues plus a centroid model trained on
  ../shared without any 3-3 fact); one charge, and a second when it scores at least ``_SECOND`` of the first
  or when the facts state two charges (构成××、××: the benchmark masks the charges' names), unless the two
  are forms of one another or alternatives under the same article; and a further charge when one segment of
  the facts (a separate act: 一、/（二）, 另查明, a new date …) is classified alone, confidently, as another
  crime (数罪).
- 3-4/3-5: the charges are given; for the guideline's common crimes the facts and circumstances are read
  from the text and :func:`~smartcourt.engines.sentencing.compute_sentence` gives the point; for the other
  charges (or missing facts) the point sits inside the statutory range the facts fall in
  (:func:`~smartcourt.engines.sentencing.applicable_range`; the higher range the facts name in the
  article's words, the lowest when they show no condition, the participants' range without a 首要分子),
  adjusted by the same circumstance percentages (guideline 三). When the facts state the prosecutor's
  recommended range (量刑建议), it gives the point. Several charges: one act under overlapping articles
  counts once (从一重处断); otherwise the highest term plus ``_REST_SHARE`` of the others, within the caps
  of 刑法第六十九条. The facts end where the given charges begin (3-5 then quotes the articles). Answers
  are whole months.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from smartcourt.engines.sentencing import (
    ChargePrediction,
    SentencingError,
    applicable_range,
    circumstance_rule,
    combined_range,
    compute_sentence,
    extract_circumstances,
    extract_facts,
    predict_articles,
    predict_charges,
    statutory_ranges,
)
from smartcourt.engines.text import parse_number

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
# 有期徒刑 for one crime: at most fifteen years (刑法第四十五条); for several see combined_range (第六十九条).
_MAX_FIXED_TERM = 180
# A second charge is named when it scores at least this share of the first, or when the facts state two or
# more charges (one conclusion 构成××、××, or two 构成×× conclusions; the benchmark masks the names as ××);
# never when one name holds the other or both share an article (盗伐/滥伐林木, 赌博/开设赌场: alternatives).
# Chosen with the cue weights of predict_charges on the dev half of 3-3, which the model never trains on;
# bench/sentencing.py --cv reruns the choice under 5-fold cross-validation (without the segment rule below: held
# out 0.652, in sample 0.674).
_SECOND = 0.75
_STATED_CHARGES = re.compile(r"(构成|以|犯|涉嫌|追究其?)((?:××[、和及与]?)+)")
# 数罪: the facts of several crimes describe separate acts. A segment of the facts starts at a sentence that
# opens a numbered section (一、 （二） 3、 第一起), a further finding (另查明, 此外 …), a date (2014年…, 同年,
# 次日 …) or a later step (事后, 后…); segments under _SEGMENT_MIN characters join the next sentence. Each
# segment is classified alone; its best charge is named as well when it differs from the charges already
# named (neither name inside the other, not the same article), scores at least _SEGMENT_SCORE in the
# segment, the segment's runner-up scores at most _SEGMENT_MARGIN of it, and the whole text gives it at
# least _SEGMENT_SHARE of its best charge's score. Chosen by 5-fold cross-validation jointly with _SECOND and
# the weights of predict_charges (bench/sentencing.py --cv: held out 0.654 against 0.652 without segments; in
# sample 0.679 against 0.674). A small gain: the other segments' charges are mostly the whole text's own.
_SEGMENT_START = re.compile(
    r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、．.](?!\d)"
    r"|第[一二三四五六七八九十]+起|另查明|另经|此外|另外|另，|同时查明|还查明|又查明"
    r"|[^，。]{0,20}?(?:19|20)\d\d年|同年|次日|当日|当天|事后|后)"
)
_SEGMENT_MIN = 15
_SEGMENT_SCORE = 0.11
_SEGMENT_MARGIN = 0.5
_SEGMENT_SHARE = 0.3
# The whole text's scores are read down to this rank (a charge further down counts as 0).
_WHOLE_TOP = 20


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


# Articles whose 单位犯罪 is punished under a separate article, as that article lists them: 刑法第一百五十条
# (第一百四十条至第一百四十八条), 第二百一十一条 (第二百零一条、第二百零三条、第二百零四条、第二百零七条、第二百零八条、
# 第二百零九条 only: 第二百零五条、第二百零六条 carry their own 单位 paragraph), 第二百二十条 (第二百一十三条至第二百一十九条之一),
# 第二百三十一条 (第二百二十一条至第二百三十条), 第三百四十六条 (第三百三十八条至第三百四十五条).
_UNIT_ARTICLES: tuple[tuple[frozenset[int], int], ...] = (
    (frozenset(range(140, 149)), 150),
    (frozenset({201, 203, 204, 207, 208, 209}), 211),
    (frozenset(range(213, 220)), 220),
    (frozenset(range(221, 231)), 231),
    (frozenset(range(338, 346)), 346),
)
_UNIT = re.compile(r"被告单位|上诉单位")
# 斡旋受贿 (刑法第三百八十八条): the bribe is earned through another official's act.
_MEDIATED_BRIBERY = re.compile(r"通过其他国家工作人员(?:的)?职务上的行为|利用本人职权或者地位形成的便利条件")

# The defendant works for a financial institution (银行、信用社、证券、期货、保险): 刑法第一百八十四条,
# 第一百八十五条 name those employees.
_FINANCIAL_STAFF = re.compile(
    r"(?:任|系|担任|身为|作为|时任)[^。，；]{0,24}(?:银行|信用社|信用联社|信用合作联社|证券|期货|保险公司)"
    r"[^。，；]{0,16}(?:职员|员工|工作人员|行长|主任|经理|柜员|会计|出纳|信贷员|联络员|客户经理|营业员|信贷)"
)
# Articles whose conduct the judgment cites next to the charge's own article: the charge is defined by
# another article that sends the conduct to it. Each row: the charges, the cue in the facts, the article.
_REFERRING = (
    # 非法拘禁使用暴力致人伤残、死亡 → 故意伤害/故意杀人 (刑法第二百三十八条第二款)
    (("故意伤害", "故意杀人"), re.compile(r"非法拘禁"), 238),
    # 刑讯逼供、暴力取证致人伤残、死亡 (刑法第二百四十七条)
    (("故意伤害", "故意杀人"), re.compile(r"刑讯逼供|逼取证人证言|暴力取证"), 247),
    # 监管人员殴打、体罚虐待被监管人致人伤残、死亡 (刑法第二百四十八条)
    (("故意伤害", "故意杀人"), re.compile(r"管教人员|管教民警|监管人员|狱警"), 248),
    # 聚众"打砸抢"致人伤残、死亡 (刑法第二百八十九条)
    (("故意伤害", "故意杀人"), re.compile(r"打砸抢"), 289),
    # 聚众斗殴致人重伤、死亡 (刑法第二百九十二条第二款); not a past charge (…聚众斗殴罪被羁押)
    (("故意伤害", "故意杀人"), re.compile(r"聚众斗殴(?!罪)"), 292),
    # 邮政工作人员私自开拆邮件而窃取财物 (刑法第二百五十三条第二款)
    (("盗窃",), re.compile(r"邮政[^。]{0,40}邮[件包]|邮[件包][^。]{0,40}邮政"), 253),
    # 盗窃、骗取增值税专用发票或者可以用于骗取出口退税、抵扣税款的其他发票 (刑法第二百一十条)
    (("盗窃", "诈骗"), re.compile(r"[窃骗][得取走]?[^。，；]{0,12}增值税专用发票"), 210),
    # 盗窃信用卡并使用 (刑法第一百九十六条第三款; 银行卡 per the 2004 立法解释 on 信用卡)
    (
        ("盗窃",),
        re.compile(r"[盗窃][^。]{0,20}(?:信用卡|银行卡)[^。]{0,40}(?:取款|取现|消费|支取|转账)"),
        196,
    ),
    # 转化型抢劫 (刑法第二百六十九条)
    (("抢劫",), re.compile(r"为了?(?:窝藏赃物|抗拒抓捕|抗拒逮捕|毁灭罪证)"), 269),
    # 金融机构工作人员 受贿 (刑法第一百八十四条) and 挪用 (刑法第一百八十五条)
    (("受贿", "非国家工作人员受贿"), _FINANCIAL_STAFF, 184),
    (("挪用资金", "挪用公款"), _FINANCIAL_STAFF, 185),
    # 保险公司工作人员虚构保险事故骗取保险金 (刑法第一百八十三条)
    (("职务侵占", "贪污"), re.compile(r"保险公司[^。]{0,60}(?:虚构|编造)[^。]{0,20}保险事故"), 183),
)
# 国有公司、企业、事业单位的工作人员 滥用职权/玩忽职守 fall under 刑法第一百六十八条, not 第三百九十七条
# (国家机关工作人员, or those who exercise a 国家机关's powers on its behalf).
_STATE_COMPANY_STAFF = re.compile(
    r"(?:身为|系|作为|担任|时任)[^。，；]{0,20}国有(?:公司|企业|事业单位)[^。，；]{0,12}"
    r"(?:工作人员|负责人|经理|厂长|董事长)|国有(?:公司|企业)人员"
)
_STATE_ORGAN_STAFF = re.compile(r"国家机关工作人员|代表国家机关行使")
_STATE_COMPANY_CHARGES = ("滥用职权", "玩忽职守")
# 毒品再犯 (刑法第三百五十六条): sentenced before for 走私、贩卖、运输、制造、非法持有毒品, again a crime of
# 第六章第七节 (第三百四十七条至第三百五十七条).
_DRUG_RECIDIVISM = re.compile(
    r"(?:曾|因)[^。；]{0,12}(?:走私|贩卖|运输|制造|非法持有)[^。；]{0,6}毒品[^。；]{0,30}被[^。；]{0,20}判处"
)

# 刑法第十二条 (从旧兼从轻): a crime committed before 1 October 1997 is tried under the 1979 刑法 unless the
# 1997 刑法 punishes it more lightly. The charges whose 1979 article is not heavier than the 1997 one, with
# that article (1979年《中华人民共和国刑法》第一百一十三条 交通肇事, 第一百三十二条 故意杀人, 第一百三十四条
# 故意伤害, 第一百三十九条 强奸, 第一百四十三条 非法拘禁, 第一百五十条 抢劫, 第一百六十一条 脱逃); 盗窃, 诈骗
# and 抢夺 stay under the lighter 1997 articles. 刑讯逼供 (第一百三十六条) and 转化型抢劫 (第一百五十三条)
# stand for the 1997 第二百四十七条 and 第二百六十九条.
_OLD_ARTICLES = {
    "交通肇事": 113,
    "故意杀人": 132,
    "故意伤害": 134,
    "强奸": 139,
    "非法拘禁": 143,
    "抢劫": 150,
    "脱逃": 161,
}
_OLD_REFERRING = {247: 136, 269: 153}
_NEW_LAW_DATE = (1997, 10, 1)
# A date in the facts: year, month and (optionally) day.
_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(?:(\d{1,2})日)?")
# A date of a procedural event or of the defendant's record, not of the crime (read in the words before
# the date and in the rest of its sentence).
_NOT_ACT_BEFORE = re.compile(r"(?:出生|生于|购于|购买于|登记|结婚)于?$")
_NOT_ACT_AFTER = re.compile(
    r"出生|结婚|登记|判处|判决|裁定|刑满|释放|抓获|投案|归案|到案|拘留|逮捕|羁押|鉴定|立案|取保|移送|起诉|受理|审理"
)
_PARENTHESES = re.compile(r"（[^（）]*）|\([^()]*\)")
_OLD_LAW = re.compile(r"1979年《中华人民共和国刑法》|1979年刑法|79刑法|《中华人民共和国刑法》（1979年）")
# Words of each old-law charge's act, to find the sentence of the facts that cites the 1979 刑法 for it.
_OLD_ACT = {
    "交通肇事": "肇事|驾驶",
    "故意杀人": "杀",
    "故意伤害": "伤|殴打|刑讯",
    "强奸": "奸",
    "非法拘禁": "拘禁",
    "抢劫": "抢",
    "脱逃": "逃",
}


def _crime_dates(facts: str) -> list[tuple[int, int, int]]:
    """The dates of acts in the facts, leaving out births, marriages, earlier sentences and the steps of the
    procedure (arrest, surrender, expert opinion …)."""
    text = _PARENTHESES.sub("", facts)
    dates = []
    for match in _DATE.finditer(text):
        before = text[max(0, match.start() - 6) : match.start()]
        rest = re.split(r"[。；]", text[match.end() : match.end() + 60], maxsplit=1)[0]
        if _NOT_ACT_BEFORE.search(before) or _NOT_ACT_AFTER.search(rest):
            continue
        dates.append((int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)))
    return dates


def _tried_under_old_law(charge: str, facts: str, charges: int) -> bool:
    """Whether ``charge`` is tried under the 1979 刑法 (刑法第十二条): the facts cite the 1979 刑法 for it
    (in the sentence that names its act, or for the only charge), or every act they date is before
    1 October 1997."""
    for sentence in re.split(r"[。；]", facts):
        if _OLD_LAW.search(sentence) and (charges == 1 or re.search(_OLD_ACT[charge], sentence)):
            return True
    dates = _crime_dates(facts)
    return bool(dates) and max(dates) < _NEW_LAW_DATE


def _articles(charges: list[str], facts: str) -> list[int]:
    """The articles of the charges (1979 ones where 刑法第十二条 applies) and of the conduct they refer to."""
    articles: list[int] = []
    for charge in charges:
        main = predict_articles([charge])
        if not main:
            continue
        old = charge in _OLD_ARTICLES and _tried_under_old_law(charge, facts, len(charges))
        found = [_OLD_ARTICLES[charge]] if old else list(main)
        if (
            charge in _STATE_COMPANY_CHARGES
            and _STATE_COMPANY_STAFF.search(facts)
            and not _STATE_ORGAN_STAFF.search(facts)
        ):
            found = [168]
        for names, cue, article in _REFERRING:
            if charge in names and cue.search(facts):
                found.append(_OLD_REFERRING.get(article, article) if old else article)
        articles.extend(a for a in found if a not in articles)
    if any(347 <= a <= 357 for a in articles) and 356 not in articles and _DRUG_RECIDIVISM.search(facts):
        articles.append(356)
    return articles


@register("3-1")
def predict_articles_answer(item: Mapping[str, object]) -> str:
    """``[法条]刑法第264条、刑法第266条<eoa>`` from the charges the question names: each charge's article
    (its 1979 article for a crime before 1 October 1997, 刑法第十二条), the article of the conduct that
    leads to it (e.g. 非法拘禁 → 故意伤害, 刑法第二百三十八条), the punishing article of 贪污/受贿/行贿,
    毒品再犯 and, when a 被告单位 is tried, the section's 单位犯罪 article."""
    question = str(item.get("question", ""))
    facts = _facts(question)
    articles = _articles(_charges(question), facts)
    for article in list(articles):
        articles.extend(a for a in _COMPANIONS.get(article, ()) if a not in articles)
    if 385 in articles and 388 not in articles and _MEDIATED_BRIBERY.search(facts):
        articles.append(388)
    if _UNIT.search(facts):
        for article in list(articles):
            for covered, unit in _UNIT_ARTICLES:
                if article in covered and unit not in articles:
                    articles.append(unit)
    if not articles:
        return ""
    return "[法条]" + "、".join(f"刑法第{n}条" for n in articles) + "<eoa>"


@register("3-3")
def predict_charges_answer(item: Mapping[str, object]) -> str:
    """``[罪名]盗窃;诈骗<eoa>``: the best charge, and the second when it scores nearly as well or the facts
    state two charges."""
    facts = _facts(str(item.get("question", "")))
    whole = predict_charges(facts, top=_WHOLE_TOP)
    names = _chosen_charges(whole[:2], facts)
    if names:
        segments = [predict_charges(s, top=2) for s in _segments(facts)]
        further = _segment_charge(names, whole, segments)
        if further is not None:
            names.append(further)
    return "[罪名]" + ";".join(names) + "<eoa>" if names else ""


def _segments(facts: str) -> list[str]:
    """The facts cut where a separate act begins (see ``_SEGMENT_START``): none when there is only one.

    >>> _segments("2015年3月，被告人在超市秘密窃取手机一部。另查明，被告人在家中容留他人吸食毒品一次。")
    ['2015年3月，被告人在超市秘密窃取手机一部。', '另查明，被告人在家中容留他人吸食毒品一次。']
    >>> _segments("被告人在超市秘密窃取手机一部，价值2000元。")
    []
    """
    found: list[str] = []
    for paragraph in re.split(r"[\r\n]+", facts):
        current = ""
        for sentence in re.findall(r"[^。；]+[。；]?", paragraph):
            if current and len(current) >= _SEGMENT_MIN and _SEGMENT_START.match(sentence.strip()):
                found.append(current)
                current = sentence
            else:
                current += sentence
        if current.strip():
            found.append(current)
    found = [s for s in found if len(s.strip()) >= _SEGMENT_MIN]
    return found if len(found) > 1 else []


def _segment_charge(
    names: Sequence[str],
    whole: Sequence[ChargePrediction],
    segments: Sequence[Sequence[ChargePrediction]],
    *,
    score: float = _SEGMENT_SCORE,
    margin: float = _SEGMENT_MARGIN,
    share: float = _SEGMENT_SHARE,
) -> str | None:
    """A further charge from one segment of the facts (数罪): its best charge when that is none of ``names``
    (nor one inside another, nor under the same article), scores at least ``score``, leads the segment's
    runner-up by the ``margin`` ratio and gets at least ``share`` of the best score on the whole text; the
    highest-scoring such segment wins.

    >>> theft, drugs = ChargePrediction("盗窃", 264, 0.5, ()), ChargePrediction("容留他人吸毒", 354, 0.3, ())
    >>> fraud = ChargePrediction("诈骗", 266, 0.05, ())
    >>> _segment_charge(["盗窃"], [theft, drugs], [[theft, fraud], [drugs, fraud]])
    '容留他人吸毒'
    >>> _segment_charge(["盗窃"], [theft, drugs], [[theft, fraud], [drugs, fraud]], score=0.4) is None
    True
    """
    if not whole or whole[0].score <= 0:
        return None
    on_whole = {p.charge: p.score for p in whole}
    held = {p.charge: p.article for p in whole}
    articles = {held.get(n) for n in names} - {None}
    found: list[tuple[float, float, float, str]] = []
    for ranked in segments:
        if not ranked or ranked[0].score <= 0:
            continue
        best = ranked[0]
        runner_up = ranked[1].score / best.score if len(ranked) > 1 else 0.0
        ratio = on_whole.get(best.charge, 0.0) / whole[0].score
        if (
            best.score >= score
            and runner_up <= margin
            and ratio >= share
            and not any(best.charge in n or n in best.charge for n in names)
            and best.article not in articles
        ):
            found.append((best.score, runner_up, ratio, best.charge))
    return max(found)[3] if found else None


def _chosen_charges(
    found: Sequence[ChargePrediction],
    facts: str,
    *,
    second: float = _SECOND,
    stated: bool = True,
    alternatives: bool = True,
) -> list[str]:
    """The best charge, and the next one when it scores at least ``second`` of the best or (``stated``) the
    facts state two charges; never a form of the best (one name inside the other), nor (``alternatives``)
    one under the same article.

    >>> theft, fraud = ChargePrediction("盗窃", 264, 1.0, ()), ChargePrediction("诈骗", 266, 0.5, ())
    >>> _chosen_charges([theft, fraud], "构成××、××")
    ['盗窃', '诈骗']
    >>> _chosen_charges([theft, fraud], "构成××")
    ['盗窃']
    """
    if not found:
        return []
    names = [found[0].charge]
    if len(found) > 1:
        best, other = found[0], found[1]
        if (
            (other.score >= second * best.score or (stated and _stated_charges(facts) >= 2))
            and other.charge not in best.charge
            and best.charge not in other.charge
            and not (alternatives and other.article is not None and other.article == best.article)
        ):
            names.append(other.charge)
    return names


def _stated_charges(facts: str) -> int:
    """How many charges the facts state: the most names in one conclusion (构成××、××, the benchmark's
    masks) or the number of 构成×× conclusions.

    >>> _stated_charges("秘密窃取…构成××。以非法占有为目的，要挟他人…构成××。")
    2
    >>> _stated_charges("应当以××、××追究其刑事责任")
    2
    >>> _stated_charges("构成××")
    1
    """
    found = _STATED_CHARGES.findall(facts)
    in_one = max((names.count("××") for _, names in found), default=0)
    return max(in_one, sum(1 for verb, _ in found if verb == "构成"))


_LEADER_RANGE = re.compile(r"首要分子|组织、领导")
_LEADER_ROLE = re.compile(r"首要分子|组织者|领导者|策划者|起组织、?领导作用")


def _fallback_months(charge: str, facts: str) -> int | None:
    """The term for a charge the guideline does not cover: a point inside the penalty range the facts fall
    in (:func:`~smartcourt.engines.sentencing.applicable_range`), adjusted by the circumstances' default
    percentages (guideline 三).

    >>> _fallback_months("挪用资金", "挪用本单位资金人民币20万元归个人使用，数额巨大。")  # 36 + 5 % of (84 - 36)
    38
    >>> _fallback_months("非法持有毒品", "被告人非法持有毒品。")  # no quantity shown: the lowest range
    12
    >>> _fallback_months("聚众扰乱社会秩序", "被告人参与聚众扰乱社会秩序。")  # not a 首要分子
    12
    """
    amount = extract_facts(facts, charge).amount
    found = applicable_range(charge, facts, amount)
    if found is None:
        return None
    if amount is not None:
        # The facts' own words (数额巨大, 情节严重 …) may name a higher range than the encoded amount thresholds
        # (those in force at trial may differ): the higher one applies, as in extract_facts.
        stated = applicable_range(charge, facts)
        if stated is not None and stated.low > found.low:
            found = stated
    if (
        found == applicable_range(charge, "")
        and "较轻" not in found.condition
        and not _LEADER_RANGE.search(found.condition)  # the role decides those ranges (below)
    ):
        # Nothing in the facts shows the condition of a heavier range (刑法第三百四十八条 lists 数量大 first):
        # the lowest range the article gives, as the facts prove no more (存疑时有利于被告人).
        found = min((r for r in statutory_ranges(charge) if "较轻" not in r.condition), key=lambda r: r.low)
    if _LEADER_RANGE.search(found.condition) and not _LEADER_ROLE.search(facts):
        # The article punishes the 首要分子 (组织、领导者) in this range and the other participants in a
        # lower one (刑法第二百九十条, 第二百九十四条 …): without that role in the facts, the participants'.
        others = [r for r in statutory_ranges(charge) if "参加" in r.condition and r.low < found.low]
        if others:
            found = others[0]
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
    one: the middle of its range, or a share of its upper end when only that end is readable. When it
    recommends a term for each of several crimes and then 数罪并罚, the terms combine as for several charges
    (刑法第六十九条).

    >>> recommended_months("公诉机关建议判处被告人有期徒刑一年至二年。")
    18
    >>> recommended_months("建议对被告人在××至五年幅度内量刑。")
    36
    >>> recommended_months("就甲罪，建议判处××至一年；就乙罪，建议判处××至四年，数罪并罚。")
    33
    >>> recommended_months("建议依法从轻处罚。") is None
    True
    """
    terms: list[int] = []
    for clause in _RECOMMENDATION.finditer(facts):
        text = clause.group(0)
        if not _SENTENCE_WORDS.search(text):
            continue
        ends = [_months(m) for m in _DURATION.finditer(text)]
        if len(ends) >= 2:
            terms.append((ends[0] + ends[1]) // 2)
        elif ends:
            terms.append(int(ends[0] * _RECOMMENDED_SHARE + Decimal("0.5")))
    if not terms:
        return None
    if len(terms) == 1 or "数罪并罚" not in facts:
        return terms[0]
    return _combined(terms)


def _same_conduct(charges: list[str]) -> list[list[str]]:
    """The charges grouped by conduct: two names that share a phrase of ``_SHARED_PHRASE`` characters
    (制造、贩卖、传播淫秽物品 / 制作、复制、出版、贩卖、传播淫秽物品牟利) name one act under overlapping
    articles, punished once under the heavier (从一重处断), not cumulated under 刑法第六十九条.

    >>> _same_conduct(["引诱、容留、介绍卖淫", "组织、强迫、引诱、容留、介绍卖淫", "盗窃"])
    [['引诱、容留、介绍卖淫', '组织、强迫、引诱、容留、介绍卖淫'], ['盗窃']]
    >>> _same_conduct(["受贿", "行贿"])
    [['受贿'], ['行贿']]
    """
    groups: list[list[str]] = []
    for charge in charges:
        phrases = {charge[i : i + _SHARED_PHRASE] for i in range(len(charge) - _SHARED_PHRASE + 1)}
        for group in groups:
            if any(p in other for other in group for p in phrases):
                group.append(charge)
                break
        else:
            groups.append([charge])
    return groups


_SHARED_PHRASE = 4


def prison_months(question: str) -> int | None:
    """The predicted term in months for a 3-4/3-5 question (facts plus the given charges).

    >>> prison_months("事实:被告人入户盗窃现金人民币2000元。到案后如实供述。\\n罪名:盗窃。法条:刑法第264条")
    5
    """
    charges = _charges(question)
    # the facts end where the given charges begin, with or without a line break (3-5 then quotes the
    # articles' text, whose 情节严重 or 数量大 are not facts)
    facts = _facts(question[: question.rfind("罪名:")] if "罪名:" in question else question)
    if not charges:
        return None
    recommended = recommended_months(facts)
    if recommended is not None:
        return recommended
    results: list[int] = []
    for group in _same_conduct(charges):
        terms: list[int] = []
        for charge in group:
            try:
                extracted = extract_facts(facts, charge)
                terms.append(compute_sentence(extracted, extract_circumstances(facts, charge)).point)
            except SentencingError:
                months = _fallback_months(charge, facts)
                if months is not None:
                    terms.append(months)
        if terms:
            results.append(max(terms))
    if not results:
        return None
    return _combined(results)


def _combined(terms: list[int]) -> int:
    """数罪并罚（刑法第六十九条）：总和刑期以下、数刑中最高刑期以上; the highest plus ``_REST_SHARE`` of the
    rest, within twenty years when the sum is under thirty-five years, else twenty-five.

    >>> _combined([24, 10]), _combined([180, 170]), _combined([9])
    (31, 240, 9)
    """
    terms = sorted((min(t, _MAX_FIXED_TERM) for t in terms), reverse=True)
    combined = terms[0] + int(sum(terms[1:]) * _REST_SHARE)
    if len(terms) == 1:
        return combined
    return min(combined, combined_range([(t, False) for t in terms]).high)


@register("3-4")
def predict_term(item: Mapping[str, object]) -> str:
    """``[刑期]N个月<eoa>`` (never ``1年6个月``, which the metric reads as 6)."""
    months = prison_months(str(item.get("question", "")))
    return f"[刑期]{_NO_RULE_MONTHS if months is None else months}个月<eoa>"


register("3-5")(predict_term)
