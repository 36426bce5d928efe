"""Reads of the electronic case file, and who may see it.

- staff of the case's court (not 信息中心) read and work on the file; a superuser too;
- staff of a higher court read it once the lower court has approved their court's request (远程调卷);
- parties and lawyers see nothing here (file review for parties is a later issue);
- annotations are read by their author only.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.casefile.error_codes import CaseFileErrorCode
from smartcourt.apps.casefile.models import (
    Annotation,
    ArchivePackage,
    BackfillField,
    Decision,
    FileRequest,
    Material,
    MaterialStatus,
    Page,
    RequestStatus,
)
from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import NotFoundError, NotPermittedError
from smartcourt.engines.casefile import CaseFileIssue, ReviewedDocument, catalogue, check_case_file


def is_file_staff(*, case: Case, viewer: User) -> bool:
    """Staff of the case's own court who work on its file (not 信息中心)."""
    if not viewer.is_authenticated or not viewer.is_active:
        return False
    if viewer.is_superuser:
        return True
    return bool(viewer.is_court_staff and viewer.role != Role.IT_ADMIN and viewer.court_id == case.court_id)


def has_approved_request(*, case: Case, viewer: User) -> bool:
    """Staff of a court whose request for this case's file the lower court approved."""
    if not viewer.is_authenticated or not viewer.is_court_staff or viewer.court_id is None:
        return False
    return FileRequest.objects.filter(
        case=case, requesting_court_id=viewer.court_id, status=RequestStatus.APPROVED
    ).exists()


def casefile_case_get(*, viewer: User, case_id: int) -> Case:
    """The case whose file ``viewer`` may read, or NotFound (the same answer whether or not it exists)."""
    case = Case.objects.select_related("court").filter(pk=case_id).first()
    if case is None or not (
        is_file_staff(case=case, viewer=viewer) or has_approved_request(case=case, viewer=viewer)
    ):
        raise NotFoundError(CaseFileErrorCode.NOT_FOUND, "案件不存在或无权查看其电子卷宗")
    return case


def check_file_staff(*, case: Case, viewer: User, action: str) -> None:
    if not is_file_staff(case=case, viewer=viewer):
        raise NotPermittedError(
            CaseFileErrorCode.NOT_PERMITTED, f"只有本案所在法院的工作人员可以{action}", {"field": "case"}
        )


def material_list(*, case: Case) -> QuerySet[Material]:
    return (
        Material.objects.filter(case=case)
        .select_related("uploaded_by")
        .prefetch_related(Prefetch("pages", queryset=Page.objects.defer("thumbnail", "lines")))
        .order_by("volume", "position", "id")
    )


def material_get(*, viewer: User, material_id: int) -> Material:
    material = Material.objects.select_related("case").filter(pk=material_id).first()
    if material is None:
        raise NotFoundError(CaseFileErrorCode.NOT_FOUND, "材料不存在")
    casefile_case_get(viewer=viewer, case_id=material.case_id)
    return material


def page_get(*, viewer: User, page_id: int) -> Page:
    page = Page.objects.select_related("material", "material__case").filter(pk=page_id).first()
    if page is None:
        raise NotFoundError(CaseFileErrorCode.NOT_FOUND, "页面不存在")
    casefile_case_get(viewer=viewer, case_id=page.material.case_id)
    return page


def annotations_for(*, viewer: User, page: Page) -> QuerySet[Annotation]:
    """The viewer's own annotations on the page: nobody else's, ever."""
    return Annotation.objects.filter(page=page, author_id=viewer.pk)


@dataclass(frozen=True)
class Hit:
    page: Page
    snippet: str


def file_search(*, case: Case, query: str, limit: int = 50) -> list[Hit]:
    """Pages of the case file whose text holds every word of ``query`` (full text inside the file)."""
    words = [w for w in query.split() if w][:5]
    if not words:
        return []
    condition = Q()
    for word in words:
        condition &= Q(text__icontains=word)
    pages = (
        Page.objects.filter(material__case=case)
        .filter(condition)
        .select_related("material")
        .defer("thumbnail", "lines")
        .order_by("material__volume", "material__position", "number")[:limit]
    )
    hits = []
    for page in pages:
        at = page.text.find(words[0])
        start = max(at - 20, 0)
        hits.append(Hit(page, page.text[start : at + len(words[0]) + 40].replace("\n", " ")))
    return hits


def file_tree(*, case: Case) -> list[dict[str, object]]:
    """The catalogue tree: volumes (正卷 then 副卷) with their materials in order."""
    materials = list(material_list(case=case))
    tree = []
    for code, label in (("main", "正卷"), ("secondary", "副卷")):
        items = [m for m in materials if m.volume == code and m.status != MaterialStatus.FAILED]
        if items:
            tree.append({"volume": code, "label": label, "materials": items})
    failed = [m for m in materials if m.status == MaterialStatus.FAILED]
    if failed:
        tree.append({"volume": "failed", "label": "处理失败", "materials": failed})
    return tree


def file_checks(*, case: Case) -> list[CaseFileIssue]:
    """The automatic checks (电子卷宗自动检查) of the case file at the case's status."""
    documents = [
        ReviewedDocument(
            id=str(m.pk),
            category=m.category,
            page_texts=tuple(p.text for p in m.pages.all()),
            title=m.title,
        )
        for m in material_list(case=case).filter(status=MaterialStatus.READY)
    ]
    parties = list(case.parties.values_list("name", flat=True))
    return check_case_file(status=case.status, documents=documents, parties=parties)


def backfill_pending(*, case: Case) -> QuerySet[BackfillField]:
    return BackfillField.objects.filter(material__case=case).select_related("material", "decided_by")


def backfill_open(*, case: Case) -> QuerySet[BackfillField]:
    return backfill_pending(case=case).filter(decision=Decision.PENDING)


def package_latest(*, case: Case) -> ArchivePackage | None:
    return ArchivePackage.objects.filter(case=case).select_related("ledger_entry").first()


def requests_for_court(*, viewer: User) -> QuerySet[FileRequest]:
    """Requests made by the viewer's court, and requests for the viewer's court's cases."""
    if not viewer.is_court_staff or viewer.court_id is None:
        return FileRequest.objects.none()
    return (
        FileRequest.objects.filter(Q(requesting_court_id=viewer.court_id) | Q(case__court_id=viewer.court_id))
        .select_related("case", "requesting_court", "requested_by", "decided_by")
        .order_by("-requested_at", "-id")
    )


def category_choices() -> list[tuple[str, str]]:
    return [
        (c.code, f"{c.name}（{'正卷' if c.volume == 'main' else '副卷'}）") for c in catalogue().categories
    ] + [("other", "其他材料（正卷）")]
