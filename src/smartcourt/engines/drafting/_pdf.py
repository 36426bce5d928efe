"""A PDF of a drafted document, laid out from its .docx (alignment, indent, size, bold, tables) by fpdf2.

fpdf2 is pure Python; the one thing it needs from outside is a CJK font file, which the caller passes (engines
read no settings): e.g. Debian's ``fonts-noto-cjk`` ``/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc``
(collection index 2 is Noto Serif CJK SC). The font is subset into the PDF, so the file is small and prints the
same everywhere. The layout is an approximation of Word's: the .docx stays the document of record.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from smartcourt.engines.drafting._types import Draft
from smartcourt.engines.drafting.errors import PdfFontError

_PT_PER_EMU = 1 / 12700


@dataclass(frozen=True)
class PdfFont:
    """A CJK font file (TrueType/OpenType, or a collection with the face's index) for the PDF."""

    path: str
    collection_index: int = 0


def _points(length: Any, default: float) -> float:
    return float(length) * _PT_PER_EMU if length is not None else default


def _indented(pdf: Any, text: str, width: float, indent: float, line: float) -> None:
    """A first-line indent: fpdf2 wraps only at spaces, and Chinese has none, so the first line is cut here."""
    room = width - indent
    used = 0.0
    cut = 0
    for char in text:
        used += pdf.get_string_width(char)
        if used > room:
            break
        cut += 1
    pdf.set_x(pdf.l_margin + indent)
    pdf.cell(room, line, text[:cut], new_x="LMARGIN", new_y="NEXT")
    if text[cut:]:
        pdf.multi_cell(width, line, text[cut:], align="L", new_x="LMARGIN", new_y="NEXT")


def to_pdf(draft: Draft, font: PdfFont) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from fpdf import FPDF

    document = Document(io.BytesIO(draft.docx))
    section = document.sections[0]
    pdf = FPDF(unit="pt", format=(_points(section.page_width, 595), _points(section.page_height, 842)))
    pdf.set_margins(
        _points(section.left_margin, 79), _points(section.top_margin, 105), _points(section.right_margin, 74)
    )
    pdf.set_auto_page_break(True, margin=_points(section.bottom_margin, 99))
    try:
        pdf.add_font("cjk", fname=font.path, collection_font_number=font.collection_index)
    except Exception as exc:  # OSError, fontTools TTLibError, struct errors: any unreadable font file
        raise PdfFontError(font.path) from exc
    pdf.set_title(draft.document_type.printed_title)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            runs = block.runs
            size = float(runs[0].font.size.pt) if runs and runs[0].font.size else 16.0
            fmt = block.paragraph_format
            line = (
                float(fmt.line_spacing.pt)
                if fmt.line_spacing is not None and hasattr(fmt.line_spacing, "pt")
                else size * 1.75
            )
            alignment = block.alignment
            align = (
                "C"
                if alignment == WD_ALIGN_PARAGRAPH.CENTER
                else "R"
                if alignment == WD_ALIGN_PARAGRAPH.RIGHT
                else "J"
            )
            pdf.set_font(
                "cjk", size=size
            )  # one face: fpdf2 does not embolden, and a second load doubles the time
            indent = float(fmt.first_line_indent.pt) if fmt.first_line_indent is not None else 0.0
            if indent and align == "J" and block.text:
                _indented(pdf, block.text, width, indent, line)
            else:
                pdf.multi_cell(width, line, block.text or " ", align=align, new_x="LMARGIN", new_y="NEXT")
        elif isinstance(block, Table):
            pdf.set_font("cjk", size=14)
            with pdf.table(
                col_widths=(1, 2), line_height=22, text_align="LEFT", first_row_as_headings=False
            ) as table:
                for row in block.rows:
                    cells = table.row()
                    for cell in row.cells:
                        cells.cell(cell.text or " ")
    return bytes(pdf.output())
