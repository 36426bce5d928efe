"""The shape every engine's root error shares: a machine ``code``, a Chinese ``message`` and the ``field``.

Each engine keeps its own root (``CatalogError``, ``IdentityError``, ``SentencingError`` …) so callers can
catch one engine's errors; this base only holds the common body.
"""

from __future__ import annotations


class FieldError(ValueError):
    """A refusal naming the field it concerns; ``str(error)`` is the Chinese message.

    >>> error = FieldError("demo.bad", "示例字段无效", field="demo")
    >>> (error.code, error.field, str(error))
    ('demo.bad', 'demo', '示例字段无效')
    """

    def __init__(self, code: str, message: str, *, field: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r}, field={self.field!r})"
