"""Background indexing (django-tasks): new judgments and imported laws into the search index; a full rebuild."""

from __future__ import annotations

from django_tasks import task


@task()
def judgments_index_task(ids: list[int]) -> int:
    from smartcourt.apps.knowledge.judgment_services import judgment_index

    return judgment_index(ids=ids)


@task()
def laws_index_task() -> int:
    from smartcourt.apps.knowledge.judgment_services import laws_index

    return laws_index()


@task()
def search_index_rebuild_task() -> int:
    from smartcourt.apps.knowledge.judgment_services import search_index_rebuild

    return search_index_rebuild().count()
