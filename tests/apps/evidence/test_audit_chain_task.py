"""Every audit-trail record is chained into the platform log by a background task, after its commit."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.db import transaction

from smartcourt.apps.cases.models import Case
from smartcourt.apps.evidence import selectors, tasks
from smartcourt.apps.evidence.models import EntryKind, EvidenceEntry, Ledger
from smartcourt.engines.ledger import verify_receipt
from tests.apps.factories import register_civil

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fixtures_callbacks_dropped(world):
    """The on-commit callbacks of the fixtures' writes: the test's own transaction never runs them, and
    the scheduler registers one run per transaction, so they would hide the test's own."""
    transaction.get_connection().run_on_commit.clear()


def test_a_case_write_ends_up_in_the_audit_ledger_with_a_verifiable_receipt(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        case = register_civil(world)
    # one chaining run per committed transaction, however many audit rows it wrote
    assert [c for c in callbacks if c is tasks.audit_chain_enqueue] == [tasks.audit_chain_enqueue]

    row = LogEntry.objects.get_for_object(Case.objects.get(pk=case.pk)).get(action=LogEntry.Action.CREATE)
    entry = EvidenceEntry.objects.get(kind=EntryKind.AUDIT, source_id=row.pk)
    platform = Ledger.objects.get(court__isnull=True)
    assert entry.ledger_id == platform.pk
    receipt = selectors.entry_receipt(entry=entry)
    verify_receipt(receipt, verifier_key=platform.verifier_key)
    assert selectors.receipt_verify(receipt_text=receipt.to_json(), data=None).verified is True
    chained = set(EvidenceEntry.objects.filter(kind=EntryKind.AUDIT).values_list("source_id", flat=True))
    assert chained == set(LogEntry.objects.values_list("pk", flat=True))


def test_a_rolled_back_write_schedules_nothing_and_a_later_one_chains_everything(
    world, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        register_civil(world)
        raise RuntimeError
    assert callbacks == []
    assert not EvidenceEntry.objects.filter(kind=EntryKind.AUDIT).exists()

    with django_capture_on_commit_callbacks(execute=True):  # also chains the fixtures' records
        register_civil(world)
    chained = set(EvidenceEntry.objects.filter(kind=EntryKind.AUDIT).values_list("source_id", flat=True))
    assert chained == set(LogEntry.objects.values_list("pk", flat=True))


def test_a_queued_run_is_not_queued_twice(monkeypatch):
    enqueued = []
    monkeypatch.setattr(tasks, "audit_trail_chain_task", _FakeTask(enqueued))
    monkeypatch.setattr(tasks, "_pending_elsewhere", lambda: True)
    tasks.audit_chain_enqueue()
    assert enqueued == []
    monkeypatch.setattr(tasks, "_pending_elsewhere", lambda: False)
    tasks.audit_chain_enqueue()
    assert enqueued == [1]


def test_the_database_backend_sees_a_queued_run(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert tasks._pending_elsewhere() is False
    tasks.audit_chain_enqueue()
    assert tasks._pending_elsewhere() is True
    tasks.audit_chain_enqueue()  # debounced: still one queued
    assert DBTaskResult.objects.filter(task_path=tasks.audit_trail_chain_task.module_path).count() == 1


class _FakeTask:
    def __init__(self, calls: list[int]) -> None:
        self.calls = calls

    def enqueue(self) -> None:
        self.calls.append(1)
