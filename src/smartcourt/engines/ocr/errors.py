"""OCR errors: one root, each with a machine ``code``, a Chinese ``message`` and the ``field`` (always ``file``)."""

from __future__ import annotations

from smartcourt.engines._errors import FieldError


class OcrError(FieldError):
    """Root of the OCR engine's refusals: a file that cannot be turned into page images or text.

    >>> str(UnreadableFileError("a.pdf", "文件已损坏"))
    'a.pdf：文件已损坏'
    """

    default_code = "ocr.error"

    def __init__(self, filename: str, reason: str, *, code: str | None = None) -> None:
        super().__init__(code or self.default_code, f"{filename}：{reason}", field="file")
        self.filename = filename
        self.reason = reason


class UnreadableFileError(OcrError):
    """Zero bytes, an unknown format, or a corrupt PDF or image."""

    default_code = "ocr.unreadable"


class EncryptedPdfError(OcrError):
    """A password-protected PDF: the court asks the submitter for an open copy."""

    default_code = "ocr.encrypted_pdf"


class ImageTooLargeError(OcrError):
    """A page over the pixel limit (a decompression bomb or a 20,000 × 20,000 scan), refused before decoding."""

    default_code = "ocr.image_too_large"


class TooManyPagesError(OcrError):
    """More pages than the configured limit."""

    default_code = "ocr.too_many_pages"


class OcrEngineError(OcrError):
    """The OCR model itself failed on a page."""

    default_code = "ocr.engine_failed"
