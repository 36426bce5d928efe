"""Errors of the procedure engine.

Tree::

    ProcedureError                   root; carries ``code`` and a Chinese ``message``
    ├── IllegalTransitionError       the action is not allowed in the case's current status
    └── ClosureMethodError           the closing method does not fit the case's category
"""

from __future__ import annotations


class ProcedureError(ValueError):
    """Root of the procedure engine's errors."""

    code = "procedure.error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class IllegalTransitionError(ProcedureError):
    """``allowed`` lists the actions the current status does allow."""

    code = "case.illegal_transition"

    def __init__(self, message: str, *, allowed: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.allowed = allowed


class ClosureMethodError(ProcedureError):
    code = "case.bad_closure_method"
