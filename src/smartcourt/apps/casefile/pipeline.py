"""Turning a material's bytes into pages: thumbnails at ingestion, then text (PDF text layer, DOCX paragraphs
or OCR) in the background task. No database here: the services store what these functions return."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from smartcourt.apps.core.ocr import platform_ocr_settings
from smartcourt.engines.ocr import OcrSettings, RapidOcrRecognizer, Recognizer, iter_page_images

THUMBNAIL_DPI = 24
THUMBNAIL_SIZE = (180, 255)
DOCX_PARAGRAPHS_PER_PAGE = 30
TEXT_LAYER_MIN_CHARS = 10  # a PDF page with fewer characters in its text layer is OCRed (a scan)
_FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")


@dataclass
class PageDraft:
    number: int
    thumbnail: bytes = b""
    text: str | None = None
    lines: list[dict[str, object]] = field(default_factory=list)
    width: int = 0
    height: int = 0


def _png(image: Image.Image) -> bytes:
    image = image.copy()
    image.thumbnail(THUMBNAIL_SIZE)
    buffer = io.BytesIO()
    image.convert("L").save(buffer, "PNG")
    return buffer.getvalue()


def ocr_settings() -> OcrSettings:
    return platform_ocr_settings()


def split_pages(data: bytes, *, filename: str, kind: str) -> list[PageDraft]:
    """The material's pages with thumbnails; DOCX pages already carry their text (may raise ``OcrError``)."""
    if kind == "docx":
        return _docx_pages(data)
    settings = replace(ocr_settings(), dpi=THUMBNAIL_DPI)
    return [
        PageDraft(number=number, thumbnail=_png(image))
        for number, image in iter_page_images(data, filename=filename, settings=settings)
    ]


def _docx_pages(data: bytes) -> list[PageDraft]:
    from smartcourt.engines.defects import read_docx

    paragraphs = [p for p in read_docx(data).paragraphs if p.strip()]
    chunks = [
        paragraphs[i : i + DOCX_PARAGRAPHS_PER_PAGE]
        for i in range(0, len(paragraphs), DOCX_PARAGRAPHS_PER_PAGE)
    ] or [[]]
    return [
        PageDraft(number=n, thumbnail=_text_thumbnail(chunk), text="\n".join(chunk))
        for n, chunk in enumerate(chunks, start=1)
    ]


@cache
def _font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(str(_FONT), 9)
    except OSError:
        return ImageFont.load_default()


def _text_thumbnail(lines: list[str]) -> bytes:
    image = Image.new("L", THUMBNAIL_SIZE, 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines[:20]):
        draw.text((10, 10 + i * 12), line[:16], font=_font(), fill=0)
    return _png(image)


def text_layer(data: bytes) -> list[str]:
    """The text layer of each PDF page ('' where a page has none)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    texts = []
    for page in reader.pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # noqa: BLE001 - a damaged content stream: OCR the page instead
            texts.append("")
    return texts


_RECOGNIZER: Recognizer | None = None


def recognizer() -> Recognizer:
    """One RapidOCR recogniser per process (the worker keeps it between tasks); tests replace this."""
    global _RECOGNIZER
    if _RECOGNIZER is None:
        _RECOGNIZER = RapidOcrRecognizer(ocr_settings())
    return _RECOGNIZER


def recognise_pages(data: bytes, *, filename: str, pages: list[int]) -> dict[int, PageDraft]:
    """OCR of the listed pages: text, lines with boxes, and the page size in pixels."""
    if not pages:
        return {}
    engine = recognizer()
    result: dict[int, PageDraft] = {}
    for number, image in iter_page_images(data, filename=filename, settings=ocr_settings(), pages=pages):
        lines = engine.recognize(image)
        result[number] = PageDraft(
            number=number,
            text="\n".join(line.text for line in lines),
            lines=[
                {"text": line.text, "box": [list(p) for p in line.box], "score": line.score} for line in lines
            ],
            width=image.width,
            height=image.height,
        )
    return result


def meaningful(text: str) -> bool:
    return len(re.sub(r"\s", "", text)) >= TEXT_LAYER_MIN_CHARS
