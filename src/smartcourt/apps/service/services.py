"""Writes of electronic service (电子送达) under 《人民法院在线诉讼规则》 (法释〔2021〕12号).

- ``service_address_confirm``: record a party's consent (第二十九条) and confirmed address (第三十条).
- ``document_serve``: serve a document through the channel of the party's confirmed address. The served
  time (第三十一条第一款): to a confirmed address, when the message reaches the address's system. Without a
  confirmed address, to the party's own portal account (第三十一条第二款): served when the recipient reads it
  (第二项, 推定送达). Every service leaves a trace, and a proof of service (电子送达凭证, 第三十一条第三款) is made
  and its hash appended to the court's ledger. If the channel fails, or the message bounces, service falls
  back to post with a 邮寄送达地址单.
- ``service_read_record``: the recipient opened the document (a read receipt); the first read completes a
  service awaiting acknowledgement.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.audit.context import acting_as
from smartcourt.apps.cases.models import Case, Counsel, Party
from smartcourt.apps.core.errors import ConflictError, InvalidInputError, NotPermittedError
from smartcourt.apps.notifications.addresses import address_clean
from smartcourt.apps.notifications.channels import ChannelError, adapter_for
from smartcourt.apps.notifications.models import Message
from smartcourt.apps.notifications.services import notify, render_event
from smartcourt.apps.service.documents import postal_sheet_docx, proof_docx
from smartcourt.apps.service.error_codes import ServiceErrorCode
from smartcourt.apps.service.models import (
    ELECTRONIC_CHANNELS,
    ConfirmMethod,
    ConsentBasis,
    ReadReceipt,
    ServiceAddress,
    ServiceChannel,
    ServiceRecord,
    ServiceStatus,
)

RULE_REACHED = (
    "《人民法院在线诉讼规则》第三十一条第一款：送达信息到达受送达人确认的电子地址所在系统时，即为送达"
)
RULE_READ = (
    "《人民法院在线诉讼规则》第三十一条第二款第二项：受送达人的电子地址所在系统反馈已阅知，推定完成有效送达"
)
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
CHANNEL_ORDER = (ServiceChannel.PORTAL, ServiceChannel.EMAIL, ServiceChannel.SMS, ServiceChannel.WECHAT)


logger = logging.getLogger(__name__)


def may_serve(actor: Any, case: Case) -> bool:
    """Court staff of the case's court (not 信息中心)."""
    return bool(
        getattr(actor, "is_authenticated", False)
        and actor.is_court_staff
        and actor.role != Role.IT_ADMIN
        and actor.court_id == case.court_id
    )


def _require_server(actor: User, case: Case) -> None:
    if not may_serve(actor, case):
        raise NotPermittedError(ServiceErrorCode.NOT_PERMITTED, "只有本院工作人员可以送达")


def party_users(party: Party) -> list[User]:
    """Who receives for a party: the party's own account and its counsel's."""
    users: list[User] = []
    if party.user_id is not None:
        users.append(party.user)  # type: ignore[arg-type]
    for c in Counsel.objects.filter(party=party, user__isnull=False).select_related("user"):
        if c.user not in users:
            users.append(c.user)  # type: ignore[arg-type]
    return users


def service_address_confirm(
    *,
    party: Party,
    channel: str,
    address: str,
    consent_basis: str,
    confirmed_method: str,
    actor: User,
) -> ServiceAddress:
    """Record the party's consent and confirmed address on ``channel``; replaces the channel's previous one."""
    _require_server(actor, party.case)
    if channel not in ELECTRONIC_CHANNELS:
        raise InvalidInputError(
            ServiceErrorCode.BAD_CHANNEL,
            "电子送达方式只能是诉讼平台、电子邮箱、短信或微信",
            {"field": "channel"},
        )
    if consent_basis not in ConsentBasis.values:
        raise InvalidInputError(
            ServiceErrorCode.BAD_CONSENT,
            "请选择受送达人同意电子送达的依据（第二十九条）",
            {"field": "consent_basis"},
        )
    if confirmed_method not in ConfirmMethod.values:
        raise InvalidInputError(
            ServiceErrorCode.BAD_CONSENT, "请选择确认方式（第三十条）", {"field": "confirmed_method"}
        )
    if channel == ServiceChannel.PORTAL:
        if party.user_id is None:
            raise InvalidInputError(
                ServiceErrorCode.NO_ADDRESS,
                "该当事人没有诉讼平台账户，不能确认平台送达",
                {"field": "channel"},
            )
        clean = party.user.username  # type: ignore[union-attr]
    else:
        clean = address_clean(channel=channel, address=address)
    now = timezone.now()
    with acting_as(actor), transaction.atomic():
        ServiceAddress.objects.select_for_update().filter(
            party=party, channel=channel, revoked_at__isnull=True
        ).update(revoked_at=now)
        return ServiceAddress.objects.create(
            party=party,
            channel=channel,
            address=clean,
            consent_basis=consent_basis,
            confirmed_method=confirmed_method,
            confirmed_by=actor,
            confirmed_at=now,
        )


def confirmed_addresses(*, party: Party) -> list[ServiceAddress]:
    found = {a.channel: a for a in ServiceAddress.objects.filter(party=party, revoked_at__isnull=True)}
    return [found[c] for c in CHANNEL_ORDER if c in found]


def document_serve(
    *,
    case: Case,
    party: Party,
    actor: User,
    title: str,
    text: str = "",
    file_name: str = "",
    file_data: bytes = b"",
    channel: str = "",
) -> ServiceRecord:
    """Serve a document (text, file or both) of ``case`` to ``party``; the record with its outcome.

    ``channel`` picks one of the party's confirmed addresses (default: the first of portal, email, SMS,
    WeChat). With none confirmed the document goes to the party's own portal account and is served when
    read (第三十一条第二款); with no account either, straight to post.
    """
    _require_server(actor, case)
    if party.case_id != case.pk:
        raise InvalidInputError(ServiceErrorCode.BAD_PARTY, "受送达人不是本案当事人", {"field": "party"})
    title = (title or "").strip()
    if not title:
        raise InvalidInputError(ServiceErrorCode.NO_DOCUMENT, "请填写文书名称", {"field": "title"})
    if len(title) > 200:
        raise InvalidInputError(
            ServiceErrorCode.NO_DOCUMENT, "文书名称不能超过 200 个字符", {"field": "title"}
        )
    if not text.strip() and not file_data:
        raise InvalidInputError(
            ServiceErrorCode.NO_DOCUMENT, "请填写文书内容或上传文书文件", {"field": "text"}
        )
    if len(text) > 100_000:
        raise InvalidInputError(ServiceErrorCode.NO_DOCUMENT, "文书内容不能超过 10 万字", {"field": "text"})
    if len(file_data) > MAX_DOCUMENT_BYTES:
        raise InvalidInputError(
            ServiceErrorCode.FILE_TOO_LARGE,
            f"文书文件不能超过 {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB",
            {"field": "file"},
        )
    addresses = confirmed_addresses(party=party)
    if channel:
        if channel not in ELECTRONIC_CHANNELS:
            raise InvalidInputError(ServiceErrorCode.BAD_CHANNEL, "送达方式无效", {"field": "channel"})
        chosen = next((a for a in addresses if a.channel == channel), None)
        if chosen is None and not (channel == ServiceChannel.PORTAL and party.user_id is not None):
            raise InvalidInputError(
                ServiceErrorCode.NO_ADDRESS,
                f"受送达人没有经确认的{ServiceChannel(channel).label}送达地址（第三十条）",
                {"field": "channel"},
            )
    else:
        chosen = addresses[0] if addresses else None
    digest = hashlib.sha256(file_data if file_data else text.encode("utf-8")).hexdigest()
    now = timezone.now()
    with acting_as(actor), transaction.atomic():
        record = ServiceRecord(
            case=case,
            party=party,
            title=title,
            text=text,
            document_name=(file_name or "")[:200],
            document_sha256=digest,
            channel=chosen.channel
            if chosen
            else (ServiceChannel.PORTAL if party.user_id else ServiceChannel.POSTAL),
            address=chosen.address if chosen else "",
            service_address=chosen,
            confirmed_address=chosen is not None,
            created_by=actor,
            created_at=now,
        )
        if file_data:
            record.document.save(
                f"{digest[:16]}-{(file_name or 'document')[-80:]}", ContentFile(file_data), save=False
            )
        record.save()
    if record.channel == ServiceChannel.POSTAL:
        return _fall_back_to_post(record, "受送达人没有电子送达地址，也没有诉讼平台账户")
    try:
        _dispatch(record)
    except ChannelError as exc:
        return _fall_back_to_post(record, exc.message)
    return record


def _dispatch(record: ServiceRecord) -> None:
    """Send through the channel; on arrival fix the served time (confirmed address) or await reading."""
    link = reverse("service:record", args=[record.pk])
    context = {"case_number": record.case.case_number, "title": record.title}
    message_id = ""
    inbox: Message | None = None
    users = party_users(record.party)
    if record.channel == ServiceChannel.PORTAL:
        # the portal account is the address; its system is this platform: reaching it = the inbox message.
        for user in users:
            m = notify(user=user, event="document_served", context=context, case=record.case, link=link)
            if user.pk == record.party.user_id:
                inbox = m
        if inbox is None:
            raise ChannelError("受送达人没有诉讼平台账户")
        message_id = f"inbox-{inbox.pk}"
    else:
        subject, body = render_event(event="document_served", context=context)
        base = getattr(settings, "SMARTCOURT_PUBLIC_URL", "").rstrip("/")
        message_id = adapter_for(record.channel).send(
            address=record.address,
            subject=subject,
            body=f"{body}\n{base}{link}",
            reference=f"service-{record.pk}",
        )
        # 第三十二条: prompt on the platform as well.
        for user in users:
            m = notify(user=user, event="document_served", context=context, case=record.case, link=link)
            if user.pk == record.party.user_id:
                inbox = m
    reached = timezone.now()
    with acting_as(record.created_by), transaction.atomic():
        locked = ServiceRecord.objects.select_for_update().get(pk=record.pk)
        locked.reached_at, locked.provider_message_id, locked.inbox_message = reached, message_id[:100], inbox
        if locked.confirmed_address:
            locked.status, locked.served_at, locked.served_rule = ServiceStatus.SERVED, reached, RULE_REACHED
        else:
            locked.status = ServiceStatus.AWAITING_ACK
        locked.save()
        if locked.status == ServiceStatus.SERVED:
            _prove(locked)
    _copy(record, locked)


def _copy(target: ServiceRecord, source: ServiceRecord) -> None:
    for f in ServiceRecord._meta.concrete_fields:
        setattr(target, f.attname, getattr(source, f.attname))


def _prove(record: ServiceRecord) -> None:
    """Make the proof of service (.docx), store it and append its hash to the court's ledger, with the receipt."""
    from smartcourt.apps.evidence.services import FileInput, evidence_file_record

    data = proof_docx(record)
    record.proof_sha256 = hashlib.sha256(data).hexdigest()
    record.proof.save(f"proof-{record.pk}.docx", ContentFile(data), save=False)
    appended = evidence_file_record(
        actor=record.created_by,
        files=[
            FileInput(
                name=f"送达回证-{record.pk}.docx",
                data=data,
                metadata={
                    "title": f"电子送达凭证：{record.title}"[:200],
                    "case_number": record.case.case_number,
                },
            )
        ],
    )[0]
    record.ledger_entry = appended.entry
    record.ledger_receipt = appended.receipt.to_json()
    record.save(update_fields=["proof", "proof_sha256", "ledger_entry", "ledger_receipt"])
    _proof_into_case_file(record, data)


def _proof_into_case_file(record: ServiceRecord, data: bytes) -> None:
    """The proof of service joins the case's electronic file as a generated material (法办〔2019〕243号 第6项),
    in its own savepoint: the case file refusing it (e.g. the same proof again) never undoes the service."""
    from smartcourt.apps.casefile.models import MaterialSource
    from smartcourt.apps.casefile.services import material_ingest
    from smartcourt.apps.core.errors import DomainError

    try:
        with transaction.atomic():
            material_ingest(
                case=record.case,
                data=data,
                filename=f"送达回证-{record.pk}.docx",
                source=MaterialSource.GENERATED,
                actor=record.created_by,
                title="送达回证",
            )
    except DomainError as exc:
        logger.warning("proof of service %s not filed in the case file: %s", record.pk, exc.message)


def _fall_back_to_post(record: ServiceRecord, reason: str) -> ServiceRecord:
    """Electronic service failed: post it, with the 邮寄送达地址单 generated."""
    with acting_as(record.created_by), transaction.atomic():
        locked = ServiceRecord.objects.select_for_update().get(pk=record.pk)
        locked.status = ServiceStatus.POSTAL
        locked.failure_reason = reason[:500]
        locked.served_at, locked.served_rule = None, ""
        locked.postal_address = locked.party.address[:200]
        data = postal_sheet_docx(locked)
        locked.postal_sheet.save(f"postal-{locked.pk}.docx", ContentFile(data), save=False)
        locked.save()
        for user in party_users(locked.party):
            notify(
                user=user,
                event="service_postal_fallback",
                context={
                    "title": locked.title,
                    "reason": locked.failure_reason,
                    "postal_address": locked.postal_address,
                },
                case=locked.case,
            )
    _copy(record, locked)
    return record


def service_bounce_record(*, record: ServiceRecord, reason: str, actor: User | None = None) -> ServiceRecord:
    """The channel reported afterwards that the message was not delivered (退信): fall back to post.

    Allowed while the recipient has not read the document. A proof already in the ledger stays there (the
    ledger is append-only); the record shows the fallback and the postal sheet.
    """
    if actor is not None:
        _require_server(actor, record.case)
    if (
        record.status not in (ServiceStatus.SERVED, ServiceStatus.AWAITING_ACK)
        or record.first_read_at is not None
    ):
        raise ConflictError(
            ServiceErrorCode.BAD_STATE, "该送达已阅读或已转邮寄，不能登记退信", {"status": record.status}
        )
    return _fall_back_to_post(record, f"退信：{(reason or '渠道反馈未送达').strip()[:400]}")


def service_read_record(*, record: ServiceRecord, reader: User, source: str = "portal") -> ServiceRecord:
    """The recipient (the party or its counsel) opened the document: a read receipt; the first read is kept
    and completes a service awaiting acknowledgement (第三十一条第二款第二项). Others' views are not receipts.
    """
    if reader not in party_users(record.party):
        return record
    now = timezone.now()
    with acting_as(reader), transaction.atomic():
        locked = ServiceRecord.objects.select_for_update().get(pk=record.pk)
        ReadReceipt.objects.create(record=locked, reader=reader, read_at=now, source=source[:20])
        if locked.first_read_at is None:
            locked.first_read_at = now
            fields = ["first_read_at"]
            if locked.status == ServiceStatus.AWAITING_ACK:
                locked.status, locked.served_at, locked.served_rule = ServiceStatus.SERVED, now, RULE_READ
                fields += ["status", "served_at", "served_rule"]
            locked.save(update_fields=fields)
            if locked.inbox_message_id is not None:
                Message.objects.filter(pk=locked.inbox_message_id, read_at__isnull=True).update(read_at=now)
            if "served_at" in fields:
                with acting_as(locked.created_by):
                    _prove(locked)
    _copy(record, locked)
    return record
