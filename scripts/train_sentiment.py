"""Train the shipped sentiment model: logistic regression over words, stems, character n-grams, emoji and the lexicon.

Reads the permissively licensed labelled tweets in ``../shared/data`` (see
``scripts/sentiment_data.py``: ArSarcasm's train split, MIT; 80 % of AJGT,
AFL-3.0), and writes only weights:

* ``arabtext/sentiment/data/sentiment_model.npz``: feature names, weights, intercept and
  what the model was trained on (no training text);
* ``arabtext/sentiment/data/sentiment_model.md``: the provenance note, with the held-out
  accuracy of the written model (loaded back and run with numpy alone).

The regularization strength C is chosen on the training set alone, by
balanced accuracy in stratified 5-fold cross-validation and with each of its
three sources left out in turn (see ``cross_validate``); the features are
then pruned to the ``--max-features`` largest weights and the model is refit
on them, so the shipped file stays small.
scikit-learn is needed here (the ``dev`` extra), not at prediction time.

    .venv/bin/python scripts/train_sentiment.py            # = make train-sentiment
    .venv/bin/python scripts/train_sentiment.py --no-lexicon --out /tmp/plain.npz
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sentiment_data import DEFAULT_DATA, REPO, balanced, evaluation_sets, training_set, training_sources  # noqa: E402

from arabtext.sentiment.metrics import evaluate  # noqa: E402
from arabtext.sentiment.analyzer import SentimentAnalyzer  # noqa: E402
from arabtext.sentiment.model import LEXICON_FEATURES, NGRAM_RANGE, SentimentModel, lexicon_parts, save_model, token_features  # noqa: E402

OUT = REPO / "arabtext" / "sentiment" / "data" / "sentiment_model.npz"
LEXICON_FILE = REPO / "arabtext" / "sentiment" / "data" / "sentiment_lexicon.tsv"
C_GRID = (1.0, 3.0, 10.0, 30.0)
SEED = 0


def featurize(texts, analyzer: SentimentAnalyzer | None) -> list[tuple[set[str], tuple[float, float]]]:
    """Each text's set of features and, for the hybrid, its two lexicon values (as SentimentModel computes them)."""
    out = []
    for text in texts:
        per_token = token_features(text, NGRAM_RANGE)
        feats = {f for _, fs in per_token for f in fs}
        lex = (0.0, 0.0)
        if analyzer is not None:
            parts = lexicon_parts(analyzer, text, [t for t, _ in per_token])
            lex = (sum(x for _, x in parts if x > 0), sum(x for _, x in parts if x < 0))
        out.append((feats, lex))
    return out


def smooth_idf(df: Counter, n_texts: int, names: list[str]) -> np.ndarray:
    """ln((1 + n) / (1 + df)) + 1 for each feature: never zero, larger for rarer features."""
    return np.log((1 + n_texts) / (1 + np.array([df[f] for f in names], dtype=float))) + 1


def matrix(featurized, vocab: dict[str, int], idf: np.ndarray, with_lexicon: bool):
    """Each present feature's idf, the vector scaled to unit length (as SentimentModel does), then the two lexicon columns."""
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    width = len(vocab) + (2 if with_lexicon else 0)
    for r, (feats, lex) in enumerate(featurized):
        idx = [vocab[f] for f in feats if f in vocab]
        values = idf[idx]
        rows += [r] * len(idx)
        cols += idx
        vals += (values / math.sqrt(float(values @ values))).tolist() if idx else []
        if with_lexicon:
            rows += [r, r]
            cols += [len(vocab), len(vocab) + 1]
            vals += list(lex)
    return csr_matrix((vals, (rows, cols)), shape=(len(featurized), width))


def estimator(C: float):
    from sklearn.linear_model import LogisticRegression

    # balanced class weights: the training tweets are 63 % negative, the decision should not lean
    return LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=5000, random_state=SEED)


def cross_validate(X, y, sources, C: float) -> tuple[float, float]:
    """Balanced accuracy of ``C`` by stratified 5-fold CV and, averaged, with each source left out in turn.

    Balanced accuracy (mean recall of the two classes), because the targets are
    balanced positive/negative sets while the training tweets are mostly negative;
    leaving a source out, because the model will meet tweets from sources it never saw.
    """
    from sklearn.metrics import balanced_accuracy_score
    from sklearn.model_selection import StratifiedKFold

    strata = [f"{label}/{source}" for label, source in zip(y, sources)]
    predicted = np.zeros_like(y)
    for fit, held in StratifiedKFold(5, shuffle=True, random_state=SEED).split(X, strata):
        predicted[held] = estimator(C).fit(X[fit], y[fit]).predict(X[held])
    sources = np.asarray(sources)
    unseen = []
    for source in sorted(set(sources)):
        out = sources == source
        unseen.append(balanced_accuracy_score(y[out], estimator(C).fit(X[~out], y[~out]).predict(X[out])))
    return float(balanced_accuracy_score(y, predicted)), float(np.mean(unseen))


def choose_c(X, y, sources) -> tuple[float, dict[float, tuple[float, float]]]:
    """The C of ``C_GRID`` with the best mean of the two cross-validated scores, and every C's scores."""
    scores = {c: cross_validate(X, y, sources, c) for c in C_GRID}
    return max(scores, key=lambda c: sum(scores[c])), scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=OUT, help="model file to write (default: %(default)s); the note goes next to it")
    parser.add_argument("--max-features", type=int, default=40_000, help="keep this many largest weights (default: %(default)s)")
    parser.add_argument("--min-df", type=int, default=2, help="a feature must occur in this many training texts (default: %(default)s)")
    parser.add_argument("--no-lexicon", action="store_true", help="train the plain model, without the two lexicon features")
    args = parser.parse_args(argv)

    try:
        from sklearn import __version__ as sklearn_version
    except ImportError:
        print("scikit-learn is needed to train (pip install -e '.[dev]')", file=sys.stderr)
        return 2
    for needed in ("sentiment_arsarcasm/arsarcasm.tsv", "sentiment_ajgt/ajgt_tweets.tsv"):
        if not (args.data / needed).is_file():
            print(f"training data {args.data / needed} is missing; point --data at the shared data folder", file=sys.stderr)
            return 2

    start = time.time()
    with_lexicon = not args.no_lexicon
    analyzer = SentimentAnalyzer() if with_lexicon else None
    train = training_set(args.data)
    y = np.array([label == "positive" for label in train.labels], dtype=int)
    print(f"training set: {len(train)} texts {train.counts()} — {train.source}")
    featurized = featurize(train.texts, analyzer)
    df = Counter(f for feats, _ in featurized for f in feats)
    names = sorted(f for f, n in df.items() if n >= args.min_df)
    vocab = {f: i for i, f in enumerate(names)}
    idf = smooth_idf(df, len(featurized), names)
    X = matrix(featurized, vocab, idf, with_lexicon)
    print(f"{len(vocab)} features in >= {args.min_df} texts ({time.time() - start:.0f} s)")

    C, cv_scores = choose_c(X, y, training_sources(train, args.data))
    print("balanced accuracy by C (5-fold / source left out): " + ", ".join(f"{c:g}: {a:.3f}/{b:.3f}" for c, (a, b) in cv_scores.items()) + f" -> C = {C:g}")
    model = estimator(C).fit(X, y)
    weights = model.coef_[0][: len(vocab)]
    keep = sorted(np.argsort(-np.abs(weights))[: args.max_features])
    pruned = {names[i]: j for j, i in enumerate(keep)}
    X = matrix(featurized, pruned, idf[keep], with_lexicon)
    model = estimator(C).fit(X, y)
    coef = model.coef_[0]
    features = list(pruned) + (list(LEXICON_FEATURES) if with_lexicon else [])
    train_acc = float((model.predict(X) == y).mean())
    print(f"refit on {len(pruned)} features: training accuracy {train_acc:.3f}")

    meta = {
        "trained_on": train.source,
        "training_counts": train.counts(),
        "splits": "see scripts/sentiment_data.py: ArSarcasm split column; AJGT id % 5 == 0 held out",
        "classes": ["negative", "positive"],
        "C": C,
        "cv_balanced_accuracy": cv_scores[C][0],
        "unseen_source_balanced_accuracy": cv_scores[C][1],
        "min_df": args.min_df,
        "n_features": len(pruned),
        "ngram_range": list(NGRAM_RANGE),
        "lexicon": with_lexicon,
        "lexicon_sha256": hashlib.sha256(LEXICON_FILE.read_bytes()).hexdigest() if with_lexicon else None,
        "scikit_learn": sklearn_version,
        "command": "scripts/train_sentiment.py" + (" --no-lexicon" if args.no_lexicon else ""),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_model(args.out, features, coef, float(model.intercept_[0]), meta, idf=idf[keep].tolist() + [1.0] * (len(features) - len(keep)))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")

    # load the file back and check numpy prediction agrees with scikit-learn
    shipped = SentimentModel(args.out)
    sample = range(0, len(train), max(1, len(train) // 200))
    gap = max(abs(shipped.decision(train.texts[i]) - float(model.decision_function(X[i])[0])) for i in sample)
    if gap > 1e-4:
        print(f"numpy and scikit-learn disagree by {gap:.2g} on the training texts", file=sys.stderr)
        return 1
    rows = []
    for held in evaluation_sets(args.data):
        for variant in (held, balanced(held)):
            ev = evaluate(shipped, variant.texts, variant.labels)
            rows.append((variant.name, len(variant), ev.accuracy, ev.macro_f1))
            print(f"  {variant.name:32} n={len(variant):5}  accuracy {ev.accuracy:.3f}  macro-F1 {ev.macro_f1:.3f}")
    write_note(args.out.with_suffix(".md"), meta, cv_scores, rows, args.out)
    print(f"wrote {args.out.with_suffix('.md')} ({time.time() - start:.0f} s in all)")
    return 0


def write_note(path: Path, meta: dict, cv_scores: dict[float, tuple[float, float]], rows: list, model_file: Path) -> None:
    kind = "hybrid (text features + 2 lexicon features)" if meta["lexicon"] else "plain (text features only)"
    table = "\n".join(f"| {name} | {n} | {acc:.3f} | {f1:.3f} |" for name, n, acc, f1 in rows)
    counts = meta["training_counts"]
    path.write_text(
        f"""# Provenance of `{model_file.name}`

Logistic regression, {kind}, written by `{meta["command"]}` (`make train-sentiment`).
The file holds feature names, weights, the intercept and this metadata — no training text.

## Training data
{meta["trained_on"]}: {counts["negative"] + counts["positive"]} tweets ({counts["negative"]} negative,
{counts["positive"]} positive) after removing duplicate texts and texts given both labels.
Only permissively licensed sets were used for training: ArSarcasm (MIT; built from SemEval-2017 and
ASTD tweets) and AJGT (Academic Free License 3.0). ASTD (GPL-2.0) and the ElSahar reviews (no licence
stated) are used for evaluation only. The splits are fixed in `scripts/sentiment_data.py`.

## Model
Features of normalized text: words, their light stems, character 2–5-grams inside words, emoji
(each present one valued by its smoothed idf, ln((1+n)/(1+df))+1, the vector scaled to unit length){", and the lexicon analyzer's positive and negative contributions divided by √tokens" if meta["lexicon"] else ""}.
Balanced class weights (the training tweets are mostly negative; the targets are balanced sets).
C = {meta["C"]:g} chosen on the training set alone by the mean of two balanced accuracies: stratified
5-fold cross-validation, and training on two of its three sources (ArSarcasm's SemEval tweets, its
ASTD tweets, AJGT) to predict the third, which estimates tweets from a source never seen
({", ".join(f"C={c:g}: {a:.3f} / {b:.3f}" for c, (a, b) in cv_scores.items())}); pruned to the
{meta["n_features"]} largest weights and refit. scikit-learn {meta["scikit_learn"]} for training;
prediction uses numpy only (checked against scikit-learn when the file is written).
{"The lexicon features depend on `sentiment_lexicon.tsv` (sha256 " + meta["lexicon_sha256"][:12] + "…): retrain after editing the lexicon." if meta["lexicon"] else ""}

## Held-out accuracy (never seen in training)
| set | n | accuracy | macro-F1 |
|---|---|---|---|
{table}

"(balanced)" rows subsample the larger class to the smaller one with a fixed seed.
""",
        encoding="utf-8",
    )


if __name__ == "__main__":
    raise SystemExit(main())
