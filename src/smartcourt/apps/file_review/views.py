"""Pages of online file review: my cases, a case's 正卷 catalogue, the page reader (the image is rendered and
watermarked server-side and every load is logged), page download, the staff review log and the case panel."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from smartcourt.apps.cases.selectors import case_visible_queryset
from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.file_review import selectors, services
from smartcourt.apps.file_review.models import ReviewAction, ReviewLog


def _error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return render(request, "core/error.html", {"message": exc.message}, status=exc.http_status)


def _ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    cases = selectors.reviewable_cases(viewer=request.user)[:200]
    return render(request, "file_review/index.html", {"cases": cases})


@login_required
@require_GET
def case_materials(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        case = selectors.review_case_get(viewer=request.user, case_id=case_id)
    except DomainError as exc:
        return _error(request, exc)
    materials = selectors.reviewable_materials(case=case)
    return render(request, "file_review/case.html", {"case": case, "materials": materials})


@login_required
@require_GET
def page_view(request: HttpRequest, material_id: int, number: int) -> HttpResponse:
    try:
        material = selectors.review_material_get(viewer=request.user, material_id=material_id)
        selectors.review_page_get(material=material, number=number)
    except DomainError as exc:
        return _error(request, exc)
    return render(
        request,
        "file_review/page.html",
        {
            "material": material,
            "case": material.case,
            "number": number,
            "previous": number - 1 if number > 1 else None,
            "next": number + 1 if number < material.page_count else None,
        },
    )


def _image(request: HttpRequest, material_id: int, number: int, action: str) -> HttpResponse:
    try:
        reviewed = services.page_review(
            viewer=request.user,
            material_id=material_id,
            number=number,
            action=action,
            ip_address=_ip(request),
        )
    except DomainError as exc:
        return HttpResponse(exc.message, status=exc.http_status, content_type="text/plain; charset=utf-8")
    response = HttpResponse(reviewed.png, content_type="image/png")
    response["Cache-Control"] = "no-store"
    if action == ReviewAction.DOWNLOAD:
        response["Content-Disposition"] = f'attachment; filename="review-{material_id}-p{number}.png"'
    return response


@login_required
@require_GET
def page_image(request: HttpRequest, material_id: int, number: int) -> HttpResponse:
    return _image(request, material_id, number, ReviewAction.VIEW)


@login_required
@require_GET
def page_download(request: HttpRequest, material_id: int, number: int) -> HttpResponse:
    return _image(request, material_id, number, ReviewAction.DOWNLOAD)


@login_required
@require_GET
def log(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        rows = selectors.review_log(viewer=request.user, case_id=case_id)[:500]
    except DomainError as exc:
        return _error(request, exc)
    case = case_visible_queryset(viewer=request.user).filter(pk=case_id).first()
    return render(request, "file_review/log.html", {"case": case, "rows": rows})


@login_required
@require_GET
def case_panel(request: HttpRequest, case_id: int) -> HttpResponse:
    user = request.user
    case = case_visible_queryset(viewer=user).filter(pk=case_id).first()
    if case is None:
        return HttpResponse("案件不存在", status=404, content_type="text/plain; charset=utf-8")
    context: dict[str, object] = {"case": case}
    if selectors.may_review(user):
        context["materials"] = selectors.reviewable_materials(case=case)
    elif selectors.may_read_log(case=case, viewer=user):
        context["staff"] = True
        context["rows"] = ReviewLog.objects.filter(case=case).select_related("viewer", "material")[:10]
    else:
        return HttpResponse("", status=204)
    return render(request, "file_review/_case_panel.html", context)
