"""Search at scale: the tantivy index (engines.search) against bm25s on the same synthetic judgment corpus.

    .venv/bin/python bench/search_scale.py --sizes 10000,100000,1000000 [--queries 200] [--budget 900]

How the corpus is made: a pool of real texts (LeCaRDv2 query judgments, CAIL2019-SCM case texts, LawBench 3-x
facts from ../shared/data/judgments; real data is used for benchmarks only) is segmented ONCE with the
engine's own words (jieba + legal dictionary, cached under var/bench/search_pool.pkl); each synthetic
document is a random run of the pool's sentences (about 400 words, ~800 characters, like a judgment's facts
part), so segmentation does not dominate the build. Each document gets random filter values (court level,
province, year, case type, charge among the pool's charges, procedure, document type). The stored text is
the words joined back together.

Each size and engine runs in its own child process, so peak RSS (ru_maxrss) is that engine's alone. Queries:
``similar`` — top 30 for a held-out real fact text (the query includes segmenting it and choosing its 48
most telling words), filters case_type=criminal and court_level in (basic, intermediate); ``keyword`` — a
3-word search with a year filter, top 30 with highlights and facets. bm25s gets the same 48 words as
token ids and the same filter as a weight mask. A child that exceeds ``--budget`` seconds of build is not
started at the next size (the largest size reached is reported).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data" / "judgments"
WORK = Path(os.environ.get("SEARCH_BENCH_DIR", ROOT / "var" / "bench" / "search_scale"))
POOL = ROOT / "var" / "bench" / "search_pool.pkl"

CHARGES = ["盗窃", "诈骗", "故意伤害", "危险驾驶", "抢劫", "交通肇事", "寻衅滋事", "非法拘禁", "贩卖毒品",
           "开设赌场", "职务侵占", "合同诈骗", "信用卡诈骗", "掩饰、隐瞒犯罪所得", "妨害公务", "强奸"]  # fmt: skip
CIVIL_CAUSES = [
    "民间借贷纠纷",
    "买卖合同纠纷",
    "离婚纠纷",
    "机动车交通事故责任纠纷",
    "劳动争议",
    "房屋租赁合同纠纷",
]
PROVINCES = ["北京市", "上海市", "浙江省", "江苏省", "广东省", "山东省", "河南省", "四川省", "湖北省", "湖南省",
             "河北省", "福建省", "安徽省", "陕西省", "云南省", "贵州省", "辽宁省", "吉林省", "江西省", "重庆市"]  # fmt: skip
LEVELS = ["basic"] * 6 + ["intermediate"] * 3 + ["high"]
FILTERS = {"case_type": "criminal", "court_level": ["basic", "intermediate"]}


# -- the pool ------------------------------------------------------------------------------------------------
def _pool_texts() -> tuple[list[str], list[str]]:
    """(corpus texts, held-out query texts) from ../shared: every 10th LawBench fact is held out."""
    corpus: list[str] = []
    queries: list[str] = []
    with (DATA / "lecardv2_queries.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            corpus.append(row.get("query") or row.get("fact") or "")
    with (DATA / "cail2019_scm_sample" / "input.txt").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            corpus.extend(row[k] for k in ("A", "B", "C") if row.get(k))
    for path in sorted((DATA / "lawbench_zero_shot").glob("3-*.json")):
        for i, item in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            fact = str(item.get("question", "")).split("事实:", 1)[-1].split("\n")[0]
            if len(fact) > 50:
                (queries if i % 10 == 0 else corpus).append(fact)
    return [t for t in corpus if len(t) > 50], queries


def build_pool() -> dict[str, Any]:
    if POOL.exists():
        with POOL.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own cache file
    from smartcourt.engines.search import index_words

    started = time.perf_counter()
    corpus, queries = _pool_texts()
    vocab: dict[str, int] = {}
    sentences: list[list[int]] = []
    chars = 0
    for text in corpus:
        chars += len(text)
        for sentence in text.replace("；", "。").split("。"):
            words = index_words(sentence)
            if len(words) >= 3:
                sentences.append([vocab.setdefault(w, len(vocab)) for w in words])
    pool = {
        "vocab": vocab,
        "sentences": sentences,
        "queries": queries,
        "texts": len(corpus),
        "chars": chars,
        "segment_seconds": time.perf_counter() - started,
    }
    POOL.parent.mkdir(parents=True, exist_ok=True)
    with POOL.open("wb") as fh:
        pickle.dump(pool, fh)
    return pool


def _docs(pool: dict[str, Any], n: int, seed: int = 7) -> Any:
    """Yield (i, sentence numbers, fields) for n synthetic documents."""
    rng = random.Random(seed)
    lengths = [len(s) for s in pool["sentences"]]
    count = len(lengths)
    for i in range(n):
        target = int(rng.lognormvariate(5.9, 0.4))  # median ~365 words
        parts, total = [], 0
        while total < target:
            k = rng.randrange(count)
            parts.append(k)
            total += lengths[k]
        criminal = rng.random() < 0.6
        fields = {
            "court_level": rng.choice(LEVELS),
            "region": rng.choice(PROVINCES),
            "year": rng.randint(2013, 2024),
            "case_type": "criminal" if criminal else "civil",
            "charges": (rng.choice(CHARGES),) if criminal else (),
            "cause": "" if criminal else rng.choice(CIVIL_CAUSES),
            "procedure": "first_instance" if rng.random() < 0.8 else "second_instance",
            "document_type": "judgment" if rng.random() < 0.85 else "ruling",
        }
        yield i, parts, fields


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# -- workers --------------------------------------------------------------------------------------------------
def run_tantivy(n: int, queries: int, reuse: bool = False) -> dict[str, Any]:
    import datetime as dt

    from smartcourt.engines.search import IndexDoc, SearchIndex

    pool = build_pool()
    words_of = list(pool["vocab"])
    spaced = [" ".join(words_of[t] for t in s) for s in pool["sentences"]]
    plain = ["".join(words_of[t] for t in s) + "。" for s in pool["sentences"]]
    path = WORK / f"tantivy-{n}"
    reused = reuse and path.exists() and SearchIndex(path).count() == n
    if not reused:
        shutil.rmtree(path, ignore_errors=True)
    index = SearchIndex(path, writer_heap_mb=512, writer_threads=2)

    def docs() -> Any:
        for i, parts, f in _docs(pool, n):
            yield IndexDoc(
                kind="judgment", ref=i, title=f"（{f['year']}）示例{i}号", text="".join(plain[k] for k in parts),
                date=dt.date(f["year"], 1 + i % 12, 1 + i % 28), court_level=f["court_level"], region=f["region"],
                year=f["year"], case_type=f["case_type"], cause=f["cause"], charges=f["charges"],
                procedure=f["procedure"], document_type=f["document_type"],
                words=" ".join(spaced[k] for k in parts), title_words=f"{f['year']} 示例 {i} 号",
            )  # fmt: skip

    started = time.perf_counter()
    if not reused:
        index.add(docs(), batch=100_000, replace=False)
    build = time.perf_counter() - started
    build_rss = _rss_mb()
    del index
    gc.collect()
    index = SearchIndex(path)
    qs = pool["queries"]
    rng = random.Random(11)
    similar_ms, similar_cpu, keyword_ms, hits = [], [], [], []
    for k in range(queries):
        text = qs[k % len(qs)]
        t, c = time.perf_counter(), time.process_time()
        result = index.similar(text, filters=FILTERS, limit=30, stored=False)
        similar_ms.append((time.perf_counter() - t) * 1000)
        similar_cpu.append((time.process_time() - c) * 1000)
        hits.append(len(result.hits))
        words = rng.sample(list(result.words) or ["盗窃"], min(3, len(result.words) or 1))
        t = time.perf_counter()
        index.search(" ".join(words), filters={"year": [2019, 2020, 2021]}, limit=30, facets=True)
        keyword_ms.append((time.perf_counter() - t) * 1000)
    return {
        "engine": "tantivy", "n": n, "reused_index": reused, "build_s": round(build, 1),
        "docs_per_s": None if reused else round(n / build),
        "disk_mb": round(_du(path) / 1e6, 1), "build_peak_rss_mb": round(build_rss),
        "peak_rss_mb": round(_rss_mb()), "similar_p50_ms": round(_pct(similar_ms, 0.5), 1),
        "similar_p95_ms": round(_pct(similar_ms, 0.95), 1),
        "similar_cpu_p50_ms": round(_pct(similar_cpu, 0.5), 1), "similar_cpu_p95_ms": round(_pct(similar_cpu, 0.95), 1),
        "load_avg": os.getloadavg()[0], "keyword_facets_p50_ms": round(_pct(keyword_ms, 0.5), 1),
        "keyword_facets_p95_ms": round(_pct(keyword_ms, 0.95), 1), "mean_hits": round(sum(hits) / len(hits), 1),
    }  # fmt: skip


def run_bm25s(n: int, queries: int) -> dict[str, Any]:
    import bm25s
    import numpy as np

    from smartcourt.engines.search import index_words, key_words

    pool = build_pool()
    vocab: dict[str, int] = pool["vocab"]
    ids: list[Any] = []
    mask = np.zeros(n, dtype=np.float32)
    arrays = [np.asarray(s, dtype=np.int32) for s in pool["sentences"]]
    for i, parts, f in _docs(pool, n):
        ids.append(np.concatenate([arrays[k] for k in parts]))
        if f["case_type"] == "criminal" and f["court_level"] in ("basic", "intermediate"):
            mask[i] = 1.0
    started = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index((ids, vocab), show_progress=False)
    build = time.perf_counter() - started
    # Document frequencies for choosing the query's words the same way as the engine does.
    df = np.zeros(len(vocab) + 1, dtype=np.int64)
    for doc in ids:
        df[np.unique(doc)] += 1
    del ids
    gc.collect()
    build_rss = _rss_mb()
    similar_ms, similar_cpu = [], []
    for k in range(queries):
        text = pool["queries"][k % len(pool["queries"])]
        t, c = time.perf_counter(), time.process_time()
        keys = key_words(
            index_words(text), doc_freq=lambda w: int(df[vocab[w]]) if w in vocab else 0, num_docs=n, limit=48
        )
        query = [[vocab[w] for w, _ in keys]] if keys else [[0]]
        retriever.retrieve(query, k=30, weight_mask=mask, show_progress=False, n_threads=1)
        similar_ms.append((time.perf_counter() - t) * 1000)
        similar_cpu.append((time.process_time() - c) * 1000)
    return {
        "engine": "bm25s", "n": n, "build_s": round(build, 1), "docs_per_s": round(n / build),
        "disk_mb": None, "build_peak_rss_mb": round(build_rss), "peak_rss_mb": round(_rss_mb()),
        "similar_p50_ms": round(_pct(similar_ms, 0.5), 1), "similar_p95_ms": round(_pct(similar_ms, 0.95), 1),
        "similar_cpu_p50_ms": round(_pct(similar_cpu, 0.5), 1), "similar_cpu_p95_ms": round(_pct(similar_cpu, 0.95), 1),
        "load_avg": os.getloadavg()[0],
    }  # fmt: skip


# -- driver ---------------------------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--budget", type=float, default=900, help="seconds of build beyond which larger sizes stop"
    )
    parser.add_argument("--engines", default="tantivy,bm25s")
    parser.add_argument("--bm25s-max", type=int, default=1_000_000)
    parser.add_argument("--worker", choices=["tantivy", "bm25s"])
    parser.add_argument("--size", type=int)
    parser.add_argument("--keep", action="store_true", help="keep the index folders")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="query a kept index of the same size instead of building it again",
    )
    args = parser.parse_args()
    if args.worker:
        if args.worker == "tantivy":
            print(json.dumps(run_tantivy(args.size, args.queries, reuse=args.reuse)))
        else:
            print(json.dumps(run_bm25s(args.size, args.queries)))
        return
    sys.path.insert(0, str(ROOT / "bench"))
    from _common import machine

    print(f"# {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"# machine: {machine()} (shared with other work)")
    pool = build_pool()
    print(
        f"# pool: {pool['texts']} real texts, {pool['chars']:,} chars, {len(pool['sentences']):,} sentences, "
        f"{len(pool['vocab']):,} words; segmented once in {pool['segment_seconds']:.0f} s; "
        f"{len(pool['queries'])} held-out query facts",
        flush=True,
    )
    stopped: set[str] = set()
    for n in [int(s) for s in args.sizes.split(",")]:
        for engine in args.engines.split(","):
            if engine in stopped or (engine == "bm25s" and n > args.bm25s_max):
                print(json.dumps({"engine": engine, "n": n, "skipped": True}), flush=True)
                continue
            cmd = [
                sys.executable,
                __file__,
                "--worker",
                engine,
                "--size",
                str(n),
                "--queries",
                str(args.queries),
                *(["--reuse"] if args.reuse else []),
            ]
            started = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)  # noqa: S603
            wall = time.perf_counter() - started
            if proc.returncode != 0:
                print(json.dumps({"engine": engine, "n": n, "failed": proc.returncode,
                                  "stderr": proc.stderr[-600:], "wall_s": round(wall)}), flush=True)  # fmt: skip
                stopped.add(engine)
                continue
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            row["wall_s"] = round(wall)
            print(json.dumps(row), flush=True)
            if row["build_s"] > args.budget:
                stopped.add(engine)
        if not args.keep:
            shutil.rmtree(WORK / f"tantivy-{n}", ignore_errors=True)


if __name__ == "__main__":
    main()
