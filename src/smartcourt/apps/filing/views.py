"""Pages of 网上立案: the filer's guided steps (htmx-boosted, phone-first), status pages, the review queue.

Views shape input and output only; selectors scope, services decide. A step is saved as entered and the
page shows what is still missing next to each field, so nothing typed is lost.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from smartcourt.apps.accounts.models import Role
from smartcourt.apps.core.errors import DomainError, InvalidInputError, NotFoundError
from smartcourt.apps.core.responses import error_page
from smartcourt.apps.courts.models import Court
from smartcourt.apps.filing import rules, selectors, services, states
from smartcourt.apps.filing.models import FilingKind, FilingStatus, UploadCategory
from smartcourt.engines import catalogs, fees
from smartcourt.engines.procedure import Procedure

WIZARD = (*services.STEPS, "submit")
CONNECTING_POINTS = [
    ("general", "一般地域管辖（被告住所地）"),
    ("contract", "合同纠纷（合同履行地）"),
    ("tort", "侵权纠纷（侵权行为地）"),
    ("traffic_accident", "交通事故（事故发生地）"),
    ("real_estate", "不动产纠纷（不动产所在地）"),
    ("inheritance", "继承纠纷（主要遗产所在地）"),
    ("insurance", "保险合同纠纷（保险标的物所在地）"),
    ("company", "公司诉讼（公司住所地）"),
    ("bill", "票据纠纷（票据支付地）"),
    ("transport_contract", "运输合同（始发地、目的地）"),
]


def _is_filer(user: Any) -> bool:
    return user.role in (Role.LITIGANT, Role.LAWYER)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """网上立案: my filings and their status; start a new one."""
    if not _is_filer(request.user):
        if request.user.role == Role.FILING_OFFICER:
            return redirect("filing:review_queue")
        return render(request, "core/error.html", {"message": "网上立案仅面向当事人和律师"}, status=403)
    if request.method == "POST":
        try:
            filing = services.filing_create(filer=request.user, kind=request.POST.get("kind", ""))
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("filing:index")
        return redirect("filing:step", filing_id=filing.pk, step="case")
    profile = getattr(request.user, "real_name", None)
    return render(
        request,
        "filing/index.html",
        {
            "filings": selectors.filing_list_for_filer(viewer=request.user)[:100],
            "kinds": FilingKind.choices,
            "profile": profile,
        },
    )


def _parse_rows(post: Any, prefix: str, fields: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        count = min(int(post.get(f"{prefix}-count", "0")), 100)
    except ValueError:
        count = 0
    rows = []
    for i in range(count):
        if post.get(f"{prefix}-{i}-DELETE"):
            continue
        rows.append({f: post.get(f"{prefix}-{i}-{f}", "") for f in fields})
    return rows


_PARTY_FIELDS = (
    "role",
    "kind",
    "name",
    "id_type",
    "id_number",
    "address",
    "division_code",
    "phone",
    "legal_representative",
)


def _step_data(step: str, post: Any) -> dict[str, Any]:
    if step == "case":
        return {
            k: post.get(k, "")
            for k in (
                "kind",
                "court_id",
                "cause_of_action",
                "connecting_point",
                "connecting_place",
                "origin_court_id",
                "origin_case_number",
                "receiving_court_id",
            )
        }
    if step == "parties":
        return {"parties": _parse_rows(post, "party", _PARTY_FIELDS)}
    if step == "claims":
        return {
            "claims": _parse_rows(post, "claim", ("text", "amount")),
            "facts_and_reasons": post.get("facts_and_reasons", ""),
            "knew_on": post.get("knew_on", ""),
        }
    return {"evidence": _parse_rows(post, "evidence", ("name", "source", "purpose"))}


@login_required
def step(request: HttpRequest, filing_id: int, step: str) -> HttpResponse:
    """One step of the guided form; POST saves the draft as entered, then moves on when the step is complete."""
    try:
        filing = selectors.filing_get(viewer=request.user, filing_id=filing_id)
    except NotFoundError as exc:
        return error_page(request, exc)
    if step not in WIZARD:
        return redirect("filing:step", filing_id=filing.pk, step="case")
    if filing.filer_id != request.user.pk or filing.status not in services.EDITABLE:
        return redirect("filing:detail", filing_id=filing.pk)
    problems: dict[str, str] = {}
    shown = False
    extra_rows = 0
    if request.method == "POST" and step in services.STEPS and step != "uploads":
        try:
            problems = services.filing_save_step(
                filing=filing, actor=request.user, step=step, data=_step_data(step, request.POST)
            )
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            filing.refresh_from_db()
            action = request.POST.get("action", "next")
            if action == "add_row":
                extra_rows = 1
            elif problems:
                messages.warning(
                    request, f"草稿已保存。本步骤还有{len(problems)}处需要补充或修改，见标红提示。"
                )
                shown = True
            elif action == "next":
                return redirect("filing:step", filing_id=filing.pk, step=WIZARD[WIZARD.index(step) + 1])
            else:
                messages.success(request, "草稿已保存")
    elif request.method == "GET" and step in services.STEPS and step in filing.steps_done:
        problems = services.step_problems(filing, step)
        shown = bool(problems)
    all_problems = services.filing_problems(filing) if step == "submit" else {}
    kind = FilingKind(filing.kind)
    parties = [{f: getattr(p, f) for f in _PARTY_FIELDS} for p in filing.parties.all()]
    if step == "parties" and not parties:
        parties = [_blank_party(rules.ROLES[kind][0][0]), _blank_party(rules.ROLES[kind][1][0])]
    elif step == "parties" and extra_rows:
        parties.append(_blank_party(rules.ROLES[kind][1][0]))
    claims = [dict(c) for c in filing.claims] or [{"text": "", "amount": ""}]
    evidence = [dict(e) for e in filing.evidence] or [{"name": "", "source": "", "purpose": ""}]
    if extra_rows and step == "claims":
        claims.append({"text": "", "amount": ""})
    if extra_rows and step == "evidence":
        evidence.append({"name": "", "source": "", "purpose": ""})
    visible = problems if shown or step == "submit" else {}
    for prefix, rows in (("parties", parties), ("claims", claims), ("evidence", evidence)):
        for i, row in enumerate(rows):
            head = f"{prefix}[{i}]."
            row["errors"] = {k[len(head) :]: v for k, v in visible.items() if k.startswith(head)}
    context = {
        "filing": filing,
        "step": step,
        "steps": [(s, services.STEP_LABELS.get(s, "核对并提交"), s in filing.steps_done) for s in WIZARD],
        "step_index": WIZARD.index(step) + 1,
        "step_label": services.STEP_LABELS.get(step, "核对并提交"),
        "previous": WIZARD[WIZARD.index(step) - 1] if WIZARD.index(step) else "",
        "problems": {k.replace(".", "_"): v for k, v in visible.items()},
        "all_problems": all_problems,
        "kinds": FilingKind.choices,
        "courts": Court.objects.order_by("level", "code").only("id", "name", "code"),
        "connecting_points": CONNECTING_POINTS,
        "roles": [(r, label) for r, label, _ in rules.ROLES[kind]],
        "party_kinds": list(services.PARTY_KINDS.items()),
        "id_types": list(services.ID_TYPES.items()),
        "parties": parties,
        "claims": claims,
        "evidence": evidence,
        "upload_categories": UploadCategory.choices,
        "uploads": filing.uploads.all(),
        "causes": [c.name for c in catalogs.causes() if c.level >= 3] if step == "case" else [],
        "needs_cause": kind in rules.NEEDS_CIVIL_CAUSE,
        "needs_origin": kind in rules.NEEDS_ORIGIN,
    }
    return render(request, "filing/step.html", context)


def _blank_party(role: str) -> dict[str, Any]:
    return {f: "" for f in _PARTY_FIELDS} | {"role": role, "kind": "NATURAL_PERSON", "id_type": "RESIDENT_ID"}


@login_required
@require_POST
def upload_add(request: HttpRequest, filing_id: int) -> HttpResponse:
    try:
        filing = selectors.filing_get(viewer=request.user, filing_id=filing_id)
        file = request.FILES.get("file")
        if file is None:
            raise InvalidInputError("filing.upload_rejected", "请选择要上传的文件", {"field": "file"})
        if file.size and file.size > 60 * 1024 * 1024:
            raise InvalidInputError("filing.upload_rejected", "文件过大（超过60MB）", {"field": "file"})
        upload = services.filing_upload_add(
            filing=filing,
            actor=request.user,
            category=request.POST.get("category", ""),
            filename=file.name or "",
            data=file.read(),
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已上传「{upload.original_name}」（已通过格式与安全检查）")
    return redirect("filing:step", filing_id=filing_id, step="uploads")


@login_required
@require_POST
def upload_remove(request: HttpRequest, filing_id: int, upload_id: int) -> HttpResponse:
    try:
        upload = selectors.upload_get(viewer=request.user, filing_id=filing_id, upload_id=upload_id)
        services.filing_upload_remove(upload=upload, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已删除")
    return redirect("filing:step", filing_id=filing_id, step="uploads")


@login_required
def upload_download(request: HttpRequest, filing_id: int, upload_id: int) -> HttpResponse:
    try:
        upload = selectors.upload_get(viewer=request.user, filing_id=filing_id, upload_id=upload_id)
    except NotFoundError as exc:
        return error_page(request, exc)
    return FileResponse(
        default_storage.open(upload.file.name, "rb"),
        as_attachment=True,
        filename=upload.original_name,
        content_type=upload.media_type,
    )


@login_required
@require_POST
def submit(request: HttpRequest, filing_id: int) -> HttpResponse:
    try:
        filing = selectors.filing_get(viewer=request.user, filing_id=filing_id)
        filing = services.filing_submit(filing=filing, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("filing:step", filing_id=filing_id, step="submit")
    messages.success(request, f"已提交，网上立案编号：{filing.reference}。法院将在七日内决定是否立案。")
    return redirect("filing:detail", filing_id=filing.pk)


@login_required
def detail(request: HttpRequest, filing_id: int) -> HttpResponse:
    """The filing's status for its filer, and the review page for the filing officer."""
    try:
        filing = selectors.filing_get(viewer=request.user, filing_id=filing_id)
    except NotFoundError as exc:
        return error_page(request, exc)
    user = request.user
    can_review = (
        user.role == Role.FILING_OFFICER
        and user.court_id == filing.court_id
        and filing.status == FilingStatus.SUBMITTED
    )
    filer_names = "、".join(
        p.name
        for p in filing.parties.all()
        if p.role in {r for r, _, s in rules.ROLES[FilingKind(filing.kind)] if s == "filer"}
    )
    return render(
        request,
        "filing/detail.html",
        {
            "filing": filing,
            "parties": filing.parties.all(),
            "uploads": filing.uploads.all(),
            "events": filing.events.select_related("actor"),
            "flags": filing.flags.all() if user.is_court_staff else [],
            "clock": selectors.filing_clock(filing=filing),
            "can_review": can_review,
            "can_forward": user.role == Role.FILING_OFFICER
            and filing.receiving_court_id is not None
            and user.court_id == filing.receiving_court_id
            and states.allowed(filing, "FORWARD"),
            "receiving_checks": list(services.RECEIVING_CHECKS.items()),
            "can_correct": can_review and filing.correction_requested_on is None,
            "can_edit": filing.filer_id == user.pk and filing.status in services.EDITABLE,
            "procedures": [(p.value, p.label) for p in Procedure],
            "fee_kinds": sorted(fees.fee_kinds().items()),
            "ruling_template": rules.ruling_template(
                court_name=filing.court.name if filing.court else "",
                filer_names=filer_names,
                kind=filing.kind,
            )
            if can_review
            else "",
            "correction_days": rules.CORRECTION_DAYS,
        },
    )


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """立案审查: the court's submitted filings, each with its 7-day clock."""
    if request.user.role != Role.FILING_OFFICER:
        return render(request, "core/error.html", {"message": "只有立案法官可以进行立案审查"}, status=403)
    return render(
        request,
        "filing/review_queue.html",
        {"filings": selectors.review_queue(viewer=request.user, status=request.GET.get("status", ""))},
    )


def _decide(request: HttpRequest, filing_id: int, run: Any, success: str) -> HttpResponse:
    try:
        filing = selectors.filing_get(viewer=request.user, filing_id=filing_id)
        result = run(filing)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success.format(filing=result))
    return redirect("filing:detail", filing_id=filing_id)


@login_required
@require_POST
def request_correction(request: HttpRequest, filing_id: int) -> HttpResponse:
    items = [line for line in request.POST.get("items", "").splitlines() if line.strip()]
    try:
        due_days = int(request.POST.get("due_days") or rules.CORRECTION_DAYS)
    except ValueError:
        due_days = 0
    return _decide(
        request,
        filing_id,
        lambda f: services.filing_request_correction(
            filing=f, officer=request.user, items=items, note=request.POST.get("note", ""), due_days=due_days
        ),
        "已一次性告知补正，审查期限自收到补正材料之日起重新计算",
    )


@login_required
@require_POST
def accept(request: HttpRequest, filing_id: int) -> HttpResponse:
    return _decide(
        request,
        filing_id,
        lambda f: services.filing_accept(
            filing=f,
            officer=request.user,
            procedure=request.POST.get("procedure", "ORDINARY"),
            fee_kind=request.POST.get("fee_kind", ""),
            per_case=request.POST.get("per_case", ""),
        ),
        "已登记立案，案号：{filing.case.case_number}",
    )


@login_required
@require_POST
def refuse(request: HttpRequest, filing_id: int) -> HttpResponse:
    return _decide(
        request,
        filing_id,
        lambda f: services.filing_refuse(
            filing=f, officer=request.user, ruling=request.POST.get("ruling", "")
        ),
        "已裁定不予受理，裁定书已保存",
    )


@login_required
def receiving_queue(request: HttpRequest) -> HttpResponse:
    """跨域立案收件: filings handed in here for another court, to check and forward or return."""
    if request.user.role != Role.FILING_OFFICER:
        return render(request, "core/error.html", {"message": "只有立案人员可以办理跨域立案收件"}, status=403)
    return render(
        request,
        "filing/receiving_queue.html",
        {
            "filings": selectors.receiving_queue(viewer=request.user),
            "handled": selectors.forwarded_by_court(viewer=request.user),
        },
    )


@login_required
@require_POST
def forward(request: HttpRequest, filing_id: int) -> HttpResponse:
    confirmed = {key: bool(request.POST.get(key)) for key in services.RECEIVING_CHECKS}
    return _decide(
        request,
        filing_id,
        lambda f: services.filing_forward(
            filing=f, officer=request.user, confirmed=confirmed, note=request.POST.get("note", "")
        ),
        "已核对并转交{filing.court.name}，管辖法院自今日起七日内审查",
    )


@login_required
@require_POST
def return_materials(request: HttpRequest, filing_id: int) -> HttpResponse:
    reasons = [line for line in request.POST.get("reasons", "").splitlines() if line.strip()]
    return _decide(
        request,
        filing_id,
        lambda f: services.filing_return(
            filing=f, officer=request.user, reasons=reasons, note=request.POST.get("note", "")
        ),
        "已退回材料并告知理由",
    )
