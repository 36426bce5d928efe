"""Tiles and bulk appends against the engine: batches of every shape, across tile boundaries and tile
levels (the tile height is lowered to reach many levels with few leaves), give the roots, receipts and
proofs of the reference computation, and the full check finds the store whole."""

from __future__ import annotations

import random

import pytest

from smartcourt.apps.evidence import selectors, services, storage
from smartcourt.apps.evidence.models import TreeTile
from smartcourt.engines.ledger import (
    SHA256,
    MemoryNodeStore,
    compute_root,
    consistency_proof,
    inclusion_proof,
    verify_receipt,
)

pytestmark = pytest.mark.django_db


def test_tile_layout_is_completion_order():
    order, pos = storage.tile_order(3)
    assert order == ((1, 0), (1, 1), (2, 0), (1, 2), (1, 3), (2, 1), (3, 0))
    assert all(pos[node] == p for p, node in enumerate(order))
    assert [storage.tile_count(0, 0, n, 3) for n in range(10)] == [0, 0, 1, 1, 3, 3, 4, 4, 7, 7]


@pytest.mark.parametrize("height", [2, 3, 8])
def test_bulk_appends_match_the_reference_tree(monkeypatch, height):
    monkeypatch.setattr(storage, "TILE_HEIGHT", height)
    rng = random.Random(height)
    ledger = services.ledger_ensure(court=None)
    leaves: list[bytes] = []
    sizes = [1, 1, 2, 3, 1, 7, 16, 1, 33, 64, 5, 100, 255, 2, 256, 1, 300]
    heads: list[tuple[int, bytes]] = [(0, SHA256.empty_root())]
    for n in sizes:
        batch = [SHA256.hash_leaf(rng.randbytes(16)) for _ in range(n)]
        inputs = [
            services.EntryInput(kind="FILE", leaf_hash=h, metadata={"i": len(leaves) + k})
            for k, h in enumerate(batch)
        ]
        appended = services.ledger_append(ledger=ledger, inputs=inputs, actor=None)
        leaves.extend(batch)
        store = MemoryNodeStore.from_leaf_hashes(SHA256, leaves)
        root = compute_root(SHA256, leaves)
        heads.append((len(leaves), root))
        for a in appended:
            r = a.receipt
            assert (r.tree_size, r.root_hash, r.leaf_hash) == (len(leaves), root, leaves[a.leaf_index])
            assert list(r.inclusion_proof) == inclusion_proof(SHA256, a.leaf_index, len(leaves), store)
        for a in appended[:: max(1, n // 5)]:
            verify_receipt(a.receipt, verifier_key=ledger.verifier_key)
            assert selectors.entry_receipt(entry=a.entry).to_json() == a.receipt.to_json()
            assert a.entry.metadata == {"i": a.leaf_index}
    ledger.refresh_from_db()
    assert ledger.size == len(leaves)
    store = MemoryNodeStore.from_leaf_hashes(SHA256, leaves)
    for i in rng.sample(range(len(leaves)), 40):
        size = rng.randrange(i + 1, len(leaves) + 1)
        assert selectors.proof_inclusion(ledger=ledger, leaf_index=i, tree_size=size) == inclusion_proof(
            SHA256, i, size, store
        )
    for (s0, _), (s1, _) in zip(heads, heads[1:], strict=False):
        assert selectors.proof_consistency(ledger=ledger, first=s0, second=s1) == consistency_proof(
            SHA256, s0, s1, store
        )
    assert selectors.ledger_check(ledger=ledger).ok
    # every tile holds exactly the nodes the tree has, in completion order
    for tile in TreeTile.objects.filter(ledger=ledger):
        assert len(tile.hashes) == 32 * storage.tile_count(tile.level, tile.index, len(leaves), height)
        order = storage.tile_order(height)[0]
        for p, (r, k) in enumerate(order[: len(tile.hashes) // 32]):
            level = height * tile.level + r
            index = (tile.index << (height - r)) + k
            assert bytes(tile.hashes)[32 * p : 32 * p + 32] == store.get_nodes([_id(level, index)])[0]


def _id(level: int, index: int):
    from smartcourt.engines.ledger import NodeId

    return NodeId(level, index)


def test_a_tampered_tile_node_is_named_and_refuses_appends(monkeypatch, tamper_node):
    monkeypatch.setattr(storage, "TILE_HEIGHT", 2)
    ledger = services.ledger_ensure(court=None)
    inputs = [services.EntryInput(kind="FILE", leaf_hash=SHA256.hash_leaf(bytes([i]))) for i in range(20)]
    services.ledger_append(ledger=ledger, inputs=inputs, actor=None)
    ledger.refresh_from_db()
    tamper_node(ledger, 3, 1)  # tile level 1: the subtree over leaves 8..15
    report = selectors.ledger_check(ledger=ledger)
    assert [(f.leaf_index, f.leaf_end) for f in report.failures] == [(8, 16)]
    tamper_node(ledger, 4, 0)  # on the compact range of 20 leaves
    with pytest.raises(services.ConflictError):
        services.ledger_append(ledger=ledger, inputs=inputs[:1], actor=None)


# --- proofs through the per-process tile cache ------------------------------------------------------------


@pytest.fixture
def tile_cache():
    storage.TILE_CACHE.clear()
    yield storage.TILE_CACHE
    storage.TILE_CACHE.clear()


def _append_random(ledger, rng, leaves: list[bytes], n: int) -> None:
    batch = [SHA256.hash_leaf(rng.randbytes(8)) for _ in range(n)]
    inputs = [services.EntryInput(kind="FILE", leaf_hash=h) for h in batch]
    services.ledger_append(ledger=ledger, inputs=inputs, actor=None)
    leaves.extend(batch)


def test_cached_proofs_match_the_reference_as_the_right_edge_grows(
    monkeypatch, tile_cache, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(storage, "TILE_HEIGHT", 2)
    rng = random.Random(7)
    ledger = services.ledger_ensure(court=None)
    leaves: list[bytes] = []
    for n in (5, 1, 11, 3, 40, 1, 70):
        _append_random(ledger, rng, leaves, n)
        ledger.refresh_from_db()
        store = MemoryNodeStore.from_leaf_hashes(SHA256, leaves)
        # the cache fills as proofs are read (callbacks run as if the test's transaction committed) and
        # then serves tiles that the next batches extend: every proof, at every size, is the reference's
        with django_capture_on_commit_callbacks(execute=True):
            for _ in range(30):
                size = rng.randrange(1, len(leaves) + 1)
                i = rng.randrange(size)
                got = selectors.proof_inclusion(ledger=ledger, leaf_index=i, tree_size=size)
                assert got == inclusion_proof(SHA256, i, size, store)
                first = rng.randrange(0, size + 1)
                got = selectors.proof_consistency(ledger=ledger, first=first, second=size)
                assert got == consistency_proof(SHA256, first, size, store)
        assert len(tile_cache) > 0


def test_a_cached_proof_costs_one_query(
    tile_cache, django_capture_on_commit_callbacks, django_assert_num_queries
):
    ledger = services.ledger_ensure(court=None)
    leaves: list[bytes] = []
    _append_random(ledger, random.Random(1), leaves, 700)
    ledger.refresh_from_db()
    store = MemoryNodeStore.from_leaf_hashes(SHA256, leaves)
    with django_capture_on_commit_callbacks(execute=True):
        selectors.proof_inclusion(ledger=ledger, leaf_index=3, tree_size=700)  # leaf and tiles: one query
    for i in (0, 300, 699):
        with django_assert_num_queries(1):  # the leaf only: the tiles come from the cache
            assert selectors.proof_inclusion(ledger=ledger, leaf_index=i, tree_size=700) == inclusion_proof(
                SHA256, i, 700, store
            )


def test_a_rolled_back_read_never_enters_the_cache(tile_cache):
    from django.db import transaction

    ledger = services.ledger_ensure(court=None)
    _append_random(ledger, random.Random(2), [], 300)
    ledger.refresh_from_db()
    with pytest.raises(RuntimeError), transaction.atomic():
        selectors.proof_inclusion(ledger=ledger, leaf_index=5, tree_size=300)
        raise RuntimeError
    assert len(tile_cache) == 0


def test_tamper_checks_read_the_database_not_the_cache(
    monkeypatch, tile_cache, tamper_node, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(storage, "TILE_HEIGHT", 2)
    ledger = services.ledger_ensure(court=None)
    _append_random(ledger, random.Random(3), [], 20)
    ledger.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(20):
            selectors.proof_inclusion(ledger=ledger, leaf_index=i, tree_size=20)
    assert len(tile_cache) > 0
    tamper_node(ledger, 3, 1)
    assert [(f.leaf_index, f.leaf_end) for f in selectors.ledger_check(ledger=ledger).failures] == [(8, 16)]
    with pytest.raises(selectors.RootMismatchError):
        selectors.entry_check(ledger=ledger, leaf_index=0)
