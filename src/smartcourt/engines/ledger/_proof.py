"""Merkle inclusion and consistency proofs: RFC 9162 §2.1.3 and §2.1.4.

Proofs are built from stored full-subtree hashes read through a ``NodeReader`` (as transparency-dev/merkle
``proof.Inclusion`` / ``proof.Consistency`` plan the node IDs), and verified by the algorithms of
RFC 9162 §2.1.3.2 and §2.1.4.2, restated as in transparency-dev/merkle so that each failure is typed:
a proof of the wrong length raises ``ProofLengthError`` before any hashing, a wrong proof raises
``RootMismatchError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from ._compact import Node, NodeId, range_nodes, tree_height
from ._hashing import Hasher
from .errors import (
    HashSizeError,
    IndexOutOfRangeError,
    NodeNotFoundError,
    ProofLengthError,
    RootMismatchError,
    TreeSizeOrderError,
)

__all__ = [
    "MemoryNodeStore",
    "NodeReader",
    "consistency_proof",
    "inclusion_proof",
    "root_from_inclusion_proof",
    "verify_consistency",
    "verify_inclusion",
]


class NodeReader(Protocol):
    """Storage that returns full-subtree hashes by address (one batched read per proof).

    >>> from smartcourt.engines.ledger import SHA256
    >>> store: NodeReader = MemoryNodeStore.from_leaf_hashes(SHA256, [SHA256.hash_leaf(b"a")])
    >>> store.get_nodes([NodeId(0, 0)]) == [SHA256.hash_leaf(b"a")]
    True

    Must return the hashes in the order of ``ids``, and raise ``NodeNotFoundError`` for a node it lacks.
    """

    def get_nodes(self, ids: Sequence[NodeId], /) -> Sequence[bytes]:
        """The hashes of the nodes ``ids``, in that order."""
        ...


class MemoryNodeStore:
    """An in-memory ``NodeReader``: one growing list of hashes per level.

    >>> from smartcourt.engines.ledger import SHA256, CompactRange
    >>> cr, store = CompactRange(SHA256), MemoryNodeStore()
    >>> for i in range(5):
    ...     store.add(cr.append(SHA256.hash_leaf(bytes([i]))))
    >>> store.size, store.get_nodes([NodeId(2, 0)]) == [SHA256.hash_children(
    ...     store.get_nodes([NodeId(1, 0)])[0], store.get_nodes([NodeId(1, 1)])[0])]
    (5, True)

    Requires nodes of each level to be added in index order, as ``CompactRange.append`` produces them.
    """

    __slots__ = ("_levels",)

    def __init__(self) -> None:
        self._levels: list[list[bytes]] = []

    @classmethod
    def from_leaf_hashes(cls, hasher: Hasher, leaf_hashes: Iterable[bytes]) -> MemoryNodeStore:
        """Build every full subtree over ``leaf_hashes`` level by level (faster than appending one by one).

        >>> from smartcourt.engines.ledger import SHA256
        >>> MemoryNodeStore.from_leaf_hashes(SHA256, [SHA256.hash_leaf(b"")] * 6).node_count
        10
        """
        store = cls()
        level = list(leaf_hashes)
        hash_children = hasher.hash_children
        while level:
            store._levels.append(level)
            level = [hash_children(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        return store

    @property
    def size(self) -> int:
        """The number of leaves stored."""
        return len(self._levels[0]) if self._levels else 0

    @property
    def node_count(self) -> int:
        """The number of full-subtree hashes stored, leaves included."""
        return sum(len(level) for level in self._levels)

    def add(self, nodes: Iterable[Node]) -> None:
        """Store nodes; re-adding a node with the same hash is a no-op.

        >>> store = MemoryNodeStore()
        >>> store.add([Node(0, 0, b"a"), Node(0, 0, b"a")])
        >>> store.size
        1

        Requires each node's index to be at most the number already stored at its level, and a node
        already stored to keep its hash; raises ``ValueError`` otherwise.
        """
        levels = self._levels
        for node in nodes:
            level, index, h = node.level, node.index, node.hash
            while len(levels) <= level:
                levels.append([])
            row = levels[level]
            if index == len(row):
                row.append(h)
            elif index > len(row):
                raise ValueError(f"node ({level}, {index}) added before ({level}, {len(row)})")
            elif row[index] != h:
                raise ValueError(f"node ({level}, {index}) is already stored with another hash")

    def get_nodes(self, ids: Sequence[NodeId], /) -> list[bytes]:
        """The stored hashes of ``ids``, in order; ``NodeNotFoundError`` for a missing node.

        >>> MemoryNodeStore().get_nodes([])
        []
        """
        levels = self._levels
        out: list[bytes] = []
        for node_id in ids:
            level, index = node_id.level, node_id.index
            if level >= len(levels) or not 0 <= index < len(levels[level]):
                raise NodeNotFoundError(level, index)
            out.append(levels[level][index])
        return out


# --- planning: which stored nodes make a proof ---------------------------------------------------------


def _path_plan(level: int, index: int, size: int) -> tuple[list[NodeId], int, list[NodeId]]:
    """Siblings, bottom-up, on the path from node ``(level, index)`` to the root of a tree of ``size``.

    Returns ``(ids, at, ephemeral)``: the stored siblings; the position in the proof of the one sibling
    on the right border that is not a full subtree (``-1`` if none); and the full subtrees whose right
    fold is that ephemeral node.
    """
    ids: list[NodeId] = []
    at = -1
    ephemeral: list[NodeId] = []
    for lvl in range(level, tree_height(size)):
        sibling = (index >> (lvl - level)) ^ 1
        begin = sibling << lvl
        if begin >= size:
            continue  # the subtree has no right sibling at this level: RFC 9162 lifts the node up
        end = begin + (1 << lvl)
        if end <= size:
            ids.append(NodeId(lvl, sibling))
        else:
            at = len(ids)
            ephemeral = range_nodes(begin, size)
    return ids, at, ephemeral


def _read_proof(
    hasher: Hasher, reader: NodeReader, plan: tuple[list[NodeId], int, list[NodeId]]
) -> list[bytes]:
    ids, at, ephemeral = plan
    hashes = list(reader.get_nodes([*ids, *ephemeral]))
    if len(hashes) != len(ids) + len(ephemeral):
        raise ValueError(f"node reader returned {len(hashes)} hashes for {len(ids) + len(ephemeral)} ids")
    proof = hashes[: len(ids)]
    if at >= 0:
        fold = hashes[len(ids) :]
        h = fold[-1]
        for left in reversed(fold[:-1]):
            h = hasher.hash_children(left, h)
        proof.insert(at, h)
    return proof


def inclusion_proof(hasher: Hasher, index: int, size: int, reader: NodeReader) -> list[bytes]:
    """The RFC 9162 §2.1.3.1 inclusion proof (audit path) of leaf ``index`` in the tree of ``size``.

    >>> from smartcourt.engines.ledger import SHA256, compute_root
    >>> leaves = [SHA256.hash_leaf(bytes([i])) for i in range(7)]
    >>> store = MemoryNodeStore.from_leaf_hashes(SHA256, leaves)
    >>> proof = inclusion_proof(SHA256, 6, 7, store)
    >>> len(proof), root_from_inclusion_proof(SHA256, 6, 7, leaves[6], proof) == compute_root(SHA256, leaves)
    (2, True)

    Requires ``0 <= index < size`` and the reader to hold every full subtree of the first ``size`` leaves.
    Ordered from the leaf's sibling up to the root's child.
    """
    if not 0 <= index < size:
        raise IndexOutOfRangeError(index, size)
    return _read_proof(hasher, reader, _path_plan(0, index, size))


def consistency_proof(hasher: Hasher, size1: int, size2: int, reader: NodeReader) -> list[bytes]:
    """The RFC 9162 §2.1.4.1 consistency proof between the trees of ``size1`` and ``size2`` leaves.

    >>> from smartcourt.engines.ledger import SHA256
    >>> store = MemoryNodeStore.from_leaf_hashes(SHA256, [SHA256.hash_leaf(bytes([i])) for i in range(7)])
    >>> [len(consistency_proof(SHA256, m, 7, store)) for m in range(8)]
    [0, 3, 2, 4, 1, 4, 3, 0]

    Requires ``0 <= size1 <= size2`` and the reader to hold every full subtree of the first ``size2``
    leaves. Empty when ``size1`` is 0 or equal to ``size2``.
    """
    if size1 < 0 or size1 > size2:
        raise TreeSizeOrderError(size1, size2)
    if size1 == 0 or size1 == size2:
        return []
    # The largest full subtree ending at size1 seeds the proof; when size1 is a power of two it is the
    # old root itself, which the verifier already has, so it is left out (RFC 9162 SUBPROOF with b=true).
    level = (size1 & -size1).bit_length() - 1
    index = (size1 - 1) >> level
    ids, at, ephemeral = _path_plan(level, index, size2)
    if index:
        ids.insert(0, NodeId(level, index))
        at = at + 1 if at >= 0 else at
    return _read_proof(hasher, reader, (ids, at, ephemeral))


# --- verification ---------------------------------------------------------------------------------------


def _check_sizes(hasher: Hasher, proof: Sequence[bytes], **hashes: bytes) -> None:
    for what, h in hashes.items():
        if len(h) != hasher.size:
            raise HashSizeError(what=what.replace("_", " "), expected=hasher.size, got=len(h))
    for i, p in enumerate(proof):
        if len(p) != hasher.size:
            raise HashSizeError(what=f"proof node {i}", expected=hasher.size, got=len(p))


def _decompose(index: int, size: int) -> tuple[int, int]:
    """Split an audit path where the paths to ``index`` and ``size - 1`` diverge: (inner, border) lengths."""
    inner = (index ^ (size - 1)).bit_length()
    return inner, (index >> inner).bit_count()


def root_from_inclusion_proof(
    hasher: Hasher, index: int, size: int, leaf_hash: bytes, proof: Sequence[bytes]
) -> bytes:
    """The root hash that ``proof`` implies for leaf ``index`` of the tree of ``size``.

    >>> from smartcourt.engines.ledger import SHA256
    >>> a, b = SHA256.hash_leaf(b"a"), SHA256.hash_leaf(b"b")
    >>> root_from_inclusion_proof(SHA256, 1, 2, b, [a]) == SHA256.hash_children(a, b)
    True

    Requires ``0 <= index < size`` (``IndexOutOfRangeError``), hashes of ``hasher.size`` bytes
    (``HashSizeError``) and a proof of the exact RFC 9162 length (``ProofLengthError``).
    """
    if not 0 <= index < size:
        raise IndexOutOfRangeError(index, size)
    _check_sizes(hasher, proof, leaf_hash=leaf_hash)
    inner, border = _decompose(index, size)
    if len(proof) != inner + border:
        raise ProofLengthError(expected=inner + border, got=len(proof))
    hash_children = hasher.hash_children
    h = leaf_hash
    for i in range(inner):
        h = hash_children(proof[i], h) if (index >> i) & 1 else hash_children(h, proof[i])
    for p in proof[inner:]:
        h = hash_children(p, h)
    return h


def verify_inclusion(
    hasher: Hasher, index: int, size: int, leaf_hash: bytes, proof: Sequence[bytes], root: bytes
) -> None:
    """Check an RFC 9162 §2.1.3.2 inclusion proof; return ``None`` or raise a ``ProofError``.

    >>> from smartcourt.engines.ledger import SHA256
    >>> a, b = SHA256.hash_leaf(b"a"), SHA256.hash_leaf(b"b")
    >>> verify_inclusion(SHA256, 0, 2, a, [b], SHA256.hash_children(a, b))
    >>> verify_inclusion(SHA256, 0, 2, a, [a], SHA256.hash_children(a, b))
    Traceback (most recent call last):
    ...
    smartcourt.engines.ledger.errors.RootMismatchError: root mismatch at tree size 2: ...

    Requires ``0 <= index < size``; raises ``IndexOutOfRangeError``, ``HashSizeError``,
    ``ProofLengthError`` or ``RootMismatchError``.
    """
    _check_sizes(hasher, (), root=root)
    calculated = root_from_inclusion_proof(hasher, index, size, leaf_hash, proof)
    if calculated != root:
        raise RootMismatchError(expected=root, calculated=calculated, tree_size=size)


def verify_consistency(
    hasher: Hasher, size1: int, size2: int, proof: Sequence[bytes], root1: bytes, root2: bytes
) -> None:
    """Check an RFC 9162 §2.1.4.2 consistency proof; return ``None`` or raise a ``ProofError``.

    >>> from smartcourt.engines.ledger import SHA256, compute_root
    >>> leaves = [SHA256.hash_leaf(bytes([i])) for i in range(3)]
    >>> r2, r3 = compute_root(SHA256, leaves[:2]), compute_root(SHA256, leaves)
    >>> verify_consistency(SHA256, 2, 3, [leaves[2]], r2, r3)
    >>> verify_consistency(SHA256, 2, 3, [], r2, r3)
    Traceback (most recent call last):
    ...
    smartcourt.engines.ledger.errors.ProofLengthError: proof has 0 nodes, expected 1

    Requires ``0 <= size1 <= size2`` (``TreeSizeOrderError``). A proof between equal sizes must be empty
    and the roots equal; from size 0 the proof must be empty (RFC 9162 defines no proof there, and the
    empty tree is a prefix of every tree). Raises ``HashSizeError``, ``ProofLengthError`` or
    ``RootMismatchError`` (``expected`` is ``root1`` or ``root2``, ``tree_size`` says which).
    """
    if size1 < 0 or size1 > size2:
        raise TreeSizeOrderError(size1, size2)
    _check_sizes(hasher, proof, root1=root1, root2=root2)
    if size1 == size2:
        if proof:
            raise ProofLengthError(expected=0, got=len(proof))
        if root1 != root2:
            raise RootMismatchError(expected=root1, calculated=root2, tree_size=size1)
        return
    if size1 == 0:
        if proof:
            raise ProofLengthError(expected=0, got=len(proof))
        return
    # The proof is the audit path of the largest full subtree ending at size1 (the node at level, index)
    # within the tree of size2, preceded by that node unless it is the whole old tree.
    level = (size1 & -size1).bit_length() - 1
    index = (size1 - 1) >> level
    inner, border = _decompose(index, ((size2 - 1) >> level) + 1)
    start = 1 if index else 0
    if len(proof) != start + inner + border:
        raise ProofLengthError(expected=start + inner + border, got=len(proof))
    hash_children = hasher.hash_children
    h1 = h2 = proof[0] if index else root1
    for i in range(inner):
        p = proof[start + i]
        if (index >> i) & 1:
            h1 = hash_children(p, h1)
            h2 = hash_children(p, h2)
        else:
            h2 = hash_children(h2, p)
    for p in proof[start + inner :]:
        h1 = hash_children(p, h1)
        h2 = hash_children(p, h2)
    if h1 != root1:
        raise RootMismatchError(expected=root1, calculated=h1, tree_size=size1)
    if h2 != root2:
        raise RootMismatchError(expected=root2, calculated=h2, tree_size=size2)
