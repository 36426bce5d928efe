"""Error codes of similar-case push, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class SimilarErrorCode(StrEnum):
    NOT_PERMITTED = "similar.not_permitted"
    NO_FACTS = "similar.no_facts"
    NO_CANDIDATES = "similar.no_candidates"
    BAD_KIND = "similar.bad_outcome_kind"
    NO_SEARCH = "similar.no_search"
