"""Class-case report data (类案分析报告): outcomes, shared charges, circumstances and elements, the cited
articles and the reasoning the similar cases have in common."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ._deviation import outcome_distribution
from ._types import ClassCaseReport, Counted, Neighbour

__all__ = ["class_case_report", "common_sentences"]

_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
_MASK = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿两零〇]+|[\u4e00-\u9fff]某+|某[甲乙丙丁]?")
_NOISE = re.compile(r"[\s，,、：:“”\"'（）()《》×]")
_SAME = 0.6
_MIN_LEN = 10


def _grams(sentence: str) -> frozenset[str]:
    plain = _NOISE.sub("", _MASK.sub("#", sentence))
    return frozenset(plain[i : i + 2] for i in range(len(plain) - 1))


def common_sentences(
    texts: Sequence[tuple[str, str]], *, min_count: int = 2, top: int = 8
) -> tuple[Counted, ...]:
    """Sentences said in substance by several documents: ``texts`` are ``(id, text)``; sentences group
    together when their bigrams (numbers and 某-names masked) overlap by Dice ≥ 0.6; each group counts the
    documents it appears in and shows its shortest sentence.

    >>> docs = [("a", "被告人张某以非法占有为目的，秘密窃取他人财物，数额较大。"),
    ...         ("b", "被告人李某以非法占有为目的，秘密窃取他人财物，数额较大，其行为构成盗窃罪。"),
    ...         ("c", "被告人醉酒驾驶机动车。")]
    >>> [(c.label, c.count, c.ids) for c in common_sentences(docs)]
    [('被告人张某以非法占有为目的，秘密窃取他人财物，数额较大。', 2, ('a', 'b'))]
    """
    groups: list[tuple[frozenset[str], list[str], set[str]]] = []
    for doc_id, text in texts:
        for m in _SENTENCE.finditer(text or ""):
            s = m.group().strip()
            if len(s) < _MIN_LEN:
                continue
            grams = _grams(s)
            if not grams:
                continue
            for head, members, ids in groups:
                if 2 * len(head & grams) / (len(head) + len(grams)) >= _SAME:
                    members.append(s)
                    ids.add(doc_id)
                    break
            else:
                groups.append((grams, [s], {doc_id}))
    order = {doc_id: i for i, (doc_id, _) in enumerate(texts)}
    found = [
        Counted(min(members, key=len), len(ids), tuple(sorted(ids, key=lambda k: order.get(k, 0))))
        for _, members, ids in groups
        if len(ids) >= min_count
    ]
    found.sort(key=lambda c: (-c.count, len(c.label)))
    return tuple(found[:top])


def _count(items: Iterable[tuple[str, Iterable[str]]], top: int) -> tuple[Counted, ...]:
    ids: dict[str, list[str]] = {}
    for doc_id, labels in items:
        for label in dict.fromkeys(labels):
            ids.setdefault(label, []).append(doc_id)
    counts = Counter({k: len(v) for k, v in ids.items()})
    return tuple(Counted(label, n, tuple(ids[label])) for label, n in counts.most_common(top))


def class_case_report(neighbours: Sequence[Neighbour], *, top: int = 10) -> ClassCaseReport:
    """Report data over the neighbours of one case: the distribution of their outcomes (``None`` when none
    has one), the charges or causes, circumstances, key elements and cited articles they share (most frequent
    first, with the ids) and their common reasoning sentences.

    >>> from smartcourt.engines.similar import Candidate, CaseProfile, Neighbour
    >>> def n(i, months):
    ...     p = CaseProfile(text="", charges=("盗窃",), articles=("刑法第264条", "刑法第67条"))
    ...     return Neighbour(Candidate(i, p, outcome=months, reasoning="被告人以非法占有为目的，秘密窃取他人财物。"), 1, 0, 1, ())
    >>> r = class_case_report([n("a", 6), n("b", 12)])
    >>> r.n, r.outcomes.median, [(c.label, c.count) for c in r.articles], r.reasoning[0].count
    (2, 9.0, [('刑法第264条', 2), ('刑法第67条', 2)], 2)
    """
    values = [n.candidate.outcome for n in neighbours if n.candidate.outcome is not None]
    outcomes = outcome_distribution(values) if values else None
    profiles = [(n.candidate.id, n.candidate.profile) for n in neighbours]
    return ClassCaseReport(
        n=len(neighbours),
        outcomes=outcomes,
        charges=_count(((i, p.charges or ((p.cause,) if p.cause else ())) for i, p in profiles), top),
        circumstances=_count(((i, (f.label for f in p.circumstances)) for i, p in profiles), top),
        elements=_count(((i, (f.label for f in p.elements)) for i, p in profiles), top),
        articles=_count(((i, p.articles) for i, p in profiles), top),
        reasoning=common_sentences([(n.candidate.id, n.candidate.reasoning) for n in neighbours]),
    )
