"""How the element engine's values and citations read in a judgment (法〔2016〕221号《人民法院民事裁判文书制作规范》).

The schemas and calculators cite laws by short names (``劳动合同法第四十七条``) and carry values in ISO or bare
form (``2025-02-22``, ``16000``); a judgment writes the full title with 《》 the first time in a paragraph
(then 该法), dates as ``2025年2月22日`` and amounts as ``16000元``. The 依照 list orders laws as 法释〔2009〕14号
(《最高人民法院关于裁判文书引用法律、法规等规范性法律文件的规定》) 第三条 does — laws (substantive before
procedural), then administrative regulations, then judicial interpretations — and each law's articles by number.

:data:`LAW_RANKS` lists the laws cited by short name; their titles come from the laws corpus (:func:`law_title`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import cache

from smartcourt.engines.laws import UnknownLawError, lookup_law
from smartcourt.engines.text import parse_number

from ._types import Step

# The laws the schemas and calculators cite, by short name, with their rank in the 依照 list (法释〔2009〕14号
# 第三条: laws, substantive before procedural, then administrative regulations, then judicial interpretations).
# Their titles come from the laws engine's corpus (:func:`law_title`).
LAW_RANKS: dict[str, int] = {
    "民法典": 0,
    "劳动法": 1,
    "劳动合同法": 2,
    "社会保险法": 3,
    "道路交通安全法": 4,
    "劳动争议调解仲裁法": 5,
    "民事诉讼法": 9,
    "劳动合同法实施条例": 20,
    "机动车交通事故责任强制保险条例": 21,
    "民间借贷规定": 30,
    "人身损害赔偿解释": 31,
    "婚姻家庭编解释（一）": 32,
}
_UNKNOWN_RANK = 25  # after known laws and regulations, before interpretations


@cache
def law_title(short: str) -> str:
    """The full title in 《》 of a law the schemas cite by ``short`` name (inner 《》 become 〈〉), read from the
    laws engine's corpus; a name the corpus does not know is returned as it is.

    >>> law_title("劳动合同法"), law_title("婚姻家庭编解释（一）")
    ('《中华人民共和国劳动合同法》', '《最高人民法院关于适用〈中华人民共和国民法典〉婚姻家庭编的解释（一）》')
    >>> law_title("某某条例"), law_title("《中华人民共和国民法典》")
    ('某某条例', '《中华人民共和国民法典》')
    """
    if short.startswith("《"):
        return short
    try:
        title = lookup_law(short).title
    except UnknownLawError:
        return short
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


def law_rank(title: str) -> int:
    """The place of a law, by its full title in 《》, in the 依照 list.

    >>> law_rank("《中华人民共和国民法典》") < law_rank("《中华人民共和国民事诉讼法》") < law_rank("《某某规定》")
    True
    """
    return _ranks_by_title().get(title, _UNKNOWN_RANK)


@cache
def _ranks_by_title() -> dict[str, int]:
    return {law_title(short): rank for short, rank in LAW_RANKS.items()}


_NUM = "零〇一二三四五六七八九十百千"
_ARTICLE = (
    rf"第[{_NUM}]+条(?:之[{_NUM}]+)?(?:第[{_NUM}]+款)?(?:第[{_NUM}]+项)?(?:至第[{_NUM}]+条(?:之[{_NUM}]+)?)?"
)
_NAMES = "|".join(re.escape(n) for n in sorted(LAW_RANKS, key=len, reverse=True))
# A citation: a title in 《》 or a short name, then an article; or a bare article after 、 (same law).
_CITE = re.compile(rf"(?P<law>《[^》]+》|{_NAMES})(?P<article>{_ARTICLE})")
_SPLIT = re.compile(rf"^(?P<law>《[^》]+》|{_NAMES})?(?P<article>{_ARTICLE})$")
_PARTS = re.compile(rf"(至)?第([{_NUM}]+)(条|款|项)(?:之([{_NUM}]+))?")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_CENTS_ZERO = re.compile(r"(?<![\d.])(\d+)\.00(?!\d)")


def _cn_int(text: str) -> int:
    return int(parse_number(text) or 0)


def full_citation(short: str) -> str:
    """A short citation with the law's full title (款 and 项 kept); unknown names and full titles unchanged.

    >>> full_citation("民间借贷规定第二十五条第一款")
    '《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条第一款'
    >>> full_citation("《中华人民共和国民法典》第六百六十七条")
    '《中华人民共和国民法典》第六百六十七条'
    >>> full_citation("某某条例第三条")
    '某某条例第三条'
    """
    m = _SPLIT.match(short.strip())
    if not m or not m.group("law"):
        return short.strip()
    return law_title(m.group("law")) + m.group("article")


def _article_key(article: str) -> tuple[int, int, int, int, int]:
    """(article, 之, 款, 项, last article of a 至 range); 0 where absent."""
    key = [0, 0, 0, 0, 0]
    for to, number, unit, sub in _PARTS.findall(article):
        if to:
            key[4] = _cn_int(number)
        elif unit == "条":
            key[0], key[1] = _cn_int(number), _cn_int(sub) if sub else 0
        else:
            key[2 if unit == "款" else 3] = _cn_int(number)
    return (key[0], key[1], key[2], key[3], key[4])


def ordered_citations(citations: Iterable[str]) -> list[str]:
    """The 依照 list: full titles, each citation once, laws before regulations before judicial interpretations
    (法释〔2009〕14号第三条), each law's articles by number; an article cited whole absorbs its 款 and 项.

    >>> ordered_citations(["劳动合同法第四十七条", "社会保险法第五十八条", "劳动合同法第十条",
    ...                    "劳动合同法第四十七条第一款", "劳动合同法第八十二条第一款", "民法典第一千零八十五条"])
    ... # doctest: +NORMALIZE_WHITESPACE
    ['《中华人民共和国民法典》第一千零八十五条', '《中华人民共和国劳动合同法》第十条',
     '《中华人民共和国劳动合同法》第四十七条', '《中华人民共和国劳动合同法》第八十二条第一款',
     '《中华人民共和国社会保险法》第五十八条']
    >>> ordered_citations(["民间借贷规定第二十五条", "民事诉讼法第六十七条", "民法典第六百七十五条"])[1]
    '《中华人民共和国民事诉讼法》第六十七条'
    >>> ordered_citations(["劳动合同法第四十六条", "劳动合同法第三十六条至第四十四条", "劳动合同法第三十六条"])
    ... # doctest: +NORMALIZE_WHITESPACE
    ['《中华人民共和国劳动合同法》第三十六条', '《中华人民共和国劳动合同法》第三十六条至第四十四条',
     '《中华人民共和国劳动合同法》第四十六条']
    """
    seen: dict[str, tuple[int, int, str, tuple[int, int, int, int, int]]] = {}
    first: dict[str, int] = {}
    for raw in citations:
        text = full_citation(raw)
        m = _SPLIT.match(text)
        if not m or not m.group("law"):
            first.setdefault(text, len(first))
            seen.setdefault(text, (99, first[text], text, (0, 0, 0, 0, 0)))
            continue
        law = m.group("law")
        first.setdefault(law, len(first))
        seen.setdefault(text, (law_rank(law), first[law], law, _article_key(m.group("article"))))
    whole = {(v[2], v[3][:2]) for v in seen.values() if v[3][2:] == (0, 0, 0)}
    kept = [t for t, v in seen.items() if v[3][2:4] == (0, 0) or (v[2], v[3][:2]) not in whole]
    return sorted(kept, key=lambda t: (seen[t][0], seen[t][1], seen[t][3]))


def _this(title: str) -> str:
    """该法, or 该解释 / 该规定 / 该条例 for the kind of document the title names."""
    for kind in ("解释", "规定", "条例"):
        if re.search(rf"{kind}(?:（[一二三四五六七八九十]+）)?》$", title):
            return "该" + kind
    return "该法"


def cite_in_text(text: str) -> str:
    """A paragraph with its citations as a judgment writes them: the full title the first time, 该法 for the law
    just cited, the name dropped for further articles listed with 、; 《》 titles already there count.

    >>> cite_in_text("依据劳动合同法第七条、劳动合同法第十条")
    '依据《中华人民共和国劳动合同法》第七条、第十条'
    >>> cite_in_text("工作年限（劳动合同法第四十七条第一款）；经济补偿（劳动合同法第四十七条）")
    '工作年限（《中华人民共和国劳动合同法》第四十七条第一款）；经济补偿（该法第四十七条）'
    >>> cite_in_text("（民间借贷规定第二十八条）；（民间借贷规定第二十九条）")
    '（《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十八条）；（该规定第二十九条）'
    >>> cite_in_text("劳动合同法第八十二条第一款、劳动合同法实施条例第七条；劳动合同法第八十二条")
    '《中华人民共和国劳动合同法》第八十二条第一款、《中华人民共和国劳动合同法实施条例》第七条；《中华人民共和国劳动合同法》第八十二条'
    """
    out: list[str] = []
    pos = 0
    last = ""
    for m in _CITE.finditer(text):
        title = law_title(m.group("law"))
        between = text[pos : m.start()]
        out.append(between)
        if title == last and between == "、":
            out.append(m.group("article"))
        elif title == last:
            out.append(_this(title) + m.group("article"))
        else:
            out.append(title + m.group("article"))
        last = title
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def bare_law_names(text: str) -> list[str]:
    """Short law names outside 《》 in ``text`` (what a judgment should not contain).

    >>> bare_law_names("依照《中华人民共和国劳动合同法》第七条、劳动合同法第十条")
    ['劳动合同法']
    """
    outside = re.sub(r"《[^》]*》", "", text)
    outside = re.sub(r"该(?:法|解释|规定|条例)|(?<!合)同法", "", outside)  # 劳动合同法 contains 同法
    return [m.group(0) for m in re.finditer(_NAMES, outside)]


def court_date(text: str) -> str:
    """ISO dates in ``text`` written as the body of a judgment writes them.

    >>> court_date("2025-02-22至2027-07-01")
    '2025年2月22日至2027年7月1日'
    """
    return _ISO.sub(lambda m: f"{int(m[1])}年{int(m[2])}月{int(m[3])}日", text)


def _money(value: str) -> str:
    try:
        d = Decimal(value.replace(",", ""))
    except InvalidOperation:
        return value
    if not d.is_finite():
        return value
    q = d.quantize(Decimal("0.01"))
    return (f"{q:.0f}" if q == q.to_integral_value() else f"{q:.2f}") + "元"


def court_value(kind: str, value: str) -> str:
    """An element's value as a judgment states it: dates in 年月日, amounts with 元 (cents only when there are
    any, as ``engines/drafting`` writes money), a bare percentage with %; text with its ISO dates rewritten.

    >>> [court_value(k, v) for k, v in [("date", "2025-02-22"), ("money", "16000"), ("money", "1150.50"),
    ...                                  ("percent", "24"), ("percent", "月2%"), ("text", "十级伤残")]]
    ['2025年2月22日', '16000元', '1150.50元', '24%', '月2%', '十级伤残']
    """
    value = value.strip()
    if not value:
        return value
    if kind == "money" and re.fullmatch(r"-?\d[\d,]*(?:\.\d+)?", value):
        return _money(value)
    if kind == "percent" and re.fullmatch(r"\d+(?:\.\d+)?", value):
        return value + "%"
    return court_date(value)


_COUNTS = ("年限", "天数", "期间", "系数", "比例", "上限")  # a label ending so is not an amount
_NUMBER = r"-?\d+(?:\.\d+)?"


def step_text(step: Step) -> str:
    """A calculation step as the reasoning writes it: dates in 年月日, whole amounts without .00, an amount result
    with 元, the basis in brackets (short name; :func:`cite_in_text` gives the title).

    >>> from decimal import Decimal
    >>> step_text(Step("经济补偿", "8000 × 2.5 = 20000.00", Decimal("20000.00"), "劳动合同法第四十七条"))
    '经济补偿：8000 × 2.5 = 20000元（劳动合同法第四十七条）'
    >>> step_text(Step("共同财产：房屋", "800000，由原告取得/负担", Decimal("800000")))
    '共同财产：房屋：800000元，由原告取得/负担'
    >>> step_text(Step("按责任比例承担", "1500 × 100% = 1500", Decimal("1500")))
    '按责任比例承担：1500 × 100% = 1500元'
    >>> step_text(Step("工作年限", "2025-02-22至2027-07-11，计2.5年", Decimal("2.5")))
    '工作年限：2025年2月22日至2027年7月11日，计2.5年'
    """
    formula = _CENTS_ZERO.sub(r"\1", court_date(step.formula))
    label = re.sub(r"（[^）]*）$", "", step.label)
    if not (label.endswith(_COUNTS) or "利率" in label or "LPR" in label):
        # the result (= X, = X 至 Y) and a bare leading figure (房屋：800000，由原告取得) are amounts
        formula = re.sub(rf"(= {_NUMBER}) 至 ({_NUMBER})$", r"\1元至\2元", formula)
        formula = re.sub(rf"(= {_NUMBER})$", r"\1元", formula)
        formula = re.sub(rf"^({_NUMBER})(?=，|$)", r"\1元", formula)
    return f"{court_date(step.label)}：{formula}" + (f"（{step.basis}）" if step.basis else "")
