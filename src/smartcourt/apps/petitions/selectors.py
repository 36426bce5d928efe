"""Reads of petitions: petitioners see their own; staff those of the courts they may see."""

from __future__ import annotations

from django.db.models import QuerySet

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.cases.selectors import visible_court_ids
from smartcourt.apps.core.errors import NotFoundError
from smartcourt.apps.petitions.error_codes import PetitionErrorCode
from smartcourt.apps.petitions.models import Petition


def petition_visible_queryset(*, viewer: User) -> QuerySet[Petition]:
    rows = Petition.objects.select_related("case", "court", "reviewer")
    if not viewer.is_authenticated or not viewer.is_active:
        return rows.none()
    if viewer.is_superuser:
        return rows
    if viewer.is_court_staff:
        if viewer.role == Role.IT_ADMIN:
            return rows.none()
        return rows.filter(court_id__in=visible_court_ids(viewer=viewer) or [])
    if viewer.is_public_user:
        return rows.filter(petitioner=viewer)
    return rows.none()


def petition_get(*, viewer: User, number: str) -> Petition:
    p = petition_visible_queryset(viewer=viewer).filter(number=number).first()
    if p is None:
        raise NotFoundError(PetitionErrorCode.NOT_FOUND, "申诉不存在或无权查看", {"number": number})
    return p
