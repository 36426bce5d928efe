"""Signed notes (c2sp.org/signed-note) with Ed25519 keys, as golang.org/x/mod/sumdb/note.

A signed note is a UTF-8 text ending in a newline, a blank line, and one or more signature lines
``— <key name> <base64(4-byte key ID || signature)>``. The key ID of an Ed25519 key is the first four bytes
of ``SHA-256(key name || 0x0A || 0x01 || 32-byte public key)``.

Key strings follow golang.org/x/mod/sumdb/note: a verifier key is
``<name>+<8 hex digits key ID>+<base64(signature type || public key)>`` and a signer key is
``PRIVATE+KEY+<name>+<8 hex digits key ID>+<base64(signature type || 32-byte Ed25519 seed)>``.

SM2 (GB/T 32918) signatures are not offered: the only SM2 at hand, ``gmssl`` 3.2, draws its signing nonce
from Python's non-cryptographic ``random`` module, does not range-check ``r`` and ``s`` when verifying, and
multiplies points in non-constant time; a signature scheme for a court's evidence log cannot rest on that.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Final, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import (
    BadSignatureError,
    KeyFormatError,
    MalformedNoteError,
    MissingNewlineError,
    SignatureEncodingError,
    UnknownKeyError,
)

__all__ = [
    "ED25519",
    "MAX_SIGNATURES",
    "Ed25519Signer",
    "Ed25519Verifier",
    "Note",
    "NoteSignature",
    "NoteSigner",
    "NoteVerifier",
    "append_signatures",
    "compute_key_id",
    "decode_base64",
    "generate_signer_key",
    "is_valid_key_name",
    "new_signer",
    "new_verifier",
    "open_note",
    "sign_note",
]

ED25519: Final = 0x01
"""The signed-note signature type of plain Ed25519 note signatures."""

MAX_SIGNATURES: Final = 100
"""The most signature lines ``open_note`` accepts (the spec requires at least 16; Go's note uses 100)."""

_DASH: Final = "— "
_PRIVATE_PREFIX: Final = "PRIVATE+KEY+"
_KEY_ID_RE: Final = re.compile(r"[0-9a-fA-F]{8}")


def decode_base64(text: str) -> bytes | None:
    """Decode canonical standard base64 (RFC 4648 §4); ``None`` if ``text`` is not exactly that.

    >>> decode_base64("AAE="), decode_base64("AAF="), decode_base64("AA E=")
    (b'\\x00\\x01', None, None)
    """
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if base64.b64encode(raw).decode("ascii") == text else None


def is_valid_key_name(name: str) -> bool:
    """Whether ``name`` may name a key: non-empty, no Unicode space, no plus sign.

    >>> is_valid_key_name("court.example/ledger"), is_valid_key_name("a b"), is_valid_key_name("a+b")
    (True, False, False)
    """
    return bool(name) and "+" not in name and not any(ch.isspace() for ch in name)


_P: Final = 2**255 - 19
_D: Final = -121665 * pow(121666, _P - 2, _P) % _P
_SQRT_M1: Final = pow(2, (_P - 1) // 4, _P)


def _ed25519_weak_key_reason(public_key: bytes) -> str | None:
    """Why an Ed25519 public key must not be trusted (not a canonical point, or of small order), or None.

    OpenSSL, like RFC 8032, accepts small-order public keys, for which signatures can be forged without
    the private key (the all-zero key verifies an all-zero signature on any message); a verifier
    configured with such a key would trust anything, so it is refused when the key is loaded.
    """
    y = int.from_bytes(public_key, "little") & ((1 << 255) - 1)
    sign = public_key[31] >> 7
    if y >= _P:
        return "non-canonical point encoding"
    u, v = (y * y - 1) % _P, (_D * y * y + 1) % _P
    x = u * pow(v, 3, _P) * pow(u * pow(v, 7, _P), (_P - 5) // 8, _P) % _P
    if v * x * x % _P != u:
        if v * x * x % _P != -u % _P:
            return "not a point on the curve"
        x = x * _SQRT_M1 % _P
    if x == 0 and sign:
        return "non-canonical point encoding"
    if x & 1 != sign:
        x = _P - x
    for _ in range(3):  # multiply by the cofactor 8 with the complete twisted Edwards doubling (a = -1)
        t = _D * x * x * y * y % _P
        x, y = (
            2 * x * y * pow(1 + t, _P - 2, _P) % _P,
            (y * y + x * x) * pow(1 - t, _P - 2, _P) % _P,
        )
    return "a point of small order" if (x, y) == (0, 1) else None


def compute_key_id(name: str, key_material: bytes) -> int:
    """The key ID: the first four bytes of ``SHA-256(name || 0x0A || key_material)``, big-endian.

    >>> f"{compute_key_id('example.com/log', bytes([ED25519]) + bytes(32)):08x}"
    'a3ad76db'

    ``key_material`` is the signature type byte followed by the public key.
    """
    return int.from_bytes(hashlib.sha256(name.encode("utf-8") + b"\n" + key_material).digest()[:4], "big")


@dataclass(frozen=True)
class NoteSignature:
    """One signature line of a note.

    >>> NoteSignature(name="a.example/k", key_id=1, signature=b"\\xff").line()
    '— a.example/k AAAAAf8=\\n'
    """

    name: str
    key_id: int
    signature: bytes

    def line(self) -> str:
        """The signature line, newline included."""
        blob = self.key_id.to_bytes(4, "big") + self.signature
        return f"{_DASH}{self.name} {base64.b64encode(blob).decode('ascii')}\n"


@dataclass(frozen=True)
class Note:
    """A note that ``open_note`` checked: its text, and its signatures split by whether a known key made them.

    >>> signer = new_signer(generate_signer_key("a.example/log"))
    >>> note = open_note(sign_note("hello\\n", [signer]), [signer.verifier()])
    >>> note.text, [s.name for s in note.verified], note.unverified
    ('hello\\n', ['a.example/log'], ())
    """

    text: str
    verified: tuple[NoteSignature, ...]
    unverified: tuple[NoteSignature, ...]


class NoteSigner(Protocol):
    """A key that signs note texts.

    >>> isinstance(new_signer(generate_signer_key("a.example/log")).sign(b"hi\\n"), bytes)
    True
    """

    @property
    def name(self) -> str:
        """The key name written in signature lines."""
        ...

    @property
    def key_id(self) -> int:
        """The 32-bit key ID written before each signature."""
        ...

    def sign(self, message: bytes) -> bytes:
        """The signature over ``message``, without the key ID."""
        ...


class NoteVerifier(Protocol):
    """A key that checks signatures on note texts.

    >>> signer = new_signer(generate_signer_key("a.example/log"))
    >>> signer.verifier().verify(b"hi\\n", signer.sign(b"hi\\n"))
    True
    """

    @property
    def name(self) -> str:
        """The key name signature lines must carry."""
        ...

    @property
    def key_id(self) -> int:
        """The key ID signature lines must carry."""
        ...

    def verify(self, message: bytes, signature: bytes) -> bool:
        """Whether ``signature`` (without the key ID) is valid over ``message``."""
        ...


class Ed25519Verifier:
    """An Ed25519 note verifier (signature type 0x01).

    >>> v = Ed25519Verifier("a.example/log", bytes.fromhex(
    ...     "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29"))
    >>> v.verifier_key()
    'a.example/log+bb4c3014+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop'
    >>> Ed25519Verifier("a.example/log", bytes(32))
    Traceback (most recent call last):
    ...
    smartcourt.engines.ledger.errors.KeyFormatError: malformed key: the Ed25519 public key is a point of small order

    Requires a valid key name and a 32-byte public key that is a canonical point of large order.
    """

    __slots__ = ("_key", "key_id", "name", "public_key")

    signature_type: ClassVar[int] = ED25519

    def __init__(self, name: str, public_key: bytes) -> None:
        if not is_valid_key_name(name):
            raise KeyFormatError(f"invalid key name {name!r}")
        if len(public_key) != 32:
            raise KeyFormatError(f"an Ed25519 public key is 32 bytes, got {len(public_key)}")
        self.name = name
        self.public_key = public_key
        weakness = _ed25519_weak_key_reason(public_key)
        if weakness is not None:
            raise KeyFormatError(f"the Ed25519 public key is {weakness}")
        self.key_id = compute_key_id(name, bytes([self.signature_type]) + public_key)
        try:
            self._key = Ed25519PublicKey.from_public_bytes(public_key)
        except ValueError as exc:
            raise KeyFormatError(f"not an Ed25519 public key: {exc}") from None

    def verify(self, message: bytes, signature: bytes) -> bool:
        """Whether ``signature`` is a valid Ed25519 signature over ``message``.

        >>> Ed25519Signer("a.example/log", bytes(32)).verifier().verify(b"x", bytes(64))
        False
        """
        try:
            self._key.verify(signature, message)
        except InvalidSignature:
            return False
        return True

    def verifier_key(self) -> str:
        """The verifier key string ``<name>+<key ID>+<base64(type || public key)>``."""
        blob = bytes([self.signature_type]) + self.public_key
        return f"{self.name}+{self.key_id:08x}+{base64.b64encode(blob).decode('ascii')}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.verifier_key()!r})"


class Ed25519Signer:
    """An Ed25519 note signer (signature type 0x01).

    >>> s = Ed25519Signer("a.example/log", bytes(32))
    >>> s.verifier().verify(b"x\\n", s.sign(b"x\\n"))
    True

    Requires a valid key name and a 32-byte Ed25519 seed (the RFC 8032 private key).
    """

    __slots__ = ("_key", "key_id", "name", "public_key")

    signature_type: ClassVar[int] = ED25519

    def __init__(self, name: str, seed: bytes) -> None:
        if not is_valid_key_name(name):
            raise KeyFormatError(f"invalid key name {name!r}")
        if len(seed) != 32:
            raise KeyFormatError(f"an Ed25519 private key is 32 bytes, got {len(seed)}")
        self.name = name
        self._key = Ed25519PrivateKey.from_private_bytes(seed)
        self.public_key = self._key.public_key().public_bytes_raw()
        self.key_id = compute_key_id(name, bytes([self.signature_type]) + self.public_key)

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature over ``message``."""
        return self._key.sign(message)

    def verifier(self) -> Ed25519Verifier:
        """The matching verifier."""
        return Ed25519Verifier(self.name, self.public_key)

    def signer_key(self) -> str:
        """The signer key string; a secret."""
        blob = bytes([self.signature_type]) + self._key.private_bytes_raw()
        return f"{_PRIVATE_PREFIX}{self.name}+{self.key_id:08x}+{base64.b64encode(blob).decode('ascii')}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r}, key_id={self.key_id:08x})"


def _split_key(key: str) -> tuple[str, int, bytes]:
    parts = key.split("+", 2)
    if len(parts) != 3:
        raise KeyFormatError("expected <name>+<key ID>+<base64 key>")
    name, hex_id, b64 = parts
    if not is_valid_key_name(name):
        raise KeyFormatError(f"invalid key name {name!r}")
    if not _KEY_ID_RE.fullmatch(hex_id):
        raise KeyFormatError(f"key ID {hex_id!r} is not 8 hex digits")
    blob = decode_base64(b64)
    if not blob:
        raise KeyFormatError("key material is not canonical base64")
    return name, int(hex_id, 16), blob


def new_verifier(vkey: str) -> NoteVerifier:
    """Parse a verifier key string ``<name>+<key ID>+<base64(type || public key)>``.

    >>> new_verifier("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW").key_id == 0xC74F20A3
    True

    Understands type 0x01 (Ed25519) and 0x04 (Ed25519 cosignature/v1). Requires the key ID to match the
    name and key; raises ``KeyFormatError`` otherwise.
    """
    from ._cosignature import COSIGNATURE_V1, CosignatureVerifier  # the cosigner module builds on this one

    name, key_id, blob = _split_key(vkey)
    kind, public_key = blob[0], blob[1:]
    verifier: Ed25519Verifier
    if kind == ED25519:
        verifier = Ed25519Verifier(name, public_key)
    elif kind == COSIGNATURE_V1:
        verifier = CosignatureVerifier(name, public_key)
    else:
        raise KeyFormatError(f"unsupported signature type 0x{kind:02x}")
    if verifier.key_id != key_id:
        raise KeyFormatError(f"key ID {key_id:08x} does not match the key (expected {verifier.key_id:08x})")
    return verifier


def new_signer(skey: str) -> Ed25519Signer:
    """Parse a signer key string ``PRIVATE+KEY+<name>+<key ID>+<base64(0x01 || seed)>``.

    >>> key = Ed25519Signer("a.example/log", bytes(32)).signer_key()
    >>> new_signer(key).signer_key() == key
    True

    Requires type 0x01 and a key ID matching the name and public key; raises ``KeyFormatError``.
    Cosigner keys (type 0x04) are read with ``new_cosigner``.
    """
    if not skey.startswith(_PRIVATE_PREFIX):
        raise KeyFormatError("a signer key starts with PRIVATE+KEY+")
    name, key_id, blob = _split_key(skey[len(_PRIVATE_PREFIX) :])
    if blob[0] != ED25519:
        raise KeyFormatError(f"unsupported signature type 0x{blob[0]:02x} for a note signer")
    signer = Ed25519Signer(name, blob[1:])
    if signer.key_id != key_id:
        raise KeyFormatError(f"key ID {key_id:08x} does not match the key (expected {signer.key_id:08x})")
    return signer


def generate_signer_key(name: str) -> str:
    """A new random Ed25519 signer key string for ``name``; its verifier is ``new_signer(k).verifier()``.

    >>> new_signer(generate_signer_key("a.example/log")).name
    'a.example/log'

    Requires a valid key name. Draws the key from the operating system's CSPRNG.
    """
    seed = Ed25519PrivateKey.generate().private_bytes_raw()
    return Ed25519Signer(name, seed).signer_key()


def _check_characters(text: str, what: str) -> None:
    for ch in text:
        if ch < " " and ch != "\n":
            raise MalformedNoteError(f"{what} contains control character U+{ord(ch):04X}")


def sign_note(text: str, signers: Sequence[NoteSigner]) -> str:
    """Sign ``text`` with every signer: text, blank line, one signature line per signer.

    >>> s = Ed25519Signer("a.example/log", bytes(32))
    >>> sign_note("hi\\n", [s]).startswith("hi\\n\\n— a.example/log ")
    True

    Requires ``text`` to end in a newline (``MissingNewlineError``), to hold no control character other
    than newline (``MalformedNoteError``) and at least one signer.
    """
    if not text.endswith("\n"):
        raise MissingNewlineError("note text")
    _check_characters(text, "note text")
    if not signers:
        raise ValueError("sign_note needs at least one signer")
    message = text.encode("utf-8")
    lines = [NoteSignature(s.name, s.key_id, s.sign(message)).line() for s in signers]
    return text + "\n" + "".join(lines)


def append_signatures(note: str, signatures: Iterable[NoteSignature]) -> str:
    """A signed note with more signature lines (say, witness cosignatures) at its end.

    >>> append_signatures("hi\\n\\n— a AAAAAAA=\\n", [NoteSignature("b", 0, b"\\x00")])
    'hi\\n\\n— a AAAAAAA=\\n— b AAAAAAA=\\n'

    Requires ``note`` to be a signed note (ending in a signature line and its newline).
    """
    if not note.endswith("\n"):
        raise MissingNewlineError("note")
    return note + "".join(sig.line() for sig in signatures)


def _parse_signature(line: str) -> NoteSignature:
    if not line.startswith(_DASH):
        raise MalformedNoteError(f"signature line {line[:40]!r} does not start with '— '")
    name, sep, b64 = line[len(_DASH) :].rpartition(" ")
    if not sep or not is_valid_key_name(name):
        raise MalformedNoteError(f"signature line {line[:40]!r} has no valid key name")
    blob = decode_base64(b64)
    if blob is None:
        raise SignatureEncodingError(name, "not canonical base64")
    if len(blob) <= 4:
        raise SignatureEncodingError(name, f"{len(blob)} bytes is no longer than the 4-byte key ID")
    return NoteSignature(name, int.from_bytes(blob[:4], "big"), blob[4:])


def open_note(note: str | bytes, verifiers: Sequence[NoteVerifier]) -> Note:
    """Parse a signed note and check its signatures against the known ``verifiers``.

    >>> s = Ed25519Signer("a.example/log", bytes(32))
    >>> open_note(sign_note("hi\\n", [s]), [s.verifier()]).text
    'hi\\n'
    >>> open_note("hi\\n", [s.verifier()])
    Traceback (most recent call last):
    ...
    smartcourt.engines.ledger.errors.MalformedNoteError: malformed note: no blank line before the signatures

    Signatures from unknown keys (name and key ID not both matching a verifier) are kept as ``unverified``.
    Raises ``MalformedNoteError`` (or its subclasses ``MissingNewlineError``, ``SignatureEncodingError``),
    ``BadSignatureError`` when a known key's signature fails, ``UnknownKeyError`` when no known key signed.
    """
    if isinstance(note, bytes):
        try:
            note = note.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MalformedNoteError(f"not UTF-8 at byte {exc.start}") from None
    if not note.endswith("\n"):
        raise MissingNewlineError("note")
    _check_characters(note, "note")
    split = note.rfind("\n\n")
    if split < 0:
        raise MalformedNoteError("no blank line before the signatures")
    text, block = note[: split + 1], note[split + 2 :]
    if not block:
        raise MalformedNoteError("no signature lines")
    lines = block[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        raise MalformedNoteError(f"{len(lines)} signatures, more than {MAX_SIGNATURES}")
    signatures = [_parse_signature(line) for line in lines]

    known = {(v.name, v.key_id): v for v in reversed(verifiers)}
    message = text.encode("utf-8")
    verified: list[NoteSignature] = []
    unverified: list[NoteSignature] = []
    for sig in signatures:
        verifier = known.get((sig.name, sig.key_id))
        if verifier is None:
            unverified.append(sig)
            continue
        if any(v.name == sig.name and v.key_id == sig.key_id for v in verified):
            raise MalformedNoteError(f"two signatures by {sig.name!r} (key ID {sig.key_id:08x})")
        if not verifier.verify(message, sig.signature):
            raise BadSignatureError(sig.name, sig.key_id)
        verified.append(sig)
    if not verified:
        raise UnknownKeyError(tuple(sig.name for sig in signatures))
    return Note(text=text, verified=tuple(verified), unverified=tuple(unverified))
