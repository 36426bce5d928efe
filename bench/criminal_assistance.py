"""Criminal case assistance: the cost the app adds on top of the sentencing engine, and the contradiction check.

Baseline (same run): the sentencing engine alone (extract_facts + extract_circumstances + compute_sentence).
Measured: the app's ``assess`` (engine + charge cross-check + overrides + highlighted segments), and
``detect_contradictions`` over a case's evidence excerpts (20 items). Facts are generated (no real data).

    .venv/bin/python bench/criminal_assistance.py --runs 200
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import time
from random import Random

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcourt.config.settings.dev")


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    from smartcourt.apps.criminal.assessment import assess
    from smartcourt.apps.criminal.demo_facts import _TEMPLATES, generated_facts
    from smartcourt.engines.evidence_guidance import EvidenceText, detect_contradictions
    from smartcourt.engines.sentencing import (
        SentencingError,
        compute_sentence,
        extract_circumstances,
        extract_facts,
    )

    rng = Random(7)
    cases = [
        (c, generated_facts(charge=c, defendant="王某", rng=rng, year=2025))
        for _ in range(max(1, args.runs // len(_TEMPLATES)))
        for c in _TEMPLATES
    ]
    assess(facts_text=cases[0][1], charge=cases[0][0], overrides={})  # warm caches (models, data)
    base, app = [], []
    for charge, text in cases:
        t0 = time.perf_counter()
        with contextlib.suppress(SentencingError):
            compute_sentence(extract_facts(text, charge), extract_circumstances(text, charge))
        t1 = time.perf_counter()
        assess(facts_text=text, charge=charge, overrides={})
        t2 = time.perf_counter()
        base.append((t1 - t0) * 1000)
        app.append((t2 - t1) * 1000)
    items = [EvidenceText(str(i), f"材料{i}", text[:300]) for i, (_c, text) in enumerate(cases[:20])]
    contra = []
    for _ in range(20):
        t0 = time.perf_counter()
        detect_contradictions(items)
        contra.append((time.perf_counter() - t0) * 1000)
    print(f"command: {' '.join([sys.executable, *sys.argv])}")
    print(f"cases: {len(cases)} (generated facts, {len(_TEMPLATES)} charges)")
    for name, values in (
        ("baseline engine only", base),
        ("app assess()", app),
        ("contradictions, 20 items", contra),
    ):
        print(
            f"{name:28s} p50 {statistics.median(values):7.2f} ms  p95 {_pct(values, 0.95):7.2f} ms  "
            f"max {max(values):7.2f} ms"
        )


if __name__ == "__main__":
    main()
