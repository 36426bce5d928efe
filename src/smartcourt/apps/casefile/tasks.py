"""Background work of the electronic case file (django-tasks): recognising a material's text."""

from __future__ import annotations

from django_tasks import task


@task()
def material_process_task(material_id: int) -> str:
    """Text, classification, extraction and arrangement of one material; a bad file marks it failed."""
    from smartcourt.apps.casefile.services import material_process

    return material_process(material_id=material_id)
