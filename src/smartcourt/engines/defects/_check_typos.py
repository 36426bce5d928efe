"""Known misspellings (别字) with their correct form, from ``data/typos.json``."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from smartcourt.engines.defects._document import Document
from smartcourt.engines.defects._types import Defect, DefectKind, Severity

TYPO_RULE = "规范用字（《通用规范汉字表》、《现代汉语词典》）"
_SIGNED_UNTIL = re.compile(r"截止(?=(?:[至到])?\s*[〇一二三四五六七八九零\d]{4}\s*年)")


@cache
def _pairs() -> tuple[re.Pattern[str], dict[str, str]]:
    data = json.loads(
        resources.files("smartcourt.engines.defects").joinpath("data/typos.json").read_text("utf-8")
    )
    pairs: dict[str, str] = data["pairs"]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(pairs, key=len, reverse=True)))
    return pattern, pairs


@cache
def _exceptions() -> dict[str, tuple[tuple[str, int], ...]]:
    """For each wrong form, the correct words that contain it, with the form's offset in the word."""
    data = json.loads(
        resources.files("smartcourt.engines.defects").joinpath("data/typos.json").read_text("utf-8")
    )
    words: dict[str, list[str]] = data.get("exceptions", {})
    return {wrong: tuple((w, w.index(wrong)) for w in found) for wrong, found in words.items()}


def is_correct_word(text: str, start: int, wrong: str) -> bool:
    """Whether the wrong form at ``text[start:]`` is part of a correct word (以经 in 可以经营, 以经济).

    >>> is_correct_word("被告以经营困难为由", 2, "以经"), is_correct_word("被告以经支付", 2, "以经")
    (True, False)
    """
    return any(
        start >= offset and text.startswith(word, start - offset)
        for word, offset in _exceptions().get(wrong, ())
    )


def check_typos(document: Document) -> list[Defect]:
    """Each known wrong form, and 截止 before a date (截至 is meant), with the correct form to apply."""
    pattern, pairs = _pairs()
    defects: list[Defect] = []
    for index, paragraph in enumerate(document.paragraphs):
        for match in pattern.finditer(paragraph):
            if is_correct_word(paragraph, match.start(), match.group()):
                continue
            right = pairs[match.group()]
            defects.append(
                Defect(
                    DefectKind.TYPO,
                    Severity.WARNING,
                    index,
                    match.start(),
                    match.end(),
                    match.group(),
                    f"疑似别字：“{match.group()}”应为“{right}”",
                    TYPO_RULE,
                    right,
                )
            )
        for match in _SIGNED_UNTIL.finditer(paragraph):
            defects.append(
                Defect(
                    DefectKind.TYPO,
                    Severity.WARNING,
                    index,
                    match.start(),
                    match.end(),
                    match.group(),
                    "表示到某一时间为止应写作“截至”",
                    TYPO_RULE,
                    "截至",
                )
            )
    return defects
