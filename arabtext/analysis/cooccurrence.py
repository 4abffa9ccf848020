"""Collocations: which words keep company, counted once and scored by every measure.

Counting and scoring are apart. :class:`BigramCounts` counts word pairs on
integer arrays and merges by addition, so a corpus can be counted in pieces
(documents, files, processes) with the same result; the measures live in
:mod:`arabtext.analysis.association`. :func:`collocations` and :func:`collocates`
join the two into one DataFrame; :func:`kwic` shows a word in its contexts,
as written.

What a pair is
--------------
With ``window=k``, the pairs of a document are (wᵢ, wⱼ) for every position
i and every j with i < j ≤ i + k: w2 *follows* w1 at most k words later.
``window=1`` gives the adjacent bigrams. Pairs never cross a document
boundary (pass sentences as token lists to keep pairs inside sentences).
The contingency table of a pair (w1, w2) is then read off the table of all
pairs (Evert 2008):

- O11: pairs (w1, w2);
- R1: pairs with w1 first; C1: pairs with w2 second;
- N: all pairs, about k × (tokens − documents);
- O12 = R1 − O11, O21 = C1 − O11, O22 = N − R1 − C1 + O11; E11 = R1 C1 / N.

So every table adds up to N, and E11 comes to about k f(w1) f(w2) / tokens,
the expected co-occurrence count for a span of k words (Evert 2008, 5.2).
For k > 1, R1 and C1 are about k times the word frequencies, so Dice and
logDice come out lower than with word frequencies (logDice by about
log2 k); the ranking within a table is not affected.

NLTK's ``BigramCollocationFinder`` counts the same pairs (O11) but takes the
word frequencies as R1 and C1 and the number of tokens as N, and it reads a
corpus as one stream, so pairs cross documents. Its scores therefore differ
slightly from these: each margin by at most one per document. (For
``window_size`` > 2 it also divides O11 by ``window_size`` − 1.)

:func:`collocates` looks on both sides of a node word: its table is the pair
table plus its mirror image, so O11 counts the collocate up to ``window``
words before or after the node, and N is twice the number of pairs.

Stop words are dropped from the result *after* counting: the margins and N
still count every word, and two words with a stop word between them are
never made neighbours.

>>> texts = ["وزير الخارجية الأمريكي", "قال وزير الخارجية", "وزير الخارجية"]
>>> collocations(texts, min_count=2)[["w1", "w2", "O11"]].values.tolist()
[['وزير', 'الخارجية', 3]]
"""


from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np

from arabtext.analysis.association import check_measure, scores
from arabtext.analysis.counted import pair_counts
from arabtext.analysis.query import node_matcher
from arabtext.corpus.inputs import Stopwords, Texts
from arabtext.counting.pairs import _LOW, _SHIFT, BigramCounts, _stop_mask
from arabtext.counting.ranking import order_of, word_ranks
from arabtext.text.normalization import Normalizer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["collocations", "collocates"]


def _scored(columns: dict[str, np.ndarray], measure: str, ties: list[np.ndarray], measures: Sequence[str] | None) -> pd.DataFrame:
    """A table of ``columns`` and a column per measure (``measures``, or all), sorted by ``measure``.

    Ties: more frequent first, then by word (``ties``: the ranks of the word columns).
    """
    import pandas as pd

    if isinstance(measures, str):
        measures = [measures]
    names = None if measures is None else dict.fromkeys([*measures, measure])
    scored = scores(*(columns[cell] for cell in ("O11", "O12", "O21", "O22")), names=names)
    order = order_of([scored[measure], columns["O11"]], ties)
    # each column is put in order once and its unordered array let go at once: a
    # big corpus has hundreds of thousands of pairs and this is the peak of its counting
    for held in (columns, scored):
        for name in list(held):
            held[name] = held[name][order]
    return pd.DataFrame(columns | scored, copy=False)


def collocations(
    data: Texts | BigramCounts,
    measure: str = "llr",
    window: int = 1,
    min_count: int = 3,
    stopwords: Stopwords = True,
    normalize: bool | Normalizer = True,
    n_jobs: int | None = None,
    progress: bool = False,
    by_sentence: bool = False,
    measures: Sequence[str] | None = None,
    *,
    unit: str = "word",
) -> pd.DataFrame:
    """Word pairs scored by every association measure, sorted by ``measure``.

    ``data`` is a Corpus, a text, texts, token lists (see
    :mod:`arabtext.corpus.inputs`) or :class:`BigramCounts`. Pairs are w1 followed
    by w2 within ``window`` words (1: adjacent) and seen at least
    ``min_count`` times; pairs with a stop word are left out (``stopwords``:
    True for the bundled list, False for none, or your own words).

    Columns: w1, w2, O11, O12, O21, O22, E11 and the measures pmi, llr, t,
    chi2, dice, logdice, mi3, deltap, deltap_rev (see
    :mod:`arabtext.analysis.association`). ``measure`` is one of those names;
    ``measures`` keeps only the named ones (and ``measure``), less work and
    memory on a big corpus.
    ``n_jobs`` (processes) and ``progress`` (a bar on a terminal) are for
    big corpora; see :mod:`arabtext.counting.engine`. Pairs run across sentence
    ends unless ``by_sentence=True``, which reads each sentence of a text
    (:func:`~arabtext.text.sentence_splitter.sentences`) as a document of its own; a token
    list has no sentences left and is taken as it is. ``unit="lemma"`` pairs
    lemmas instead of words (وزير الخارجية and وزراء الخارجية are one pair).

    >>> text = "أكد وزير الخارجية أن وزير الخارجية سيزور بغداد. وزير الخارجية وصل"
    >>> collocations(text)[["w1", "w2", "O11", "llr"]].round(3).values.tolist()
    [['وزير', 'الخارجية', 3, 12.217]]
    >>> pairs = collocations(text, min_count=1, stopwords=False, by_sentence=True)
    >>> ("بغداد", "وزير") in set(zip(pairs["w1"], pairs["w2"]))
    False
    """
    check_measure(measure)
    counts = pair_counts(data, window, normalize, n_jobs, progress, by_sentence, unit)
    words, left, right, o11 = counts._kept(min_count, stopwords)
    return _scored(counts._columns(words, left, right, o11), measure, word_ranks(words, left, right), measures)


def collocates(
    data: Texts | BigramCounts,
    node: str,
    window: int = 5,
    measure: str = "llr",
    min_count: int = 3,
    stopwords: Stopwords = True,
    normalize: bool | Normalizer = True,
    side: Literal["both", "left", "right"] = "both",
    match: Literal["clitics", "exact"] = "clitics",
    n_jobs: int | None = None,
    progress: bool = False,
    by_sentence: bool = False,
    measures: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The words found near ``node`` (within ``window`` words), scored by every measure.

    ``side="both"`` looks before and after the node, ``"left"`` only before
    it, ``"right"`` only after it. ``match="clitics"`` (default) takes every
    form of the node with or without clitics as the node (القوات: والقوات،
    للقوات، قوات), as :func:`kwic` does; ``"exact"`` takes only its
    normalized form. ``n_jobs``, ``progress``, ``by_sentence`` and
    ``measures`` as for :func:`collocations`.

    Columns: collocate, O11 (co-occurrences on the chosen side), n_left and
    n_right (before and after the node), O12, O21, O22, E11, then the
    measures, with the node as w1 (``deltap``: how much the node predicts the
    collocate). Sorted by ``measure``.

    >>> text = "أطلقت الفصائل صواريخ على القوات الأمريكية. واستهدفت القوات الأمريكية قاعدة. للقوات الأمريكية"
    >>> collocates(text, "القوات", window=1, min_count=2)[["collocate", "O11", "n_left", "n_right"]].values.tolist()
    [['الامريكية', 3, 0, 3]]
    """
    check_measure(measure)
    if side not in ("both", "left", "right"):
        raise ValueError(f"side must be 'both', 'left' or 'right', got {side!r}")
    counts = pair_counts(data, window, normalize, n_jobs, progress, by_sentence)
    is_node, needle = node_matcher(node, normalize, match)
    words = np.array(counts.words, dtype=object)
    node_ids = np.array([i for i, w in enumerate(words) if needle in w and is_node(w)], dtype=np.int64)
    v = len(words)
    left, right, cnt = counts.pairs >> _SHIFT, counts.pairs & _LOW, counts.counts
    in_node = np.zeros(v, dtype=bool)
    in_node[node_ids] = True
    after, before = in_node[left], in_node[right]
    n_right = np.bincount(right[after], weights=cnt[after], minlength=v).astype(np.int64)
    n_left = np.bincount(left[before], weights=cnt[before], minlength=v).astype(np.int64)
    r1, c1 = counts.margins()
    # the node is the row word; its margin and the collocates' come from the
    # side(s) looked at (both: the pair table plus its mirror image)
    if side == "right":
        o11, node_margin, margin, n = n_right, r1[node_ids].sum(), c1, counts.n_pairs
    elif side == "left":
        o11, node_margin, margin, n = n_left, c1[node_ids].sum(), r1, counts.n_pairs
    else:
        o11, node_margin, margin, n = n_left + n_right, (r1 + c1)[node_ids].sum(), r1 + c1, 2 * counts.n_pairs
    keep = o11 >= max(min_count, 1)
    keep &= ~_stop_mask(words, np.flatnonzero(keep), stopwords)
    ids = np.flatnonzero(keep)
    o11, cols = o11[ids], margin[ids]
    table = {
        "collocate": words[ids], "O11": o11, "n_left": n_left[ids], "n_right": n_right[ids],
        "O12": node_margin - o11, "O21": cols - o11, "O22": n - node_margin - cols + o11,
        "E11": node_margin * cols / n if n else np.zeros(len(ids)),
    }
    return _scored(table, measure, word_ranks(words, ids), measures)
