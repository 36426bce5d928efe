"""Identity verification (实名认证) behind a small interface, with a local simulator as the default.

Real providers (公安部 身份核验, 人脸识别, 银行卡四要素) plug in as :class:`IdentityVerifier`
implementations named by ``settings.SMARTCOURT_IDENTITY_VERIFIER`` (a dotted path); none is configured
here, so the simulator decides. Face and bank-card verification are adapter stubs that raise
:class:`NotConfiguredError` with a clear message until a provider is configured.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from smartcourt.apps.core.errors import DomainError
from smartcourt.engines import validation


class NotConfiguredError(DomainError):
    """The verification channel has no provider on this installation."""

    http_status = 501


@dataclass(frozen=True)
class VerificationResult:
    verified: bool
    provider: str
    reference: str
    message: str


class IdentityVerifier(Protocol):
    """Confirms that a name and identity document belong to one real person."""

    name: str

    def verify_identity(
        self, *, full_name: str, id_type: str, id_number: str, today: date
    ) -> VerificationResult: ...

    def verify_face(self, *, id_number: str, image: bytes) -> VerificationResult: ...

    def verify_bank_card(
        self, *, full_name: str, id_number: str, card_number: str, phone: str
    ) -> VerificationResult: ...


class SimulatorVerifier:
    """The local simulator: any document that passes its check digit is confirmed, unless blacklisted.

    ``blacklist`` (default ``settings.SMARTCOURT_IDENTITY_BLACKLIST``) lists ID numbers that the simulated
    authority refuses, to exercise the refusal path.
    """

    name = "simulator"

    def __init__(self, blacklist: frozenset[str] | None = None) -> None:
        if blacklist is None:
            blacklist = frozenset(getattr(settings, "SMARTCOURT_IDENTITY_BLACKLIST", ()))
        self.blacklist = frozenset(n.strip().upper() for n in blacklist)

    def _reference(self, *parts: str) -> str:
        return "SIM-" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:16].upper()

    def verify_identity(
        self, *, full_name: str, id_type: str, id_number: str, today: date
    ) -> VerificationResult:
        reference = self._reference(full_name, id_type, id_number)
        try:
            validation.validate_identity(validation.IdType[id_type], id_number, today=today)
        except (KeyError, validation.IdentityError) as exc:
            message = getattr(exc, "message", "证件类型无效")
            return VerificationResult(False, self.name, reference, f"证件核验未通过：{message}")
        if id_number.strip().upper() in self.blacklist:
            return VerificationResult(False, self.name, reference, "证件核验未通过：姓名与证件号码不一致")
        return VerificationResult(True, self.name, reference, "模拟核验通过（本地模拟渠道，非公安部门核验）")

    def verify_face(self, *, id_number: str, image: bytes) -> VerificationResult:
        raise NotConfiguredError(
            "identity.face_not_configured", "人脸识别核验渠道未配置：请联系法院信息中心接入人脸核验服务"
        )

    def verify_bank_card(
        self, *, full_name: str, id_number: str, card_number: str, phone: str
    ) -> VerificationResult:
        raise NotConfiguredError(
            "identity.bank_card_not_configured",
            "银行卡核验渠道未配置：请联系法院信息中心接入银行卡四要素核验",
        )


def default_verifier() -> IdentityVerifier:
    """The configured verifier (``settings.SMARTCOURT_IDENTITY_VERIFIER``), else the simulator."""
    path = getattr(settings, "SMARTCOURT_IDENTITY_VERIFIER", "")
    if path:
        verifier: IdentityVerifier = import_string(path)()
        return verifier
    return SimulatorVerifier()
