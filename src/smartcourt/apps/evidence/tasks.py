"""Background chaining of the audit trail into the platform log (django-tasks).

Every committed transaction that wrote django-auditlog ``LogEntry`` rows enqueues at most one
``audit_trail_chain_task`` (``audit_chain_schedule``, connected to ``LogEntry``'s ``post_save`` in
``EvidenceConfig.ready``); the task appends every row not yet chained, in batches of ``MAX_BATCH``. See
``docs/ledger.md`` ("The audit trail") for the debounce and the latency bound.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django_tasks import task

logger = logging.getLogger(__name__)

# Audit rows of the task queue itself do not schedule a run: the task's own status changes would
# otherwise enqueue the next run for ever. They are chained with the next real run all the same.
_QUIET_APPS = frozenset({"django_tasks_database"})


@task()
def audit_trail_chain_task() -> int:
    """Append every audit-trail record not yet chained to the platform log; the number appended."""
    from smartcourt.apps.evidence.services import audit_trail_chain

    return audit_trail_chain(batch_size=settings.SMARTCOURT_LEDGER["MAX_BATCH"])


def _pending_elsewhere() -> bool:
    """A chaining task is queued and not yet started (database backend only): it will see our rows."""
    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the database backend is installed
        return False
    if not isinstance(audit_trail_chain_task.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.filter(task_path=audit_trail_chain_task.module_path, status="READY").exists()


def audit_chain_enqueue() -> None:
    """Enqueue one chaining run unless one is already queued; never raises (it runs after a commit)."""
    try:
        if not _pending_elsewhere():
            audit_trail_chain_task.enqueue()
    except Exception:  # the caller's transaction has committed: log, the next write or run retries
        logger.exception("could not enqueue audit_trail_chain_task")


def audit_chain_schedule(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
    """``post_save`` of ``LogEntry``: once per transaction, after it commits, ``audit_chain_enqueue``."""
    if not created or not settings.SMARTCOURT_LEDGER.get("AUDIT_CHAIN", True):
        return
    from django.contrib.contenttypes.models import ContentType

    if ContentType.objects.get_for_id(instance.content_type_id).app_label in _QUIET_APPS:
        return
    using = kwargs.get("using")
    conn = transaction.get_connection(using)
    if conn.in_atomic_block and any(entry[1] is audit_chain_enqueue for entry in conn.run_on_commit):
        return  # this transaction already has its run scheduled (a rollback drops the entry with it)
    transaction.on_commit(audit_chain_enqueue, using=using)
