"""Reads about courts: the jurisdiction tree used for scoping."""

from __future__ import annotations

from django.db.models import QuerySet

from smartcourt.apps.courts.models import Court


def court_subtree_ids(*, court: Court) -> list[int]:
    """The ids of ``court`` and every court below it (a high court's whole province).

    Court trees are at most four levels deep, so one query per level is enough.
    """
    ids = [court.pk]
    frontier = [court.pk]
    while frontier:
        frontier = list(Court.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids.extend(frontier)
    return ids


def court_list() -> QuerySet[Court]:
    return Court.objects.select_related("parent").order_by("code")
