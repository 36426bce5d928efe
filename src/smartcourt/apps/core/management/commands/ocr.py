"""``smartcourt ocr FILE... [--workers N] [--dpi D] [--boxes]``: the text of every page as JSON lines.

For each page of each file (PDF, PNG, JPEG, TIFF …) one line ``{"file", "page", "text"}`` (with ``--boxes``
also ``lines``: each recognised line's text, box corners in page pixels and confidence), in file and page
order, through the engine and the settings the platform uses (``OCR_SETTINGS``). A file that cannot be read
(zero bytes, corrupt, encrypted, over the pixel or page limit) prints one line ``{"file", "error": {code,
message}}`` and its message on stderr, and the batch goes on; the exit status is 1 when any file failed.

With ``--pdf OUT.pdf`` it also writes a searchable PDF of every page read (the page images with the text
laid invisibly over them), using the CJK font ``--font PATH[:INDEX]`` (default: Debian's Noto Serif CJK SC).

smartcourt ocr scan.pdf photo.jpg
smartcourt ocr --workers 2 --boxes bundle/*.pdf > text.jsonl
smartcourt ocr scan.pdf --pdf scan-searchable.pdf
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smartcourt.apps.core.ocr import platform_ocr_settings
from smartcourt.engines.ocr import (
    FileFailure,
    OcrError,
    PageText,
    default_workers,
    iter_page_images,
    ocr_files,
    searchable_pdf,
)

DEFAULT_FONT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc:2"  # index 2: the SC face


class Command(BaseCommand):
    help = "识别 PDF 或图像文件每一页的文字，每页输出一行 JSON"
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", help="PDF 或图像文件")
        parser.add_argument(
            "--workers", type=int, default=default_workers(), help="并行进程数（默认每核一个）"
        )
        parser.add_argument("--dpi", type=int, help="PDF 渲染分辨率（默认按平台设置，150）")
        parser.add_argument("--boxes", action="store_true", help="同时输出每行文字的坐标和置信度")
        parser.add_argument("--pdf", help="另存为可检索的 PDF（原页面图像加不可见文字层）")
        parser.add_argument("--font", default=DEFAULT_FONT, help="文字层所用中文字体 PATH[:INDEX]")

    def handle(self, *args: Any, **options: Any) -> None:
        overrides = {"dpi": options["dpi"]} if options["dpi"] else {}
        settings = platform_ocr_settings(**overrides)
        failed = False
        layers: list[PageText] = []
        for result in ocr_files(options["files"], settings=settings, workers=max(1, options["workers"])):
            if isinstance(result, FileFailure):
                failed = True
                self.stderr.write(result.message)
                record: dict[str, object] = {
                    "file": result.file,
                    "error": {"code": result.code, "message": result.message},
                }
            else:
                layers.append(result)
                record = {"file": result.file, "page": result.page, "text": result.text}
                if options["boxes"]:
                    record["lines"] = [
                        {"text": line.text, "box": [list(corner) for corner in line.box], "score": line.score}
                        for line in result.lines
                    ]
            self.stdout.write(json.dumps(record, ensure_ascii=False))
        if options["pdf"] and layers:
            self._write_pdf(options["pdf"], options["font"], layers, settings)
        if failed:
            raise SystemExit(1)

    def _write_pdf(self, out: str, font: str, layers: list[PageText], settings: Any) -> None:
        path, _, index = font.rpartition(":") if font.rpartition(":")[2].isdigit() else (font, "", "0")
        pages = []
        for layer in layers:
            data = Path(layer.file).read_bytes()
            for _, image in iter_page_images(
                data, filename=layer.file, settings=settings, pages=[layer.page]
            ):
                pages.append((image, layer))
        try:
            Path(out).write_bytes(
                searchable_pdf(pages, font_path=path, font_index=int(index), dpi=settings.dpi)
            )
        except OcrError as exc:
            self.stderr.write(exc.message)
            raise SystemExit(1) from exc
