"""Downloads: the .docx as stored and, when the CJK font is installed, a PDF laid out from it."""

from __future__ import annotations

from pathlib import Path

from smartcourt.apps.drafting.models import Draft
from smartcourt.engines import drafting as eng

CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
CJK_FONT_INDEX = 2  # Noto Serif CJK SC in the collection


def pdf_available(draft: Draft | None = None) -> bool:
    return CJK_FONT.exists() and (draft is None or bool(draft.document_type))


def draft_pdf(draft: Draft) -> bytes:
    """The PDF of a draft of a known document type (raises the engine's errors if the font is unreadable)."""
    engine_draft = eng.Draft(eng.DocumentType(draft.document_type), bytes(draft.docx), (), ())
    return eng.to_pdf(engine_draft, eng.PdfFont(str(CJK_FONT), CJK_FONT_INDEX))
