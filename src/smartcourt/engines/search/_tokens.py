"""Words for the index and for queries: the text engine's legal segmentation, lower-cased, without
punctuation, spaces and the commonest function words."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable

from smartcourt.engines.text import normalize_text, segment

# Function words that match almost every judgment; single characters only, so 被告人, 本院 stay searchable.
_STOP = frozenset("的了和与及在是被对将其等于为以之或并而也有这那就都但把从向由该此已所")
_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)


def index_words(text: str) -> list[str]:
    """The words of ``text`` as the index stores them (width-folded, lower case, no punctuation, no stop
    characters).

    >>> index_words("被告人于2020年盗窃手机。")
    ['被告人', '2020', '年', '盗窃', '手机']
    """
    if not isinstance(text, str) or not text:
        return []
    words = []
    # Words of the normalised text (full-width letters and digits folded), as queries and highlights see it.
    for token in segment(normalize_text(text).text):
        word = token.word.strip().lower()
        if word and word not in _STOP and _WORD.search(word):
            words.append(word)
    return words


def query_words(text: str) -> list[str]:
    """The distinct words of a query, in order of first appearance.

    >>> query_words("盗窃 手机 盗窃")
    ['盗窃', '手机']
    """
    return list(dict.fromkeys(index_words(text)))


def key_words(
    words: Iterable[str], *, doc_freq: Callable[[str], int], num_docs: int, limit: int
) -> list[tuple[str, float]]:
    """The ``limit`` words of a long text that best tell it apart: tf × idf, words of one character dropped.

    >>> key_words(["盗窃", "盗窃", "手机", "年"], doc_freq=lambda w: 1, num_docs=10, limit=1)
    [('盗窃', 1.0)]
    """
    counts = Counter(w for w in words if len(w) > 1)
    scored = []
    for word, tf in counts.items():
        df = doc_freq(word)
        if df == 0:
            continue  # a word no document has cannot match anything
        idf = math.log(1 + (num_docs - df + 0.5) / (df + 0.5))
        scored.append((word, (1 + math.log(tf)) * idf))
    scored.sort(key=lambda p: (-p[1], p[0]))
    top = scored[:limit]
    if not top:
        return []
    best = top[0][1]
    return [(w, round(s / best, 4)) for w, s in top]
