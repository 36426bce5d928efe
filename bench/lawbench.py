"""Run the LawBench predictors on the dev half in ../shared and score them with the official tool.

    .venv/bin/python bench/lawbench.py [--tasks 2-2 2-3 2-6 3-7] [--data-dir ../shared/data/judgments/lawbench_zero_shot]
    .venv/bin/python bench/lawbench.py --cv [--tasks 2-2 2-3]


Writes predictions to bench/out/lawbench/<task>.jsonl and prints, per task, the score, the time and the
scoring command, so the figure can be reproduced. 2-1 (proofreading) is not implemented by the official
scorer (it needs ChERRANT): it is scored here with smartcourt.lawbench._proofreading.edit_f05, a difflib
character-edit F0.5 (see docs/benchmarks.md for how it differs from ChERRANT).

``--cv`` (2-2 and 2-3 only; needs scikit-learn) prints the nested 5-fold cross-validated scores of the 2-2/2-3
models with the official item scorers, beside the rules' score on the same folds (smartcourt.lawbench.
_build_civil); that held-out figure, not the in-sample dev score, is the one claimed for the shipped model.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from smartcourt.lawbench import run
from smartcourt.lawbench._civil import PARAMS
from smartcourt.lawbench._proofreading import edit_f05

ROOT = Path(__file__).resolve().parents[1]
# GPT-4 zero-shot (LawBench paper, table of results) and the project's targets, printed beside each score.
BASELINES = {"2-2": (0.42, 0.55), "2-3": (0.70, 0.80), "2-6": (0.766, 0.85), "3-7": (0.776, 0.90)}
SHARED = ROOT.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tasks", nargs="+", default=["2-1", "2-2", "2-3", "2-6", "3-7"])
    parser.add_argument("--data-dir", type=Path, default=SHARED / "data" / "judgments" / "lawbench_zero_shot")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "lawbench_score.py")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "bench" / "out" / "lawbench")
    parser.add_argument("--cv", action="store_true", help="nested 5-fold CV of the 2-2/2-3 models")
    args = parser.parse_args()
    if args.cv:
        from smartcourt.lawbench._build_civil import cross_validate, load_task  # build-time (scikit-learn)

        print("command:", " ".join([".venv/bin/python", *sys.argv]))
        for task in [t for t in args.tasks if t in ("2-2", "2-3")] or ["2-2", "2-3"]:
            cross_validate(load_task(args.data_dir.parents[1], task), args.data_dir.parents[1])
        return
    args.out_dir.mkdir(parents=True, exist_ok=True)
    print("command:", " ".join([".venv/bin/python", *sys.argv]))
    for task in args.tasks:
        data = args.data_dir / f"{task}.json"
        out = args.out_dir / f"{task}.jsonl"
        start = time.perf_counter()
        count = run(task, data, out)
        elapsed = time.perf_counter() - start
        if task == "2-1":
            items = json.loads(data.read_text(encoding="utf-8"))
            lines = out.read_text(encoding="utf-8").splitlines()
            preds = [json.loads(line)["prediction"] for line in lines]
            precision, recall, f05 = edit_f05(
                (it["question"], it["answer"], p) for it, p in zip(items, preds, strict=True)
            )
            print(
                f"task 2-1: char-edit F0.5 {f05:.4f} (P {precision:.3f} R {recall:.3f}; own difflib aligner, "
                f"not ChERRANT)  {count} items in {elapsed:.2f} s; target >= 0.40: "
                f"{'met' if f05 >= 0.40 else 'not met'} (in sample; 5-fold CV in docs/benchmarks.md)"
            )
            continue
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
        claimed, note = result["score"], ""
        shipped = json.loads(PARAMS.read_text(encoding="utf-8")).get(task, {}) if PARAMS.exists() else {}
        if shipped.get("ships") == "model":
            claimed = shipped["cv"][shipped["variant"]]
            note = (
                f" (judged on the nested 5-fold CV figure {claimed:.4f} of the shipped {shipped['variant']}; "
                "the score above is in sample: the model was fitted on these items; rerun with --cv)"
            )
        if task in BASELINES:
            gpt4, target = BASELINES[task]
            met = "met" if claimed >= target else "not met"
            print(f"  GPT-4 {gpt4:.3f}  target >= {target:.2f}: {met}{note}")
        print("  scored with:", " ".join(score_cmd))


if __name__ == "__main__":
    main()
