"""Term counts (words or n-grams) of a corpus, mergeable by addition.

:class:`TermCounts` holds the counts of one corpus, or of a piece of one:
a corpus counted file by file, or process by process, adds up to the same
counts as counted at once. The tables made from them live in
:mod:`arabtext.analysis`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from arabtext.corpus.inputs import Stopwords, is_stopword, stopword_set
from arabtext.counting.ranking import ranked

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TermCounts"]


@dataclass
class TermCounts:
    """The counts behind a frequency table: terms (words or n-grams), documents, totals.

    Mergeable: ``a + b`` counts both corpora, exactly as counting them at once.
    ``doc_freq`` is None when the counts came without documents (a Counter).

    >>> a = TermCounts.from_tokens([["الوزير", "قال"]])
    >>> b = TermCounts.from_tokens([["الوزير", "وصل"]])
    >>> both = a + b
    >>> both.counts["الوزير"], both.doc_freq["الوزير"], both.total, both.n_docs
    (2, 2, 4, 2)
    """

    counts: Counter[str] = field(default_factory=Counter)
    doc_freq: Counter[str] | None = field(default_factory=Counter)
    #: how many terms were counted (tokens, or n-grams for n > 1)
    total: int = 0
    n_docs: int = 0
    #: 1 for words, 2 for bigrams ... (an n-gram is its words joined by a space)
    n: int = 1

    @classmethod
    def from_tokens(cls, token_lists: Iterable[Sequence[str]], n: int = 1) -> TermCounts:
        """Count the terms of every token list (one list per document).

        >>> TermCounts.from_tokens([["وزير", "الخارجية", "الأمريكي"]], n=2).counts
        Counter({'وزير الخارجية': 1, 'الخارجية الأمريكي': 1})
        """
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise ValueError(f"n must be a whole number ≥ 1, got {n!r}")
        return cls(n=n).update(token_lists)

    def update(self, token_lists: Iterable[Sequence[str]]) -> TermCounts:
        """Count more documents into these counts; returns ``self``."""
        if self.doc_freq is None:
            raise ValueError("these counts have no document frequencies (they came from a Counter); start new ones")
        counts, doc_freq, n = self.counts, self.doc_freq, self.n
        for tokens in token_lists:
            terms = tokens if n == 1 else list(map(" ".join, zip(*(tokens[i:] for i in range(n)))))
            counts.update(terms)
            doc_freq.update(set(terms))
            self.total += len(terms)
            self.n_docs += 1
        return self

    def __add__(self, other: TermCounts) -> TermCounts:
        if not isinstance(other, TermCounts):
            return NotImplemented
        if other.n != self.n:
            raise ValueError(f"cannot add counts of {self.n}-grams and {other.n}-grams")
        doc_freq = None if self.doc_freq is None or other.doc_freq is None else self.doc_freq + other.doc_freq
        return TermCounts(self.counts + other.counts, doc_freq, self.total + other.total, self.n_docs + other.n_docs, self.n)

    merge = __add__

    def __iadd__(self, other: TermCounts) -> TermCounts:
        """Add ``other`` into these counts in place: what counting a corpus in pieces does."""
        if not isinstance(other, TermCounts):
            return NotImplemented
        if other.n != self.n:
            raise ValueError(f"cannot add counts of {self.n}-grams and {other.n}-grams")
        self.counts.update(other.counts)
        if self.doc_freq is not None and other.doc_freq is not None:
            self.doc_freq.update(other.doc_freq)
        else:
            self.doc_freq = None
        self.total += other.total
        self.n_docs += other.n_docs
        return self

    def table(self, stopwords: Stopwords = False, min_count: int = 1, column: str = "token") -> pd.DataFrame:
        """The frequency table: ``column``, count, per_10k, doc_freq, rank; most frequent first.

        ``per_10k`` is per 10,000 terms counted (stop words included, so the
        figure does not depend on the stop list); ``rank`` gives tied counts
        the same rank (1, 2, 2, 4); an n-gram holding a stop word is left out.
        """
        import pandas as pd

        terms = np.array(list(self.counts), dtype=object)
        count = np.fromiter(self.counts.values(), dtype=np.int64, count=len(terms))
        keep = count >= min_count
        stop = stopword_set(stopwords)
        if stop:
            keep[keep] = ~_holds_stopword(terms[keep], stop)
        terms, count = terms[keep], count[keep]
        doc_freq = (
            pd.array(np.fromiter(map(self.doc_freq.__getitem__, terms), dtype=np.int64, count=len(terms)), dtype="Int64")
            if self.doc_freq is not None
            else pd.array([pd.NA] * len(terms), dtype="Int64")
        )
        df = pd.DataFrame(
            {column: terms, "count": count, "per_10k": count * 10_000 / self.total if self.total else 0.0, "doc_freq": doc_freq}
        )
        df = ranked(df, ["count"], [column])
        df["rank"] = df["count"].rank(method="min", ascending=False).astype(np.int64)
        return df


def _holds_stopword(terms: np.ndarray, stop: frozenset[str]) -> np.ndarray:
    """For each term (a word or words joined by spaces): does it hold a stop word?"""
    if not len(terms):
        return np.zeros(0, dtype=bool)
    # every word of every term in one list, checked in one call; each term's
    # verdict is the "or" over its run of words
    words = " ".join(terms).split(" ")
    n_words = np.fromiter((term.count(" ") + 1 for term in terms), dtype=np.int64, count=len(terms))
    starts = np.cumsum(n_words) - n_words
    return np.logical_or.reduceat(np.array(is_stopword(words, stop), dtype=bool), starts)
