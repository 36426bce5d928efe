"""A 100-page case file through the casefile app, OCR excluded (target: classified and extracted under 30 s).

    .venv/bin/python bench/casefile_app.py                 # 100 pages, fresh SQLite file under var/bench
    .venv/bin/python bench/casefile_app.py --pages 300

Generated DOCX materials (Faker zh_CN, seed 1; complaint, answer, evidence, hearing record, judgment, proof of
service, trial report …, ~30 paragraphs a page) are taken in through ``services.material_ingest`` (content
check by engines.uploads, split into pages, a thumbnail per page, stored) and processed by
``services.material_process`` — the task body: classification, extraction and comparison with the case record,
the arrangement of the whole file — then ``selectors.file_checks`` runs the automatic checks. The baseline in
the same run is the bare engine work on the same texts (``classify_document`` + ``extract_case_fields`` +
``arrange`` + ``check_case_file``), so the app's overhead (database, storage, thumbnails) shows as the
difference. Not a test: it prints figures and the command line.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import BENCH_DIR, machine  # noqa: E402

KINDS = [
    ("complaint", "民事起诉状", 3),
    ("acceptance_notice", "受理案件通知书", 1),
    ("response_notice", "应诉通知书", 1),
    ("evidence_notice", "举证通知书", 1),
    ("answer", "民事答辩状", 2),
    ("evidence", "证据目录", 3),
    ("hearing_record", "庭审笔录", 4),
    ("judgment", "民事判决书", 4),
    ("proof_of_service", "送达回证", 1),
    ("trial_report", "审理报告", 3),
    ("panel_deliberation", "合议庭评议笔录", 2),
]
PARAGRAPHS_PER_PAGE = 30


def _documents(pages: int, plaintiff: str, defendant: str) -> list[tuple[str, str, list[str]]]:
    from faker import Faker

    fake = Faker("zh_CN")
    fake.seed_instance(1)
    out: list[tuple[str, str, list[str]]] = []
    total, i = 0, 0
    while total < pages:
        code, title, n = KINDS[i % len(KINDS)]
        n = min(n, pages - total)
        paragraphs = [
            title,
            f"原告：{plaintiff}，住{fake.address()}，联系电话{fake.phone_number()}。",
            f"被告：{defendant}。",
        ]
        if code == "complaint":
            paragraphs.append(
                f"诉讼请求：1.判令被告偿还借款{fake.random_int(10, 900)}000元；2.本案诉讼费由被告负担。"
            )
        while len(paragraphs) < n * PARAGRAPHS_PER_PAGE - 1:
            paragraphs.append(fake.paragraph(nb_sentences=2))
        paragraphs.append("书记员 某某" if code != "complaint" else f"具状人：{plaintiff}")
        out.append((code, f"{i:03d}_{title}.docx", paragraphs))
        total += n
        i += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    args = parser.parse_args()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    db = BENCH_DIR / "casefile_app.sqlite3"
    db.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["DJANGO_SETTINGS_MODULE"] = (
        "smartcourt.config.settings.test"  # in-memory storage, immediate tasks
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from tests.apps.casefile.conftest import docx_bytes
    from tests.apps.factories import make_world, register_civil

    from smartcourt.apps.casefile import selectors, services
    from smartcourt.apps.casefile.models import Material, MaterialSource, Page
    from smartcourt.engines.casefile import (
        FileDocument,
        ReviewedDocument,
        arrange,
        check_case_file,
        classify_document,
        compare_with_record,
        extract_case_fields,
    )

    world = make_world()
    case = register_civil(world)
    plaintiff = case.parties.get(role="PLAINTIFF").name
    defendant = case.parties.get(role="DEFENDANT").name
    documents = _documents(args.pages, plaintiff, defendant)
    blobs = [(code, name, docx_bytes(paragraphs)) for code, name, paragraphs in documents]

    t0 = time.perf_counter()
    materials = []
    for _, name, data in blobs:
        materials.append(
            services.material_ingest(
                case=case, data=data, filename=name, source=MaterialSource.GENERATED, actor=world.clerk
            )
        )  # outside a transaction: the on-commit task runs at once (immediate backend)
    t_total = time.perf_counter() - t0
    # The processing alone, again, on the same materials (reset to pending).
    Material.objects.filter(case=case).update(status="PENDING")
    t1 = time.perf_counter()
    for m in materials:
        services.material_process(material_id=m.pk)
    t_process = time.perf_counter() - t1
    t2 = time.perf_counter()
    issues = selectors.file_checks(case=case)
    t_checks = time.perf_counter() - t2
    pages = Page.objects.filter(material__case=case).count()
    got = dict(Material.objects.filter(case=case).values_list("filename", "category"))
    correct = sum(1 for code, name, _ in documents if got.get(name) == code)

    # Baseline: the engines alone on the same texts.
    record = services.case_record(case)
    b0 = time.perf_counter()
    reviewed, placed_in = [], []
    for _code, name, paragraphs in documents:
        chunks = [
            "\n".join(paragraphs[i : i + PARAGRAPHS_PER_PAGE])
            for i in range(0, len(paragraphs), PARAGRAPHS_PER_PAGE)
        ]
        result = classify_document(chunks[0])
        if result.category.code in services.EXTRACTED_CATEGORIES:
            compare_with_record(extract_case_fields("\n".join(chunks)), record)
        placed_in.append(FileDocument(name, result.category.code, len(chunks)))
        reviewed.append(ReviewedDocument(name, result.category.code, tuple(chunks)))
    arrange(placed_in)
    check_case_file(status=case.status, documents=reviewed, parties=[plaintiff, defendant])
    t_base = time.perf_counter() - b0

    print(f"# casefile app bench — {machine()}")
    print(f"$ {shlex.join(['.venv/bin/python', 'bench/casefile_app.py', *sys.argv[1:]])}")
    print(f"documents {len(documents)}, pages {pages}, classified correctly {correct}/{len(documents)}")
    print(f"ingest + process (end to end, OCR excluded): {t_total:.2f} s  ({pages / t_total:.1f} pages/s)")
    print(f"process only (classify, extract, compare, arrange): {t_process:.2f} s")
    print(f"automatic checks: {t_checks:.3f} s ({len(issues)} findings)")
    print(
        f"baseline, engines alone on the same texts: {t_base:.2f} s  (app/engine ×{t_process / t_base:.1f})"
    )
    print(f"target 30 s for 100 pages: {'met' if t_total < 30 * pages / 100 else 'NOT met'}")


if __name__ == "__main__":
    main()
