"""What a score is made of, as results and tables a reader can check: per text, per sentence, per word."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from arabtext.sentiment.units import _Unit

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SentimentResult", "EXPLAIN_COLUMNS", "SENTENCE_COLUMNS"]


LABELS = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class SentimentResult:
    """The sentiment of one text: its score and label, and a table of its sentences.

    ``sentences`` has the columns sentence (0, 1, ...), start, end, text,
    score, label, positive, negative, n_words and n_hits (offsets index the
    original text), ready for ``arabtext.display.sentiment_arc``. ``positive``
    and ``negative`` sum the positive and the negative contributions;
    ``n_hits`` counts the words that contributed (for the lexicon: the words
    found in it). ``probability`` is the model's probability of positive.
    """

    score: float
    label: str
    sentences: pd.DataFrame = field(repr=False)
    positive: float = 0.0
    negative: float = 0.0
    n_words: int = 0
    n_hits: int = 0
    method: str = "lexicon"
    probability: float | None = None

    def to_dict(self) -> dict[str, object]:
        """The document-level numbers as a plain dict (no sentence table).

        >>> from arabtext import SentimentAnalyzer
        >>> SentimentAnalyzer().score("يوم جميل").to_dict()["label"]
        'positive'
        """
        keys = ("method", "score", "label", "probability", "positive", "negative", "n_words", "n_hits")
        return {k: getattr(self, k) for k in keys}

    def __repr__(self) -> str:
        prob = "" if self.probability is None else f", probability={self.probability:.2f}"
        return (
            f"SentimentResult({self.label}, score={self.score:+.2f}{prob}, positive={self.positive:+.2f}, "
            f"negative={self.negative:+.2f}, sentences={len(self.sentences)}, words={self.n_words}, "
            f"scored words={self.n_hits}, method={self.method!r})"
        )

EXPLAIN_COLUMNS = ("sentence", "token", "start", "end", "role", "key", "base", "modifier", "contribution", "reason")

SENTENCE_COLUMNS = ("sentence", "start", "end", "text", "score", "label", "positive", "negative", "n_words", "n_hits")


def _reason(u: _Unit, applied: list[str]) -> str:
    if u.role == "negator":
        return f"negator: negates the next {u.factor:g} word{'s' if u.factor != 1 else ''}"
    if u.role == "intensifier":
        side = {"previous": "the word before", "next": "the word after", "either": "the word next to it"}[u.target]
        return f"{'intensifier' if u.factor > 1 else 'diminisher'}: ×{u.factor:g} on {side}"
    if u.role == "contrast":
        return "contrast: what follows counts more"
    if u.role == "word":
        return ""
    found = f" ({u.note})" if u.note else ""
    return "; ".join([f"lexicon {u.key} {u.base:+g}{found}", *applied])


def _round(x: float) -> float:
    # sums of halves times factors: round away float noise so equal scores compare equal
    return round(x, 6) + 0.0
