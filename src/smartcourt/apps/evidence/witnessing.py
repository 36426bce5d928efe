"""Asking witnesses to cosign a log's latest head (the client side of c2sp.org/tlog-witness).

For each configured ``LedgerWitness`` the request carries the size the witness last cosigned and the
consistency proof from it; a 409 answer names the witness's real latest size, and the request is retried
once from there. Each cosignature is verified with the witness's key before it is kept; the head's
``cosigned_note`` is the log's signed note followed by every cosignature collected so far.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from django.db import transaction

from smartcourt.apps.accounts.models import Role, User
from smartcourt.apps.core.errors import NotPermittedError
from smartcourt.apps.evidence.error_codes import LedgerErrorCode
from smartcourt.apps.evidence.models import Ledger, LedgerWitness, TreeHead
from smartcourt.apps.evidence.selectors import proof_consistency, tree_head_latest
from smartcourt.engines.ledger import (
    AddCheckpointRequest,
    append_signatures,
    new_verifier,
    open_note,
)
from smartcourt.engines.ledger.errors import LedgerError


@dataclass(frozen=True)
class WitnessOutcome:
    witness: str
    cosigned: bool
    status: int
    detail: str


def witness_post(url: str, request: AddCheckpointRequest, *, timeout: float = 5.0) -> tuple[int, str, str]:
    """POST an add-checkpoint body to ``url``; ``(status, content type, body)``, 4xx included."""
    req = urllib.request.Request(
        url.rstrip("/") + "/add-checkpoint",
        data=request.to_body().encode("utf-8"),
        method="POST",
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (configured witness URL)
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode("utf-8", "replace")


def _ask(ledger: Ledger, head: TreeHead, witness: LedgerWitness, timeout: float) -> tuple[int, str]:
    old = witness.latest_size if witness.latest_size <= head.size else 0
    for _attempt in range(2):
        proof = proof_consistency(ledger=ledger, first=old, second=head.size) if old else []
        status, ctype, body = witness_post(
            witness.url, AddCheckpointRequest(old, tuple(proof), head.signed_note), timeout=timeout
        )
        if status == 409 and ctype.startswith("text/x.tlog.size") and body.strip().isdigit():
            told = int(body.strip())
            if told != old and told <= head.size:
                old = told
                continue
        return status, body
    return status, body


def tree_head_witness(
    *, ledger: Ledger, actor: User | None = None, timeout: float = 5.0
) -> list[WitnessOutcome]:
    """Collect cosignatures on the latest head from every witness of ``ledger``; store what verified."""
    if actor is not None and actor.role != Role.IT_ADMIN:
        raise NotPermittedError(LedgerErrorCode.NOT_PERMITTED, "只有信息中心人员可以请求见证")
    ledger = Ledger.objects.get(pk=ledger.pk)  # the current size, whatever the caller holds
    head = tree_head_latest(ledger=ledger)
    outcomes: list[WitnessOutcome] = []
    signatures = []
    for witness in ledger.witnesses.order_by("name"):
        try:
            status, body = _ask(ledger, head, witness, timeout)
        except OSError as exc:
            outcomes.append(WitnessOutcome(witness.name, False, 0, f"无法连接：{exc}"))
            continue
        if status != 200:
            outcomes.append(WitnessOutcome(witness.name, False, status, body.strip()[:300]))
            continue
        try:
            note = open_note(head.signed_note + body, [new_verifier(witness.verifier_key)])
        except LedgerError as exc:
            outcomes.append(WitnessOutcome(witness.name, False, status, f"见证签名无效：{exc}"))
            continue
        signatures.extend(s for s in note.verified)
        LedgerWitness.objects.filter(pk=witness.pk).update(latest_size=head.size)
        outcomes.append(WitnessOutcome(witness.name, True, status, "已见证"))
    if signatures:
        with transaction.atomic():
            locked = TreeHead.objects.select_for_update().get(pk=head.pk)
            base = locked.cosigned_note or locked.signed_note
            have = {line for line in base.split("\n") if line.startswith("— ")}
            fresh = [s for s in signatures if s.line().rstrip("\n") not in have]
            locked.cosigned_note = append_signatures(base, fresh)
            locked.save(update_fields=["cosigned_note"])
    return outcomes
