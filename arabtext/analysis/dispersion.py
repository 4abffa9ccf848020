"""Dispersion: is a word spread evenly over the documents, or packed into a few?

Two words seen 100 times each can be very different: one in every
document, the other in three articles about one event. The parts here are
the documents that hold at least one word; a part's size is its number of
words (all words, stop words included, as ``per_10k`` counts them).

For a word with frequency ``f``, seen ``v_i`` times in part ``i`` of
``n`` parts, part ``i`` holding the share ``s_i`` of the corpus's words:

* **range**: how many parts the word occurs in; that is the frequency
  table's ``doc_freq``, so it has no column of its own.
* **Juilland's D** (Juilland & Chang-Rodríguez 1964; for parts of unequal
  size as in Gries 2008): ``p_i = v_i / size_i`` (the word's relative
  frequency in part ``i``), ``V = σ(p) / mean(p)`` (population standard
  deviation over all ``n`` parts, zeros included), ``D = 1 − V / √(n − 1)``.
  1 is perfectly even; 0 is all in one part. Undefined (NaN) with one part.
  With hundreds of parts D crowds near 1 for every common word (Gries
  2008 shows why); DP separates them better.
* **DP**, Gries' deviation of proportions (Gries 2008):
  ``DP = ½ · Σ_i |v_i / f − s_i|``: how far the word's spread is from the
  parts' sizes. 0 is spread exactly as the text is; near 1 is all in one
  small part (its largest value is ``1 − min s_i``).

>>> df = dispersion_table(["الحرب ثم السلام", "الحرب الحرب", "السلام"])
>>> row = df.set_index("token").loc["الحرب"]
>>> int(row["count"]), int(row["doc_freq"]), round(float(row["dp"]), 4)
(3, 2, 0.3333)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from arabtext.corpus.inputs import Texts, token_lists
from arabtext.counting.terms import TermCounts
from arabtext.text.normalization import Normalizer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DISPERSION_COLUMNS", "dispersion_counts", "dispersion_table", "word_dispersion"]

DISPERSION_COLUMNS = ("juilland_d", "dp")


def dispersion_counts(
    data: Texts, normalize: bool | Normalizer = True, unit: str = "word"
) -> tuple[TermCounts, pd.DataFrame]:
    """Count ``data`` once: its :class:`TermCounts` and each word's (or, ``unit="lemma"``, lemma's) dispersion (token, juilland_d, dp).

    >>> counts, disp = dispersion_counts(["قال الوزير", "وصل الوزير"])
    >>> counts.counts["الوزير"], float(disp.set_index("token").loc["الوزير", "juilland_d"])
    (2, 1.0)
    """
    import pandas as pd

    ids: dict[str, int] = {}
    word_ids, part_ids, part_counts, sizes = [], [], [], []
    terms = TermCounts()
    for words in token_lists(data, normalize, unit):
        terms.n_docs += 1
        if not words:
            continue
        counted = Counter(words)
        word_ids.append(np.fromiter((ids.setdefault(w, len(ids)) for w in counted), np.int64, len(counted)))
        part_counts.append(np.fromiter(counted.values(), np.int64, len(counted)))
        part_ids.append(np.full(len(counted), len(sizes), np.int64))
        sizes.append(len(words))
    vocabulary = np.array(list(ids), dtype=object)
    if not sizes:
        return terms, pd.DataFrame({"token": vocabulary, **{c: np.array([], float) for c in DISPERSION_COLUMNS}})
    w, d, v = (np.concatenate(a) for a in (word_ids, part_ids, part_counts))
    size = np.array(sizes, dtype=np.float64)
    f, spread, juilland, dp = _measures(w, d, v, size, len(ids))
    terms.counts = Counter(dict(zip(vocabulary, f.astype(np.int64).tolist())))
    terms.doc_freq = Counter(dict(zip(vocabulary, spread.tolist())))
    terms.total = int(size.sum())
    return terms, pd.DataFrame({"token": vocabulary, "juilland_d": juilland, "dp": dp})


def word_dispersion(counts: Sequence[int] | np.ndarray, sizes: Sequence[int] | np.ndarray) -> tuple[int, float, float]:
    """Range, Juilland's D and DP of one word, from its count in each part and each part's size in words.

    Parts of size 0 are left out, as :func:`dispersion_counts` leaves out
    documents without a word.

    >>> spread, d, dp = word_dispersion([1, 2, 0], [3, 2, 1])  # الحرب in the module's example
    >>> spread, round(d, 4), round(dp, 4)
    (2, 0.3386, 0.3333)
    """
    counts, sizes = np.asarray(counts, np.float64), np.asarray(sizes, np.float64)
    if counts.shape != sizes.shape or (counts > sizes).any() or (counts < 0).any():
        raise ValueError("counts and sizes must be one per part, with 0 ≤ count ≤ size")
    kept = sizes > 0
    counts, sizes = counts[kept], sizes[kept]
    d = np.flatnonzero(counts)
    if not len(d):
        return 0, float("nan"), float("nan")
    _, spread, juilland, dp = _measures(np.zeros(len(d), np.int64), d, counts[d], sizes, 1)
    return int(spread[0]), float(juilland[0]), float(dp[0])


def _measures(w: np.ndarray, d: np.ndarray, v: np.ndarray, size: np.ndarray, n_words: int) -> tuple[np.ndarray, ...]:
    """Frequency, range, D and DP of every word from sparse counts: word ``w[k]`` is seen ``v[k]`` times in part ``d[k]``."""
    n_parts = len(size)
    f = np.bincount(w, weights=v, minlength=n_words)
    spread = np.bincount(w, minlength=n_words)
    share = size / size.sum()
    # parts where the word is absent add |0 − s_i| = s_i: the share the word's parts leave
    dp = 0.5 * (np.bincount(w, weights=np.abs(v / f[w] - share[d]), minlength=n_words)
                + 1 - np.bincount(w, weights=share[d], minlength=n_words))
    p = v / size[d]
    mean = np.bincount(w, weights=p, minlength=n_words) / n_parts
    variance = np.maximum(np.bincount(w, weights=p * p, minlength=n_words) / n_parts - mean * mean, 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        juilland = 1 - np.sqrt(variance) / mean / np.sqrt(n_parts - 1)
    # clip: a word spread exactly as the parts can come out as -1e-17 in floating point
    return f, spread, juilland, np.clip(dp, 0, 1)


def dispersion_table(
    data: Texts, normalize: bool | Normalizer = True, stopwords: bool = False, min_count: int = 1, unit: str = "word"
) -> pd.DataFrame:
    """The frequency table with each word's dispersion over the documents: ``freq_table(data, dispersion=True)``.

    With ``unit="lemma"`` the rows are lemmas and the first column is ``lemma``.

    >>> dispersion_table(["قال الوزير", "وصل الوزير"])[["token", "doc_freq", "juilland_d", "dp"]].head(1).values.tolist()
    [['الوزير', 2, 1.0, 0.0]]
    >>> dispersion_table(["قالت الوزيرة", "قال الوزير"], unit="lemma")[["lemma", "doc_freq", "dp"]].values.tolist()
    [['قال', 2, 0.0], ['وزير', 2, 0.0]]
    """
    terms, disp = dispersion_counts(data, normalize, unit)
    table = terms.table(stopwords, min_count, "token").merge(disp, on="token", how="left", validate="one_to_one")
    return table.rename(columns={"token": "lemma"}) if unit == "lemma" else table
