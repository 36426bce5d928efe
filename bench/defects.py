"""Defect check of a 20-page judgment .docx (issue 9 target: under 2 s).

    .venv/bin/python bench/defects.py [--pages 20] [--repeat 5]

A generated 民事判决书 (Faker zh_CN names) padded with evidence paragraphs to about 800 characters a page, saved
as .docx; timed: reading the .docx, and the whole check (all nine checks, laws on the judgment date). The
baseline is reading the .docx alone (python-docx), the floor any checker of .docx files pays.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench._common import machine  # noqa: E402
from tests.engines.defects.documents import civil_judgment, docx_bytes  # noqa: E402

from smartcourt.engines.defects import check_docx, read_docx  # noqa: E402

CHARS_PER_PAGE = 800


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    judgment = civil_judgment(1, filler_paragraphs=args.pages * CHARS_PER_PAGE // 36)
    data = docx_bytes(judgment.paragraphs)
    chars = sum(len(p) for p in judgment.paragraphs)
    print(f"# bench/defects.py --pages {args.pages} --repeat {args.repeat}")
    print(f"# {machine()}")
    print(
        f"# {len(judgment.paragraphs)} paragraphs, {chars} characters (~{chars / CHARS_PER_PAGE:.0f} pages), {len(data)} bytes"
    )
    check_docx(data, judgment.context)  # load the law corpus and the dictionaries once
    for label, run in (
        ("read .docx (python-docx, baseline)", lambda: read_docx(data)),
        ("read + all checks", lambda: check_docx(data, judgment.context)),
    ):
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        print(
            f"{label:40s} median {statistics.median(times) * 1000:8.1f} ms   best {min(times) * 1000:8.1f} ms"
        )


if __name__ == "__main__":
    main()
