"""PDF copies: laid out from the .docx with fpdf2 and a CJK font file from the system (skipped without one)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader

from smartcourt.engines.drafting import DocumentType, PdfFont, PdfFontError, render, to_pdf

from .cases import civil_case, context_for

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
needs_font = pytest.mark.skipif(not NOTO.exists(), reason="fonts-noto-cjk is not installed")


def _text(data: bytes) -> str:
    """The text as PDFium reads it (what a viewer's search and copy see)."""
    document = pypdfium2.PdfDocument(data)
    return "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


@needs_font
@pytest.mark.parametrize("kind", [DocumentType.CIVIL_JUDGMENT, DocumentType.SUMMONS])
def test_pdf_carries_the_documents_text(kind: DocumentType) -> None:
    ctx = context_for(kind, 1)
    data = to_pdf(render(kind, ctx), PdfFont(str(NOTO), 2))
    assert data[:5] == b"%PDF-"
    text = _text(data)
    assert ctx.case_number in text
    assert ctx.court.name in text
    assert (ctx.recipient or ctx.parties[0].name) in text


@needs_font
def test_long_judgment_pdf_runs_to_many_pages() -> None:
    draft = render(DocumentType.CIVIL_JUDGMENT, civil_case(1, facts=91))
    assert len(PdfReader(io.BytesIO(to_pdf(draft, PdfFont(str(NOTO), 2)))).pages) >= 20


def test_unreadable_font_is_a_typed_error(tmp_path: Path) -> None:
    bad = tmp_path / "font.ttf"
    bad.write_bytes(b"not a font")
    draft = render(DocumentType.SUMMONS, context_for(DocumentType.SUMMONS, 1))
    with pytest.raises(PdfFontError) as caught:
        to_pdf(draft, PdfFont(str(bad)))
    assert (caught.value.code, caught.value.field) == ("drafting.pdf_font", "font")
