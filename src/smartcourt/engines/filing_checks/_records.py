"""Filings as the app passes them in, party and text normalisation, claim similarity and duplicate filings."""

from __future__ import annotations

import enum
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from smartcourt.engines.filing_checks.errors import InvalidOptionError
from smartcourt.engines.validation import IdentityError, upgrade_id_number

__all__ = [
    "DuplicateMatch",
    "FilingRecord",
    "FilingStatus",
    "PartyRef",
    "claim_similarity",
    "find_duplicates",
    "normalize_id_number",
    "normalize_party_name",
    "parties_match",
]

_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "[", "】": "]", "〔": "[", "〕": "]"})
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


@cache
def policy_data() -> dict[str, Any]:
    """The default risk policy and source titles (``data/risk_policy.json``)."""
    text = (
        resources.files("smartcourt.engines.filing_checks")
        .joinpath("data", "risk_policy.json")
        .read_text("utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return data


def source(key: str) -> str:
    """The short title of a cited source."""
    return str(policy_data()["sources"][key])


class FilingStatus(enum.Enum):
    """Where an earlier filing stands.

    >>> FilingStatus.DECIDED.label
    '已裁判'
    """

    DRAFT = "draft"
    SUBMITTED = "submitted"
    REGISTERED = "registered"
    DECIDED = "decided"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """The Chinese name."""
        return {
            "draft": "草稿",
            "submitted": "已提交待审查",
            "registered": "已立案",
            "decided": "已裁判",
            "rejected": "不予受理",
            "withdrawn": "已撤诉",
        }[self.value]


@dataclass(frozen=True, slots=True)
class PartyRef:
    """A party as filed: name and, when known, 身份证号 or 统一社会信用代码.

    >>> PartyRef("张三", "11010519491231002X").id_number
    '11010519491231002X'
    """

    name: str
    id_number: str | None = None


@dataclass(frozen=True, slots=True)
class FilingRecord:
    """A filing (the one being checked or an earlier one) with its parties and claims text.

    >>> FilingRecord("F1", date(2025, 3, 1), FilingStatus.SUBMITTED, (PartyRef("甲"),), (PartyRef("乙"),), "偿还借款10万元").claims
    '偿还借款10万元'
    """

    reference: str
    filed_on: date
    status: FilingStatus
    plaintiffs: tuple[PartyRef, ...]
    defendants: tuple[PartyRef, ...]
    claims: str
    cause: str = ""
    facts: str = ""
    claim_amount: Decimal | None = None


def normalize_party_name(name: str) -> str:
    """A party name compared across filings: NFKC, no spaces, brackets unified, case folded.

    >>> normalize_party_name(" 某某科技（深圳）有限公司 ") == normalize_party_name("某某科技(深圳)有限公司")
    True
    """
    text = unicodedata.normalize("NFKC", name).translate(_BRACKETS)
    return re.sub(r"\s+", "", text).casefold()


def normalize_id_number(value: str | None) -> str | None:
    """An ID or credit code compared across filings: upper case, no spaces, 15-digit IDs upgraded to 18.

    >>> normalize_id_number(" 91350100m000100y43 ")
    '91350100M000100Y43'
    >>> normalize_id_number("")
    """
    if value is None:
        return None
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).upper()
    if not text:
        return None
    if len(text) == 15 and text.isdigit():
        try:
            return upgrade_id_number(text)
        except IdentityError:
            return text
    return text


def parties_match(a: PartyRef, b: PartyRef) -> str | None:
    """How two parties are the same person: ``"id"``, ``"name"`` (no ID on one side) or ``None``.

    Two different ID numbers never match, even under the same name (同名不同人).

    >>> parties_match(PartyRef("张三", "110105194912310021"), PartyRef("张 三", "110105194912310021"))
    'id'
    >>> parties_match(PartyRef("张三"), PartyRef("张三", "110105194912310021"))
    'name'
    >>> parties_match(PartyRef("张三", "110105194912310021"), PartyRef("张三", "110105194912310030")) is None
    True
    """
    id_a, id_b = normalize_id_number(a.id_number), normalize_id_number(b.id_number)
    if id_a and id_b:
        return "id" if id_a == id_b else None
    return "name" if normalize_party_name(a.name) == normalize_party_name(b.name) else None


def _text_key(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def _bigrams(text: str) -> Counter[str]:
    key = _text_key(text)
    if len(key) < 2:
        return Counter([key]) if key else Counter()
    return Counter(key[i : i + 2] for i in range(len(key) - 1))


def claim_similarity(a: str, b: str) -> float:
    """Cosine similarity of character bigrams after normalisation (punctuation and spaces ignored), 0 to 1.

    >>> claim_similarity("判令被告偿还借款本金10万元及利息。", "判令被告偿还借款本金 10 万元及利息")
    1.0
    >>> round(claim_similarity("判令被告偿还借款本金10万元", "判令被告支付货款3万元"), 2)
    0.35
    >>> claim_similarity("", "x")
    0.0
    """
    left, right = _bigrams(a), _bigrams(b)
    if not left or not right:
        return 0.0
    dot = sum(count * right[gram] for gram, count in left.items())
    norm = math.sqrt(sum(v * v for v in left.values())) * math.sqrt(sum(v * v for v in right.values()))
    return round(min(1.0, dot / norm), 6)


def filing_similarity(a: FilingRecord, b: FilingRecord) -> float:
    """Claims similarity, blended 7:3 with the facts' similarity when both filings give facts."""
    claims = claim_similarity(a.claims, b.claims)
    if a.facts.strip() and b.facts.strip():
        return round(0.7 * claims + 0.3 * claim_similarity(a.facts, b.facts), 6)
    return claims


def _match_all(ours: Iterable[PartyRef], theirs: Iterable[PartyRef]) -> list[str] | None:
    theirs = list(theirs)
    how = []
    for party in ours:
        found = next((kind for other in theirs if (kind := parties_match(party, other))), None)
        if found is None:
            return None
        how.append(f"{party.name}（{'证件号码一致' if found == 'id' else '名称一致'}）")
    return how


def same_parties(a: FilingRecord, b: FilingRecord) -> tuple[bool, bool, tuple[str, ...]]:
    """(same parties, roles swapped, how each party matched) — 民诉法解释第二百四十七条第一款第一项."""
    a_all, b_all = (*a.plaintiffs, *a.defendants), (*b.plaintiffs, *b.defendants)
    if not a_all or not b_all:
        return False, False, ()
    forward = _match_all(a_all, b_all)
    backward = _match_all(b_all, a_all)
    if forward is None or backward is None:
        return False, False, ()
    same_roles = (
        _match_all(a.plaintiffs, b.plaintiffs) is not None
        and _match_all(a.defendants, b.defendants) is not None
    )
    return True, not same_roles, tuple(forward)


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """An earlier filing with the same parties and substantially the same claims, and why.

    >>> DuplicateMatch("F1", FilingStatus.DECIDED, True, ("甲（名称一致）",), 0.97, "…", "…").similarity
    0.97
    """

    reference: str
    status: FilingStatus
    same_parties: bool
    party_matches: tuple[str, ...]
    similarity: float
    explanation: str
    basis: str
    roles_swapped: bool = False
    filed_on: date | None = None


_DUPLICATE_STATUSES = frozenset({FilingStatus.SUBMITTED, FilingStatus.REGISTERED, FilingStatus.DECIDED})


def find_duplicates(
    candidate: FilingRecord, existing: Iterable[FilingRecord], *, threshold: float | None = None
) -> tuple[DuplicateMatch, ...]:
    """Earlier filings the candidate may repeat (重复起诉), best first.

    A match needs the same parties (by ID number, or by normalised name when one side has no ID; roles may be
    swapped) and a claims similarity of at least ``threshold`` (default 0.85 from the policy data). Drafts,
    refused (不予受理) and withdrawn (撤诉) filings are not counted: after 撤诉 the same claim may be filed again
    (民诉法解释第二百一十四条第一款).

    >>> earlier = FilingRecord("(2025)京0105民初1号", date(2025, 1, 6), FilingStatus.DECIDED,
    ...     (PartyRef("原告甲", "110105199001010011"),), (PartyRef("被告乙"),), "判令被告偿还借款本金10万元及利息")
    >>> now = FilingRecord("W-9", date(2025, 6, 1), FilingStatus.DRAFT,
    ...     (PartyRef("原告甲", "110105199001010011"),), (PartyRef("被告乙"),), "判令被告偿还借款本金10万元及利息。")
    >>> [match] = find_duplicates(now, [earlier])
    >>> match.reference, match.similarity
    ('(2025)京0105民初1号', 1.0)
    >>> match.basis
    '《民事诉讼法》（2023年修正）第一百二十七条第五项；《民诉法解释》（2022年修正）第二百四十七条'
    """
    if threshold is None:
        threshold = float(policy_data()["duplicate_threshold"])
    if not 0.0 <= threshold <= 1.0:
        raise InvalidOptionError(field="threshold", reason="相似度阈值须在 0 到 1 之间")
    matches = []
    for record in existing:
        if record.reference == candidate.reference or record.status not in _DUPLICATE_STATUSES:
            continue
        same, swapped, how = same_parties(candidate, record)
        if not same:
            continue
        similarity = filing_similarity(candidate, record)
        if similarity < threshold:
            continue
        basis = f"{source('CPL_INTERP')}第二百四十七条"
        if record.status is FilingStatus.DECIDED:
            basis = f"{source('CPL')}第一百二十七条第五项；{basis}"
        roles = "，原被告地位互换" if swapped else ""
        explanation = (
            f"与{record.reference}（{record.status.label}，{record.filed_on.isoformat()}）当事人相同"
            f"（{'、'.join(how)}{roles}），诉讼请求相似度 {similarity:.2f}，达到阈值 {threshold:.2f}，"
            "可能构成重复起诉，请立案人员核对诉讼标的与诉讼请求是否相同"
        )
        if record.status is FilingStatus.DECIDED:
            explanation += "；前诉裁判已生效的，应告知原告申请再审"
        matches.append(
            DuplicateMatch(
                record.reference,
                record.status,
                True,
                how,
                similarity,
                explanation,
                basis,
                swapped,
                record.filed_on,
            )
        )
    return tuple(sorted(matches, key=lambda match: (-match.similarity, match.reference)))
