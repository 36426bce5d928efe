"""OCR of case-file materials: PDF pages and images to a text layer with coordinates (法办〔2019〕243号 第6项).

Pages are rendered with PDFium (pypdfium2) and recognised by RapidOCR — PP-OCR models in ONNX that ship inside
the rapidocr wheel, so nothing is downloaded at run time — on onnxruntime. Limits (pixels per page, pages per
file) are checked from headers before decoding; an unreadable, encrypted or oversized file raises a typed
:class:`OcrError`; in a batch (:func:`ocr_files`) it becomes one :class:`FileFailure` and the batch goes on. :func:`searchable_pdf` lays the recognised lines invisibly over the page images.

>>> settings = OcrSettings(dpi=150)
>>> settings.rapidocr_params()["Global.use_cls"]
False
>>> character_error_rate("本院认为", "本院认力")
0.25
"""

from smartcourt.engines.ocr._batch import default_workers, ocr_bytes, ocr_files
from smartcourt.engines.ocr._metrics import character_error_rate
from smartcourt.engines.ocr._pages import iter_page_images, page_count
from smartcourt.engines.ocr._punctuation import chinese_punctuation
from smartcourt.engines.ocr._rapid import RapidOcrRecognizer, Recognizer
from smartcourt.engines.ocr._searchable import FontUnavailableError, searchable_pdf
from smartcourt.engines.ocr._types import FileFailure, OcrLine, OcrSettings, PageText
from smartcourt.engines.ocr.errors import (
    EncryptedPdfError,
    ImageTooLargeError,
    OcrEngineError,
    OcrError,
    TooManyPagesError,
    UnreadableFileError,
)

__all__ = [
    "EncryptedPdfError",
    "FileFailure",
    "FontUnavailableError",
    "ImageTooLargeError",
    "OcrEngineError",
    "OcrError",
    "OcrLine",
    "OcrSettings",
    "PageText",
    "RapidOcrRecognizer",
    "Recognizer",
    "TooManyPagesError",
    "UnreadableFileError",
    "character_error_rate",
    "chinese_punctuation",
    "default_workers",
    "iter_page_images",
    "ocr_bytes",
    "ocr_files",
    "page_count",
    "searchable_pdf",
]
