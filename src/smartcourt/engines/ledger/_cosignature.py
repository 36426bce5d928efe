"""Ed25519 witness cosignatures (c2sp.org/tlog-cosignature, ``cosignature/v1``, signature type 0x04).

A cosignature is a note signature whose bytes are ``u64 big-endian timestamp || Ed25519 signature`` over
``"cosignature/v1\\ntime <timestamp>\\n" || checkpoint text``. Its key ID is the first four bytes of
``SHA-256(name || 0x0A || 0x04 || public key)``. The time is an argument: this module reads no clock.
"""

from __future__ import annotations

import base64
from typing import ClassVar, Final

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ._note import Ed25519Verifier, NoteSignature, _split_key, compute_key_id, is_valid_key_name
from .errors import KeyFormatError, MissingNewlineError

__all__ = [
    "COSIGNATURE_V1",
    "CosignatureVerifier",
    "Cosigner",
    "cosignature_timestamp",
    "cosigned_message",
    "generate_cosigner_key",
    "new_cosigner",
]

COSIGNATURE_V1: Final = 0x04
"""The signed-note signature type of timestamped Ed25519 cosignatures."""

_MAX_TIMESTAMP: Final = 2**63 - 1
_PRIVATE_PREFIX: Final = "PRIVATE+KEY+"


def cosigned_message(text: str, timestamp: int) -> bytes:
    """The bytes a ``cosignature/v1`` signs for a checkpoint ``text`` at POSIX time ``timestamp``.

    >>> cosigned_message("example.com/log\\n1\\nAAAA\\n", 1679315147)
    b'cosignature/v1\\ntime 1679315147\\nexample.com/log\\n1\\nAAAA\\n'

    Requires ``0 <= timestamp <= 2**63 - 1``.
    """
    if not 0 <= timestamp <= _MAX_TIMESTAMP:
        raise ValueError(f"requires 0 <= timestamp <= 2**63 - 1, got {timestamp}")
    return f"cosignature/v1\ntime {timestamp}\n".encode("ascii") + text.encode("utf-8")


def cosignature_timestamp(signature: NoteSignature) -> int:
    """The POSIX time a ``cosignature/v1`` signature states.

    >>> cosignature_timestamp(NoteSignature("w.example/w", 0, (1700000000).to_bytes(8, "big") + bytes(64)))
    1700000000

    Requires a 72-byte cosignature (8-byte timestamp and 64-byte Ed25519 signature).
    """
    if len(signature.signature) != 72:
        raise ValueError(f"a cosignature/v1 signature is 72 bytes, got {len(signature.signature)}")
    return int.from_bytes(signature.signature[:8], "big")


class CosignatureVerifier(Ed25519Verifier):
    """Verifies ``cosignature/v1`` signatures; use with ``open_note`` like any note verifier.

    >>> c = Cosigner("w.example/w1", bytes(32))
    >>> sig = c.cosign("example.com/log\\n0\\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\\n", timestamp=1)
    >>> c.verifier().verify(b"example.com/log\\n0\\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\\n",
    ...                     sig.signature)
    True

    Requires a valid key name and a 32-byte Ed25519 public key.
    """

    __slots__ = ()

    signature_type: ClassVar[int] = COSIGNATURE_V1

    def verify(self, message: bytes, signature: bytes) -> bool:
        """Whether ``signature`` (timestamp and Ed25519 signature) is valid over the checkpoint ``message``.

        >>> Cosigner("w.example/w1", bytes(32)).verifier().verify(b"x\\n", bytes(72))
        False
        """
        if len(signature) != 72:
            return False
        timestamp = int.from_bytes(signature[:8], "big")
        if timestamp > _MAX_TIMESTAMP:
            return False
        header = f"cosignature/v1\ntime {timestamp}\n".encode("ascii")
        return super().verify(header + message, signature[8:])


class Cosigner:
    """A witness's Ed25519 ``cosignature/v1`` key.

    >>> c = Cosigner("w.example/w1", bytes(32))
    >>> line = c.cosign("example.com/log\\n0\\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\\n",
    ...                 timestamp=1700000000).line()
    >>> line.startswith("— w.example/w1 ")
    True

    Requires a valid key name and a 32-byte Ed25519 seed. It signs only cosigned messages, never raw text,
    so the key cannot be made to sign a plain note.
    """

    __slots__ = ("_key", "key_id", "name", "public_key")

    def __init__(self, name: str, seed: bytes) -> None:
        if not is_valid_key_name(name):
            raise KeyFormatError(f"invalid key name {name!r}")
        if len(seed) != 32:
            raise KeyFormatError(f"an Ed25519 private key is 32 bytes, got {len(seed)}")
        self.name = name
        self._key = Ed25519PrivateKey.from_private_bytes(seed)
        self.public_key = self._key.public_key().public_bytes_raw()
        self.key_id = compute_key_id(name, bytes([COSIGNATURE_V1]) + self.public_key)

    def cosign(self, text: str, *, timestamp: int) -> NoteSignature:
        """The cosignature of checkpoint ``text`` (the note text, no signature lines) at ``timestamp``.

        >>> len(Cosigner("w.example/w1", bytes(32)).cosign("o\\n0\\nAA==\\n", timestamp=5).signature)
        72

        Requires ``text`` to end in a newline and ``0 <= timestamp <= 2**63 - 1``.
        """
        if not text.endswith("\n"):
            raise MissingNewlineError("checkpoint text")
        signature = self._key.sign(cosigned_message(text, timestamp))
        return NoteSignature(self.name, self.key_id, timestamp.to_bytes(8, "big") + signature)

    def verifier(self) -> CosignatureVerifier:
        """The matching verifier."""
        return CosignatureVerifier(self.name, self.public_key)

    def signer_key(self) -> str:
        """The signer key string ``PRIVATE+KEY+<name>+<key ID>+<base64(0x04 || seed)>``; a secret."""
        blob = bytes([COSIGNATURE_V1]) + self._key.private_bytes_raw()
        return f"{_PRIVATE_PREFIX}{self.name}+{self.key_id:08x}+{base64.b64encode(blob).decode('ascii')}"

    def __repr__(self) -> str:
        return f"Cosigner({self.name!r}, key_id={self.key_id:08x})"


def new_cosigner(skey: str) -> Cosigner:
    """Parse a cosigner key string ``PRIVATE+KEY+<name>+<key ID>+<base64(0x04 || seed)>``.

    >>> key = Cosigner("w.example/w1", bytes(32)).signer_key()
    >>> new_cosigner(key).signer_key() == key
    True

    Requires type 0x04 and a key ID matching the name and public key; raises ``KeyFormatError``.
    """
    if not skey.startswith(_PRIVATE_PREFIX):
        raise KeyFormatError("a signer key starts with PRIVATE+KEY+")
    name, key_id, blob = _split_key(skey[len(_PRIVATE_PREFIX) :])
    if blob[0] != COSIGNATURE_V1:
        raise KeyFormatError(f"signature type 0x{blob[0]:02x} is not a cosignature/v1 key")
    cosigner = Cosigner(name, blob[1:])
    if cosigner.key_id != key_id:
        raise KeyFormatError(f"key ID {key_id:08x} does not match the key (expected {cosigner.key_id:08x})")
    return cosigner


def generate_cosigner_key(name: str) -> str:
    """A new random cosigner key string for ``name``.

    >>> new_cosigner(generate_cosigner_key("w.example/w1")).name
    'w.example/w1'

    Requires a valid key name. Draws the key from the operating system's CSPRNG.
    """
    return Cosigner(name, Ed25519PrivateKey.generate().private_bytes_raw()).signer_key()
