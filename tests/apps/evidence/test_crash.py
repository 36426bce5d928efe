"""Crash safety for real: kill -9 a writer during sustained appends, restart, and every receipt it returned
still verifies against a newer head that is consistent with the receipt's head. Runs against its own
SQLite file, and against its own PostgreSQL database when the tests run on PostgreSQL (the subprocesses
cannot see the test transaction), bounded in time.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


PG_URL = os.environ.get("DATABASE_URL", "")


def _env(database_url: str, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "SMARTCOURT_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "smartcourt.config.settings.test",
        "PYTHONPATH": str(ROOT),
    }


def _migrate(database_url: str, tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "smartcourt", "migrate", "-v0", "--skip-checks"],
        env=_env(database_url, tmp_path),
        check=True,
        timeout=4 * TIMEOUT,
    )


@pytest.fixture(scope="module")
def migrated_sqlite(tmp_path_factory) -> Path:
    """An empty migrated SQLite file, migrated once for this module's tests (each works on a copy)."""
    path = tmp_path_factory.mktemp("migrated") / "empty.sqlite3"
    _migrate(f"sqlite:///{path}", path.parent)
    return path


def test_kill_9_during_appends_loses_no_returned_receipt(tmp_path, migrated_sqlite):
    shutil.copyfile(migrated_sqlite, tmp_path / "crash.sqlite3")
    _crash_and_resume(f"sqlite:///{tmp_path / 'crash.sqlite3'}", tmp_path, migrate=False)


@pytest.mark.skipif(
    not PG_URL.startswith("postgres"),
    reason="PostgreSQL crash test: run with DATABASE_URL=postgres://… (it creates its own database)",
)
def test_kill_9_during_appends_on_postgresql_loses_no_returned_receipt(tmp_path):
    import psycopg

    base = PG_URL.rsplit("/", 1)[0]
    name = f"sc_ledger_crash_{os.getpid()}"
    with psycopg.connect(base + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        _crash_and_resume(f"{base}/{name}", tmp_path)
    finally:
        with psycopg.connect(base + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _crash_and_resume(database_url: str, tmp_path: Path, *, migrate: bool = True) -> None:
    env = _env(database_url, tmp_path)
    if migrate:
        _migrate(database_url, tmp_path)

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


def test_writer_processes_take_turns_on_a_sqlite_file(tmp_path, migrated_sqlite):
    """Three processes appending at once (queued on the SQLite writer lock): every batch lands, whole."""
    shutil.copyfile(migrated_sqlite, tmp_path / "turns.sqlite3")
    env = _env(f"sqlite:///{tmp_path / 'turns.sqlite3'}", tmp_path)
    subprocess.run([sys.executable, str(WRITER), "batches", "1"], env=env, check=True, timeout=TIMEOUT)
    writers = [subprocess.Popen([sys.executable, str(WRITER), "batches", "15"], env=env) for _ in range(3)]
    assert [w.wait(timeout=4 * TIMEOUT) for w in writers] == [0, 0, 0]
    (tmp_path / "none.jsonl").write_text("")
    resumed = subprocess.run(
        [sys.executable, str(WRITER), "resume", str(tmp_path / "none.jsonl")],
        env=env,
        check=True,
        timeout=TIMEOUT,
        capture_output=True,
        text=True,
    )
    out = json.loads(resumed.stdout)
    assert out["check_ok"] is True
    assert out["checkpoint"].splitlines()[1] == str(40 + 3 * 15 * 40 + 10)
    assert (tmp_path / "turns.sqlite3-ledger.lock").exists()
