"""Writes of accounts: users and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone, translation

from smartcourt.apps.accounts.identity import IdentityVerifier, default_verifier
from smartcourt.apps.accounts.licence import check_licence_number
from smartcourt.apps.accounts.lockout import MESSAGE as LOCKOUT_MESSAGE
from smartcourt.apps.accounts.models import (
    PUBLIC_ROLES,
    STAFF_ROLES,
    ApiToken,
    RealNameProfile,
    Role,
    User,
    VerificationStatus,
)
from smartcourt.apps.core.errors import (
    ConflictError,
    DomainError,
    InvalidInputError,
    NotPermittedError,
    from_engine_error,
)
from smartcourt.apps.courts.models import Court, Department
from smartcourt.engines import validation


def user_create(
    *,
    username: str,
    password: str,
    full_name: str,
    role: str,
    court: Court | None = None,
    department: Department | None = None,
    phone: str = "",
    validate: bool = True,
    **extra: Any,
) -> User:
    """Create an account; staff need a court, public users must not have one; weak passwords are refused."""
    if role not in Role.values:
        raise InvalidInputError("account.bad_role", f"未知的角色「{role}」", {"field": "role"})
    if role in STAFF_ROLES and court is None:
        raise InvalidInputError("account.court_required", "法院工作人员须属于一个法院", {"field": "court"})
    if role in PUBLIC_ROLES and court is not None:
        raise InvalidInputError(
            "account.court_forbidden", "当事人、律师、调解员账户不属于法院", {"field": "court"}
        )
    if department is not None and department.court_id != getattr(court, "pk", None):
        raise InvalidInputError("account.bad_department", "庭室须属于所在法院", {"field": "department"})
    user = User(
        username=username.strip(),
        full_name=full_name.strip(),
        role=role,
        court=court,
        department=department,
        phone=phone.strip(),
        **extra,
    )
    if validate:
        try:
            with translation.override(settings.LANGUAGE_CODE):  # the platform's messages are Chinese
                validate_password(password, user)
        except ValidationError as exc:
            raise InvalidInputError(
                "account.weak_password",
                "；".join(exc.messages),
                {"field": "password", "reasons": exc.messages},
            ) from None
    user.set_password(password)
    try:
        user.full_clean()
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise InvalidInputError("account.invalid", "；".join(messages), {"field": field}) from None
    user.save()
    return user


class LockedOutError(DomainError):
    http_status = 429


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_issue(*, request: HttpRequest, username: str, password: str) -> tuple[str, ApiToken]:
    """Exchange a username and password for a bearer token; counted by django-axes like a web login."""
    user = authenticate(request=request, username=username, password=password)
    if getattr(request, "axes_locked_out", False):
        raise LockedOutError("auth.locked_out", LOCKOUT_MESSAGE, {"field": "username"})
    if user is None or not user.is_active:
        raise NotPermittedError("auth.bad_credentials", "用户名或密码错误", {"field": "password"})
    raw = "sc_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            token_hash=_hash(raw),
            prefix=raw[:8],
            expires_at=timezone.now() + timedelta(days=settings.SMARTCOURT["API_TOKEN_DAYS"]),
        )
    return raw, token


def api_token_authenticate(*, raw: str) -> User | None:
    """The active user behind a bearer token, or ``None``; the token's last use is recorded."""
    if not raw or len(raw) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(token_hash=_hash(raw), revoked=False).first()
    if token is None or token.expires_at <= timezone.now() or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def api_token_revoke(*, user: User, raw: str) -> None:
    ApiToken.objects.filter(user=user, token_hash=_hash(raw)).update(revoked=True)


# Self-registration is open to litigants and lawyers only; 调解员 accounts are made by the court.
SELF_REGISTERING_ROLES = frozenset({Role.LITIGANT, Role.LAWYER})
# Documents a natural person may register with (法释〔2015〕8号 第六条: 身份证明).
REGISTRATION_ID_TYPES = (
    "RESIDENT_ID",
    "PASSPORT",
    "HK_MACAO_PERMIT",
    "TAIWAN_PERMIT",
    "HMT_RESIDENCE_PERMIT",
    "FOREIGN_PERMANENT_RESIDENT",
)


def public_user_register(
    *,
    role: str,
    username: str,
    password: str,
    full_name: str,
    id_type: str,
    id_number: str,
    phone: str,
    licence_number: str = "",
    law_firm: str = "",
    verifier: IdentityVerifier | None = None,
) -> User:
    """实名注册 of a litigant or lawyer: every field checked, the identity verified, then saved at once.

    The ID number is checked with its check digit, the phone number for its form, a lawyer's 执业证号 for
    its structure (``licence.py``, not against a registry); the verifier (the local simulator unless one is
    configured) must confirm the identity. A refusal saves nothing and names the field.
    """
    if role not in SELF_REGISTERING_ROLES:
        raise InvalidInputError("account.bad_role", "只有当事人和律师可以自行注册", {"field": "role"})
    full_name = (full_name or "").strip()
    if not full_name:
        raise InvalidInputError("account.missing_field", "姓名不能为空", {"field": "full_name"})
    if len(full_name) > 50:
        raise InvalidInputError("account.field_too_long", "姓名不能超过50个字符", {"field": "full_name"})
    if not (username or "").strip():
        raise InvalidInputError("account.missing_field", "用户名不能为空", {"field": "username"})
    if User.objects.filter(username__iexact=username.strip()).exists():
        raise ConflictError("account.username_taken", "该用户名已被使用", {"field": "username"})
    if id_type not in REGISTRATION_ID_TYPES:
        raise InvalidInputError("account.bad_id_type", "证件类型无效", {"field": "id_type"})
    today = timezone.localdate()
    try:
        info = validation.validate_identity(validation.IdType[id_type], id_number or "", today=today)
    except validation.IdentityError as exc:
        raise from_engine_error(exc, field="id_number") from None
    number = getattr(info, "number", None) or id_number.strip().upper()
    try:
        phone = validation.validate_mobile(phone or "").number
    except validation.IdentityError as exc:
        raise from_engine_error(exc, field="phone") from None
    licence_ok = False
    if role == Role.LAWYER:
        licence_number = check_licence_number(licence_number, today=today).number
        licence_ok = True
        law_firm = (law_firm or "").strip()
        if not law_firm:
            raise InvalidInputError(
                "account.missing_field", "律师须填写执业机构（律师事务所）", {"field": "law_firm"}
            )
        if len(law_firm) > 100:
            raise InvalidInputError(
                "account.field_too_long", "执业机构不能超过100个字符", {"field": "law_firm"}
            )
    else:
        licence_number, law_firm = "", ""
    if RealNameProfile.objects.filter(id_type=id_type, id_number=number).exists():
        raise ConflictError(
            "account.identity_taken", "该证件已注册过账户，请直接登录或找回密码", {"field": "id_number"}
        )
    result = (verifier or default_verifier()).verify_identity(
        full_name=full_name, id_type=id_type, id_number=number, today=today
    )
    if not result.verified:
        raise InvalidInputError(
            "account.identity_not_verified",
            result.message,
            {"field": "id_number", "provider": result.provider},
        )
    with transaction.atomic():
        user = user_create(username=username, password=password, full_name=full_name, role=role, phone=phone)
        RealNameProfile.objects.create(
            user=user,
            id_type=id_type,
            id_number=number,
            verification_status=VerificationStatus.VERIFIED,
            verification_provider=result.provider,
            verification_reference=result.reference,
            verification_message=result.message[:200],
            verified_at=timezone.now(),
            licence_number=licence_number,
            licence_structure_ok=licence_ok,
            law_firm=law_firm,
        )
    return user


def real_name_profile_attach(
    *,
    user: User,
    id_type: str,
    id_number: str,
    licence_number: str = "",
    law_firm: str = "",
    verifier: IdentityVerifier | None = None,
) -> RealNameProfile:
    """Verify and attach a real-name profile to an existing public account (used for the demo accounts)."""
    today = timezone.localdate()
    try:
        validation.validate_identity(validation.IdType[id_type], id_number, today=today)
    except validation.IdentityError as exc:
        raise from_engine_error(exc, field="id_number") from None
    result = (verifier or default_verifier()).verify_identity(
        full_name=user.full_name, id_type=id_type, id_number=id_number, today=today
    )
    status = VerificationStatus.VERIFIED if result.verified else VerificationStatus.FAILED
    profile, _ = RealNameProfile.objects.update_or_create(
        user=user,
        defaults={
            "id_type": id_type,
            "id_number": id_number,
            "verification_status": status,
            "verification_provider": result.provider,
            "verification_reference": result.reference,
            "verification_message": result.message[:200],
            "verified_at": timezone.now() if result.verified else None,
            "licence_number": licence_number,
            "licence_structure_ok": bool(licence_number)
            and bool(check_licence_number(licence_number, today=today)),
            "law_firm": law_firm,
        },
    )
    return profile


def demo_real_names_attach(*, seed: int = 1) -> int:
    """Give the demo's public accounts (litigant, lawyer) verified real-name profiles with generated IDs."""
    import random

    from smartcourt.apps.accounts.licence import make_licence_number

    rng = random.Random(seed)
    made = 0
    for user in User.objects.filter(username__in=["litigant", "lawyer"], real_name__isnull=True):
        lawyer = user.role == Role.LAWYER
        real_name_profile_attach(
            user=user,
            id_type="RESIDENT_ID",
            id_number=validation.make_id_number(rng, area_code="330102"),
            licence_number=make_licence_number(area="3301", year=2012, sequence=user.pk) if lawyer else "",
            law_firm="浙江示范律师事务所" if lawyer else "",
        )
        made += 1
    return made
