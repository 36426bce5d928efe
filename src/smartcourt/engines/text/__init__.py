"""Chinese legal text: normalisation with spans, segmentation with a legal dictionary, numerals, money, dates,
penalties, quantities and entities.

Every finding carries its ``(start, end)`` span into the text as given, so ``text[start:end]`` is the
mention. No function here raises on bad input (empty, non-Chinese, huge, broken numerals, mixed widths):
the result is empty or partial, and :func:`analyze` says why in ``notes``.

>>> from smartcourt.engines.text import extract_money
>>> [str(m.amount) for m in extract_money("价值人民币1200元，共计人民币叁万伍仟元整")]
['1200', '35000']
"""

from ._api import (
    MAX_CHARS,
    analyze,
    extract_dates,
    extract_entities,
    extract_money,
    extract_penalties,
    extract_percentages,
    extract_quantities,
    parse_number,
    segment,
)
from ._entities import GOODS_NOUNS
from ._judgment import Citation, Judgment, JudgmentPart, Party, parse_judgment
from ._types import (
    DateMention,
    Entity,
    EntityKind,
    Money,
    Penalty,
    PenaltyKind,
    Percentage,
    Quantity,
    TextAnalysis,
    Token,
)
from ._width import NormalizedText, normalize_text
from .errors import DateError, DictionaryError, NumeralError, TextError

__all__ = [
    "MAX_CHARS",
    "Citation",
    "DateError",
    "DateMention",
    "DictionaryError",
    "GOODS_NOUNS",
    "Entity",
    "EntityKind",
    "Judgment",
    "JudgmentPart",
    "Money",
    "NormalizedText",
    "NumeralError",
    "Penalty",
    "PenaltyKind",
    "Party",
    "Percentage",
    "Quantity",
    "TextAnalysis",
    "TextError",
    "Token",
    "analyze",
    "extract_dates",
    "extract_entities",
    "extract_money",
    "extract_penalties",
    "extract_percentages",
    "extract_quantities",
    "normalize_text",
    "parse_judgment",
    "parse_number",
    "segment",
]
