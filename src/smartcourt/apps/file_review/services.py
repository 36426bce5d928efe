"""Online file review (网上阅卷): serve one page of a 正卷 material as a PNG carrying the viewer's watermark
(name, masked ID number or username, time), and record the view in the review log in the same step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from smartcourt.apps.accounts.models import User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.file_review import selectors
from smartcourt.apps.file_review.models import ReviewAction, ReviewLog
from smartcourt.apps.file_review.watermark import apply_watermark, render_page, to_png


@dataclass(frozen=True)
class ReviewedPage:
    png: bytes
    watermark: str
    log: ReviewLog


def viewer_identity(viewer: User) -> str:
    """Name and masked ID number (or the username where no real-name profile exists)."""
    name = viewer.full_name or viewer.username
    profile = getattr(viewer, "real_name", None)  # RelatedObjectDoesNotExist is an AttributeError
    ident = profile.masked_id_number if profile is not None else ""
    return f"{name} {ident or viewer.username}"


def watermark_label(viewer: User, at: datetime) -> str:
    when = timezone.localtime(at).strftime("%Y-%m-%d %H:%M:%S")
    return f"{viewer_identity(viewer)} {when} 网上阅卷"


def page_review(
    *,
    viewer: User,
    material_id: int,
    number: int,
    action: str = ReviewAction.VIEW,
    ip_address: str | None = None,
) -> ReviewedPage:
    """One page, watermarked for ``viewer``, and its row in the review log (NotFound for anything not
    reviewable: 副卷, another case, a missing page)."""
    material = selectors.review_material_get(viewer=viewer, material_id=material_id)
    page = selectors.review_page_get(material=material, number=number)
    if action not in ReviewAction.values:
        action = ReviewAction.VIEW
    data = b""
    if material.text_source != "docx":
        try:
            with material.file.open("rb") as handle:
                data = handle.read()
        except OSError:
            data = b""
    image = render_page(
        data=data,
        filename=material.filename,
        number=page.number,
        text=page.text,
        is_docx=material.text_source == "docx",
        thumbnail=bytes(page.thumbnail),
    )
    at = timezone.now()
    label = watermark_label(viewer, at)
    png = to_png(apply_watermark(image, label))
    with transaction.atomic(), acting_as(viewer):
        log = ReviewLog.objects.create(
            case_id=material.case_id,
            material=material,
            page_number=page.number,
            viewer=viewer,
            viewer_capacity=selectors.capacity(case=material.case, viewer=viewer) or "—",
            action=action,
            watermark=label[:200],
            at=at,
            ip_address=ip_address or None,
        )
    return ReviewedPage(png=png, watermark=label, log=log)
