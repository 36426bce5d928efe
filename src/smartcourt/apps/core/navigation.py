"""The top navigation, contributed by each app instead of edited into ``base.html``.

An app registers its entries in its ``AppConfig.ready``::

    register_nav(NavEntry(key="filing", label="网上立案", url_name="filing:index", visible=lambda user: True))

``base.html`` renders ``nav_entries`` (from the ``nav`` context processor) in the order of ``order``, then key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str
    url_name: str
    visible: Callable[[Any], bool]
    order: int = 50


_ENTRIES: dict[str, NavEntry] = {}


def register_nav(entry: NavEntry) -> None:
    """Add (or replace, by key) one navigation entry."""
    _ENTRIES[entry.key] = entry


def nav_entries_for(user: Any) -> list[tuple[str, str]]:
    """The (label, url) pairs this user sees, in display order."""
    if not getattr(user, "is_authenticated", False):
        return []
    entries = sorted(_ENTRIES.values(), key=lambda e: (e.order, e.key))
    return [(e.label, reverse(e.url_name)) for e in entries if e.visible(user)]


def nav(request: HttpRequest) -> dict[str, object]:
    """Context processor: ``nav_entries`` for the signed-in user."""
    return {"nav_entries": nav_entries_for(getattr(request, "user", None))}
