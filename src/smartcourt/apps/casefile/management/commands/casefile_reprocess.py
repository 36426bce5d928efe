"""Enqueue recognition again for case-file materials left pending (e.g. the queue was down at upload time)
or, with ``--failed``, for those that failed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from smartcourt.apps.casefile.models import Material, MaterialStatus


class Command(BaseCommand):
    help = "重新排队识别电子卷宗中待识别（或 --failed：处理失败）的材料"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--failed", action="store_true", help="也重新识别处理失败的材料")

    def handle(self, *args: Any, **options: Any) -> None:
        from smartcourt.apps.casefile.tasks import material_process_task

        statuses = [MaterialStatus.PENDING] + ([MaterialStatus.FAILED] if options["failed"] else [])
        ids = list(Material.objects.filter(status__in=statuses).values_list("pk", flat=True))
        Material.objects.filter(pk__in=ids, status=MaterialStatus.FAILED).update(
            status=MaterialStatus.PENDING, failure_reason="", claimed_at=None
        )
        for pk in ids:
            material_process_task.enqueue(pk)
        self.stdout.write(f"已排队 {len(ids)} 份材料")
