"""Errors of the defect checker: only a document that cannot be read is an error; defects are results."""

from __future__ import annotations

from smartcourt.engines._errors import FieldError


class DocumentReadError(FieldError):
    """A file that is not a readable .docx (not a zip, no ``word/document.xml``, corrupt XML).

    >>> DocumentReadError("不是有效的 .docx 文件").code
    'defects.unreadable'
    """

    def __init__(self, message: str) -> None:
        super().__init__("defects.unreadable", message, field="file")
