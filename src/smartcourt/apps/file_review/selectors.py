"""Reads of online file review (网上阅卷), and who may see what.

- parties and their counsel (public users) review the 正卷 of cases where they are a party or counsel
  (``cases.selectors.case_visible_queryset``); the 副卷 is never served to them: it answers as if absent;
- materials that failed processing are not offered;
- court staff of the case's court (scoped like the case itself) read the review log; a party does not.
"""

from __future__ import annotations

from django.db.models import QuerySet

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.casefile.models import Material, MaterialStatus, Page, Volume
from smartcourt.apps.cases.models import Case, Counsel, Party
from smartcourt.apps.cases.selectors import case_visible_queryset
from smartcourt.apps.core.errors import NotFoundError, NotPermittedError
from smartcourt.apps.file_review.error_codes import FileReviewErrorCode
from smartcourt.apps.file_review.models import ReviewLog

PARTY = "当事人"
COUNSEL = "诉讼代理人"


def _not_found() -> NotFoundError:
    return NotFoundError(FileReviewErrorCode.NOT_FOUND, "案件或材料不存在，或无权阅卷")


def may_review(viewer: User) -> bool:
    return bool(viewer.is_authenticated and viewer.is_active and viewer.is_public_user)


def reviewable_cases(*, viewer: User) -> QuerySet[Case]:
    """Cases whose 正卷 ``viewer`` may review: those where they are a party or counsel."""
    if not may_review(viewer):
        return Case.objects.none()
    return case_visible_queryset(viewer=viewer).select_related("court").order_by("-registered_on", "-id")


def capacity(*, case: Case, viewer: User) -> str:
    """In what capacity ``viewer`` reviews the file: 当事人 or 诉讼代理人 ('' when neither)."""
    if Party.objects.filter(case=case, user=viewer).exists():
        return PARTY
    if Counsel.objects.filter(case=case, user=viewer).exists():
        return COUNSEL
    return ""


def review_case_get(*, viewer: User, case_id: int) -> Case:
    """A case whose file ``viewer`` may review, or NotFound (the same answer whether or not it exists)."""
    case = reviewable_cases(viewer=viewer).filter(pk=case_id).first()
    if case is None:
        raise _not_found()
    return case


def reviewable_materials(*, case: Case) -> QuerySet[Material]:
    """The 正卷 materials of the case that have pages, in catalogue order (never the 副卷)."""
    return (
        Material.objects.filter(case=case, volume=Volume.MAIN, page_count__gt=0)
        .exclude(status=MaterialStatus.FAILED)
        .order_by("position", "id")
    )


def review_material_get(*, viewer: User, material_id: int) -> Material:
    """A 正卷 material of a case ``viewer`` may review; anything else (副卷, other case, missing) is 404."""
    material = (
        Material.objects.select_related("case")
        .filter(pk=material_id, volume=Volume.MAIN, page_count__gt=0)
        .exclude(status=MaterialStatus.FAILED)
        .first()
    )
    if material is None or not reviewable_cases(viewer=viewer).filter(pk=material.case_id).exists():
        raise _not_found()
    return material


def review_page_get(*, material: Material, number: int) -> Page:
    page = Page.objects.filter(material=material, number=number).first()
    if page is None:
        raise NotFoundError(FileReviewErrorCode.BAD_PAGE, "页码不存在", {"field": "page", "page": number})
    return page


def may_read_log(*, case: Case, viewer: User) -> bool:
    if not viewer.is_authenticated or not viewer.is_active:
        return False
    if viewer.is_superuser:
        return True
    if not viewer.is_court_staff or viewer.role == Role.IT_ADMIN:
        return False
    return case_visible_queryset(viewer=viewer).filter(pk=case.pk).exists()


def review_log(*, viewer: User, case_id: int) -> QuerySet[ReviewLog]:
    """The review log of a case, newest first: court staff of the case only (a party gets NotPermitted)."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        raise NotFoundError(FileReviewErrorCode.NOT_FOUND, "案件不存在")
    if not may_read_log(case=case, viewer=viewer):
        if may_review(viewer) and reviewable_cases(viewer=viewer).filter(pk=case_id).exists():
            raise NotPermittedError(FileReviewErrorCode.NOT_PERMITTED, "阅卷记录仅供法院工作人员查看")
        raise NotFoundError(FileReviewErrorCode.NOT_FOUND, "案件不存在")
    return (
        ReviewLog.objects.filter(case_id=case_id).select_related("viewer", "material").order_by("-at", "-id")
    )
