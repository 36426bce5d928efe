"""Error codes of appraisal, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class AppraisalErrorCode(StrEnum):
    NOT_PERMITTED = "appraisal.not_permitted"
    NOT_FOUND = "appraisal.not_found"
    MISSING_FIELD = "appraisal.missing_field"
    BAD_FIELD = "appraisal.bad_field"
    BAD_DATE = "appraisal.bad_date"
    BAD_PERIOD = "appraisal.bad_period"
    BAD_TRANSITION = "appraisal.bad_transition"
    NO_CANDIDATE = "appraisal.no_qualified_institution"
    ALREADY_DRAWN = "appraisal.already_drawn"
    CASE_CLOSED = "appraisal.case_closed"
