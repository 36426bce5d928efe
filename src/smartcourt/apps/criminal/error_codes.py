"""Machine codes of the criminal app's refusals."""

from enum import StrEnum


class CriminalErrorCode(StrEnum):
    NOT_CRIMINAL = "criminal.not_criminal"
    STAFF_ONLY = "criminal.staff_only"
    NOT_PERMITTED = "criminal.not_permitted"
    FACTS_TOO_LONG = "criminal.facts_too_long"
    REASON_REQUIRED = "criminal.reason_required"
    BAD_OVERRIDE = "criminal.bad_override"
    NO_FACTS = "criminal.no_facts"
    NOT_COMPUTABLE = "criminal.not_computable"
    BAD_MATERIAL = "criminal.bad_material"
    MATERIAL_NOT_FOUND = "criminal.material_not_found"
    MISSING_MANDATORY = "criminal.missing_mandatory"
    ALREADY_READY = "criminal.already_ready"
    BAD_STAGE = "criminal.bad_stage"
    UNKNOWN_ACCUSED = "criminal.unknown_accused"
    UNKNOWN_CHARGE = "criminal.unknown_charge"
    UNSUPPORTED_CHARGE = "criminal.unsupported_charge"
