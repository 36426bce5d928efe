"""Appends/s to one evidence-ledger log from 1, 2 and 4 concurrent writer processes (group commit per process).

    .venv/bin/python bench/ledger_procs.py                            # SQLite file under var/bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/smartcourt_ledger_procs .venv/bin/python bench/ledger_procs.py

Each writer process is what a web worker is: ``--threads`` threads, each appending one 1 KB entry per call
through ``services.ledger_append_grouped`` (the path of the API and the pages), so the process's
``GroupCommitter`` gathers its callers into shared batches; the processes then take turns on the ledger
row's lock (``SELECT … FOR UPDATE`` / SQLite's ``IMMEDIATE`` transaction). For each process count the
writers start together and run for ``--seconds``; the figure is the entries committed in that window by
all of them (appends/s), with the signed heads made (= batches) and the mean batch. Then the same with
``--bulk``-entry batches per call (``ledger_append``, the CLI and audit-chaining path). The raw hashlib
ceiling is the RFC 9162 leaf hashing of 1 KB entries in one process in the same run. At the end the whole
log is checked (``ledger_check``). Not a test: it prints figures and the command line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import configure, machine  # noqa: E402


def _ensure_pg_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def worker(mode: str, threads: int, bulk: int, seconds: float) -> None:
    """One writer process: say ready, read the start time, append until ``start + seconds``; print
    what it committed, as JSON."""
    import threading

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from smartcourt.apps.evidence import services

    settings.SMARTCOURT_LEDGER["SQLITE_WRITER_LOCK"] = os.environ.get("BENCH_WRITER_LOCK") != "off"
    from smartcourt.engines.ledger import SHA256

    ledger = services.ledger_ensure(court=None)
    connection.close()
    print("ready", flush=True)
    start_at = float(sys.stdin.readline())
    counts = [0] * threads
    end = start_at + seconds
    entry = os.urandom(1024)

    def run(k: int) -> None:
        n = 0
        try:
            while time.time() < start_at:
                time.sleep(0.001)
            while time.time() < end:
                if mode == "single":
                    inputs = [
                        services.EntryInput(kind="FILE", leaf_hash=SHA256.hash_leaf(entry + n.to_bytes(8)))
                    ]
                    services.ledger_append_grouped(ledger=ledger, inputs=inputs, actor=None)
                else:
                    inputs = [
                        services.EntryInput(
                            kind="FILE", leaf_hash=SHA256.hash_leaf(entry + (n + i).to_bytes(8))
                        )
                        for i in range(bulk)
                    ]
                    services.ledger_append(ledger=ledger, inputs=inputs, actor=None)
                if time.time() <= end:
                    n += len(inputs)
            counts[k] = n
        finally:
            connection.close()

    workers = [threading.Thread(target=run, args=(k,)) for k in range(threads if mode == "single" else 1)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(json.dumps({"appended": sum(counts)}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processes", default="1,2,4")
    parser.add_argument("--threads", type=int, default=16, help="callers per process, one entry per call")
    parser.add_argument("--bulk", type=int, default=1000, help="entries per call in the bulk run")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument(
        "--writer-lock",
        choices=["on", "off"],
        default="on",
        help="SQLite: queue writer processes on an OS file lock (the default) or on SQLite's busy polling",
    )
    parser.add_argument("--worker", nargs=2, metavar=("MODE", "SECONDS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = configure(args.database_url, "ledger_procs")
    os.environ["BENCH_WRITER_LOCK"] = args.writer_lock
    if args.worker:
        mode, seconds = args.worker
        worker(mode, args.threads, args.bulk, float(seconds))
        return
    if url.startswith("postgres"):
        _ensure_pg_database(url)
    subprocess.run(
        [sys.executable, "-m", "smartcourt", "migrate", "-v0", "--skip-checks"],
        check=True,
        env=os.environ.copy(),
    )
    import django

    django.setup()
    from smartcourt.apps.evidence import selectors, services
    from smartcourt.apps.evidence.models import EvidenceEntry, Ledger, LedgerWitness, TreeHead, TreeTile

    for model in (EvidenceEntry, TreeTile, TreeHead, LedgerWitness, Ledger):
        model.objects.all()._raw_delete(model.objects.db)
    ledger = services.ledger_ensure(court=None)

    data = [os.urandom(1024) for _ in range(100_000)]
    start = time.perf_counter()
    _ = [hashlib.sha256(b"\x00" + d).digest() for d in data]
    ceiling = len(data) / (time.perf_counter() - start)

    rows = []
    for mode in ("single", "bulk"):
        for procs in [int(p) for p in args.processes.split(",")]:
            heads0 = TreeHead.objects.filter(ledger=ledger).count()
            cmd = [sys.executable, __file__, "--threads", str(args.threads), "--bulk", str(args.bulk)]
            cmd += ["--worker", mode, str(args.seconds)]
            running = [
                subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                for _ in range(procs)
            ]
            for p in running:  # every writer has started Django: start them together
                assert p.stdout is not None and p.stdout.readline().strip() == "ready"
            start_at = f"{time.time() + 0.5}\n"
            for p in running:
                assert p.stdin is not None
                p.stdin.write(start_at)
                p.stdin.flush()
            outs = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in running]
            assert all(p.returncode == 0 for p in running)
            appended = sum(o["appended"] for o in outs)
            heads = TreeHead.objects.filter(ledger=ledger).count() - heads0
            rows.append((mode, procs, appended / args.seconds, heads, appended / max(1, heads)))
    ledger.refresh_from_db()
    report = selectors.ledger_check(ledger=ledger)

    backend = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    lock = f", SQLite writer lock {args.writer_lock}" if backend == "SQLite" else ""
    print(f"$ {shlex.join(['.venv/bin/python', *sys.argv])}  (backend: {backend}{lock})")
    print(machine(), f"· load average {os.getloadavg()[0]:.1f}")
    print(f"hashlib sha256 leaf-hash ceiling, 1 KB entries, one process: {ceiling:,.0f}/s")
    for mode, procs, rate, heads, mean in rows:
        what = (
            f"{args.threads} threads × single-entry calls (group commit)"
            if mode == "single"
            else f"one thread × {args.bulk:,}-entry batches"
        )
        print(
            f"{procs} process(es), {what}: {rate:,.0f} appends/s  ratio {rate / ceiling:.3f}"
            f"  ({heads:,} signed heads, {mean:,.1f} entries per batch)"
        )
    print(f"ledger_check of all {ledger.size:,} entries: {'ok' if report.ok else report.failures[:3]}")


if __name__ == "__main__":
    main()
