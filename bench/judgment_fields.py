"""How often parse_judgment finds each field on the LeCaRDv2 query judgments in ../shared (counts only).

    .venv/bin/python bench/judgment_fields.py [--data ../shared/data/judgments/lecardv2_queries.jsonl]

Prints counts, never the judgments' text: they contain real names.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from smartcourt.engines.text import parse_judgment

DEFAULT = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "judgments" / "lecardv2_queries.jsonl"
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    found: Counter[str] = Counter()
    total = 0
    start = time.perf_counter()
    with args.data.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            total += 1
            j = parse_judgment(str(json.loads(line).get("query", "")))
            fields = {
                "court": bool(j.court),
                "document_type": bool(j.document_type),
                "case_number": bool(j.case_number),
                "gender": bool(j.genders),
                "birth_date": bool(j.birth_dates),
                "ethnicity": bool(j.ethnicities),
                "citation": bool(j.citations),
                "principal_penalty": j.principal_penalty is not None,
                "principal_penalty_term": j.principal_penalty is not None
                and (j.principal_penalty.months is not None or j.principal_penalty.for_life),
                "probation": j.probation is not None,
                "fine": j.fine is not None,
                "fine_amount": j.fine is not None and j.fine.amount is not None,
                "charges": bool(j.charges),
                "counsel": bool(j.counsel),
                "custody": bool(j.custody),
                "prior_record": j.prior_record,
                "trial_level": bool(j.trial_level),
            }
            fields |= {f"part:{p.name}": True for p in j.parts}
            found.update(k for k, v in fields.items() if v)
    elapsed = time.perf_counter() - start
    print("command:", " ".join([".venv/bin/python", *sys.argv]))
    print(f"{total} judgments parsed in {elapsed:.2f} s")
    for key in sorted(found):
        print(f"  {key:24s} {found[key]:4d} / {total}")


if __name__ == "__main__":
    main()
