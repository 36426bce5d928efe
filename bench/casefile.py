"""Cataloguing accuracy on generated materials, and a 100-page case file catalogued and extracted, OCR excluded
(issue 8 targets: accuracy reported on a generated 200-document set; the 100-page file under 30 s).

    .venv/bin/python bench/casefile.py [--documents 200] [--pages 100]

The 200 materials cycle through every catalogue category (Faker zh_CN names; 70 % titled — a third of them
spaced out —, 10 % with an OCR-like wrong character in the title, 20 % untitled). The set is generated from the
same knowledge the rules encode, so it measures coverage of the catalogue, not accuracy on real scans; say so
when quoting it. The baseline is the title rule alone (the first line looked up in the catalogue's titles).
The 100-page file: the generated materials as pages; timed: classification of every document, the text
engine's extraction (parties, money, dates, entities) of every page, and the automatic checks.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench._common import machine  # noqa: E402
from tests.engines.casefile.documents import generated_materials  # noqa: E402

from smartcourt.engines import text  # noqa: E402
from smartcourt.engines.casefile import (  # noqa: E402
    ReviewedDocument,
    catalogue,
    check_case_file,
    classify_document,
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--pages", type=int, default=100)
    args = parser.parse_args()
    print(f"# bench/casefile.py --documents {args.documents} --pages {args.pages}")
    print(f"# {machine()}")
    materials = generated_materials(args.documents)
    titles = {title: c.code for c in catalogue().categories for title in c.titles}
    baseline = sum(titles.get(m.text.splitlines()[0].replace(" ", "")) == m.category for m in materials)
    ours = sum(classify_document(m.text).category.code == m.category for m in materials)
    untitled = [m for m in materials if not m.title_shown]
    ours_untitled = sum(classify_document(m.text).category.code == m.category for m in untitled)
    print(f"title rule alone (baseline)   {baseline / len(materials):.3f}  ({baseline}/{len(materials)})")
    print(
        f"smartcourt                    {ours / len(materials):.3f}  ({ours}/{len(materials)}); untitled {ours_untitled}/{len(untitled)}"
    )

    pages = [m.text for m in generated_materials(args.pages, seed=11)]
    start = time.perf_counter()
    documents = []
    for index, page in enumerate(pages):
        category = classify_document(page).category.code
        text.analyze(page)
        documents.append(ReviewedDocument(str(index), category, (page,)))
    issues = check_case_file(status="CLOSED", documents=documents, parties=[])
    elapsed = time.perf_counter() - start
    print(
        f"{args.pages}-page file: classified, extracted and checked in {elapsed:.2f} s ({len(issues)} findings)"
    )


if __name__ == "__main__":
    main()
