"""Searchable PDFs: each page image with its recognised lines laid over it as invisible text (PDF text
rendering mode 3), so the scan looks unchanged and its text can be searched, selected and copied. fpdf2 (pure
Python) writes the PDF; it needs a CJK font file for the text layer (Debian's fonts-noto-cjk here)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from PIL import Image

from smartcourt.engines.ocr._types import PageText
from smartcourt.engines.ocr.errors import OcrError

POINTS_PER_INCH = 72


class FontUnavailableError(OcrError):
    """The CJK font for the text layer cannot be read."""

    default_code = "ocr.font_unavailable"


def searchable_pdf(
    pages: Iterable[tuple[Image.Image, PageText]], *, font_path: str, font_index: int = 0, dpi: int = 150
) -> bytes:
    """One PDF page per (image, text layer): the image fills the page, each line's text is invisible over its box.

    >>> from smartcourt.engines.ocr import OcrLine
    >>> image = Image.new("RGB", (300, 100), "white")
    >>> layer = PageText("p.png", 1, 300, 100, (OcrLine("民事判决书", ((10, 10), (200, 10), (200, 40), (10, 40)), 0.99),))
    >>> searchable_pdf([(image, layer)], font_path="/no/such/font.ttc")
    Traceback (most recent call last):
    ...
    smartcourt.engines.ocr._searchable.FontUnavailableError: /no/such/font.ttc：无法读取文字层所需的中文字体
    """
    from fpdf import FPDF
    from fpdf.enums import TextMode

    pdf: Any = FPDF(unit="pt")
    pdf.set_auto_page_break(False)
    try:
        pdf.add_font("cjk", fname=font_path, collection_font_number=font_index)
    except Exception as exc:  # OSError, fontTools errors: any unreadable font file
        raise FontUnavailableError(font_path, "无法读取文字层所需的中文字体") from exc
    scale = POINTS_PER_INCH / dpi
    for image, layer in pages:
        width, height = image.width * scale, image.height * scale
        pdf.add_page(format=(width, height))
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, "JPEG", quality=80)
        pdf.image(buffer, x=0, y=0, w=width, h=height)
        pdf.text_mode = TextMode.INVISIBLE
        for line in layer.lines:
            xs = [x for x, _ in line.box]
            ys = [y for _, y in line.box]
            left, top = min(xs) * scale, min(ys) * scale
            box_width, box_height = (max(xs) - min(xs)) * scale, (max(ys) - min(ys)) * scale
            if not line.text or box_width <= 0 or box_height <= 0:
                continue
            size = max(box_height * 0.85, 1.0)
            pdf.set_font("cjk", size=size)
            natural = pdf.get_string_width(line.text)
            pdf.set_stretching(100 * box_width / natural if natural else 100)
            pdf.text(left, top + size * 0.88, line.text)
        pdf.set_stretching(100)
        pdf.text_mode = TextMode.FILL
    return bytes(pdf.output())
