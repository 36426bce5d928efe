"""Errors of the uploads engine.

Every error carries a machine ``code`` (stable, for the API's ``{"code", "message", "detail"}``), a Chinese
``message`` for the UI and a JSON-safe ``detail`` mapping (``detail["field"]`` is always ``"file"``)::

    UploadError(ValueError)          upload_error
    ├── EmptyFileError               empty_file: zero bytes
    ├── FileTooLargeError            file_too_large: over the policy's limit for the kind
    ├── UnsupportedTypeError         unsupported_type: the content is none of the allowed kinds
    ├── ExtensionMismatchError       extension_mismatch: the name's extension disagrees with the content
    ├── PolyglotError                polyglot: a second format's signature inside or appended
    ├── CorruptFileError             corrupt_file: the structure cannot be parsed, or is truncated
    ├── EncryptedFileError           encrypted_file: an encrypted PDF or DOCX member
    ├── ActiveContentError           active_content: PDF JavaScript/Launch/embedded files, DOCX macros, ActiveX,
    │                                OLE objects, DDE and INCLUDE fields
    ├── ImageTooLargeError           image_too_large: too many pixels or a side too long, before decoding
    ├── ArchiveBombError             archive_bomb: DOCX uncompressed size, ratio or entry count over the limits
    ├── UnsafePathError              unsafe_path: a DOCX member name with ``..``, an absolute path or a drive
    ├── ExternalReferenceError       external_reference: a DOCX relationship with TargetMode="External"
    └── VirusDetectedError           virus_detected: the virus scanner did not find the file clean

>>> err = EmptyFileError()
>>> (err.code, err.message, dict(err.detail))
('empty_file', '上传的文件为空（0 字节）', {'field': 'file'})
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any, ClassVar

__all__ = [
    "ActiveContentError",
    "ArchiveBombError",
    "CorruptFileError",
    "EmptyFileError",
    "EncryptedFileError",
    "ExtensionMismatchError",
    "ExternalReferenceError",
    "FileTooLargeError",
    "ImageTooLargeError",
    "PolyglotError",
    "UnsafePathError",
    "UnsupportedTypeError",
    "UploadError",
    "VirusDetectedError",
]


@cache
def _templates() -> dict[str, str]:
    text = resources.files("smartcourt.engines.uploads").joinpath("data", "phrases.json").read_text("utf-8")
    templates: dict[str, str] = json.loads(text)["errors"]
    return templates


class UploadError(ValueError):
    """Root of every error the uploads engine raises; keyword arguments fill the message and the ``detail``.

    >>> err = FileTooLargeError(size=30, limit=20, kind="png", kind_label="PNG")
    >>> (err.code, err.message)
    ('file_too_large', '文件过大：30 字节，PNG文件不得超过 20 字节')
    >>> err.detail["field"]
    'file'
    """

    code: ClassVar[str] = "upload_error"

    def __init__(self, **detail: Any) -> None:
        self.detail: Mapping[str, Any] = {"field": "file", **detail}
        template = _templates().get(self.code, _templates()["upload_error"])
        try:
            self.message: str = template.format(**self.detail)
        except (KeyError, IndexError):
            self.message = template
        super().__init__(self.message)

    @property
    def field(self) -> str:
        """The input the error concerns (always ``"file"``).

        >>> EmptyFileError().field
        'file'
        """
        return str(self.detail["field"])


class EmptyFileError(UploadError):
    """The upload has no bytes.

    >>> EmptyFileError().code
    'empty_file'
    """

    code = "empty_file"


class FileTooLargeError(UploadError):
    """The upload is over the policy's byte limit for its kind.

    >>> FileTooLargeError(size=2, limit=1, kind="pdf", kind_label="PDF").detail["limit"]
    1
    """

    code = "file_too_large"


class UnsupportedTypeError(UploadError):
    """The content is not one of the allowed kinds (whatever the name says).

    >>> UnsupportedTypeError(detected="application/zip").code
    'unsupported_type'
    """

    code = "unsupported_type"


class ExtensionMismatchError(UploadError):
    """The file name's extension disagrees with the content.

    >>> ExtensionMismatchError(extension="pdf", detected="PNG").message
    '文件扩展名“pdf”与文件实际内容（PNG）不一致'
    """

    code = "extension_mismatch"


class PolyglotError(UploadError):
    """The file carries a second format too (a PDF header after a JPEG, a ZIP appended to a PNG …).

    >>> PolyglotError(other="ZIP").message
    '文件同时含有另一种格式的内容（ZIP），疑为伪装文件，已拒绝'
    """

    code = "polyglot"


class CorruptFileError(UploadError):
    """The structure cannot be parsed, or the file is truncated.

    >>> CorruptFileError(reason="PDF 无法解析").message
    '文件已损坏或结构无效（PDF 无法解析）'
    """

    code = "corrupt_file"


class EncryptedFileError(UploadError):
    """The PDF (or a DOCX member) is encrypted.

    >>> EncryptedFileError().code
    'encrypted_file'
    """

    code = "encrypted_file"


class ActiveContentError(UploadError):
    """Scripts, launch actions, macros, ActiveX, OLE objects or embedded files.

    >>> ActiveContentError(reason="PDF JavaScript").message
    '文件含有可执行或主动内容（PDF JavaScript），已拒绝'
    """

    code = "active_content"


class ImageTooLargeError(UploadError):
    """The image's pixel count or a side is over the limit (checked from the header, before decoding).

    >>> ImageTooLargeError(width=20000, height=20000, reason="边长不得达到 20000 像素").code
    'image_too_large'
    """

    code = "image_too_large"


class ArchiveBombError(UploadError):
    """The DOCX would decompress to too much, at too high a ratio, or has too many entries.

    >>> ArchiveBombError(reason="压缩比 1000 超过 100").code
    'archive_bomb'
    """

    code = "archive_bomb"


class UnsafePathError(UploadError):
    """A DOCX member's name could escape an extraction directory.

    >>> UnsafePathError(name="../evil").message
    '文档内部含有不安全的路径：../evil'
    """

    code = "unsafe_path"


class ExternalReferenceError(UploadError):
    """A DOCX relationship points outside the package (remote template, linked image, hyperlink).

    >>> ExternalReferenceError(target="http://example.com/t.dotm").code
    'external_reference'
    """

    code = "external_reference"


class VirusDetectedError(UploadError):
    """The virus scanner did not find the file clean.

    >>> VirusDetectedError(signature="EICAR-Test-File").message
    '文件未通过病毒扫描（EICAR-Test-File）'
    """

    code = "virus_detected"
