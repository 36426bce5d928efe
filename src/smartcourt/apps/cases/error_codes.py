"""Error codes of the case core, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class CaseErrorCode(StrEnum):
    NOT_PERMITTED = "case.not_permitted"
    NOT_FOUND = "case.not_found"
    DUPLICATE = "case.duplicate_registration"
    MISSING_FIELD = "case.missing_field"
    FIELD_TOO_LONG = "case.field_too_long"
    BAD_CAUSE = "case.unknown_cause_of_action"
    BAD_CHARGE = "case.unknown_charge"
    NO_ELIGIBLE_JUDGE = "case.no_eligible_judge"
    BAD_JUDGE = "case.judge_not_eligible"
    REASON_REQUIRED = "case.reason_required"
    BAD_DATE = "case.bad_date"
    BAD_AMOUNT = "case.bad_amount"
    NO_TIME_LIMIT = "case.no_time_limit"
