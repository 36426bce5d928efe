"""How often parse_judgment finds each field on the LeCaRDv2 query judgments in ../shared, and a seeded sample
for checking the extracted values by hand.

    .venv/bin/python bench/judgment_fields.py [--data ../shared/data/judgments/lecardv2_queries.jsonl]
        [--seed 20261127] [--sample 30] [--out bench/out/judgment_sample.jsonl]

Prints counts, never the judgments' text: they contain real names. The sample (item ids and what was
extracted from each) goes to ``--out`` under the git-ignored ``bench/out/``, so that a person can read each
judgment next to its extraction and repeat the precision check.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from smartcourt.engines.text import Judgment, parse_judgment

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "judgments" / "lecardv2_queries.jsonl"
PARTY_FIELDS = ("sex", "birth_date", "ethnicity", "education", "domicile", "priors", "custody", "counsel")


def extracted(j: Judgment) -> dict[str, Any]:
    """Every field parse_judgment extracted, as plain JSON values (parts as name, span and first characters)."""
    return {
        "court": j.court,
        "document_type": j.document_type,
        "case_number": j.case_number,
        "trial_level": j.trial_level,
        "parties": [
            {"role": p.role, "name": p.name} | {f: getattr(p, f) for f in PARTY_FIELDS} for p in j.parties
        ],
        "counsel": list(j.counsel),
        "charges": list(j.charges),
        "citations": [{"law": c.law, "articles": list(c.articles)} for c in j.citations],
        "custody": [list(c) for c in j.custody],
        "prior_record": j.prior_record,
        "principal_penalty": j.principal_penalty.text if j.principal_penalty else "",
        "probation": j.probation.text if j.probation else "",
        "fine": j.fine.text if j.fine else "",
        "parts": [{"name": p.name, "span": list(p.span), "starts": p.text[:20]} for p in j.parts],
    }


def found_fields(j: Judgment) -> set[str]:
    """The fields that are non-empty in one judgment (a party attribute counts when any party has it)."""
    fields = {
        "court": bool(j.court),
        "document_type": bool(j.document_type),
        "case_number": bool(j.case_number),
        "trial_level": bool(j.trial_level),
        "parties": bool(j.parties),
        "counsel": bool(j.counsel),
        "charges": bool(j.charges),
        "citation": bool(j.citations),
        "custody (any)": bool(j.custody),
        "prior_record": j.prior_record,
        "principal_penalty": j.principal_penalty is not None,
        "probation": j.probation is not None,
        "fine": j.fine is not None,
    }
    fields |= {f"party.{f}": any(getattr(p, f) for p in j.parties) for f in PARTY_FIELDS}
    fields |= {f"part:{p.name}": True for p in j.parts}
    return {k for k, v in fields.items() if v}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "judgment_sample.jsonl")
    args = parser.parse_args()
    found: Counter[str] = Counter()
    values: Counter[str] = Counter()  # extracted values, e.g. each party's sex counts once
    parsed: dict[int, Judgment] = {}
    start = time.perf_counter()
    with args.data.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            item = json.loads(line)
            j = parse_judgment(str(item.get("query", "")))
            parsed[int(item["id"])] = j
            found.update(found_fields(j))
            values.update(
                {"parties": len(j.parties), "counsel": len(j.counsel), "charges": len(j.charges)}
                | {"citation": len(j.citations), "custody (any)": len(j.custody)}
                | {f"party.{f}": sum(bool(getattr(p, f)) for p in j.parties) for f in PARTY_FIELDS}
            )
    elapsed = time.perf_counter() - start
    total = len(parsed)
    sample = sorted(random.Random(args.seed).sample(sorted(parsed), min(args.sample, total)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for item_id in sample:
            out.write(json.dumps({"id": item_id} | extracted(parsed[item_id]), ensure_ascii=False) + "\n")
    print("command:", " ".join([".venv/bin/python", *sys.argv]))
    print(f"{total} judgments parsed in {elapsed:.2f} s")
    print(f"  {'field':24s} {'judgments':>14s}  items (values extracted; for party.*: parties that have it)")
    for key in sorted(found):
        print(f"  {key:24s} {found[key]:4d} / {total:<5d}  {values[key] or '':>6}")
    print(f"sample of {len(sample)} (seed {args.seed}) written to {args.out}: ids {sample}")


if __name__ == "__main__":
    main()
