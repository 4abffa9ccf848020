"""Keyness: the words over- and under-used in one corpus compared with another."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from arabtext.analysis.association import llr, p_value
from arabtext.analysis.counted import Counts, term_counts
from arabtext.corpus.inputs import Stopwords, Texts, is_stopword, stopword_set
from arabtext.counting.ranking import ranked
from arabtext.text.normalization import Normalizer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["keyness"]


def keyness(
    target: Texts | Counts,
    reference: Texts | Counts,
    normalize: bool | Normalizer = True,
    stopwords: Stopwords = True,
    min_count: int = 1,
    correction: Literal["none", "williams"] = "none",
    *,
    unit: str = "word",
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
    and d still count them). ``unit="lemma"`` compares lemmas instead of
    words (both sides must then be texts, not counts).

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
    t, r = term_counts(target, normalize, unit=unit), term_counts(reference, normalize, unit=unit)
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
    df = ranked(df, ["g2"], ["token"])
    return df.rename(columns={"token": "lemma"}) if unit == "lemma" else df
