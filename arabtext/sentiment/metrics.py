"""Accuracy, macro-F1 and a confusion matrix for any sentiment method on labelled texts.

``evaluate`` takes anything with a ``predict(texts) -> labels`` method (the
lexicon :class:`~arabtext.sentiment.SentimentAnalyzer`, the
:class:`~arabtext.sentiment.model.SentimentModel`) or a plain function from
one text to a label, runs it, and compares with the gold labels.

Macro-F1 averages the F1 of the gold classes. An answer that is not a gold
class (the lexicon's "neutral" on a positive/negative set, when it found no
sentiment word) is simply wrong: it lowers the recall of the true class and
shows up as its own column in the confusion matrix. It costs no precision,
so with such answers macro-F1 can exceed accuracy.

>>> from arabtext.sentiment import SentimentAnalyzer
>>> ev = evaluate(SentimentAnalyzer(), ["يوم جميل", "خبر سيئ", "ذهبت"], ["positive", "negative", "positive"])
>>> ev.accuracy, int(ev.confusion.loc["positive", "neutral"])
(0.6666666666666666, 1)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Sequence, Union

from arabtext.corpus.collection import Corpus
from arabtext.corpus.loading import load_corpus

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Evaluation", "evaluate", "evaluation", "accuracy", "macro_f1", "confusion_counts", "canonical_label"]

# spellings of the three labels found in labelled sets (AJGT Positive, ASTD POS, ElSahar 1/-1)
_LABEL_NAMES = {
    "positive": "positive", "pos": "positive", "1": "positive", "+1": "positive",
    "negative": "negative", "neg": "negative", "-1": "negative",
    "neutral": "neutral", "neu": "neutral", "0": "neutral", "obj": "neutral", "objective": "neutral",
}  # fmt: skip

Method = Union[Callable[[str], str], object]


def canonical_label(label: object) -> str:
    """positive, negative or neutral for the usual spellings (POS, Positive, 1, -1 ...).

    >>> canonical_label("POS"), canonical_label(-1), canonical_label("Neutral")
    ('positive', 'negative', 'neutral')
    """
    name = _LABEL_NAMES.get(str(label).strip().lower())
    if name is None:
        raise ValueError(f"unknown sentiment label {label!r}; expected one of positive/negative/neutral (or POS, NEG, 1, -1, 0)")
    return name


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The share of predictions equal to the gold label.

    >>> accuracy(["positive", "negative"], ["positive", "positive"])
    0.5
    """
    _check_lengths(gold, predicted)
    return sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0


def macro_f1(gold: Sequence[str], predicted: Sequence[str], classes: Sequence[str] | None = None) -> float:
    """The mean over ``classes`` (default: the gold classes) of F1 = 2·TP / (2·TP + FP + FN).

    >>> macro_f1(["positive", "negative", "negative"], ["positive", "negative", "neutral"])
    0.8333333333333333
    """
    classes = sorted(set(gold)) if classes is None else list(classes)
    return _mean_f1(_class_scores(confusion_counts(gold, predicted), classes))


def _class_scores(counts: Counter[tuple[str, str]], classes: Sequence[str]) -> list[tuple[str, float, float, float, int]]:
    """(label, precision, recall, F1, support) of each class, from the (gold, predicted) counts."""
    rows = []
    for c in classes:
        tp = counts[(c, c)]
        n_pred = sum(k for (_, p), k in counts.items() if p == c)
        n_gold = sum(k for (g, _), k in counts.items() if g == c)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        # 2·TP / (2·TP + FP + FN), as TP + FP predicted it and TP + FN are it
        f1 = 2 * tp / (n_pred + n_gold) if tp else 0.0
        rows.append((c, precision, recall, f1, n_gold))
    return rows


def _mean_f1(rows: Sequence[tuple[str, float, float, float, int]]) -> float:
    return sum(row[3] for row in rows) / len(rows) if rows else 0.0


def confusion_counts(gold: Sequence[str], predicted: Sequence[str]) -> Counter[tuple[str, str]]:
    """How often each (gold, predicted) pair occurs.

    >>> confusion_counts(["positive", "positive"], ["positive", "neutral"])[("positive", "neutral")]
    1
    """
    _check_lengths(gold, predicted)
    return Counter(zip(gold, predicted))


@dataclass(frozen=True)
class Evaluation:
    """How a method did on a labelled set.

    ``confusion`` has one row per gold class and one column per answer given
    (gold classes first); ``per_class`` has the columns label, precision,
    recall, f1 and support.
    """

    accuracy: float
    macro_f1: float
    confusion: pd.DataFrame = field(repr=False)
    per_class: pd.DataFrame = field(repr=False)
    n: int
    method: str = ""

    def to_dict(self) -> dict[str, object]:
        """method, n, accuracy and macro_f1 as a plain dict (one row of a comparison table).

        >>> evaluation(["positive"], ["positive"], method="مثال").to_dict()["accuracy"]
        1.0
        """
        return {"method": self.method, "n": self.n, "accuracy": self.accuracy, "macro_f1": self.macro_f1}

    def __repr__(self) -> str:
        return f"Evaluation({self.method or 'method'}: n={self.n}, accuracy={self.accuracy:.3f}, macro_f1={self.macro_f1:.3f})"


def evaluate(
    method: Method, texts: Iterable[str] | str | Corpus, labels: Iterable[object] | None = None, *, label: str = "label"
) -> Evaluation:
    """Run ``method`` on ``texts`` and compare with ``labels`` (any usual spelling of the labels).

    ``method`` has a ``predict(texts)`` method or is a function text → label.
    ``texts`` may also be a labelled corpus: a bundled dataset's name
    (``"ajgt"``, ``"arsarcasm"``), a path, or a Corpus, whose documents carry
    their gold label in the metadata field ``label``; then ``labels`` is left out.

    >>> ev = evaluate(lambda t: "positive", ["حلو", "وحش"], ["POS", "NEG"])
    >>> ev.accuracy, ev.macro_f1
    (0.5, 0.3333333333333333)
    >>> evaluate(lambda t: "negative", "ajgt").n
    360
    """
    if isinstance(texts, (str, Corpus)):
        if labels is not None:
            raise ValueError("a labelled corpus carries its labels: leave out labels (or pass texts as a list)")
        corpus = load_corpus(texts)
        missing = [doc.id for doc in corpus if label not in doc.meta]
        if missing:
            raise ValueError(f"{len(missing)} documents have no {label!r} field (first: {missing[0]!r}); name it with label=")
        texts, labels = [doc.text for doc in corpus], [doc.meta[label] for doc in corpus]
    elif labels is None:
        raise ValueError("labels are missing: give one gold label per text, or a labelled corpus such as 'ajgt'")
    texts = list(texts)
    gold = list(labels)
    if len(texts) != len(gold):
        raise ValueError(f"{len(texts)} texts but {len(gold)} labels")
    predict = getattr(method, "predict", None)
    if callable(predict):
        answers = list(predict(texts))
    elif callable(method):
        answers = [method(t) for t in texts]
    else:
        raise TypeError(f"method must have a predict(texts) method or be a function text -> label, got {type(method).__name__}")
    name = getattr(method, "method", None) or getattr(method, "__name__", type(method).__name__)
    return evaluation(gold, answers, method=str(name))


def evaluation(labels: Iterable[object], predicted: Iterable[object], *, method: str = "") -> Evaluation:
    """Compare predictions already made with the gold ``labels`` (any usual spelling of both).

    >>> evaluation(["POS", "NEG", "NEG"], ["positive", "negative", "positive"]).accuracy
    0.6666666666666666
    """
    import pandas as pd

    gold = [canonical_label(label) for label in labels]
    predicted = [canonical_label(a) for a in predicted]
    _check_lengths(gold, predicted)
    classes = sorted(set(gold))
    columns = classes + sorted(set(predicted) - set(classes))
    counts = confusion_counts(gold, predicted)
    confusion = pd.DataFrame([[counts[(g, p)] for p in columns] for g in classes], index=classes, columns=columns)
    confusion.index.name, confusion.columns.name = "gold", "predicted"
    rows = _class_scores(counts, classes)
    per_class = pd.DataFrame(rows, columns=["label", "precision", "recall", "f1", "support"])
    return Evaluation(accuracy(gold, predicted), _mean_f1(rows), confusion, per_class, len(gold), method)


def _check_lengths(gold: Sequence[str], predicted: Sequence[str]) -> None:
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
