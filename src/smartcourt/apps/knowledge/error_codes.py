"""Error codes of the legal knowledge base, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class KnowledgeErrorCode(StrEnum):
    LAW_NOT_FOUND = "knowledge.law_not_found"
    ARTICLE_NOT_FOUND = "knowledge.article_not_found"
    BAD_ARTICLE_NUMBER = "knowledge.bad_article_number"
    BAD_IMPORT_PATH = "knowledge.bad_import_path"
