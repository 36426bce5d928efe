"""Reads of preservation: applicants see their own applications; staff those of the courts they may see."""

from __future__ import annotations

from django.db.models import QuerySet

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.cases.selectors import visible_court_ids
from smartcourt.apps.core.errors import NotFoundError
from smartcourt.apps.preservation.error_codes import PreservationErrorCode
from smartcourt.apps.preservation.models import PreservationApplication


def application_visible_queryset(*, viewer: User) -> QuerySet[PreservationApplication]:
    apps = PreservationApplication.objects.select_related("court", "case", "applicant")
    if not viewer.is_authenticated or not viewer.is_active:
        return apps.none()
    if viewer.is_superuser:
        return apps
    if viewer.is_court_staff:
        if viewer.role == Role.IT_ADMIN:
            return apps.none()
        return apps.filter(court_id__in=visible_court_ids(viewer=viewer) or [])
    if viewer.is_public_user:
        return apps.filter(applicant=viewer)
    return apps.none()


def application_get(*, viewer: User, number: str) -> PreservationApplication:
    app = application_visible_queryset(viewer=viewer).filter(number=number).first()
    if app is None:
        raise NotFoundError(PreservationErrorCode.NOT_FOUND, "保全申请不存在或无权查看", {"number": number})
    return app
