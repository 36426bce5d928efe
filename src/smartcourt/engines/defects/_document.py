"""Reading a document into paragraphs and knowing what kind of document it is."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from smartcourt.engines.defects.errors import DocumentReadError

_KINDS = (
    "民事判决书",
    "民事裁定书",
    "民事调解书",
    "刑事判决书",
    "刑事裁定书",
    "刑事附带民事判决书",
    "行政判决书",
    "行政裁定书",
    "执行裁定书",
)
_TITLE = re.compile("|".join(sorted(_KINDS, key=len, reverse=True)))


@dataclass(frozen=True)
class Document:
    """A document as a list of paragraphs (table cells included, in reading order) and its kind by title."""

    paragraphs: tuple[str, ...]
    kind: str | None

    @classmethod
    def from_text(cls, text: str) -> Document:
        """A document from plain text, one paragraph per line.

        >>> Document.from_text("某某市人民法院\\n民 事 判 决 书\\n（2024）浙0102民初1号").kind
        '民事判决书'
        """
        return cls.from_paragraphs(text.splitlines())

    @classmethod
    def from_paragraphs(cls, paragraphs: list[str] | tuple[str, ...]) -> Document:
        """A document from its paragraphs; the kind comes from the first title line among the first ten."""
        kind = None
        for paragraph in paragraphs[:10]:
            compact = re.sub(r"\s+", "", paragraph)
            found = _TITLE.search(compact)
            # the title line itself (民 事 判 决 书, or after the court's name), not a mention inside a sentence
            if found and (
                compact == found.group() or compact.removesuffix(found.group()).endswith("人民法院")
            ):
                kind = found.group()
                break
        return cls(paragraphs=tuple(paragraphs), kind=kind)


def read_docx(data: bytes) -> Document:
    """The paragraphs of a .docx (body paragraphs and table cells, in order); a clear error if unreadable.

    >>> read_docx(b"not a zip")
    Traceback (most recent call last):
    ...
    smartcourt.engines.defects.errors.DocumentReadError: 不是有效的 .docx 文件（无法作为 ZIP 打开）
    """
    from docx import Document as open_docx  # python-docx, imported only when a .docx is read
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentReadError("不是有效的 .docx 文件（无法作为 ZIP 打开）")
    try:
        document = open_docx(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, ParseError, zipfile.BadZipFile) as exc:
        raise DocumentReadError("不是有效的 .docx 文件（缺少正文或正文已损坏）") from exc
    except Exception as exc:  # lxml's XMLSyntaxError and other parser failures
        raise DocumentReadError(f"不是有效的 .docx 文件（{type(exc).__name__}）") from exc
    paragraphs: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    paragraphs.extend(p.text for p in cell.paragraphs)
    return Document.from_paragraphs(paragraphs)
