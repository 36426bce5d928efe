"""``smartcourt ocr``: one JSON line per page, one error line per bad file, the batch goes on."""

from __future__ import annotations

import io
import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings

from smartcourt.apps.core.ocr import platform_ocr_settings
from tests.engines.ocr.pages import SERIF, pdf_bytes, render_page


def _run(*args: str) -> tuple[list[dict], str, int]:
    out, err = io.StringIO(), io.StringIO()
    status = 0
    try:
        call_command("ocr", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue(), status


needs_font = pytest.mark.skipif(
    not SERIF.exists(), reason="fonts-noto-cjk is not installed (scripts/test installs it)"
)


@needs_font
def test_pages_of_a_pdf_and_an_error_line_for_a_bad_file(tmp_path):
    pdf = tmp_path / "file.pdf"
    pdf.write_bytes(pdf_bytes([render_page(["民事判决书"]), render_page(["送达回证"])]))
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    lines, err, status = _run(str(bad), str(pdf), "--workers", "1", "--boxes")
    assert status == 1 and "PDF 文件已损坏" in err
    assert lines[0] == {
        "file": str(bad),
        "error": {"code": "ocr.unreadable", "message": lines[0]["error"]["message"]},
    }
    assert [(r["page"], r["text"]) for r in lines[1:]] == [(1, "民事判决书"), (2, "送达回证")]
    assert lines[1]["lines"][0]["text"] == "民事判决书" and len(lines[1]["lines"][0]["box"]) == 4


@needs_font
def test_all_good_files_exit_zero(tmp_path):
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(pdf_bytes([render_page([], size=(200, 200))]))
    lines, _, status = _run(str(blank), "--workers", "1", "--dpi", "72")
    assert status == 0 and lines == [{"file": str(blank), "page": 1, "text": ""}]


def test_platform_settings_apply_and_unknown_keys_are_refused():
    with override_settings(OCR_SETTINGS={"dpi": 200}):
        assert platform_ocr_settings().dpi == 200
        assert platform_ocr_settings(dpi=300).dpi == 300
    with (
        override_settings(OCR_SETTINGS={"colour": True}),
        pytest.raises(ImproperlyConfigured, match="colour"),
    ):
        platform_ocr_settings()


@needs_font
def test_a_searchable_pdf_of_every_page_read(tmp_path):
    import pypdfium2 as pdfium

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdf_bytes([render_page(["民事判决书"]), render_page(["送达回证"])]))
    out = tmp_path / "searchable.pdf"
    _, _, status = _run(str(scan), "--workers", "1", "--pdf", str(out))
    assert status == 0
    document = pdfium.PdfDocument(out.read_bytes())
    assert [document[i].get_textpage().get_text_range().strip() for i in range(len(document))] == [
        "民事判决书",
        "送达回证",
    ]
    _, err, status = _run(str(scan), "--workers", "1", "--pdf", str(out), "--font", "/no/such/font.ttc")
    assert status == 1 and "中文字体" in err
