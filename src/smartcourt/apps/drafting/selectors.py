"""Reads and scoping: only staff of the case's own court (not 信息中心) draft and check its documents;
everyone else gets the same 404 whether or not the case exists."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from smartcourt.apps.accounts.models import Role
from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import NotFoundError
from smartcourt.apps.drafting.context import check_context
from smartcourt.apps.drafting.error_codes import DraftingErrorCode
from smartcourt.apps.drafting.models import Draft
from smartcourt.engines.defects import Defect, check_docx


def is_drafting_staff(*, case: Case, viewer: Any) -> bool:
    if not getattr(viewer, "is_authenticated", False) or not viewer.is_active:
        return False
    if viewer.is_superuser:
        return True
    return bool(viewer.is_court_staff and viewer.role != Role.IT_ADMIN and viewer.court_id == case.court_id)


def _not_found() -> NotFoundError:
    return NotFoundError(DraftingErrorCode.NOT_FOUND, "案件或文书不存在，或无权制作本案文书")


def drafting_case_get(*, viewer: Any, case_id: int) -> Case:
    case = (
        Case.objects.select_related("court", "court__parent", "clerk", "responsible_judge")
        .filter(pk=case_id)
        .first()
    )
    if case is None or not is_drafting_staff(case=case, viewer=viewer):
        raise _not_found()
    return case


def draft_get(*, viewer: Any, draft_id: int) -> Draft:
    draft = (
        Draft.objects.select_related("case", "case__court", "author", "material").filter(pk=draft_id).first()
    )
    if draft is None or not is_drafting_staff(case=draft.case, viewer=viewer):
        raise _not_found()
    return draft


def draft_list(*, case: Case) -> QuerySet[Draft]:
    return Draft.objects.filter(case=case).select_related("author", "material").defer("docx")


def draft_defects(*, draft: Draft) -> list[Defect]:
    """The defects of the draft's file, checked against the case (and the judgment date the judge gave)."""
    from datetime import date

    judged = draft.inputs.get("judgment_date")
    context = check_context(draft.case, date.fromisoformat(judged) if judged else None)
    return check_docx(bytes(draft.docx), context)
