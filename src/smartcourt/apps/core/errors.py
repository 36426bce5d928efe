"""Domain errors: raised by services, translated once to a Chinese message (UI) or ``{code, message, detail}`` (API).

Tree::

    DomainError                 400, a rule of the platform refuses the request
    ├── InvalidInputError       400, a field breaks a rule (``detail.field`` names it)
    ├── NotPermittedError       403, the actor may not do this; nothing changed
    ├── NotFoundError           404, nothing the actor may see has this id
    └── ConflictError           409, the state changed under the request (duplicate, illegal transition)

Engine errors carry ``code`` and a Chinese ``message``; :func:`from_engine_error` wraps them so that the
field name and the rule survive into the API body.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A refusal with a stable machine ``code``, a Chinese ``message`` and structured ``detail``."""

    http_status = 400

    def __init__(self, code: str, message: str, detail: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.detail = detail or {}

    def as_body(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "detail": self.detail}


class InvalidInputError(DomainError):
    http_status = 400


class NotPermittedError(DomainError):
    http_status = 403


class NotFoundError(DomainError):
    http_status = 404


class ConflictError(DomainError):
    http_status = 409


def from_engine_error(exc: Exception, *, field: str | None = None) -> InvalidInputError:
    """Wrap an engine error (which carries ``code`` and ``message``) as an :class:`InvalidInputError`."""
    code = str(getattr(exc, "code", "invalid"))
    message = str(getattr(exc, "message", None) or exc)
    detail: dict[str, Any] = {}
    if field:
        detail["field"] = field
    return InvalidInputError(code, message, detail)
