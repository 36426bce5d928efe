"""A 民初 case with a 正卷 material (2-page scan PDF), a 副卷 material (PNG); the world's litigant is the
plaintiff and the world's lawyer is the plaintiff's counsel."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from PIL import Image

from smartcourt.apps.casefile.models import Material, Volume
from smartcourt.apps.casefile.services import material_ingest
from smartcourt.apps.cases.models import Case, Counsel, CounselKind, Party
from tests.apps.factories import World, register_civil


def blank_png(width: int = 400, height: int = 560, seed: int = 0) -> bytes:
    image = Image.new("RGB", (width, height), "white")
    image.putpixel((seed % width, 1), (0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def blank_pdf(pages: int = 2, seed: int = 0) -> bytes:
    images = []
    for n in range(pages):
        image = Image.new("RGB", (413, 584), "white")
        image.putpixel((n + seed, 1), (0, 0, 0))
        images.append(image)
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], resolution=50)
    return buffer.getvalue()


@dataclass
class FileCase:
    case: Case
    main: Material
    secondary: Material


def make_file_case(world: World, seed: int = 0) -> FileCase:
    case = register_civil(world)
    plaintiff = Party.objects.get(case=case, role="PLAINTIFF")
    Party.objects.filter(pk=plaintiff.pk).update(user=world.litigant)
    Counsel.objects.create(
        case=case, party=plaintiff, kind=CounselKind.LAWYER, name="代理律师", user=world.lawyer
    )
    main = material_ingest(
        case=case,
        data=blank_pdf(2, seed),
        filename="起诉状.pdf",
        source="SCAN",
        actor=world.clerk,
        title="起诉状",
    )
    secondary = material_ingest(
        case=case,
        data=blank_png(seed=seed + 7),
        filename="合议笔录.png",
        source="SCAN",
        actor=world.clerk,
        title="合议庭评议笔录",
    )
    Material.objects.filter(pk=secondary.pk).update(volume=Volume.SECONDARY)
    secondary.refresh_from_db()
    return FileCase(case=case, main=main, secondary=secondary)


@pytest.fixture
def file_case(world: World) -> FileCase:
    return make_file_case(world)
