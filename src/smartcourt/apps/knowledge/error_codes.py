"""Error codes of the legal knowledge base, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class KnowledgeErrorCode(StrEnum):
    LAW_NOT_FOUND = "knowledge.law_not_found"
    ARTICLE_NOT_FOUND = "knowledge.article_not_found"
    BAD_ARTICLE_NUMBER = "knowledge.bad_article_number"
    BAD_IMPORT_PATH = "knowledge.bad_import_path"


class SearchErrorCode(StrEnum):
    """Codes of the judgment corpus and search; the engine's own (``search.*``) pass through unchanged."""

    BAD_JUDGMENT_PATH = "knowledge.bad_judgment_path"
    EMPTY_JUDGMENT = "knowledge.empty_judgment"
    JUDGMENT_NOT_FOUND = "knowledge.judgment_not_found"
    BAD_JUDGMENT_FIELD = "knowledge.bad_judgment_field"
    INDEX_UNAVAILABLE = "search.index_unavailable"
