"""Payment providers: the interface and the local sandbox.

A provider takes the litigant to its checkout page and later calls back with the outcome, signed. The
sandbox provider is the platform's own page (``payments:sandbox``) and signs its callbacks with HMAC-SHA256
under a key from ``settings.SMARTCOURT_PAYMENTS["SANDBOX_SECRET"]`` (default: derived from ``SECRET_KEY``).
A callback body is UTF-8 JSON: ``order_number``, ``txn_id``, ``amount`` (yuan, two decimals), ``status``
(``SUCCESS``), ``paid_at`` (ISO 8601), ``timestamp`` (Unix seconds) and ``nonce``; the signature is the hex
HMAC of the exact body bytes. A real bank or third-party adapter implements the same Protocol.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from django.conf import settings
from django.urls import reverse


class CallbackError(Exception):
    """A callback that cannot be accepted; ``outcome`` is a ``CallbackOutcome`` value."""

    def __init__(self, outcome: str, message: str) -> None:
        super().__init__(message)
        self.outcome, self.message = outcome, message


@dataclass(frozen=True)
class CallbackData:
    order_number: str
    txn_id: str
    amount: Decimal
    status: str
    paid_at: datetime
    timestamp: int
    nonce: str


class PaymentProvider(Protocol):
    name: str

    def checkout_url(self, *, order_number: str) -> str:
        """Where the payer goes to pay."""
        ...

    def parse_callback(self, *, body: bytes, signature: str) -> CallbackData:
        """The verified content of a callback; :class:`CallbackError` if forged or malformed."""
        ...

    def refund(self, *, order_number: str, txn_id: str, amount: Decimal, refund_number: str) -> str:
        """Return money to the payer; the provider's refund reference."""
        ...


def _config(name: str, default: Any) -> Any:
    return getattr(settings, "SMARTCOURT_PAYMENTS", {}).get(name, default)


class SandboxProvider:
    """The local sandbox: pays at once on the platform's own page; refunds always succeed."""

    name = "sandbox"

    def __init__(self, secret: bytes | None = None) -> None:
        configured = _config("SANDBOX_SECRET", "")
        self.secret = secret or (
            configured.encode("utf-8")
            if configured
            else hashlib.sha256(b"smartcourt.payments.sandbox:" + settings.SECRET_KEY.encode()).digest()
        )

    def checkout_url(self, *, order_number: str) -> str:
        return reverse("payments:sandbox", args=[order_number])

    def sign(self, body: bytes) -> str:
        return hmac.new(self.secret, body, hashlib.sha256).hexdigest()

    def callback_body(
        self, *, order_number: str, amount: Decimal, paid_at: datetime, txn_id: str = "", nonce: str = ""
    ) -> bytes:
        """The body the sandbox posts after the payer confirms (what a test or the sandbox page sends)."""
        return json.dumps(
            {
                "order_number": order_number,
                "txn_id": txn_id or f"SBX{secrets.token_hex(8).upper()}",
                "amount": f"{amount:.2f}",
                "status": "SUCCESS",
                "paid_at": paid_at.isoformat(),
                "timestamp": int(paid_at.timestamp()),
                "nonce": nonce or secrets.token_hex(12),
            },
            sort_keys=True,
        ).encode("utf-8")

    def parse_callback(self, *, body: bytes, signature: str) -> CallbackData:
        if not hmac.compare_digest(self.sign(body), (signature or "").strip().lower()):
            raise CallbackError("FORGED", "回调签名无效")
        try:
            data = json.loads(body.decode("utf-8"))
            return CallbackData(
                order_number=str(data["order_number"])[:32],
                txn_id=str(data["txn_id"])[:64],
                amount=Decimal(str(data["amount"])),
                status=str(data["status"]),
                paid_at=datetime.fromisoformat(str(data["paid_at"])),
                timestamp=int(data["timestamp"]),
                nonce=str(data["nonce"])[:64],
            )
        except (ValueError, KeyError, TypeError, InvalidOperation, UnicodeDecodeError):
            raise CallbackError("MALFORMED", "回调内容格式错误") from None

    def refund(self, *, order_number: str, txn_id: str, amount: Decimal, refund_number: str) -> str:
        return f"SBXR{secrets.token_hex(6).upper()}"


_PROVIDERS: dict[str, PaymentProvider] = {}


def provider_get(name: str) -> PaymentProvider | None:
    """The provider called ``name`` (the sandbox is always there)."""
    if name == "sandbox":
        return SandboxProvider()
    return _PROVIDERS.get(name)


def provider_register(provider: PaymentProvider) -> None:
    _PROVIDERS[provider.name] = provider
