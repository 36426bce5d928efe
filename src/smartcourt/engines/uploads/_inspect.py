"""``inspect_upload``: type by content, the name must agree, polyglots refused, then the format's own checks."""

from __future__ import annotations

import hashlib
import io
import zipfile

import filetype

from smartcourt.engines.uploads._formats import PNG_SIGNATURE, check_docx, check_image, check_pdf
from smartcourt.engines.uploads._scan import NoOpScanner, VirusScanner
from smartcourt.engines.uploads._types import (
    InspectedUpload,
    UploadKind,
    UploadPolicy,
    default_policy,
    kind_label,
)
from smartcourt.engines.uploads.errors import (
    CorruptFileError,
    EmptyFileError,
    ExtensionMismatchError,
    FileTooLargeError,
    PolyglotError,
    UnsupportedTypeError,
    UploadError,
    VirusDetectedError,
)

__all__ = ["detect_kind", "inspect_upload"]

_BY_MIME = {
    "application/pdf": UploadKind.PDF,
    "image/jpeg": UploadKind.JPEG,
    "image/png": UploadKind.PNG,
    UploadKind.DOCX.media_type: UploadKind.DOCX,
}
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_PDF_HEADER_WINDOW = 1024  # readers accept %PDF- anywhere in the first 1024 bytes


def detect_kind(data: bytes) -> UploadKind | None:
    """The kind the content is, from its magic numbers (``filetype``) and leading signature, or ``None``.

    >>> detect_kind(b"%PDF-1.7\\n...")
    <UploadKind.PDF: 'pdf'>
    >>> detect_kind(b"GIF89a") is None
    True
    """
    head = data[:8192]
    guess = filetype.guess(head)
    kind = _BY_MIME.get(guess.mime) if guess is not None else None
    if kind is None and head.startswith(_ZIP_MAGIC) and b"[Content_Types].xml" in data:
        kind = UploadKind.DOCX  # filetype names only packages whose first entry says "word/"
    if kind is None:
        return None
    # filetype is lenient (e.g. PDF anywhere near the start); insist on the signature at offset 0.
    leading = {
        UploadKind.PDF: _PDF_MAGIC,
        UploadKind.JPEG: b"\xff\xd8\xff",
        UploadKind.PNG: PNG_SIGNATURE,
        UploadKind.DOCX: _ZIP_MAGIC,
    }[kind]
    return kind if data.startswith(leading) else None


def _extension(filename: str) -> str:
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip().rstrip(".")
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _has_zip_directory(data: bytes) -> bool:
    try:
        return zipfile.is_zipfile(io.BytesIO(data))
    except Exception:  # noqa: BLE001 — a malformed tail is simply "not a zip"
        return False


def _check_polyglot(data: bytes, kind: UploadKind) -> None:
    """Refuse a second format's signature where its readers would find it.

    A PDF reader finds ``%PDF-`` in the first 1024 bytes (anywhere, for images: their data is compressed, so
    the five bytes appear only when planted); a ZIP reader finds the end-of-central-directory record in the
    last 64 KiB; a PNG signature in the first 1024 bytes of another kind. Data appended after a PDF's
    ``%%EOF``, a PNG's IEND or a JPEG's EOI is refused by the format checks.
    """
    if kind is not UploadKind.PDF:
        window = data if kind in (UploadKind.JPEG, UploadKind.PNG) else data[:_PDF_HEADER_WINDOW]
        if _PDF_MAGIC in window:
            raise PolyglotError(other="PDF")
    elif _PDF_MAGIC in data[1:_PDF_HEADER_WINDOW]:  # a second header: something was put in front of a PDF
        raise PolyglotError(other="第二个 PDF 文件头")
    if kind is not UploadKind.DOCX and _has_zip_directory(data):
        raise PolyglotError(other="ZIP")
    if kind is not UploadKind.PNG and PNG_SIGNATURE in data[:_PDF_HEADER_WINDOW]:
        raise PolyglotError(other="PNG")


def inspect_upload(
    data: bytes,
    *,
    filename: str,
    policy: UploadPolicy | None = None,
    scanner: VirusScanner | None = None,
) -> InspectedUpload:
    """Check an uploaded file by its bytes and return what it is, or raise an ``UploadError`` subclass.

    Order: empty, over the largest limit, virus scan, kind by content (PDF, JPEG, PNG, DOCX) and allowed,
    the kind's own size limit, the name's extension, polyglot signatures, then the format's structure
    (pypdf, Pillow with a pixel limit before decoding, the DOCX central directory before any reading).

    >>> import io
    >>> from PIL import Image
    >>> buffer = io.BytesIO()
    >>> Image.new("RGB", (3, 2), "white").save(buffer, "PNG")
    >>> result = inspect_upload(buffer.getvalue(), filename="证据.PNG")
    >>> (result.kind.value, result.media_type, result.extension, result.width, result.height)
    ('png', 'image/png', 'png', 3, 2)
    >>> inspect_upload(buffer.getvalue(), filename="证据.pdf")
    Traceback (most recent call last):
    ...
    smartcourt.engines.uploads.errors.ExtensionMismatchError: 文件扩展名“pdf”与文件实际内容（PNG）不一致
    """
    policy = policy or default_policy()
    scanner = scanner or NoOpScanner()
    size = len(data)
    if size == 0:
        raise EmptyFileError()
    if size > policy.largest:
        raise FileTooLargeError(size=size, limit=policy.largest, kind="", kind_label="")
    verdict = scanner.scan(data, filename=filename)
    if not verdict.clean:
        raise VirusDetectedError(signature=verdict.signature or "未知", engine=verdict.engine)
    kind = detect_kind(data)
    if kind is None or kind not in policy.allowed:
        guess = filetype.guess(data[:8192])
        raise UnsupportedTypeError(detected=guess.mime if guess is not None else "unknown")
    limit = policy.max_bytes.get(kind, 0)
    if size > limit:
        raise FileTooLargeError(size=size, limit=limit, kind=kind.value, kind_label=kind_label(kind))
    extension = _extension(filename)
    if extension not in kind.extensions:
        raise ExtensionMismatchError(extension=extension, detected=kind_label(kind))
    _check_polyglot(data, kind)
    page_count = width = height = None
    try:
        if kind is UploadKind.PDF:
            page_count = check_pdf(data, policy).pages
        elif kind is UploadKind.DOCX:
            check_docx(data, policy)
        else:
            facts = check_image(data, policy, "PNG" if kind is UploadKind.PNG else "JPEG")
            width, height = facts.width, facts.height
    except UploadError:
        raise
    except Exception as exc:  # noqa: BLE001 — any parser failure on hostile bytes is a corrupt file
        raise CorruptFileError(reason=f"{kind_label(kind)} 无法解析：{type(exc).__name__}") from exc
    return InspectedUpload(
        kind=kind,
        media_type=kind.media_type,
        extension=extension,
        size=size,
        sha256=hashlib.sha256(data).hexdigest(),
        page_count=page_count,
        width=width,
        height=height,
    )
