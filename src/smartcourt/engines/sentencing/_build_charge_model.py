"""Build ``data/charge_model.json.gz`` from the labelled criminal facts in ../shared (run by hand).

    .venv/bin/python -m smartcourt.engines.sentencing._build_charge_model /work/shared/data

Training data, all from ../shared/data:

- judgments/cail2019_cjrc: the criminal contexts of the dev gold set (``casename`` = the charges);
- judgments/lecard_v1/query.json (``crime``) and judgments/lecardv2_queries.jsonl (charges read from
  犯…罪 after 判决如下);
- judgments/lawbench_zero_shot/3-1.json: facts whose question names the charges, **minus every fact that
  also appears in LawBench 3-3** (compared on the first line), so that no 3-3 item is ever trained on
  (3-4 and 3-5 hold the same facts as 3-1 and add nothing);
- laws/刑法/刑法.md: for every charge, the 罪状 of its main article (charges catalogue) plus its name, as
  one pseudo-document, so that charges without any judgment still have a profile.

The model is a centroid (Rocchio) classifier over character 2- and 3-grams with sublinear tf·idf: per
charge, the normalised mean of its judgments' vectors plus ``STATUTE_WEIGHT`` × the statute vector,
normalised and pruned to its ``TOP`` heaviest n-grams. Prediction adds the hand-written 罪状 cues of
``data/charge_cues.json`` (see ``_charges.py``), each weighted by its precision on the same training
documents (``cue_precision``: of the documents where the cue matches, the share labelled with its charge,
smoothed towards ``CUE_PRIOR`` with ``CUE_SMOOTHING`` pseudo-documents).

It also writes ``data/charge_linear.json.gz``: a one-vs-rest linear SVM (scikit-learn ``LinearSVC``,
balanced class weights, ``LINEAR_C``) on the same documents plus the statute pseudo-documents, over character
2- and 3-grams (``smartcourt.engines.text.linear``), weights below ``LINEAR_PRUNE`` dropped. On its own it
ranks worse than the centroid with cues (top-1 accuracy on LawBench 3-3 about 0.6 against 0.74: 850
documents for 200 charges), so prediction adds its decision to the centroid's score with a small weight.
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
STATUTE_WEIGHT = 2.0
CUE_PRIOR = 0.7
CUE_SMOOTHING = 2.0
LINEAR_C = 0.3
LINEAR_PRUNE = 0.02
_PIECES = re.compile(r"[\s\d×xX某a-zA-Z，。、；：:,.;（）()“”\"'《》<>\-]+")


def ngrams(text: str) -> Counter[str]:
    """Character 2- and 3-grams of the text, split at digits, punctuation, masks and 某."""
    out: Counter[str] = Counter()
    for piece in _PIECES.split(text):
        for n in (2, 3):
            for i in range(len(piece) - n + 1):
                out[piece[i : i + n]] += 1
    return out


def _labels(names: list[str], known: set[str]) -> list[str]:
    out = []
    for name in names:
        name = name.strip().removesuffix("罪")
        if name in known and name not in out:
            out.append(name)
    return out


def _first_line(question: str) -> str:
    return question.split("\n", 1)[0][:200]


def collect(root: Path, known: set[str]) -> list[tuple[str, list[str]]]:
    """(facts, charges) pairs from ../shared, none of them a LawBench 3-3 fact."""
    docs: list[tuple[str, list[str]]] = []
    judgments = root / "judgments"
    heldout = {
        _first_line(item["question"])
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
        if _first_line(question) in heldout:
            continue
        match = re.search(r"\n罪名:(.+?)。?\s*$", question)
        if match is None:
            continue
        labels = _labels(match.group(1).split(";"), known)
        if labels:
            docs.append((question[: match.start()], labels))
    shingles = _shingles_of_3_3(judgments)
    kept = [(text, ls) for text, ls in docs if len(_shingles(text) & shingles) < _SHARED_SHINGLES]
    if any(_first_line(text) in heldout for text, _ in kept):  # pragma: no cover - a guard
        raise SystemExit("a LawBench 3-3 fact slipped into the training data")
    print(f"{len(docs) - len(kept)} documents dropped: they share text with a LawBench 3-3 fact")
    return kept


# A document that shares this many distinctive 20-character pieces with a 3-3 fact is the same case
# (the sources overlap: LeCaRD, CJRC and LawBench all come from 中国裁判文书网).
_SHINGLE = 20
_SHARED_SHINGLES = 10


def _shingles(text: str) -> set[str]:
    clean = re.sub(r"\s+", "", text)
    return {
        clean[i : i + _SHINGLE]
        for i in range(0, max(len(clean) - _SHINGLE + 1, 0))
        if "×" not in clean[i : i + _SHINGLE]
    }


def _shingles_of_3_3(judgments: Path) -> set[str]:
    """The 20-character pieces of the 3-3 facts that occur in one fact only (boilerplate excluded)."""
    seen: Counter[str] = Counter()
    for item in json.loads((judgments / "lawbench_zero_shot/3-3.json").read_text("utf-8")):
        seen.update(_shingles(item["question"]))
    return {piece for piece, n in seen.items() if n == 1}


def _normalised(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
    return {g: x / norm for g, x in vector.items()}


def train(
    docs: list[tuple[str, list[str]]], statutes: dict[str, dict[str, object]], names: list[str]
) -> dict[str, Any]:
    labels = sorted(set(names) | {label for _, ls in docs for label in ls})
    judged = [(ngrams(text), ls) for text, ls in docs]
    statute_grams = {
        name: ngrams(str((statutes.get(name) or {}).get("elements", "")) + name + name) for name in labels
    }
    everything = [grams for grams, _ in judged] + list(statute_grams.values())
    df: Counter[str] = Counter()
    for grams in everything:
        df.update(grams.keys())
    total = len(everything)
    idf = {g: math.log((total + 1) / (n + 1)) + 1 for g, n in df.items()}

    def vector(grams: Counter[str]) -> dict[str, float]:
        return _normalised({g: (1 + math.log(c)) * idf[g] for g, c in grams.items() if c > 0})

    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    counts: Counter[str] = Counter()
    for grams, ls in judged:
        v = vector(grams)
        for label in ls:
            counts[label] += 1
            for g, x in v.items():
                sums[label][g] += x
    centroids: dict[str, dict[str, float]] = {}
    for label in labels:
        c: dict[str, float] = defaultdict(float)
        if label in sums:
            for g, x in _normalised(sums[label]).items():
                c[g] += x
        for g, x in vector(statute_grams[label]).items():
            c[g] += STATUTE_WEIGHT * x
        full = _normalised(c)
        kept = sorted(full.items(), key=lambda kv: -kv[1])[:TOP]
        centroids[label] = {g: round(x, 4) for g, x in kept}
    used = {g for c in centroids.values() for g in c}
    return {
        "source": "Trained by _build_charge_model.py on ../shared/data (CAIL2019-CJRC criminal dev gold, "
        "LeCaRD v1 queries, LeCaRDv2 queries, LawBench 3-1 facts not shared with 3-3, and the 罪状 of "
        "刑法 for each charge)",
        "documents": len(docs),
        "documents_per_charge": dict(sorted(counts.items())),
        "default_idf": round(math.log((total + 1) / 2) + 1, 4),
        "idf": {g: round(idf[g], 3) for g in sorted(used)},
        "centroids": centroids,
    }


def cue_precision(
    docs: list[tuple[str, list[str]]], cues: dict[str, list[str]]
) -> dict[str, dict[str, float]]:
    """Per charge and cue (its regular expression): of the training documents where the cue matches, the
    share labelled with the charge, smoothed (``CUE_PRIOR``, ``CUE_SMOOTHING``); cues that never match are
    left out (prediction gives them ``CUE_PRIOR``)."""
    out: dict[str, dict[str, float]] = {}
    for name, patterns in cues.items():
        for pattern in patterns:
            rx = re.compile(pattern)
            fired = hits = 0
            for text, labels in docs:
                match = rx.search(text)
                if match is not None and match.end() > match.start():
                    fired += 1
                    hits += name in labels
            if fired:
                share = (hits + CUE_SMOOTHING * CUE_PRIOR) / (fired + CUE_SMOOTHING)
                out.setdefault(name, {})[pattern] = round(share, 3)
    return out


def statutes(root: Path, names: list[str]) -> dict[str, dict[str, object]]:
    """Per charge: its main article (from the charges catalogue), the 罪状 and the first penalty."""
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
    for name in names:
        try:
            charge = get_charge(name)
        except Exception:
            try:  # older lists write 会计帐簿 for the catalogue's 会计账簿
                charge = get_charge(name.replace("帐", "账"))
            except Exception:
                continue
        if charge.article_number is None:
            continue
        text = articles.get((charge.article_number, charge.article_suffix), "")
        parts = re.split(r"(?:的|罪)，(?=处|依照)", text, maxsplit=1)
        penalty = re.split(r"[；。]", parts[1], maxsplit=1)[0] if len(parts) > 1 else ""
        negligent = re.search(r"过失犯前款罪的，(处[^；。]+)", text)
        if negligent is not None and (name.startswith("过失") or name == "失火"):
            # 失火, 过失决水…: the negligent form is the article's later paragraph (e.g. 第一百一十五条第二款)
            penalty = negligent.group(1)
        row: dict[str, object] = {
            "article": charge.article_number,
            "elements": parts[0][:200],
            "penalty": penalty,
        }
        punishing = _PUNISHED_UNDER.get(charge.article_number)
        ranges = penalty_tiers(
            articles.get((punishing, 0), "") if punishing else text,
            negligent=name.startswith("过失") or name == "失火",
        )
        if ranges:
            row["tiers"] = ranges
        out[name] = row
    return out


# Articles that define a crime whose penalties another article fixes: 刑法第三百八十二条 贪污 and
# 第三百八十五条 受贿 (第三百八十六条) are punished under 第三百八十三条, 第三百八十九条 行贿 under 第三百九十条.
_PUNISHED_UNDER = {382: 383, 385: 383, 389: 390}
_CN = "[一二三四五六七八九十]+"
# 处…有期徒刑, or a term listed after 死刑、无期徒刑 (处死刑、无期徒刑或者十年以上有期徒刑, 刑法第二百三十二条).
_RANGE = re.compile(
    rf"(?:处|或者)(?:({_CN})年以上)?(?:({_CN})年以下)?有期徒刑|处({_CN})年有期徒刑|处拘役|处管制"
)


def penalty_tiers(text: str, *, negligent: bool = False) -> list[list[object]]:
    """The penalty ranges of an article, in order: ``[condition, low, high]`` in months (open ranges end at
    180 = 十五年, 刑法第四十五条); only the paragraph of the negligent form when ``negligent``."""
    from smartcourt.engines.text import parse_number

    if negligent:
        found = re.search(r"过失犯前款罪的，[^\n]+", text)
        text = found.group(0) if found else text
    else:  # the first paragraph, with the numbered items and 犯前款罪 paragraphs that continue it
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        kept = paragraphs[:1]
        for paragraph in paragraphs[1:]:
            if not re.match(r"（[一二三四五六七八九十]+）|犯前款罪", paragraph):
                break
            kept.append(paragraph)
        text = "".join(kept)
    out: list[list[object]] = []
    for segment in re.split(r"[；。]", text):
        match = _RANGE.search(segment)
        if match is None:
            continue
        condition = re.sub(r"\s+", "", segment[: match.start()])[-60:]
        if match.group(3):
            low = high = int(parse_number(match.group(3)) or 0) * 12
        elif match.group(1) or match.group(2):
            low = int(parse_number(match.group(1)) or 0) * 12 if match.group(1) else 0
            high = int(parse_number(match.group(2)) or 0) * 12 if match.group(2) else 180
        else:
            low, high = 0, 6
        out.append([condition, low, high])
    return out


def train_linear(
    docs: list[tuple[str, list[str]]], statutes: dict[str, dict[str, object]], names: list[str]
) -> Any:
    """The linear SVM of ``data/charge_linear.json.gz`` (scikit-learn is a dev dependency)."""
    import functools

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.preprocessing import MultiLabelBinarizer
    from sklearn.svm import LinearSVC

    from smartcourt.engines.text.linear import from_fitted, text_features

    pseudo = [(str((statutes.get(n) or {}).get("elements", "")) + n + n, [n]) for n in names]
    texts = [text for text, _ in docs + pseudo]
    labels = MultiLabelBinarizer(classes=names).fit_transform([ls for _, ls in docs + pseudo])
    vectorizer = TfidfVectorizer(
        analyzer=functools.partial(text_features, lo=2, hi=3), sublinear_tf=True, norm="l2", min_df=2
    )
    x = vectorizer.fit_transform(texts)
    svm = OneVsRestClassifier(LinearSVC(C=LINEAR_C, class_weight="balanced", max_iter=5000)).fit(x, labels)
    return from_fitted(
        names,
        vectorizer.vocabulary_,
        vectorizer.idf_,
        [e.coef_[0] for e in svm.estimators_],
        [e.intercept_[0] for e in svm.estimators_],
        lo=2,
        hi=3,
        prune=LINEAR_PRUNE,
    )


def main(argv: list[str]) -> None:
    root = Path(argv[1] if len(argv) > 1 else "../shared/data")
    here = Path(__file__).with_name("data")
    cues = json.loads((here / "charge_cues.json").read_text("utf-8"))["cues"]
    names = [
        line.strip()
        for line in (root / "catalogs/charges/cail2018_accu.txt").read_text("utf-8").splitlines()
        if line.strip()
    ]
    names += [name for name in cues if name not in names]
    known = set(names)
    docs = collect(root, known)
    model = train(docs, statutes(root, names), names)
    model["statutes"] = statutes(root, names)
    model["cue_prior"] = CUE_PRIOR
    model["cue_precision"] = cue_precision(docs, cues)
    out = here / "charge_model.json.gz"
    with gzip.GzipFile(out, "wb", mtime=0) as handle:
        handle.write(json.dumps(model, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    print(f"{len(docs)} documents, {len(model['centroids'])} charges -> {out} ({out.stat().st_size} bytes)")
    from smartcourt.engines.text.linear import write_model

    linear = here / "charge_linear.json.gz"
    write_model(train_linear(docs, model["statutes"], names), linear)
    print(f"linear SVM -> {linear} ({linear.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv)
