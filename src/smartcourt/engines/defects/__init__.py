"""Defect alerts (瑕疵提示) on court documents (法办〔2019〕243号 第8项), generated or uploaded.

Checks, each with its location (paragraph, character offsets), message, rule and — where the fix is
mechanical — a suggestion that :func:`apply_fix` (text) or :func:`apply_fix_docx` (.docx, formatting kept)
applies in one step:

- case numbers: format (法〔2015〕137号) and, in the header, the case's own number;
- parties: header against the case record; near-miss names in the body;
- amounts in figures against amounts in words (大写), with the correct words;
- dates: impossible dates, a signing date other than the case's judgment date, events after signing;
- the appeal period stated against 民诉法第一百七十一条 / 行诉法第八十五条 / 刑诉法第二百三十条;
- cited laws: the article exists and was in force on the judgment date (the laws engine), laws repealed by
  民法典第一千二百六十条; a law the corpus does not hold is one warning (its articles cannot be checked);
- required parts for the kind of document; amounts in the operative part that the reasoning never mentions;
- known misspellings (别字) and 截止/截至.

>>> doc = Document.from_text("本院认为，依照《中华人民共和国合同法》第二百零六条。\\n二〇二三年五月四日")
>>> [d.message.split("，")[0] for d in check_document(doc)]
['《中华人民共和国合同法》已于2021年1月1日由《中华人民共和国民法典》第一千二百六十条废止']
"""

from smartcourt.engines.defects._check import apply_fix, apply_fix_docx, check_document, check_docx
from smartcourt.engines.defects._check_structure import header_parties
from smartcourt.engines.defects._document import Document, read_docx
from smartcourt.engines.defects._types import Defect, DefectKind, DocumentContext, Party, Severity
from smartcourt.engines.defects._words import amount_in_words
from smartcourt.engines.defects.errors import DocumentReadError

__all__ = [
    "Defect",
    "DefectKind",
    "Document",
    "DocumentContext",
    "DocumentReadError",
    "Party",
    "Severity",
    "amount_in_words",
    "apply_fix",
    "apply_fix_docx",
    "check_document",
    "check_docx",
    "header_parties",
    "read_docx",
]
