"""Generated case-file materials (Faker zh_CN names, rendered pages, hand-made PDFs) and a stub recogniser."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from smartcourt.apps.casefile import pipeline
from smartcourt.apps.cases.models import Case
from smartcourt.engines.ocr import OcrLine
from tests.apps.factories import World, register_civil


class StubRecognizer:
    """Returns the next queued page of lines for every page image (or one blank-ish line)."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = []
        self.calls = 0
        self.fail: Exception | None = None

    def recognize(self, image: Image.Image) -> list[OcrLine]:
        self.calls += 1
        if self.fail is not None:
            raise self.fail
        lines = self.pages.pop(0) if self.pages else ["（空白）"]
        box = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0))
        return [OcrLine(text=t, box=box, score=0.99) for t in lines]


@pytest.fixture
def recognizer(monkeypatch: pytest.MonkeyPatch) -> StubRecognizer:
    stub = StubRecognizer()
    monkeypatch.setattr(pipeline, "_RECOGNIZER", stub)
    return stub


@pytest.fixture
def case(world: World) -> Case:
    return register_civil(world)


class _Tasks:
    """``with tasks:`` runs on-commit callbacks (the processing task, immediate in tests) at the block's end."""

    def __init__(self, capture: Any) -> None:
        self._capture = capture
        self._cm: Any = None

    def __enter__(self) -> None:
        self._cm = self._capture(execute=True)
        self._cm.__enter__()

    def __exit__(self, *exc: object) -> None:
        self._cm.__exit__(*exc)


@pytest.fixture
def tasks(django_capture_on_commit_callbacks: Any) -> _Tasks:
    return _Tasks(django_capture_on_commit_callbacks)


def png(width: int = 400, height: int = 560, colour: str = "white", seed: int = 0) -> bytes:
    image = Image.new("RGB", (width, height), colour)
    image.putpixel((seed % width, 1), (0, 0, 0))  # a different file each seed
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def scan_pdf(pages: int = 2, seed: int = 0) -> bytes:
    images = []
    for n in range(pages):
        image = Image.new("RGB", (413, 584), "white")
        image.putpixel((n + seed, 1), (0, 0, 0))
        images.append(image)
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=50, save_all=True, append_images=images[1:])
    return buffer.getvalue()


def text_pdf(pages: list[str]) -> bytes:
    """A PDF with a real text layer (Helvetica, ASCII), one string per page."""
    objects: list[bytes] = []
    kids = []
    font_id = 3 + 2 * len(pages)
    for i, text in enumerate(pages):
        page_id, content_id = 3 + 2 * i, 4 + 2 * i
        kids.append(f"{page_id} 0 R")
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        objects.append(
            f"{page_id} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >> endobj\n".encode()
        )
        objects.append(
            f"{content_id} 0 obj << /Length {len(stream)} >> stream\n".encode()
            + stream
            + b"\nendstream endobj\n"
        )
    head = [
        b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
        f"2 0 obj << /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >> endobj\n".encode(),
    ]
    tail = [f"{font_id} 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n".encode()]
    body = b"%PDF-1.4\n"
    offsets = []
    for obj in head + objects + tail:
        offsets.append(len(body))
        body += obj
    xref = len(body)
    body += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    body += f"trailer << /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return body


def docx_bytes(paragraphs: list[str]) -> bytes:
    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
