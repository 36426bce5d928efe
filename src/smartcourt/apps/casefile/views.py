"""Web pages of the electronic case file: the case-page panel, the viewer (catalogue tree, thumbnails, page
text, search, annotations, checks, back-fill, archive), the comparison of two documents and remote file
requests. Views shape input and output only; a :class:`DomainError` becomes a Chinese message."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from smartcourt.apps.casefile import archive, pipeline, selectors, services
from smartcourt.apps.casefile.models import (
    Annotation,
    BackfillField,
    FileRequest,
    MaterialSource,
    Page,
    RequestStatus,
)
from smartcourt.apps.core.errors import DomainError, NotFoundError
from smartcourt.apps.core.responses import error_page
from smartcourt.engines.archive import RETENTION_PERIODS
from smartcourt.engines.ocr import OcrError, iter_page_images

PAGE_IMAGE_DPI = 100
MAX_BATCH_FILES = 50


@login_required
@require_GET
def panel(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case-page card: counts, the checks' first findings, and the link to the viewer."""
    try:
        case = selectors.casefile_case_get(viewer=request.user, case_id=case_id)  # type: ignore[arg-type]
    except DomainError as exc:
        return render(request, "casefile/_panel.html", {"error": exc.message}, status=exc.http_status)
    materials = list(selectors.material_list(case=case))
    context = {
        "case": case,
        "count": len(materials),
        "pages": sum(m.page_count for m in materials),
        "pending": sum(1 for m in materials if m.status == "PENDING"),
        "failed": sum(1 for m in materials if m.status == "FAILED"),
        "issues": selectors.file_checks(case=case)[:5],
        "open_backfill": selectors.backfill_open(case=case).count(),
    }
    return render(request, "casefile/_panel.html", context)


def _neighbours(
    tree: list[dict[str, Any]], current: Page | None
) -> tuple[int | None, int | None, list[Page]]:
    order: list[Page] = []
    for volume in tree:
        for material in volume["materials"]:
            order.extend(material.pages.all())
    if current is None:
        return None, (order[0].pk if order else None), order
    ids = [p.pk for p in order]
    if current.pk not in ids:
        return None, None, order
    at = ids.index(current.pk)
    previous = ids[at - 1] if at > 0 else None
    following = ids[at + 1] if at + 1 < len(ids) else None
    return previous, following, order


@login_required
@require_GET
def viewer(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case file: catalogue tree by volume, thumbnails, the current page with its text, search, checks."""
    user = request.user
    try:
        case = selectors.casefile_case_get(viewer=user, case_id=case_id)  # type: ignore[arg-type]
        page = None
        if request.GET.get("page", "").isdigit():
            page = selectors.page_get(viewer=user, page_id=int(request.GET["page"]))  # type: ignore[arg-type]
            if page.material.case_id != case.pk:
                raise NotFoundError("casefile.not_found", "页面不存在")
    except DomainError as exc:
        return error_page(request, exc)
    tree = selectors.file_tree(case=case)
    previous, following, order = _neighbours(tree, page)
    if page is None and order:
        page, previous, following = order[0], None, (order[1].pk if len(order) > 1 else None)
    query = request.GET.get("q", "").strip()[:100]
    staff = selectors.is_file_staff(case=case, viewer=user)  # type: ignore[arg-type]
    context = {
        "case": case,
        "tree": tree,
        "page": page,
        "previous": previous,
        "following": following,
        "query": query,
        "hits": selectors.file_search(case=case, query=query) if query else None,
        "annotations": selectors.annotations_for(viewer=user, page=page) if page else [],  # type: ignore[arg-type]
        "staff": staff,
        "issues": selectors.file_checks(case=case),
        "backfill": selectors.backfill_pending(case=case) if staff else [],
        "package": selectors.package_latest(case=case),
        "requests": FileRequest.objects.filter(case=case, status=RequestStatus.PENDING) if staff else [],
        "categories": selectors.category_choices(),
        "sources": MaterialSource.choices,
        "retentions": RETENTION_PERIODS,
        "materials": [m for volume in tree for m in volume["materials"]],
    }
    return render(request, "casefile/viewer.html", context)


@login_required
@require_POST
def upload(request: HttpRequest, case_id: int) -> HttpResponse:
    """Several files at once: each is taken in or refused with its reason; the rest go on."""
    try:
        case = selectors.casefile_case_get(viewer=request.user, case_id=case_id)  # type: ignore[arg-type]
        uploads = request.FILES.getlist("files")[:MAX_BATCH_FILES]
        files = [(f.name or "未命名文件", f.read()) for f in uploads]
        outcomes = services.material_ingest_batch(
            case=case,
            files=files,
            source=request.POST.get("source", MaterialSource.SCAN),
            actor=request.user,  # type: ignore[arg-type]
        )
    except DomainError as exc:
        return error_page(request, exc)
    for outcome in outcomes:
        if outcome.ok:
            messages.success(request, f"{outcome.filename}：已收入卷宗")
        else:
            messages.error(request, outcome.message)
    if not outcomes:
        messages.error(request, "请选择要上传的文件")
    return redirect("casefile:viewer", case_id=case_id)


def _back(request: HttpRequest, case_id: int, page_id: int | None = None) -> HttpResponse:
    url = reverse("casefile:viewer", args=[case_id])
    return redirect(f"{url}?page={page_id}" if page_id else url)


@login_required
@require_POST
def correct(request: HttpRequest, material_id: int) -> HttpResponse:
    try:
        material = selectors.material_get(viewer=request.user, material_id=material_id)  # type: ignore[arg-type]
        position = request.POST.get("position", "").strip()
        category = request.POST.get("category", "").strip() or None
        services.material_correct(
            material=material,
            actor=request.user,  # type: ignore[arg-type]
            reason=request.POST.get("reason", ""),
            category=category if category != material.category else None,
            position=int(position) if position.isdigit() else None,
        )
        messages.success(request, "编目已更正，卷宗已重新排列")
    except DomainError as exc:
        if exc.http_status == 404:
            return error_page(request, exc)
        messages.error(request, exc.message)
        return _back(request, material.case_id)
    return _back(request, material.case_id)


@login_required
@require_GET
def thumbnail(request: HttpRequest, page_id: int) -> HttpResponse:
    try:
        page = selectors.page_get(viewer=request.user, page_id=page_id)  # type: ignore[arg-type]
    except DomainError as exc:
        return HttpResponse(exc.message, status=exc.http_status, content_type="text/plain; charset=utf-8")
    response = HttpResponse(bytes(page.thumbnail), content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
@require_GET
def page_image(request: HttpRequest, page_id: int) -> HttpResponse:
    """The page rendered from the original file (PDF or image); a DOCX page shows its thumbnail."""
    try:
        page = selectors.page_get(viewer=request.user, page_id=page_id)  # type: ignore[arg-type]
    except DomainError as exc:
        return HttpResponse(exc.message, status=exc.http_status, content_type="text/plain; charset=utf-8")
    material = page.material
    if material.text_source == "docx":
        return HttpResponse(bytes(page.thumbnail), content_type="image/png")
    try:
        with material.file.open("rb") as handle:
            data = handle.read()
        settings = replace(pipeline.ocr_settings(), dpi=PAGE_IMAGE_DPI)
        for _, image in iter_page_images(
            data, filename=material.filename, settings=settings, pages=[page.number]
        ):
            if max(image.size) > 1600:
                image.thumbnail((1600, 1600))
            buffer = io.BytesIO()
            image.save(buffer, "PNG")
            response = HttpResponse(buffer.getvalue(), content_type="image/png")
            response["Cache-Control"] = "private, max-age=3600"
            return response
    except (OcrError, OSError):
        pass
    return HttpResponse(bytes(page.thumbnail), content_type="image/png")


@login_required
@require_GET
def original(request: HttpRequest, material_id: int) -> HttpResponse:
    try:
        material = selectors.material_get(viewer=request.user, material_id=material_id)  # type: ignore[arg-type]
    except DomainError as exc:
        return error_page(request, exc)
    with material.file.open("rb") as handle:
        response = HttpResponse(handle.read(), content_type=material.media_type)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''" + _quote(material.filename)
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


@login_required
@require_POST
def annotate(request: HttpRequest, page_id: int) -> HttpResponse:
    try:
        page = selectors.page_get(viewer=request.user, page_id=page_id)  # type: ignore[arg-type]
        services.annotation_create(page=page, actor=request.user, text=request.POST.get("text", ""))  # type: ignore[arg-type]
        messages.success(request, "批注已保存（仅本人可见）")
    except DomainError as exc:
        if exc.http_status == 404:
            return error_page(request, exc)
        messages.error(request, exc.message)
    return _back(request, page.material.case_id, page.pk)


@login_required
@require_POST
def annotation_delete(request: HttpRequest, annotation_id: int) -> HttpResponse:
    annotation = (
        Annotation.objects.select_related("page__material")
        .filter(pk=annotation_id, author_id=request.user.pk)
        .first()
    )
    if annotation is None:
        return error_page(request, NotFoundError("casefile.not_found", "批注不存在"))
    services.annotation_delete(annotation_id=annotation_id, actor=request.user)  # type: ignore[arg-type]
    messages.success(request, "批注已删除")
    return _back(request, annotation.page.material.case_id, annotation.page_id)


@login_required
@require_POST
def backfill_decide(request: HttpRequest, field_id: int) -> HttpResponse:
    field = BackfillField.objects.select_related("material__case").filter(pk=field_id).first()
    if field is None:
        return error_page(request, NotFoundError("casefile.not_found", "回填字段不存在"))
    try:
        selectors.casefile_case_get(viewer=request.user, case_id=field.material.case_id)  # type: ignore[arg-type]
        services.backfill_decide(
            field=field,
            actor=request.user,  # type: ignore[arg-type]
            accept=request.POST.get("decision") == "accept",
        )
        messages.success(
            request, "已采纳并写入案件信息" if request.POST.get("decision") == "accept" else "已不采纳"
        )
    except DomainError as exc:
        if exc.http_status == 404:
            return error_page(request, exc)
        messages.error(request, exc.message)
    return _back(request, field.material.case_id)


@login_required
@require_GET
def compare(request: HttpRequest, case_id: int) -> HttpResponse:
    """Two documents side by side, page by page, with their text."""
    try:
        case = selectors.casefile_case_get(viewer=request.user, case_id=case_id)  # type: ignore[arg-type]
    except DomainError as exc:
        return error_page(request, exc)
    materials = list(selectors.material_list(case=case))
    by_id = {str(m.pk): m for m in materials}
    left, right = by_id.get(request.GET.get("a", "")), by_id.get(request.GET.get("b", ""))
    rows: list[tuple[Page | None, Page | None]] = []
    if left and right:
        a, b = list(left.pages.all()), list(right.pages.all())
        rows = [
            (a[i] if i < len(a) else None, b[i] if i < len(b) else None) for i in range(max(len(a), len(b)))
        ]
    return render(
        request,
        "casefile/compare.html",
        {"case": case, "materials": materials, "left": left, "right": right, "rows": rows},
    )


@login_required
@require_POST
def archive_build(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        case = selectors.casefile_case_get(viewer=request.user, case_id=case_id)  # type: ignore[arg-type]
        package = archive.archive_build(
            case=case,
            actor=request.user,  # type: ignore[arg-type]
            retention=request.POST.get("retention", "永久"),
        )
        messages.success(request, f"电子档案已生成并存证（SHA-256 {package.sha256[:16]}…）")
    except DomainError as exc:
        if exc.http_status == 404:
            return error_page(request, exc)
        messages.error(request, exc.message)
    return _back(request, case_id)


@login_required
@require_POST
def archive_check(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        case = selectors.casefile_case_get(viewer=request.user, case_id=case_id)  # type: ignore[arg-type]
        package = selectors.package_latest(case=case)
        if package is None:
            messages.error(request, "该案尚未生成电子档案")
        else:
            package = archive.archive_check(package=package, actor=request.user)  # type: ignore[arg-type]
            if package.check_ok:
                messages.success(request, "电子档案完整：封装包与清单、司法链存证和回执一致")
            else:
                messages.error(request, "电子档案检查未通过：" + "；".join(package.check_problems))
    except DomainError as exc:
        return error_page(request, exc)
    return _back(request, case_id)


@login_required
def requests_page(request: HttpRequest) -> HttpResponse:
    """Remote file requests (远程调卷): ask for a lower court's case file; decide on requests for ours."""
    user = request.user
    if request.method == "POST":
        try:
            archive.file_request_create(
                actor=user,  # type: ignore[arg-type]
                case_number=request.POST.get("case_number", ""),
                reason=request.POST.get("reason", ""),
            )
            messages.success(request, "调卷申请已提交，待原审法院审批")
            return redirect("casefile:requests")
        except DomainError as exc:
            messages.error(request, exc.message)
    rows = selectors.requests_for_court(viewer=user)  # type: ignore[arg-type]
    return render(request, "casefile/requests.html", {"rows": rows})


@login_required
@require_POST
def request_decide(request: HttpRequest, request_id: int) -> HttpResponse:
    row = FileRequest.objects.select_related("case").filter(pk=request_id).first()
    if row is None:
        return error_page(request, NotFoundError("casefile.not_found", "调卷申请不存在"))
    try:
        archive.file_request_decide(
            request=row,
            actor=request.user,  # type: ignore[arg-type]
            approve=request.POST.get("decision") == "approve",
        )
        messages.success(request, "已审批调卷申请")
    except DomainError as exc:
        messages.error(request, exc.message)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("casefile:requests")
    return redirect(target or reverse("casefile:requests"))
