"""Group commit across concurrent callers: threads appending one entry each share transactions and
signed checkpoints, every caller gets its own receipt (verifying offline) after commit, and an error
reaches only the caller it belongs to.

Threads need their own database connections on a real server: on SQLite's in-memory test database every
thread shares one connection, so these tests run on PostgreSQL only.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from smartcourt.apps.evidence import selectors, services
from smartcourt.apps.evidence.models import EvidenceEntry, Ledger, TreeHead
from smartcourt.engines.ledger import SHA256, verify_consistency, verify_receipt
from smartcourt.engines.ledger.errors import HashSizeError
from tests.apps.factories import make_world

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "not __import__('os').environ.get('DATABASE_URL', '').startswith('postgres')",
        reason="threads share SQLite's in-memory test connection; run with DATABASE_URL=postgres://…",
    ),
]


def _in_threads(n: int, fn):
    """Run ``fn(i)`` for i < n in n threads released together; the results (or exceptions), in order."""
    gate = threading.Barrier(n)

    def run(i):
        try:
            gate.wait()
            return fn(i)
        except Exception as exc:  # handed back, to assert on
            return exc
        finally:
            connection.close()

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(run, range(n)))


def test_concurrent_single_records_share_checkpoints_and_each_gets_its_receipt(record):
    world = make_world()
    services.ledger_ensure(court=world.court)
    n = 24
    results = _in_threads(n, lambda i: services.evidence_record(actor=world.judge, records=[record(i)]))
    assert not [r for r in results if isinstance(r, Exception)]
    ledger = Ledger.objects.get(court=world.court)
    assert ledger.size == n
    assert sorted(r[0].leaf_index for r in results) == list(range(n))
    heads = list(TreeHead.objects.filter(ledger=ledger).order_by("size"))
    assert len(heads) - 1 < n  # fewer checkpoints than callers: batches were shared
    for i, r in enumerate(results):
        a = r[0]
        entry = a.entry
        assert entry.recorded_by_id == world.judge.pk
        assert entry.metadata["title"] == f"裁定书签章{i}"
        verify_receipt(a.receipt, verifier_key=ledger.verifier_key, data=bytes(entry.leaf_data))
        assert selectors.entry_receipt(entry=entry).to_json() == a.receipt.to_json()
    for head in heads[1:]:
        assert head.consistency_verified
        prev = next(h for h in heads if h.size == head.previous_size)
        proof = selectors.proof_consistency(ledger=ledger, first=prev.size, second=head.size)
        verify_consistency(SHA256, prev.size, head.size, proof, bytes(prev.root_hash), bytes(head.root_hash))
    assert selectors.ledger_check(ledger=ledger).ok


def test_an_error_reaches_only_its_caller():
    ledger = services.ledger_ensure(court=None)
    good = [
        [services.EntryInput(kind="FILE", leaf_hash=SHA256.hash_leaf(bytes([i])), source_id=None)]
        for i in range(8)
    ]
    bad = [services.EntryInput(kind="FILE", leaf_hash=b"short")]
    inputs = [*good[:4], bad, *good[4:]]
    grouped = services.GroupCommitter(max_wait=0.05, max_entries=len(inputs))
    results = _in_threads(len(inputs), lambda i: grouped.append(ledger=ledger, inputs=inputs[i], actor=None))
    assert isinstance(results[4], HashSizeError)
    assert all(isinstance(r, list) and len(r) == 1 for k, r in enumerate(results) if k != 4)
    ledger.refresh_from_db()
    assert ledger.size == 8 == EvidenceEntry.objects.filter(ledger=ledger).count()
    for r in results[:4] + results[5:]:
        verify_receipt(r[0].receipt, verifier_key=ledger.verifier_key)
    assert selectors.ledger_check(ledger=ledger).ok


def test_a_damaged_store_fails_every_caller():
    ledger = services.ledger_ensure(court=None)
    services.ledger_append(
        ledger=ledger, inputs=[services.EntryInput(kind="FILE", leaf_hash=SHA256.hash_leaf(b"x"))], actor=None
    )
    EvidenceEntry.objects.filter(ledger=ledger, leaf_index=0).update(leaf_hash=bytes(32))
    grouped = services.GroupCommitter(max_wait=0.02, max_entries=4)
    results = _in_threads(
        4,
        lambda i: grouped.append(
            ledger=ledger,
            inputs=[services.EntryInput(kind="FILE", leaf_hash=SHA256.hash_leaf(bytes([i])))],
            actor=None,
        ),
    )
    assert all(isinstance(r, services.ConflictError) for r in results)
    ledger.refresh_from_db()
    assert ledger.size == 1
