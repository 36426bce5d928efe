"""Errors of the drafting engine: a document type that does not exist, or a context that cannot be drafted.

A field that is merely missing is not an error: it becomes a visible placeholder and a warning.

::

    DraftingError(FieldError)            drafting.error
    ├── UnknownDocumentTypeError         drafting.unknown_type: no template for that document type
    ├── InvalidContextError              drafting.invalid_context: a wrong type, an unknown value, a negative
    │                                    amount, dates out of order, a malformed case number
    ├── TemplateError                    drafting.template: a template beside the code is missing or broken
    └── PdfFontError                     drafting.pdf_font: the CJK font given for the PDF cannot be read

>>> err = UnknownDocumentTypeError("起诉状")
>>> (err.code, err.message, err.field)
('drafting.unknown_type', '不支持的文书类型：起诉状', 'document_type')
"""

from __future__ import annotations

from smartcourt.engines._errors import FieldError

__all__ = [
    "DraftingError",
    "InvalidContextError",
    "PdfFontError",
    "TemplateError",
    "UnknownDocumentTypeError",
]


class DraftingError(FieldError):
    """Root of every error the drafting engine raises; ``code``, Chinese ``message``, ``field``.

    >>> isinstance(InvalidContextError("filing_date", "日期无效"), DraftingError)
    True
    """


class UnknownDocumentTypeError(DraftingError):
    """No template exists for the document type asked for.

    >>> UnknownDocumentTypeError("x").code
    'drafting.unknown_type'
    """

    def __init__(self, document_type: str) -> None:
        super().__init__("drafting.unknown_type", f"不支持的文书类型：{document_type}", field="document_type")


class InvalidContextError(DraftingError):
    """The case data cannot be drafted as given (wrong type, unknown value, negative amount, dates out of order).

    >>> err = InvalidContextError("judgment_date", "裁判日期早于开庭日期")
    >>> (err.code, err.field, err.message)
    ('drafting.invalid_context', 'judgment_date', '裁判日期早于开庭日期')
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__("drafting.invalid_context", message, field=field)


class TemplateError(DraftingError):
    """A template beside the code is missing or cannot be rendered.

    >>> TemplateError("civil_judgment", "模板不存在").field
    'civil_judgment'
    """

    def __init__(self, template: str, message: str) -> None:
        super().__init__("drafting.template", f"文书模板{template}：{message}", field=template)


class PdfFontError(DraftingError):
    """The CJK font file given for the PDF cannot be read.

    >>> PdfFontError("/none.ttf").code
    'drafting.pdf_font'
    """

    def __init__(self, path: str) -> None:
        super().__init__("drafting.pdf_font", f"无法读取生成 PDF 所需的中文字体：{path}", field="font")
