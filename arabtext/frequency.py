"""Word frequencies: counts, frequency tables, n-grams, Zipf's law, lexical diversity, keyness.

Counting is apart from the tables: :class:`TermCounts` holds the counts of
one corpus (or a piece of one) and merges by addition, so a corpus counted
file by file, or process by process, gives the same tables as counted at
once. Every function takes a Corpus, a text, texts or token lists (see
:mod:`arabtext.inputs`); ``freq_table``, ``zipf``, ``ttr`` and ``keyness``
also take counts already made (a ``TermCounts`` or a ``Counter``).

>>> texts = ["قال الوزير إن الوزير سيزور بغداد", "وصل الوزير إلى بغداد"]
>>> freq_table(texts)[["token", "count", "doc_freq", "rank"]].values.tolist()
[['الوزير', 3, 2, 1], ['بغداد', 2, 2, 2], ['سيزور', 1, 1, 3], ['قال', 1, 1, 3], ['وصل', 1, 1, 3]]
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple, Union

import numpy as np

from arabtext._ranking import ranked
from arabtext.association import llr, p_value
from arabtext.inputs import Stopwords, Texts, is_stopword, stopword_set, token_lists
from arabtext.normalize import Normalizer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TermCounts", "Zipf", "word_counts", "freq_table", "ngrams", "zipf", "ttr", "mattr", "keyness"]


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


Counts = Union[TermCounts, Mapping[str, int]]


def _counted(
    data: Texts | Counts, normalize: bool | Normalizer, n: int = 1, n_jobs: int | None = None, progress: bool = False
) -> TermCounts:
    """TermCounts for ``data``: counted (see :mod:`arabtext.parallel`), or as given when they are counts already."""
    if isinstance(data, TermCounts):
        if data.n != n:
            raise ValueError(f"these are counts of {data.n}-grams, not {n}-grams")
        return data
    if isinstance(data, Mapping):
        if n != 1:
            raise ValueError("a Counter holds word counts; n-grams need texts or token lists")
        counts = Counter(data)
        return TermCounts(counts, None, sum(counts.values()), 0, 1)
    from arabtext.parallel import count_ngrams

    return count_ngrams(data, n, normalize, n_jobs, progress)


def word_counts(
    data: Texts, normalize: bool | Normalizer = True, n_jobs: int | None = None, progress: bool = False
) -> Counter[str]:
    """How often each word occurs: a Counter, so counts of two corpora add with ``+``.

    ``n_jobs`` (processes) and ``progress`` (a bar on a terminal) are for
    big corpora; see :mod:`arabtext.parallel`.

    >>> word_counts("قال الوزير إن الوزير سيزور بغداد").most_common(1)
    [('الوزير', 2)]
    >>> (word_counts("الوزير") + word_counts(["الوزيرُ", "وزير"]))["الوزير"]
    2
    """
    from arabtext.parallel import count_corpus

    counts = count_corpus(data, None, normalize, n_jobs, progress, doc_freq=False).words
    assert counts is not None
    return counts.counts


def freq_table(
    data: Texts | Counts,
    normalize: bool | Normalizer = True,
    stopwords: Stopwords = True,
    min_count: int = 1,
    n_jobs: int | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """A word frequency table, most frequent first.

    Columns: token, count, per_10k (per 10,000 words, all words counted),
    doc_freq (in how many documents; missing for a Counter), rank (ties
    share a rank). Stop words are left out unless ``stopwords=False``; pass
    your own collection to use another list. ``n_jobs`` (processes) and
    ``progress`` (a bar on a terminal) are for big corpora; see
    :mod:`arabtext.parallel`.

    >>> freq_table("الحرب، ثم الحرب، ثم السلام", stopwords=False)[["token", "count", "per_10k"]].values.tolist()
    [['الحرب', 2, 4000.0], ['ثم', 2, 4000.0], ['السلام', 1, 2000.0]]
    """
    return _counted(data, normalize, 1, n_jobs, progress).table(stopwords, min_count)


def ngrams(
    data: Texts | TermCounts,
    n: int = 2,
    normalize: bool | Normalizer = True,
    stopwords: Stopwords = True,
    min_count: int = 1,
    n_jobs: int | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """An n-gram frequency table: sequences of ``n`` words inside a document, most frequent first.

    Columns: ngram (the words joined by a space), count, per_10k (per 10,000
    n-grams), doc_freq, rank. An n-gram holding a stop word is left out
    unless ``stopwords=False``. ``n_jobs`` and ``progress`` as for :func:`freq_table`.

    >>> ngrams(["وزير الخارجية الأمريكي", "قال وزير الخارجية"], min_count=2)[["ngram", "count"]].values.tolist()
    [['وزير الخارجية', 2]]
    """
    return _counted(data, normalize, n, n_jobs, progress).table(stopwords, min_count, column="ngram")


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
    counts = _counted(data, normalize)
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
    counts = _counted(data, normalize)
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


def keyness(
    target: Texts | Counts,
    reference: Texts | Counts,
    normalize: bool | Normalizer = True,
    stopwords: Stopwords = True,
    min_count: int = 1,
    correction: Literal["none", "williams"] = "none",
) -> pd.DataFrame:
    """Words over- and under-used in ``target`` compared with ``reference``, most key first.

    For a word seen a times in the target (c words) and b times in the
    reference (d words), on the 2×2 table [[a, b], [c − a, d − b]]:

    - ``g2``: log-likelihood G² over the four cells (Dunning 1993; the
      "4-term" statistic of AntConc), positive when the word is relatively
      more frequent in the target, negative when less. With
      ``correction="williams"`` it is divided by Williams's q =
      1 + (N/R1 + N/R2 − 1)(N/c + N/d − 1) / 6N, quanteda's default.
    - ``p_value``: of |G²| under χ² with 1 degree of freedom. Thousands of
      words are tested at once: read it as a ranking, not as a test.
    - ``log_ratio``: log2((a/c) / (b/d)), the effect size of Hardie (2014);
      +1 is twice as frequent, −1 half. A zero count is taken as 0.5.
    - ``pct_diff``: %DIFF = 100 × (a/c − b/d) / (b/d) (Gabrielatos & Marchi
      2012); infinite for a word absent from the reference (the paper puts a
      tiny number in place of 0, which gives a huge arbitrary value).

    Also: n_target, n_reference, per_10k_target, per_10k_reference. Rows are
    words with a + b ≥ ``min_count``; stop words are left out afterwards (c
    and d still count them).

    Hardie, A. (2014). Log Ratio: an informal introduction. CASS, Lancaster.
    Gabrielatos, C. & Marchi, A. (2012). Keyness: appropriate metrics and
    practical issues. CADS International Conference, Bologna.

    >>> k = keyness("القوات القوات القوات الحكومة", "الحكومة الحكومة الحكومة القوات", stopwords=False)
    >>> k[["token", "n_target", "n_reference", "g2", "log_ratio", "pct_diff"]].round(3).values.tolist()
    [['القوات', 3, 1, 2.093, 1.585, 200.0], ['الحكومة', 1, 3, -2.093, -1.585, -66.667]]
    """
    import pandas as pd

    if correction not in ("none", "williams"):
        raise ValueError(f"correction must be 'none' or 'williams', got {correction!r}")
    t, r = _counted(target, normalize), _counted(reference, normalize)
    c, d = t.total, r.total
    if not c or not d:
        raise ValueError(f"the {'target' if not c else 'reference'} has no words")
    terms = np.array(sorted(t.counts.keys() | r.counts.keys()), dtype=object)
    a = np.fromiter((t.counts.get(w, 0) for w in terms), dtype=np.int64, count=len(terms))
    b = np.fromiter((r.counts.get(w, 0) for w in terms), dtype=np.int64, count=len(terms))
    keep = a + b >= min_count
    stop = stopword_set(stopwords)
    if stop:
        keep[keep] = ~np.array(is_stopword(terms[keep], stop), dtype=bool)
    terms, a, b = terms[keep], a[keep], b[keep]
    g2 = llr(a, b, c - a, d - b)
    if correction == "williams":
        n = c + d
        with np.errstate(divide="ignore"):
            q = 1 + (n / (a + b) + n / (n - a - b) - 1) * (n / c + n / d - 1) / (6 * n)
        g2 = g2 / q
    rel_a, rel_b = a / c, b / d
    with np.errstate(divide="ignore"):
        pct_diff = np.where(b > 0, (rel_a - rel_b) * 100 / np.where(b > 0, rel_b, 1), np.inf)
    df = pd.DataFrame(
        {
            "token": terms, "n_target": a, "n_reference": b,
            "per_10k_target": rel_a * 10_000, "per_10k_reference": rel_b * 10_000,
            "g2": g2, "p_value": p_value(g2),
            "log_ratio": np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d)),
            "pct_diff": pct_diff,
        }
    )
    return ranked(df, ["g2"], ["token"])
