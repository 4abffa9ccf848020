"""Association measures: each a short numpy function of a 2×2 contingency table.

Counting happens elsewhere (:mod:`arabtext.counting.pairs` counts word pairs,
:mod:`arabtext.analysis.keywords` counts words in two corpora); scoring happens here.
Every measure takes the four observed cells as arrays (or numbers) and
returns an array, so a whole table is scored in one call. In the notation of
Evert (2008), for a pair (w1, w2)::

               w2       not w2
    w1        O11        O12       R1 = O11 + O12
    not w1    O21        O22       R2 = O21 + O22
              C1 = O11+O21  C2 = O12+O22     N

    E11 = R1 × C1 / N  (the count of the pair expected if w1 and w2 were independent)

>>> float(pmi(10, 90, 40, 9860))
4.321928094887363
>>> round(float(logdice(10, 90, 40, 9860)), 4)
11.0931

The two-sided tests (``llr``, ``chi2``) carry a sign, positive when
O11 > E11, so that sorting by them puts attracted pairs first and pairs that
avoid each other last (Evert 2008, sec. 6.2); their size is the usual
statistic. References:

- Church, K. & Hanks, P. (1990). Word association norms, mutual information,
  and lexicography. *Computational Linguistics* 16(1). (PMI)
- Dunning, T. (1993). Accurate methods for the statistics of surprise and
  coincidence. *Computational Linguistics* 19(1). (G²)
- Manning, C. & Schütze, H. (1999). *Foundations of Statistical Natural
  Language Processing*, ch. 5. (t, χ²)
- Dice, L. R. (1945). Measures of the amount of ecologic association between
  species. *Ecology* 26(3).
- Daille, B. (1994). *Approche mixte pour l'extraction automatique de
  terminologie*. PhD thesis, Paris 7. (MI3)
- Rychlý, P. (2008). A lexicographer-friendly association score. *RASLAN 2008*. (logDice)
- Gries, S. Th. (2013). 50-something years of work on collocations.
  *International Journal of Corpus Linguistics* 18(1). (ΔP)
- Evert, S. (2008). Corpora and collocations. In Lüdeling & Kytö (eds.),
  *Corpus Linguistics: An International Handbook*, art. 58.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Union

import numpy as np

ArrayLike = Union[np.ndarray, float, int]


def _cells(o11: ArrayLike, o12: ArrayLike, o21: ArrayLike, o22: ArrayLike) -> tuple[np.ndarray, ...]:
    # float64 from the start: products of counts overflow int64 on big corpora
    return tuple(np.asarray(x, dtype=np.float64) for x in (o11, o12, o21, o22))


def expected(o11: ArrayLike, o12: ArrayLike, o21: ArrayLike, o22: ArrayLike) -> np.ndarray:
    """E11 = R1 × C1 / N, the count of the pair expected under independence.

    >>> float(expected(10, 90, 40, 9860))
    0.5
    """
    o11, o12, o21, o22 = _cells(o11, o12, o21, o22)
    return (o11 + o12) * (o11 + o21) / (o11 + o12 + o21 + o22)


def pmi(o11: ArrayLike, o12: ArrayLike, o21: ArrayLike, o22: ArrayLike) -> np.ndarray:
    """Pointwise mutual information, PMI = log2(O11 / E11) (Church & Hanks 1990).

    Rewards rare pairs: two words seen once, side by side, score highest.

    >>> float(pmi(10, 90, 40, 9860))  # seen 10 times where 0.5 was expected: log2(20)
    4.321928094887363
    """
    return np.log2(np.asarray(o11, dtype=np.float64) / expected(o11, o12, o21, o22))


def llr(o11: ArrayLike, o12: ArrayLike, o21: ArrayLike, o22: ArrayLike) -> np.ndarray:
    """Log-likelihood ratio G² = 2 Σᵢⱼ Oᵢⱼ ln(Oᵢⱼ / Eᵢⱼ) over the four cells (Dunning 1993).

    Eᵢⱼ = Rᵢ Cⱼ / N; a cell with Oᵢⱼ = 0 adds 0. Signed: negative when O11 < E11.

    >>> round(float(llr(10, 90, 40, 9860)), 6)
    43.813712
    """
    o11, o12, o21, o22 = cells = _cells(o11, o12, o21, o22)
    n = o11 + o12 + o21 + o22
    rows, cols = (o11 + o12, o21 + o22), (o11 + o21, o12 + o22)
    # Summed as written, the O22 term of a big corpus is a huge count times the log
    # of a ratio near 1, and the sum loses digits to cancellation (1e-9 relative
    # at N = 10^7). Since Σ(O - E) = 0, G²/2 = Σ E·φ(u) with u = (O - E)/E and
    # φ(u) = (1+u)ln(1+u) - u ≥ 0: four non-negative terms, nothing cancels.
    # O - E is ±D/N in every cell, D = O11·O22 - O12·O21.
    d = o11 * o22 - o12 * o21
    half = np.zeros(np.broadcast(*cells).shape)
    for o, (i, j) in zip(cells, ((0, 0), (0, 1), (1, 0), (1, 1))):
        e = rows[i] * cols[j] / n
        with np.errstate(divide="ignore", invalid="ignore"):
            u = (d if i == j else -d) / (n * e)
        half = half + np.where(o > 0, e * _phi(u), e)  # φ(-1) = 1: an empty cell adds E
    return np.sign(d) * 2 * half


def _phi(u: np.ndarray) -> np.ndarray:
    """(1+u)·ln(1+u) - u, accurate for small u (a series where the formula would cancel)."""
    u = np.asarray(u, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        direct = (1 + u) * np.log1p(u) - u
    series = u * u * (1 / 2 - u * (1 / 6 - u * (1 / 12 - u * (1 / 20 - u / 30))))
    return np.where(np.abs(u) < 1e-3, series, direct)


def t_score(o11: ArrayLike, o12: ArrayLike, o21: ArrayLike, o22: ArrayLike) -> np.ndarray:
    """t-score, t = (O11 − E11) / √O11 (Manning & Schütze 1999, 5.3.1).

    Rewards frequent pairs; grows with the square root of the pair count.

    >>> round(float(t_score(10, 90, 40, 9860)), 6)
    3.004164
    """
    o11 = np.asarray(o11, dtype=np.float64)
    return (o11 - expected(o11, o12, o21, o22)) / np.sqrt(o11)


def chi2(o11: ArrayLike, o12: ArrayLike, o21: ArrayLike, o22: ArrayLike) -> np.ndarray:
    """Pearson's χ² = N (O11 O22 − O12 O21)² / (R1 R2 C1 C2) (Manning & Schütze 1999, 5.3.3).

    No continuity correction. Signed: negative when O11 < E11.

    >>> round(float(chi2(10, 90, 40, 9860)), 6)
    183.239429
    """
    o11, o12, o21, o22 = _cells(o11, o12, o21, o22)
    n = o11 + o12 + o21 + o22
    det = o11 * o22 - o12 * o21
    return np.sign(det) * n * det**2 / ((o11 + o12) * (o21 + o22) * (o11 + o21) * (o12 + o22))


def dice(o11: ArrayLike, o12: ArrayLike, o21: ArrayLike, o22: ArrayLike) -> np.ndarray:
    """Dice coefficient, 2 O11 / (R1 + C1) (Dice 1945): 1 when the two words only ever occur together.

    >>> float(dice(10, 90, 40, 9860))
    0.13333333333333333
    """
    o11, o12, o21, _ = _cells(o11, o12, o21, o22)
    return 2 * o11 / (2 * o11 + o12 + o21)


def logdice(o11: ArrayLike, o12: ArrayLike, o21: ArrayLike, o22: ArrayLike) -> np.ndarray:
    """logDice = 14 + log2(2 O11 / (R1 + C1)) (Rychlý 2008).

    At most 14 (the words only occur together); independent of corpus size,
    so scores compare across corpora.

    >>> round(float(logdice(10, 90, 40, 9860)), 6)
    11.093109
    """
    return 14 + np.log2(dice(o11, o12, o21, o22))


def mi3(o11: ArrayLike, o12: ArrayLike, o21: ArrayLike, o22: ArrayLike) -> np.ndarray:
    """MI3 = log2(O11³ / E11) (Daille 1994): PMI with the pair count cubed, so frequent pairs win.

    >>> round(float(mi3(10, 90, 40, 9860)), 6)
    10.965784
    """
    o11 = np.asarray(o11, dtype=np.float64)
    return np.log2(o11**3 / expected(o11, o12, o21, o22))


def deltap(o11: ArrayLike, o12: ArrayLike, o21: ArrayLike, o22: ArrayLike) -> np.ndarray:
    """ΔP(w2 | w1) = O11 / R1 − O21 / R2 (Gries 2013): how much w1 raises the chance of w2.

    Directional: P(w2 after w1) minus P(w2 after any other word); between −1 and 1.

    >>> round(float(deltap(10, 90, 40, 9860)), 6)
    0.09596
    """
    o11, o12, o21, o22 = _cells(o11, o12, o21, o22)
    return o11 / (o11 + o12) - o21 / (o21 + o22)


def deltap_rev(o11: ArrayLike, o12: ArrayLike, o21: ArrayLike, o22: ArrayLike) -> np.ndarray:
    """ΔP(w1 | w2) = O11 / C1 − O12 / C2 (Gries 2013): how much w2 raises the chance of w1.

    >>> round(float(deltap_rev(10, 90, 40, 9860)), 6)
    0.190955
    """
    return deltap(o11, o21, o12, o22)


#: every measure by the name the tables, the CLI and ``measure=`` use
MEASURES: dict[str, Callable[..., np.ndarray]] = {
    "pmi": pmi,
    "llr": llr,
    "t": t_score,
    "chi2": chi2,
    "dice": dice,
    "logdice": logdice,
    "mi3": mi3,
    "deltap": deltap,
    "deltap_rev": deltap_rev,
}


# rows of a table scored at once by scores()
_SLICE = 1 << 16


def check_measure(measure: str) -> str:
    """``measure`` if it names a measure; otherwise a ValueError listing the names.

    >>> check_measure("logdice")
    'logdice'
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of: {', '.join(MEASURES)}")
    return measure


def scores(
    o11: ArrayLike, o12: ArrayLike, o21: ArrayLike, o22: ArrayLike, names: Iterable[str] | None = None
) -> dict[str, np.ndarray]:
    """The measures ``names`` (every measure of ``MEASURES`` when None) on the same cells, by name.

    >>> sorted(scores(10, 90, 40, 9860))[:3]
    ['chi2', 'deltap', 'deltap_rev']
    >>> list(scores(10, 90, 40, 9860, names=["logdice", "pmi"]))
    ['logdice', 'pmi']
    """
    chosen = list(MEASURES) if names is None else [check_measure(name) for name in names]
    cells = np.broadcast_arrays(*(np.asarray(cell) for cell in (o11, o12, o21, o22)))
    with np.errstate(divide="ignore", invalid="ignore"):
        if cells[0].ndim != 1 or len(cells[0]) <= _SLICE:
            return {name: MEASURES[name](o11, o12, o21, o22) for name in chosen}
        # a slice at a time: a measure makes a dozen scratch arrays the size of its
        # input, and a big corpus's table has hundreds of thousands of rows
        out = {name: np.empty(len(cells[0])) for name in chosen}
        for start in range(0, len(cells[0]), _SLICE):
            part = [cell[start:start + _SLICE] for cell in cells]
            for name in chosen:
                out[name][start:start + _SLICE] = MEASURES[name](*part)
        return out


def p_value(statistic: ArrayLike) -> np.ndarray:
    """Upper-tail p-value of |statistic| under χ² with one degree of freedom (G² or χ² on a 2×2 table).

    Uses P(χ²₁ > x) = erfc(√(x / 2)), so scipy is not needed.

    >>> round(float(p_value(3.841459)), 4)
    0.05
    """
    x = np.abs(np.asarray(statistic, dtype=np.float64))
    return np.vectorize(math.erfc, otypes=[np.float64])(np.sqrt(x / 2))
