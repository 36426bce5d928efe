"""Crash safety for real: kill -9 a writer during sustained appends, restart, and every receipt it returned
still verifies against a newer head that is consistent with the receipt's head. Runs against its own
SQLite file (the subprocesses cannot see the test transaction), bounded in time.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from smartcourt.engines.ledger import (
    SHA256,
    Receipt,
    new_verifier,
    open_checkpoint,
    verify_consistency,
    verify_inclusion,
    verify_receipt,
)

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).resolve().parents[3]
TIMEOUT = 60
RECEIPTS_BEFORE_KILL = 400


def test_kill_9_during_appends_loses_no_returned_receipt(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'crash.sqlite3'}",
        "SMARTCOURT_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "smartcourt.config.settings.test",
        "PYTHONPATH": str(ROOT),
    }
    subprocess.run(
        [sys.executable, "-m", "smartcourt", "migrate", "-v0"], env=env, check=True, timeout=TIMEOUT
    )

    writer = subprocess.Popen(
        [sys.executable, str(WRITER), "write"], env=env, stdout=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + TIMEOUT
    try:
        key = json.loads(writer.stdout.readline())["public_key"]  # type: ignore[union-attr]
        lines = []
        while len(lines) < RECEIPTS_BEFORE_KILL and time.monotonic() < deadline:
            lines.append(writer.stdout.readline())  # type: ignore[union-attr]
    finally:
        os.kill(writer.pid, signal.SIGKILL)  # mid-batch: the writer never pauses between transactions
        writer.wait(timeout=TIMEOUT)
    assert writer.returncode == -signal.SIGKILL
    receipts = [Receipt.from_json(line) for line in lines if line.endswith("\n")]
    assert len(receipts) == RECEIPTS_BEFORE_KILL
    (tmp_path / "receipts.jsonl").write_text("".join(r.to_json() + "\n" for r in receipts))

    resumed = subprocess.run(
        [sys.executable, str(WRITER), "resume", str(tmp_path / "receipts.jsonl")],
        env=env,
        check=True,
        timeout=TIMEOUT,
        capture_output=True,
        text=True,
    )
    out = json.loads(resumed.stdout)
    assert out["check_ok"] is True
    head = open_checkpoint(out["checkpoint"], [new_verifier(key)]).checkpoint
    assert head.size >= receipts[-1].tree_size + 10
    for receipt, proofs in zip(receipts, out["proofs"], strict=True):
        verify_receipt(receipt, verifier_key=key)
        consistency = [base64.b64decode(p) for p in proofs["consistency"]]
        verify_consistency(
            SHA256, receipt.tree_size, head.size, consistency, receipt.root_hash, head.root_hash
        )
        inclusion = [base64.b64decode(p) for p in proofs["inclusion"]]
        verify_inclusion(SHA256, receipt.leaf_index, head.size, receipt.leaf_hash, inclusion, head.root_hash)
