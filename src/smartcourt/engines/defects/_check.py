"""All checks over one document, and applying a suggested fix."""

from __future__ import annotations

import io
from dataclasses import replace

from smartcourt.engines.defects._check_dates import _signing_date, check_dates, check_periods
from smartcourt.engines.defects._check_law import check_citations
from smartcourt.engines.defects._check_numbers import check_amounts, check_case_numbers
from smartcourt.engines.defects._check_structure import check_operative, check_parties, check_sections
from smartcourt.engines.defects._check_typos import check_typos
from smartcourt.engines.defects._document import Document, read_docx
from smartcourt.engines.defects._types import Defect, DocumentContext


def check_document(document: Document, context: DocumentContext | None = None) -> list[Defect]:
    """Every defect found, ordered by position. Laws are checked on the case's judgment date, else on the
    document's signing date, else only for existence.

    >>> doc = Document.from_text("某某人民法院\\n民事判决书\\n(2024)浙0102民初1号\\n原告：张三。\\n被告：李四。\\n"
    ...     "本院认为，被告应偿还借款12000元（大写：壹万贰仟伍佰元）。判决如下：被告李思偿还借款。\\n"
    ...     "审判员 王五\\n二〇二四年三月一日\\n书记员 赵六")
    >>> [(d.kind.value, d.suggestion) for d in check_document(doc)]
    [('case_number', '（2024）浙0102民初1号'), ('amount', '壹万贰仟元整'), ('party', '李四')]
    """
    context = context or DocumentContext()
    on = context.judgment_date
    if on is None:
        signed = _signing_date(document)
        on = signed[1] if signed else None
    defects = [
        *check_sections(document),
        *check_case_numbers(document, context),
        *check_parties(document, context),
        *check_amounts(document),
        *check_dates(document, context),
        *check_periods(document),
        *check_citations(document, on),
        *check_operative(document),
        *check_typos(document),
    ]
    return sorted(defects, key=lambda d: (d.paragraph, d.start, d.end, d.kind.value))


def check_docx(data: bytes, context: DocumentContext | None = None) -> list[Defect]:
    """:func:`check_document` on a .docx; raises :class:`DocumentReadError` only if the file cannot be read.

    >>> check_docx(b"")
    Traceback (most recent call last):
    ...
    smartcourt.engines.defects.errors.DocumentReadError: 不是有效的 .docx 文件（无法作为 ZIP 打开）
    """
    return check_document(read_docx(data), context)


def apply_fix(document: Document, defect: Defect) -> Document:
    """The document with the defect's suggestion applied; refuses a defect without one or whose text moved.

    >>> doc = Document.from_text("被告应当赔尝损失。")
    >>> (typo,) = check_document(doc)
    >>> apply_fix(doc, typo).paragraphs
    ('被告应当赔偿损失。',)
    """
    paragraph = _target(document.paragraphs, defect)
    fixed = paragraph[: defect.start] + (defect.suggestion or "") + paragraph[defect.end :]
    paragraphs = list(document.paragraphs)
    paragraphs[defect.paragraph] = fixed
    return replace(document, paragraphs=tuple(paragraphs))


def apply_fix_docx(data: bytes, defect: Defect) -> bytes:
    """The .docx with the suggestion applied in place, keeping the run formatting where the span lies in one run.

    >>> apply_fix_docx(b"", Defect.__new__(Defect))
    Traceback (most recent call last):
    ...
    smartcourt.engines.defects.errors.DocumentReadError: 不是有效的 .docx 文件（无法作为 ZIP 打开）
    """
    read_docx(data)  # the same checks and errors as reading
    from docx import Document as open_docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = open_docx(io.BytesIO(data))
    paragraphs: list[Paragraph] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs.append(block)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    paragraphs.extend(cell.paragraphs)
    target = paragraphs[defect.paragraph] if defect.paragraph < len(paragraphs) else None
    if target is None:
        raise ValueError("修正位置已不存在，请重新检查文书")
    _target(tuple(p.text for p in paragraphs), defect)
    offset = 0
    runs = target.runs
    for run in runs:
        length = len(run.text)
        if offset <= defect.start and defect.end <= offset + length:
            local = defect.start - offset
            run.text = (
                run.text[:local] + (defect.suggestion or "") + run.text[local + defect.end - defect.start :]
            )
            break
        offset += length
    else:
        fixed = target.text[: defect.start] + (defect.suggestion or "") + target.text[defect.end :]
        runs[0].text = fixed
        for run in runs[1:]:
            run.text = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _target(paragraphs: tuple[str, ...], defect: Defect) -> str:
    if defect.suggestion is None:
        raise ValueError("该问题没有可自动应用的修正，请人工处理")
    if (
        defect.paragraph >= len(paragraphs)
        or paragraphs[defect.paragraph][defect.start : defect.end] != defect.text
    ):
        raise ValueError("文书内容已变化，请重新检查后再修正")
    return paragraphs[defect.paragraph]
