"""The OCR engine on rendered pages (character error rate), PDFs, and every kind of bad file."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter
from tests.engines.ocr.pages import SERIF, judgment_lines, pdf_bytes, png_bytes, png_header_only, render_page

from smartcourt.engines.ocr import (
    EncryptedPdfError,
    FileFailure,
    ImageTooLargeError,
    OcrError,
    OcrSettings,
    PageText,
    RapidOcrRecognizer,
    TooManyPagesError,
    UnreadableFileError,
    character_error_rate,
    ocr_bytes,
    ocr_files,
    page_count,
)

needs_font = pytest.mark.skipif(
    not SERIF.exists(), reason="fonts-noto-cjk is not installed (scripts/test installs it)"
)
SETTINGS = OcrSettings()


@pytest.fixture(scope="module")
def recognizer() -> RapidOcrRecognizer:
    return RapidOcrRecognizer(SETTINGS)


@needs_font
@pytest.mark.parametrize("seed", [1, 2])
def test_rendered_judgment_page_is_read_with_under_one_percent_cer(recognizer, seed):
    lines = judgment_lines(seed)
    (page,) = ocr_bytes(png_bytes(render_page(lines)), filename="p.png", recognizer=recognizer)
    assert character_error_rate("\n".join(lines), page.text) < 0.01
    top, *_ = page.lines
    assert top.text == lines[0] and top.score > 0.8
    (x0, y0), _, (x2, y2), _ = top.box
    assert 100 <= x0 < x2 and 100 <= y0 < y2 < 200  # coordinates in page pixels


@needs_font
def test_pdf_pages_come_in_order_with_their_numbers(recognizer):
    images = [render_page([f"第{n}页 本院认为"]) for n in ("一", "二", "三")]
    pages = list(ocr_bytes(pdf_bytes(images), filename="f.pdf", recognizer=recognizer))
    assert [p.page for p in pages] == [1, 2, 3]
    assert [p.text.replace(" ", "") for p in pages] == ["第一页本院认为", "第二页本院认为", "第三页本院认为"]
    assert abs(pages[0].width - 1240) <= 1 and abs(pages[0].height - 1754) <= 1  # A4 at 150 dpi


def test_zero_byte_and_garbage_files_are_unreadable():
    with pytest.raises(UnreadableFileError, match="0字节"):
        page_count(b"", filename="a.pdf", settings=SETTINGS)
    with pytest.raises(UnreadableFileError, match="不是可识别"):
        page_count(b"hello world", filename="a.jpg", settings=SETTINGS)


def test_corrupt_pdf_is_unreadable():
    data = pdf_bytes([render_page([])]) if SERIF.exists() else b"%PDF-1.4\n"
    with pytest.raises(UnreadableFileError, match="PDF"):
        page_count(data[:200], filename="t.pdf", settings=SETTINGS)


def test_encrypted_pdf_is_refused_with_its_own_error():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(EncryptedPdfError, match="加密"):
        page_count(buffer.getvalue(), filename="e.pdf", settings=SETTINGS)


@pytest.mark.parametrize("side", [20_000, 200_000])
def test_huge_images_and_decompression_bombs_are_refused_before_decoding(side):
    with pytest.raises(ImageTooLargeError):
        list(ocr_bytes(png_header_only(side, side), filename="bomb.png", recognizer=_NoRecognizer()))


def test_a_pdf_page_over_the_pixel_limit_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(width=14_400, height=14_400)  # 200 × 200 inches
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ImageTooLargeError, match="第1页"):
        list(ocr_bytes(buffer.getvalue(), filename="big.pdf", recognizer=_NoRecognizer()))


def test_page_limit():
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=100, height=100)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(TooManyPagesError):
        page_count(buffer.getvalue(), filename="m.pdf", settings=OcrSettings(max_pages=2))


@needs_font
@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_goes_on_past_bad_files_and_keeps_order(tmp_path, workers):
    good = tmp_path / "good.png"
    good.write_bytes(png_bytes(render_page(["民事裁定书"])))
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.pdf"
    results = list(ocr_files([empty, good, missing, good], workers=workers))
    assert [type(r) for r in results] == [FileFailure, PageText, FileFailure, PageText]
    assert results[0].code == "ocr.unreadable" and "0字节" in results[0].message
    assert results[1].text == "民事裁定书" and results[3].text == "民事裁定书"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=2048), st.sampled_from([b"", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0"])
)
def test_fuzz_any_bytes_give_pages_or_a_typed_error(data, prefix):
    try:
        pages = list(ocr_bytes(prefix + data, filename="x", recognizer=_NoRecognizer()))
    except OcrError as exc:
        assert exc.code.startswith("ocr.") and exc.message
    else:
        assert all(p.page >= 1 for p in pages)


def test_character_error_rate_properties():
    assert character_error_rate("", "") == 0.0
    assert character_error_rate("", "多") == 1.0
    assert character_error_rate("判决", "") == 1.0
    assert character_error_rate("本院认为", "本院认为") == 0.0


class _NoRecognizer:
    def recognize(self, image):
        return []


@needs_font
def test_searchable_pdf_keeps_the_image_and_carries_the_text(recognizer):
    import pypdfium2 as pdfium

    from smartcourt.engines.ocr import searchable_pdf

    lines = judgment_lines(3, count=8)
    image = render_page(lines)
    (layer,) = ocr_bytes(png_bytes(image), filename="p.png", recognizer=recognizer)
    data = searchable_pdf([(image, layer)], font_path=str(SERIF), font_index=2)
    document = pdfium.PdfDocument(data)
    page = document[0]
    width, height = page.get_size()
    assert abs(width - 1240 * 72 / 150) < 1 and abs(height - 1754 * 72 / 150) < 1
    text = page.get_textpage().get_text_range()
    assert character_error_rate("".join(lines), text) < 0.01
    rendered = page.render(scale=150 / 72).to_pil().convert("L")
    assert rendered.getpixel((5, 5)) > 240 and rendered.getextrema()[0] < 60  # white paper, black print kept
