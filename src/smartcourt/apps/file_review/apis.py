"""Online file review endpoints: reviewable cases and their 正卷 materials, a watermarked page image (every
call logged), and the review log for court staff."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema

from smartcourt.apps.casefile.models import Material
from smartcourt.apps.file_review import selectors, services
from smartcourt.apps.file_review.models import ReviewAction, ReviewLog

router = Router()


class CaseOut(Schema):
    id: int
    case_number: str


class MaterialOut(Schema):
    id: int
    title: str
    filename: str
    category_name: str
    page_count: int
    first_page: int
    last_page: int

    @staticmethod
    def resolve_title(obj: Material) -> str:
        return str(obj.title or obj.filename)


class LogOut(Schema):
    id: int
    material_id: int
    material_title: str
    page_number: int
    viewer_id: int
    viewer_name: str
    viewer_capacity: str
    action: str
    watermark: str
    at: datetime
    ip_address: str | None

    @staticmethod
    def resolve_material_title(obj: ReviewLog) -> str:
        return str(obj.material.title or obj.material.filename)

    @staticmethod
    def resolve_viewer_name(obj: ReviewLog) -> str:
        return str(obj.viewer.full_name or obj.viewer.username)


@router.get("/cases", response=list[CaseOut], summary="可阅卷的案件")
def cases(request: HttpRequest) -> list[object]:
    return list(selectors.reviewable_cases(viewer=request.user)[:200])


@router.get("/cases/{case_id}/materials", response=list[MaterialOut], summary="案件正卷材料目录")
def materials(request: HttpRequest, case_id: int) -> list[Material]:
    case = selectors.review_case_get(viewer=request.user, case_id=case_id)
    return list(selectors.reviewable_materials(case=case))


@router.get(
    "/materials/{material_id}/pages/{number}",
    summary="阅卷页面（带水印 PNG，记录阅卷日志）",
    response={200: None},
)
def page(request: HttpRequest, material_id: int, number: int, download: bool = False) -> HttpResponse:
    reviewed = services.page_review(
        viewer=request.user,
        material_id=material_id,
        number=number,
        action=ReviewAction.DOWNLOAD if download else ReviewAction.VIEW,
        ip_address=request.META.get("REMOTE_ADDR") or None,
    )
    response = HttpResponse(reviewed.png, content_type="image/png")
    response["Cache-Control"] = "no-store"
    if download:
        response["Content-Disposition"] = f'attachment; filename="review-{material_id}-p{number}.png"'
    return response


@router.get("/cases/{case_id}/log", response=list[LogOut], summary="阅卷记录（法院工作人员）")
def log(request: HttpRequest, case_id: int) -> list[ReviewLog]:
    return list(selectors.review_log(viewer=request.user, case_id=case_id)[:500])
