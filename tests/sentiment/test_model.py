"""Tests for arabtext.sentiment.model: the shipped weights, numpy-only prediction, exact explanations."""

from __future__ import annotations

import math
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from arabtext.corpus.loading import load_corpus
from arabtext.sentiment.model import LEXICON_FEATURES, SentimentModel, save_model, token_features

REPO = Path(__file__).resolve().parents[2]
MODEL_FILE = REPO / "arabtext" / "sentiment" / "data" / "sentiment_model.npz"


@pytest.fixture(scope="module")
def model() -> SentimentModel:
    return SentimentModel()


def tiny_model(tmp_path: Path, weights: dict[str, float], intercept: float = 0.0, **meta) -> SentimentModel:
    path = tmp_path / "tiny.npz"
    save_model(path, list(weights), list(weights.values()), intercept, {"ngram_range": [2, 3], "lexicon": False, **meta})
    return SentimentModel(path)


# --- the shipped file ------------------------------------------------------------------------


def test_shipped_model_is_small_and_has_a_provenance_note():
    assert MODEL_FILE.stat().st_size < 2_000_000
    note = MODEL_FILE.with_suffix(".md").read_text(encoding="utf-8")
    for needed in ("ArSarcasm", "AJGT", "MIT", "AFL-3.0", "Held-out accuracy", "scripts/train_sentiment.py"):
        assert needed in note


def test_shipped_model_loads_and_predicts_without_scikit_learn_or_scipy():
    # a fresh interpreter in which importing scikit-learn or scipy fails
    code = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("sklearn", "scipy"):
            raise ImportError(f"blocked {name}")
sys.meta_path.insert(0, Block())
from arabtext import SentimentModel
m = SentimentModel()
print(m.predict(["الفيلم رائع جدا", "خدمة سيئة ولن أعود"]), len(m.explain("يوم جميل")))
assert not any(k.split(".")[0] in ("sklearn", "scipy") for k in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "['positive', 'negative']" in out.stdout


def test_shipped_model_metadata(model):
    assert model.meta["classes"] == ["negative", "positive"]
    assert model.meta["lexicon"] is True and model.lexicon_weights is not None
    assert len(model.weights) == model.meta["n_features"] <= 40_000
    # the lexicon features push the way their names say
    assert model.lexicon_weights[0] > 0 and model.lexicon_weights[1] > 0  # negative values times a positive weight


@pytest.mark.parametrize(
    ("text", "label"),
    [("الفيلم رائع جدا", "positive"), ("خدمة سيئة ولن أعود", "negative"), ("ما شاء الله عليك مبدع", "positive"), ("حسبي الله ونعم الوكيل", "negative")],
)
def test_shipped_model_gets_clear_cases_right(model, text, label):
    assert model.predict([text]) == [label]


# --- numpy arithmetic ----------------------------------------------------------------------


def test_decision_is_intercept_plus_unit_scaled_binary_features(tmp_path):
    m = tiny_model(tmp_path, {"w=حلو": 2.0, "w=وحش": -2.0, "c= ح": 0.5}, intercept=0.25)
    # حلو has 2 known features (w=حلو, c= ح): each worth 1/√2
    assert m.decision("حلو") == pytest.approx(0.25 + (2.0 + 0.5) / math.sqrt(2))
    assert m.decision("كرسي") == pytest.approx(0.25)
    assert m.decision("حلو حلو") == pytest.approx(m.decision("حلو"))  # presence, not counts
    assert m.probability("وحش") == pytest.approx(1 / (1 + math.exp(-(0.25 - 2.0))))


def test_idf_values_features_before_unit_scaling(tmp_path):
    path = tmp_path / "idf.npz"
    save_model(path, ["w=حلو", "c= ح", "w=وحش"], [2.0, 0.5, -2.0], 0.0, {"ngram_range": [2, 3], "lexicon": False}, idf=[3.0, 1.0, 2.0])
    m = SentimentModel(path)
    # حلو: features valued 3 and 1, scaled to unit length by √(3² + 1²)
    assert m.decision("حلو") == pytest.approx((2.0 * 3 + 0.5 * 1) / math.sqrt(10), rel=1e-6)
    assert m.explain("حلو")["contribution"].sum() == pytest.approx(m.decision("حلو"))
    # a lone feature is worth 1 whatever its idf
    assert m.decision("وحش") == pytest.approx(-2.0)
    with pytest.raises(ValueError, match="idf"):
        save_model(path, ["w=حلو"], [1.0], 0.0, {}, idf=[1.0, 2.0])


def test_shared_feature_is_split_between_tokens(tmp_path):
    m = tiny_model(tmp_path, {"c= ح": 1.0})
    df = m.explain("حلو حزين")
    assert df["contribution"].iloc[:2].tolist() == pytest.approx([0.5, 0.5])


def test_neutral_band_and_labels(tmp_path):
    m = tiny_model(tmp_path, {"w=حلو": 0.2})
    assert m.predict(["حلو", "كرسي"]) == ["positive", "neutral"]
    banded = SentimentModel(tmp_path / "tiny.npz", neutral_band=0.1)
    assert banded.predict(["حلو"]) == ["neutral"]
    with pytest.raises(ValueError):
        SentimentModel(tmp_path / "tiny.npz", neutral_band=0.5)


def test_numpy_prediction_matches_scikit_learn(tmp_path):
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import train_sentiment as train
    finally:
        sys.path.remove(str(REPO / "scripts"))
    from arabtext.sentiment.analyzer import SentimentAnalyzer

    texts = ["يوم جميل", "خدمة سيئة", "فيلم رائع جدا", "مش حلو خالص", "أحب هذا المكان", "تجربة فاشلة", "ممتاز 👍", "قرف 😡"]
    y = np.array([1, 0, 1, 0, 1, 0, 1, 0])
    feats = train.featurize(texts, SentimentAnalyzer())
    names = sorted({f for fs, _ in feats for f in fs})
    vocab = {f: i for i, f in enumerate(names)}
    idf = train.smooth_idf(Counter(f for fs, _ in feats for f in fs), len(texts), names)
    assert len(set(idf)) > 1  # the check below is not only of binary features
    X = train.matrix(feats, vocab, idf, True)
    clf = train.estimator(1.0).fit(X, y)
    path = tmp_path / "m.npz"
    save_model(path, names + list(LEXICON_FEATURES), clf.coef_[0], float(clf.intercept_[0]), {"ngram_range": [2, 5], "lexicon": True}, idf=[*idf, 1.0, 1.0])
    m = SentimentModel(path)
    expected = clf.decision_function(train.matrix(train.featurize(texts + ["نص جديد حلو"], SentimentAnalyzer()), vocab, idf, True))
    assert [m.decision(t) for t in texts + ["نص جديد حلو"]] == pytest.approx(expected.tolist(), abs=1e-5)


# --- explanations and scores -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["الخدمة ممتازة لكن الأكل بارد", "", "😍😍", "#يوم_جميل مع @صديقي"])
def test_explanation_adds_up_to_the_decision(model, text):
    df = model.explain(text, all_tokens=True)
    assert df["contribution"].sum() == pytest.approx(model.decision(text), abs=1e-9)
    assert df["role"].iloc[-1] == "intercept"
    words = df[df["role"] == "feature"]
    assert [text[s:e] for s, e in zip(words["start"], words["end"])] == words["token"].tolist()


def test_score_by_sentence(model):
    text = "الخدمة ممتازة. الأكل بارد وسيء."
    result = model.score(text)
    assert result.method == "model" and 0 < result.probability < 1
    assert result.sentences["label"].tolist() == ["positive", "negative"]
    assert result.score == pytest.approx(model.decision(text), abs=1e-6)


def test_explain_html(model):
    html = model.explain_html("يوم جميل")
    assert 'dir="rtl"' in html and "<span" in html


def test_top_features(model):
    words = model.top_features(5, kind="word")
    assert len(words) == 10 and set(words["kind"]) == {"word"}
    assert words["weight"].iloc[0] > 0 > words["weight"].iloc[-1]
    assert set(model.top_features(1, kind="lexicon")["feature"]) == set(LEXICON_FEATURES)
    with pytest.raises(ValueError, match="kind"):
        model.top_features(kind="bigram")


def test_token_features_are_per_token():
    pairs = token_features("والنجاح 👍 k1")
    assert [t.text for t, _ in pairs] == ["والنجاح", "👍", "k1"]
    feats = pairs[0][1]
    assert feats[:2] == ["w=والنجاح", "s=نجاح"] and "c=نجا" in feats and "c= و" in feats


# --- bad files ------------------------------------------------------------------------------


def test_missing_model_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="none.npz"):
        SentimentModel(tmp_path / "none.npz")


def test_a_file_that_is_not_a_model_is_refused(tmp_path):
    path = tmp_path / "other.npz"
    np.savez(path, x=np.arange(3))
    with pytest.raises(ValueError, match="other.npz"):
        SentimentModel(path)
    save_model(path, ["w=حلو"], [1.0], 0.0, {"ngram_range": [2, 5], "lexicon": False, "format": "x"})
    SentimentModel(path)  # save_model stamps the format itself


def test_model_trained_with_another_lexicon_warns(tmp_path):
    path = tmp_path / "old.npz"
    save_model(path, ["w=حلو", *LEXICON_FEATURES], [1.0, 1.0, 1.0], 0.0, {"ngram_range": [2, 5], "lexicon": True, "lexicon_sha256": "0" * 64})
    with pytest.warns(UserWarning, match="train-sentiment"):
        SentimentModel(path)


# --- held-out quality, on the tweets that ship with arabtext -----------------------------------


def test_held_out_accuracy_on_the_shipped_tweets(model):
    """The shipped model on the AJGT tweets it never trained on, and on ArSarcasm's positive and negative tweets."""
    from arabtext.sentiment.metrics import evaluate

    assert evaluate(model, "ajgt").accuracy >= 0.80
    arsarcasm = load_corpus("arsarcasm").filter(label=["positive", "negative"])
    assert evaluate(model, arsarcasm).accuracy >= 0.80


def test_docstring_examples_run():
    import doctest
    import importlib

    assert doctest.testmod(importlib.import_module("arabtext.sentiment.model")).failed == 0
