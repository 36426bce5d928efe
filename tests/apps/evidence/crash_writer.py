"""The writer of the crash test, run as a subprocess against its own database (see test_crash.py).

python crash_writer.py write          append batches of 1 KB entries for ever, one receipt line each
python crash_writer.py resume FILE    append one more batch, then print the new signed head and, for
                                      each receipt in FILE, the consistency and inclusion proofs
python crash_writer.py batches N      append N batches of 40 (beside other writer processes), then exit
"""

from __future__ import annotations

import base64
import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcourt.config.settings.test")

import django  # noqa: E402

django.setup()

from smartcourt.apps.evidence import selectors, services  # noqa: E402
from smartcourt.engines.ledger import Receipt, hasher_for  # noqa: E402


def _batch(ledger, start: int, n: int) -> list[services.Appended]:
    hasher = hasher_for(ledger.hash_algorithm)
    inputs = [
        services.EntryInput(
            kind="FILE", leaf_hash=hasher.hash_leaf(os.urandom(1024)), metadata={"n": start + i}
        )
        for i in range(n)
    ]
    return services.ledger_append(ledger=ledger, inputs=inputs, actor=None)


def write() -> None:
    ledger = services.ledger_ensure(court=None)
    print(json.dumps({"public_key": ledger.verifier_key}), flush=True)
    n = 0
    while True:
        for appended in _batch(ledger, n, 40):
            sys.stdout.write(appended.receipt.to_json() + "\n")
        sys.stdout.flush()
        n += 40


def resume(path: str) -> None:
    ledger = services.ledger_ensure(court=None)
    _batch(ledger, -1, 10)
    ledger.refresh_from_db()
    head = selectors.tree_head_latest(ledger=ledger)
    out = {"checkpoint": head.signed_note, "check_ok": selectors.ledger_check(ledger=ledger).ok, "proofs": []}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = Receipt.from_json(line)
            out["proofs"].append(
                {
                    "consistency": [
                        base64.b64encode(p).decode()
                        for p in selectors.proof_consistency(
                            ledger=ledger, first=r.tree_size, second=head.size
                        )
                    ],
                    "inclusion": [
                        base64.b64encode(p).decode()
                        for p in selectors.proof_inclusion(
                            ledger=ledger, leaf_index=r.leaf_index, tree_size=head.size
                        )
                    ],
                }
            )
    print(json.dumps(out), flush=True)


def batches(n: int) -> None:
    ledger = services.ledger_ensure(court=None)
    for i in range(n):
        _batch(ledger, i * 40, 40)


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write()
    elif sys.argv[1] == "batches":
        batches(int(sys.argv[2]))
    else:
        resume(sys.argv[2])
