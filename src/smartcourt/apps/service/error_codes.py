"""Error codes of electronic service (送达), as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class ServiceErrorCode(StrEnum):
    NOT_FOUND = "service.not_found"
    NOT_PERMITTED = "service.not_permitted"
    BAD_PARTY = "service.bad_party"
    BAD_CHANNEL = "service.bad_channel"
    BAD_CONSENT = "service.bad_consent"
    NO_DOCUMENT = "service.no_document"
    FILE_TOO_LARGE = "service.file_too_large"
    NO_ADDRESS = "service.no_address"
    BAD_STATE = "service.bad_state"
