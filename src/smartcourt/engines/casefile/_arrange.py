"""Ordering the documents of a case file by the catalogue and numbering its pages, volume by volume."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from smartcourt.engines.casefile._catalogue import OTHER, Category, catalogue


@dataclass(frozen=True)
class FileDocument:
    """A document of the case file as the arrangement needs it."""

    id: str
    category: str
    pages: int
    dated: date | None = None
    title: str = ""


@dataclass(frozen=True)
class PlacedDocument:
    """A document's place: volume (正卷/副卷), position in it, and its first and last page numbers."""

    id: str
    category: Category
    volume: str
    position: int
    first_page: int
    last_page: int


def arrange(documents: list[FileDocument]) -> list[PlacedDocument]:
    """正卷 then 副卷; in each, catalogue order, then date, then id; pages numbered from 1 in each volume.

    >>> placed = arrange([FileDocument("b", "judgment", 3), FileDocument("a", "complaint", 2),
    ...                   FileDocument("c", "trial_report", 4)])
    >>> [(p.id, p.volume, p.first_page, p.last_page) for p in placed]
    [('a', 'main', 1, 2), ('b', 'main', 3, 5), ('c', 'secondary', 1, 4)]
    """
    codes = {c.code: c for c in catalogue().categories}

    def key(document: FileDocument) -> tuple[int, int, date, str]:
        category = codes.get(document.category, OTHER)
        return (
            0 if category.volume == "main" else 1,
            category.order,
            document.dated or date.max,
            document.id,
        )

    placed: list[PlacedDocument] = []
    next_page = {"main": 1, "secondary": 1}
    position = {"main": 0, "secondary": 0}
    for document in sorted(documents, key=key):
        category = codes.get(document.category, OTHER)
        volume = category.volume
        position[volume] += 1
        first = next_page[volume]
        last = first + max(document.pages, 1) - 1
        next_page[volume] = last + 1
        placed.append(PlacedDocument(document.id, category, volume, position[volume], first, last))
    return placed
