"""Citation vectors (vectors/citations.json): text → citations, each resolved, checked and dated."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from smartcourt.engines.laws import Citation, find_citations

DATA: dict[str, Any] = json.loads(
    Path(__file__).with_name("vectors").joinpath("citations.json").read_text("utf-8")
)


def _row(citation: Citation) -> list[object]:
    status = citation.status
    return [
        citation.raw,
        citation.law_id,
        citation.article,
        citation.suffix,
        citation.paragraph,
        citation.item,
        citation.article_end,
        status.exists,
        status.in_force,
        status.reason,
    ]


@pytest.mark.parametrize("vector", DATA["vectors"], ids=[v["name"] for v in DATA["vectors"]])
def test_citation_vector(vector: dict[str, Any]) -> None:
    on = date.fromisoformat(vector["on"]) if vector["on"] else None
    citations = find_citations(vector["text"], on=on, context_law=vector.get("context_law"))
    assert [_row(c) for c in citations] == vector["citations"]
    assert [vector["text"][c.span[0] : c.span[1]] for c in citations] == [c.raw for c in citations]
