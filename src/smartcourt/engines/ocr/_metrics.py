"""Character error rate, the measure the OCR targets are stated in."""

from __future__ import annotations


def character_error_rate(reference: str, hypothesis: str, *, ignore_whitespace: bool = True) -> float:
    """Levenshtein distance between the two texts over the reference's length (whitespace ignored by default).

    >>> character_error_rate("民事判决书", "民事判快书")
    0.2
    >>> character_error_rate("原告 张某", "原告张某")
    0.0
    """
    if ignore_whitespace:
        reference = "".join(reference.split())
        hypothesis = "".join(hypothesis.split())
    if not reference:
        return 0.0 if not hypothesis else 1.0
    previous = list(range(len(hypothesis) + 1))
    for i, ref_char in enumerate(reference, start=1):
        current = [i]
        for j, hyp_char in enumerate(hypothesis, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_char != hyp_char)))
        previous = current
    return previous[-1] / len(reference)
