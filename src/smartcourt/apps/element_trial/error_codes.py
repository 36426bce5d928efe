"""Machine codes of the element-trial app's refusals, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class ElementTrialErrorCode(StrEnum):
    NOT_FOUND = "element_trial.not_found"
    NOT_PERMITTED = "element_trial.not_permitted"
    NOT_APPLICABLE = "element_trial.not_applicable"
    UNKNOWN_CAUSE = "element_trial.unknown_cause"
    NO_COMPLAINT = "element_trial.no_complaint"
    TEXT_TOO_LONG = "element_trial.text_too_long"
    NO_TABLE = "element_trial.no_table"
    UNKNOWN_ELEMENT = "element_trial.unknown_element"
    BAD_STATUS = "element_trial.bad_status"
    BAD_VALUE = "element_trial.bad_value"
    REASON_REQUIRED = "element_trial.reason_required"
    NO_CHANGE = "element_trial.no_change"
    BAD_FIGURE = "element_trial.bad_figure"
    FIGURE_REQUIRED = "element_trial.figure_required"
