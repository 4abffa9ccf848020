"""The shape of a vocabulary: Zipf's law, type-token ratio, moving-average TTR, vocabulary growth.

>>> round(ttr("قال الوزير إن الوزير سيزور بغداد"), 3)
0.833
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from arabtext.analysis.counted import Counts, term_counts
from arabtext.corpus.inputs import Stopwords, Texts, token_lists
from arabtext.text.normalization import Normalizer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Zipf", "zipf", "ttr", "mattr", "vocabulary_growth"]


class Zipf(NamedTuple):
    """Zipf's law fitted to a frequency list: count ≈ constant × rank ** -exponent."""

    #: rank (1, 2, 3 ... ties broken by token), token, count, frequency (count / all words), fitted (count the fit predicts)
    table: pd.DataFrame
    exponent: float
    constant: float
    #: share of the variance of log count that the fitted line explains
    r2: float


def zipf(
    data: Texts | Counts,
    normalize: bool | Normalizer = True,
    stopwords: Stopwords = False,
    min_count: int = 1,
) -> Zipf:
    """Rank and frequency of every word, and Zipf's law fitted to them.

    The fit is a least-squares line through (log rank, log count) for every
    word seen ``min_count`` times or more: log count = log C − s log rank.
    Words seen once are many and share their count, so they pull the line;
    raise ``min_count`` to fit the head of the list only. Stop words are
    kept by default: Zipf's law is about all the words of a text.

    >>> fit = zipf(["أ أ أ أ ب ب ج"])
    >>> fit.table[["rank", "token", "count"]].values.tolist()
    [[1, 'ا', 4], [2, 'ب', 2], [3, 'ج', 1]]
    >>> round(fit.exponent, 3)
    1.234
    """
    counts = term_counts(data, normalize)
    table = counts.table(stopwords, min_count)[["token", "count"]]
    if len(table) < 2:
        raise ValueError(f"Zipf's law needs at least two different words, got {len(table)}")
    rank = np.arange(1, len(table) + 1)
    x, y = np.log10(rank), np.log10(table["count"].to_numpy(dtype=np.float64))
    slope, intercept = np.polyfit(x, y, 1)
    residual = y - (intercept + slope * x)
    spread = ((y - y.mean()) ** 2).sum()
    r2 = 1 - (residual**2).sum() / spread if spread else float("nan")
    table.insert(0, "rank", rank)
    table["frequency"] = table["count"] / counts.total
    table["fitted"] = 10**intercept * rank**slope
    return Zipf(table, float(-slope), float(10**intercept), float(r2))


def ttr(data: Texts | Counts, normalize: bool | Normalizer = True) -> float:
    """Type/token ratio: distinct words divided by words, over all documents together.

    Falls as a text grows (words come back), so compare only texts of the
    same length, or use :func:`mattr`.

    >>> ttr("الحرب ثم الحرب ثم السلام")
    0.6
    """
    counts = term_counts(data, normalize)
    if not counts.total:
        raise ValueError("no words to count")
    return len(counts.counts) / counts.total


def mattr(data: Texts, window: int = 100, normalize: bool | Normalizer = True) -> float:
    """Moving-average type/token ratio (Covington & McFall 2010).

    The TTR of every run of ``window`` consecutive words, averaged: unlike
    the TTR it does not fall as a text grows. Windows stay inside a
    document; a document shorter than the window counts as one window with
    its own TTR (a warning says how many). The default window, 100 words,
    is quanteda's.

    Covington, M. A. & McFall, J. D. (2010). Cutting the Gordian knot: the
    moving-average type–token ratio (MATTR). *Journal of Quantitative
    Linguistics* 17(2).

    >>> mattr("الحرب ثم الحرب ثم السلام", window=2)
    1.0
    >>> mattr("الحرب ثم الحرب ثم السلام", window=3)
    0.7777777777777778
    """
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise ValueError(f"window must be a whole number of words ≥ 1, got {window!r}")
    total_ttr, n_windows, short, n_docs = 0.0, 0, 0, 0
    for tokens in token_lists(data, normalize):
        if not tokens:
            continue
        n_docs += 1
        index: dict[str, int] = {}
        ids = np.array([index.setdefault(w, len(index)) for w in tokens], dtype=np.int64)
        if len(ids) < window:
            short += 1
            total_ttr += len(index) / len(ids)
            n_windows += 1
        else:
            types = _window_types(ids, window)
            total_ttr += types.sum() / window
            n_windows += len(types)
    if not n_windows:
        raise ValueError("no words to count")
    if short:
        warnings.warn(
            f"{short} of {n_docs} document(s) are shorter than the window ({window} words): "
            "each counts as one window with its own TTR",
            stacklevel=2,
        )
    return float(total_ttr / n_windows)


def _window_types(ids: np.ndarray, window: int) -> np.ndarray:
    """The number of distinct ids in every window ids[s : s + window], in O(n log n).

    Sliding one step drops position s (a type lost if its word does not recur
    before s + window) and adds s + window (a type gained if its word does not
    occur in s + 1 .. s + window - 1).
    """
    n = len(ids)
    order = np.argsort(ids, kind="stable")
    same = ids[order[1:]] == ids[order[:-1]]
    prev = np.full(n, -1)
    prev[order[1:][same]] = order[:-1][same]
    nxt = np.full(n, n)
    nxt[order[:-1][same]] = order[1:][same]
    s = np.arange(n - window)
    delta = (prev[s + window] <= s).astype(np.int64) - (nxt[s] >= s + window)
    first = np.count_nonzero(prev[:window] < 0)
    return first + np.concatenate([[0], np.cumsum(delta)])


def vocabulary_growth(
    data: Texts, every: int = 1000, normalize: bool | Normalizer = True, key: Callable[[str], str] | None = None
) -> pd.DataFrame:
    """How many different words have been seen after every ``every`` words: the curve of Heaps' law.

    Columns ``tokens`` (words read so far, documents in corpus order) and
    ``types`` (distinct words among them); the last row is the whole corpus.
    ``key`` maps each (normalized) word before it is counted, to follow the
    growth of stems (``key=light_stem``) or of any other unit. One pass;
    holds the distinct words only.

    >>> vocabulary_growth("الحرب ثم الحرب ثم السلام", every=2).values.tolist()
    [[2, 2], [4, 2], [5, 3]]
    """
    import pandas as pd

    if isinstance(every, bool) or not isinstance(every, int) or every < 1:
        raise ValueError(f"every must be a whole number of words ≥ 1, got {every!r}")
    seen: set[str] = set()
    rows, n = [], 0
    for tokens in token_lists(data, normalize):
        for word in tokens if key is None else map(key, tokens):
            seen.add(word)
            n += 1
            if n % every == 0:
                rows.append((n, len(seen)))
    if n % every:
        rows.append((n, len(seen)))
    return pd.DataFrame(rows, columns=["tokens", "types"], dtype="int64")
