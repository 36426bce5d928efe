"""Error codes of preservation, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class PreservationErrorCode(StrEnum):
    NOT_PERMITTED = "preservation.not_permitted"
    NOT_FOUND = "preservation.not_found"
    MISSING_FIELD = "preservation.missing_field"
    BAD_AMOUNT = "preservation.bad_amount"
    BAD_KIND = "preservation.bad_kind"
    BAD_PROPERTY = "preservation.bad_property"
    BAD_TRANSITION = "preservation.bad_transition"
    GUARANTEE_REQUIRED = "preservation.guarantee_required"
    GUARANTEE_MALFORMED = "preservation.guarantee_malformed"
    GUARANTEE_FORGED = "preservation.guarantee_forged"
    GUARANTEE_EXPIRED = "preservation.guarantee_expired"
    GUARANTEE_INSUFFICIENT = "preservation.guarantee_insufficient"
    GUARANTEE_MISMATCH = "preservation.guarantee_mismatch"
    GUARANTEE_UNKNOWN_INSURER = "preservation.guarantee_unknown_insurer"
    CASE_MISMATCH = "preservation.case_mismatch"
