"""The electronic case file (电子卷宗, 法办〔2019〕243号 第6项): the catalogue, classification, arrangement and
automatic checks of a case's materials. Pure: the app hands it texts and metadata, it returns decisions with
their evidence.

- :func:`classify_document` — catalogue category by title (tolerant of OCR noise and spacing) or content cues;
- :func:`arrange` — 正卷 then 副卷, in catalogue order, pages numbered per volume;
- :func:`extract_case_fields` / :func:`compare_with_record` — parties, claims, amounts and dates from complaints,
  answers and ID copies, and what differs from the case record, for the clerk to accept or reject;
- :func:`check_case_file` — missing documents for the case status, unsigned documents, blank pages, pages out
  of order, party names that differ from the case record.

>>> classify_document("送 达 回 证\\n受送达人：某某").category.name
'送达回证'
"""

from smartcourt.engines.casefile._arrange import FileDocument, PlacedDocument, arrange
from smartcourt.engines.casefile._catalogue import OTHER, Catalogue, Category, catalogue
from smartcourt.engines.casefile._checks import CaseFileIssue, ReviewedDocument, check_case_file
from smartcourt.engines.casefile._classify import Classification, Evidence, classify_document
from smartcourt.engines.casefile._extract import (
    CaseRecord,
    Extracted,
    ExtractedFields,
    ExtractedParty,
    FieldDifference,
    RecordParty,
    compare_with_record,
    extract_case_fields,
)

__all__ = [
    "OTHER",
    "CaseFileIssue",
    "CaseRecord",
    "Catalogue",
    "Category",
    "Classification",
    "Evidence",
    "Extracted",
    "ExtractedFields",
    "ExtractedParty",
    "FieldDifference",
    "FileDocument",
    "PlacedDocument",
    "RecordParty",
    "ReviewedDocument",
    "arrange",
    "catalogue",
    "check_case_file",
    "classify_document",
    "compare_with_record",
    "extract_case_fields",
]
