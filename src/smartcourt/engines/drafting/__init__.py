"""Court documents drafted from the case (法办〔2019〕243号 第8项, issue 9 item 1): pure Python on docxtpl.

Eighteen documents, each a .docx template in ``templates/`` built by ``_build_templates.py``: 受理案件通知书,
应诉通知书, 举证通知书, 传票, 民事判决书 (普通程序 and 简易程序, by the case's procedure), 民事调解书, 民事裁定书
(不予受理, 驳回起诉, 准许撤诉), 刑事判决书, 执行通知书, 送达回证, 庭审提纲, 庭审笔录, 合议庭评议笔录, 审理报告;
and for a civil second instance (民终) 民事判决书（二审）: 驳回上诉，维持原判 or 改判 (民事诉讼法（2023年修正）
第一百七十七条第一款第一项、第二项), 本判决为终审判决 (第一百八十二条), no appeal paragraph; and 民事裁定书（二审
发回重审） (第三项、第四项). Second-instance parties are 上诉人（原审原告）, 被上诉人（原审被告）, 原审第三人
(:attr:`Party.original_role`); the judgment appealed against is :attr:`DraftContext.original_case_number`.

Styles followed: 《人民法院民事裁判文书制作规范》 and 《民事诉讼文书样式》 (法〔2016〕221号); 《法院刑事诉讼文书样式》
(样本, 1999). The texts of those styles are not in ../shared/data, so their wording here is written from memory
and marked "unverified" in the template builder; the statutes they rest on are cited from ../shared/data/laws:
民事诉讼法（2023年修正）第一百七十一条 (appeal: 判决十五日, 裁定十日), 刑事诉讼法（2018年修正）第二百三十条 (判决十日,
裁定五日), 第一百二十二条, 第一百二十六条, 第一百二十八条, 第一百四十八条, 第一百五十七条, 第二百五十一条,
第二百六十四条; 民诉法解释第九十九条, 第二百零八条, 第二百六十六条. Fees come from the ``fees`` engine, 大写
amounts from ``defects.amount_in_words``. :func:`to_pdf` lays the .docx out as a PDF with fpdf2 and a CJK
font file the caller names.

A field a document needs and the context lacks is never left blank or guessed: the document shows
``【待补充：…】`` and :attr:`Draft.warnings` names the field. A context that cannot be drafted (wrong types,
unknown role, negative amount, dates out of order, malformed case number) raises
:class:`InvalidContextError`; an unknown document type :class:`UnknownDocumentTypeError`.

>>> from datetime import date
>>> ctx = DraftContext(
...     court=Court("浙江省杭州市上城区人民法院", appeal_court="浙江省杭州市中级人民法院"),
...     case_number="（2024）浙0102民初1号", cause="民间借贷纠纷", procedure=Procedure.SIMPLE,
...     filing_date=date(2024, 1, 5), hearing_date=date(2024, 2, 20), judgment_date=date(2024, 3, 1),
...     parties=(Party("原告", "甲某", sex="男", birth_date=date(1980, 1, 1), ethnicity="汉", address="杭州市"),
...              Party("被告", "乙某", sex="女", birth_date=date(1985, 2, 2), ethnicity="汉")),
...     panel=Panel(judges=("丙某",), clerk="丁某"))
>>> draft = render("civil_judgment", ctx)
>>> draft.paragraphs[:3]
('浙江省杭州市上城区人民法院', '民事判决书', '（2024）浙0102民初1号')
>>> draft.paragraphs[4]
'被告：乙某，女，1985年2月2日出生，汉族，住【待补充：被告乙某的住所】。'
>>> [w.field for w in draft.warnings][:3]
['parties[1].address', 'claims', 'facts_and_reasons']
"""

from __future__ import annotations

from smartcourt.engines.drafting import _pdf, _render
from smartcourt.engines.drafting._format import body_date, chinese_date, join_citations, money
from smartcourt.engines.drafting._pdf import PdfFont
from smartcourt.engines.drafting._types import (
    AppealOutcome,
    Claim,
    Costs,
    Counsel,
    CounselKind,
    Court,
    CourtLevel,
    DocumentType,
    Draft,
    DraftContext,
    DraftWarning,
    Panel,
    Party,
    PartyKind,
    Procedure,
    RemandGround,
    Statement,
)
from smartcourt.engines.drafting._validate import is_civil_second_instance
from smartcourt.engines.drafting.errors import (
    DraftingError,
    InvalidContextError,
    PdfFontError,
    TemplateError,
    UnknownDocumentTypeError,
)

__all__ = [
    "AppealOutcome",
    "Claim",
    "Costs",
    "Counsel",
    "CounselKind",
    "Court",
    "CourtLevel",
    "DocumentType",
    "Draft",
    "DraftContext",
    "DraftWarning",
    "DraftingError",
    "InvalidContextError",
    "Panel",
    "Party",
    "PartyKind",
    "PdfFont",
    "PdfFontError",
    "Procedure",
    "RemandGround",
    "Statement",
    "TemplateError",
    "UnknownDocumentTypeError",
    "body_date",
    "chinese_date",
    "document_types",
    "is_civil_second_instance",
    "join_citations",
    "money",
    "render",
    "to_pdf",
]


def render(document_type: DocumentType | str, context: DraftContext) -> Draft:
    """The document drafted from the context: .docx bytes, its paragraphs' text and the missing fields.

    Requires a known ``document_type`` (a :class:`DocumentType` or its value) and a well-typed context.

    >>> ctx = DraftContext(court=Court("某某人民法院"), case_number="（2024）浙0102民初1号")
    >>> draft = render(DocumentType.WITHDRAWAL_RULING, ctx)
    >>> draft.docx[:2], draft.complete
    (b'PK', False)
    >>> render("起诉状", ctx)
    Traceback (most recent call last):
    ...
    smartcourt.engines.drafting.errors.UnknownDocumentTypeError: 不支持的文书类型：起诉状
    """
    return _render.render(document_type, context)


def document_types() -> dict[str, str]:
    """Each document type's key and its printed title.

    >>> document_types()["civil_judgment"], document_types()["appeal_judgment"], len(document_types())
    ('民事判决书', '民事判决书', 18)
    """
    return {kind.value: kind.printed_title for kind in DocumentType}


def to_pdf(draft: Draft, font: PdfFont) -> bytes:
    """The draft as a PDF (fpdf2, pure Python), laid out from its .docx; ``font`` is a CJK font file the caller
    provides (the engine reads no settings), e.g. Debian fonts-noto-cjk's
    ``PdfFont("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2)`` (index 2: Noto Serif CJK SC).

    >>> draft = render("summons", DraftContext(court=Court("某某人民法院"), case_number="（2024）浙0102民初1号"))
    >>> to_pdf(draft, PdfFont("/nonexistent.ttf"))
    Traceback (most recent call last):
    ...
    smartcourt.engines.drafting.errors.PdfFontError: 无法读取生成 PDF 所需的中文字体：/nonexistent.ttf
    """
    return _pdf.to_pdf(draft, font)
