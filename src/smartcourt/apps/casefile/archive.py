"""Electronic archives of closed cases and remote file requests (法办〔2019〕243号 第6项、第13项).

- :func:`archive_build`: the arranged materials of a CLOSED case as a BagIt package (engines.archive), stored,
  its SHA-256 recorded in the court's ledger (kind 电子档案包) in the same transaction, the receipt kept;
- :func:`archive_check`: the stored package re-opened and checked against its manifests, its digest against
  the ledger entry, and the receipt verified against the court's log;
- :func:`file_request_create` / :func:`file_request_decide`: a higher court asks for a lower court's case file
  (远程调卷), the lower court approves or refuses; once approved the higher court's staff read the file.
Every step is audited (django-auditlog, actor via :func:`acting_as`).
"""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.casefile.error_codes import CaseFileErrorCode
from smartcourt.apps.casefile.models import (
    ArchivePackage,
    FileRequest,
    Material,
    MaterialStatus,
    RequestStatus,
    Volume,
)
from smartcourt.apps.casefile.selectors import check_file_staff
from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    NotPermittedError,
    from_engine_error,
)
from smartcourt.apps.courts.selectors import court_subtree_ids
from smartcourt.engines.archive import (
    RETENTION_PERIODS,
    ArchivedDocument,
    ArchiveError,
    ArchiveMetadata,
    build_package,
    check_package,
)
from smartcourt.engines.procedure import CaseStatus

_VOLUME_LABEL = {Volume.MAIN: "正卷", Volume.SECONDARY: "副卷"}


def _metadata(
    case: Case, retention: str, materials: list[Material]
) -> tuple[ArchiveMetadata, dict[str, bytes]]:
    files: dict[str, bytes] = {}
    documents = []
    for material in materials:
        extension = material.file.name.rsplit(".", 1)[-1].lower()
        prefix = "Z" if material.volume == Volume.MAIN else "F"
        name = f"{prefix}{material.position:03d}_{material.pk}.{extension}"
        with material.file.open("rb") as handle:
            files[name] = handle.read()
        documents.append(
            ArchivedDocument(
                position=material.position,
                category=material.category_name,
                title=material.title or material.filename,
                first_page=material.first_page,
                last_page=material.last_page,
                filename=name,
                volume=_VOLUME_LABEL.get(material.volume, "正卷"),
            )
        )
    code = f"{case.court.code}-{case.year}-{case.case_type}-{case.sequence:04d}"
    metadata = ArchiveMetadata(
        fonds_code=case.court.code,
        archival_code=code,
        case_number=case.case_number,
        court=case.court.name,
        title=case.title,
        year=case.year,
        retention=retention,
        closed_on=case.closed_on or timezone.localdate(),
        documents=tuple(documents),
    )
    return metadata, files


def archive_build(*, case: Case, actor: User, retention: str = "永久") -> ArchivePackage:
    """The archival package of a closed case, stored and recorded in the court's ledger (with its receipt)."""
    from smartcourt.apps.evidence.models import EntryKind
    from smartcourt.apps.evidence.services import RecordInput, evidence_record

    check_file_staff(case=case, viewer=actor, action="生成电子档案")
    if case.status != CaseStatus.CLOSED:
        raise ConflictError(
            CaseFileErrorCode.NOT_CLOSED, "只有已结案的案件才能生成电子档案", {"field": "case"}
        )
    if retention not in RETENTION_PERIODS:
        raise InvalidInputError(
            CaseFileErrorCode.BAD_DECISION,
            f"保管期限应为{'、'.join(RETENTION_PERIODS)}之一",
            {"field": "retention"},
        )
    materials = list(
        Material.objects.filter(case=case)
        .exclude(status=MaterialStatus.FAILED)
        .order_by("volume", "position")
    )
    if not materials:
        raise ConflictError(
            CaseFileErrorCode.NOTHING_TO_ARCHIVE, "电子卷宗中没有可归档的材料", {"field": "case"}
        )
    if any(m.status != MaterialStatus.READY for m in materials):
        raise ConflictError(
            CaseFileErrorCode.NOTHING_TO_ARCHIVE,
            "还有材料正在识别，请识别完成后再生成电子档案",
            {"field": "case"},
        )
    metadata, files = _metadata(case, retention, materials)
    try:
        package = build_package(metadata, files)
    except ArchiveError as exc:
        raise from_engine_error(exc, field="case") from exc
    stored = ""
    try:
        with transaction.atomic(), acting_as(actor):
            row = ArchivePackage(
                case=case,
                sha256=package.sha256,
                size=len(package.data),
                archival_code=metadata.archival_code,
                retention=retention,
                built_by=actor,
                built_at=timezone.now(),
            )
            row.file.save(f"{metadata.archival_code}.tar", ContentFile(package.data), save=False)
            stored = row.file.name
            appended = evidence_record(
                actor=actor,
                records=[
                    RecordInput(
                        kind=EntryKind.ARCHIVE,
                        content_hash=f"sha256:{package.sha256}",
                        metadata={
                            "title": f"{case.case_number} 电子档案封装包",
                            "case_number": case.case_number,
                            "archival_code": metadata.archival_code,
                            "retention": retention,
                        },
                    )
                ],
            )
            row.ledger_entry = appended[0].entry
            row.receipt = appended[0].receipt.to_json()
            row.save()
    except BaseException:
        if stored:
            default_storage.delete(stored)
        raise
    return row


def archive_check(*, package: ArchivePackage, actor: User) -> ArchivePackage:
    """Re-open the stored package: manifests, the digest recorded in the ledger, and the ledger receipt."""
    from smartcourt.apps.evidence.selectors import receipt_verify

    problems: list[str] = []
    try:
        with package.file.storage.open(package.file.name, "rb") as handle:  # fresh, never a cached handle
            data = handle.read()
    except (OSError, FileNotFoundError):
        data = b""
        problems.append("封装包文件缺失，无法读取")
    if data:
        result = check_package(data)
        problems.extend(result.problems)
        digest = hashlib.sha256(data).hexdigest()
        if digest != package.sha256:
            problems.append("封装包的 SHA-256 与生成时记录的不一致（文件已被改动）")
        entry = package.ledger_entry
        if entry is None:
            problems.append("封装包未在司法链存证")
        elif entry.content_hash != f"sha256:{digest}":
            problems.append("封装包的 SHA-256 与司法链存证记录不一致")
    if package.receipt:
        verification = receipt_verify(receipt_text=package.receipt, data=None)
        if not verification.verified:
            problems.append(f"司法链回执验证未通过：{verification.message}")
    with transaction.atomic(), acting_as(actor):
        package.checked_at, package.check_ok, package.check_problems = timezone.now(), not problems, problems
        package.save(update_fields=["checked_at", "check_ok", "check_problems"])
    return package


# --- remote file requests (远程调卷) ---------------------------------------------------------------------


def file_request_create(*, actor: User, case_number: str, reason: str) -> FileRequest:
    """Staff of a higher court ask for the file of a case of a court below theirs."""
    if not actor.is_court_staff or actor.court is None or actor.role == Role.IT_ADMIN:
        raise NotPermittedError(CaseFileErrorCode.NOT_PERMITTED, "只有法院工作人员可以申请调卷")
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInputError(CaseFileErrorCode.REASON_REQUIRED, "请填写调卷事由", {"field": "reason"})
    case = Case.objects.select_related("court").filter(case_number=(case_number or "").strip()).first()
    below = set(court_subtree_ids(court=actor.court)) - {actor.court_id}
    if case is None or case.court_id not in below:
        raise NotFoundError(
            CaseFileErrorCode.NOT_HIGHER_COURT, "未找到本院辖区下级法院的该案号案件", {"field": "case_number"}
        )
    if FileRequest.objects.filter(
        case=case, requesting_court=actor.court, status=RequestStatus.PENDING
    ).exists():
        raise ConflictError(
            CaseFileErrorCode.REQUEST_DECIDED, "本院对该案已有待审批的调卷申请", {"field": "case_number"}
        )
    with transaction.atomic(), acting_as(actor):
        return FileRequest.objects.create(
            case=case,
            requesting_court=actor.court,
            requested_by=actor,
            requested_at=timezone.now(),
            reason=reason[:300],
        )


def file_request_decide(*, request: FileRequest, actor: User, approve: bool) -> FileRequest:
    """Staff of the case's court approve or refuse a request for its file."""
    check_file_staff(case=request.case, viewer=actor, action="审批调卷申请")
    with transaction.atomic(), acting_as(actor):
        request = FileRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != RequestStatus.PENDING:
            raise ConflictError(CaseFileErrorCode.REQUEST_DECIDED, "该调卷申请已审批", {"field": "request"})
        request.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
        request.decided_by, request.decided_at = actor, timezone.now()
        request.save()
    return request
