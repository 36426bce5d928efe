"""Writes of the electronic case file: ingestion, text recognition, cataloguing and corrections, annotations,
extraction and back-fill decisions. Archive packages and remote file requests are in ``archive``.

Every write checks the actor, runs in one transaction (nothing half-saved; a stored file is removed again if
its transaction fails) and is recorded by django-auditlog with the actor set by :func:`acting_as`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePath
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from smartcourt.apps.accounts.models import User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.casefile import pipeline
from smartcourt.apps.casefile.error_codes import CaseFileErrorCode
from smartcourt.apps.casefile.models import (
    Annotation,
    BackfillField,
    CatalogueCorrection,
    Decision,
    Material,
    MaterialSource,
    MaterialStatus,
    Page,
)
from smartcourt.apps.casefile.selectors import check_file_staff
from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import ConflictError, DomainError, InvalidInputError, NotPermittedError
from smartcourt.engines.casefile import (
    CaseRecord,
    FileDocument,
    RecordParty,
    arrange,
    catalogue,
    classify_document,
    compare_with_record,
    extract_case_fields,
)
from smartcourt.engines.defects.errors import DocumentReadError
from smartcourt.engines.ocr import OcrError
from smartcourt.engines.uploads import UploadError, inspect_upload

logger = logging.getLogger(__name__)
# A claim older than this is taken to belong to a worker that died (a 100-page scan takes about 80 s).
CLAIM_TIMEOUT = timedelta(minutes=30)

# Materials whose content is extracted and compared with the case record (自动提取与回填).
EXTRACTED_CATEGORIES = frozenset({"complaint", "answer", "identity_materials", "appeal_petition"})
_MAX_REASON = 300


def _safe_name(filename: str, extension: str) -> str:
    stem = re.sub(r"[^\w\u4e00-\u9fff.-]", "_", PurePath(filename).stem)[:80] or "material"
    return f"{stem}.{extension}"


# --- ingestion ------------------------------------------------------------------------------------------


def material_ingest(
    *, case: Case, data: bytes, filename: str, source: str, actor: User, title: str = ""
) -> Material:
    """Take one file into the case file: checked by content, split into pages with thumbnails, stored; its
    text is recognised by a background task after commit. Refuses a file already in this case's file."""
    check_file_staff(case=case, viewer=actor, action="向电子卷宗收入材料")
    if source not in MaterialSource.values:
        raise InvalidInputError(CaseFileErrorCode.BAD_SOURCE, "材料来源无效", {"field": "source"})
    name = (filename or "").strip()[:200] or "未命名文件"
    try:
        inspected = inspect_upload(data, filename=name)
    except UploadError as exc:
        raise InvalidInputError(
            exc.code, f"{name}：{exc.message}", {"field": "file", "filename": name}
        ) from exc
    existing = Material.objects.filter(case=case, sha256=inspected.sha256).first()
    if existing is not None:
        raise _duplicate(name, existing)
    try:
        drafts = pipeline.split_pages(data, filename=name, kind=inspected.kind.value)
    except (OcrError, DocumentReadError) as exc:
        raise InvalidInputError(
            exc.code,
            f"{name}：{getattr(exc, 'reason', None) or exc.message}",
            {"field": "file", "filename": name},
        ) from exc
    stored: list[str] = []
    try:
        with transaction.atomic(), acting_as(actor):
            material = Material(
                case=case,
                source=source,
                filename=name,
                sha256=inspected.sha256,
                size=inspected.size,
                media_type=inspected.media_type,
                page_count=len(drafts),
                uploaded_by=actor,
                uploaded_at=timezone.now(),
                title=title.strip()[:200],
                text_source="docx" if inspected.kind.value == "docx" else "",
            )
            material.file.save(_safe_name(name, inspected.extension), ContentFile(data), save=False)
            stored.append(material.file.name)
            material.save()
            Page.objects.bulk_create(
                Page(material=material, number=d.number, thumbnail=d.thumbnail, text=d.text or "")
                for d in drafts
            )
            pk = material.pk
            transaction.on_commit(lambda: _enqueue_processing(pk))
    except IntegrityError as exc:  # the same file arrived concurrently
        _remove(stored)
        existing = Material.objects.filter(case=case, sha256=inspected.sha256).first()
        if existing is not None:
            raise _duplicate(name, existing) from exc
        raise
    except BaseException:
        _remove(stored)
        raise
    return material


def _duplicate(name: str, existing: Material) -> ConflictError:
    return ConflictError(
        CaseFileErrorCode.DUPLICATE,
        f"{name}：与卷宗中已有的材料《{existing}》内容完全相同，未重复收入",
        {"field": "file", "filename": name, "material": existing.pk},
    )


def _remove(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:  # pragma: no cover - nothing else to do; the orphan holds no reference
            logger.warning("could not remove %s", name)


def _enqueue_processing(material_id: int) -> None:
    from smartcourt.apps.casefile.tasks import material_process_task

    try:
        material_process_task.enqueue(material_id)
    except Exception:  # the material is committed as PENDING; ``casefile_reprocess`` can enqueue it again
        logger.exception("could not enqueue processing of material %s", material_id)


@dataclass(frozen=True)
class IngestOutcome:
    """One file of a batch: the material taken in, or the Chinese reason it was refused."""

    filename: str
    material: Material | None = None
    code: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.material is not None


def material_ingest_batch(
    *, case: Case, files: Sequence[tuple[str, bytes]], source: str, actor: User
) -> list[IngestOutcome]:
    """Each file on its own: a refused file says why, the rest of the batch goes on."""
    outcomes = []
    for filename, data in files:
        try:
            material = material_ingest(case=case, data=data, filename=filename, source=source, actor=actor)
        except NotPermittedError:
            raise
        except DomainError as exc:
            outcomes.append(IngestOutcome(filename, code=exc.code, message=exc.message))
        else:
            outcomes.append(IngestOutcome(filename, material=material))
    return outcomes


# --- recognition, classification, extraction (the background task) ---------------------------------------


def material_process(*, material_id: int) -> str:
    """Text of every page (text layer, DOCX or OCR), then classification, extraction and the arrangement.

    One worker at a time: the worker claims the material with a conditional update (``claimed_at``); another
    worker given the same material skips it, unless the claim is older than ``CLAIM_TIMEOUT`` (its worker
    died), and a worker whose claim was taken over writes nothing. Never raises for a bad file: the material
    is marked failed with the reason and the worker goes on.
    """
    claim = timezone.now()
    taken = (
        Material.objects.filter(pk=material_id, status=MaterialStatus.PENDING)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=claim - CLAIM_TIMEOUT))
        .update(claimed_at=claim)
    )
    if not taken:  # gone, already done, or another worker has it
        return "skipped"
    material = Material.objects.select_related("case").get(pk=material_id)
    try:
        with material.file.open("rb") as handle:
            data = handle.read()
        recognised, text_source = _recognise(material, data)
    except (OcrError, DocumentReadError) as exc:
        return _fail(material, getattr(exc, "reason", None) or exc.message)
    except Exception as exc:  # noqa: BLE001 - any failure on hostile bytes: record it, keep the worker up
        logger.exception("processing material %s failed", material_id)
        return _fail(material, f"文字识别失败：{type(exc).__name__}")
    with transaction.atomic():
        if not Material.objects.select_for_update().filter(pk=material_id, claimed_at=claim).exists():
            return "skipped"  # the claim timed out and another worker took over
        pages = {p.number: p for p in material.pages.select_for_update()}
        for number, draft in recognised.items():
            page = pages.get(number)
            if page is None:
                continue
            page.text = draft.text or ""
            page.lines, page.width, page.height = draft.lines, draft.width, draft.height
        Page.objects.bulk_update(pages.values(), ["text", "lines", "width", "height"])
        _classify(material, [pages[n].text for n in sorted(pages)])
        material.status, material.text_source = MaterialStatus.READY, text_source
        material.failure_reason = ""
        material.save()
        _extract(material)
        file_arrange(case=material.case)
    return "ready"


def _recognise(material: Material, data: bytes) -> tuple[dict[int, pipeline.PageDraft], str]:
    if material.text_source == "docx":
        return {}, "docx"
    numbers = list(range(1, material.page_count + 1))
    layer: dict[int, pipeline.PageDraft] = {}
    if material.media_type == "application/pdf":
        for number, text in enumerate(pipeline.text_layer(data), start=1):
            if pipeline.meaningful(text):
                layer[number] = pipeline.PageDraft(number=number, text=text.strip())
    scanned = [n for n in numbers if n not in layer]
    recognised = pipeline.recognise_pages(data, filename=material.filename, pages=scanned)
    source = "ocr" if not layer else ("text_layer" if not scanned else "text_layer+ocr")
    return {**layer, **recognised}, source


def _fail(material: Material, reason: str) -> str:
    with transaction.atomic():
        if (
            not Material.objects.select_for_update()
            .filter(pk=material.pk, claimed_at=material.claimed_at)
            .exists()
        ):
            return "skipped"  # the claim timed out and another worker took over
        material.status = MaterialStatus.FAILED
        material.failure_reason = f"{material.filename}：{reason}"[:300]
        material.save(update_fields=["status", "failure_reason"])
    return "failed"


def _classify(material: Material, texts: list[str]) -> None:
    if material.category_corrected:
        return
    first = texts[0] if texts else ""
    result = classify_document(first, title=material.title or None)
    material.category, material.category_name = result.category.code, result.category.name
    material.confidence = result.confidence
    material.classification_evidence = [{"rule": e.rule, "text": e.text[:100]} for e in result.evidence]
    if not material.title:
        title_evidence = next((e.text for e in result.evidence if e.rule == "title"), "")
        material.title = (re.sub(r"\s+", "", title_evidence) or result.category.name)[:200]


def case_record(case: Case) -> CaseRecord:
    """The case record as the extraction engine compares it."""
    return CaseRecord(
        parties=tuple(
            RecordParty(
                role=p.get_role_display(),
                name=p.name,
                id_number=p.id_number,
                address=p.address,
                phone=p.phone,
            )
            for p in case.parties.all()
        ),
        claim_amount=case.claim_amount,
    )


def _extract(material: Material) -> None:
    """The differences between the material and the case record, as pending back-fill decisions."""
    material.backfill_fields.filter(decision=Decision.PENDING).delete()
    if material.category not in EXTRACTED_CATEGORIES:
        return
    text = "\n".join(material.pages.order_by("number").values_list("text", flat=True))
    differences = compare_with_record(extract_case_fields(text), case_record(material.case))
    BackfillField.objects.bulk_create(
        BackfillField(
            material=material,
            field=d.field,
            party_name=d.party or "",
            record_value=d.record_value[:300],
            extracted_value=d.extracted.value[:300],
            valid=d.extracted.valid,
            reason=d.reason[:200],
        )
        for d in differences
    )


def material_reprocess(*, material: Material, actor: User) -> Material:
    """Run recognition again (after a failure, or with new OCR settings)."""
    check_file_staff(case=material.case, viewer=actor, action="重新识别材料")
    with transaction.atomic(), acting_as(actor):
        material.status, material.failure_reason, material.claimed_at = MaterialStatus.PENDING, "", None
        if material.text_source != "docx":
            material.text_source = ""
        material.save()
        pk = material.pk
        transaction.on_commit(lambda: _enqueue_processing(pk))
    return material


# --- arrangement and corrections ------------------------------------------------------------------------


def file_arrange(*, case: Case) -> None:
    """正卷 then 副卷 in catalogue order (the engine), then the clerk's manual order, pages numbered per volume."""
    materials = {
        str(m.pk): m for m in Material.objects.filter(case=case).exclude(status=MaterialStatus.FAILED)
    }
    placed = arrange(
        [
            FileDocument(id=k, category=m.category, pages=m.page_count, title=m.title)
            for k, m in materials.items()
        ]
    )
    by_volume: dict[str, list[tuple[tuple[int, int, int], Material]]] = {}
    for p in placed:
        material = materials[p.id]
        manual = material.manual_position
        key = (manual if manual is not None else p.position, 0 if manual is not None else 1, p.position)
        material.volume = p.volume
        by_volume.setdefault(p.volume, []).append((key, material))
    changed = []
    for items in by_volume.values():
        next_page = 1
        for position, (_, material) in enumerate(sorted(items, key=lambda item: item[0]), start=1):
            material.position, material.first_page = position, next_page
            material.last_page = next_page + max(material.page_count, 1) - 1
            next_page = material.last_page + 1
            changed.append(material)
    Material.objects.bulk_update(changed, ["volume", "position", "first_page", "last_page"])


def material_correct(
    *,
    material: Material,
    actor: User,
    reason: str,
    category: str | None = None,
    position: int | None = None,
) -> Material:
    """The clerk corrects a material's category and/or its order in its volume; each change is recorded with
    the value before and after, and the file is arranged again."""
    check_file_staff(case=material.case, viewer=actor, action="更正卷宗编目")
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInputError(CaseFileErrorCode.REASON_REQUIRED, "请填写更正理由", {"field": "reason"})
    codes = {c.code: c for c in catalogue().categories}
    if category is not None and category != "other" and category not in codes:
        raise InvalidInputError(CaseFileErrorCode.BAD_CATEGORY, "目录类别无效", {"field": "category"})
    if position is not None and not 1 <= position <= 9999:
        raise InvalidInputError(
            CaseFileErrorCode.BAD_POSITION, "卷内顺序号应为 1 至 9999", {"field": "position"}
        )
    now = timezone.now()
    with transaction.atomic(), acting_as(actor):
        material = Material.objects.select_for_update().get(pk=material.pk)
        if category is not None and category != material.category:
            name = codes[category].name if category in codes else "其他材料"
            CatalogueCorrection.objects.create(
                material=material,
                field="category",
                before=material.category_name,
                after=name,
                reason=reason[:_MAX_REASON],
                actor=actor,
                at=now,
            )
            material.category, material.category_name = category, name
            material.category_corrected, material.confidence = True, 1.0
        if position is not None and position != material.position:
            CatalogueCorrection.objects.create(
                material=material,
                field="position",
                before=str(material.position),
                after=str(position),
                reason=reason[:_MAX_REASON],
                actor=actor,
                at=now,
            )
            material.manual_position = position
        material.save()
        if material.status == MaterialStatus.READY:
            _extract(material)
        file_arrange(case=material.case)
    material.refresh_from_db()
    return material


# --- annotations ----------------------------------------------------------------------------------------


def annotation_create(*, page: Page, actor: User, text: str) -> Annotation:
    """A private note of a judge (or other staff of the case's court) on a page; only the author sees it."""
    check_file_staff(case=page.material.case, viewer=actor, action="批注卷宗")
    text = (text or "").strip()
    if not text:
        raise InvalidInputError(CaseFileErrorCode.ANNOTATION_EMPTY, "批注内容不能为空", {"field": "text"})
    if len(text) > 2000:
        raise InvalidInputError(CaseFileErrorCode.ANNOTATION_EMPTY, "批注不能超过 2000 字", {"field": "text"})
    with transaction.atomic(), acting_as(actor):
        return Annotation.objects.create(page=page, author=actor, text=text, created_at=timezone.now())


def annotation_delete(*, annotation_id: int, actor: User) -> None:
    with transaction.atomic(), acting_as(actor):
        deleted, _ = Annotation.objects.filter(pk=annotation_id, author_id=actor.pk).delete()
    if not deleted:
        raise InvalidInputError(CaseFileErrorCode.NOT_FOUND, "批注不存在", {"field": "annotation"})


# --- back-fill ------------------------------------------------------------------------------------------


def backfill_decide(*, field: BackfillField, actor: User, accept: bool) -> BackfillField:
    """The clerk accepts (the value is written into the case record through the cases service, with audit)
    or rejects one extracted value."""
    from smartcourt.apps.cases.services import case_record_backfill

    case = field.material.case
    check_file_staff(case=case, viewer=actor, action="确认回填信息")
    with transaction.atomic(), acting_as(actor):
        field = BackfillField.objects.select_for_update().select_related("material").get(pk=field.pk)
        if field.decision != Decision.PENDING:
            raise ConflictError(CaseFileErrorCode.DECIDED, "该字段已处理", {"field": "decision"})
        if accept:
            if field.field == "party":
                raise InvalidInputError(
                    CaseFileErrorCode.BAD_DECISION,
                    "材料中出现案件信息没有的当事人：追加当事人须按程序办理，此处只能不采纳",
                    {"field": "decision"},
                )
            if field.valid is False:
                raise InvalidInputError(
                    CaseFileErrorCode.BAD_DECISION, "该值未通过校验，不能回填", {"field": "decision"}
                )
            case_record_backfill(
                case=case,
                actor=actor,
                field=field.field,
                value=field.extracted_value,
                party_name=field.party_name or None,
                source=f"电子卷宗材料《{field.material}》",
            )
        field.decision = Decision.ACCEPTED if accept else Decision.REJECTED
        field.decided_by, field.decided_at = actor, timezone.now()
        field.save()
    return field


def backfill_fields_json(fields: Sequence[BackfillField]) -> list[dict[str, Any]]:
    return [
        {
            "id": f.pk,
            "material": f.material_id,
            "field": f.field,
            "party": f.party_name,
            "record_value": f.record_value,
            "extracted_value": f.extracted_value,
            "valid": f.valid,
            "reason": f.reason,
            "decision": f.decision,
        }
        for f in fields
    ]
