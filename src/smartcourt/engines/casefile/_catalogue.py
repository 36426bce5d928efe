"""The standard catalogue of a case file: categories in 正卷 and 副卷 order, with title patterns and cues."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Category:
    """One catalogue category: its code, Chinese name, volume (``main`` 正卷 / ``secondary`` 副卷), place in
    the order, the titles that name it, content cues (regular expressions), and the stage it belongs to."""

    code: str
    name: str
    volume: str
    order: int
    titles: tuple[str, ...]
    cues: tuple[re.Pattern[str], ...]
    stage: str


@dataclass(frozen=True)
class Catalogue:
    source: str
    categories: tuple[Category, ...]
    required_by_status: dict[str, tuple[str, ...]]
    closing_documents: tuple[str, ...]

    def get(self, code: str) -> Category:
        """The category with this code (``KeyError`` if there is none)."""
        for category in self.categories:
            if category.code == code:
                return category
        raise KeyError(code)


OTHER = Category(code="other", name="其他材料", volume="main", order=999, titles=(), cues=(), stage="trial")


@cache
def catalogue() -> Catalogue:
    """The shipped catalogue (``data/catalogue.json``), loaded once.

    >>> [c.name for c in catalogue().categories[:3]]
    ['起诉状', '上诉状', '强制执行申请书']
    >>> catalogue().get("hearing_record").volume, catalogue().get("trial_report").volume
    ('main', 'secondary')
    """
    raw = json.loads(
        resources.files("smartcourt.engines.casefile").joinpath("data/catalogue.json").read_text("utf-8")
    )
    categories = tuple(
        Category(
            code=item["code"],
            name=item["name"],
            volume=item["volume"],
            order=item["order"],
            titles=tuple(item["titles"]),
            cues=tuple(re.compile(cue) for cue in item["cues"]),
            stage=item["stage"],
        )
        for item in raw["categories"]
    )
    return Catalogue(
        source=raw["source"],
        categories=categories,
        required_by_status={k: tuple(v) for k, v in raw["required_by_status"].items()},
        closing_documents=tuple(raw["closing_documents"]),
    )
