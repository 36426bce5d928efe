"""All writes of drafting: generate a draft, take an edited .docx, apply a one-click fix, store the final
version in the electronic case file. Each is one transaction with the actor recorded by django-auditlog;
a refused request changes nothing."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import transaction
from django.db.models import Max

from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.cases.models import Case
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotFoundError
from smartcourt.apps.drafting.context import build_context, clean_inputs, document_types_for
from smartcourt.apps.drafting.error_codes import DraftingErrorCode
from smartcourt.apps.drafting.models import Draft, DraftOrigin
from smartcourt.apps.drafting.selectors import draft_defects, drafting_case_get, is_drafting_staff
from smartcourt.engines import drafting as eng
from smartcourt.engines.defects import DocumentReadError, apply_fix_docx, read_docx

MAX_DOCX = 20 * 1024 * 1024


def _next_version(case: Case, document_type: str) -> int:
    top = Draft.objects.filter(case=case, document_type=document_type).aggregate(m=Max("version"))["m"]
    return (top or 0) + 1


def document_type_check(document_type: str) -> eng.DocumentType:
    try:
        return eng.DocumentType(document_type)
    except ValueError:
        raise InvalidInputError(
            DraftingErrorCode.UNKNOWN_TYPE,
            f"不支持的文书类型：{document_type}",
            {"field": "document_type", "allowed": sorted(eng.document_types())},
        ) from None


def _filename(case: Case, title: str, version: int) -> str:
    return f"{case.case_number}{title}（第{version}版）.docx"


def _save(**fields: Any) -> Draft:
    data: bytes = fields["docx"]
    draft = Draft(sha256=hashlib.sha256(data).hexdigest(), **fields)
    draft.save()
    return draft


def draft_generate(*, actor: Any, case_id: int, document_type: str, inputs: dict[str, Any]) -> Draft:
    """Draft ``document_type`` for the case from its record and the judge's inputs; a new version. Only the
    types of the case's instance (:func:`document_types_for`) are drafted."""
    case = drafting_case_get(viewer=actor, case_id=case_id)
    kind = document_type_check(document_type)
    applicable = document_types_for(case)
    if kind.value not in applicable:
        instance = "第二审" if kind.second_instance else "第一审、刑事或者执行"
        raise InvalidInputError(
            DraftingErrorCode.NOT_APPLICABLE,
            f"本案不适用{kind.label}：该文书只用于{instance}案件",
            {"field": "document_type", "allowed": sorted(applicable)},
        )
    cleaned = clean_inputs(inputs)
    try:
        drafted = eng.render(kind, build_context(case, cleaned))
    except eng.DraftingError as exc:
        raise InvalidInputError(
            str(getattr(exc, "code", DraftingErrorCode.BAD_INPUT)),
            str(getattr(exc, "message", exc)),
            {"field": str(getattr(exc, "field", "") or "inputs")},
        ) from exc
    with transaction.atomic(), acting_as(actor):
        version = _next_version(case, kind.value)
        return _save(
            case=case,
            document_type=kind.value,
            inputs=cleaned,
            version=version,
            origin=DraftOrigin.GENERATED,
            filename=_filename(case, eng.document_types()[kind.value], version),
            docx=drafted.docx,
            warnings=[{"field": w.field, "label": w.label, "message": w.message} for w in drafted.warnings],
            author=actor,
        )


def read_upload(data: bytes, filename: str) -> None:
    """Refuse anything that is not a readable .docx, with a Chinese reason."""
    name = filename or "上传文件"
    if len(data) > MAX_DOCX:
        raise InvalidInputError(DraftingErrorCode.BAD_FILE, f"{name}：文件超过 20 MB", {"field": "file"})
    try:
        read_docx(data)
    except DocumentReadError as exc:
        raise InvalidInputError(
            DraftingErrorCode.BAD_FILE, f"{name}：无法读取该文件，{exc.message}", {"field": "file"}
        ) from exc


def draft_upload(
    *,
    actor: Any,
    case_id: int,
    data: bytes,
    filename: str,
    document_type: str = "",
    based_on: int | None = None,
) -> Draft:
    """An edited or outside .docx as a new version (of ``document_type``, or "" for a document to check)."""
    case = drafting_case_get(viewer=actor, case_id=case_id)
    if document_type:
        document_type_check(document_type)
    read_upload(data, filename)
    parent = None
    if based_on is not None:
        parent = Draft.objects.filter(pk=based_on, case=case).first()
    with transaction.atomic(), acting_as(actor):
        version = _next_version(case, document_type)
        return _save(
            case=case,
            document_type=document_type,
            inputs=parent.inputs if parent else {},
            version=version,
            origin=DraftOrigin.UPLOADED,
            parent=parent,
            filename=(filename or "上传文书.docx").strip()[:200],
            docx=data,
            author=actor,
        )


def draft_fix(*, actor: Any, draft: Draft, index: int, text: str | None = None) -> Draft:
    """Apply the suggestion of defect ``index`` (as listed by :func:`draft_defects`) → a new version.
    ``text`` (the flagged text the user saw) guards against fixing a defect that is no longer there."""
    if not is_drafting_staff(case=draft.case, viewer=actor):
        raise NotFoundError(DraftingErrorCode.NOT_FOUND, "案件或文书不存在，或无权制作本案文书")
    defects = draft_defects(draft=draft)
    if not 0 <= index < len(defects) or (text is not None and defects[index].text != text):
        raise ConflictError(DraftingErrorCode.NO_FIX, "该瑕疵已不存在，请重新检查文书", {"field": "defect"})
    defect = defects[index]
    if defect.suggestion is None:
        raise InvalidInputError(
            DraftingErrorCode.NO_FIX, "该瑕疵需要人工判断，无法一键修正", {"field": "defect"}
        )
    try:
        fixed = apply_fix_docx(bytes(draft.docx), defect)
    except (ValueError, DocumentReadError) as exc:
        raise ConflictError(
            DraftingErrorCode.NO_FIX, str(getattr(exc, "message", exc)), {"field": "defect"}
        ) from exc
    with transaction.atomic(), acting_as(actor):
        version = _next_version(draft.case, draft.document_type)
        name = draft.filename.rsplit("（第", 1)[0].removesuffix(".docx")
        return _save(
            case=draft.case,
            document_type=draft.document_type,
            inputs=draft.inputs,
            version=version,
            origin=DraftOrigin.FIXED,
            parent=draft,
            filename=f"{name}（第{version}版）.docx",
            docx=fixed,
            warnings=draft.warnings,
            author=actor,
        )


def draft_store(*, actor: Any, draft: Draft) -> Draft:
    """存入电子卷宗: the draft as the final version, a GENERATED material of the case file."""
    from smartcourt.apps.casefile.services import material_ingest

    if not is_drafting_staff(case=draft.case, viewer=actor):
        raise NotFoundError(DraftingErrorCode.NOT_FOUND, "案件或文书不存在，或无权制作本案文书")
    if draft.material_id is not None:
        raise ConflictError(DraftingErrorCode.STORED, "该版本已存入电子卷宗", {"field": "draft"})
    title = eng.document_types().get(draft.document_type, "") if draft.document_type else ""
    with transaction.atomic(), acting_as(actor):
        material = material_ingest(
            case=draft.case,
            data=bytes(draft.docx),
            filename=draft.filename,
            source="GENERATED",
            actor=actor,
            title=title or draft.filename.removesuffix(".docx"),
        )
        draft.material = material
        draft.save(update_fields=["material"])
    return draft
