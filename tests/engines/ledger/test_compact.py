"""Compact ranges and node addressing, against the RFC 9162 reference."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcourt.engines.ledger import (
    SHA256,
    SM3,
    CompactRange,
    MemoryNodeStore,
    MerkleHasher,
    Node,
    NodeId,
    range_nodes,
    tree_height,
)
from smartcourt.engines.ledger.errors import HashSizeError

from . import reference


def _entries(n: int) -> list[bytes]:
    return [f"record {i}".encode() for i in range(n)]


@pytest.mark.parametrize("hasher", [SHA256, SM3], ids=lambda h: h.name)
def test_root_after_every_append_matches_reference(hasher: MerkleHasher) -> None:
    entries = _entries(70)
    cr = CompactRange(hasher)
    assert cr.root() == reference.mth(hasher.name, [])
    for n, entry in enumerate(entries, start=1):
        cr.append(hasher.hash_leaf(entry))
        assert cr.size == n
        assert cr.root() == reference.mth(hasher.name, entries[:n])
        assert len(cr.hashes) == bin(n).count("1")


def test_append_returns_the_leaf_then_completed_parents() -> None:
    cr = CompactRange(SHA256)
    leaves = [SHA256.hash_leaf(e) for e in _entries(8)]
    produced = [[(n.level, n.index) for n in cr.append(h)] for h in leaves]
    assert produced == [
        [(0, 0)],
        [(0, 1), (1, 0)],
        [(0, 2)],
        [(0, 3), (1, 1), (2, 0)],
        [(0, 4)],
        [(0, 5), (1, 2)],
        [(0, 6)],
        [(0, 7), (1, 3), (2, 1), (3, 0)],
    ]


def test_appended_nodes_are_the_full_subtree_hashes() -> None:
    entries = _entries(37)
    leaves = [SHA256.hash_leaf(e) for e in entries]
    nodes = CompactRange(SHA256).extend(leaves)
    assert len(nodes) == 2 * 37 - bin(37).count("1")
    for node in nodes:
        begin, end = node.id.leaf_range()
        assert node.hash == reference.mth("sha256", entries[begin:end])
    streamed = MemoryNodeStore()
    streamed.add(nodes)
    bulk = MemoryNodeStore.from_leaf_hashes(SHA256, leaves)
    assert streamed.node_count == bulk.node_count == len(nodes)
    assert streamed.get_nodes([n.id for n in nodes]) == bulk.get_nodes([n.id for n in nodes])


def test_resume_from_stored_nodes() -> None:
    leaves = [SHA256.hash_leaf(e) for e in _entries(45)]
    whole = CompactRange(SHA256)
    whole.extend(leaves)
    store = MemoryNodeStore.from_leaf_hashes(SHA256, leaves[:29])
    resumed = CompactRange.from_hashes(SHA256, 29, store.get_nodes(range_nodes(0, 29)))
    later = resumed.extend(leaves[29:])
    assert resumed.root() == whole.root()
    store.add(later)
    assert store.size == 45


def test_from_hashes_rejects_the_wrong_state() -> None:
    with pytest.raises(ValueError, match="needs 2 hashes"):
        CompactRange.from_hashes(SHA256, 5, [bytes(32)])
    with pytest.raises(HashSizeError):
        CompactRange.from_hashes(SHA256, 1, [bytes(31)])


def test_append_rejects_a_short_leaf_hash() -> None:
    cr = CompactRange(SHA256)
    with pytest.raises(HashSizeError) as info:
        cr.append(b"short")
    assert (info.value.expected, info.value.got) == (32, 5)
    assert cr.size == 0


def test_memory_store_add_rules() -> None:
    store = MemoryNodeStore()
    with pytest.raises(ValueError, match="added before"):
        store.add([Node(0, 1, b"x")])
    store.add([Node(0, 0, b"x")])
    with pytest.raises(ValueError, match="another hash"):
        store.add([Node(0, 0, b"y")])


@given(st.integers(0, 5000), st.integers(0, 5000))
def test_range_nodes_cover_the_range_with_aligned_subtrees(a: int, b: int) -> None:
    begin, end = min(a, b), max(a, b)
    ids = range_nodes(begin, end)
    position = begin
    for node_id in ids:
        lo, hi = node_id.leaf_range()
        assert lo == position
        position = hi
    assert position == end
    assert len(ids) <= 2 * max(1, end).bit_length()


def test_tree_height_and_node_ranges() -> None:
    assert [tree_height(n) for n in (1, 2, 3, 4, 5, 1024, 1025)] == [0, 1, 2, 2, 3, 10, 11]
    assert NodeId(3, 2).leaf_range() == (16, 24)
    assert range_nodes(0, 0) == []
    with pytest.raises(ValueError):
        range_nodes(3, 2)
