"""Chinese punctuation in recognised lines: the recogniser often returns ASCII ( ) , : ; where a Chinese document
has （ ） ， ： ；. In a line with Chinese characters they are turned full-width, except inside numbers
(1,000 and 10:30 stay)."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u4e00-\u9fff]")
_FULL = {"(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_NUMERIC_SEPARATOR = re.compile(r"(?<=\d)[,:](?=\d)")
_CANDIDATE = re.compile(r"[(),:;?!]")


def chinese_punctuation(line: str) -> str:
    """Full-width punctuation in a Chinese line; numbers and non-Chinese lines are left as they are.

    >>> chinese_punctuation("(2020)浙0102民初6918号")
    '（2020）浙0102民初6918号'
    >>> chinese_punctuation("借款1,000元,于10:30交付")
    '借款1,000元，于10:30交付'
    >>> chinese_punctuation("Case No. (2020), p. 3")
    'Case No. (2020), p. 3'
    """
    if not _CJK.search(line):
        return line
    keep = {m.start() for m in _NUMERIC_SEPARATOR.finditer(line)}
    return _CANDIDATE.sub(lambda m: m.group() if m.start() in keep else _FULL[m.group()], line)
