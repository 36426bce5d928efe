"""Word segmentation: a private jieba tokenizer with the legal user dictionary, loaded once, lazily."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import jieba

from ._types import Token
from ._width import NormalizedText
from .errors import DictionaryError

DICTIONARY = Path(__file__).with_name("data") / "legal_dict.txt"

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def tokenizer() -> jieba.Tokenizer:
    """The engine's own :class:`jieba.Tokenizer` (never jieba's global one), built on first use."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            logging.getLogger("jieba").setLevel(logging.WARNING)
            instance = jieba.Tokenizer()
            instance.initialize()
            if not DICTIONARY.is_file():
                raise DictionaryError(f"legal dictionary missing: {DICTIONARY}")
            instance.load_userdict(str(DICTIONARY))
            _tokenizer = instance
    return _tokenizer


def segment_normalized(norm: NormalizedText) -> list[Token]:
    """Tokens of the normalised text, with spans and words taken from the original text."""
    original = norm.original
    if len(norm.anchors_normalized) == 1:  # width folding only: offsets are the same in both texts
        return [
            Token(original[start:end], start, end) for _word, start, end in tokenizer().tokenize(norm.text)
        ]
    tokens: list[Token] = []
    for _word, start, end in tokenizer().tokenize(norm.text):
        s, e = norm.original_span(start, end)
        if e > s:
            tokens.append(Token(original[s:e], s, e))
    return tokens
