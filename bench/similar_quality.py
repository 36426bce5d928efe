"""Similar-case quality on real data: are the neighbours legally alike, not just lexically?

    .venv/bin/python bench/similar_quality.py [--data ../shared/data/judgments/lawbench_zero_shot] [--top 10]

Corpus: the LawBench 3-4 and 3-5 dev facts in ../shared (evaluation only), one document per distinct fact,
with the charges and the term (months) their questions and answers give; facts sentenced to death or life
are dropped (no term in months). For each fact, the top 10 among the others by

- **BM25** (baseline): bm25s over jieba tokens of the facts, the same corpus, the same run;
- **engine**: ``smartcourt.engines.similar.rank_similar`` with the BM25 scores as the lexical part and the
  legal agreement of the profiles. The **query** is profiled from its facts alone, its charges *predicted*
  by the sentencing engine (``charge_source="predicted"``), never from the gold label. Candidates are
  judgments already decided, so their charges are those of the record (``record``); a second line predicts
  the candidates' charges too (``all predicted``).

Figures: the share of neighbours with the same charges as the query (gold sets equal), the share sharing at
least one charge, and the mean |ln(term_q + 1) − ln(term_c + 1)| (LawBench's 3-4 distance) over neighbours.

Caveat printed with the figures: the charge model (sentencing/_build_charge_model.py) was trained on
LawBench 3-1, which holds the same facts as 3-4/3-5 except those also in 3-3; the facts also in 3-3 are the
held-out subset, reported separately as queries (candidates are always the whole corpus).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
import time
from pathlib import Path

import bm25s
import jieba
import numpy as np

from smartcourt.engines.similar import Candidate, build_profile, rank_similar

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "judgments" / "lawbench_zero_shot"
jieba.setLogLevel(60)


def _first_line(question: str) -> str:
    return question.split("\n", 1)[0][:200]


def load(data: Path) -> tuple[list[dict[str, object]], set[int]]:
    docs: list[dict[str, object]] = []
    seen: set[str] = set()
    for name in ("3-4.json", "3-5.json"):
        for item in json.loads((data / name).read_text(encoding="utf-8")):
            q, a = item["question"], item["answer"]
            m = re.search(r"\r?\n罪名:([^。\n]+)", q)
            t = re.search(r"(\d+)个月", a)
            if m is None or t is None or "死刑" in a or "无期" in a:
                continue
            facts = q[: m.start()].removeprefix("事实:").strip()
            if facts in seen:
                continue
            seen.add(facts)
            charges = tuple(c.strip().removesuffix("罪") for c in m.group(1).split(";") if c.strip())
            docs.append({"facts": facts, "charges": charges, "term": int(t.group(1))})
    heldout_lines = {_first_line(i["question"]) for i in json.loads((data / "3-3.json").read_text("utf-8"))}
    heldout = {i for i, d in enumerate(docs) if _first_line("事实:" + str(d["facts"])) in heldout_lines}
    return docs, heldout


def metrics(
    query: int, hits: list[int], docs: list[dict[str, object]]
) -> tuple[float, float, float, float, int]:
    qc = set(docs[query]["charges"])  # type: ignore[arg-type]
    attainable = min(len(hits), sum(set(d["charges"]) == qc for d in docs) - 1)  # type: ignore[call-overload]
    qt = int(docs[query]["term"])  # type: ignore[arg-type]
    same = sum(set(docs[h]["charges"]) == qc for h in hits) / len(hits)  # type: ignore[arg-type]
    share = sum(bool(set(docs[h]["charges"]) & qc) for h in hits) / len(hits)  # type: ignore[arg-type]
    dist = statistics.fmean(abs(math.log(qt + 1) - math.log(int(docs[h]["term"]) + 1)) for h in hits)  # type: ignore[call-overload]
    return same, share, dist, same * len(hits), attainable


def summary(rows: list[tuple[float, float, float, float, int]]) -> str:
    if not rows:
        return "n=0"
    same, share, dist = (statistics.fmean(r[i] for r in rows) for i in range(3))
    attained = sum(r[3] for r in rows) / (sum(r[4] for r in rows) or 1)
    return (
        f"n={len(rows):4d}  same charges {same:6.1%} ({attained:6.1%} of attainable)  "
        f"shares a charge {share:6.1%}  mean |ln term diff| {dist:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument(
        "--platform",
        action="store_true",
        help="also run the platform path: the facts imported as judgments into a temporary SQLite database "
        "and tantivy index, queried through apps.similar.selectors.similar_find (as the panel, the API and "
        "`smartcourt similar` do), against the index's own top 10 (judgment_candidates)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    docs, heldout = load(args.data)
    texts = [str(d["facts"]) for d in docs]
    n = len(docs)
    print(
        f"corpus: {n} distinct LawBench 3-4/3-5 dev facts with a term; held-out (also in 3-3): {len(heldout)}"
    )

    tokens = [[w for w in jieba.lcut(t) if w.strip()] for t in texts]
    retriever = bm25s.BM25()
    retriever.index(tokens, show_progress=False)
    scores = np.vstack([retriever.get_scores(tok) for tok in tokens])

    t0 = time.perf_counter()
    queries = [build_profile(t) for t in texts]
    record = [build_profile(t, charges=list(d["charges"])) for t, d in zip(texts, docs, strict=True)]  # type: ignore[call-overload]
    profile_ms = (time.perf_counter() - t0) * 1000 / (2 * n)
    predicted_ok = [
        set(q.charges[:1]) <= set(d["charges"]) and bool(q.charges)
        for q, d in zip(queries, docs, strict=True)
    ]  # type: ignore[call-overload]

    results: dict[str, list[tuple[float, float, float, float, int]]] = {
        "bm25": [],
        "record": [],
        "predicted": [],
    }
    per_query: dict[str, list[int]] = {k: [] for k in results}
    t0 = time.perf_counter()
    ranked_queries = 0
    for i in range(n):
        others = [j for j in range(n) if j != i]
        order = sorted(others, key=lambda j: (-scores[i, j], j))[: args.top]
        results["bm25"].append(metrics(i, order, docs))
        for mode, pool in (("record", record), ("predicted", queries)):
            cands = [Candidate(str(j), pool[j], lexical=float(scores[i, j])) for j in others]
            hits = [int(nb.candidate.id) for nb in rank_similar(queries[i], cands, top=args.top, passages=0)]
            results[mode].append(metrics(i, hits, docs))
            ranked_queries += 1
        per_query["bm25"].append(i)
    rank_ms = (time.perf_counter() - t0) * 1000 / ranked_queries

    print(
        "command: .venv/bin/python bench/similar_quality.py "
        + " ".join(sys.argv[1:] if argv is None else argv)
    )
    print(
        f"query charge: predicted by the sentencing engine from the facts (top-1 right: {sum(predicted_ok)}/{n}, "
        f"held-out {sum(predicted_ok[i] for i in heldout)}/{len(heldout)})"
    )
    ceiling = statistics.fmean(
        min(args.top, sum(set(e["charges"]) == set(d["charges"]) for e in docs) - 1) / args.top  # type: ignore[call-overload]
        for d in docs
    )
    terms = [math.log(int(d["term"]) + 1) for d in docs]  # type: ignore[call-overload]
    chance = statistics.fmean(abs(a - b) for i, a in enumerate(terms) for j, b in enumerate(terms) if i != j)
    print(
        f"ceiling: same charges at most {ceiling:.1%} on average (few facts per charge); "
        f"mean |ln term diff| of a random pair {chance:.3f}"
    )
    labels = {
        "bm25": "BM25 (bm25s, jieba)            ",
        "record": "engine, candidates' charges from record",
        "predicted": "engine, all charges predicted  ",
    }
    for subset, idx in (("all queries", range(n)), ("held-out queries", sorted(heldout))):
        print(f"-- {subset} (top {args.top} among the other {n - 1})")
        for mode, rows in results.items():
            print(f"  {labels[mode]}  {summary([rows[i] for i in idx])}")
    print(
        f"profile {profile_ms:.1f} ms/fact, rank {rank_ms:.1f} ms/query over {n - 1} candidates "
        f"(passages off); total {time.perf_counter() - started:.0f} s"
    )
    if args.platform:
        platform(docs, heldout, args.top)
    return 0


def platform(docs: list[dict[str, object]], heldout: set[int], top: int) -> None:
    """The same measure through the platform: Judgment rows, the tantivy index and the similar app."""
    import os
    import subprocess
    import tempfile

    tmp = Path(tempfile.mkdtemp(prefix="similar-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ["SMARTCOURT_DATA_DIR"] = str(tmp)
    os.environ["SMARTCOURT_SEARCH_INDEX_DIR"] = str(tmp / "search")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcourt.config.settings.dev")
    subprocess.run([sys.executable, "-m", "smartcourt", "migrate", "-v0"], check=True, env=os.environ.copy())
    import django

    django.setup()
    from smartcourt.apps.knowledge.judgment_services import judgment_create, judgment_index
    from smartcourt.apps.knowledge.search_selectors import judgment_candidates
    from smartcourt.apps.similar.selectors import similar_find

    t0 = time.perf_counter()
    by_id: dict[int, int] = {}
    for i, d in enumerate(docs):
        facts = str(d["facts"])
        j, _ = judgment_create(
            text=facts,
            source=f"lawbench:{i}",
            fields={
                "title": f"LawBench 3-4/3-5 #{i}",
                "case_type": "criminal",
                "charges": list(d["charges"]),  # type: ignore[call-overload]
                "term_months": int(d["term"]),  # type: ignore[call-overload]
                "facts": facts,
            },
            index=False,
        )
        by_id[int(j.pk)] = i
    judgment_index(ids=list(by_id))
    ids = {i: pk for pk, i in by_id.items()}
    print(
        f"-- platform path: {len(by_id)} judgments imported and indexed in {time.perf_counter() - t0:.0f} s "
        f"(SQLite and tantivy index in {tmp})"
    )
    rows: dict[str, list[tuple[float, float, float, float, int]]] = {"tantivy": [], "similar": []}
    times: list[float] = []
    for i, d in enumerate(docs):
        facts = str(d["facts"])
        plain = judgment_candidates(text=facts, top_n=top, exclude_ids=[ids[i]])
        rows["tantivy"].append(metrics(i, [by_id[c.id] for c in plain], docs))
        t1 = time.perf_counter()
        result = similar_find(facts=facts, category="criminal", top=top, exclude_ids=[ids[i]])
        times.append((time.perf_counter() - t1) * 1000)
        rows["similar"].append(metrics(i, [by_id[int(n.candidate.id)] for n in result.neighbours], docs))
    labels = {
        "tantivy": "tantivy BM25 (judgment_candidates)",
        "similar": "similar_find (platform path)      ",
    }
    for subset, idx in (("all queries", range(len(docs))), ("held-out queries", sorted(heldout))):
        print(f"-- platform, {subset}")
        for mode, r in rows.items():
            print(f"  {labels[mode]}  {summary([r[i] for i in idx])}")
    times.sort()
    print(
        f"similar_find p50 {times[len(times) // 2]:.0f} ms, p95 {times[int(len(times) * 0.95)]:.0f} ms per query "
        "(retrieval of up to 2 x 60 candidates, profiles, ranking, passages)"
    )


if __name__ == "__main__":
    sys.exit(main())
