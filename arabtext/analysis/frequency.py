"""Word frequencies: counts, frequency tables and n-grams.

Counting is apart from the tables: :class:`TermCounts` holds the counts of
one corpus (or a piece of one) and merges by addition, so a corpus counted
file by file, or process by process, gives the same tables as counted at
once. Every function takes a Corpus, a text, texts or token lists (see
:mod:`arabtext.corpus.inputs`); ``freq_table``, ``zipf``, ``ttr`` and ``keyness``
also take counts already made (a ``TermCounts`` or a ``Counter``).

>>> texts = ["قال الوزير إن الوزير سيزور بغداد", "وصل الوزير إلى بغداد"]
>>> freq_table(texts)[["token", "count", "doc_freq", "rank"]].values.tolist()
[['الوزير', 3, 2, 1], ['بغداد', 2, 2, 2], ['سيزور', 1, 1, 3], ['قال', 1, 1, 3], ['وصل', 1, 1, 3]]
"""


from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from arabtext.analysis.counted import Counts, term_counts
from arabtext.corpus.inputs import Stopwords, Texts
from arabtext.counting.engine import count_corpus
from arabtext.counting.terms import TermCounts
from arabtext.text.normalization import Normalizer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["word_counts", "freq_table", "ngrams"]


def word_counts(
    data: Texts, normalize: bool | Normalizer = True, n_jobs: int | None = None, progress: bool = False
) -> Counter[str]:
    """How often each word occurs: a Counter, so counts of two corpora add with ``+``.

    ``n_jobs`` (processes) and ``progress`` (a bar on a terminal) are for
    big corpora; see :mod:`arabtext.counting.engine`.

    >>> word_counts("قال الوزير إن الوزير سيزور بغداد").most_common(1)
    [('الوزير', 2)]
    >>> (word_counts("الوزير") + word_counts(["الوزيرُ", "وزير"]))["الوزير"]
    2
    """
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
    :mod:`arabtext.counting.engine`.

    >>> freq_table("الحرب، ثم الحرب، ثم السلام", stopwords=False)[["token", "count", "per_10k"]].values.tolist()
    [['الحرب', 2, 4000.0], ['ثم', 2, 4000.0], ['السلام', 1, 2000.0]]
    """
    return term_counts(data, normalize, 1, n_jobs, progress).table(stopwords, min_count)


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
    return term_counts(data, normalize, n, n_jobs, progress).table(stopwords, min_count, column="ngram")
