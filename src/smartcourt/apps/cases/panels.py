"""Panels on the case page, contributed by other apps (sentencing, similar cases, case file …).

``cases`` never imports those apps: each registers its panel in its ``AppConfig.ready``::

    register_panel(CasePanel(key="sentencing", title="量刑辅助", url_name="criminal:panel",
                             applies=lambda case, user: case.category == "CRIMINAL" and user.is_court_staff))

The case page shows one card per applicable panel, titled with ``title``, and loads its body from
``url_name`` (reversed with the case id) with htmx once the page has loaded. The body is a fragment without its
own heading; the panel view does its own permission check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse


@dataclass(frozen=True)
class CasePanel:
    key: str
    title: str
    url_name: str
    applies: Callable[[Any, Any], bool]
    order: int = 50


_PANELS: dict[str, CasePanel] = {}


def register_panel(panel: CasePanel) -> None:
    """Add (or replace, by key) one case-page panel."""
    _PANELS[panel.key] = panel


def panels_for(*, case: Any, user: Any) -> list[dict[str, str]]:
    """The panels this user sees on this case: key, title and the URL of the body."""
    panels = sorted(_PANELS.values(), key=lambda p: (p.order, p.key))
    return [
        {"key": p.key, "title": p.title, "url": reverse(p.url_name, args=[case.pk])}
        for p in panels
        if p.applies(case, user)
    ]
