"""The shape every engine's root error shares: a machine ``code``, a Chinese ``message`` and the ``field``.

Each engine keeps its own root (``CatalogError``, ``IdentityError``, ``SentencingError`` …) so callers can
catch one engine's errors; this base only holds the common body.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar


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


class TemplatedError(ValueError):
    """A refusal whose Chinese ``message`` is the class's ``template`` filled from its keyword arguments,
    which are also kept as ``detail`` (``detail["field"]`` names the input when there is one).

    >>> class Demo(TemplatedError):
    ...     code, template = "demo.bad", "示例值无效：{value}"
    >>> error = Demo(field="x", value=3)
    >>> (error.code, error.message, error.detail["field"])
    ('demo.bad', '示例值无效：3', 'x')
    """

    code: ClassVar[str] = "error"
    template: ClassVar[str] = "输入无效"

    def __init__(self, **detail: Any) -> None:
        self.detail: Mapping[str, Any] = dict(detail)
        try:
            self.message: str = self.template.format(**detail)
        except (KeyError, IndexError):
            self.message = self.template
        super().__init__(self.message)
