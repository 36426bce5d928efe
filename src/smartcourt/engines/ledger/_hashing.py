"""RFC 9162 §2.1 Merkle tree hashing, with SHA-256 or SM3 (GB/T 32905-2016) as the hash.

Domain separation as in RFC 9162 §2.1.1: a leaf hash is ``H(0x00 || data)``, an interior node is
``H(0x01 || left || right)``, and the empty tree's root is ``H("")``.

SM3 comes from OpenSSL through ``hashlib.new("sm3")`` when the linked OpenSSL provides it (OpenSSL 1.1.1
and later, unless built with ``no-sm3``); otherwise from the pure-Python ``gmssl.sm3``, which gives the
same digests about a hundred times slower. ``SM3.backend`` says which one this process uses.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from typing import Final, Protocol

from .errors import HashAlgorithmError

__all__ = ["SHA256", "SM3", "Hasher", "MerkleHasher", "hasher_for"]

_LEAF_PREFIX: Final = b"\x00"
_NODE_PREFIX: Final = b"\x01"


class Hasher(Protocol):
    """The hashing a Merkle log needs (transparency-dev/merkle ``LogHasher``).

    >>> isinstance(SHA256.hash_leaf(b""), bytes)
    True
    """

    @property
    def name(self) -> str:
        """The algorithm's name as written in receipts: ``"sha256"`` or ``"sm3"``."""
        ...

    @property
    def size(self) -> int:
        """The digest size in bytes."""
        ...

    def hash_leaf(self, data: bytes) -> bytes:
        """The leaf hash ``H(0x00 || data)``."""
        ...

    def hash_children(self, left: bytes, right: bytes) -> bytes:
        """The interior node hash ``H(0x01 || left || right)``."""
        ...

    def empty_root(self) -> bytes:
        """The root of the empty tree, ``H("")``."""
        ...


class _HashObject(Protocol):
    def digest(self) -> bytes: ...


class MerkleHasher:
    """An RFC 9162 tree hasher over a hashlib-style constructor (``new(data).digest()``).

    >>> SHA256.empty_root().hex()[:16]
    'e3b0c44298fc1c14'
    >>> SHA256.hash_leaf(b"").hex()[:16]
    '6e340b9cffb37a98'
    >>> SM3.hash_children(SM3.hash_leaf(b"a"), SM3.hash_leaf(b"b")) == SM3.hash_children(
    ...     SM3.hash_leaf(b"a"), SM3.hash_leaf(b"b"))
    True

    Requires ``new(data).digest()`` to return the ``size``-byte hash of ``data``.
    """

    __slots__ = ("_empty", "_new", "backend", "name", "size")

    def __init__(self, name: str, size: int, new: Callable[[bytes], _HashObject], *, backend: str) -> None:
        self.name = name
        self.size = size
        self.backend = backend
        self._new = new
        self._empty = new(b"").digest()

    def __repr__(self) -> str:
        return f"MerkleHasher({self.name!r}, backend={self.backend!r})"

    def hash_leaf(self, data: bytes) -> bytes:
        """The leaf hash ``H(0x00 || data)``.

        >>> SHA256.hash_leaf(b"").hex()
        '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'
        """
        return self._new(_LEAF_PREFIX + data).digest()

    def hash_children(self, left: bytes, right: bytes) -> bytes:
        """The interior node hash ``H(0x01 || left || right)``.

        >>> len(SHA256.hash_children(b"l" * 32, b"r" * 32))
        32
        """
        return self._new(_NODE_PREFIX + left + right).digest()

    def empty_root(self) -> bytes:
        """The root of the empty tree, ``H("")``.

        >>> SM3.empty_root().hex()[:16]
        '1ab21d8355cfa17f'
        """
        return self._empty


class _GmsslSM3:
    """SM3 from the pure-Python ``gmssl`` package, shaped like a hashlib object."""

    __slots__ = ("_data",)

    def __init__(self, data: bytes) -> None:
        self._data = data

    def digest(self) -> bytes:
        from gmssl import func, sm3  # imported on use: only when OpenSSL lacks SM3

        return bytes.fromhex(sm3.sm3_hash(func.bytes_to_list(self._data)))


def _detect_sm3() -> tuple[Callable[[bytes], _HashObject], str]:
    try:
        hashlib.new("sm3", b"")
    except ValueError:
        return _GmsslSM3, "gmssl"
    return functools.partial(hashlib.new, "sm3"), "openssl"


SHA256: Final = MerkleHasher("sha256", 32, hashlib.sha256, backend="openssl")
"""The RFC 6962 / RFC 9162 hasher with SHA-256."""

_sm3_new, _sm3_backend = _detect_sm3()
SM3: Final = MerkleHasher("sm3", 32, _sm3_new, backend=_sm3_backend)
"""The RFC 9162 construction with SM3 (GB/T 32905-2016) in place of SHA-256."""

_HASHERS: Final = {"sha256": SHA256, "sm3": SM3}


def hasher_for(name: str) -> MerkleHasher:
    """The hasher for an algorithm name as written in receipts.

    >>> hasher_for("sm3").name
    'sm3'

    Requires ``name`` to be ``"sha256"`` or ``"sm3"``; raises ``HashAlgorithmError`` otherwise.
    """
    try:
        return _HASHERS[name]
    except KeyError:
        raise HashAlgorithmError(name) from None
