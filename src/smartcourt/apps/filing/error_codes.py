"""Error codes of 网上立案, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class FilingErrorCode(StrEnum):
    NOT_PERMITTED = "filing.not_permitted"
    NOT_FOUND = "filing.not_found"
    NOT_EDITABLE = "filing.not_editable"
    INCOMPLETE = "filing.incomplete"
    BAD_STEP = "filing.bad_step"
    BAD_STATUS = "filing.bad_status"
    NOT_VERIFIED = "filing.not_verified"
    CORRECTION_ONCE = "filing.correction_already_requested"
    MISSING_FIELD = "filing.missing_field"
    TOO_MANY = "filing.too_many"
    UPLOAD_REJECTED = "filing.upload_rejected"
