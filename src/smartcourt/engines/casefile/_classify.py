"""Classifying one document into the catalogue: its title first (tolerant of OCR noise), then content cues."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from smartcourt.engines.casefile._catalogue import OTHER, Category, catalogue

_TITLE_LINES = 6
_FUZZY_TITLE = 0.8


@dataclass(frozen=True)
class Evidence:
    """Why a category was chosen: the rule (``title`` / ``cue``), the matched text and its span in the text."""

    rule: str
    text: str
    span: tuple[int, int]


@dataclass(frozen=True)
class Classification:
    """The chosen category with a confidence in [0, 1], its evidence, and the runners-up by score."""

    category: Category
    confidence: float
    evidence: tuple[Evidence, ...]
    alternatives: tuple[tuple[str, float], ...] = ()


def classify_document(text: str, *, title: str | None = None) -> Classification:
    """The catalogue category of a document from its text (OCR or extracted) and an optional known title.

    >>> classify_document("民 事 起 诉 状\\n原告：某某\\n诉讼请求：……").category.name
    '起诉状'
    >>> c = classify_document("问：你叫什么名字？\\n答：……\\n被询问人签名")
    >>> c.category.code, c.evidence[0].rule
    ('inquiry_record', 'cue')
    >>> classify_document("").category.code
    'other'
    """
    lines = [line for line in text.splitlines() if line.strip()][:_TITLE_LINES]
    heads = ([title] if title else []) + lines
    found = _by_title(heads, text)
    if found:
        return found
    return _by_cues(text)


def _compact(value: str) -> str:
    return re.sub(r"[\s　·\-_（）()]", "", value)


def _by_title(heads: list[str], text: str) -> Classification | None:
    best: tuple[float, Category, str] | None = None
    for head in heads:
        compact = _compact(head)
        if not compact or len(compact) > 24:
            continue
        for category in catalogue().categories:
            for title in category.titles:
                if compact == title or (compact.endswith(title) and _title_prefix(compact[: -len(title)])):
                    score = 1.0 + len(title) / 100  # the longest exact title wins (民事判决书 over 判决书)
                elif len(title) >= 4:
                    score = SequenceMatcher(None, compact, title).ratio()
                    if score < _FUZZY_TITLE:
                        continue
                else:
                    continue
                if best is None or score > best[0]:
                    best = (score, category, head)
    if best is None:
        return None
    score, category, head = best
    start = text.find(head)
    evidence = Evidence("title", head.strip(), (max(start, 0), max(start, 0) + len(head)))
    return Classification(category, round(min(score, 1.0), 3), (evidence,))


def _title_prefix(prefix: str) -> bool:
    """What may stand before a title on its line: a court's name, or a short label like 附件1 (not 文书名称：)."""
    return prefix.endswith("人民法院") or (len(prefix) <= 3 and "：" not in prefix and ":" not in prefix)


def _by_cues(text: str) -> Classification:
    scores: list[tuple[float, Category, list[Evidence]]] = []
    for category in catalogue().categories:
        evidence = []
        for cue in category.cues:
            match = cue.search(text)
            if match:
                evidence.append(Evidence("cue", match.group(), match.span()))
        if evidence:
            scores.append((len(evidence) / len(category.cues), category, evidence))
    if not scores:
        return Classification(OTHER, 0.0, ())
    scores.sort(key=lambda item: (-item[0], item[1].order))
    score, category, evidence = scores[0]
    alternatives = tuple((c.code, round(s, 3)) for s, c, _ in scores[1:4])
    return Classification(category, round(0.5 * score, 3), tuple(evidence), alternatives)
