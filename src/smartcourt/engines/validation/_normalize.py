"""Input normalisation shared by the validators."""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def normalize_code(value: str) -> str:
    """Strip all whitespace, fold full-width forms to ASCII (NFKC) and upper-case letters.

    >>> normalize_code(" ９１１１ ０１０８ x ")
    '91110108X'
    """
    folded = unicodedata.normalize("NFKC", value)
    return _WHITESPACE.sub("", folded).upper()
