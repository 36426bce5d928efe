"""OCR of whole files and batches: pages in order, parallel over processes, one failure per bad file."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from smartcourt.engines.ocr._pages import iter_page_images, page_count
from smartcourt.engines.ocr._rapid import RapidOcrRecognizer, Recognizer
from smartcourt.engines.ocr._types import FileFailure, OcrSettings, PageText
from smartcourt.engines.ocr.errors import OcrError


def ocr_bytes(
    data: bytes, *, filename: str, settings: OcrSettings | None = None, recognizer: Recognizer | None = None
) -> Iterator[PageText]:
    """The text layer of every page of one file (PDF or image), in page order.

    Raises the file's :class:`OcrError` (encrypted, corrupt, too large …) before or while yielding pages.

    >>> import io
    >>> from PIL import Image
    >>> buffer = io.BytesIO(); Image.new("RGB", (40, 30), "white").save(buffer, "PNG")
    >>> class Blank:
    ...     def recognize(self, image): return []
    >>> [(p.file, p.page, p.width, p.text) for p in ocr_bytes(buffer.getvalue(), filename="p.png", recognizer=Blank())]
    [('p.png', 1, 40, '')]
    """
    settings = settings or OcrSettings()
    recognizer = recognizer or RapidOcrRecognizer(settings)
    for number, image in iter_page_images(data, filename=filename, settings=settings):
        lines = recognizer.recognize(image)
        yield PageText(file=filename, page=number, width=image.width, height=image.height, lines=tuple(lines))


def ocr_files(
    paths: Iterable[str | Path], *, settings: OcrSettings | None = None, workers: int = 1
) -> Iterator[PageText | FileFailure]:
    """Every page of every file, in order; a file that cannot be read yields one :class:`FileFailure` and the
    batch goes on. With ``workers`` > 1 pages are recognised in that many processes (one onnxruntime thread
    each), which is how two cores reach their best pages per second.

    >>> [(f.code, f.file) for f in ocr_files(["/nonexistent/a.pdf"])]
    [('ocr.unreadable', '/nonexistent/a.pdf')]
    """
    settings = settings or OcrSettings()
    jobs: list[tuple[str, int] | FileFailure] = []
    for path in paths:
        name = str(path)
        try:
            count = page_count(Path(name).read_bytes(), filename=name, settings=settings)
        except OcrError as exc:
            jobs.append(FileFailure(file=name, code=exc.code, message=exc.message))
            continue
        except OSError as exc:
            jobs.append(
                FileFailure(file=name, code="ocr.unreadable", message=f"{name}：无法打开（{exc.strerror}）")
            )
            continue
        jobs.extend((name, page) for page in range(1, count + 1))
    if workers <= 1:
        recognizer = RapidOcrRecognizer(settings)
        for job in jobs:
            yield job if isinstance(job, FileFailure) else _ocr_page(job, settings, recognizer)
        return
    worker_settings = replace(settings, threads=settings.threads or 1)
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(worker_settings,)
    ) as pool:
        pending = [job for job in jobs if not isinstance(job, FileFailure)]
        results = pool.map(_worker_page, pending, chunksize=1)
        for job in jobs:
            yield job if isinstance(job, FileFailure) else next(results)


def default_workers() -> int:
    """One worker process per available core.

    >>> default_workers() >= 1
    True
    """
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _ocr_page(job: tuple[str, int], settings: OcrSettings, recognizer: Recognizer) -> PageText | FileFailure:
    name, page = job
    try:
        data = _read_cached(name)
        for number, image in iter_page_images(data, filename=name, settings=settings, pages=[page]):
            lines = recognizer.recognize(image)
            return PageText(
                file=name, page=number, width=image.width, height=image.height, lines=tuple(lines)
            )
    except OcrError as exc:
        return FileFailure(file=name, code=exc.code, message=f"第{page}页：{exc.message}")
    return FileFailure(file=name, code="ocr.unreadable", message=f"{name}：第{page}页不存在")


_CACHE: dict[str, bytes] = {}
_WORKER: tuple[OcrSettings, RapidOcrRecognizer] | None = None


def _read_cached(name: str) -> bytes:
    if name not in _CACHE:
        _CACHE.clear()  # keep one file's bytes per process
        _CACHE[name] = Path(name).read_bytes()
    return _CACHE[name]


def _init_worker(settings: OcrSettings) -> None:
    global _WORKER
    _WORKER = (settings, RapidOcrRecognizer(settings))


def _worker_page(job: tuple[str, int]) -> PageText | FileFailure:
    assert _WORKER is not None
    settings, recognizer = _WORKER
    return _ocr_page(job, settings, recognizer)
