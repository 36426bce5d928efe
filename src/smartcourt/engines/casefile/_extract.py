"""Extraction of case information from complaints, answers and ID copies, and its differences from the case
record (自动提取与回填): each value with its span, checked where a check exists (ID numbers, credit codes,
phones), for the clerk to accept or reject field by field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from smartcourt.engines import text, validation

_ROLES = "再审申请人|被申请人|申请执行人|被执行人|被上诉人|上诉人|第三人|申请人|答辩人|被答辩人|原告|被告"
_PARTY_LINE = re.compile(rf"^\s*({_ROLES})(?:（[^）]{{0,12}}）)?[：:]\s*([^，,。；;（(\s]{{2,40}})(.*)$")
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_CREDIT_CODE = re.compile(r"(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Z])")
_PHONE = re.compile(r"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
_ADDRESS = re.compile(r"(?:住所地|住址|住|户籍地|经常居住地)[：:]?\s*([^，,。；;\s]{4,60})")
_SEX = re.compile(r"[，,\s](男|女)[，,\s]")
_LEGAL_REP = re.compile(r"^\s*(?:法定代表人|负责人)[：:]\s*([^，,。；;\s]{2,10})")
_CLAIMS = re.compile(
    r"(?:诉讼请求|上诉请求|请求事项|申请事项)[：:]?(.*?)(?:事实与理由|事实和理由|事实及理由|$)", re.S
)
_CLAIM_ITEM = re.compile(
    r"(?:^|[；;。\n]|\s)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.．](.+?)(?=(?:[；;。\n]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.．])|[；;]?\s*$|\n)",
    re.S,
)
_ID_CARD_FIELDS = {
    "name": re.compile(r"姓\s*名\s*[:：]?\s*([\u4e00-\u9fff·]{2,10})"),
    "address": re.compile(r"住\s*址\s*[:：]?\s*([^\n]{4,60}?)(?=\s*公民身份|\n|$)"),
}
_COST_WORDS = ("诉讼费", "受理费", "保全费", "公告费", "鉴定费")
_ORG_SUFFIX = (
    "公司",
    "厂",
    "中心",
    "银行",
    "合作社",
    "委员会",
    "局",
    "院",
    "所",
    "店",
    "部",
    "社",
    "集团",
    "协会",
    "学校",
)


@dataclass(frozen=True)
class Extracted:
    """One value found in the text: the field, the value as text, its span, and whether its check passed."""

    field: str
    value: str
    span: tuple[int, int]
    valid: bool | None = None
    note: str = ""


@dataclass(frozen=True)
class ExtractedParty:
    role: str
    name: Extracted
    kind: str  # "person" | "organization"
    details: tuple[Extracted, ...] = ()

    def get(self, name: str) -> Extracted | None:
        """The detail called ``name`` (id_number, sex, birth_date, address, phone, credit_code, legal_representative)."""
        return next((d for d in self.details if d.field == name), None)


@dataclass(frozen=True)
class ExtractedFields:
    parties: tuple[ExtractedParty, ...] = ()
    claims: tuple[Extracted, ...] = ()
    claim_amount: Extracted | None = None
    dates: tuple[Extracted, ...] = ()


@dataclass(frozen=True)
class RecordParty:
    """A party as the case record holds it (what back-fill compares against)."""

    role: str
    name: str
    id_number: str = ""
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class CaseRecord:
    parties: tuple[RecordParty, ...] = ()
    claim_amount: Decimal | None = None


@dataclass(frozen=True)
class FieldDifference:
    """A field where the material and the record differ (or the record is empty): the clerk accepts or rejects."""

    field: str
    party: str | None
    record_value: str
    extracted: Extracted
    reason: str = ""


def extract_case_fields(material: str) -> ExtractedFields:
    """Parties (with ID numbers, sex, birth dates, addresses, phones, credit codes, legal representatives),
    claims and the claimed amount (costs excluded), and dates, from a complaint, an answer or an ID copy.

    >>> f = extract_case_fields("原告：张三，男，住浙江省杭州市上城区某路1号，联系电话13800138000。\\n"
    ...                         "诉讼请求：1.判令被告偿还借款120000元；2.本案诉讼费由被告负担。")
    >>> p = f.parties[0]
    >>> (p.role, p.name.value, p.get("phone").value, p.get("address").value, f.claim_amount.value)
    ('原告', '张三', '13800138000', '浙江省杭州市上城区某路1号', '120000')
    >>> [c.value for c in f.claims]
    ['判令被告偿还借款120000元', '本案诉讼费由被告负担']
    """
    parties = _parties(material) or _id_card(material)
    claims = _claims(material)
    amount = _claim_amount(claims)
    dates = tuple(
        Extracted(
            "date", m.date.isoformat() if m.date else m.text, m.span, valid=not m.reason, note=m.reason or ""
        )
        for m in text.extract_dates(material)
        if not m.relative
    )
    return ExtractedFields(parties=parties, claims=claims, claim_amount=amount, dates=dates)


def _iso(mention: text.DateMention) -> str | None:
    if mention.reason or not (mention.year and mention.month and mention.day):
        return None
    return f"{mention.year:04d}-{mention.month:02d}-{mention.day:02d}"


def _line_offsets(material: str) -> list[tuple[int, str]]:
    offsets, position = [], 0
    for line in material.splitlines(keepends=True):
        offsets.append((position, line.rstrip("\r\n")))
        position += len(line)
    return offsets


def _parties(material: str) -> tuple[ExtractedParty, ...]:
    found: list[ExtractedParty] = []
    for start, line in _line_offsets(material):
        match = _PARTY_LINE.match(line)
        if match:
            role, name = match.group(1), match.group(2)
            kind = "organization" if name.endswith(_ORG_SUFFIX) else "person"
            name_value = Extracted("name", name, (start + match.start(2), start + match.end(2)))
            details = _details(line, start, kind)
            found.append(ExtractedParty(role, name_value, kind, details))
            continue
        rep = _LEGAL_REP.match(line)
        if rep and found and found[-1].kind == "organization":
            last = found[-1]
            value = Extracted(
                "legal_representative", rep.group(1), (start + rep.start(1), start + rep.end(1))
            )
            found[-1] = ExtractedParty(last.role, last.name, last.kind, (*last.details, value))
    return tuple(found)


def _details(line: str, start: int, kind: str) -> tuple[Extracted, ...]:
    details: list[Extracted] = []
    if kind == "person":
        for match in _ID_NUMBER.finditer(line):
            details.append(_checked_id(match, start))
            break
        sex = _SEX.search(line + "，")
        if sex:
            details.append(Extracted("sex", sex.group(1), (start + sex.start(1), start + sex.end(1))))
        for mention in text.extract_dates(line):
            if "出生" in line[mention.span[1] : mention.span[1] + 3] and mention.date:
                details.append(
                    Extracted(
                        "birth_date",
                        mention.date.isoformat(),
                        (start + mention.span[0], start + mention.span[1]),
                    )
                )
                break
    else:
        code = _CREDIT_CODE.search(line)
        if code:
            try:
                validation.validate_credit_code(code.group(1))
                valid, note = True, ""
            except validation.CreditCodeError as exc:
                valid, note = False, exc.message
            details.append(
                Extracted(
                    "credit_code", code.group(1), (start + code.start(1), start + code.end(1)), valid, note
                )
            )
    address = _ADDRESS.search(line)
    if address:
        details.append(
            Extracted("address", address.group(1), (start + address.start(1), start + address.end(1)))
        )
    phone = _PHONE.search(_ID_NUMBER.sub(lambda m: "#" * len(m.group()), line))
    if phone:
        try:
            validation.validate_phone(phone.group(1))
            valid, note = True, ""
        except validation.PhoneNumberError as exc:
            valid, note = False, exc.message
        details.append(
            Extracted("phone", phone.group(1), (start + phone.start(1), start + phone.end(1)), valid, note)
        )
    return tuple(details)


def _checked_id(match: re.Match[str], start: int) -> Extracted:
    try:
        info = validation.validate_id_number(match.group(1))
        return Extracted("id_number", info.number, (start + match.start(1), start + match.end(1)), True)
    except validation.IdNumberError as exc:
        return Extracted(
            "id_number", match.group(1), (start + match.start(1), start + match.end(1)), False, exc.message
        )


def _id_card(material: str) -> tuple[ExtractedParty, ...]:
    """A resident ID card (居民身份证) read by OCR: 姓名 … 住址 … 公民身份号码 …."""
    name = _ID_CARD_FIELDS["name"].search(material)
    number = _ID_NUMBER.search(material)
    if not (name and number and "身份" in material):
        return ()
    details = [_checked_id(number, 0)]
    address = _ID_CARD_FIELDS["address"].search(material)
    if address:
        details.append(Extracted("address", re.sub(r"\s+", "", address.group(1)), address.span(1)))
    return (
        ExtractedParty("当事人", Extracted("name", name.group(1), name.span(1)), "person", tuple(details)),
    )


def _claims(material: str) -> tuple[Extracted, ...]:
    block = _CLAIMS.search(material)
    if not block:
        return ()
    body, offset = block.group(1), block.start(1)
    items = [
        Extracted(
            "claim",
            m.group(1).strip().rstrip("；;。"),
            (offset + m.start(1), offset + m.start(1) + len(m.group(1).strip().rstrip("；;。"))),
        )
        for m in _CLAIM_ITEM.finditer(body)
        if m.group(1).strip()
    ]
    if not items and body.strip():
        stripped = body.strip()
        items = [
            Extracted(
                "claim",
                stripped,
                (offset + body.find(stripped), offset + body.find(stripped) + len(stripped)),
            )
        ]
    return tuple(items)


def _claim_amount(claims: tuple[Extracted, ...]) -> Extracted | None:
    total = Decimal(0)
    spans: list[tuple[int, int]] = []
    for claim in claims:
        if any(word in claim.value for word in _COST_WORDS):
            continue
        for money in text.extract_money(claim.value):
            total += Decimal(money.amount)
            spans.append((claim.span[0] + money.span[0], claim.span[0] + money.span[1]))
    if not spans:
        return None
    return Extracted(
        "claim_amount",
        format(total.normalize(), "f"),
        (spans[0][0], spans[-1][1]),
        note=f"{len(spans)}项金额之和",
    )


def compare_with_record(extracted: ExtractedFields, record: CaseRecord) -> list[FieldDifference]:
    """The fields to back-fill: values in the material that the record lacks or holds differently.

    >>> f = extract_case_fields("原告：张三，住杭州市上城区某路1号，电话13800138000。\\n诉讼请求：1.偿还借款5000元。")
    >>> [(d.field, d.record_value, d.extracted.value) for d in compare_with_record(f, CaseRecord(
    ...     parties=(RecordParty("原告", "张三", phone="13900000000"),), claim_amount=Decimal("5000")))]
    [('address', '', '杭州市上城区某路1号'), ('phone', '13900000000', '13800138000')]
    """
    differences: list[FieldDifference] = []
    by_name = {p.name: p for p in record.parties}
    for party in extracted.parties:
        held = by_name.get(party.name.value)
        if held is None:
            differences.append(FieldDifference("party", None, "", party.name, "案件信息中没有该当事人"))
            continue
        for detail in party.details:
            current = getattr(held, detail.field, None)
            if current is None or detail.valid is False:
                continue
            if current != detail.value:
                reason = "案件信息为空" if not current else "与案件信息不一致"
                differences.append(FieldDifference(detail.field, held.name, current, detail, reason))
    if extracted.claim_amount is not None:
        amount = Decimal(extracted.claim_amount.value)
        if record.claim_amount is None or Decimal(record.claim_amount) != amount:
            differences.append(
                FieldDifference(
                    "claim_amount",
                    None,
                    ""
                    if record.claim_amount is None
                    else format(Decimal(record.claim_amount).normalize(), "f"),
                    extracted.claim_amount,
                    "诉讼请求金额与案件信息不一致" if record.claim_amount is not None else "案件信息为空",
                )
            )
    return differences
