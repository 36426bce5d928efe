"""Build ``data/charge_model.json.gz`` from the labelled criminal facts in ../shared (run by hand).

    .venv/bin/python -m smartcourt.engines.sentencing._build_charge_model /work/shared/data

Training data, all from ../shared/data/judgments: CAIL2019-CJRC criminal contexts (casename = the charges),
LeCaRD v1 queries (``crime``), LeCaRDv2 queries (charges read from 犯…罪 in the judgment part), and the
facts of LawBench 3-1 whose question names the charges — minus every fact that also appears in LawBench
3-3, so that 3-3 scores stay out of sample. The model: per charge, the 400 character bigrams with the
highest smoothed log-odds of occurring in that charge's facts against all facts (naive Bayes over binary
features, pruned); and per charge of CAIL2018's list, its main 刑法 article (charges catalogue) with the
article's 罪状 (the text before 的，处) from ../shared/data/laws/刑法/刑法.md.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

TOP = 400
ALPHA = 0.5
_SPLIT = re.compile(r"[;；、，,]\s*")


def bigrams(text: str) -> set[str]:
    clean = re.sub(r"[\s\d×xX某]+", "", text)
    return {clean[i : i + 2] for i in range(len(clean) - 1)}


def _labels(names: list[str], known: set[str]) -> list[str]:
    out = []
    for name in names:
        name = name.strip().removesuffix("罪")
        if name in known and name not in out:
            out.append(name)
    return out


def collect(root: Path) -> list[tuple[str, list[str]]]:
    known = {
        line.strip()
        for line in (root / "catalogs/charges/cail2018_accu.txt").read_text("utf-8").splitlines()
        if line.strip()
    }
    docs: list[tuple[str, list[str]]] = []
    judgments = root / "judgments"
    heldout = {
        item["question"].split("\n", 1)[0][:200]
        for item in json.loads((judgments / "lawbench_zero_shot/3-3.json").read_text("utf-8"))
    }
    for name in ("dev_ground_truth.json", "test_ground_truth.json"):
        path = judgments / "cail2019_cjrc" / name
        if not path.exists():
            continue
        for case in json.loads(path.read_text("utf-8"))["data"]:
            if case.get("domain") != "criminal":
                continue
            paragraph = case["paragraphs"][0]
            names = re.findall(r"([^、，,罪]+)罪", paragraph.get("casename", ""))
            labels = _labels(names, known)
            if labels:
                docs.append((paragraph["context"], labels))
    for line in (judgments / "lecard_v1/query.json").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels = _labels(row.get("crime", []), known)
            if labels:
                docs.append((row["q"], labels))
    for line in (judgments / "lecardv2_queries.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        tail = row["query"].split("判决如下", 1)[-1]
        labels = _labels(re.findall(r"犯([^，。；、：:]{2,30}?)罪", tail), known)
        if labels:
            docs.append((row["fact"], labels))
    for item in json.loads((judgments / "lawbench_zero_shot/3-1.json").read_text("utf-8")):
        question = item["question"]
        if question.split("\n", 1)[0][:200] in heldout:
            continue
        match = re.search(r"\n罪名:(.+?)。?\s*$", question)
        if match is None:
            continue
        labels = _labels(match.group(1).split(";"), known)
        if labels:
            docs.append((question[: match.start()], labels))
    return docs


def train(docs: list[tuple[str, list[str]]]) -> dict[str, Any]:
    df: Counter[str] = Counter()
    per_class: dict[str, Counter[str]] = defaultdict(Counter)
    class_docs: Counter[str] = Counter()
    for text, labels in docs:
        grams = bigrams(text)
        df.update(grams)
        for label in labels:
            per_class[label].update(grams)
            class_docs[label] += 1
    total = len(docs)
    weights: dict[str, dict[str, float]] = {}
    for label, counts in per_class.items():
        n = class_docs[label]
        scored = []
        for gram, c in counts.items():
            if df[gram] < 2:
                continue
            inside = (c + ALPHA) / (n + 2 * ALPHA)
            overall = (df[gram] + ALPHA) / (total + 2 * ALPHA)
            scored.append((math.log(inside / overall), gram))
        scored.sort(reverse=True)
        weights[label] = {g: round(w, 3) for w, g in scored[:TOP] if w > 0}
    return {
        "source": "Trained by _build_charge_model.py on ../shared/data/judgments (CAIL2019-CJRC criminal, LeCaRD v1, LeCaRDv2 queries, LawBench 3-1 facts not shared with 3-3)",
        "documents": total,
        "classes": {
            label: {"documents": class_docs[label], "weights": weights[label]} for label in sorted(weights)
        },
    }


def main(argv: list[str]) -> None:
    root = Path(argv[1] if len(argv) > 1 else "../shared/data")
    docs = collect(root)
    model = train(docs)
    model["statutes"] = statutes(root)
    out = Path(__file__).with_name("data") / "charge_model.json.gz"
    with gzip.open(out, "wt", encoding="utf-8") as handle:
        json.dump(model, handle, ensure_ascii=False, separators=(",", ":"))
    print(
        f"{len(docs)} documents, {len(model['classes'])} charges (model object) -> {out} ({out.stat().st_size} bytes)"
    )


def statutes(root: Path) -> dict[str, dict[str, object]]:
    """Per CAIL charge: its main article (from the charges catalogue) and the article's 罪状 text."""
    from smartcourt.engines.catalogs import get_charge
    from smartcourt.engines.text import parse_number

    law = (root / "laws/刑法/刑法.md").read_text("utf-8")
    articles: dict[tuple[int, int], str] = {}
    for match in re.finditer(
        r"^第([一二三四五六七八九十百零]+)条(之[一二三四五六七八九十]+)?\s+(.+?)(?=^第[一二三四五六七八九十百零]+条|\Z)",
        law,
        re.M | re.S,
    ):
        number = parse_number(match.group(1))
        suffix = parse_number(match.group(2)[1:]) if match.group(2) else 0
        if number is not None and suffix is not None:
            articles[(int(number), int(suffix))] = match.group(3)
    out: dict[str, dict[str, object]] = {}
    for line in (root / "catalogs/charges/cail2018_accu.txt").read_text("utf-8").splitlines():
        name = line.strip()
        if not name:
            continue
        try:
            charge = get_charge(name)
        except Exception:
            continue
        if charge.article_number is None:
            continue
        text = articles.get((charge.article_number, charge.article_suffix), "")
        parts = re.split(r"的，(?=处|依照)", text, maxsplit=1)
        penalty = re.split(r"[；。]", parts[1], maxsplit=1)[0] if len(parts) > 1 else ""
        out[name] = {"article": charge.article_number, "elements": parts[0][:200], "penalty": penalty}
    return out


if __name__ == "__main__":
    main(sys.argv)
