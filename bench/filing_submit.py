"""p95 of submitting a 网上立案 filing with 10 MB of uploads through the real HTTP stack.

    .venv/bin/python bench/filing_submit.py [--runs 20] [--workers 2] [--threads 4] [--database-url URL]

gunicorn (WSGI, gthread) on 127.0.0.1 over a bench database under var/bench; one client, sequential,
``--runs`` filings each: create, four steps, three uploads (2 MB pleading PDF + 4 MB evidence PDF + 4 MB
evidence JPEG = 10 MB, each made unique so it is really stored), submit. Baselines in the same run: the same
filing with only a tiny pleading PDF (≈1 KB), and a plain GET of the filing (``GET /api/v1/filings/{id}``).
Target (issue 7): p95 of the whole submission under 2 s. Uploaded files are removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date

sys.path.insert(0, os.path.dirname(__file__))
import filing_server as fs  # noqa: E402
from _common import machine, percentile  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--keep-alive", type=int, default=30)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    runs = max(1, min(args.runs, 100))
    url, tokens, court_id = fs.setup(args.database_url, users=2)
    plaintiff = fs.plaintiff_of(0)
    big = [
        ("PLEADING", "起诉状.pdf", fs.make_pdf(2_000_000, 1)),
        ("EVIDENCE", "证据一.pdf", fs.make_pdf(4_000_000, 2)),
        ("EVIDENCE", "证据二.jpg", fs.make_jpeg(4_000_000, 3)),
    ]
    small = [("PLEADING", "起诉状.pdf", fs.make_pdf(1_000, 4))]
    total_mb = sum(len(c) for _, _, c in big) / 1e6
    rng = random.Random(5)
    run_tag = f"S{int(time.time())}"
    proc = fs.serve(args.workers, args.threads, args.keep_alive)
    results: dict[str, list[float]] = {
        "10MB": [],
        "10MB uploads": [],
        "10MB submit": [],
        "small": [],
        "get": [],
    }
    errors: list[str] = []
    try:
        base = f"http://127.0.0.1:{fs.PORT}"
        session = fs.session_for(tokens[0])
        # one warm-up of each kind, not counted
        for files in (small, big):
            t = fs.file_one(
                session,
                base=base,
                court_id=court_id,
                plaintiff=plaintiff,
                files=files,
                tag=f"{run_tag}w{len(files)}",
                rng=rng,
            )
            if t.error:
                raise SystemExit(f"warm-up failed: {t.error}")
        last_id = t.filing_id
        for i in range(runs):  # interleaved, so both see the same machine load
            t = fs.file_one(
                session,
                base=base,
                court_id=court_id,
                plaintiff=plaintiff,
                files=big,
                tag=f"{run_tag}b{i}",
                rng=rng,
            )
            if t.error:
                errors.append(t.error)
            else:
                results["10MB"].append(t.total)
                results["10MB uploads"].append(t.uploads)
                results["10MB submit"].append(t.submit)
            t = fs.file_one(
                session,
                base=base,
                court_id=court_id,
                plaintiff=plaintiff,
                files=small,
                tag=f"{run_tag}s{i}",
                rng=rng,
            )
            if t.error:
                errors.append(t.error)
            else:
                results["small"].append(t.total)
            g0 = time.perf_counter()
            r = session.get(f"{base}/api/v1/filings/{last_id}", timeout=60)
            if r.status_code != 200:
                errors.append(f"GET {r.status_code}")
            results["get"].append(time.perf_counter() - g0)
    finally:
        fs.stop(proc)
        fs.cleanup_media()

    print(f"# 网上立案 submission over HTTP — {date.today()} — {machine()} (CPU shared with other work)")
    print(
        f"command: .venv/bin/python bench/filing_submit.py --runs {runs} --workers {args.workers} "
        f"--threads {args.threads} --keep-alive {args.keep_alive}"
        + (f" --database-url {args.database_url}" if args.database_url else "")
    )
    db = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(
        f"gunicorn gthread {args.workers}×{args.threads} on 127.0.0.1, {db}; {runs} runs each; uploads {total_mb:.1f} MB"
    )
    print(f"{'measure':<52} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    labels = {
        "10MB": "whole submission, 10 MB uploads (create…submit)",
        "10MB uploads": "  of which the 3 upload requests",
        "10MB submit": "  of which the submit request",
        "small": "baseline: same filing, 1 KB pleading only",
        "get": "baseline: GET /api/v1/filings/{id}",
    }
    for key, label in labels.items():
        v = [x * 1000 for x in results[key]]
        if v:
            print(f"{label:<52} {statistics.median(v):>8.0f} {percentile(v, 0.95):>8.0f} {max(v):>8.0f}")
    p95 = percentile(results["10MB"], 0.95) if results["10MB"] else float("inf")
    print(f"errors: {len(errors)}" + (f" first: {errors[0]}" if errors else ""))
    print(f"target p95 < 2000 ms: {'MET' if p95 < 2 and not errors else 'NOT MET'} (p95 {p95 * 1000:.0f} ms)")
    if results["small"]:
        extra = statistics.median(results["10MB"]) - statistics.median(results["small"])
        print(f"cost of the 10 MB of uploads over the baseline filing (p50): {extra * 1000:.0f} ms")


if __name__ == "__main__":
    main()
