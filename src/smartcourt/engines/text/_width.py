"""Full-width to half-width normalisation that keeps a map back to the original offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Chinese sentence punctuation stays as it is: it is the canonical form in judgments, and turning ``，`` into
# ``,`` would glue numbers across clauses. Everything else in the full-width ASCII block is folded.
_KEEP = frozenset("，。：；！？（）")
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP}
_FOLD[0x3000] = 0x20  # ideographic space
_TABLE = str.maketrans({chr(k): chr(v) for k, v in _FOLD.items()})

# HTML entities left in scraped judgments (``&ldquo;`` …); each becomes one character.
_ENTITIES = {
    "&ldquo;": "“",
    "&rdquo;": "”",
    "&lsquo;": "‘",
    "&rsquo;": "’",
    "&quot;": '"',
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
    "&nbsp;": " ",
    "&times;": "×",
    "&hellip;": "…",
    "&mdash;": "—",
    "&middot;": "·",
}
_ENTITY_RE = re.compile("|".join(re.escape(k) for k in _ENTITIES))


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Text folded to half width, with a sparse map from its offsets to the original's.

    >>> n = normalize_text("价值１２００元&ldquo;甲&rdquo;")
    >>> n.text
    '价值1200元“甲”'
    >>> n.original_span(8, 9)
    (14, 15)
    """

    text: str
    original: str
    # Anchors ``(normalized_offset, original_offset)``: from an anchor on, offsets advance together.
    anchors_normalized: tuple[int, ...]
    anchors_original: tuple[int, ...]

    def to_original(self, offset: int) -> int:
        """Map an offset of :attr:`text` (``0 <= offset <= len(text)``) to one of :attr:`original`.

        >>> normalize_text("a&amp;b").to_original(2)
        6
        """
        offset = max(0, min(offset, len(self.text)))
        i = bisect.bisect_right(self.anchors_normalized, offset) - 1
        return self.anchors_original[i] + (offset - self.anchors_normalized[i])

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of :attr:`text` to the span of :attr:`original` that it came from.

        >>> normalize_text("ＡＢ").original_span(0, 2)
        (0, 2)
        """
        return self.to_original(start), self.to_original(end)


def normalize_text(text: str) -> NormalizedText:
    """Fold full-width letters, digits and symbols to ASCII and decode HTML entities, keeping offsets.

    >>> normalize_text("人民币３．５万元").text
    '人民币3.5万元'
    """
    folded = text.translate(_TABLE)
    if "&" not in folded:
        return NormalizedText(folded, text, (0,), (0,))
    pieces: list[str] = []
    anchors_n = [0]
    anchors_o = [0]
    last = 0
    n_len = 0
    for match in _ENTITY_RE.finditer(folded):
        pieces.append(folded[last : match.start()])
        n_len += match.start() - last
        pieces.append(_ENTITIES[match.group(0)])
        n_len += 1
        anchors_n.append(n_len)
        anchors_o.append(match.end())
        last = match.end()
    pieces.append(folded[last:])
    return NormalizedText("".join(pieces), text, tuple(anchors_n), tuple(anchors_o))
