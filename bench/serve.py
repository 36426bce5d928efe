"""Requests/s of the case-list endpoint under gunicorn + uvicorn workers, next to a bare ASGI "hello".

    .venv/bin/python bench/serve.py [--cases 100000] [--workers 2] [--seconds 15] [--connections 16]

Both servers run the same way (gunicorn, ``uvicorn_worker.UvicornWorker``, N workers) on 127.0.0.1, loaded
by ``wrk`` (Debian package) from the same machine; the load is bounded in time and stays on loopback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import date

sys.path.insert(0, os.path.dirname(__file__))
from _common import ROOT, configure, ensure_demo, machine  # noqa: E402

PORT = 8765
ASGI_WORKER = "uvicorn_worker.UvicornWorker"


def _wait(url: str, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 - loopback only
            return
        except Exception:  # noqa: BLE001
            time.sleep(0.3)
    raise SystemExit(f"server at {url} did not start")


def _serve(app: str, workers: int, env: dict[str, str], worker_class: str) -> subprocess.Popen[bytes]:
    threads = ["--threads", "4"] if worker_class == "gthread" else []
    command = [sys.executable, "-m", "gunicorn", app, "-k", worker_class, "-w", str(workers), *threads]
    command += ["-b", f"127.0.0.1:{PORT}", "--log-level", "warning"]
    return subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


def _wrk(url: str, seconds: int, connections: int, headers: list[str]) -> dict[str, float]:
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for h in headers:
        args += ["-H", h]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]

    def ms(label: str) -> float:
        m = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(m.group(1)), m.group(2)  # type: ignore[union-attr]
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p50": ms("50%"),
        "p99": ms("99%"),
        "errors": float(non2xx.group(1)) if non2xx else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    url = configure(args.database_url, f"cases{args.cases}")
    ensure_demo(args.cases)
    env = os.environ.copy()
    env["DJANGO_SETTINGS_MODULE"] = "smartcourt.config.settings.production"
    env["SMARTCOURT_SECURE_COOKIES"] = "0"
    env["PYTHONPATH"] = str(ROOT / "bench")

    results: dict[str, dict[str, float]] = {}
    token = ""
    servers = [
        ("case list, ASGI (uvicorn workers)", "smartcourt.config.asgi:application", ASGI_WORKER),
        ("case list, WSGI (gthread, 4 threads)", "smartcourt.config.wsgi:application", "gthread"),
    ]
    for label, app, worker_class in servers:
        proc = _serve(app, args.workers, env, worker_class)
        try:
            _wait(f"http://127.0.0.1:{PORT}/accounts/login/")
            if not token:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{PORT}/api/v1/auth/token",
                    data=json.dumps({"username": "filer", "password": "Sc#Demo-2468"}).encode(),
                    headers={"Content-Type": "application/json"},
                )
                token = json.load(urllib.request.urlopen(request))["token"]  # noqa: S310 - loopback only
            headers = [f"Authorization: Bearer {token}"]
            results[label] = _wrk(
                f"http://127.0.0.1:{PORT}/api/v1/cases", args.seconds, args.connections, headers
            )
        finally:
            _stop(proc)
    proc = _serve("hello_asgi:application", args.workers, env, ASGI_WORKER)
    try:
        _wait(f"http://127.0.0.1:{PORT}/")
        results["bare ASGI hello (baseline)"] = _wrk(
            f"http://127.0.0.1:{PORT}/", args.seconds, args.connections, []
        )
    finally:
        _stop(proc)

    print(f"# serving — {date.today()} — {machine()}")
    print(
        f"command: .venv/bin/python bench/serve.py --cases {args.cases} --workers {args.workers} --seconds {args.seconds} --connections {args.connections}"
        + (f" --database-url {args.database_url}" if args.database_url else "")
    )
    print(
        f"gunicorn, {args.workers} workers, {'PostgreSQL (psycopg pool)' if url.startswith('postgres') else 'SQLite'}, "
        f"wrk -t2 -c{args.connections} -d{args.seconds}s on loopback"
    )
    print(f"{'endpoint':<42} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for name, r in results.items():
        print(f"{name:<42} {r['rps']:>9.0f} {r['p50']:>8.1f} {r['p99']:>8.1f} {r['errors']:>8.0f}")
    base = results["bare ASGI hello (baseline)"]["rps"]
    for name, r in results.items():
        if name.startswith("case list"):
            print(f"{name} / hello: {r['rps'] / base:.3f}")


if __name__ == "__main__":
    main()
