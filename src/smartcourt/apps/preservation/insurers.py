"""Electronic guarantee letters (电子保函) and the insurer interface that issues and verifies them.

An insurer that guarantees a preservation (财产保全责任险 / 独立保函, 最高人民法院关于人民法院办理财产保全案件
若干问题的规定 第七条、第八条) gives the applicant a signed letter; the court checks it with the insurer before
relying on it. ``InsurerGateway`` is that interface; ``SimulatorInsurer`` is the local stand-in: it signs each
letter with HMAC-SHA256 under a key derived from ``SECRET_KEY`` and the insurer's code, and verifies the
signature, the validity period and the amount covered. A real insurer is another class with the same methods.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from django.conf import settings

# The insurers the simulator stands in for (generated names, not real companies).
SIMULATED_INSURERS = {
    "SIM-PIC": "模拟财产保险股份有限公司",
    "SIM-GUA": "模拟担保保险有限公司",
}

_FIELDS = (
    "letter_number",
    "insurer_code",
    "insurer_name",
    "applicant",
    "respondent",
    "court",
    "amount",
    "valid_from",
    "valid_until",
)


@dataclass(frozen=True)
class GuaranteeLetter:
    """The letter as the insurer issued it; ``signature`` covers every other field (canonical JSON)."""

    letter_number: str
    insurer_code: str
    insurer_name: str
    applicant: str
    respondent: str
    court: str
    amount: str  # yuan, two decimals, as text so the signed bytes are exact
    valid_from: str  # ISO date
    valid_until: str  # ISO date
    signature: str

    def signed_part(self) -> bytes:
        return canonical({k: getattr(self, k) for k in _FIELDS})

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    def sha256(self) -> str:
        """The digest recorded on the ledger: of the whole letter, signature included."""
        return hashlib.sha256(canonical(self.to_dict())).hexdigest()


@dataclass(frozen=True)
class Verification:
    """The insurer's answer: ``ok``, or the refusal's ``code`` suffix and Chinese ``reason``."""

    ok: bool
    code: str = ""
    reason: str = ""


class InsurerGateway(Protocol):
    def issue(
        self,
        *,
        insurer_code: str,
        applicant: str,
        respondent: str,
        court: str,
        amount: Decimal,
        valid_from: date,
        days: int,
    ) -> GuaranteeLetter: ...

    def verify(self, *, letter: GuaranteeLetter, required: Decimal, today: date) -> Verification: ...


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def letter_from_data(data: Any) -> GuaranteeLetter:
    """A letter from its JSON object (as the applicant uploads it); ``ValueError`` with a Chinese reason."""
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except ValueError:
            raise ValueError("电子保函须为 JSON 格式") from None
    if not isinstance(data, dict):
        raise ValueError("电子保函须为 JSON 对象")
    missing = [k for k in (*_FIELDS, "signature") if not isinstance(data.get(k), str) or not data.get(k)]
    if missing:
        raise ValueError(f"电子保函缺少字段：{'、'.join(missing)}")
    extra = set(data) - {*_FIELDS, "signature"}
    if extra:
        raise ValueError(f"电子保函含有未知字段：{'、'.join(sorted(extra))}")
    if any(len(data[k]) > 200 for k in data):
        raise ValueError("电子保函字段过长")
    return GuaranteeLetter(**{k: data[k] for k in (*_FIELDS, "signature")})


class SimulatorInsurer:
    """The local insurer simulator: HMAC-SHA256 signatures under a key per insurer derived from ``SECRET_KEY``."""

    def __init__(self, secret: str | None = None) -> None:
        self._secret = (secret or settings.SECRET_KEY).encode()

    def _key(self, insurer_code: str) -> bytes:
        return hmac.new(
            self._secret, f"smartcourt-insurer-sim:{insurer_code}".encode(), hashlib.sha256
        ).digest()

    def _sign(self, letter_fields: dict[str, str]) -> str:
        return hmac.new(
            self._key(letter_fields["insurer_code"]), canonical(letter_fields), hashlib.sha256
        ).hexdigest()

    def issue(
        self,
        *,
        insurer_code: str,
        applicant: str,
        respondent: str,
        court: str,
        amount: Decimal,
        valid_from: date,
        days: int,
    ) -> GuaranteeLetter:
        if insurer_code not in SIMULATED_INSURERS:
            raise ValueError("未知的保险机构")
        fields = {
            "letter_number": f"BH{valid_from:%Y%m%d}{secrets.randbelow(10**8):08d}",
            "insurer_code": insurer_code,
            "insurer_name": SIMULATED_INSURERS[insurer_code],
            "applicant": applicant,
            "respondent": respondent,
            "court": court,
            "amount": f"{Decimal(amount):.2f}",
            "valid_from": valid_from.isoformat(),
            "valid_until": (valid_from + timedelta(days=days)).isoformat(),
        }
        return GuaranteeLetter(**fields, signature=self._sign(fields))

    def verify(self, *, letter: GuaranteeLetter, required: Decimal, today: date) -> Verification:
        if letter.insurer_code not in SIMULATED_INSURERS:
            return Verification(
                False, "unknown_insurer", f"保险机构“{letter.insurer_code}”未接入本院保函核验"
            )
        expected = self._sign({k: getattr(letter, k) for k in _FIELDS})
        if not hmac.compare_digest(expected, letter.signature.lower()):
            return Verification(False, "forged", "电子保函签名核验未通过，保函可能被伪造或篡改")
        if letter.insurer_name != SIMULATED_INSURERS[letter.insurer_code]:
            return Verification(False, "forged", "电子保函的保险机构名称与编码不符")
        try:
            start, end = date.fromisoformat(letter.valid_from), date.fromisoformat(letter.valid_until)
            amount = Decimal(letter.amount)
        except (ValueError, InvalidOperation):
            return Verification(False, "malformed", "电子保函的日期或金额格式无效")
        if today < start:
            return Verification(False, "expired", f"电子保函自 {start:%Y-%m-%d} 起生效，尚未生效")
        if today > end:
            return Verification(False, "expired", f"电子保函已于 {end:%Y-%m-%d} 到期")
        if amount < required:
            return Verification(
                False,
                "insufficient",
                f"电子保函担保金额 {amount:.2f} 元低于应提供的担保数额 {required:.2f} 元",
            )
        return Verification(True)


_GATEWAY: InsurerGateway | None = None


def insurer_gateway() -> InsurerGateway:
    """The configured gateway (the simulator unless a test or deployment sets another)."""
    return _GATEWAY or SimulatorInsurer()


def set_insurer_gateway(gateway: InsurerGateway | None) -> None:
    global _GATEWAY
    _GATEWAY = gateway
