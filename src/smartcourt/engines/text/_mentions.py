"""Money, dates, penalties, quantities and percentages, found on normalised text and mapped back."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ._numerals import CN_DIGITS, CN_UNITS, NUMBER, NUMBER_START, canonical, try_parse_number
from ._types import DateMention, Money, Penalty, PenaltyKind, Percentage, Quantity, Span
from ._width import NormalizedText

_APPROX = "余|多|许"
# Each scan below opens with a lookahead on its possible first characters: the match is the same, and the
# positions where none can start (most of a judgment) are skipped at the cost of one class test.
_NUMERAL_FIRST = rf"\d{CN_DIGITS}{CN_UNITS}"
_MONEY_RE = re.compile(
    rf"(?=[人R￥¥(（共合总累计约{_NUMERAL_FIRST}])"
    rf"(?P<cur>人民币|RMB|￥|¥)?(?:[(（](?:以下同币种|币种下同|以下币种同|下同|币种同上)[)）])?"
    rf"(?P<pre>共计|合计|总计|累计|共|计|约)?"
    rf"{NUMBER_START}(?P<num>{NUMBER})(?P<a1>{_APPROX})?(?P<unit>万|亿)?(?P<a2>{_APPROX})?(?P<yuan>元(?![区镇村路街县市里素旦宵帅朝代首派])|块钱)"
    rf"(?:零?(?P<jiao>[\d{CN_DIGITS}])角)?(?:零?(?P<fen>[\d{CN_DIGITS}])分)?"  # 伍佰元伍角捌分, 壹元零壹分
    rf"(?P<tail>整|人民币|左右)?"
)
_TOTAL_CONTEXT_RE = re.compile(
    r"(?:共计|合计|总计|累计|总价值|总额|共价值|价值共计|总金额|共[骗盗窃取得拿])[^，。；]{0,6}$"
)

_CN_SMALL = f"[{CN_DIGITS}十]{{1,3}}"
_YEAR = rf"(?P<y>\d{{4}}|[{CN_DIGITS}]{{4}})年"
_MONTH = rf"(?P<m>\d{{1,2}}|{_CN_SMALL})月份?"
_DAY = rf"(?P<d>\d{{1,2}}|{_CN_SMALL})[日号]"
_DATE_RE = re.compile(
    rf"(?=[\d{CN_DIGITS}十同当次翌])(?:"
    rf"{_YEAR}(?:{_MONTH}(?:{_DAY})?)?"
    rf"|(?P<same_year>同年|当年)(?:{_MONTH.replace('P<m>', 'P<m2>')}(?:{_DAY.replace('P<d>', 'P<d2>')})?)"
    rf"|(?P<same_month>同月|当月)(?P<d3>\d{{1,2}}|{_CN_SMALL})[日号]"
    rf"|(?<![\d年])(?P<m4>\d{{1,2}}|{_CN_SMALL})月(?P<d4>\d{{1,2}}|{_CN_SMALL})[日号]"
    rf"|(?P<rel>次日|翌日|当日|当天|同日|次年|翌年|同年))"
)
_RELATIVE_DAYS = {"次日": 1, "翌日": 1, "当日": 0, "当天": 0, "同日": 0}

_DURATION = (
    rf"(?P<years>{NUMBER})年(?:零)?(?:(?P<ym>{NUMBER})个?月)?"
    rf"|(?P<months>{NUMBER})个月"
)
_PENALTY_RE = re.compile(
    rf"(?P<death_reprieve>死刑[，,]?\s?缓期(?P<rp>[二两2])年执行)"
    rf"|(?P<death>死刑)(?!缓)"
    rf"|(?P<life>无期徒刑)"
    rf"|(?P<term>有期徒刑|拘役|管制|缓刑|剥夺政治权利)(?P<life_rights>终身)?(?:(?:{_DURATION}))?"
    rf"|(?P<fine>罚金|没收个人财产)(?:(?:人民币)?(?P<fnum>{NUMBER})(?P<funit>万|千)?元)?"
    rf"|(?P<confiscate_all>没收个人全部财产)"
)
_TERM_KIND = {
    "有期徒刑": PenaltyKind.FIXED_TERM_IMPRISONMENT,
    "拘役": PenaltyKind.CRIMINAL_DETENTION,
    "管制": PenaltyKind.PUBLIC_SURVEILLANCE,
    "缓刑": PenaltyKind.PROBATION,
    "剥夺政治权利": PenaltyKind.DEPRIVATION_OF_POLITICAL_RIGHTS,
}

_MEASURE_UNITS = "mg/100ml|mg/100mL|毫克/100毫升|毫克/毫升|千克|公斤|毫克|克|吨|斤|毫升|升|平方米|立方米|亩|公里|千米|米|厘米"
_COUNT_UNITS = "次|起|部|台|辆|个|只|件|条|张|块|支|把|袋|瓶|箱|包|名|人|处|笔|枚|颗|粒|根|套|双|盒|桶|头|株|棵|份|间|户|发"
_SUBJECTS = "甲基苯丙胺|海洛因|冰毒|氯胺酮|K粉|大麻|可卡因|摇头丸|麻古|鸦片|吗啡|咖啡因|毒品|乙醇含量|酒精含量|黄金|白银"
_QUANTITY_RE = re.compile(
    rf"(?=[{''.join(sorted({w[0] for w in _SUBJECTS.split('|')}))}{_NUMERAL_FIRST}])"
    rf"(?:(?P<subject>{_SUBJECTS})[^，。；\d{CN_DIGITS}]{{0,6}}?)?"
    rf"{NUMBER_START}(?P<num>{NUMBER})(?P<approx>余|多)?(?P<unit>{_MEASURE_UNITS}|{_COUNT_UNITS})"
)
_PERCENT_RE = re.compile(rf"(?<![\d.])(?P<num>\d++(?:\.\d++)?)\s?[%％]|百分之(?P<cn>{NUMBER})")


def _span(norm: NormalizedText, start: int, end: int) -> tuple[Span, str]:
    s, e = norm.original_span(start, end)
    return (s, e), norm.original[s:e]


def find_money(norm: NormalizedText) -> list[Money]:
    """Sums in yuan, in order of appearance."""
    found: list[Money] = []
    text = norm.text
    for m in _MONEY_RE.finditer(text):
        value = try_parse_number(m.group("num"))
        if value is None:
            continue
        unit = m.group("unit")
        if unit == "万":
            value *= 10**4
        elif unit == "亿":
            value *= 10**8
        for group, scale in (("jiao", "0.1"), ("fen", "0.01")):
            digit = try_parse_number(m.group(group)) if m.group(group) else None
            if digit is not None:
                value += digit * Decimal(scale)
        approximate = bool(
            m.group("a1") or m.group("a2") or m.group("tail") == "左右" or m.group("pre") == "约"
        )
        is_total = m.group("pre") in ("共计", "合计", "总计", "累计", "共") or bool(
            _TOTAL_CONTEXT_RE.search(text, max(0, m.start() - 12), m.start())
        )
        span, original = _span(norm, m.start(), m.end())
        found.append(Money(canonical(value), span, original, approximate, is_total))
    return found


def _small_int(text: str | None) -> int | None:
    if text is None:
        return None
    value = try_parse_number(text)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def _checked(year: int | None, month: int | None, day: int | None) -> str:
    if month is not None and not 1 <= month <= 12:
        return "no such month"
    if year is not None and month is not None and day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return "no such day"
    elif day is not None and not 1 <= day <= 31:
        return "no such day"
    return ""


def find_dates(norm: NormalizedText) -> list[DateMention]:
    """Dates; relative ones (同年5月, 次日, 当日, 3月5日) are resolved against the last absolute date."""
    found: list[DateMention] = []
    last: tuple[int | None, int | None, int | None] = (None, None, None)
    for m in _DATE_RE.finditer(norm.text):
        span, original = _span(norm, m.start(), m.end())
        reason = ""
        relative = True
        if m.group("y"):
            year, month, day = _small_int(m.group("y")), _small_int(m.group("m")), _small_int(m.group("d"))
            relative = False
        elif m.group("same_year"):
            year, month, day = last[0], _small_int(m.group("m2")), _small_int(m.group("d2"))
        elif m.group("same_month"):
            year, month, day = last[0], last[1], _small_int(m.group("d3"))
        elif m.group("m4"):
            year, month, day = last[0], _small_int(m.group("m4")), _small_int(m.group("d4"))
        else:
            word = m.group("rel")
            if word in ("次年", "翌年"):
                year, month, day = (last[0] + 1 if last[0] is not None else None), None, None
            elif word == "同年":
                year, month, day = last[0], None, None
            else:
                year, month, day = last
                if year is not None and month is not None and day is not None:
                    try:
                        resolved = dt.date(year, month, day) + dt.timedelta(days=_RELATIVE_DAYS[word])
                        year, month, day = resolved.year, resolved.month, resolved.day
                    except (ValueError, OverflowError):
                        year, month, day = last
                else:
                    reason = "no earlier full date to resolve against"
        if relative and year is None and not reason:
            reason = "no earlier year to resolve against"
        reason = _checked(year, month, day) or reason
        found.append(DateMention(span, original, year, month, day, relative, reason))
        if not reason and year is not None:
            last = (year, month, day) if month is not None else (year, None, None)
    return found


def _months(m: re.Match[str]) -> int | None:
    if m.group("months"):
        return _small_int(m.group("months"))
    years = _small_int(m.group("years"))
    if years is None:
        return None
    extra = _small_int(m.group("ym")) if m.group("ym") else 0
    return None if extra is None else years * 12 + extra


def find_penalties(norm: NormalizedText) -> list[Penalty]:
    """Punishments and probation with their terms in months, fines with their amounts."""
    found: list[Penalty] = []
    for m in _PENALTY_RE.finditer(norm.text):
        span, original = _span(norm, m.start(), m.end())
        if m.group("death_reprieve"):
            found.append(Penalty(PenaltyKind.DEATH_WITH_REPRIEVE, span, original, months=24))
        elif m.group("death"):
            found.append(Penalty(PenaltyKind.DEATH, span, original, for_life=True))
        elif m.group("life"):
            found.append(Penalty(PenaltyKind.LIFE_IMPRISONMENT, span, original, for_life=True))
        elif m.group("term"):
            kind = _TERM_KIND[m.group("term")]
            if m.group("life_rights"):
                found.append(Penalty(kind, span, original, for_life=True))
            elif m.group("years") or m.group("months"):
                found.append(Penalty(kind, span, original, months=_months(m)))
            else:
                found.append(Penalty(kind, span, original))
        elif m.group("fine"):
            kind = PenaltyKind.FINE if m.group("fine") == "罚金" else PenaltyKind.CONFISCATION
            amount = try_parse_number(m.group("fnum")) if m.group("fnum") else None
            if amount is not None and m.group("funit"):
                amount *= 10**4 if m.group("funit") == "万" else 10**3
            found.append(Penalty(kind, span, original, amount=amount))
        else:
            found.append(Penalty(PenaltyKind.CONFISCATION, span, original))
    return found


def find_quantities(norm: NormalizedText) -> list[Quantity]:
    """Measured and counted amounts (克, mg/100ml, 次, 部 …) with the substance named just before."""
    found: list[Quantity] = []
    for m in _QUANTITY_RE.finditer(norm.text):
        if m.group("unit") == "起" and m.group("num") == "一":
            continue  # 一起 is "together"
        value = try_parse_number(m.group("num"))
        if value is None:
            continue
        start = m.start("num")
        span, original = _span(norm, start, m.end())
        found.append(
            Quantity(
                value, m.group("unit"), span, original, bool(m.group("approx")), m.group("subject") or ""
            )
        )
    return found


def find_percentages(norm: NormalizedText) -> list[Percentage]:
    """Percentages written with ``%`` or 百分之."""
    found: list[Percentage] = []
    for m in _PERCENT_RE.finditer(norm.text):
        value = try_parse_number(m.group("num") or m.group("cn"))
        if value is None:
            continue
        span, original = _span(norm, m.start(), m.end())
        found.append(Percentage(value, span, original))
    return found


def spans_overlap(a: Span, b: Span) -> bool:
    """Whether two half-open spans share a character."""
    return a[0] < b[1] and b[0] < a[1]
