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


def check_typos(document: Document) -> list[Defect]:
    """Each known wrong form, and 截止 before a date (截至 is meant), with the correct form to apply."""
    pattern, pairs = _pairs()
    defects: list[Defect] = []
    for index, paragraph in enumerate(document.paragraphs):
        for match in pattern.finditer(paragraph):
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
