"""Durable appends per second to the evidence ledger (the Django app, group commit), next to hashlib.

    .venv/bin/python bench/ledger.py                                  # SQLite file under var/bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/smartcourt_bench .venv/bin/python bench/ledger.py

Appends ``--entries`` entries of 1 KB random data in batches of ``--batch`` through
``services.ledger_append``: per batch one transaction holding the entries, their tree nodes and one signed
checkpoint with its checked consistency proof, and every receipt (inclusion proof) built; "durable" is the
commit of the database as configured (SQLite WAL with synchronous=NORMAL: safe against a killed process;
PostgreSQL: its fsync'd commit). The ceiling is the raw RFC 9162 leaf hashing of the same entries with
hashlib in the same run; "ratio" is appends / ceiling. Then inclusion proofs are read from the database
(first with the tile cache emptied, then warm) and verified, per second. Last, ``--threads`` callers append
``--singles`` entries one per call, first each call its own batch (``ledger_append``), then through the
group committer (``ledger_append_grouped``), and the whole log is checked. Not a test: it prints figures and
the command that made them.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shlex
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import configure, machine  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=5_000)
    parser.add_argument("--proofs", type=int, default=2_000)
    parser.add_argument("--threads", type=int, default=32, help="concurrent callers appending one entry each")
    parser.add_argument(
        "--singles", type=int, default=4_000, help="single-entry appends in the concurrent run"
    )
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    args = parser.parse_args()
    url = configure(args.database_url, "ledger")
    import subprocess

    subprocess.run([sys.executable, "-m", "smartcourt", "migrate", "-v0"], check=True, env=os.environ.copy())
    import django

    django.setup()
    import random

    from smartcourt.apps.evidence import selectors, services, storage
    from smartcourt.apps.evidence.models import EvidenceEntry, Ledger, LedgerWitness, TreeHead, TreeTile
    from smartcourt.engines.ledger import SHA256, verify_inclusion, verify_receipt

    for model in (EvidenceEntry, TreeTile, TreeHead, LedgerWitness, Ledger):
        model.objects.all()._raw_delete(model.objects.db)
    ledger = services.ledger_ensure(court=None)
    rng = random.Random(1)
    data = [rng.randbytes(1024) for _ in range(args.entries)]

    start = time.perf_counter()
    for i in range(0, len(data), args.batch):
        inputs = [
            services.EntryInput(kind="FILE", leaf_hash=SHA256.hash_leaf(d), metadata={})
            for d in data[i : i + args.batch]
        ]
        appended = services.ledger_append(ledger=ledger, inputs=inputs, actor=None)
        receipts = [a.receipt for a in appended]  # every receipt built (receipts are built on use)
    appends = args.entries / (time.perf_counter() - start)
    for receipt in receipts[:: max(1, len(receipts) // 100)]:  # a sample of the last batch, untimed
        verify_receipt(receipt, verifier_key=ledger.verifier_key)

    start = time.perf_counter()
    _ = [hashlib.sha256(b"\x00" + d).digest() for d in data]
    ceiling = args.entries / (time.perf_counter() - start)

    ledger.refresh_from_db()
    head = selectors.tree_head_latest(ledger=ledger)
    indices = [rng.randrange(ledger.size) for _ in range(args.proofs)]
    leaves = dict(
        EvidenceEntry.objects.filter(ledger=ledger, leaf_index__in=indices).values_list(
            "leaf_index", "leaf_hash"
        )
    )
    storage.TILE_CACHE.clear()  # the first pass starts cold: it reads and caches the tiles it needs
    start = time.perf_counter()
    proofs = [selectors.proof_inclusion(ledger=ledger, leaf_index=i, tree_size=head.size) for i in indices]
    cold = args.proofs / (time.perf_counter() - start)
    indices = [rng.randrange(ledger.size) for _ in range(args.proofs)]
    leaves.update(
        EvidenceEntry.objects.filter(ledger=ledger, leaf_index__in=indices).values_list(
            "leaf_index", "leaf_hash"
        )
    )
    start = time.perf_counter()
    proofs = [selectors.proof_inclusion(ledger=ledger, leaf_index=i, tree_size=head.size) for i in indices]
    generated = args.proofs / (time.perf_counter() - start)
    root = bytes(head.root_hash)
    start = time.perf_counter()
    for i, proof in zip(indices, proofs, strict=True):
        verify_inclusion(SHA256, i, head.size, bytes(leaves[i]), proof, root)
    verified = args.proofs / (time.perf_counter() - start)

    singles = [rng.randbytes(1024) for _ in range(args.singles)]
    concurrent = {}
    for name, append in (
        ("one batch per call", services.ledger_append),
        ("group commit", services.ledger_append_grouped),
    ):
        concurrent[name] = _concurrent(args.threads, singles, ledger, append, services, SHA256)
    ledger.refresh_from_db()
    assert selectors.ledger_check(ledger=ledger).ok

    backend = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"$ {shlex.join(['.venv/bin/python', *sys.argv])}  (DATABASE_URL backend: {backend})")
    print(machine())
    print(f"durable appends, 1 KB entries, batches of {args.batch}: {appends:,.0f}/s")
    print(
        f"hashlib sha256 leaf-hash ceiling, same data:        {ceiling:,.0f}/s  ratio {appends / ceiling:.3f}"
    )
    print(
        f"inclusion proofs from the database at {head.size:,} leaves, cold tile cache: {cold:,.0f}/s ({1000 / cold:.3f} ms each)"
    )
    print(
        f"inclusion proofs from the database at {head.size:,} leaves: {generated:,.0f}/s ({1000 / generated:.3f} ms each)"
    )
    print(f"inclusion proof verifications:                      {verified:,.0f}/s")
    for name, (rate, heads) in concurrent.items():
        print(
            f"concurrent single-entry appends, {args.threads} threads, {name}: {rate:,.0f}/s"
            f" ({args.singles:,} entries, {heads:,} signed heads)"
        )


def _concurrent(threads, data, ledger, append, services, hasher):
    """Appends per second of ``threads`` callers appending one entry each, and the signed heads made."""
    import threading

    from django.db import connection

    from smartcourt.apps.evidence.models import TreeHead

    heads0 = TreeHead.objects.filter(ledger=ledger).count()
    todo = iter(data)
    lock = threading.Lock()
    gate = threading.Barrier(threads + 1)

    def run():
        gate.wait()
        try:
            while True:
                with lock:
                    d = next(todo, None)
                if d is None:
                    return
                append(
                    ledger=ledger,
                    inputs=[services.EntryInput(kind="FILE", leaf_hash=hasher.hash_leaf(d))],
                    actor=None,
                )
        finally:
            connection.close()

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for w in workers:
        w.start()
    gate.wait()
    start = time.perf_counter()
    for w in workers:
        w.join()
    rate = len(data) / (time.perf_counter() - start)
    return rate, TreeHead.objects.filter(ledger=ledger).count() - heads0


if __name__ == "__main__":
    main()
