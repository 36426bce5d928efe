"""Judgment parsing: the parts of a criminal or civil judgment, its header and its result."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ._mentions import find_penalties
from ._segment import DICTIONARY
from ._types import Penalty, PenaltyKind, Span
from ._width import normalize_text

# The markers that open each part, in document order (《人民法院刑事诉讼文书样式》, 民事诉讼文书样式). A part
# that starts mid-sentence starts at its sentence: 某某人民检察院以…起诉书指控… opens the claims.
_SENTENCE = r"(?:(?<=[。\n；号])|^)[^。\n；]{0,300}?"
_PART_MARKERS: tuple[tuple[str, str], ...] = (
    # A party entry opens a sentence (or follows the case number): …人民法院审理…指控原审被告人… is not one.
    # 原审被告人张某不服，提出上诉 is the procedure: a person's entry gives the name, then a comma or bracket.
    (
        "parties",
        r"(?:(?<=[。\n；：:号])|^)(?:公诉机关|原公诉机关|抗诉机关"
        r"|(?:原告|上诉人|申请人|被告人|再审申请人|申请执行人|原审被告人)(?:[（(][^）)]{0,20}[）)])?"
        r"(?![^，,。；（(、]{0,12}?(?:犯|不服|提出|对|及|一案))[^，,。；（(、]{1,12}[，,（(])",
    ),
    (
        "procedure",
        rf"{_SENTENCE}(?:一案[，,][^。\n]{{0,80}}(?:受理|立案|审理|作出)|起诉书[，,]?指控|提起公诉|向本院提起|本院受理|立案受理|"
        r"组成合议庭|开庭审理|公开审理|不公开审理|人民法院审理[^。\n]{0,200}?一案)",
    ),
    (
        "claims",
        rf"{_SENTENCE}(?:人民检察院指控|公诉机关指控|起诉书指控|检察院指控|指控[：:，,]|诉称|诉讼请求|上诉请求)"
        r"(?![^。\n]*(?:提起公诉|提起诉讼|向本院起诉))",  # …起诉书指控…向本院提起公诉 is the procedure
    ),
    # 原判认定: an appeal restates the facts the first instance found.
    (
        "facts",
        r"经审理查明|本院查明|经审查查明|审理查明|经审理认定"
        r"|(?:(?<=[。\n；：:])|(?<=终结))(?:原判|原审|原审判决|原判决)(?:认定|查明)[，,：:]",
    ),
    (
        "evidence",
        rf"{_SENTENCE}(?<![根依]据)(?:上述事实|以上事实|认定上述|前述事实)[^。\n]{{0,60}}(?:证据|证实|证明|佐证)",
    ),
    (
        "reasoning",
        rf"本院认为|{_SENTENCE}(?:本院不予|本院予以采纳|予以采纳|不予采纳|本院对[^。\n]{{0,30}}意见)",
    ),
    ("operative", r"判决如下|裁定如下|决定如下"),
    ("closing", r"如不服本判决|如不服本裁定|审\s*判\s*长|审\s*判\s*员"),
)
_MARKER_RES = tuple((name, re.compile(pattern)) for name, pattern in _PART_MARKERS)
_COURT_RE = re.compile(r"[\u4e00-\u9fa5]{2,30}?人民法院")
_DOC_TYPE_RE = re.compile(r"(刑事|民事|行政|执行|赔偿)?(判决书|裁定书|调解书|决定书)")
_CASE_NUMBER_RE = re.compile(
    r"[（(〔\[]\s*(?P<year>\d{4})\s*[）)〕\]]\s*(?P<court>[\u4e00-\u9fa5]{1,2}\d{0,4})(?P<type>[\u4e00-\u9fa5]{1,6}?)"
    r"(?P<seq>\d+)号"
)
_ARTICLE_RE = re.compile(
    r"《(?P<law>[^》]{2,40})》(?P<articles>(?:第[零〇一二两三四五六七八九十百千\d]+条(?:第[零〇一二两三四五六七八九十\d]+款)?"
    r"(?:第[（(]?[零〇一二三四五六七八九十\d]+[)）]?项)?[、，,和及]?)+)"
)
_SINGLE_ARTICLE_RE = re.compile(r"第[零〇一二两三四五六七八九十百千\d]+条")
# 某某犯盗窃罪一审刑事判决书, 指控被告人某某犯诈骗罪: the charges, as the title and the indictment name them.
# 罪 inside a name (掩饰、隐瞒犯罪所得罪, 帮助信息网络犯罪活动罪) does not end it; 犯X罪、Y罪和Z罪 names three.
_CHARGE = r"(?:(?!犯(?!罪))[\u4e00-\u9fa5、]){2,30}?罪(?!所得|活动)"
_CHARGE_RE = re.compile(rf"犯(?P<charges>{_CHARGE}(?:[、和及]{_CHARGE})*)")
_ONE_CHARGE_RE = re.compile(r"(?:^|(?<=罪)[、和及])(?P<charge>.+?)罪(?!所得|活动)")
_CHARGE_BAD = re.compile(r"[以被等的了其和及]|犯(?!罪)|^(?:罪|何)")
# 辩护人张某、李某，…律师; 辩护人张某、被告人李某及其…; 辩护人张某均到庭; never 辩护人的意见 or 辩护人提出.
_COUNSEL_NAME = (
    r"(?![的提认称对及和与等意均到出所在辩发当庭]|原审|上诉人|被告人|被害人)[\u4e00-\u9fa5某XＸ×*·]{2,4}?"
)
_COUNSEL_RE = re.compile(
    rf"辩护人(?P<names>{_COUNSEL_NAME}(?:、{_COUNSEL_NAME})*)(?:[，,（(]|[均都亦也]?(?:到庭|出庭)|、(?=(?:原审)?(?:被告人|上诉人)))"
)
# The date nearest before the measure: …2018年2月5日，经检察院批准，次日被执行逮捕 is arrested on 次日.
_CUSTODY_DATE = r"(?:\d{4}年|同年)\d{1,2}月\d{1,2}日|同月\d{1,2}日|次日|同日|当日|翌日"
_CUSTODY_RE = re.compile(
    rf"(?P<date>{_CUSTODY_DATE})(?:(?!{_CUSTODY_DATE})[^。；\n]){{0,50}}?"
    r"(?P<measure>刑事拘留|执行逮捕|批准逮捕|逮捕|取保候审|监视居住|行政拘留)"
)
_PRIOR_CLAUSE_START = re.compile(r"(?:\d{4}年|曾|因|又因|于\d{4}年)")
_PRIOR_RE = re.compile(
    r"曾因|前科(?!劣迹调查|查询|查证|调查|情况|证明)|累犯|刑满释放|曾被[^。；\n]{0,20}判处"
)
# 无前科, 系初犯、无任何犯罪前科, 不构成累犯: a denial, not a record.
_PRIOR_DENIED_RE = re.compile(r"(?:无|没有|未|不|不是|不构成|并非|非)[^，。；,]{0,4}$")
# One entry of the parties part: a role at the start of a sentence, up to the next such role.
_ENTRY_ROLE = (
    "附带民事诉讼原告人|附带民事诉讼被告人|原审被告人|再审申请人|申请执行人|被执行人|上诉人|被上诉人|被告人|被告|"
    "原告人|原告|第三人|申请人|被申请人|被害人|公诉机关|抗诉机关|指定辩护人|辩护人|委托诉讼代理人|诉讼代理人|"
    "法定代理人|诉讼代表人|法定代表人"
)
_ENTRY_RE = re.compile(rf"(?:(?<=[。\n；])|^)(?P<role>{_ENTRY_ROLE})(?![犯及和与、等])")
_PERSON_ROLES = frozenset(
    [
        "附带民事诉讼原告人",
        "附带民事诉讼被告人",
        "原审被告人",
        "再审申请人",
        "申请执行人",
        "被执行人",
        "上诉人",
        "被上诉人",
        "被告人",
        "被告",
        "原告人",
        "原告",
        "第三人",
        "申请人",
        "被申请人",
        "被害人",
    ]
)
_COUNSEL_ROLES = frozenset(["指定辩护人", "辩护人", "委托诉讼代理人", "诉讼代理人"])
# 上诉人（原审被告人）张某, 被告人张某（曾用名李某）: the name follows the role and any bracket.
_ENTRY_NAME_RE = re.compile(
    r"(?:[（(][^）)]{0,20}[）)])?(?:自报|自称)?(?P<name>[^，,。；（(：:、\s]{1,20}?)(?=[，,。；（(：:]|$)"
)
_SEX_RE = re.compile(r"[，,](?P<sex>男|女)(?=[，,。；])")
_ENTRY_BIRTH_RE = re.compile(
    r"(?P<date>\d{4}年\d{1,2}月\d{1,2}日)(?:出生|生)|出生于(?P<date2>\d{4}年\d{1,2}月\d{1,2}日)"
)
_ENTRY_ETHNIC_RE = re.compile(r"[，,](?P<ethnicity>[\u4e00-\u9fa5]{1,4}族)(?=[，,。；])")
_EDUCATION_RE = re.compile(
    r"[，,](?:文化程度|学历)?(?:为|是)?(?P<education>(?:文盲|半文盲|不识字|小学|初中|高中|中专|中技|技校|职高|大专|专科|大学本科|大学专科|本科|大学|硕士研究生|博士研究生|"
    r"研究生|硕士|博士)(?:文化(?:程度)?|学历|毕业|肄业|文化水平)?)(?=[，,。；])"
)
_DOMICILE_RE = re.compile(
    r"(?:户籍所在地|户籍住址|户籍地|户籍|住所地|住址|现住址|现住|家住|住)(?:[、及和](?:居住地|现住地|住所地|现住址))?均?"
    r"(?:为|是|在|于|：|:)?(?P<place>[^，,。；]{2,60})"
)
# A sentence about an earlier punishment, not the measures of this case.
_PRIOR_SENTENCE_RE = re.compile(r"曾因|曾于|前科|累犯|刑满释放|劳动教养|判处|罚款|行政拘留|强制隔离戒毒|释放")
_TRIAL_LEVEL_RE = re.compile(r"(一审|二审|再审)")


@dataclass(frozen=True, slots=True)
class JudgmentPart:
    """One part of a judgment.

    ``name`` is header, parties, procedure (审理经过), claims (公诉指控, 诉辩意见), facts (查明事实), evidence,
    reasoning (本院认为, or the court's answers to the defence), operative (裁判主文) or closing (尾部).

    >>> JudgmentPart("facts", (0, 6), "经审理查明：").name
    'facts'
    """

    name: str
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation of articles of one law: 《中华人民共和国刑法》第二百六十四条.

    >>> Citation("中华人民共和国刑法", ("第二百六十四条",), (0, 19)).law
    '中华人民共和国刑法'
    """

    law: str
    articles: tuple[str, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Party:
    """A party as the parties part introduces it, with the attributes it states.

    ``priors`` holds the sentences about earlier punishments; ``custody`` the ``(measure, date)`` pairs of
    this case (刑事拘留, 逮捕, 取保候审 …) in order; ``counsel`` the defenders or agents named right after.

    >>> Party("被告人", "张某", sex="男").sex
    '男'
    """

    role: str
    name: str
    sex: str = ""
    birth_date: str = ""
    ethnicity: str = ""
    education: str = ""
    domicile: str = ""
    priors: tuple[str, ...] = ()
    custody: tuple[tuple[str, str], ...] = ()
    counsel: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Judgment:
    """A parsed judgment; each field is empty when the text does not give it.

    ``parties`` are read from the parties part, one per entry; ``genders``, ``birth_dates`` and
    ``ethnicities`` repeat their attributes in order.

    ``custody`` holds ``(measure, date)`` pairs (刑事拘留, 逮捕, 取保候审 …) in order, the parties' or, when the text
    lists no parties, those before the facts; the date is the nearest one before the measure, as written (次日,
    同年3月20日). ``prior_record`` is set by a party's earlier punishment or by 曾因…, 前科, 累犯 before the
    facts (not by 无前科); ``charges`` come from the title and the indictment, without 罪, one per charge
    (犯诈骗、挪用资金罪 names two); the principal penalty of several counts is the one after 决定执行.

    >>> Judgment(text="").parts
    ()
    """

    text: str
    court: str = ""
    document_type: str = ""
    case_number: str = ""
    parts: tuple[JudgmentPart, ...] = ()
    parties: tuple[Party, ...] = ()
    genders: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()
    ethnicities: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    principal_penalty: Penalty | None = None
    probation: Penalty | None = None
    fine: Penalty | None = None
    charges: tuple[str, ...] = ()
    counsel: tuple[str, ...] = ()
    custody: tuple[tuple[str, str], ...] = ()
    prior_record: bool = False
    trial_level: str = ""

    def part(self, name: str) -> JudgmentPart | None:
        """The first part of that name, if the judgment has one."""
        return next((p for p in self.parts if p.name == name), None)


_PRINCIPAL = {
    PenaltyKind.FIXED_TERM_IMPRISONMENT,
    PenaltyKind.CRIMINAL_DETENTION,
    PenaltyKind.PUBLIC_SURVEILLANCE,
    PenaltyKind.LIFE_IMPRISONMENT,
    PenaltyKind.DEATH,
    PenaltyKind.DEATH_WITH_REPRIEVE,
}


def _sentence_start(text: str, pos: int, head_end: int) -> int:
    """Where the sentence holding ``pos`` starts; the header (up to the case number) ends a sentence too."""
    return max(head_end, *(text.rfind(c, 0, pos) + 1 for c in "。\n；"))


def _split(text: str) -> list[JudgmentPart]:
    number = _CASE_NUMBER_RE.search(text, 0, 600)
    head_end = number.end() if number else 0
    starts: list[tuple[int, str]] = [(0, "header")]
    floor = 0
    for k, (name, regex) in enumerate(_MARKER_RES):
        # Search from the start of the sentence the previous marker ended in, so that a part's sentence
        # pattern can see it; a match is never placed before the previous marker's end.
        m = regex.search(text, _sentence_start(text, floor, head_end))
        while m is not None and m.end() <= floor:
            m = regex.search(text, m.end())
        if m is None:
            continue
        if name == "parties":  # the parties come before the procedure, or the text lists none
            procedure = _MARKER_RES[k + 1][1].search(text, _sentence_start(text, 0, head_end))
            if procedure is not None and procedure.start() < m.start():
                continue
        if name == "claims":  # 指控 quoted after the facts have begun opens no claims part
            facts = _MARKER_RES[k + 1][1].search(text, floor)
            if facts is not None and facts.end() <= m.start():
                continue
        start = max(m.start(), floor)
        # Published texts often drop the full stop after 现已审理终结: the next sentence starts there all the same.
        cut = text.rfind("审理终结", start, m.end())
        if cut >= 0 and name != "procedure":
            start = cut + len("审理终结")
        starts.append((start, name))
        floor = max(m.end(), start + 1)
    found = {name: start for start, name in starts}
    if "parties" in found and "procedure" in found:
        sentence = _sentence_start(text, found["procedure"] + 1, head_end)
        if sentence <= found["parties"]:
            # 某某检察院以…起诉书指控被告人…: the 被告人 is in the procedure; the text lists no parties.
            starts.remove((found["parties"], "parties"))
            starts.remove((found["procedure"], "procedure"))
            starts.append((sentence, "procedure"))
    starts.sort()
    parts = []
    for (start, name), nxt in zip(starts, starts[1:] + [(len(text), "")], strict=True):
        if nxt[0] > start:
            parts.append(JudgmentPart(name, (start, nxt[0]), text[start : nxt[0]]))
    return parts


@functools.cache
def _charge_names() -> frozenset[str]:
    """Charge names (without 罪) from the legal dictionary, to tell 诈骗、挪用资金 (two) from 掩饰、隐瞒… (one)."""
    try:
        lines = DICTIONARY.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(
        w[:-1] for w in (line.split(" ", 1)[0] for line in lines) if len(w) > 2 and w[-1] == "罪"
    )


def _split_charges(group: str) -> list[str]:
    """犯盗窃罪、诈骗罪 → 盗窃, 诈骗; 犯诈骗、挪用资金罪 → 诈骗, 挪用资金 when both are known charge names."""
    charges: list[str] = []
    for m in _ONE_CHARGE_RE.finditer(group):
        charge = m.group("charge")
        pieces = charge.split("、")
        known = _charge_names()
        if charge not in known and len(pieces) > 1 and all(piece in known for piece in pieces):
            charges.extend(pieces)
        else:
            charges.append(charge)
    return charges


def _prior_clauses(sentence: str) -> str:
    """The record from its first clause: 张某，男，…，2001年因犯抢劫罪被判处… → 2001年因犯抢劫罪被判处…."""
    clauses = re.split(r"(?<=[，,])", sentence)
    for i, clause in enumerate(clauses):
        if _PRIOR_CLAUSE_START.match(clause) and (
            _PRIOR_RE.search(clause) or _PRIOR_SENTENCE_RE.search(clause)
        ):
            return "".join(clauses[i:])
    return sentence


def _sentences(text: str) -> list[str]:
    return [piece for piece in re.split(r"(?<=[。；\n])", text) if piece.strip()]


def _is_record(sentence: str) -> bool:
    return bool(_PRIOR_RE.search(sentence) or _PRIOR_SENTENCE_RE.search(sentence) or _custody(sentence))


def _is_this_case(sentence: str) -> bool:
    return "因本案" in sentence or ("因涉嫌" in sentence and not re.search(r"判处|刑满|劳动教养", sentence))


def _custody(text: str) -> list[tuple[str, str]]:
    return [(m.group("measure"), m.group("date")) for m in _CUSTODY_RE.finditer(text)]


def _counsel_names(text: str) -> list[str]:
    """辩护人张某、李某，某律师事务所律师 → ['张某', '李某']."""
    head = re.split(r"[，,（(。；：:]", text, maxsplit=1)[0]
    names = [n for n in re.split(r"[、和及]", head) if 2 <= len(n) <= 12]
    return [n for n in names if not re.search(r"[的犯罪案律师所称]|意见|认为|提出", n)]


def _parse_parties(text: str) -> list[Party]:
    """The parties of a parties part: each entry opens with its role at the start of a sentence."""
    starts = list(_ENTRY_RE.finditer(text))
    parties: list[Party] = []
    ends = [m.start() for m in starts[1:]] + [len(text)] if starts else []
    for m, end in zip(starts, ends, strict=True):
        role = m.group("role")
        rest = text[m.end() : end]
        if role in _COUNSEL_ROLES:
            if parties:
                last = parties[-1]
                names = tuple(n for n in _counsel_names(rest) if n not in last.counsel)
                parties[-1] = replace(last, counsel=last.counsel + names)
            continue
        if role not in _PERSON_ROLES:
            continue
        name = _ENTRY_NAME_RE.match(rest)
        if (
            name is None
            or len(name.group("name")) > 12
            or re.search(r"[犯罪案于]|不服|提出", name.group("name"))
        ):
            continue
        sentences = _sentences(rest)
        current = [x for x in sentences if _is_this_case(x)]
        priors = [
            _prior_clauses(x.strip("。；\n"))
            for x in sentences
            if x not in current and (_PRIOR_RE.search(x) or _PRIOR_SENTENCE_RE.search(x))
        ]
        # The attributes: the sentences before the first about a measure or an earlier punishment.
        attributes = []
        for x in sentences:
            if x in current or _is_record(x):
                break
            attributes.append(x)
        first = "".join(attributes) or (sentences[0] if sentences else "")
        sex = _SEX_RE.search(first)
        birth = _ENTRY_BIRTH_RE.search(first)
        ethnicity = _ENTRY_ETHNIC_RE.search(first)
        education = _EDUCATION_RE.search(first)
        domicile = _DOMICILE_RE.search(first)
        prior_set = set(priors)
        custody = [c for x in sentences if x.strip("。；\n") not in prior_set for c in _custody(x)]
        parties.append(
            Party(
                role=role,
                name=name.group("name"),
                sex=sex.group("sex") if sex else "",
                birth_date=(birth.group("date") or birth.group("date2")) if birth else "",
                ethnicity=ethnicity.group("ethnicity") if ethnicity else "",
                education=education.group("education") if education else "",
                domicile=domicile.group("place") if domicile else "",
                priors=tuple(priors),
                custody=tuple(custody),
            )
        )
    return parties


def parse_judgment(text: str) -> Judgment:
    """Split a judgment into its parts and read its header, parties, citations and result.

    >>> j = parse_judgment("某某市人民法院\\n刑事判决书\\n（2019）浙0105刑初12号\\n公诉机关某某市人民检察院。"
    ...     "被告人张某，男，1990年1月1日出生，汉族。经审理查明：盗窃。本院认为，依照《中华人民共和国刑法》第二百六十四条"
    ...     "之规定，判决如下：被告人张某犯盗窃罪，判处有期徒刑一年六个月，并处罚金人民币五千元。")
    >>> j.court, j.document_type, j.case_number, j.principal_penalty.months, j.fine.amount
    ('某某市人民法院', '刑事判决书', '（2019）浙0105刑初12号', 18, Decimal('5000'))
    """
    if not isinstance(text, str):
        return Judgment(text="")
    norm = normalize_text(text[:1_000_000])
    body = norm.text
    parts = _split(body)
    head = body[:300]
    court = _COURT_RE.search(head)
    doc_type = _DOC_TYPE_RE.search(head)
    case_number = _CASE_NUMBER_RE.search(body[:600])
    parties_part = next((p for p in parts if p.name == "parties"), None)
    party_text = parties_part.text if parties_part else ""
    citations = []
    for m in _ARTICLE_RE.finditer(body):
        s, e = norm.original_span(m.start(), m.end())
        articles = tuple(_SINGLE_ARTICLE_RE.findall(m.group("articles")))
        citations.append(Citation(m.group("law"), articles, (s, e)))
    operative = next((p for p in parts if p.name == "operative"), None)
    penalties = find_penalties(normalize_text(operative.text)) if operative else []
    # 数罪并罚 (《刑法》第六十九条): 犯甲罪，判处…；犯乙罪，判处…，决定执行… — the sentence is what follows 决定执行.
    combined = operative.text.find("决定执行") if operative else -1
    if combined >= 0 and any(p.span[0] >= combined and p.kind in _PRINCIPAL for p in penalties):
        penalties = [p for p in penalties if p.span[0] >= combined]
    principal = next((p for p in penalties if p.kind in _PRINCIPAL), None)
    probation = next((p for p in penalties if p.kind is PenaltyKind.PROBATION), None)
    fine = next((p for p in penalties if p.kind is PenaltyKind.FINE), None)

    def shift(p: Penalty | None) -> Penalty | None:
        if p is None or operative is None:
            return p
        s, e = norm.original_span(operative.span[0] + p.span[0], operative.span[0] + p.span[1])
        return Penalty(p.kind, (s, e), norm.original[s:e], p.months, p.amount, p.for_life)

    def original_part(p: JudgmentPart) -> JudgmentPart:
        s, e = norm.original_span(*p.span)
        return JudgmentPart(p.name, (s, e), norm.original[s:e])

    head_and_claims = body[: parts[1].span[0]] if len(parts) > 1 else body[:300]
    charge_text = head_and_claims + "".join(p.text[:400] for p in parts if p.name in ("procedure", "claims"))
    charges: list[str] = []
    for m in _CHARGE_RE.finditer(charge_text):
        for charge in _split_charges(m.group("charges")):
            if not _CHARGE_BAD.search(charge) and charge not in charges:
                charges.append(charge)
    before_facts = body[: next((p.span[0] for p in parts if p.name == "facts"), len(body))]
    parties = _parse_parties(party_text)
    counsel: list[str] = []
    for name in [n for p in parties for n in p.counsel] + [
        n for m in _COUNSEL_RE.finditer(before_facts) for n in _counsel_names(m.group("names"))
    ]:
        if name not in counsel:
            counsel.append(name)
    custody = tuple(c for p in parties for c in p.custody) if parties else tuple(_custody(before_facts))
    prior_text = party_text + before_facts[:2000]
    prior = any(p.priors for p in parties) or any(
        not _PRIOR_DENIED_RE.search(prior_text[max(0, m.start() - 8) : m.start()])
        for m in _PRIOR_RE.finditer(prior_text)
    )
    level = _TRIAL_LEVEL_RE.search(head)
    return Judgment(
        text=norm.original,
        court=re.split(r"[书号]", court.group(0))[-1] if court else "",
        document_type=doc_type.group(0) if doc_type else "",
        case_number=case_number.group(0) if case_number else "",
        parts=tuple(original_part(p) for p in parts),
        parties=tuple(parties),
        genders=tuple(p.sex for p in parties if p.sex),
        birth_dates=tuple(p.birth_date for p in parties if p.birth_date),
        ethnicities=tuple(p.ethnicity for p in parties if p.ethnicity),
        citations=tuple(citations),
        principal_penalty=shift(principal),
        probation=shift(probation),
        fine=shift(fine),
        charges=tuple(charges),
        counsel=tuple(counsel),
        custody=custody,
        prior_record=prior,
        trial_level=level.group(1) if level else "",
    )
