"""Error codes of online file review (网上阅卷), as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class FileReviewErrorCode(StrEnum):
    NOT_FOUND = "file_review.not_found"
    NOT_PERMITTED = "file_review.not_permitted"
    BAD_PAGE = "file_review.bad_page"
    RENDER_FAILED = "file_review.render_failed"
