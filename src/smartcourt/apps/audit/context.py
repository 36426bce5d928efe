"""Who is acting: the actor that django-auditlog writes on every change record."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from auditlog.context import auditlog_value, set_actor

# django-auditlog leaves its context variable set after a block ends (its receiver is disconnected, the
# value stays); this flag tells a live context from such a leftover.
LIVE = "_smartcourt_live"


def live_context() -> dict[str, Any] | None:
    try:
        current = auditlog_value.get()
    except LookupError:
        return None
    return current if current and current.get(LIVE) else None


@contextlib.contextmanager
def acting_as(actor: Any) -> Iterator[None]:
    """Attribute every write inside the block to ``actor``.

    Inside a request the audit middleware has already opened a context; then the actor is set on it when
    the middleware could not know it (an API token is resolved after the middleware ran). Outside a
    request (a command, a task, a test) a context is opened for the block.
    """
    current = live_context()
    if current is not None:
        if current.get("actor") is None:
            current["actor"] = actor
        yield
        return
    with set_actor(actor):
        data = auditlog_value.get()
        data[LIVE] = True
        try:
            yield
        finally:
            data[LIVE] = False
