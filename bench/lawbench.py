"""Run the LawBench predictors on the dev half in ../shared and score them with the official tool.

    .venv/bin/python bench/lawbench.py [--tasks 2-6 3-7] [--data-dir ../shared/data/judgments/lawbench_zero_shot]

Writes predictions to bench/out/lawbench/<task>.jsonl and prints, per task, the score, the time and the
scoring command, so the figure can be reproduced.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from smartcourt.lawbench import run

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tasks", nargs="+", default=["2-6", "3-7"])
    parser.add_argument("--data-dir", type=Path, default=SHARED / "data" / "judgments" / "lawbench_zero_shot")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "lawbench_score.py")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "bench" / "out" / "lawbench")
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    print("command:", " ".join([".venv/bin/python", *sys.argv]))
    for task in args.tasks:
        data = args.data_dir / f"{task}.json"
        out = args.out_dir / f"{task}.jsonl"
        start = time.perf_counter()
        count = run(task, data, out)
        elapsed = time.perf_counter() - start
        score_cmd = [
            sys.executable,
            str(args.scorer),
            "--task",
            task,
            "--data",
            str(data),
            "--pred",
            str(out),
        ]
        result = json.loads(subprocess.run(score_cmd, capture_output=True, text=True, check=True).stdout)
        print(
            f"task {task}: score {result['score']:.4f}  abstention {result['abstention_rate']:.3f}  "
            f"{count} items in {elapsed:.2f} s ({elapsed / max(count, 1) * 1000:.1f} ms/item)"
        )
        print("  scored with:", " ".join(score_cmd))


if __name__ == "__main__":
    main()
