"""Error codes of payments, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class PaymentErrorCode(StrEnum):
    NOT_FOUND = "payments.not_found"
    NOT_PERMITTED = "payments.not_permitted"
    BAD_AMOUNT = "payments.bad_amount"
    BAD_KIND = "payments.bad_kind"
    FEE_RANGE = "payments.fee_range"
    NO_PAYER = "payments.no_payer"
    ILLEGAL_TRANSITION = "payments.illegal_transition"
    BAD_PROVIDER = "payments.bad_provider"
    FORGED_CALLBACK = "payments.forged_callback"
    STALE_CALLBACK = "payments.stale_callback"
    BAD_CALLBACK = "payments.bad_callback"
    AMOUNT_MISMATCH = "payments.amount_mismatch"
    ALREADY_PAID = "payments.already_paid"
    REFUND_TOO_LARGE = "payments.refund_too_large"
    NOTHING_TO_REFUND = "payments.nothing_to_refund"
    BAD_RELIEF = "payments.bad_relief"
    REASON_REQUIRED = "payments.reason_required"
