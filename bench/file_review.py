"""Online file review: time to serve one watermarked page (render + watermark + PNG), against the named
baseline — the same page rendered and encoded without the watermark (what the case-file viewer serves).

    .venv/bin/python bench/file_review.py [--pages 40]

A generated A4 scan PDF (text drawn with Pillow, no real data), rendered at the review DPI; no database.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcourt.config.settings.test")

import django  # noqa: E402

django.setup()

from bench._common import machine  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from smartcourt.apps.file_review.watermark import _font, apply_watermark, render_page, to_png  # noqa: E402


def _pdf(pages: int) -> bytes:
    images = []
    for n in range(pages):
        image = Image.new("RGB", (1240, 1754), "white")
        draw = ImageDraw.Draw(image)
        for line in range(40):
            draw.text(
                (120, 120 + line * 38),
                f"第{n + 1}页 第{line + 1}行 示例材料文字内容" * 2,
                font=_font(26),
                fill=0,
            )
        images.append(image)
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], resolution=150)
    return buffer.getvalue()


def _p(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args()
    data = _pdf(args.pages)
    label = "测试阅卷人 330102********1234 2026-11-27 15:20:01 网上阅卷"
    plain: list[float] = []
    marked: list[float] = []
    for number in range(1, args.pages + 1):
        start = time.perf_counter()
        image = render_page(data=data, filename="m.pdf", number=number, text="", is_docx=False, thumbnail=b"")
        to_png(image)
        plain.append(time.perf_counter() - start)
        start = time.perf_counter()
        image = render_page(data=data, filename="m.pdf", number=number, text="", is_docx=False, thumbnail=b"")
        to_png(apply_watermark(image, label))
        marked.append(time.perf_counter() - start)
    print("command: .venv/bin/python bench/file_review.py --pages", args.pages)
    print("machine:", machine(), "(shared with other work)")
    print(f"page size: {image.size[0]}×{image.size[1]} px")
    for name, values in (("baseline render+PNG", plain), ("watermarked render+PNG", marked)):
        print(
            f"{name:26s} n={len(values)} median {statistics.median(values) * 1000:.0f} ms "
            f"p95 {_p(values, 0.95):.0f} ms max {max(values) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
