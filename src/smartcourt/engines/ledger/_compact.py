"""Compact ranges: O(log n) append state of a Merkle log, as in transparency-dev/merkle ``compact``.

Nodes are addressed by ``(level, index)``: level 0 holds the leaf hashes, and the node at ``(level, index)``
is the root of the perfect subtree over leaves ``[index * 2**level, (index + 1) * 2**level)``. In an RFC 9162
tree of ``size`` leaves, exactly the nodes whose subtree ends at or before ``size`` exist for ever once
written; the others (on the right border) are *ephemeral* and are recomputed from full subtrees.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ._hashing import Hasher
from .errors import HashSizeError

__all__ = ["CompactRange", "Node", "NodeId", "compute_root", "range_nodes", "tree_height"]


@dataclass(frozen=True, slots=True)
class NodeId:
    """The address of a full subtree: ``level`` above the leaves, ``index`` from the left at that level.

    >>> NodeId(level=2, index=1).leaf_range()
    (4, 8)
    """

    level: int
    index: int

    def leaf_range(self) -> tuple[int, int]:
        """The half-open range of leaf indices this subtree covers.

        >>> NodeId(0, 5).leaf_range()
        (5, 6)
        """
        return self.index << self.level, (self.index + 1) << self.level


@dataclass(frozen=True, slots=True)
class Node:
    """A full-subtree hash produced by an append, for storage to persist.

    >>> Node(level=0, index=3, hash=b"h").id
    NodeId(level=0, index=3)
    """

    level: int
    index: int
    hash: bytes

    @property
    def id(self) -> NodeId:
        """The node's address."""
        return NodeId(self.level, self.index)


def tree_height(size: int) -> int:
    """The number of levels above the leaves in an RFC 9162 tree of ``size`` leaves.

    >>> [tree_height(n) for n in (1, 2, 3, 4, 5, 8, 9)]
    [0, 1, 2, 2, 3, 3, 4]

    Requires ``size >= 1``.
    """
    return (size - 1).bit_length()


def range_nodes(begin: int, end: int) -> list[NodeId]:
    """The full subtrees that exactly cover leaves ``[begin, end)``, left to right (``compact.RangeNodes``).

    >>> range_nodes(0, 7)
    [NodeId(level=2, index=0), NodeId(level=1, index=2), NodeId(level=0, index=6)]
    >>> range_nodes(3, 8)
    [NodeId(level=0, index=3), NodeId(level=2, index=1)]

    Requires ``0 <= begin <= end``.
    """
    if not 0 <= begin <= end:
        raise ValueError(f"requires 0 <= begin <= end, got [{begin}, {end})")
    ids: list[NodeId] = []
    while begin < end:
        # The largest aligned subtree starting at ``begin`` that fits before ``end``.
        level = (begin & -begin).bit_length() - 1 if begin else (end - begin).bit_length() - 1
        while (1 << level) > end - begin:
            level -= 1
        ids.append(NodeId(level, begin >> level))
        begin += 1 << level
    return ids


class CompactRange:
    """The append state of a log over leaves ``[0, size)``: one hash per set bit of ``size``.

    >>> from smartcourt.engines.ledger import SHA256
    >>> cr = CompactRange(SHA256)
    >>> [(n.level, n.index) for n in cr.append(SHA256.hash_leaf(b"a"))]
    [(0, 0)]
    >>> [(n.level, n.index) for n in cr.append(SHA256.hash_leaf(b"b"))]
    [(0, 1), (1, 0)]
    >>> cr.size, cr.root() == SHA256.hash_children(SHA256.hash_leaf(b"a"), SHA256.hash_leaf(b"b"))
    (2, True)

    ``append`` returns every node that became complete: the leaf itself (level 0) and the interior nodes
    above it, bottom-up; storage persists them so proofs can be served later. The state is the list of
    the roots of the perfect subtrees ``range_nodes(0, size)``, so a log resumes from storage with
    ``CompactRange.from_hashes``.
    """

    __slots__ = ("_hasher", "_hashes", "_size")

    def __init__(self, hasher: Hasher) -> None:
        self._hasher = hasher
        self._hashes: list[bytes] = []
        self._size = 0

    @classmethod
    def from_hashes(cls, hasher: Hasher, size: int, hashes: Sequence[bytes]) -> CompactRange:
        """Resume from the hashes of ``range_nodes(0, size)``, left to right.

        >>> from smartcourt.engines.ledger import SHA256
        >>> a = CompactRange(SHA256)
        >>> _ = a.extend([SHA256.hash_leaf(bytes([i])) for i in range(5)])
        >>> CompactRange.from_hashes(SHA256, a.size, a.hashes).root() == a.root()
        True

        Requires ``len(hashes) == bin(size).count("1")`` and every hash ``hasher.size`` bytes long.
        """
        if size < 0 or len(hashes) != size.bit_count():
            raise ValueError(f"size {size} needs {size.bit_count()} hashes, got {len(hashes)}")
        for i, h in enumerate(hashes):
            if len(h) != hasher.size:
                raise HashSizeError(what=f"compact range hash {i}", expected=hasher.size, got=len(h))
        cr = cls(hasher)
        cr._hashes = list(hashes)
        cr._size = size
        return cr

    @property
    def size(self) -> int:
        """The number of leaves appended so far."""
        return self._size

    @property
    def hashes(self) -> tuple[bytes, ...]:
        """The hashes of ``range_nodes(0, size)``, left to right."""
        return tuple(self._hashes)

    def append(self, leaf_hash: bytes) -> list[Node]:
        """Append one leaf hash; return the nodes it completed, the leaf first.

        >>> from smartcourt.engines.ledger import SHA256
        >>> cr = CompactRange(SHA256)
        >>> _ = cr.extend([SHA256.hash_leaf(b"x")] * 3)
        >>> [n.id for n in cr.append(SHA256.hash_leaf(b"x"))]
        [NodeId(level=0, index=3), NodeId(level=1, index=1), NodeId(level=2, index=0)]

        Requires ``len(leaf_hash) == hasher.size``.
        """
        if len(leaf_hash) != self._hasher.size:
            raise HashSizeError(what="leaf hash", expected=self._hasher.size, got=len(leaf_hash))
        index = self._size
        self._size = index + 1
        nodes = [Node(0, index, leaf_hash)]
        hashes = self._hashes
        if index & 1:  # the leaf completes one or more perfect subtrees: merge them bottom-up
            hash_children = self._hasher.hash_children
            h = leaf_hash
            level = 0
            while index & 1:
                h = hash_children(hashes.pop(), h)
                index >>= 1
                level += 1
                nodes.append(Node(level, index, h))
            hashes.append(h)
        else:
            hashes.append(leaf_hash)
        return nodes

    def extend(self, leaf_hashes: Iterable[bytes]) -> list[Node]:
        """Append leaf hashes in order; return every node they completed, in completion order.

        >>> from smartcourt.engines.ledger import SHA256
        >>> len(CompactRange(SHA256).extend([SHA256.hash_leaf(b"x")] * 4))
        7

        Requires every hash to be ``hasher.size`` bytes long.
        """
        nodes: list[Node] = []
        for leaf_hash in leaf_hashes:
            nodes.extend(self.append(leaf_hash))
        return nodes

    def root(self) -> bytes:
        """The RFC 9162 root hash of the leaves appended so far (``H("")`` when there are none).

        >>> from smartcourt.engines.ledger import SHA256
        >>> CompactRange(SHA256).root() == SHA256.empty_root()
        True
        """
        if not self._hashes:
            return self._hasher.empty_root()
        hash_children = self._hasher.hash_children
        it = reversed(self._hashes)
        h = next(it)
        for left in it:
            h = hash_children(left, h)
        return h

    def __repr__(self) -> str:
        return f"CompactRange(size={self._size}, hasher={self._hasher!r})"


def compute_root(hasher: Hasher, leaf_hashes: Iterable[bytes]) -> bytes:
    """The RFC 9162 root hash over ``leaf_hashes``, in O(log n) memory.

    >>> from smartcourt.engines.ledger import SHA256
    >>> a, b = SHA256.hash_leaf(b"a"), SHA256.hash_leaf(b"b")
    >>> compute_root(SHA256, [a, b]) == SHA256.hash_children(a, b)
    True
    >>> compute_root(SHA256, []) == SHA256.empty_root()
    True

    Requires every hash to be ``hasher.size`` bytes long.
    """
    cr = CompactRange(hasher)
    for leaf_hash in leaf_hashes:
        cr.append(leaf_hash)
    return cr.root()
