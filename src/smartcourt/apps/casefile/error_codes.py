"""Error codes of the electronic case file, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class CaseFileErrorCode(StrEnum):
    NOT_PERMITTED = "casefile.not_permitted"
    NOT_FOUND = "casefile.not_found"
    DUPLICATE = "casefile.duplicate"
    BAD_SOURCE = "casefile.bad_source"
    BAD_CATEGORY = "casefile.bad_category"
    BAD_POSITION = "casefile.bad_position"
    REASON_REQUIRED = "casefile.reason_required"
    ANNOTATION_EMPTY = "casefile.annotation_empty"
    DECIDED = "casefile.already_decided"
    BAD_DECISION = "casefile.bad_decision"
    NOT_CLOSED = "casefile.not_closed"
    NOTHING_TO_ARCHIVE = "casefile.nothing_to_archive"
    NO_PACKAGE = "casefile.no_package"
    NOT_HIGHER_COURT = "casefile.not_higher_court"
    REQUEST_DECIDED = "casefile.request_decided"
    BACKFILL_FAILED = "casefile.backfill_failed"
