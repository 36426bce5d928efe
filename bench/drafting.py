"""Drafting a 20-page 民事判决书 .docx (issue 9 target: under 1 s).

    .venv/bin/python bench/drafting.py [--pages 20] [--repeat 5] [--pdf-font PATH[:INDEX]]

The case is the drafting tests' generated 民间借贷 case (Faker zh_CN, valid ID numbers), padded with facts
paragraphs until the body reaches ``--pages`` pages. Pages are estimated for the 规范's layout (A4, 仿宋三号,
28 pt lines, margins 3.7/3.5/2.8/2.6 cm): 27 characters a line, 22 lines a page, each paragraph starting a new
line with a two-character indent. Figures:

- baseline: the same paragraphs written straight with python-docx (no template, no checks, no formatting);
- ``render``: validation, composition with placeholders and fees, docxtpl filling, saving the .docx;
- the defect check of the drafted document (issue 9 target for 20 pages: under 2 s), for reference;
- with ``--pdf-font``, ``to_pdf`` (fpdf2, font loading and subsetting included) and its page count.
"""

from __future__ import annotations

import argparse
import io
import math
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench._common import machine  # noqa: E402
from tests.engines.drafting.cases import checked_context, civil_case  # noqa: E402

from smartcourt.engines.defects import check_docx  # noqa: E402
from smartcourt.engines.drafting import DocumentType, render  # noqa: E402

CHARS_PER_LINE, LINES_PER_PAGE = 27, 22


def pages(paragraphs: tuple[str, ...]) -> float:
    lines = sum(max(1, math.ceil((len(p) + 2) / CHARS_PER_LINE)) for p in paragraphs)
    return lines / LINES_PER_PAGE


def plain_docx(paragraphs: tuple[str, ...]) -> bytes:
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def timed(label: str, run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label:58s} median {median * 1000:8.1f} ms   best {min(times) * 1000:8.1f} ms")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pdf-font", help="a CJK font file, PATH or PATH:INDEX for a collection")
    args = parser.parse_args()
    facts = 1
    ctx = civil_case(1, facts=facts)
    draft = render(DocumentType.CIVIL_JUDGMENT, ctx)
    while pages(draft.paragraphs) < args.pages:
        facts += 10
        ctx = civil_case(1, facts=facts)
        draft = render(DocumentType.CIVIL_JUDGMENT, ctx)
    chars = sum(len(p) for p in draft.paragraphs)
    print(f"# bench/drafting.py --pages {args.pages} --repeat {args.repeat}")
    print(f"# {machine()}")
    print(
        f"# 民事判决书: {len(draft.paragraphs)} paragraphs, {chars} characters, ~{pages(draft.paragraphs):.1f} pages, "
        f"{len(draft.docx)} bytes, {len(draft.warnings)} warnings"
    )
    timed(
        "baseline: python-docx, same paragraphs, no template",
        lambda: plain_docx(draft.paragraphs),
        args.repeat,
    )
    median = timed(
        "render(civil_judgment) -> .docx", lambda: render(DocumentType.CIVIL_JUDGMENT, ctx), args.repeat
    )
    checked = checked_context(ctx)
    defects = check_docx(draft.docx, checked)
    timed(
        f"check_docx of the draft ({len(defects)} defects)",
        lambda: check_docx(draft.docx, checked),
        args.repeat,
    )
    if args.pdf_font:
        from pypdf import PdfReader

        from smartcourt.engines.drafting import PdfFont, to_pdf

        path, _, index = args.pdf_font.partition(":")
        font = PdfFont(path, int(index or 0))
        data = to_pdf(draft, font)
        count = len(PdfReader(io.BytesIO(data)).pages)
        timed(
            f"to_pdf ({count} PDF pages, {len(data)} bytes)",
            lambda: to_pdf(draft, font),
            max(1, args.repeat // 2),
        )
    print(f"target: drafting under 1 s — {'met' if median < 1 else 'NOT met'} ({median:.3f} s)")


if __name__ == "__main__":
    main()
