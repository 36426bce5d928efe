"""Three witness processes on loopback: cosignatures on a good head, a split view refused by every one."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from smartcourt.apps.evidence import services, witnessing
from smartcourt.apps.evidence.models import LedgerWitness, TreeHead
from smartcourt.apps.evidence.selectors import tree_head_latest
from smartcourt.engines.ledger import (
    SHA256,
    AddCheckpointRequest,
    Checkpoint,
    CompactRange,
    generate_cosigner_key,
    new_cosigner,
    open_note,
    sign_checkpoint,
)

pytestmark = pytest.mark.django_db

STARTUP_SECONDS = 20


def _start(tmp_path: Path, n: int, ledger) -> subprocess.Popen[str]:
    config = {
        "key": generate_cosigner_key(f"w{n}.court.example/witness"),
        "state": str(tmp_path / f"w{n}-state.json"),
        "logs": [
            {"origin": ledger.origin, "verifier_key": ledger.verifier_key, "hash": ledger.hash_algorithm}
        ],
        "host": "127.0.0.1",
        "port": 0,
    }
    path = tmp_path / f"w{n}.json"
    path.write_text(json.dumps(config))
    proc = subprocess.Popen(
        [sys.executable, "-m", "smartcourt.apps.evidence.witness_server", "--config", str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    proc.config = config  # type: ignore[attr-defined]
    return proc


@pytest.fixture
def witnesses(world, tmp_path) -> Iterator[list[tuple[str, str]]]:
    ledger = services.ledger_create(court=world.court, actor=world.it_admin)
    procs = [_start(tmp_path, n, ledger) for n in range(3)]
    try:
        urls = []
        for proc in procs:
            line = proc.stdout.readline()  # type: ignore[union-attr]
            assert line.startswith("listening on http://127.0.0.1:"), line
            urls.append(line.split()[-1])
        registered = []
        for proc, url in zip(procs, urls, strict=True):
            cosigner = new_cosigner(proc.config["key"])  # type: ignore[attr-defined]
            LedgerWitness.objects.create(
                ledger=ledger, name=cosigner.name, url=url, verifier_key=cosigner.verifier().verifier_key()
            )
            registered.append((url, cosigner.verifier().verifier_key()))
        yield registered
    finally:
        for proc in procs:
            proc.kill()
            proc.wait(timeout=STARTUP_SECONDS)


def test_three_witnesses_cosign_a_good_head_and_refuse_a_split_view(world, record, witnesses):
    from smartcourt.engines.ledger import new_verifier

    services.evidence_record(actor=world.judge, records=[record(i) for i in range(5)])
    ledger = world.court.ledger
    outcomes = witnessing.tree_head_witness(ledger=ledger, timeout=5)
    assert [(o.cosigned, o.status) for o in outcomes] == [(True, 200)] * 3
    head = tree_head_latest(ledger=ledger)
    note = open_note(
        head.cosigned_note, [new_verifier(k) for _, k in witnesses] + [new_verifier(ledger.verifier_key)]
    )
    assert len(note.verified) == 4

    # A split view: the same size, another root, signed with the log's own key (a log showing two histories).
    fork = CompactRange(SHA256)
    fork.extend([SHA256.hash_leaf(f"forged {i}".encode()) for i in range(5)])
    forged = sign_checkpoint(Checkpoint(ledger.origin, 5, fork.root()), [services._signer(ledger)])
    for url, _ in witnesses:
        status, ctype, body = witnessing.witness_post(url, AddCheckpointRequest(5, (), forged), timeout=5)
        assert (status, ctype, body) == (409, "text/x.tlog.size", "5\n")

    # Refusals changed nothing: the honest log's next head is cosigned from size 5.
    services.evidence_record(actor=world.judge, records=[record(9)])
    outcomes = witnessing.tree_head_witness(ledger=ledger, timeout=5)
    assert [(o.cosigned, o.status) for o in outcomes] == [(True, 200)] * 3
    assert list(LedgerWitness.objects.values_list("latest_size", flat=True)) == [6, 6, 6]
    assert TreeHead.objects.get(ledger=ledger, size=6).cosigned_note.count("\n— ") == 4


def test_a_witness_refuses_a_head_that_rewrites_history(world, record, witnesses):
    services.evidence_record(actor=world.judge, records=[record(i) for i in range(4)])
    ledger = world.court.ledger
    assert all(o.cosigned for o in witnessing.tree_head_witness(ledger=ledger, timeout=5))
    # a bigger tree that does not extend the cosigned one: no consistency proof can link them
    fork = CompactRange(SHA256)
    fork.extend([SHA256.hash_leaf(f"other {i}".encode()) for i in range(6)])
    forged = sign_checkpoint(Checkpoint(ledger.origin, 6, fork.root()), [services._signer(ledger)])
    proof = (SHA256.hash_leaf(b"x"), SHA256.hash_leaf(b"y"))
    url = witnesses[0][0]
    status, _, _ = witnessing.witness_post(url, AddCheckpointRequest(4, proof, forged), timeout=5)
    assert status == 422
