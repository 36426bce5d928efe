"""Court-fee computations per second on one core, over random claims (issue 7 target: 1,000,000/s).

    .venv/bin/python bench/fees.py [--claims 1000000] [--seed 1] [--repeat 3]

Claims are log-uniform from 1元 to 10亿元, whole 分, drawn once before timing. Four figures:

- ``compute_fee`` — the full computation with every bracket line, rule and note (``FeeComputation``);
- ``fee_total_fen`` — the fast path: 分 in, 分 out, the total only, input checked;
- ``fee_total_function`` — the same fast path without the per-call checks (the form a hot loop uses);
- the fast path over a mix of the six table kinds (财产, 知识产权, 执行, 保全, 支付令, 破产).

Each figure is timed ``--repeat`` times and printed as the best and the median run. The process is pinned to one CPU (``sched_setaffinity``) where the OS allows it. The fast path is checked
against the full computation on the first 20,000 claims before anything is timed.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from smartcourt.engines.fees import FAST_KINDS, compute_fee, fee_total_fen, fee_total_function  # noqa: E402


def claims_fen(count: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    low, high = math.log(100), math.log(100_000_000_000)  # 1元 … 10亿元, in 分
    return [int(math.exp(rng.uniform(low, high))) for _ in range(count)]


def rate(label: str, count: int, run: Callable[[], object], repeat: int) -> float:
    """Time ``run`` ``repeat`` times; print the best and the median rate (the machine may be shared)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    print(
        f"{label:<60} best {count / best:>12,.0f} /s   median {count / median:>12,.0f} /s"
        f"   ({repeat} × {count:,} claims, best {best:.2f} s)"
    )
    return count / best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()

    pinned = "not pinned"
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        pinned = f"pinned to CPU {cpu}"
    print(
        f"command: .venv/bin/python bench/fees.py --claims {options.claims} --seed {options.seed} --repeat {options.repeat}"
    )
    print(
        f"machine: {platform.node()} · Python {platform.python_version()} · {platform.machine()} · {pinned}"
    )

    fens = claims_fen(options.claims, options.seed)
    amounts = [Decimal(fen).scaleb(-2) for fen in fens]
    rng = random.Random(options.seed + 1)
    kinds = [rng.choice(FAST_KINDS) for _ in fens]

    for fen, amount in zip(fens[:20_000], amounts[:20_000], strict=True):
        full = compute_fee("property", amount).total
        assert full is not None and fee_total_fen("property", fen) == int(full * 100), (fen, full)
    print("check: fast path == full computation on 20,000 claims")

    def full() -> None:
        for amount in amounts:
            compute_fee("property", amount)

    def fast_checked() -> None:
        for fen in fens:
            fee_total_fen("property", fen)

    hot = fee_total_function("property")

    def fast_hot() -> None:
        for fen in fens:
            hot(fen)

    functions = {kind: fee_total_function(kind) for kind in FAST_KINDS}

    def fast_mixed() -> None:
        for kind, fen in zip(kinds, fens, strict=True):
            functions[kind](fen)

    count = options.claims
    rate("compute_fee('property', Decimal) — full explanation", count, full, options.repeat)
    rate("fee_total_fen('property', fen) — total only, checked", count, fast_checked, options.repeat)
    rate("fee_total_function('property')(fen) — total only, hot loop", count, fast_hot, options.repeat)
    rate("fee_total_function(kind)(fen) — six table kinds mixed", count, fast_mixed, options.repeat)


if __name__ == "__main__":
    main()
