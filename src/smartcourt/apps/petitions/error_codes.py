"""Error codes of petitions, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class PetitionErrorCode(StrEnum):
    NOT_PERMITTED = "petition.not_permitted"
    NOT_FOUND = "petition.not_found"
    MISSING_FIELD = "petition.missing_field"
    NOT_EFFECTIVE = "petition.judgment_not_effective"
    BAD_TRANSITION = "petition.bad_transition"
    BAD_REVIEWER = "petition.bad_reviewer"
    BAD_DECISION = "petition.bad_decision"
    DUPLICATE = "petition.duplicate"
