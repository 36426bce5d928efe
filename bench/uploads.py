"""Benchmark of the uploads engine: inspecting ~10 MB PDF, JPEG, PNG and DOCX files.

Baseline in the same run: the minimum any upload path does anyway — ``filetype.guess`` on the head plus a
SHA-256 of the bytes. The difference is the cost of the structural checks (pypdf, Pillow full decode, the
DOCX central directory and CRC pass).

    .venv/bin/python bench/uploads.py [--runs 20] [--mb 10]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx  # noqa: E402
import filetype  # noqa: E402
from PIL import Image  # noqa: E402
from pypdf import PdfWriter  # noqa: E402
from pypdf.generic import DecodedStreamObject, NameObject  # noqa: E402

from _common import machine  # noqa: E402
from smartcourt.engines.uploads import inspect_upload  # noqa: E402


def _noise_image(width: int, height: int, seed: int) -> Image.Image:
    rng = random.Random(seed)
    return Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))


def make_jpeg(target: int) -> bytes:
    side = 1200
    while True:
        buffer = io.BytesIO()
        _noise_image(side, side, 1).save(buffer, "JPEG", quality=95)
        if buffer.tell() >= target:
            return buffer.getvalue()
        side = int(side * 1.25)


def make_png(target: int) -> bytes:
    side = 1000
    while True:
        buffer = io.BytesIO()
        _noise_image(side, side, 2).save(buffer, "PNG", compress_level=1)
        if buffer.tell() >= target:
            return buffer.getvalue()
        side = int(side * 1.2)


def make_pdf(target: int) -> bytes:
    """A scanned-looking PDF: pages whose content streams carry incompressible bytes (as image scans do)."""
    writer = PdfWriter()
    rng = random.Random(3)
    size = 0
    while size < target:
        page = writer.add_blank_page(width=595, height=842)
        stream = DecodedStreamObject()
        payload = rng.randbytes(400_000).hex().encode()[:400_000]
        stream.set_data(b"% scan\n" + payload)
        page[NameObject("/Contents")] = writer._add_object(stream)
        size += len(payload)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_docx(target: int) -> bytes:
    doc = docx.Document()
    for index in range(200):
        doc.add_paragraph(f"第{index}段 原告诉称，被告应当偿还借款本金及利息。" * 5)
    image = io.BytesIO(make_jpeg(target - 200_000))
    doc.add_picture(image)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def baseline(data: bytes, name: str) -> None:
    filetype.guess(data[:8192])
    hashlib.sha256(data).hexdigest()


def engine(data: bytes, name: str) -> None:
    inspect_upload(data, filename=name)


def measure(fn: Callable[[bytes, str], None], data: bytes, name: str, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(data, name)
        times.append(time.perf_counter() - start)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--mb", type=float, default=10.0)
    args = parser.parse_args()
    target = int(args.mb * 1024 * 1024)
    files = {
        "scan.pdf": make_pdf(target),
        "photo.jpg": make_jpeg(target),
        "photo.png": make_png(target),
        "brief.docx": make_docx(target),
    }
    with zipfile.ZipFile(io.BytesIO(files["brief.docx"])) as archive:
        assert archive.testzip() is None
    print(f"command: .venv/bin/python bench/uploads.py --runs {args.runs} --mb {args.mb:g}")
    print(f"machine: {machine()} (shared with other work)")
    print(f"{'file':<12} {'MB':>6} {'baseline p50/p95 ms':>22} {'inspect p50/p95 ms':>22} {'MB/s (p50)':>11}")
    for name, data in files.items():
        inspect_upload(data, filename=name)  # warm up and prove it passes
        b50, b95 = measure(baseline, data, name, args.runs)
        e50, e95 = measure(engine, data, name, args.runs)
        mb = len(data) / 1024 / 1024
        print(
            f"{name:<12} {mb:6.2f} {b50 * 1000:10.1f} / {b95 * 1000:8.1f} {e50 * 1000:10.1f} / {e95 * 1000:8.1f} {mb / e50:11.1f}"
        )


if __name__ == "__main__":
    main()
