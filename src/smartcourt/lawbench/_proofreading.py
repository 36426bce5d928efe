"""LawBench 2-1 (proofreading): correct homophone typos with character n-gram statistics of legal text.

Tables (``data/proofreading.json.gz``, built by ``_build_proofreading.py`` from the laws and judgments in
../shared, minus every line sharing a 12-character piece with a 2-1 dev item):

- ``pinyin``: each character's toneless default reading;
- ``best``: for a reading key (length + readings), the most frequent 2- or 3-character string of the corpus
  with that key, when it occurs at least ``min_count`` times;
- ``attested``: the 2/3-character strings the corpus contains whose key has such a best string;
- ``context``: character bigrams seen at least twice (the neighbours of a correction must fit);
- ``common``: characters seen at least 100 times; ``frequent``: bigrams seen at least 300 times.

A 3- then 2-character span of Chinese characters is replaced by the best string of its reading key when the
span never occurs in the corpus, does not recur in the sentence (a repeated rare string is a name, not a
typo) and the replacement's first and last characters form attested bigrams with the neighbours. Then a
character that is not common is deleted when its two neighbours form a frequent bigram (a stray character
inserted into a word: 资麗料 → 资料). No insertions or swaps are made.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ._tasks import register

DATA = Path(__file__).resolve().parent / "data" / "proofreading.json.gz"
_HAN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Tables:
    """The corrector's lookup tables (see the module docstring)."""

    pinyin: Mapping[str, str]
    best: Mapping[str, str]
    attested: frozenset[str]
    context: frozenset[str]
    common: frozenset[str] = frozenset()
    frequent: frozenset[str] = frozenset()

    def key(self, text: str) -> str:
        """Reading key of ``text``: its length and each character's reading.

        >>> Tables({"证": "zheng", "言": "yan"}, {}, frozenset(), frozenset()).key("证言")
        '2:zheng yan'
        """
        return f"{len(text)}:" + " ".join(self.pinyin.get(char, char) for char in text)


@cache
def tables() -> Tables:
    """The shipped tables, loaded once."""
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        raw = json.load(handle)
    return Tables(
        raw["pinyin"],
        raw["best"],
        frozenset(raw["attested"]),
        frozenset(raw["context"]),
        frozenset(raw["common"]),
        frozenset(raw["frequent"]),
    )


def correct(sentence: str, table: Tables | None = None) -> str:
    """The sentence with unattested spans replaced by their frequent homophones.

    >>> t = Tables({"正": "zheng", "证": "zheng", "岩": "yan", "言": "yan", "人": "ren"},
    ...            {"2:zheng yan": "证言"}, frozenset({"证言"}), frozenset({"人证", "言。"}))
    >>> correct("证人正岩。", t)
    '证人证言。'
    >>> correct("报送资麗料", Tables({}, {}, frozenset(), frozenset(), frozenset("报送资料"), frozenset({"资料"})))
    '报送资料'
    """
    table = table or tables()
    out = list(sentence)
    changed = [False] * len(sentence)
    for length in (3, 2):
        for start in range(len(sentence) - length + 1):
            end = start + length
            span = sentence[start:end]
            if any(changed[start:end]) or not _HAN.fullmatch(span):
                continue
            if span in table.attested or sentence.count(span) > 1:
                continue
            candidate = table.best.get(table.key(span))
            if not candidate or candidate == span:
                continue
            left = sentence[start - 1] if start > 0 else ""
            right = sentence[end] if end < len(sentence) else ""
            if left and left + candidate[0] not in table.context:
                continue
            if right and candidate[-1] + right not in table.context:
                continue
            out[start:end] = candidate
            changed[start:end] = [True] * length
    return _drop_strays("".join(out), table)


def _drop_strays(sentence: str, table: Tables) -> str:
    kept = []
    for index, char in enumerate(sentence):
        left = sentence[index - 1] if index > 0 else ""
        right = sentence[index + 1] if index + 1 < len(sentence) else ""
        if (
            left
            and right
            and _HAN.fullmatch(left + char + right)
            and char not in table.common
            and left + right in table.frequent
        ):
            continue
        kept.append(char)
    return "".join(kept)


@register("2-1")
def predict_2_1(item: Mapping[str, object]) -> str:
    """The corrected sentence (the question is the sentence itself)."""
    return correct(str(item.get("question", "")))


def _edits(source: str, target: str) -> set[tuple[int, int, str]]:
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    return {(i1, i2, target[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"}


def edit_f05(triples: Iterable[tuple[str, str, str]]) -> tuple[float, float, float]:
    """Micro precision, recall and F0.5 of character edits over ``(source, gold, prediction)`` triples.

    Each side is aligned to the source with :class:`difflib.SequenceMatcher`; an edit is a non-equal span
    ``(start, end, replacement)`` of the source, and a predicted edit counts when the gold has the same one.

    >>> edit_f05([("仗户内", "账户内", "账户内"), ("资麗料", "资料", "资麗料")])
    (1.0, 0.5, 0.8333333333333334)
    """
    hit = predicted = gold_count = 0
    for source, gold, prediction in triples:
        gold_edits, predicted_edits = _edits(source, gold), _edits(source, prediction)
        hit += len(gold_edits & predicted_edits)
        predicted += len(predicted_edits)
        gold_count += len(gold_edits)
    precision = hit / predicted if predicted else 0.0
    recall = hit / gold_count if gold_count else 0.0
    if not precision or not recall:
        return precision, recall, 0.0
    return precision, recall, 1.25 * precision * recall / (0.25 * precision + recall)
