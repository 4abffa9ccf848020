"""Tests for arabtext.sentiment.metrics: our metrics against scikit-learn's, label spellings, method kinds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabtext.sentiment.metrics import Evaluation, accuracy, canonical_label, confusion_counts, evaluate, evaluation, macro_f1
from arabtext.sentiment.analyzer import SentimentAnalyzer

LABELS = st.sampled_from(["negative", "neutral", "positive"])


@pytest.mark.filterwarnings("ignore:A single label was found")
@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(LABELS, LABELS), min_size=1, max_size=60))
def test_metrics_match_scikit_learn(pairs):
    metrics = pytest.importorskip("sklearn.metrics")
    gold = [g for g, _ in pairs]
    predicted = [p for _, p in pairs]
    classes = sorted(set(gold))
    assert accuracy(gold, predicted) == pytest.approx(metrics.accuracy_score(gold, predicted))
    assert macro_f1(gold, predicted) == pytest.approx(metrics.f1_score(gold, predicted, labels=classes, average="macro", zero_division=0))
    columns = classes + sorted(set(predicted) - set(classes))
    expected = metrics.confusion_matrix(gold, predicted, labels=columns)[: len(classes)]
    counts = confusion_counts(gold, predicted)
    assert [[counts[(g, p)] for p in columns] for g in classes] == expected.tolist()


@pytest.mark.filterwarnings("ignore:A single label was found")
@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(LABELS, LABELS), min_size=1, max_size=40))
def test_evaluate_matches_scikit_learn(pairs):
    metrics = pytest.importorskip("sklearn.metrics")
    gold = [g for g, _ in pairs]
    predicted = [p for _, p in pairs]
    ev = evaluation(gold, predicted)
    classes = sorted(set(gold))
    assert ev.accuracy == pytest.approx(metrics.accuracy_score(gold, predicted))
    assert ev.macro_f1 == pytest.approx(metrics.f1_score(gold, predicted, labels=classes, average="macro", zero_division=0))
    precision, recall, f1, support = metrics.precision_recall_fscore_support(gold, predicted, labels=classes, zero_division=0)
    assert ev.per_class["precision"].tolist() == pytest.approx(precision.tolist())
    assert ev.per_class["recall"].tolist() == pytest.approx(recall.tolist())
    assert ev.per_class["f1"].tolist() == pytest.approx(f1.tolist())
    assert ev.per_class["support"].tolist() == support.tolist()
    assert ev.confusion.values.sum() == len(gold)


def test_evaluate_a_lexicon_analyzer_with_label_spellings():
    texts = ["يوم جميل", "خبر سيئ", "ذهبت إلى السوق", "فيلم رائع"]
    ev = evaluate(SentimentAnalyzer(), texts, ["POS", "Negative", 1, "+1"])
    assert isinstance(ev, Evaluation)
    assert ev.n == 4 and ev.method == "lexicon"
    assert ev.accuracy == 0.75
    assert list(ev.confusion.columns) == ["negative", "positive", "neutral"]
    assert ev.confusion.loc["positive", "neutral"] == 1
    assert ev.to_dict() == {"method": "lexicon", "n": 4, "accuracy": 0.75, "macro_f1": ev.macro_f1}
    assert "accuracy=0.750" in repr(ev)


def test_canonical_labels():
    assert [canonical_label(x) for x in ("pos", "NEG", "Neutral", "OBJ", 0, -1)] == ["positive", "negative", "neutral", "neutral", "neutral", "negative"]
    with pytest.raises(ValueError, match="mixed"):
        canonical_label("mixed")


def test_a_function_is_a_method():
    def always_positive(text: str) -> str:
        return "positive"

    ev = evaluate(always_positive, ["حلو", "وحش"], ["POS", "NEG"])
    assert (ev.accuracy, ev.method) == (0.5, "always_positive")


def test_errors_are_clear():
    with pytest.raises(ValueError, match="2 texts but 1 labels"):
        evaluate(lambda t: "positive", ["a", "b"], ["positive"])
    with pytest.raises(TypeError, match="predict"):
        evaluate(42, ["a"], ["positive"])
    with pytest.raises(ValueError, match="predictions"):
        accuracy(["positive"], [])


def test_empty_set():
    assert accuracy([], []) == 0.0 and macro_f1([], []) == 0.0


def test_docstring_examples_run():
    import doctest
    import importlib

    assert doctest.testmod(importlib.import_module("arabtext.sentiment.metrics")).failed == 0
