"""The shipped linear text classifier scores exactly as the scikit-learn model it was exported from."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartcourt.engines.text.linear import (
    LinearTextModel,
    from_fitted,
    load_model,
    model_from_dict,
    text_features,
    write_model,
)

sklearn = pytest.importorskip("sklearn")
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

TEXTS = [
    "被告人秘密窃取他人财物，价值人民币3000元。",
    "被告人入户盗窃，窃取现金2000元。",
    "被告人虚构事实，骗取被害人钱款5万元。",
    "被告人以投资为名骗取他人财物。",
    "被告人醉酒驾驶机动车，血液酒精含量为120mg/100ml。",
    "被告人在道路上醉酒驾驶小型轿车。",
]
LABELS = ["盗窃", "盗窃", "诈骗", "诈骗", "危险驾驶", "危险驾驶"]


@functools.cache
def _fit(prune: float = 0.0) -> tuple[LinearTextModel, TfidfVectorizer, LogisticRegression]:
    vectorizer = TfidfVectorizer(analyzer=functools.partial(text_features, lo=2, hi=3), sublinear_tf=True)
    x = vectorizer.fit_transform(TEXTS)
    classifier = LogisticRegression(C=10.0, max_iter=1000).fit(x, LABELS)
    model = from_fitted(
        list(classifier.classes_),
        vectorizer.vocabulary_,
        vectorizer.idf_,
        classifier.coef_,
        classifier.intercept_,
        lo=2,
        hi=3,
        prune=prune,
    )
    return model, vectorizer, classifier


def test_decision_matches_scikit_learn() -> None:
    model, vectorizer, classifier = _fit()
    probe = ["被告人窃取手机一部。", "骗取财物", "醉酒驾驶", "", "与本案无关的句子"]
    expected = classifier.decision_function(vectorizer.transform(probe))
    for text, row in zip(probe, expected, strict=True):
        assert model.decision(text) == pytest.approx(list(row), abs=1e-9)
    assert model.ranked("被告人窃取手机一部。")[0][0] == "盗窃"


def test_binary_classifier_gives_both_classes() -> None:
    vectorizer = TfidfVectorizer(analyzer=functools.partial(text_features, lo=2, hi=2), sublinear_tf=True)
    x = vectorizer.fit_transform(TEXTS[:4])
    classifier = LogisticRegression(C=10.0).fit(x, LABELS[:4])
    model = from_fitted(
        list(classifier.classes_),
        vectorizer.vocabulary_,
        vectorizer.idf_,
        classifier.coef_,
        classifier.intercept_,
        lo=2,
        hi=2,
    )
    text = "骗取钱款"
    margin = classifier.decision_function(vectorizer.transform([text]))[0]
    scores = dict(model.ranked(text))
    assert scores[classifier.classes_[1]] == pytest.approx(margin)
    assert scores[classifier.classes_[0]] == pytest.approx(-margin)


@pytest.mark.parametrize("name", ["model.json", "model.json.gz"])
def test_file_round_trip_is_reproducible(tmp_path: Path, name: str) -> None:
    model, _, _ = _fit(prune=0.01)
    first = tmp_path / name
    write_model(model, first)
    loaded = load_model(first)
    assert loaded.classes == model.classes
    for text in TEXTS:
        assert loaded.decision(text) == pytest.approx(model.decision(text), rel=1e-3, abs=1e-4)
    second = tmp_path / ("again." + name)
    write_model(loaded, second)
    assert second.read_bytes() == first.read_bytes()


def test_wrong_format_is_refused() -> None:
    with pytest.raises(ValueError, match="not a smartcourt-linear-text-model"):
        model_from_dict({"format": "pickle"})


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_scores_without_error(text: str) -> None:
    model, _, _ = _fit()
    scores = model.decision(text)
    assert len(scores) == len(model.classes)
    assert all(score == score for score in scores)  # no NaN
