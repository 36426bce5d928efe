"""100 concurrent 网上立案 filings against a local server: no error, no lost and no duplicated filing.

    .venv/bin/python bench/filing_concurrent.py [--clients 100] [--workers 2] [--threads 8] [--database-url URL]

gunicorn (WSGI, gthread) on 127.0.0.1 over a bench database (SQLite under var/bench, or PostgreSQL with
``--database-url postgres://postgres@127.0.0.1:5432/smartcourt_bench``). ``--clients`` threads, one
verified litigant each, wait at a barrier and then each files one filing through the API (create, four
steps, a small pleading PDF, submit: 7 requests). Bounded: every request times out after 120 s and the run
is abandoned after ``--max-seconds``. Afterwards the rows are counted in the database: exactly one
submitted filing per client with this run's tag, distinct references, one upload and one SUBMIT event each.
Baseline in the same run: the same filings made one after another by a single client (``--baseline`` of them).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from datetime import date

sys.path.insert(0, os.path.dirname(__file__))
import filing_server as fs  # noqa: E402
from _common import machine, percentile  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--baseline", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--max-seconds", type=int, default=300)
    parser.add_argument("--keep-alive", type=int, default=30)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    clients = max(1, min(args.clients, 200))
    url, tokens, court_id = fs.setup(args.database_url, users=clients)
    plaintiffs = [fs.plaintiff_of(i) for i in range(clients)]
    pleading = [("PLEADING", "起诉状.pdf", fs.make_pdf(20_000, 7))]
    run_tag = f"C{int(time.time())}"
    base = f"http://127.0.0.1:{fs.PORT}"
    proc = fs.serve(args.workers, args.threads, args.keep_alive)
    try:
        # baseline: one client, sequential
        session = fs.session_for(tokens[0])
        seq = []
        for i in range(args.baseline):
            t = fs.file_one(
                session,
                base=base,
                court_id=court_id,
                plaintiff=plaintiffs[0],
                files=pleading,
                tag=f"{run_tag}q{i}",
                rng=random.Random(i),
            )
            if t.error:
                raise SystemExit(f"baseline failed: {t.error}")
            seq.append(t.total)
        barrier = threading.Barrier(clients, timeout=60)

        def one(i: int) -> fs.Timings:
            s = fs.session_for(tokens[i])
            barrier.wait()
            return fs.file_one(
                s,
                base=base,
                court_id=court_id,
                plaintiff=plaintiffs[i],
                files=pleading,
                tag=f"{run_tag}c{i}",
                rng=random.Random(1000 + i),
            )

        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            futures = [pool.submit(one, i) for i in range(clients)]
            done, pending = wait(futures, timeout=args.max_seconds)
            for f in pending:
                f.cancel()
        wall = time.perf_counter() - t0
        timings = [f.result() for f in done]
    finally:
        fs.stop(proc)
        fs.cleanup_media()

    # count rows afterwards, in the database itself
    from smartcourt.apps.filing.models import Filing, FilingEvent, FilingUpload

    rows = Filing.objects.filter(facts_and_reasons__contains=f"（{run_tag}c")
    n_rows = rows.count()
    n_submitted = rows.filter(status="SUBMITTED").count()
    refs = list(rows.values_list("reference", flat=True))
    n_uploads = FilingUpload.objects.filter(filing__in=rows).count()
    n_events = FilingEvent.objects.filter(filing__in=rows, action="SUBMIT").count()
    per_client = {}
    for facts in rows.values_list("facts_and_reasons", flat=True):
        key = facts.rsplit("（", 1)[-1]
        per_client[key] = per_client.get(key, 0) + 1
    duplicated = sum(1 for v in per_client.values() if v > 1)
    errors = [t.error for t in timings if t.error]
    statuses = [s for t in timings for s in t.statuses]
    ok = (
        not pending
        and not errors
        and n_rows == clients
        and n_submitted == clients
        and len(set(refs)) == clients
        and n_uploads == clients
        and n_events == clients
        and duplicated == 0
    )
    totals = [t.total * 1000 for t in timings if not t.error]

    db = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"# 网上立案 concurrency over HTTP — {date.today()} — {machine()} (CPU shared with other work)")
    print(
        f"command: .venv/bin/python bench/filing_concurrent.py --clients {clients} --baseline {args.baseline} "
        f"--workers {args.workers} --threads {args.threads} --keep-alive {args.keep_alive}"
        + (f" --database-url {args.database_url}" if args.database_url else "")
    )
    print(f"gunicorn gthread {args.workers}×{args.threads} on 127.0.0.1, {db}; 7 requests per filing")
    print(
        f"{clients} concurrent clients: wall {wall:.1f} s, {clients / wall:.1f} filings/s, "
        f"{len(statuses)} requests, non-2xx {sum(1 for s in statuses if s >= 300)}, client errors {len(errors)}, "
        f"unfinished {len(pending)}"
    )
    if totals:
        print(
            f"  per filing (create…submit) under load: p50 {statistics.median(totals):.0f} ms, "
            f"p95 {percentile(totals, 0.95):.0f} ms, max {max(totals):.0f} ms"
        )
    print(
        f"baseline, 1 client sequential ({len(seq)} filings): p50 {statistics.median(seq) * 1000:.0f} ms per "
        f"filing, {len(seq) / sum(seq):.1f} filings/s"
    )
    print(
        f"rows afterwards: filings {n_rows}/{clients}, submitted {n_submitted}, distinct references "
        f"{len(set(refs))}, uploads {n_uploads}, SUBMIT events {n_events}, clients with >1 filing {duplicated}"
    )
    if errors:
        print(f"first error: {errors[0]}")
    print(f"no error, none lost, none duplicated: {'YES' if ok else 'NO'}")


if __name__ == "__main__":
    main()
