"""Demo generation: time and peak memory of ``smartcourt demo --cases N`` into an empty database.

    .venv/bin/python bench/demo.py [--cases 100000] [--database-url postgres://postgres@127.0.0.1:5432/smartcourt_bench]

Target (issue 2): 100,000 cases in under 3 minutes.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date

sys.path.insert(0, os.path.dirname(__file__))
from _common import AS_OF, machine  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ.copy()
        env["SMARTCOURT_DATA_DIR"] = tmp
        env["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/demo.sqlite3"
        smartcourt = [sys.executable, "-m", "smartcourt"]
        if args.database_url:
            subprocess.run([*smartcourt, "flush", "--noinput", "-v0"], env=env, check=False)
        subprocess.run([*smartcourt, "migrate", "-v0"], env=env, check=True)
        started = time.perf_counter()
        subprocess.run(
            [*smartcourt, "demo", "--cases", str(args.cases), "--seed", "1", "--as-of", AS_OF.isoformat()],
            env=env,
            check=True,
        )
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    backend = "PostgreSQL" if args.database_url else "SQLite"
    print(f"# demo generation — {date.today()} — {machine()}")
    print(
        f"command: .venv/bin/python bench/demo.py --cases {args.cases}"
        + (f" --database-url {args.database_url}" if args.database_url else "")
    )
    print(f"backend: {backend}")
    print(
        f"cases: {args.cases}  wall: {seconds:.1f} s  rate: {args.cases / seconds:,.0f} cases/s  peak RSS: {peak_mb:,.0f} MB"
    )
    print(f"target: under 180 s → {'met' if seconds < 180 else 'NOT met'}")


if __name__ == "__main__":
    main()
