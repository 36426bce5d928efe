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

from smartcourt.apps.accounts.lockout import MESSAGE as LOCKOUT_MESSAGE
from smartcourt.apps.accounts.models import PUBLIC_ROLES, STAFF_ROLES, ApiToken, Role, User
from smartcourt.apps.core.errors import DomainError, InvalidInputError, NotPermittedError
from smartcourt.apps.courts.models import Court, Department


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
