"""Drafts of 网上立案: saved step by step as entered, problems named per field, uploads, submission.

A draft keeps whatever the filer entered; each step answers with the problems it still has (field →
Chinese message) so nothing typed is lost. Submission re-checks everything and refuses an incomplete
filing with every problem named, the draft untouched. The checks (jurisdiction, duplicates, risk signals)
become :class:`FilingFlag` rows for the filing officer; they never block the filer.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.cases import rules as case_rules
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from smartcourt.apps.courts.models import Court
from smartcourt.apps.filing import checks, rules, states
from smartcourt.apps.filing.error_codes import FilingErrorCode as E
from smartcourt.apps.filing.models import (
    Filing,
    FilingEvent,
    FilingFlag,
    FilingKind,
    FilingParty,
    FilingStatus,
    FilingUpload,
    UploadCategory,
)
from smartcourt.engines import uploads

STEPS = ("case", "parties", "claims", "evidence", "uploads")
STEP_LABELS = {
    "case": "案件信息",
    "parties": "当事人",
    "claims": "诉讼请求与事实理由",
    "evidence": "证据清单",
    "uploads": "上传材料",
}
EDITABLE = frozenset({FilingStatus.DRAFT, FilingStatus.CORRECTION_REQUESTED, FilingStatus.RETURNED})
MAX_PARTIES = 50
MAX_CLAIMS = 30
MAX_EVIDENCE = 100
MAX_UPLOADS = 30
FILER_ROLES = frozenset({Role.LITIGANT, Role.LAWYER})
PARTY_KINDS = {"NATURAL_PERSON": "自然人", "LEGAL_PERSON": "法人", "UNINCORPORATED_ORG": "非法人组织"}
ID_TYPES = {
    "RESIDENT_ID": "居民身份证",
    "CREDIT_CODE": "统一社会信用代码",
    "PASSPORT": "护照",
    "HK_MACAO_PERMIT": "港澳居民来往内地通行证",
    "TAIWAN_PERMIT": "台湾居民来往大陆通行证",
    "HMT_RESIDENCE_PERMIT": "港澳台居民居住证",
    "FOREIGN_PERMANENT_RESIDENT": "外国人永久居留身份证",
}
Problems = dict[str, str]


def _text(value: Any, limit: int) -> str:
    return str(value or "").strip()[:limit]


def _check_owner(filing: Filing, actor: User, *, edit: bool = True) -> None:
    if filing.filer_id != actor.pk:
        raise NotPermittedError(E.NOT_PERMITTED, "只能修改本人提交的网上立案")
    if edit and filing.status not in EDITABLE:
        raise ConflictError(
            E.NOT_EDITABLE,
            f"该立案申请当前状态为「{filing.get_status_display()}」，不能修改",
            {"status": filing.status},
        )


def record_event(filing: Filing, *, actor: User, action: str, note: str = "", **data: Any) -> FilingEvent:
    today = timezone.localdate()
    deadline = filing.review_deadline
    on_time = (
        None
        if deadline is None or action in ("SUBMIT", "CORRECT", "SUBMIT_CROSS_REGION", "FORWARD")
        else today <= deadline
    )
    return FilingEvent.objects.create(
        filing=filing,
        action=action,
        actor=actor,
        occurred_at=timezone.now(),
        deadline=deadline,
        on_time=on_time,
        note=note[:500],
        data=data,
    )


# --- drafts ----------------------------------------------------------------------------------------


def filing_create(*, filer: User, kind: str) -> Filing:
    """Start a draft of ``kind`` for a litigant or lawyer."""
    if filer.role not in FILER_ROLES:
        raise NotPermittedError(E.NOT_PERMITTED, "只有当事人或律师可以网上立案")
    if kind not in FilingKind.values:
        raise InvalidInputError(E.BAD_STEP, "请选择立案类型", {"field": "kind"})
    with transaction.atomic(), acting_as(filer):
        return Filing.objects.create(filer=filer, kind=kind)


def filing_save_step(*, filing: Filing, actor: User, step: str, data: Mapping[str, Any]) -> Problems:
    """Save one step of a draft as entered and answer its remaining problems (field → message)."""
    _check_owner(filing, actor)
    if step not in ("case", "parties", "claims", "evidence"):
        raise InvalidInputError(E.BAD_STEP, f"未知的步骤「{step}」", {"field": "step"})
    with transaction.atomic(), acting_as(actor):
        locked = Filing.objects.select_for_update().get(pk=filing.pk)
        _check_owner(locked, actor)
        {"case": _save_case, "parties": _save_parties, "claims": _save_claims, "evidence": _save_evidence}[
            step
        ](locked, data)
        if step not in locked.steps_done:
            locked.steps_done = [*locked.steps_done, step]
        locked.save()
    filing.refresh_from_db()
    return step_problems(filing, step)


def _save_case(filing: Filing, data: Mapping[str, Any]) -> None:
    kind = data.get("kind") or filing.kind
    if kind in FilingKind.values and kind != filing.kind:
        filing.kind = kind
        allowed = {r for r, _, _ in rules.ROLES[FilingKind(kind)]}
        filing.parties.exclude(role__in=allowed).delete()
    court_id = str(data.get("court_id") or "").strip()
    filing.court = Court.objects.filter(pk=int(court_id)).first() if court_id.isdigit() else None
    receiving_id = str(data.get("receiving_court_id") or "").strip()
    if filing.forwarded_at is None:  # once forwarded, the receiving court is history
        receiving = Court.objects.filter(pk=int(receiving_id)).first() if receiving_id.isdigit() else None
        filing.receiving_court = receiving if receiving is not None and receiving != filing.court else None
    origin_id = str(data.get("origin_court_id") or "").strip()
    filing.origin_court = Court.objects.filter(pk=int(origin_id)).first() if origin_id.isdigit() else None
    filing.cause_of_action = _text(data.get("cause_of_action"), 100)
    filing.connecting_point = _text(data.get("connecting_point"), 24) or "general"
    filing.connecting_place = _text(data.get("connecting_place"), 6)
    filing.origin_case_number = _text(data.get("origin_case_number"), 64)


def _save_parties(filing: Filing, data: Mapping[str, Any]) -> None:
    rows = list(data.get("parties") or [])
    if len(rows) > MAX_PARTIES:
        raise InvalidInputError(E.TOO_MANY, f"当事人不能超过{MAX_PARTIES}个", {"field": "parties"})
    filing.parties.all().delete()
    for position, row in enumerate(rows, start=1):
        FilingParty.objects.create(
            filing=filing,
            position=position,
            role=_text(row.get("role"), 24),
            kind=_text(row.get("kind"), 24) or "NATURAL_PERSON",
            name=_text(row.get("name"), 100),
            id_type=_text(row.get("id_type"), 32),
            id_number=_text(row.get("id_number"), 32).upper(),
            address=_text(row.get("address"), 200),
            division_code=_text(row.get("division_code"), 6),
            phone=_text(row.get("phone"), 20),
            legal_representative=_text(row.get("legal_representative"), 50),
        )


def _save_claims(filing: Filing, data: Mapping[str, Any]) -> None:
    rows = list(data.get("claims") or [])
    if len(rows) > MAX_CLAIMS:
        raise InvalidInputError(E.TOO_MANY, f"诉讼请求不能超过{MAX_CLAIMS}项", {"field": "claims"})
    claims = [
        {"text": _text(r.get("text"), 1000), "amount": _text(r.get("amount"), 20)}
        for r in rows
        if _text(r.get("text"), 1000) or _text(r.get("amount"), 20)
    ]
    filing.claims = claims
    total = Decimal(0)
    any_amount = False
    for claim in claims:
        amount = _amount(claim["amount"])
        if amount is not None:
            total += amount
            any_amount = True
    filing.claim_amount = total.quantize(Decimal("0.01")) if any_amount and total < Decimal("1e14") else None
    filing.facts_and_reasons = str(data.get("facts_and_reasons") or "").strip()[:20000]
    knew_on = data.get("knew_on")
    if isinstance(knew_on, date):
        filing.knew_on = knew_on
    else:
        try:
            filing.knew_on = date.fromisoformat(str(knew_on)) if knew_on else None
        except ValueError:
            filing.knew_on = None


def _save_evidence(filing: Filing, data: Mapping[str, Any]) -> None:
    rows = list(data.get("evidence") or [])
    if len(rows) > MAX_EVIDENCE:
        raise InvalidInputError(E.TOO_MANY, f"证据不能超过{MAX_EVIDENCE}项", {"field": "evidence"})
    filing.evidence = [
        {
            "name": _text(r.get("name"), 200),
            "source": _text(r.get("source"), 200),
            "purpose": _text(r.get("purpose"), 500),
        }
        for r in rows
        if any(_text(r.get(k), 10) for k in ("name", "source", "purpose"))
    ]


def _amount(value: str) -> Decimal | None:
    if not value:
        return None
    try:
        amount = Decimal(value.replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount >= 0 else None


# --- what is still missing -------------------------------------------------------------------------


def step_problems(filing: Filing, step: str) -> Problems:
    return {
        "case": _case_problems,
        "parties": _party_problems,
        "claims": _claim_problems,
        "evidence": _evidence_problems,
        "uploads": _upload_problems,
    }[step](filing)


def filing_problems(filing: Filing) -> Problems:
    """Every problem left before the filing can be submitted, field → Chinese message."""
    problems: Problems = {}
    for step in STEPS:
        problems.update(step_problems(filing, step))
    return problems


def _case_problems(filing: Filing) -> Problems:
    p: Problems = {}
    if filing.court is None:
        p["court_id"] = "请选择受理法院"
    kind = FilingKind(filing.kind)
    if kind in rules.NEEDS_CIVIL_CAUSE:
        if not filing.cause_of_action:
            p["cause_of_action"] = "请填写案由"
        else:
            try:
                case_rules.cause_name(filing.cause_of_action)
            except ValueError as exc:
                p["cause_of_action"] = str(getattr(exc, "message", exc))
    if filing.connecting_place and checks._valid_division(filing.connecting_place) is None:
        p["connecting_place"] = "连接点所在地须为6位行政区划代码"
    if kind in rules.NEEDS_ORIGIN and not filing.origin_case_number:
        label = "执行依据（生效法律文书案号）" if kind == FilingKind.ENFORCEMENT else "原审案号"
        p["origin_case_number"] = f"请填写{label}"
    if kind == FilingKind.RETRIAL and filing.origin_court is None:
        p["origin_court_id"] = "请选择原审法院"
    return p


def _party_problems(filing: Filing) -> Problems:
    p: Problems = {}
    kind = FilingKind(filing.kind)
    roles = {role: (label, side) for role, label, side in rules.ROLES[kind]}
    parties = list(filing.parties.all())
    today = timezone.localdate()
    for side, label in (("filer", roles_label(kind, "filer")), ("other", roles_label(kind, "other"))):
        if not any(roles.get(x.role, ("", ""))[1] == side for x in parties):
            p[f"parties.{side}"] = f"至少须有一个{label}"
    for i, party in enumerate(parties):
        prefix = f"parties[{i}]"
        n = f"第{i + 1}个当事人"
        if party.role not in roles:
            p[f"{prefix}.role"] = f"{n}的诉讼地位无效"
            continue
        if party.kind not in PARTY_KINDS:
            p[f"{prefix}.kind"] = f"{n}的类型无效"
        if not party.name:
            p[f"{prefix}.name"] = f"{n}的姓名或名称不能为空"
        if not party.address:
            p[f"{prefix}.address"] = f"{n}的住所地不能为空（用于送达和确定管辖）"
        filer_side = roles[party.role][1] == "filer"
        if party.id_number:
            id_type = party.id_type or ("RESIDENT_ID" if party.kind == "NATURAL_PERSON" else "CREDIT_CODE")
            if id_type not in ID_TYPES:
                p[f"{prefix}.id_type"] = f"{n}的证件类型无效"
            elif party.kind != "NATURAL_PERSON" and id_type != "CREDIT_CODE":
                p[f"{prefix}.id_type"] = f"{n}为组织，应提供统一社会信用代码"
            else:
                try:
                    case_rules.check_identity(id_type, party.id_number, today=today)
                except ValueError as exc:
                    p[f"{prefix}.id_number"] = f"{n}：{getattr(exc, 'message', exc)}"
        elif filer_side:
            what = "身份证件号码" if party.kind == "NATURAL_PERSON" else "统一社会信用代码"
            # 法释〔2015〕8号 第六条：起诉人应提交身份证明（自然人身份证明、法人营业执照等）
            p[f"{prefix}.id_number"] = f"{n}（{roles[party.role][0]}）须填写{what}"
        if party.phone:
            try:
                case_rules.check_phone(party.phone)
            except ValueError as exc:
                p[f"{prefix}.phone"] = f"{n}：{getattr(exc, 'message', exc)}"
        elif filer_side:
            p[f"{prefix}.phone"] = f"{n}（{roles[party.role][0]}）须填写联系电话"
        if party.division_code and checks._valid_division(party.division_code) is None:
            p[f"{prefix}.division_code"] = f"{n}的住所地行政区划代码无效"
    return p


def roles_label(kind: FilingKind, side: str) -> str:
    return "或".join(label for _, label, s in rules.ROLES[kind] if s == side)


def _claim_problems(filing: Filing) -> Problems:
    p: Problems = {}
    if not filing.claims:
        p["claims"] = "至少须有一项诉讼请求（申请事项）"
    for i, claim in enumerate(filing.claims):
        if not claim.get("text"):
            p[f"claims[{i}].text"] = f"第{i + 1}项请求的内容不能为空"
        raw = claim.get("amount") or ""
        if raw and _amount(raw) is None:
            p[f"claims[{i}].amount"] = f"第{i + 1}项请求的金额须为不小于0的数字（单位：元）"
    if filing.claim_amount is not None and filing.claim_amount >= Decimal("1e14"):
        p["claims"] = "请求金额合计过大"
    if FilingKind(filing.kind) in rules.NEEDS_AMOUNT and not filing.claim_amount:
        p["claim_amount"] = "请填写申请金额（执行标的额或保全金额）"
    if not filing.facts_and_reasons:
        p["facts_and_reasons"] = "请填写事实与理由"
    if filing.knew_on and filing.knew_on > timezone.localdate():
        p["knew_on"] = "知道权利受损之日不能晚于今天"
    return p


def _evidence_problems(filing: Filing) -> Problems:
    return {
        f"evidence[{i}].name": f"第{i + 1}项证据的名称不能为空"
        for i, row in enumerate(filing.evidence)
        if not row.get("name")
    }


def _upload_problems(filing: Filing) -> Problems:
    if not filing.uploads.filter(category=UploadCategory.PLEADING).exists():
        return {"uploads": "请上传起诉状或申请书（PDF、JPG、PNG 或 DOCX）"}
    return {}


# --- uploads ---------------------------------------------------------------------------------------


def filing_upload_add(
    *,
    filing: Filing,
    actor: User,
    category: str,
    filename: str,
    data: bytes,
    scanner: uploads.VirusScanner | None = None,
    policy: uploads.UploadPolicy | None = None,
) -> FilingUpload:
    """Inspect the file's content (type, size, structure, virus-scan hook), store it, then reference it.

    A rejected file raises :class:`InvalidInputError` with the engine's reason and stores nothing. The file
    is written under its SHA-256 before the row; if the row cannot be written the new file is removed.
    """
    _check_owner(filing, actor)
    if category not in UploadCategory.values:
        raise InvalidInputError(E.UPLOAD_REJECTED, "请选择材料类别", {"field": "category"})
    if filing.uploads.count() >= MAX_UPLOADS:
        raise InvalidInputError(E.TOO_MANY, f"每件立案申请最多上传{MAX_UPLOADS}个文件", {"field": "file"})
    filename = (filename or "").strip().replace("\\", "/").rsplit("/", 1)[-1][:200]
    try:
        inspected = checks.inspect(data, filename=filename, scanner=scanner, policy=policy)
    except uploads.UploadError as exc:
        raise InvalidInputError(
            E.UPLOAD_REJECTED,
            f"文件「{filename}」未通过检查：{exc.message}",
            {**checks._json_safe(getattr(exc, "detail", {})), "field": "file", "upload_error": exc.code},
        ) from None
    name = f"filing/{inspected.sha256[:2]}/{inspected.sha256}.{inspected.extension}"
    created = False
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(data))
        created = True
    try:
        with transaction.atomic(), acting_as(actor):
            locked = Filing.objects.select_for_update().get(pk=filing.pk)
            _check_owner(locked, actor)
            upload = FilingUpload(
                filing=locked,
                category=category,
                original_name=filename or name,
                media_type=inspected.media_type,
                size=inspected.size,
                sha256=inspected.sha256,
                inspection={
                    "kind": inspected.kind.value,
                    "page_count": inspected.page_count,
                    "width": inspected.width,
                    "height": inspected.height,
                },
                uploaded_by=actor,
            )
            upload.file.name = name
            upload.save()
            if "uploads" not in locked.steps_done:
                locked.steps_done = [*locked.steps_done, "uploads"]
                locked.save(update_fields=["steps_done", "updated_at"])
    except BaseException:
        if created and not FilingUpload.objects.filter(file=name).exists():
            default_storage.delete(name)
        raise
    return upload


def filing_upload_remove(*, upload: FilingUpload, actor: User) -> None:
    _check_owner(upload.filing, actor)
    name = upload.file.name
    with transaction.atomic(), acting_as(actor):
        upload.delete()

        def cleanup() -> None:
            if not FilingUpload.objects.filter(file=name).exists():
                default_storage.delete(name)

        transaction.on_commit(cleanup)


# --- submission ------------------------------------------------------------------------------------


def _is_verified(user: User) -> bool:
    profile = getattr(user, "real_name", None)
    return profile is not None and profile.is_verified


def filing_submit(*, filing: Filing, actor: User) -> Filing:
    """Submit a complete draft (or a correction): run the checks, store their flags, start the clock.

    An incomplete filing raises :class:`InvalidInputError` with ``detail.errors`` (field → message) and
    changes nothing. Flags never block: they are explained to the filing officer.
    """
    _check_owner(filing, actor)
    user = User.objects.select_related("real_name").get(pk=actor.pk)
    if not _is_verified(user):
        raise NotPermittedError(E.NOT_VERIFIED, "请先完成实名认证后再提交立案申请", {"field": "real_name"})
    problems = filing_problems(filing)
    if problems:
        first = next(iter(problems))
        raise InvalidInputError(
            E.INCOMPLETE,
            f"立案材料尚不完整，共{len(problems)}处需要补充或修改：" + "；".join(list(problems.values())[:5]),
            {"field": first, "errors": problems},
        )
    today = timezone.localdate()
    with transaction.atomic(), acting_as(actor):
        locked = (
            Filing.objects.select_for_update(of=("self",))
            .select_related("court", "origin_court")
            .get(pk=filing.pk)
        )
        _check_owner(locked, actor)
        correcting = locked.status == FilingStatus.CORRECTION_REQUESTED
        # 跨域立案: handed in at a receiving court other than the competent one, not yet forwarded
        cross_region = (
            not correcting
            and locked.receiving_court_id is not None
            and locked.receiving_court_id != locked.court_id
            and locked.forwarded_at is None
        )
        action = "CORRECT" if correcting else "SUBMIT_CROSS_REGION" if cross_region else "SUBMIT"
        states.advance(locked, action)
        now = timezone.now()
        if not locked.reference:
            locked.reference = f"WSLA{today:%Y}{locked.pk:07d}"
        if correcting:
            locked.corrected_on = today
        elif cross_region:
            # the competent court's clock starts only when the materials arrive there (filing_forward)
            locked.sent_to_receiving_at = now
            locked.return_reasons = []
            locked.submitted_at = None
            locked.received_on = None
        else:
            locked.submitted_at = now
            locked.received_on = today
        review = checks.clock(locked, today=today)
        locked.review_deadline = review.deadline if review else None
        locked.save()
        findings = checks.jurisdiction_findings(locked, today=today) + checks.duplicate_and_risk_findings(
            locked, today=today
        )
        locked.flags.all().delete()
        FilingFlag.objects.bulk_create(
            [
                FilingFlag(
                    filing=locked,
                    kind=f.kind,
                    code=f.code[:40],
                    severity=f.severity,
                    message=f.message[:2000],
                    basis=f.basis[:500],
                    detail=f.detail,
                )
                for f in findings
            ]
        )
        record_event(
            locked,
            actor=actor,
            action=action,
            flags=[f.code for f in findings],
            deadline=locked.review_deadline.isoformat() if locked.review_deadline else None,
        )
    return locked


def filing_delete_draft(*, filing: Filing, actor: User) -> None:
    """Discard a draft that was never submitted."""
    _check_owner(filing, actor)
    if filing.status != FilingStatus.DRAFT:
        raise ConflictError(E.NOT_EDITABLE, "已提交的立案申请不能删除", {"status": filing.status})
    with transaction.atomic(), acting_as(actor):
        names = list(filing.uploads.values_list("file", flat=True))
        filing.delete()

        def cleanup() -> None:
            for name in names:
                if not FilingUpload.objects.filter(file=name).exists():
                    default_storage.delete(name)

        transaction.on_commit(cleanup)
