"""Error codes of document drafting, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class DraftingErrorCode(StrEnum):
    NOT_FOUND = "drafting.not_found"
    UNKNOWN_TYPE = "drafting.unknown_document_type"
    NOT_APPLICABLE = "drafting.document_type_not_applicable"  # e.g. a 二审 judgment in a first-instance case
    BAD_INPUT = "drafting.bad_input"
    BAD_FILE = "drafting.bad_file"
    NO_FIX = "drafting.no_fix"
    STORED = "drafting.already_stored"
