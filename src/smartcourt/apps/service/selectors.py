"""Reads of electronic service and who may see what.

Staff see the service records of the cases they may see; a party (or its counsel) sees only the documents
served on that party. Anything else answers 404, the same as a missing record.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from smartcourt.apps.accounts.models import User
from smartcourt.apps.cases.models import Counsel
from smartcourt.apps.cases.selectors import case_visible_queryset
from smartcourt.apps.core.errors import NotFoundError
from smartcourt.apps.service.error_codes import ServiceErrorCode
from smartcourt.apps.service.models import ServiceAddress, ServiceRecord


def record_visible_queryset(*, viewer: User) -> QuerySet[ServiceRecord]:
    records = ServiceRecord.objects.select_related("case", "party", "created_by")
    if not viewer.is_authenticated or not viewer.is_active:
        return records.none()
    if viewer.is_superuser:
        return records
    if viewer.is_court_staff:
        return records.filter(case__in=case_visible_queryset(viewer=viewer))
    if viewer.is_public_user:
        represented = Counsel.objects.filter(user=viewer).values("party_id")
        return records.filter(Q(party__user=viewer) | Q(party_id__in=represented))
    return records.none()


def record_get(*, viewer: User, record_id: int) -> ServiceRecord:
    record = record_visible_queryset(viewer=viewer).filter(pk=record_id).first()
    if record is None:
        raise NotFoundError(ServiceErrorCode.NOT_FOUND, "送达记录不存在")
    return record


def addresses_for_case(*, case_id: int) -> QuerySet[ServiceAddress]:
    return ServiceAddress.objects.filter(party__case_id=case_id, revoked_at__isnull=True).select_related(
        "party"
    )
