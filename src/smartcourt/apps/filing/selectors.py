"""Reads of 网上立案 and who may see what.

The filer sees their own filings (drafts included); a filing officer sees the submitted filings of their
own court (never drafts); anyone else gets 404, the same as a missing filing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.core.errors import NotFoundError
from smartcourt.apps.filing import checks
from smartcourt.apps.filing.error_codes import FilingErrorCode
from smartcourt.apps.filing.models import Filing, FilingStatus, FilingUpload

REVIEW_STATUSES = (FilingStatus.SUBMITTED, FilingStatus.CORRECTION_REQUESTED)
NOT_YET_AT_COMPETENT_COURT = (FilingStatus.DRAFT, FilingStatus.AT_RECEIVING_COURT, FilingStatus.RETURNED)


def filing_visible_queryset(*, viewer: User) -> QuerySet[Filing]:
    base = Filing.objects.select_related("court", "filer", "case")
    if not getattr(viewer, "is_authenticated", False):
        return base.none()
    if viewer.role in (Role.LITIGANT, Role.LAWYER):
        return base.filter(filer=viewer)
    if viewer.role in (Role.FILING_OFFICER, Role.COURT_LEADER, Role.CASE_MANAGEMENT) and viewer.court_id:
        # The competent court sees a filing once it has arrived there (a cross-region filing after it is
        # forwarded); the receiving court of a cross-region filing sees it from its submission on.
        return base.filter(
            (Q(court_id=viewer.court_id) & ~Q(status__in=NOT_YET_AT_COMPETENT_COURT))
            | (Q(receiving_court_id=viewer.court_id) & ~Q(status=FilingStatus.DRAFT))
        )
    return base.none()


def filing_get(*, viewer: User, filing_id: int) -> Filing:
    filing = filing_visible_queryset(viewer=viewer).filter(pk=filing_id).first()
    if filing is None:
        raise NotFoundError(FilingErrorCode.NOT_FOUND, "立案申请不存在或无权查看")
    return filing


def upload_get(*, viewer: User, filing_id: int, upload_id: int) -> FilingUpload:
    filing = filing_get(viewer=viewer, filing_id=filing_id)
    upload = filing.uploads.filter(pk=upload_id).first()
    if upload is None:
        raise NotFoundError(FilingErrorCode.NOT_FOUND, "材料不存在或无权查看")
    return upload


def filing_list_for_filer(*, viewer: User) -> QuerySet[Filing]:
    return filing_visible_queryset(viewer=viewer).filter(filer=viewer).order_by("-updated_at", "-id")


@dataclass(frozen=True)
class ClockView:
    state: str
    label: str
    deadline: date | None
    days_left: int | None
    basis: tuple[str, ...]


def filing_clock(*, filing: Filing, today: date | None = None) -> ClockView | None:
    """The review clock as the engine sees it today (running, awaiting correction, lapsed, overdue)."""
    if filing.status not in REVIEW_STATUSES:
        return None
    review = checks.clock(filing, today=today or timezone.localdate())
    if review is None:
        return None
    return ClockView(review.state.value, review.state.label, review.deadline, review.days_left, review.basis)


def review_queue(*, viewer: User, status: str = "") -> list[Filing]:
    """The filing officer's queue: submitted filings and those awaiting correction, soonest deadline first."""
    if viewer.role != Role.FILING_OFFICER or not viewer.court_id:
        return []
    statuses = [status] if status in REVIEW_STATUSES else list(REVIEW_STATUSES)
    filings = list(
        filing_visible_queryset(viewer=viewer)
        .filter(court_id=viewer.court_id, status__in=statuses)
        .annotate(flag_count=Count("flags"))
        .order_by("review_deadline", "submitted_at", "id")[:500]
    )
    today = timezone.localdate()
    for filing in filings:
        filing.clock_view = filing_clock(filing=filing, today=today)  # type: ignore[attr-defined]
    filings.sort(
        key=lambda f: (
            f.status != FilingStatus.SUBMITTED,
            f.clock_view.deadline if f.clock_view and f.clock_view.deadline else date.max,  # type: ignore[attr-defined]
            f.pk,
        )
    )
    return filings


def receiving_queue(*, viewer: User) -> list[Filing]:
    """跨域立案收件: filings handed in at the officer's court for another court, awaiting the check."""
    if viewer.role != Role.FILING_OFFICER or not viewer.court_id:
        return []
    return list(
        filing_visible_queryset(viewer=viewer)
        .filter(receiving_court_id=viewer.court_id, status=FilingStatus.AT_RECEIVING_COURT)
        .select_related("receiving_court")
        .order_by("sent_to_receiving_at", "id")[:500]
    )


def forwarded_by_court(*, viewer: User, limit: int = 100) -> list[Filing]:
    """Cross-region filings this court received and checked (forwarded or returned), latest first."""
    if viewer.role != Role.FILING_OFFICER or not viewer.court_id:
        return []
    return list(
        filing_visible_queryset(viewer=viewer)
        .filter(receiving_court_id=viewer.court_id)
        .exclude(status=FilingStatus.AT_RECEIVING_COURT)
        .order_by("-updated_at", "-id")[:limit]
    )
