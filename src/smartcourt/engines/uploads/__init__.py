"""Uploaded files for online filing (网上立案): what a file is by its content, and whether it is safe to keep.

PDF, JPEG, PNG and DOCX are recognised by their bytes (``filetype`` magic numbers, then each format's own
structure: pypdf, Pillow with a pixel limit read before decoding, the DOCX central directory before any member
is read). The name's extension must agree; polyglots, encrypted or scripted PDFs, macro documents, external
references, zip and decompression bombs are refused with a typed error carrying a ``code`` and a Chinese
``message``. Limits are data (``data/limits.json``); a virus scanner plugs in through ``VirusScanner``.

>>> import io
>>> from PIL import Image
>>> buffer = io.BytesIO()
>>> Image.new("RGB", (4, 4)).save(buffer, "JPEG")
>>> upload = inspect_upload(buffer.getvalue(), filename="photo.jpg")
>>> (upload.kind.value, upload.size == len(buffer.getvalue()), len(upload.sha256))
('jpeg', True, 64)
>>> try:
...     inspect_upload(b"MZ\\x90\\x00", filename="readme.pdf")
... except UploadError as error:
...     print(error.code, error.message)
unsupported_type 不支持的文件类型：仅接受 PDF、JPG、PNG、DOCX 文件（按文件内容识别）
"""

from smartcourt.engines.uploads._inspect import detect_kind, inspect_upload
from smartcourt.engines.uploads._scan import EICAR, EicarScanner, NoOpScanner, ScanResult, VirusScanner
from smartcourt.engines.uploads._types import (
    InspectedUpload,
    UploadKind,
    UploadPolicy,
    default_policy,
    kind_label,
)
from smartcourt.engines.uploads.errors import (
    ActiveContentError,
    ArchiveBombError,
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    ExtensionMismatchError,
    ExternalReferenceError,
    FileTooLargeError,
    ImageTooLargeError,
    PolyglotError,
    UnsafePathError,
    UnsupportedTypeError,
    UploadError,
    VirusDetectedError,
)

__all__ = [
    "EICAR",
    "ActiveContentError",
    "ArchiveBombError",
    "CorruptFileError",
    "EicarScanner",
    "EmptyFileError",
    "EncryptedFileError",
    "ExtensionMismatchError",
    "ExternalReferenceError",
    "FileTooLargeError",
    "ImageTooLargeError",
    "InspectedUpload",
    "NoOpScanner",
    "PolyglotError",
    "ScanResult",
    "UnsafePathError",
    "UnsupportedTypeError",
    "UploadError",
    "UploadKind",
    "UploadPolicy",
    "VirusDetectedError",
    "VirusScanner",
    "default_policy",
    "detect_kind",
    "inspect_upload",
    "kind_label",
]
