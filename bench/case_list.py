"""Case-list API latency at 100,000 cases: p50/p95 per scenario, next to the bare selector query.

    .venv/bin/python bench/case_list.py [--cases 100000] [--database-url postgres://postgres@127.0.0.1:5432/smartcourt_bench]

Requests go through the whole Django stack in-process (middleware, auth, scoping, pagination, JSON); the
baseline is the same page fetched straight from the selector, so the difference is the API's own cost.
Target (issue 2): p95 under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date

sys.path.insert(0, os.path.dirname(__file__))
from _common import configure, ensure_demo, machine, percentile  # noqa: E402

SCENARIOS = [
    ("judge: my open cases", "judge", "/api/v1/cases?mine=true&status=IN_TRIAL"),
    ("filing officer: court list, page 1", "filer", "/api/v1/cases"),
    ("filing officer: page 50", "filer", "/api/v1/cases?offset=1000&limit=20"),
    ("court leader: filtered", "leader", "/api/v1/cases?case_type=民初&year=2026&procedure=SIMPLE"),
    ("court leader: overdue", "leader", "/api/v1/cases?deadline=overdue"),
    ("high court manager: whole province", "manager-high", "/api/v1/cases"),
    (
        "high court manager: cause filter",
        "manager-high",
        "/api/v1/cases?cause_of_action=民间借贷纠纷&status=CLOSED",
    ),
    ("search by case number", "leader", "/api/v1/cases?q=民初12"),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    url = configure(args.database_url, f"cases{args.cases}")
    ensure_demo(args.cases)

    from django.test import Client

    from smartcourt.apps.accounts.models import Role, User
    from smartcourt.apps.cases import selectors

    users = {u.username: u for u in User.objects.filter(username__in=["judge", "filer", "leader"])}
    users["manager-high"] = User.objects.get(role=Role.CASE_MANAGEMENT, court__level="HIGH")
    backend = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"# case-list API — {date.today()} — {machine()}")
    print(
        f"command: .venv/bin/python bench/case_list.py --cases {args.cases}"
        + (f" --database-url {args.database_url}" if args.database_url else "")
    )
    print(f"backend: {backend}; {args.requests} requests per scenario after 20 warm-up; times in ms")
    print(f"{'scenario':<40} {'count':>7} {'API p50':>8} {'API p95':>8} {'query p50':>9} {'query p95':>9}")
    worst = 0.0
    for label, who, path in SCENARIOS:
        client = Client()
        client.force_login(users[who])
        timings = []
        count = 0
        for i in range(args.requests + 20):
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, response.content[:300]
            if i >= 20:
                timings.append(elapsed)
            count = response.json()["count"]
        # Baseline: the same page and count straight from the selector, no HTTP or schema.
        params = dict(p.split("=") for p in path.partition("?")[2].split("&") if p)
        filters = {k: v for k, v in params.items() if k not in ("limit", "offset")}
        if "mine" in filters:
            filters["mine"] = True
        if "year" in filters:
            filters["year"] = int(filters["year"])
        offset, limit = int(params.get("offset", 0)), int(params.get("limit", 20))
        query_times = []
        for i in range(args.requests // 2 + 10):
            started = time.perf_counter()
            qs = selectors.case_list(viewer=users[who], filters=selectors.CaseFilters(**filters))
            qs.count()
            list(qs[offset : offset + limit])
            if i >= 10:
                query_times.append((time.perf_counter() - started) * 1000)
        p95 = percentile(timings, 0.95)
        worst = max(worst, p95)
        print(
            f"{label:<40} {count:>7} {percentile(timings, 0.5):>8.1f} {p95:>8.1f} "
            f"{percentile(query_times, 0.5):>9.1f} {percentile(query_times, 0.95):>9.1f}"
        )
    print(f"worst p95: {worst:.1f} ms — target under 50 ms → {'met' if worst < 50 else 'NOT met'}")


if __name__ == "__main__":
    main()
