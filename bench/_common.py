"""Shared set-up for the benchmarks: a database holding the demo province at a given size."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "var" / "bench"
AS_OF = date(2026, 11, 27)  # fixed, so every run builds the same data


def machine() -> str:
    cpus = os.cpu_count()
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            mem = f"{int(f.readline().split()[1]) // 1024 // 1024} GiB"
    except OSError:
        pass
    return (
        f"{platform.node()} · {cpus} cores · {mem} · Python {platform.python_version()} · {platform.system()}"
    )


def configure(database_url: str | None, name: str) -> str:
    """Point Django at the benchmark database (SQLite file under var/bench, or ``database_url``)."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ["SMARTCOURT_DATA_DIR"] = str(BENCH_DIR)
    url = database_url or f"sqlite:///{BENCH_DIR / (name + '.sqlite3')}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcourt.config.settings.dev")
    return url


def ensure_demo(cases: int) -> None:
    """Migrate and load the demo at ``cases`` cases unless the database already has exactly that many."""
    smartcourt = [sys.executable, "-m", "smartcourt"]
    subprocess.run([*smartcourt, "migrate", "-v0"], check=True, env=os.environ.copy())
    import django

    django.setup()
    from smartcourt.apps.cases.models import Case

    count = Case.objects.count()
    if count == cases:
        return
    if count:
        subprocess.run([*smartcourt, "flush", "--noinput", "-v0"], check=True, env=os.environ.copy())
    subprocess.run(
        [*smartcourt, "demo", "--cases", str(cases), "--seed", "1", "--as-of", AS_OF.isoformat()],
        check=True,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)
