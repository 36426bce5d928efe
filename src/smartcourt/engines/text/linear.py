"""Sparse linear text classifiers shipped as data: character n-gram tf·idf features and one weight vector per
class, fitted offline (scikit-learn, a dev dependency, in the build scripts) and read here without it.

The feature function :func:`text_features` is the one the build hands to scikit-learn's ``TfidfVectorizer``
as its ``analyzer``, so the shipped model sees exactly the features it was fitted on. Scoring follows
``TfidfVectorizer(sublinear_tf=True, norm="l2")``: ``1 + ln(count)`` times the feature's idf, normalised over
the model's whole vocabulary, then ``w·x + b`` per class. Weights below the build's pruning threshold are
dropped from the file; the vocabulary (for the norm) is kept whole.

>>> model = LinearTextModel(
...     classes=("盗窃", "诈骗"), lo=2, hi=2,
...     idf={"窃取": 1.0, "骗取": 1.0, "财物": 1.0},
...     weights={"窃取": ((0, 2.0),), "骗取": ((1, 2.0),)},
...     intercept=(0.0, 0.0),
... )
>>> model.ranked("秘密窃取他人财物")[0][0]
'盗窃'
>>> model_from_dict(model_to_dict(model)) == model
True
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = "smartcourt-linear-text-model/1"
# Pieces are cut at whitespace, digits, Latin letters, the ×× masks, 某 and punctuation, so that names and
# numbers never become features.
_PIECES = re.compile(r"[\s\d×xX某a-zA-Z，。、；：:,.;（）()“”\"'《》<>\-！？!?【】\[\]]+")


def text_features(text: str, lo: int = 2, hi: int = 3) -> list[str]:
    """The character ``lo``- to ``hi``-grams of ``text`` inside its pieces (see ``_PIECES``), repeated as they
    occur; the analyzer of the build's ``TfidfVectorizer``.

    >>> text_features("秘密窃取。某甲乙", 2, 2)
    ['秘密', '密窃', '窃取', '甲乙']
    """
    out: list[str] = []
    for piece in _PIECES.split(text):
        for n in range(lo, hi + 1):
            out.extend(piece[i : i + n] for i in range(len(piece) - n + 1))
    return out


@dataclass(frozen=True)
class LinearTextModel:
    """A fitted classifier: ``classes``, the n-gram range, the vocabulary's idf, the kept weights per feature
    as ``(class index, weight)`` pairs and one intercept per class."""

    classes: tuple[str, ...]
    lo: int
    hi: int
    idf: Mapping[str, float]
    weights: Mapping[str, tuple[tuple[int, float], ...]]
    intercept: tuple[float, ...]

    def vector(self, text: str) -> dict[str, float]:
        """The l2-normalised sublinear tf·idf vector of ``text`` over the vocabulary.

        >>> m = LinearTextModel(("a",), 2, 2, {"窃取": 2.0}, {}, (0.0,))
        >>> m.vector("窃取窃取")["窃取"]
        1.0
        """
        counts = Counter(f for f in text_features(text, self.lo, self.hi) if f in self.idf)
        x = {f: (1.0 + math.log(c)) * self.idf[f] for f, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in x.values()))
        return {f: v / norm for f, v in x.items()} if norm else {}

    def decision(self, text: str) -> list[float]:
        """``w·x + b`` for each class, in the order of ``classes``.

        >>> LinearTextModel(("a", "b"), 2, 2, {}, {}, (0.5, -0.5)).decision("")
        [0.5, -0.5]
        """
        scores = list(self.intercept)
        for feature, value in self.vector(text).items():
            for index, weight in self.weights.get(feature, ()):
                scores[index] += weight * value
        return scores

    def ranked(self, text: str) -> list[tuple[str, float]]:
        """``(class, score)`` from the best down.

        >>> LinearTextModel(("a", "b"), 2, 2, {}, {}, (0.0, 1.0)).ranked("")
        [('b', 1.0), ('a', 0.0)]
        """
        return sorted(zip(self.classes, self.decision(text), strict=True), key=lambda p: (-p[1], p[0]))


def model_to_dict(model: LinearTextModel) -> dict[str, Any]:
    """The JSON form of ``model`` (weights rounded to 5 significant digits by the writer of the file)."""
    return {
        "format": FORMAT,
        "classes": list(model.classes),
        "ngrams": [model.lo, model.hi],
        "idf": dict(model.idf),
        "weights": {f: [list(p) for p in pairs] for f, pairs in model.weights.items()},
        "intercept": list(model.intercept),
    }


def model_from_dict(data: Mapping[str, Any]) -> LinearTextModel:
    """Read the JSON form written by :func:`model_to_dict`; a wrong ``format`` raises ``ValueError``.

    >>> model_from_dict({"format": "other"})
    Traceback (most recent call last):
    ValueError: not a smartcourt-linear-text-model/1 file: 'other'
    """
    if data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file: {data.get('format')!r}")
    lo, hi = data["ngrams"]
    return LinearTextModel(
        classes=tuple(data["classes"]),
        lo=int(lo),
        hi=int(hi),
        idf={str(k): float(v) for k, v in data["idf"].items()},
        weights={str(f): tuple((int(i), float(w)) for i, w in pairs) for f, pairs in data["weights"].items()},
        intercept=tuple(float(b) for b in data["intercept"]),
    )


def load_model(path: Path) -> LinearTextModel:
    """Read a model file (``.json`` or ``.json.gz``)."""
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return model_from_dict(json.loads(raw.decode("utf-8")))


def write_model(model: LinearTextModel, path: Path) -> None:
    """Write ``model`` reproducibly (sorted keys, 5 significant digits, gzip without a timestamp)."""

    def rounded(value: float) -> float:
        return float(f"{value:.5g}")

    data = model_to_dict(model)
    data["idf"] = {k: rounded(v) for k, v in sorted(data["idf"].items())}
    data["weights"] = {k: [[i, rounded(w)] for i, w in v] for k, v in sorted(data["weights"].items())}
    data["intercept"] = [rounded(b) for b in data["intercept"]]
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path.write_bytes(gzip.compress(raw, mtime=0) if path.suffix == ".gz" else raw)


def from_fitted(
    classes: Sequence[str],
    vocabulary: Mapping[str, int],
    idf: Iterable[float],
    coef: Sequence[Sequence[float]],
    intercept: Iterable[float],
    *,
    lo: int,
    hi: int,
    prune: float = 0.0,
) -> LinearTextModel:
    """A model from a fitted ``TfidfVectorizer`` (``vocabulary_``, ``idf_``) and linear classifier (``coef_``,
    ``intercept_``, one row per class; a binary classifier's single row is class 1 against class 0), keeping
    the weights whose magnitude exceeds ``prune``.

    >>> m = from_fitted(["no", "yes"], {"窃取": 0}, [1.0], [[2.0]], [0.0], lo=2, hi=2)
    >>> m.ranked("窃取")[0][0]
    'yes'
    """
    idf_list = list(idf)
    rows = [list(r) for r in coef]
    bias = list(intercept)
    if len(rows) == 1 and len(classes) == 2:
        rows = [[-w for w in rows[0]], rows[0]]
        bias = [-bias[0], bias[0]]
    weights: dict[str, tuple[tuple[int, float], ...]] = {}
    for feature, column in vocabulary.items():
        pairs = tuple((c, float(row[column])) for c, row in enumerate(rows) if abs(row[column]) > prune)
        if pairs:
            weights[feature] = pairs
    return LinearTextModel(
        classes=tuple(classes),
        lo=lo,
        hi=hi,
        idf={f: float(idf_list[i]) for f, i in vocabulary.items()},
        weights=weights,
        intercept=tuple(float(b) for b in bias),
    )
