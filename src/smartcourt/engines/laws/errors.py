"""Errors raised by the laws engine.

Every error carries a machine ``code`` (``"markdown.no_info_end"``) and a Chinese ``message``::

    LawError(ValueError)
    ├── LawParseError        法律文本（markdown）格式错误：缺少标题或 <!-- INFO END -->
    ├── ArticleNumberError   条文序号无法识别（如“第X条”）
    ├── CorpusError          法律数据文件缺失或损坏
    └── UnknownLawError      法律名称不在法律库中

``str(error)`` is the Chinese message; catch :class:`LawError` to handle any of them.
:func:`smartcourt.engines.laws.find_citations` never raises: unknown laws and articles come back as
citations whose ``exists`` is false, with the reason.
"""

from __future__ import annotations

__all__ = ["ArticleNumberError", "CorpusError", "LawError", "LawParseError", "UnknownLawError"]


class LawError(ValueError):
    """Root of the laws engine's errors.

    >>> error = LawError("markdown.no_title", "缺少“# 标题”行")
    >>> (error.code, str(error))
    ('markdown.no_title', '缺少“# 标题”行')
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"


class LawParseError(LawError):
    """A markdown law text without ``# title`` or ``<!-- INFO END -->``."""


class ArticleNumberError(LawError):
    """An article number that is not ``第X条`` / ``第X条之Y`` (Chinese or Arabic numerals)."""


class CorpusError(LawError):
    """The shipped data file is missing, unreadable or of an unknown format."""


class UnknownLawError(LawError):
    """A law name that no law in the corpus has as its title or alias."""
