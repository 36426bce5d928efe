"""Rendering a case-file page for review and burning the viewer's watermark into its pixels (Pillow).

The watermark is part of the served PNG itself: a grid of diagonal semi-transparent text over the whole page
and a band added below the page, so cropping or CSS tricks in the browser cannot remove it.
No database here: ``services`` passes the page's bytes in.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from smartcourt.apps.core.ocr import platform_ocr_settings
from smartcourt.engines.ocr import OcrError, iter_page_images

PAGE_DPI = 110
MAX_SIDE = 1400
TEXT_PAGE_SIZE = (827, 1169)  # A4 at 100 dpi, for DOCX pages (they have text, no rendering)
_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _FONTS:
        try:
            return ImageFont.truetype(str(path), size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def text_page(text: str) -> Image.Image:
    """A page drawn from its text (DOCX pages, which have no image of their own)."""
    image = Image.new("RGB", TEXT_PAGE_SIZE, "white")
    draw = ImageDraw.Draw(image)
    font = _font(20)
    y = 60
    for paragraph in text.splitlines() or [""]:
        while True:
            chunk, paragraph = paragraph[:34], paragraph[34:]
            draw.text((60, y), chunk, font=font, fill=(0, 0, 0))
            y += 30
            if not paragraph or y > TEXT_PAGE_SIZE[1] - 80:
                break
        if y > TEXT_PAGE_SIZE[1] - 80:
            break
    return image


def render_page(
    *, data: bytes, filename: str, number: int, text: str, is_docx: bool, thumbnail: bytes
) -> Image.Image:
    """The page as an RGB image: rendered from the original (PDF or image), drawn from text for DOCX, else
    the stored thumbnail."""
    if is_docx:
        return text_page(text)
    try:
        settings = platform_ocr_settings(dpi=PAGE_DPI)
        for _, image in iter_page_images(data, filename=filename, settings=settings, pages=[number]):
            image = image.convert("RGB")
            if max(image.size) > MAX_SIDE:
                image.thumbnail((MAX_SIDE, MAX_SIDE))
            return image
    except (OcrError, OSError, ValueError):
        pass
    if thumbnail:
        return Image.open(io.BytesIO(thumbnail)).convert("RGB")
    return text_page(text)


def apply_watermark(image: Image.Image, label: str) -> Image.Image:
    """``image`` with ``label`` tiled diagonally over it and written in a band added below it.

    >>> page = Image.new("RGB", (300, 400), "white")
    >>> marked = apply_watermark(page, "张三 110101********1234 2026-11-27 15:00")
    >>> marked.width == page.width and marked.height > page.height
    True
    """
    base = image.convert("RGBA")
    width, height = base.size
    size = max(14, min(width, height) // 28)
    font = _font(size)
    box = ImageDraw.Draw(base).textbbox((0, 0), label, font=font)
    text = Image.new("RGBA", (int(box[2]) + 4, int(box[3]) + 4), (0, 0, 0, 0))
    ImageDraw.Draw(text).text((2, 2), label, font=font, fill=(200, 30, 30, 70))
    tile = text.rotate(30, resample=Image.Resampling.BICUBIC, expand=True)
    # tile centres on a lattice: along the text direction (30° up) and across it, covering the page
    along = text.width + size * 2
    across = size * 5
    cos, sin = 0.8660254, 0.5
    reach = int((width + height) / min(along, across)) + 2
    for i in range(-reach, reach + 1):
        for j in range(-reach, reach + 1):
            cx = width / 2 + i * along * cos + j * across * sin
            cy = height / 2 - i * along * sin + j * across * cos
            if -tile.width < cx < width + tile.width and -tile.height < cy < height + tile.height:
                _paste(base, tile, int(cx - tile.width / 2), int(cy - tile.height / 2))
    band_size = size
    while band_size > 8 and ImageDraw.Draw(base).textlength(label, font=_font(band_size)) > width - size:
        band_size -= 1
    band = band_size * 2
    framed = Image.new("RGBA", (width, height + band), (255, 255, 255, 255))
    framed.paste(base, (0, 0))
    ImageDraw.Draw(framed).text(
        (size // 2, height + band_size // 3), label, font=_font(band_size), fill=(180, 0, 0, 255)
    )
    base = framed
    return base.convert("RGB")


def _paste(base: Image.Image, tile: Image.Image, x: int, y: int) -> None:
    """``alpha_composite`` of ``tile`` at (x, y), clipped to ``base`` (Pillow refuses negative offsets)."""
    left, top = max(0, -x), max(0, -y)
    right, bottom = min(tile.width, base.width - x), min(tile.height, base.height - y)
    if right > left and bottom > top:
        base.alpha_composite(tile, (x + left, y + top), (left, top, right, bottom))


def to_png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=3)
    return buffer.getvalue()
