"""Judgment parsing: the parts of a criminal or civil judgment, its header and its result."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._mentions import find_penalties
from ._types import Penalty, PenaltyKind, Span
from ._width import normalize_text

# The markers that open each part, in document order (《人民法院刑事诉讼文书样式》, 民事诉讼文书样式). A part
# that starts mid-sentence starts at its sentence: 某某人民检察院以…起诉书指控… opens the claims.
_SENTENCE = r"(?:(?<=[。\n；号])|^)[^。\n；]{0,300}?"
_PART_MARKERS: tuple[tuple[str, str], ...] = (
    ("parties", r"公诉机关|原告|上诉人|申请人|被告人|再审申请人|申请执行人"),
    (
        "procedure",
        rf"{_SENTENCE}(?:一案[，,][^。\n]{{0,80}}(?:受理|立案|审理)|提起公诉|向本院提起|本院受理|立案受理|"
        r"组成合议庭|开庭审理|公开审理|不公开审理)",
    ),
    (
        "claims",
        rf"{_SENTENCE}(?:人民检察院指控|公诉机关指控|起诉书指控|检察院指控|指控[：:，,]|诉称|诉讼请求|上诉请求)"
        r"(?![^。\n]*(?:提起公诉|提起诉讼|向本院起诉))",  # …起诉书指控…向本院提起公诉 is the procedure
    ),
    ("facts", r"经审理查明|本院查明|经审查查明|审理查明|经审理认定"),
    (
        "evidence",
        rf"{_SENTENCE}(?:上述事实|以上事实|认定上述|前述事实)[^。\n]{{0,60}}(?:证据|证实|证明|佐证)",
    ),
    (
        "reasoning",
        rf"本院认为|{_SENTENCE}(?:本院予以确认|本院不予|本院予以采纳|予以采纳|不予采纳|本院对[^。\n]{{0,30}}意见)",
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
_GENDER_RE = re.compile(r"[，,](男|女)[，,]")
_BIRTH_RE = re.compile(r"(\d{4}年\d{1,2}月\d{1,2}日)(?:出生|生)")
_ETHNIC_RE = re.compile(r"[，,]([\u4e00-\u9fa5]{1,4}族)[，,]")
# 某某犯盗窃罪一审刑事判决书, 指控被告人某某犯诈骗罪: the charges, as the title and the indictment name them.
_CHARGE_RE = re.compile(r"犯(?P<charge>[\u4e00-\u9fa5、]{2,30}?)罪")
_CHARGE_BAD = re.compile(r"[犯以被等的了其和及]|^(?:罪|何)")
_COUNSEL_RE = re.compile(r"辩护人(?P<name>[\u4e00-\u9fa5某XＸ×*]{2,4}?)[，,（(]")
_CUSTODY_RE = re.compile(
    r"(?P<date>(?:\d{4}年|同年)\d{1,2}月\d{1,2}日)[^。；\n]{0,30}?(?:被[^。；\n]{0,20}?)?"
    r"(?P<measure>刑事拘留|执行逮捕|批准逮捕|逮捕|取保候审|监视居住|行政拘留)"
)
_PRIOR_RE = re.compile(r"曾因|前科|累犯|刑满释放|曾被[^。；\n]{0,20}判处")
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
class Judgment:
    """A parsed judgment; each field is empty when the text does not give it.

    ``custody`` holds ``(measure, date)`` pairs (刑事拘留, 逮捕, 取保候审 …) in order; ``prior_record`` is set by
    曾因…, 前科, 累犯; ``charges`` come from the title and the indictment, without 罪.

    >>> Judgment(text="").parts
    ()
    """

    text: str
    court: str = ""
    document_type: str = ""
    case_number: str = ""
    parts: tuple[JudgmentPart, ...] = ()
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
        if name == "claims":  # 指控 quoted after the facts have begun opens no claims part
            facts = _MARKER_RES[k + 1][1].search(text, floor)
            if facts is not None and facts.end() <= m.start():
                continue
        start = max(m.start(), floor)
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
        charge = m.group("charge")
        if not _CHARGE_BAD.search(charge) and charge not in charges:
            charges.append(charge)
    before_facts = body[: next((p.span[0] for p in parts if p.name == "facts"), len(body))]
    counsel: list[str] = []
    for m in _COUNSEL_RE.finditer(before_facts):
        if m.group("name") not in counsel:
            counsel.append(m.group("name"))
    custody = tuple((m.group("measure"), m.group("date")) for m in _CUSTODY_RE.finditer(before_facts))
    level = _TRIAL_LEVEL_RE.search(head)
    return Judgment(
        text=norm.original,
        court=re.split(r"[书号]", court.group(0))[-1] if court else "",
        document_type=doc_type.group(0) if doc_type else "",
        case_number=case_number.group(0) if case_number else "",
        parts=tuple(original_part(p) for p in parts),
        genders=tuple(_GENDER_RE.findall(party_text)),
        birth_dates=tuple(_BIRTH_RE.findall(party_text)),
        ethnicities=tuple(_ETHNIC_RE.findall(party_text)),
        citations=tuple(citations),
        principal_penalty=shift(principal),
        probation=shift(probation),
        fine=shift(fine),
        charges=tuple(charges),
        counsel=tuple(counsel),
        custody=custody,
        prior_record=bool(_PRIOR_RE.search(party_text + before_facts[:2000])),
        trial_level=level.group(1) if level else "",
    )
