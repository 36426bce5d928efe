"""LawBench 3-1/3-3/3-4/3-5 on the dev half in ../shared, next to the per-charge median baseline, plus the
speed of extraction + computation per case.

    .venv/bin/python bench/sentencing.py [--data ../shared/data/judgments/lawbench_zero_shot]

Scores come from ../shared/tools/lawbench_score.py (the official metric, re-implemented). The baseline
predicts, for 3-4/3-5, each charge combination's median term over the same dev half, in sample and
leave-one-out (the item's own term removed; the global median when no other item has the charges); the
engine never reads ``answer``. Targets (issue 5): 3-1 >= 0.92, 3-3 >= 0.70, 3-4/3-5 >= 0.88.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from smartcourt.lawbench import run

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TASKS = ("3-1", "3-3", "3-4", "3-5")


def score(task: str, data: Path, pred: Path) -> float:
    out = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "lawbench_score.py"),
            "--task",
            task,
            "--data",
            str(data),
            "--pred",
            str(pred),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(json.loads(out.stdout)["score"])


def median_baseline(data: Path, pred: Path, *, leave_one_out: bool) -> None:
    items = json.loads(data.read_text(encoding="utf-8"))
    by_charge: dict[str, list[int]] = {}
    keys = []
    for item in items:
        match = re.search(r"罪名:([^\n。]+)", item["question"])
        key = match.group(1) if match else ""
        keys.append(key)
        months = re.search(r"(\d+)个月", item["answer"])
        by_charge.setdefault(key, []).append(int(months.group(1)) if months else 0)
    everything = [m for ms in by_charge.values() for m in ms]
    with pred.open("w", encoding="utf-8") as out:
        for index, key in enumerate(keys):
            pool = list(by_charge.get(key, []))
            if leave_one_out:  # drop this item's own term
                own = items[index]["answer"]
                mine = re.search(r"(\d+)个月", own)
                pool.remove(int(mine.group(1)) if mine else 0)
            months = int(statistics.median(pool or everything))
            out.write(
                json.dumps({"index": index, "prediction": f"[刑期]{months}个月<eoa>"}, ensure_ascii=False)
                + "\n"
            )


def speed(data: Path) -> float:
    from smartcourt.lawbench._criminal import prison_months

    items = json.loads(data.read_text(encoding="utf-8"))
    start = time.perf_counter()
    for item in items:
        prison_months(item["question"])
    return (time.perf_counter() - start) / len(items) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "judgments" / "lawbench_zero_shot")
    args = parser.parse_args()
    print("command: .venv/bin/python bench/sentencing.py --data", args.data)
    with tempfile.TemporaryDirectory() as tmp:
        for task in TASKS:
            data = args.data / f"{task}.json"
            pred = Path(tmp) / f"{task}.jsonl"
            run(task, data, pred)
            line = f"{task}: engine {score(task, data, pred):.4f}"
            if task in ("3-4", "3-5"):
                base = Path(tmp) / f"{task}.baseline.jsonl"
                median_baseline(data, base, leave_one_out=False)
                line += f"   per-charge median baseline: in sample {score(task, data, base):.4f}"
                median_baseline(data, base, leave_one_out=True)
                line += f", leave-one-out {score(task, data, base):.4f}"
            print(line)
        print(f"3-4 extraction + computation: {speed(args.data / '3-4.json'):.1f} ms per case (one core)")


if __name__ == "__main__":
    main()
