"""A small linear sentiment model that runs on numpy alone and explains itself word by word.

The model is logistic regression over features of normalized text:

* ``w=<word>``: each word as written (normalized: والنجاح);
* ``s=<stem>``: its light stem when that differs (نجاح);
* ``c=<n-gram>``: character 2- to 5-grams inside each word, padded with spaces
  (`` نج``, ``نجا``, ``اح ``), which catch spellings and dialect forms no list has;
* ``e=<emoji>``: each emoji;
* optionally two lexicon features (the hybrid model): the positive and the negative
  contributions of :class:`~arabtext.sentiment.SentimentAnalyzer`, divided by √(number of words).

A feature counts once per text, valued by its inverse document frequency
(``idf``: a feature few training texts share weighs more than one in every
text), and the vector of the word features is scaled to unit length; the
score is ``intercept + weights · features``, a log-odds of "positive".
Every feature belongs to the tokens it came from, so the score splits exactly
into per-token contributions: ``explain`` lists them.

The bundled weights (``arabtext/sentiment/data/sentiment_model.npz``) were trained by
``scripts/train_sentiment.py``; ``arabtext/sentiment/data/sentiment_model.md`` says on what.
Prediction needs numpy only (no scikit-learn).

>>> model = SentimentModel()
>>> model.predict(["الفيلم رائع جدا", "خدمة سيئة ولن أعود"])
['positive', 'negative']
"""

from __future__ import annotations

import hashlib
import json
import math
import warnings
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

import numpy as np

from arabtext.text.normalization import normalize
from arabtext.text.clitics import light_stem
from arabtext.sentiment.analyzer import SentimentAnalyzer
from arabtext.sentiment.explanation import EXPLAIN_COLUMNS, SENTENCE_COLUMNS, SentimentResult, _round
from arabtext.sentiment.units import _expand_hashtags
from arabtext.text.sentence_splitter import sentence_spans
from arabtext.text.tokenizer import Token, tokens

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SentimentModel", "token_features", "lexicon_parts", "save_model", "LEXICON_FEATURES"]

NGRAM_RANGE = (2, 5)
#: the hybrid model's two lexicon features
LEXICON_FEATURES = ("lex=positive", "lex=negative")
_FORMAT = "arabtext-sentiment-linear/2"
# feature name prefix -> kind
_KINDS = {"w": "word", "s": "stem", "c": "char n-gram", "e": "emoji", "l": "lexicon"}


def token_features(text: str, ngram_range: tuple[int, int] = NGRAM_RANGE) -> list[tuple[Token, list[str]]]:
    """Each word or emoji token of ``text`` with the features it contributes.

    >>> [(t.text, f[:3]) for t, f in token_features("والنجاح 👍")]
    [('والنجاح', ['w=والنجاح', 's=نجاح', 'c= و']), ('👍', ['e=👍'])]
    """
    out = []
    for t in _expand_hashtags(tokens(text)):
        if t.kind == "emoji":
            out.append((t, [f"e={t.text}"]))
        elif t.kind in ("word", "latin"):
            out.append((t, list(_word_features(t.text, t.kind == "word", ngram_range))))
    return out


@lru_cache(maxsize=1 << 18)
def _word_features(written: str, arabic: bool, ngram_range: tuple[int, int]) -> tuple[str, ...]:
    word = normalize(written).lower()
    feats = [f"w={word}"]
    stem = light_stem(word) if arabic else word
    if stem != word:
        feats.append(f"s={stem}")
    padded = f" {word} "
    low, high = ngram_range
    feats += [f"c={padded[i : i + n]}" for n in range(low, high + 1) for i in range(len(padded) - n + 1)]
    return tuple(feats)


class SentimentModel:
    """A trained linear sentiment classifier (positive vs negative) with per-token explanations.

    ``path`` is ``None`` (the bundled model) or a ``.npz`` file written by
    ``scripts/train_sentiment.py``. A text is labelled positive when its
    probability of being positive is at least 0.5; pass ``neutral_band`` (in
    probability, e.g. 0.1) to call texts within 0.5 ± band neutral.

    >>> m = SentimentModel()
    >>> round(m.probability("يوم جميل"), 2) > 0.5
    True
    """

    method = "model"

    def __init__(self, path: str | PathLike | None = None, *, neutral_band: float = 0.0) -> None:
        if not 0 <= neutral_band < 0.5:
            raise ValueError(f"neutral_band is a probability margin in [0, 0.5), got {neutral_band}")
        self.neutral_band = float(neutral_band)
        if path is None:
            self.source = "arabtext/sentiment/data/sentiment_model.npz"
            handle = resources.files("arabtext.sentiment").joinpath("data", "sentiment_model.npz").open("rb")
        else:
            if not Path(path).is_file():
                raise FileNotFoundError(f"sentiment model {path} does not exist or is not a file")
            self.source = str(path)
            handle = open(path, "rb")
        with handle, np.load(handle, allow_pickle=False) as data:
            try:
                meta = json.loads(bytes(data["meta"]).decode("utf-8"))
                names = bytes(data["features"]).decode("utf-8").split("\n")
                weights = data["weights"].astype(np.float64)
                idf = data["idf"].astype(np.float64)
                self.intercept = float(data["intercept"])
            except KeyError as missing:
                raise ValueError(f"{self.source}: not an arabtext sentiment model (no {missing} array)") from None
        if meta.get("format") != _FORMAT or not len(names) == len(weights) == len(idf):
            raise ValueError(f"{self.source}: unsupported model format {meta.get('format')!r} or feature/weight/idf mismatch")
        self.meta: dict = meta
        self.ngram_range: tuple[int, int] = (int(meta["ngram_range"][0]), int(meta["ngram_range"][1]))
        self.weights: dict[str, float] = dict(zip(names, weights.tolist()))
        self.lexicon_weights = tuple(self.weights.pop(f, 0.0) for f in LEXICON_FEATURES) if meta.get("lexicon") else None
        self.idf: dict[str, float] = {f: v for f, v in zip(names, idf.tolist()) if f in self.weights}
        self.analyzer = SentimentAnalyzer() if self.lexicon_weights else None
        self._known_cache: dict[str, tuple[str, ...]] = {}
        if self.lexicon_weights and meta.get("lexicon_sha256"):
            lexicon = resources.files("arabtext.sentiment").joinpath("data", "sentiment_lexicon.tsv").read_bytes()
            if hashlib.sha256(lexicon).hexdigest() != meta["lexicon_sha256"]:
                warnings.warn(
                    f"{self.source} was trained with another version of arabtext/sentiment/data/sentiment_lexicon.tsv; "
                    "its lexicon features may be off: retrain with `make train-sentiment`",
                    stacklevel=2,
                )

    # -- scores ----------------------------------------------------------------------

    def decision(self, text: str) -> float:
        """The log-odds that ``text`` is positive (intercept included).

        >>> SentimentModel().decision("سيء جدا") < 0
        True
        """
        per_token = self._known(text)
        present = set().union(*(feats for _, feats in per_token))
        total = self.intercept + sum(self.weights[f] * v for f, v in self._values(present).items())
        if self.lexicon_weights:
            parts = lexicon_parts(self.analyzer, text, [t for t, _ in per_token])  # type: ignore[arg-type]
            total += sum(self.lexicon_weights[0 if x > 0 else 1] * x for _, x in parts)
        return total

    def probability(self, text: str) -> float:
        """The probability that ``text`` is positive rather than negative.

        >>> SentimentModel().probability("خدمة سيئة جدا") < 0.5
        True
        """
        return _sigmoid(self.decision(text))

    def label(self, probability: float) -> str:
        """positive, negative, or neutral within ``neutral_band`` of 0.5.

        >>> SentimentModel(neutral_band=0.1).label(0.55), SentimentModel().label(0.55)
        ('neutral', 'positive')
        """
        if probability > 0.5 + self.neutral_band:
            return "positive"
        if probability < 0.5 - self.neutral_band:
            return "negative"
        return "neutral"

    def predict(self, texts: Iterable[str]) -> list[str]:
        """The label of each text.

        >>> SentimentModel().predict(["ما أجمل هذا اليوم"])
        ['positive']
        """
        return [self.label(self.probability(t)) for t in texts]

    def score(self, text: str) -> SentimentResult:
        """Score ``text`` as a whole and sentence by sentence (each sentence on its own).

        ``score`` is the log-odds of the whole text; the ``sentences`` table
        has each sentence's log-odds in its ``score`` column.

        >>> r = SentimentModel().score("الخدمة ممتازة. الأكل بارد وسيء.")
        >>> r.sentences["label"].tolist()
        ['positive', 'negative']
        """
        import pandas as pd

        rows = []
        for i, (start, end) in enumerate(sentence_spans(text)):
            parts = self._contributions(text[start:end])
            s = self.intercept + sum(c for _, c, _ in parts)
            pos = sum(c for _, c, _ in parts if c > 0)
            neg = sum(c for _, c, _ in parts if c < 0)
            hits = sum(1 for _, c, _ in parts if c)
            rows.append((i, start, end, text[start:end], _round(s), self.label(_sigmoid(s)), _round(pos), _round(neg), len(parts), hits))
        parts = self._contributions(text)
        total = self.intercept + sum(c for _, c, _ in parts)
        prob = _sigmoid(total)
        return SentimentResult(
            _round(total),
            self.label(prob),
            pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS)),
            _round(sum(c for _, c, _ in parts if c > 0)),
            _round(sum(c for _, c, _ in parts if c < 0)),
            len(parts),
            sum(1 for _, c, _ in parts if c),
            self.method,
            prob,
        )

    def explain(self, text: str, *, all_tokens: bool = False) -> pd.DataFrame:
        """Each token's share of the log-odds, plus a last row for the intercept.

        Same columns as :meth:`SentimentAnalyzer.explain
        <arabtext.sentiment.SentimentAnalyzer.explain>`; ``base`` is the
        token's total weight, ``reason`` its strongest features. The
        contributions (intercept row included) add up to :meth:`decision`.

        >>> df = SentimentModel().explain("خدمة سيئة")
        >>> bool(abs(df["contribution"].sum() - SentimentModel().decision("خدمة سيئة")) < 1e-9)
        True
        """
        import pandas as pd

        spans = sentence_spans(text)
        rows = []
        for token, c, top in self._contributions(text):
            if not c and not all_tokens:
                continue
            sentence = next((i for i, (s, e) in enumerate(spans) if s <= token.start < e), len(spans) - 1)
            reason = ", ".join(f"{f} {w:+.2f}" for f, w in top)
            rows.append((sentence, token.text, token.start, token.end, "feature", top[0][0] if top else "", c, 1.0, c, reason))
        rows.append((len(spans) - 1, "", len(text), len(text), "intercept", "", self.intercept, 1.0, self.intercept, "intercept: the model's leaning before any word"))
        return pd.DataFrame(rows, columns=list(EXPLAIN_COLUMNS))

    def explain_html(self, text: str, *, title: str | None = None) -> str:
        """``text`` as right-to-left HTML, each word coloured by its share of the log-odds.

        >>> 'dir="rtl"' in SentimentModel().explain_html("يوم جميل")
        True
        """
        from arabtext.display.markup import highlight_html

        spans = [(t.start, t.end, c) for t, c, _ in self._contributions(text) if c]
        return highlight_html(text, spans, title=title)

    def top_features(self, n: int = 20, kind: str | None = None) -> pd.DataFrame:
        """The ``n`` most positive and ``n`` most negative features: columns feature, kind, weight.

        ``kind`` keeps one kind: word, stem, char n-gram, emoji or lexicon.

        >>> top = SentimentModel().top_features(3, kind="word")
        >>> top["weight"].is_monotonic_decreasing, set(top["kind"])
        (True, {'word'})
        """
        import pandas as pd

        items = list(self.weights.items())
        if self.lexicon_weights:
            items += list(zip(LEXICON_FEATURES, self.lexicon_weights))
        if kind is not None:
            if kind not in _KINDS.values():
                raise ValueError(f"unknown feature kind {kind!r}; known kinds: {sorted(_KINDS.values())}")
            items = [(f, w) for f, w in items if _KINDS[f[0]] == kind]
        items.sort(key=lambda kv: -kv[1])
        chosen = items[:n] + items[-n:] if len(items) > 2 * n else items
        return pd.DataFrame([(f, _KINDS[f[0]], w) for f, w in chosen], columns=["feature", "kind", "weight"])

    def __repr__(self) -> str:
        hybrid = " + lexicon" if self.lexicon_weights else ""
        return f"SentimentModel({len(self.weights)} features{hybrid} from {self.source})"

    # -- the linear algebra ----------------------------------------------------------

    def _known(self, text: str) -> list[tuple[Token, tuple[str, ...]]]:
        """Each token with its features that have a weight (cached per written word)."""
        out = []
        cache = self._known_cache
        for token, feats in token_features(text, self.ngram_range):
            known = cache.get(token.text)
            if known is None:
                if len(cache) > 500_000:  # a huge vocabulary: bound the memory
                    cache.clear()
                known = cache[token.text] = tuple(f for f in dict.fromkeys(feats) if f in self.weights)
            out.append((token, known))
        return out

    def _values(self, present: Iterable[str]) -> dict[str, float]:
        """Each present feature's value: its idf, the vector of them scaled to unit length."""
        idf = {f: self.idf[f] for f in present}
        norm = math.sqrt(sum(v * v for v in idf.values()))
        return {f: v / norm for f, v in idf.items()}

    def _contributions(self, text: str) -> list[tuple[Token, float, list[tuple[str, float]]]]:
        """Per token: (token, its share of weights · features, its strongest features)."""
        per_token = self._known(text)
        owners: dict[str, list[int]] = defaultdict(list)
        for i, (_, feats) in enumerate(per_token):
            for f in feats:
                owners[f].append(i)
        values = self._values(owners)
        shares = [0.0] * len(per_token)
        tops: list[list[tuple[str, float]]] = [[] for _ in per_token]
        for f, holders in owners.items():
            # a feature two tokens share is split between them, so the shares still add up
            w = self.weights[f] * values[f] / len(holders)
            for i in holders:
                shares[i] += w
                tops[i].append((f, w))
        if self.lexicon_weights:
            for i, x in lexicon_parts(self.analyzer, text, [t for t, _ in per_token]):  # type: ignore[arg-type]
                w = self.lexicon_weights[0 if x > 0 else 1] * x
                shares[i] += w
                tops[i].append((LEXICON_FEATURES[0 if x > 0 else 1], w))
        return [(t, s, sorted(top, key=lambda fw: -abs(fw[1]))[:3]) for (t, _), s, top in zip(per_token, shares, tops)]


def lexicon_parts(analyzer: SentimentAnalyzer, text: str, toks: Sequence[Token]) -> list[tuple[int, float]]:
    """The lexicon's contributions as (token index, contribution / √tokens), for the hybrid model.

    A phrase's contribution goes to its first token. The hybrid's two features
    are the sums of the positive and of the negative values.

    >>> from arabtext.sentiment import SentimentAnalyzer
    >>> text = "جميل جدا"
    >>> lexicon_parts(SentimentAnalyzer(), text, [t for t, _ in token_features(text)])
    [(0, 2.1213203435596424)]
    """
    root = math.sqrt(max(1, len(toks)))
    index = {t.start: i for i, t in enumerate(toks)}
    return [(index[start], c / root) for start, _, c in analyzer.contributions(text) if start in index]


def save_model(
    path: str | PathLike,
    features: Sequence[str],
    weights: Sequence[float],
    intercept: float,
    meta: dict,
    idf: Sequence[float] | None = None,
) -> None:
    """Write a model file that :class:`SentimentModel` loads (used by scripts/train_sentiment.py).

    ``idf`` is each feature's value when present (``None``: 1 for all, plain
    binary features); a lexicon feature's idf is not used.

    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "tiny.npz")
    >>> save_model(path, ["w=حلو"], [2.0], 0.0, {"ngram_range": [2, 5], "lexicon": False})
    >>> SentimentModel(path).predict(["حلو"])
    ['positive']
    """
    names = list(features)
    idf = [1.0] * len(names) if idf is None else list(idf)
    if any("\n" in f for f in names) or not len(names) == len(weights) == len(idf):
        raise ValueError("feature names must not contain newlines and must match the weights and idf")
    meta = {**meta, "format": _FORMAT}
    np.savez_compressed(
        path,
        features=np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8),
        weights=np.asarray(weights, dtype=np.float32),
        idf=np.asarray(idf, dtype=np.float32),
        intercept=np.float64(intercept),
        meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
    )


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))
