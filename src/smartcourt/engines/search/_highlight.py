"""Highlighted passages: where the query's words occur in the original text, as spans into that text."""

from __future__ import annotations

from collections.abc import Sequence

from smartcourt.engines.text import normalize_text

from ._types import Passage

_MAX_TEXT = 200_000


def highlight(text: str, words: Sequence[str], *, width: int = 120, limit: int = 3) -> list[Passage]:
    """Up to ``limit`` passages of about ``width`` characters holding the most distinct query words.

    Words are found in the normalised text (full-width digits and letters folded, lower case) and the spans
    mapped back to ``text``, so ``passage.text == text[passage.span[0]:passage.span[1]]`` and each highlight
    is ``(start, end)`` within the passage.

    >>> [(p.text, p.highlights) for p in highlight("被告人张某盗窃手机一部。", ["盗窃", "手机"], width=6)]
    [('某盗窃手机一', ((1, 3), (3, 5)))]
    """
    if not text or not words:
        return []
    norm = normalize_text(text[:_MAX_TEXT])
    body = norm.text.lower()
    hits: list[tuple[int, int, str]] = []
    for word in {w for w in words if w}:
        start = body.find(word)
        count = 0
        while start >= 0 and count < 200:
            hits.append((start, start + len(word), word))
            start = body.find(word, start + len(word))
            count += 1
    if not hits:
        return []
    hits.sort()
    # Greedy: the window with the most distinct words (then most hits), then the next that does not overlap.
    chosen: list[tuple[int, int]] = []
    candidates = []
    for i, (start, _end, _word) in enumerate(hits):
        lo = max(0, start - width // 4)
        hi = min(len(body), lo + width)
        inside = [h for h in hits[i:] if h[1] <= hi]
        candidates.append((len({h[2] for h in inside}), len(inside), -lo, lo, hi))
    candidates.sort(reverse=True)
    for *_score, lo, hi in candidates:
        if len(chosen) >= limit:
            break
        if any(lo < c_hi and c_lo < hi for c_lo, c_hi in chosen):
            continue
        chosen.append((lo, hi))
    passages = []
    for lo, hi in sorted(chosen):
        marks: list[tuple[int, int]] = []
        for start, end, _word in hits:
            if start >= lo and end <= hi and not (marks and start < marks[-1][1]):
                marks.append((start, end))
        o_lo, o_hi = norm.original_span(lo, hi)
        spans = []
        for start, end in marks:
            s, e = norm.original_span(start, end)
            spans.append((s - o_lo, e - o_lo))
        passages.append(Passage(norm.original[o_lo:o_hi], (o_lo, o_hi), tuple(spans)))
    return passages
