"""OCR pages per second on this machine, and the character error rate, against rapidocr's defaults (issue 8).

    .venv/bin/python bench/ocr.py [--pages 12] [--seed 1]

Judgment-like A4 pages (generated text, Faker zh_CN) are rendered at 150 dpi with Debian's Noto Serif CJK and
gathered into one PDF. Three runs over the same pages, in the same process order:

- baseline: ``RapidOCR()`` with every default (angle classifier on, detector's shorter side ≥ 736 px), one page
  at a time, on the page images (no PDF rendering counted);
- smartcourt, one process: ``ocr_files`` on the PDF (PDFium rendering included) with the platform settings;
- smartcourt, N processes (``--workers``, default one per core), one onnxruntime thread each.

Each prints pages/s and the character error rate against the rendered text (whitespace ignored). The target
(issue 8): 1 page/s or better on 2 cores, CER under 1 %.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import numpy as np  # noqa: E402
from bench._common import machine  # noqa: E402
from tests.engines.ocr.pages import judgment_lines, pdf_bytes, render_page  # noqa: E402

from smartcourt.engines.ocr import (  # noqa: E402
    FileFailure,
    OcrSettings,
    character_error_rate,
    default_workers,
    ocr_files,
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=default_workers())
    args = parser.parse_args()

    texts = [judgment_lines(args.seed + i) for i in range(args.pages)]
    images = [render_page(lines) for lines in texts]
    references = ["\n".join(lines) for lines in texts]
    print(f"# bench/ocr.py --pages {args.pages} --seed {args.seed} --workers {args.workers}")
    print(f"# {machine()}")
    print(f"# {args.pages} A4 pages at 150 dpi, {sum(len(r) for r in references)} characters")

    from rapidocr import RapidOCR

    baseline = RapidOCR(params={"Global.log_level": "error"})
    baseline(np.asarray(images[0])[:, :, ::-1])  # load the models before timing
    start = time.perf_counter()
    hypotheses = []
    for image in images:
        result = baseline(np.asarray(image)[:, :, ::-1])
        hypotheses.append("\n".join(result.txts or ()))
    _report("rapidocr defaults, 1 process", start, references, hypotheses)

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "pages.pdf"
        pdf.write_bytes(pdf_bytes(images))
        settings = OcrSettings()
        for workers in sorted({1, args.workers}):
            start = time.perf_counter()
            results = list(ocr_files([pdf], settings=settings, workers=workers))
            texts_out = [r.text for r in results if not isinstance(r, FileFailure)]
            _report(
                f"smartcourt (PDF rendering included), {workers} process(es)", start, references, texts_out
            )


def _report(label: str, start: float, references: list[str], hypotheses: list[str]) -> None:
    elapsed = time.perf_counter() - start
    cer = character_error_rate("".join(references), "".join(hypotheses))
    print(
        f"{label:55s} {len(references) / elapsed:6.2f} pages/s  {elapsed / len(references):5.2f} s/page  CER {cer:.4%}"
    )


if __name__ == "__main__":
    main()
