"""Turning a file's bytes into page images: PDF pages rendered with PDFium, images (also multi-page TIFF) opened
with Pillow. Every limit is checked from the header before any pixel is decoded."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

import pypdfium2 as pdfium
from PIL import Image, ImageSequence

from smartcourt.engines.ocr._types import OcrSettings
from smartcourt.engines.ocr.errors import (
    EncryptedPdfError,
    ImageTooLargeError,
    TooManyPagesError,
    UnreadableFileError,
)

POINTS_PER_INCH = 72


def page_count(data: bytes, *, filename: str, settings: OcrSettings) -> int:
    """How many pages the file has (1 for a single image); raises the file's error if it cannot be read.

    >>> page_count(b"", filename="empty.pdf", settings=OcrSettings())
    Traceback (most recent call last):
    ...
    smartcourt.engines.ocr.errors.UnreadableFileError: empty.pdf：文件为空（0字节）
    """
    if data.startswith(b"%PDF"):
        with _open_pdf(data, filename) as pdf:
            count = len(pdf)
    else:
        with _open_image(data, filename) as image:
            count = getattr(image, "n_frames", 1)
    if count > settings.max_pages:
        raise TooManyPagesError(filename, f"共{count}页，超过上限{settings.max_pages}页")
    if count == 0:
        raise UnreadableFileError(filename, "文件没有页面")
    return count


def iter_page_images(
    data: bytes, *, filename: str, settings: OcrSettings, pages: list[int] | None = None
) -> Iterator[tuple[int, Image.Image]]:
    """Yield ``(page_number, RGB image)`` for each page (numbered from 1), or only those in ``pages``.

    >>> import io
    >>> buffer = io.BytesIO(); Image.new("L", (40, 30), 255).save(buffer, "PNG")
    >>> [(n, im.mode, im.size) for n, im in iter_page_images(buffer.getvalue(), filename="p.png", settings=OcrSettings())]
    [(1, 'RGB', (40, 30))]
    """
    count = page_count(data, filename=filename, settings=settings)
    wanted = range(1, count + 1) if pages is None else pages
    if data.startswith(b"%PDF"):
        yield from _pdf_pages(data, filename, settings, wanted)
    else:
        yield from _image_pages(data, filename, settings, wanted)


def _open_pdf(data: bytes, filename: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdfError(filename, "PDF 已加密，请提交未加密的文件") from exc
        raise UnreadableFileError(filename, "PDF 文件已损坏，无法读取") from exc


def _pdf_pages(
    data: bytes, filename: str, settings: OcrSettings, wanted: range | list[int]
) -> Iterator[tuple[int, Image.Image]]:
    scale = settings.dpi / POINTS_PER_INCH
    with _open_pdf(data, filename) as pdf:
        for number in wanted:
            page = pdf[number - 1]
            try:
                width, height = page.get_size()
                pixels = int(width * scale) * int(height * scale)
                if pixels > settings.max_pixels:
                    raise ImageTooLargeError(
                        filename,
                        f"第{number}页按{settings.dpi}dpi渲染为{pixels}像素，超过上限{settings.max_pixels}",
                    )
                try:
                    bitmap = page.render(scale=scale)
                except pdfium.PdfiumError as exc:
                    raise UnreadableFileError(filename, f"第{number}页无法渲染") from exc
                yield number, bitmap.to_pil().convert("RGB")
            finally:
                page.close()


def _open_image(data: bytes, filename: str) -> Image.Image:
    if not data:
        raise UnreadableFileError(filename, "文件为空（0字节）")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLargeError(filename, "图像像素数过大（疑似解压炸弹）") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise UnreadableFileError(filename, "不是可识别的 PDF 或图像文件") from exc


def _image_pages(
    data: bytes, filename: str, settings: OcrSettings, wanted: range | list[int]
) -> Iterator[tuple[int, Image.Image]]:
    with _open_image(data, filename) as image:
        width, height = image.size
        if width * height > settings.max_pixels:
            raise ImageTooLargeError(
                filename, f"图像为{width}×{height}像素，超过上限{settings.max_pixels}像素"
            )
        targets = set(wanted)
        for index, frame in enumerate(ImageSequence.Iterator(image), start=1):
            if index not in targets:
                continue
            try:
                yield index, frame.convert("RGB")
            except (OSError, SyntaxError, ValueError) as exc:
                raise UnreadableFileError(filename, f"第{index}页图像数据已损坏") from exc
