"""Error codes of notifications, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class NotificationErrorCode(StrEnum):
    NOT_FOUND = "notifications.not_found"
    BAD_CHANNEL = "notifications.bad_channel"
    BAD_ADDRESS = "notifications.bad_address"
    BAD_EVENT = "notifications.bad_event"
    NOT_PERMITTED = "notifications.not_permitted"
