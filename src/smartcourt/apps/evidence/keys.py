"""Sealing of ledger signer keys: the database row holds only an AES-256-GCM ciphertext.

The sealing key is derived with HKDF-SHA256 from ``SECRET_KEY`` (kept outside the database, in the
environment or ``DATA_DIR/secret_key``), bound to the log's origin as associated data. A copy of the
database alone cannot sign checkpoints; rotating ``SECRET_KEY`` makes the sealed keys unreadable
(``KeySealError``), so rotate it only together with re-sealing: ``smartcourt ledger reseal
--old-secret-key-file F`` (``services.ledger_keys_reseal``), see ``docs/operations.md``.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

_INFO = b"smartcourt ledger signer key v1"
_VERSION = b"\x01"


class KeySealError(Exception):
    """The sealed key cannot be opened (wrong ``SECRET_KEY`` or a damaged row)."""


def _aead(secret_key: str | None = None) -> AESGCM:
    secret = settings.SECRET_KEY if secret_key is None else secret_key
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret.encode("utf-8"))
    return AESGCM(key)


def seal_signer_key(signer_key: str, *, origin: str) -> bytes:
    """``0x01 || nonce || AES-GCM(signer key)``, bound to ``origin``.

    >>> # doctest: +SKIP
    >>> open_signer_key(seal_signer_key("PRIVATE+KEY+a+...", origin="a"), origin="a")
    'PRIVATE+KEY+a+...'
    """
    nonce = os.urandom(12)
    return _VERSION + nonce + _aead().encrypt(nonce, signer_key.encode("ascii"), origin.encode("utf-8"))


def open_signer_key(sealed: bytes, *, origin: str, secret_key: str | None = None) -> str:
    """The signer key string sealed by :func:`seal_signer_key`; ``KeySealError`` if it cannot be opened.

    ``secret_key`` opens a key sealed under another (an old) ``SECRET_KEY``; default the current one.
    """
    sealed = bytes(sealed)
    if sealed[:1] != _VERSION or len(sealed) < 1 + 12 + 16:
        raise KeySealError("unknown sealed-key format")
    try:
        plain = _aead(secret_key).decrypt(sealed[1:13], sealed[13:], origin.encode("utf-8"))
    except InvalidTag:
        raise KeySealError("the sealed signer key does not open with this SECRET_KEY") from None
    return plain.decode("ascii")
