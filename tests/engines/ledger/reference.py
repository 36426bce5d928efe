"""A slow reference implementation written straight from RFC 9162 §2.1, for tests only.

Each function transcribes the RFC's definition, recursion and all, with no shortcut shared with the engine:
MTH (§2.1.1), PATH (§2.1.3.1), PROOF and SUBPROOF (§2.1.4.1), and the two verification algorithms
(§2.1.3.2, §2.1.4.2) as the numbered steps read. The hash is named ("sha256" or "sm3") and taken from
hashlib directly.

>>> mth("sha256", []).hex()[:8]
'e3b0c442'
"""

from __future__ import annotations

import hashlib


def _h(alg: str, data: bytes) -> bytes:
    return hashlib.new(alg, data).digest()


def leaf_hash(alg: str, entry: bytes) -> bytes:
    """MTH({d(0)}) = HASH(0x00 || d(0))."""
    return _h(alg, b"\x00" + entry)


def node_hash(alg: str, left: bytes, right: bytes) -> bytes:
    """HASH(0x01 || left || right)."""
    return _h(alg, b"\x01" + left + right)


def _k(n: int) -> int:
    """The largest power of two smaller than n (requires n > 1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(alg: str, entries: list[bytes]) -> bytes:
    """RFC 9162 §2.1.1: the Merkle Tree Hash of a list of entries."""
    n = len(entries)
    if n == 0:
        return _h(alg, b"")
    if n == 1:
        return leaf_hash(alg, entries[0])
    k = _k(n)
    return node_hash(alg, mth(alg, entries[:k]), mth(alg, entries[k:]))


def path(alg: str, m: int, entries: list[bytes]) -> list[bytes]:
    """RFC 9162 §2.1.3.1: PATH(m, D[n]), the inclusion proof of entry m (requires 0 <= m < n)."""
    n = len(entries)
    if n == 1:
        return []
    k = _k(n)
    if m < k:
        return path(alg, m, entries[:k]) + [mth(alg, entries[k:])]
    return path(alg, m - k, entries[k:]) + [mth(alg, entries[:k])]


def subproof(alg: str, m: int, entries: list[bytes], b: bool) -> list[bytes]:
    """RFC 9162 §2.1.4.1: SUBPROOF(m, D[n], b)."""
    n = len(entries)
    if m == n:
        return [] if b else [mth(alg, entries)]
    k = _k(n)
    if m <= k:
        return subproof(alg, m, entries[:k], b) + [mth(alg, entries[k:])]
    return subproof(alg, m - k, entries[k:], False) + [mth(alg, entries[:k])]


def proof(alg: str, m: int, entries: list[bytes]) -> list[bytes]:
    """RFC 9162 §2.1.4.1: PROOF(m, D[n]) = SUBPROOF(m, D[n], true), for 0 < m < n.

    For m = 0 and m = n the RFC defines no proof; like the engine, the reference returns [] there.
    """
    if m == 0 or m == len(entries):
        return []
    return subproof(alg, m, entries, True)


def verify_inclusion(
    alg: str, leaf_index: int, tree_size: int, h: bytes, inclusion_path: list[bytes], root_hash: bytes
) -> bool:
    """RFC 9162 §2.1.3.2, step by step."""
    # 1. Compare leaf_index against tree_size.
    if leaf_index >= tree_size:
        return False
    # 2. Set fn to leaf_index and sn to tree_size - 1.
    fn, sn = leaf_index, tree_size - 1
    # 3. Set r to hash.
    r = h
    # 4. For each value p in the inclusion_path array:
    for p in inclusion_path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(alg, p, r)
            if not fn & 1:
                while not (fn & 1 or fn == 0):
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(alg, r, p)
        fn >>= 1
        sn >>= 1
    # 5. Compare sn to 0 and r against root_hash.
    return sn == 0 and r == root_hash


def verify_consistency(
    alg: str, first: int, second: int, consistency_path: list[bytes], first_hash: bytes, second_hash: bytes
) -> bool:
    """RFC 9162 §2.1.4.2, step by step (for 0 < first < second, where the RFC defines a proof)."""
    # 1. If consistency_path is an empty array, stop and fail verification.
    if not consistency_path:
        return False
    path_ = list(consistency_path)
    # 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
    if first & (first - 1) == 0:
        path_.insert(0, first_hash)
    # 3. Set fn to first - 1 and sn to second - 1.
    fn, sn = first - 1, second - 1
    # 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
    while fn & 1:
        fn >>= 1
        sn >>= 1
    # 5. Set both fr and sr to the first value in the consistency_path array.
    fr = sr = path_[0]
    # 6. For each subsequent value c in the consistency_path array:
    for c in path_[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(alg, c, fr)
            sr = node_hash(alg, c, sr)
            if not fn & 1:
                while not (fn & 1 or fn == 0):
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(alg, sr, c)
        fn >>= 1
        sn >>= 1
    # 7. Verify fr == first_hash, sr == second_hash, and sn == 0.
    return fr == first_hash and sr == second_hash and sn == 0
