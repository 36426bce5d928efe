"""Writes of 网上立案: drafts and submission (``drafts``), the filing officer's review (``review``)."""

from smartcourt.apps.filing.services.cross_region import (
    RECEIVING_CHECKS,
    filing_forward,
    filing_return,
)
from smartcourt.apps.filing.services.drafts import (
    EDITABLE,
    ID_TYPES,
    PARTY_KINDS,
    STEP_LABELS,
    STEPS,
    filing_create,
    filing_delete_draft,
    filing_problems,
    filing_save_step,
    filing_submit,
    filing_upload_add,
    filing_upload_remove,
    roles_label,
    step_problems,
)
from smartcourt.apps.filing.services.review import (
    filing_accept,
    filing_refuse,
    filing_request_correction,
)

__all__ = [
    "EDITABLE",
    "ID_TYPES",
    "PARTY_KINDS",
    "RECEIVING_CHECKS",
    "STEPS",
    "STEP_LABELS",
    "filing_accept",
    "filing_create",
    "filing_delete_draft",
    "filing_forward",
    "filing_problems",
    "filing_refuse",
    "filing_request_correction",
    "filing_return",
    "filing_save_step",
    "filing_submit",
    "filing_upload_add",
    "filing_upload_remove",
    "roles_label",
    "step_problems",
]
