"""Concurrent registrations get consecutive case numbers: no gap, no duplicate."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection

from smartcourt.apps.cases.models import Case
from smartcourt.apps.cases.services import case_register
from tests.apps.factories import civil_registration, make_world, person

pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 8
PER_WORKER = 5


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's in-memory test database is one connection; the SQLite path is serialised by IMMEDIATE "
    "transactions and covered by the sequential tests. Run on PostgreSQL (DATABASE_URL) for real concurrency.",
)
def test_parallel_registrations_get_gapless_unique_numbers():
    world = make_world()
    registrations = [
        [
            civil_registration(parties=(person("PLAINTIFF"), person("DEFENDANT")), registered_on=date.today())
            for _ in range(PER_WORKER)
        ]
        for _ in range(WORKERS)
    ]
    errors: list[BaseException] = []
    barrier = threading.Barrier(WORKERS)

    def work(batch):
        try:
            barrier.wait()
            for registration in batch:
                case_register(officer=world.filer, registration=registration)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(batch,)) for batch in registrations]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    sequences = sorted(Case.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, WORKERS * PER_WORKER + 1))
    assert Case.objects.values("case_number").distinct().count() == WORKERS * PER_WORKER
