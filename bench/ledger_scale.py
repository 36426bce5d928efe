"""Proofs from the database at 10^7 entries: build (or reuse) a large ledger, then time proofs against it.

    .venv/bin/python bench/ledger_scale.py                         # SQLite, var/bench/ledger_scale.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/smartcourt_ledger_scale .venv/bin/python bench/ledger_scale.py
    .venv/bin/python bench/ledger_scale.py --entries 200000        # a quick run (its own database file)

Build: ``--entries`` leaves appended through ``services.ledger_append`` in batches of ``MAX_BATCH``
(10,000): each batch one durable transaction holding its entries, tree tiles, a signed checkpoint and its
checked consistency proof, as in production. The entries are small (the 8-byte index; proof cost does not
depend on entry size, only on the tree size). A database that already holds the ledger is reused and only
extended to ``--entries`` (``--rebuild`` starts again). The build's ceiling is the raw hashlib RFC 9162
leaf hashing of the same data, timed in this run.

Proofs, at the latest head (size ``--entries``), through ``selectors.proof_inclusion`` /
``proof_consistency`` (the same code as the API): ``--proofs`` random leaves with the per-process tile
cache emptied first ("cold"), then another ``--proofs`` random leaves ("warm"), latency per call (p50,
p95, p99) and proofs/s; verifications/s of those proofs; then consistency proofs between random signed
heads and the latest (generated and verified). Each rate is printed next to the raw hashlib ceiling of
the same work (folding the same proof nodes with bare ``hashlib.sha256``, as in ``bench/ledger_engine.py``)
and the ratio. Last, the database size on disk. Not a test: it prints figures and the command line.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import random
import shlex
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import BENCH_DIR, configure, machine, percentile  # noqa: E402


def _ensure_pg_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=10_000_000)
    parser.add_argument("--proofs", type=int, default=5_000)
    parser.add_argument("--rebuild", action="store_true", help="empty the ledger tables first")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    args = parser.parse_args()
    name = "ledger_scale" if args.entries == 10_000_000 else f"ledger_scale_{args.entries}"
    url = configure(args.database_url, name)
    if url.startswith("postgres"):
        _ensure_pg_database(url)
    import subprocess

    subprocess.run(
        [sys.executable, "-m", "smartcourt", "migrate", "-v0", "--skip-checks"],
        check=True,
        env=os.environ.copy(),
    )
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.backends.signals import connection_created

    def _big_cache(sender, connection, **kwargs):  # type: ignore[no-untyped-def]
        # a page cache for the 10^7-row indexes (a speed knob only: durability is the WAL's, unchanged)
        if connection.vendor == "sqlite":
            connection.cursor().execute("PRAGMA cache_size = -1048576")  # 1 GiB

    connection_created.connect(_big_cache)

    from smartcourt.apps.evidence import selectors, services, storage
    from smartcourt.apps.evidence.models import EvidenceEntry, Ledger, LedgerWitness, TreeHead, TreeTile
    from smartcourt.engines.ledger import SHA256, verify_consistency, verify_inclusion

    if args.rebuild:
        for model in (EvidenceEntry, TreeTile, TreeHead, LedgerWitness, Ledger):
            model.objects.all()._raw_delete(model.objects.db)
    ledger = services.ledger_ensure(court=None)
    batch = settings.SMARTCOURT_LEDGER["MAX_BATCH"]
    rng = random.Random(1)

    # --- build --------------------------------------------------------------------------------------
    built_from = ledger.size
    hash_s = append_s = 0.0
    gc.disable()
    while ledger.size < args.entries:
        first = ledger.size
        n = min(batch, args.entries - first)
        t0 = time.perf_counter()
        leaves = [SHA256.hash_leaf(i.to_bytes(8, "big")) for i in range(first, first + n)]
        t1 = time.perf_counter()
        appended = services.ledger_append(
            ledger=ledger,
            inputs=[services.EntryInput(kind="FILE", leaf_hash=h) for h in leaves],
            actor=None,
        )
        ledger.size = appended[-1].leaf_index + 1  # the call updates the locked copy, not this one
        append_s += time.perf_counter() - t1
        hash_s += t1 - t0
        if (ledger.size // batch) % 100 == 0:
            done = ledger.size - built_from
            print(f"  built {ledger.size:,} ({done / append_s:,.0f} appends/s so far)", flush=True)
    gc.enable()
    built = ledger.size - built_from
    start = time.perf_counter()
    _ = [hashlib.sha256(b"\x00" + i.to_bytes(8, "big")).digest() for i in range(min(built, 2_000_000))]
    leaf_ceiling = min(built, 2_000_000) / (time.perf_counter() - start) if built else 0.0

    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum gathers them after a bulk load (this server runs with
        # autovacuum off): without them the prepared proof query's generic plan scans the tile table.
        with connection.cursor() as cur:
            cur.execute("SHOW autovacuum")
            autovacuum = cur.fetchone()[0]
            cur.execute("ANALYZE evidence_evidenceentry, evidence_treetile, evidence_treehead")
        print(f"ANALYZE of the ledger tables done (server autovacuum: {autovacuum})")

    # --- inclusion proofs ---------------------------------------------------------------------------
    ledger.refresh_from_db()
    head = selectors.tree_head_latest(ledger=ledger)
    size, root = head.size, bytes(head.root_hash)

    def leaf_hash(i: int) -> bytes:
        return SHA256.hash_leaf(i.to_bytes(8, "big"))

    def run_inclusion(indices: list[int]) -> tuple[list[list[bytes]], list[float], float]:
        lat = []
        t = time.perf_counter()
        proofs = []
        for i in indices:
            a = time.perf_counter()
            proofs.append(selectors.proof_inclusion(ledger=ledger, leaf_index=i, tree_size=size))
            lat.append((time.perf_counter() - a) * 1000)
        return proofs, lat, len(indices) / (time.perf_counter() - t)

    storage.TILE_CACHE.clear()
    cold_idx = [rng.randrange(size) for _ in range(args.proofs)]
    _, cold_lat, cold_rate = run_inclusion(cold_idx)
    warm_idx = [rng.randrange(size) for _ in range(args.proofs)]
    proofs, warm_lat, warm_rate = run_inclusion(warm_idx)
    leaves = [leaf_hash(i) for i in warm_idx]

    def fold(leaves: list[bytes], proofs: list[list[bytes]]) -> float:
        new = hashlib.sha256
        t = time.perf_counter()
        for h, proof in zip(leaves, proofs, strict=True):
            for p in proof:
                h = new(b"\x01" + p + h).digest()
        return len(proofs) / (time.perf_counter() - t)

    def verify_all() -> float:
        t = time.perf_counter()
        for i, h, proof in zip(warm_idx, leaves, proofs, strict=True):
            verify_inclusion(SHA256, i, size, h, proof, root)
        return len(proofs) / (time.perf_counter() - t)

    runs = [(verify_all(), fold(leaves, proofs)) for _ in range(3)]  # interleaved, best of three
    verified, incl_ceiling = max(r[0] for r in runs), max(r[1] for r in runs)
    mean_len = sum(map(len, proofs)) / len(proofs)

    # --- consistency proofs between signed heads ------------------------------------------------------
    heads = dict(TreeHead.objects.filter(ledger=ledger).values_list("size", "root_hash"))
    firsts = [s for s in rng.choices(sorted(heads), k=min(args.proofs, 2_000)) if 0 < s < size]
    clat = []
    t = time.perf_counter()
    cproofs = []
    for m in firsts:
        a = time.perf_counter()
        cproofs.append(selectors.proof_consistency(ledger=ledger, first=m, second=size))
        clat.append((time.perf_counter() - a) * 1000)
    cgen = len(firsts) / (time.perf_counter() - t)
    roots1 = [bytes(heads[m]) for m in firsts]

    def cverify_all() -> float:
        t = time.perf_counter()
        for m, r1, proof in zip(firsts, roots1, cproofs, strict=True):
            verify_consistency(SHA256, m, size, proof, r1, root)
        return len(firsts) / (time.perf_counter() - t)

    cruns = [(cverify_all(), fold(roots1, cproofs)) for _ in range(3)]
    cverified, cons_ceiling = max(r[0] for r in cruns), max(r[1] for r in cruns)
    mean_clen = sum(map(len, cproofs)) / max(1, len(cproofs))

    # --- size on disk ---------------------------------------------------------------------------------
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_database_size(current_database())")
            db_bytes = cur.fetchone()[0]
    else:
        db_file = Path(settings.DATABASES["default"]["NAME"])
        db_bytes = sum(p.stat().st_size for p in db_file.parent.glob(db_file.name + "*"))
    entries = EvidenceEntry.objects.filter(ledger=ledger).count()

    backend = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"$ {shlex.join(['.venv/bin/python', *sys.argv])}  (backend: {backend}, {BENCH_DIR})")
    print(machine(), f"· load average {os.getloadavg()[0]:.1f}")
    print(f"ledger: {entries:,} entries, {TreeHead.objects.filter(ledger=ledger).count():,} signed heads")
    print(f"database size on disk: {db_bytes / 2**30:.2f} GiB ({db_bytes / max(1, entries):.0f} bytes/entry)")
    if built:
        appends = built / append_s
        print(
            f"build: {built:,} appends in {append_s:,.0f} s (+ {hash_s:.0f} s hashing the leaves):"
            f" {appends:,.0f} durable appends/s; hashlib leaf-hash ceiling {leaf_ceiling:,.0f}/s,"
            f" ratio {appends / leaf_ceiling:.3f}"
        )
    else:
        print("build: reused the existing ledger (nothing appended in this run)")
    print(f"inclusion proofs from the DB at {size:,} leaves ({mean_len:.1f} nodes), {args.proofs:,} each:")
    for label, lat, rate in (("cold tile cache", cold_lat, cold_rate), ("warm", warm_lat, warm_rate)):
        print(
            f"  {label:<16} p50 {percentile(lat, 0.5):.3f} ms  p95 {percentile(lat, 0.95):.3f} ms"
            f"  p99 {percentile(lat, 0.99):.3f} ms  {rate:,.0f}/s   ceiling {incl_ceiling:,.0f}/s"
            f"  ratio {rate / incl_ceiling:.3f}"
        )
    print(
        f"  verified         {verified:,.0f}/s   ceiling {incl_ceiling:,.0f}/s  ratio {verified / incl_ceiling:.3f}"
    )
    print(
        f"consistency proofs from the DB, random signed head → {size:,} ({mean_clen:.1f} nodes), {len(firsts):,}:"
    )
    print(
        f"  generated        p50 {percentile(clat, 0.5):.3f} ms  p95 {percentile(clat, 0.95):.3f} ms"
        f"  {cgen:,.0f}/s   ceiling {cons_ceiling:,.0f}/s  ratio {cgen / cons_ceiling:.3f}"
    )
    print(
        f"  verified         {cverified:,.0f}/s   ceiling {cons_ceiling:,.0f}/s  ratio {cverified / cons_ceiling:.3f}"
    )


if __name__ == "__main__":
    main()
