"""Collocations: which words keep company, counted once and scored by every measure.

Counting and scoring are apart. :class:`BigramCounts` counts word pairs on
integer arrays and merges by addition, so a corpus can be counted in pieces
(documents, files, processes) with the same result; the measures live in
:mod:`arabtext.association`. :func:`collocations` and :func:`collocates`
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

import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np

from arabtext._ranking import rank_order
from arabtext.association import check_measure, scores
from arabtext.inputs import Stopwords, Texts, documents, is_stopword, stopword_set
from arabtext.normalize import Normalizer, _normalizer
from arabtext.segment import light_stem
from arabtext.tokenize import sentences, tokenize, tokens

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BigramCounts", "collocations", "collocates", "kwic", "pair_codes"]

# A pair is one int64: left id in the high 32 bits, right id in the low ones.
# Unlike id1 * V + id2, the code does not change when the vocabulary grows,
# so counts made in pieces merge without re-encoding.
_SHIFT = 32
_LOW = (1 << _SHIFT) - 1
# pairs encoded per chunk before they are counted (8 bytes each)
_CHUNK_PAIRS = 4_000_000
# codes of the smaller table looked up at once when two tables merge
_MERGE_SLICE = 1 << 18
#: the contingency columns of every collocation table
CELLS = ["O11", "O12", "O21", "O22", "E11"]


class BigramCounts:
    """Counts of word pairs within ``window`` words, mergeable by addition.

    The counting layer under :func:`collocations` and :func:`collocates`.
    Words get integer ids as they are first seen; pairs are counted with
    numpy on int64 codes, never as Python tuples. Build it from token lists
    (one list per document), add more with :meth:`update`, combine counts
    made elsewhere (another file, another process) with :meth:`merge` or
    ``+``: the tables are the same as counting everything at once.

    >>> a = BigramCounts.from_tokens([["وزير", "الخارجية", "الأمريكي"]])
    >>> b = BigramCounts.from_tokens([["قال", "وزير", "الخارجية"]])
    >>> both = a + b
    >>> both.n_tokens, both.n_pairs, both.n_docs
    (6, 4, 2)
    >>> both.table()[["w1", "w2", "O11", "O12", "O21", "O22"]].values.tolist()[0]
    ['وزير', 'الخارجية', 2, 0, 0, 2]
    """

    def __init__(self, window: int = 1) -> None:
        if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 1:
            raise ValueError(f"window must be a whole number of words ≥ 1, got {window!r}")
        self.window = int(window)
        self._index = _new_index()
        #: sorted unique pair codes (left id << 32 | right id) and their counts
        self.pairs = np.empty(0, dtype=np.int64)
        self.counts = np.empty(0, dtype=np.int64)
        #: how often each word id occurs (all tokens, including those of one-word documents)
        self.word_freq = np.empty(0, dtype=np.int64)
        self.n_docs = 0

    @classmethod
    def from_tokens(cls, token_lists: Iterable[Iterable[str]], window: int = 1) -> BigramCounts:
        """Count the pairs of every token list (one list per document).

        >>> BigramCounts.from_tokens([["ا", "ب", "ج"]], window=2).n_pairs
        3
        """
        return cls(window).update(token_lists)

    @property
    def words(self) -> list[str]:
        """The vocabulary: ``words[i]`` is the word with id ``i``."""
        return list(self._index)

    @property
    def n_tokens(self) -> int:
        """How many tokens were counted."""
        return int(self.word_freq.sum())

    @property
    def n_pairs(self) -> int:
        """N: how many pairs were counted."""
        return int(self.counts.sum())

    def update(self, token_lists: Iterable[Iterable[str]]) -> BigramCounts:
        """Count more documents into these counts; returns ``self``.

        >>> counts = BigramCounts().update([["ا", "ب"]]).update([["ا", "ب"]])
        >>> counts.n_pairs, counts.n_docs
        (2, 2)
        """
        for ids, lengths in id_batches(token_lists, self._index, max(_CHUNK_PAIRS // self.window, 1)):
            self._add(ids, lengths)
        return self

    def _add(self, ids_list: list[int], lengths_list: list[int]) -> None:
        ids = np.array(ids_list, dtype=np.int64)
        lengths = np.array(lengths_list, dtype=np.int64)
        self.n_docs += len(lengths)
        self.word_freq = _padded(self.word_freq, len(self._index)) + np.bincount(ids, minlength=len(self._index))
        codes = pair_codes(ids, lengths, self.window)
        self.pairs, self.counts = _merge(self.pairs, self.counts, *np.unique(codes, return_counts=True))

    @classmethod
    def from_arrays(
        cls,
        words: Sequence[str],
        word_freq: np.ndarray,
        pairs: np.ndarray,
        counts: np.ndarray,
        n_docs: int,
        window: int = 1,
    ) -> BigramCounts:
        """Counts made elsewhere on integer ids (see :mod:`arabtext.parallel`), as BigramCounts.

        ``words[i]`` is the word with id ``i`` and ``word_freq[i]`` its
        frequency; ``pairs`` are the sorted, distinct codes ``left id << 32 |
        right id`` (:func:`pair_codes`) and ``counts`` how often each was seen.

        >>> words = ["وزير", "الخارجية"]
        >>> counts = BigramCounts.from_arrays(words, np.array([1, 1]), np.array([0 << 32 | 1]), np.array([1]), n_docs=1)
        >>> counts.table()[["w1", "w2", "O11"]].values.tolist()
        [['وزير', 'الخارجية', 1]]
        """
        if not len(word_freq) == len(words) or not len(pairs) == len(counts):
            raise ValueError("words and word_freq, pairs and counts must have the same lengths")
        out = cls(window)
        if type(words) is _Index:
            out._index = words  # a counting's own vocabulary, handed over: no second copy of millions of words
        else:
            out._index.update((w, i) for i, w in enumerate(words))
            if len(out._index) != len(words):
                raise ValueError("words must be distinct")
        out.word_freq = np.asarray(word_freq, dtype=np.int64)
        out.pairs, out.counts = np.asarray(pairs, dtype=np.int64), np.asarray(counts, dtype=np.int64)
        out.n_docs = int(n_docs)
        return out

    def merge(self, other: BigramCounts) -> BigramCounts:
        """New counts holding both ``self`` and ``other`` (same window); ``a + b`` does the same.

        Works across vocabularies: ``other``'s ids are mapped onto ours by word.

        >>> a = BigramCounts.from_tokens([["ا", "ب"]])
        >>> a.merge(BigramCounts.from_tokens([["ب", "ا"]])).table()["O11"].tolist()
        [1, 1]
        """
        if not isinstance(other, BigramCounts):
            return NotImplemented
        if other.window != self.window:
            raise ValueError(f"cannot merge counts made with window={self.window} and window={other.window}")
        out = self.copy()
        remap = np.fromiter(map(out._index.__getitem__, other._index), dtype=np.int64, count=len(other._index))
        freq = _padded(out.word_freq, len(out._index))
        freq[remap] += _padded(other.word_freq, len(remap))
        out.word_freq = freq
        codes = (remap[other.pairs >> _SHIFT] << _SHIFT) | remap[other.pairs & _LOW]
        order = np.argsort(codes)
        out.pairs, out.counts = _merge(out.pairs, out.counts, codes[order], other.counts[order])
        out.n_docs += other.n_docs
        return out

    __add__ = merge

    def copy(self) -> BigramCounts:
        """An independent copy."""
        out = BigramCounts(self.window)
        out._index.update(self._index)
        out.pairs, out.counts, out.word_freq = self.pairs.copy(), self.counts.copy(), self.word_freq.copy()
        out.n_docs = self.n_docs
        return out

    def margins(self) -> tuple[np.ndarray, np.ndarray]:
        """(R1, C1) by word id: how many pairs each word starts, and how many it ends."""
        v = len(self._index)
        r1, c1 = np.zeros(v, dtype=np.int64), np.zeros(v, dtype=np.int64)
        # a slice at a time: the table is held, so whole-table scratch arrays would set the peak
        for start in range(0, len(self.pairs), _MERGE_SLICE):
            codes, counts = self.pairs[start:start + _MERGE_SLICE], self.counts[start:start + _MERGE_SLICE]
            # float weights are exact below 2**53 pairs
            r1 += np.bincount(codes >> _SHIFT, weights=counts, minlength=v).astype(np.int64)
            c1 += np.bincount(codes & _LOW, weights=counts, minlength=v).astype(np.int64)
        return r1, c1

    def table(self, min_count: int = 1, stopwords: Stopwords = False) -> pd.DataFrame:
        """The contingency table of every pair seen ``min_count`` times or more.

        Columns: w1, w2, O11, O12, O21, O22, E11 (see the module docstring),
        in code order. Pairs holding a stop word are left out; the margins
        still count them.

        >>> BigramCounts.from_tokens([["ا", "ب", "ا", "ب"]]).table(min_count=2)[["w1", "w2", "O11", "E11"]].values.tolist()
        [['ا', 'ب', 2, 1.3333333333333333]]
        """
        import pandas as pd

        return pd.DataFrame(self._cells(min_count, stopwords), copy=False)

    def _cells(self, min_count: int, stopwords: Stopwords) -> dict[str, np.ndarray]:
        """The columns of :meth:`table` as arrays."""
        keep = self.counts >= min_count
        codes, o11 = self.pairs[keep], self.counts[keep]
        left, right = codes >> _SHIFT, codes & _LOW
        words = np.array(self.words, dtype=object)
        stop = _stop_mask(words, keep_ids=np.concatenate([left, right]), stopwords=stopwords)
        keep = ~stop[left] & ~stop[right]
        left, right, o11 = left[keep], right[keep], o11[keep]
        r1, c1 = self.margins()
        rows, cols, n = r1[left], c1[right], self.n_pairs
        return {
            "w1": words[left], "w2": words[right],
            "O11": o11, "O12": rows - o11, "O21": cols - o11, "O22": n - rows - cols + o11,
            "E11": rows * cols / n if n else np.zeros(len(o11)),
        }

    def __repr__(self) -> str:
        return (
            f"<BigramCounts window={self.window}: {self.n_tokens:,} tokens, {len(self.pairs):,} distinct pairs "
            f"in {self.n_docs:,} documents>"
        )


def id_batches(token_lists: Iterable[Sequence[str]], index: dict[str, int], size: int) -> Iterator[tuple[list[int], list[int]]]:
    """Token lists as batches of word ids and document lengths, ``size`` ids or a little more each.

    ``index`` maps words to ids; a word it lacks gets the next id (see
    ``_new_index``). Only ids are kept until a batch is counted: 8 bytes a token.

    >>> index = _new_index()
    >>> list(id_batches([["قال", "الوزير"], ["الوزير"]], index, size=10))
    [([0, 1, 1], [2, 1])]
    """
    encode = index.__getitem__
    ids: list[int] = []
    lengths: list[int] = []
    for doc in token_lists:
        if isinstance(doc, str):
            raise TypeError("counting takes token lists; got a string (tokenize it, or wrap a token list in a list)")
        before = len(ids)
        ids.extend(map(encode, doc))
        lengths.append(len(ids) - before)
        if len(ids) >= size:
            yield ids, lengths
            ids, lengths = [], []
    if lengths:
        yield ids, lengths


def pair_codes(ids: np.ndarray, lengths: np.ndarray, window: int) -> np.ndarray:
    """The code ``left id << 32 | right id`` of every pair within ``window`` words, not crossing documents.

    ``ids`` holds the word ids of documents one after another; ``lengths``
    says how many belong to each document.

    >>> pair_codes(np.array([0, 1, 2, 1]), np.array([3, 1]), window=1).tolist() == [0 << 32 | 1, 1 << 32 | 2]
    True
    """
    # documents begun up to each token: a pair (i, i + d) is kept when no document
    # begins after i and by i + d (4 bytes a token, as batches are counted while the
    # pair table is held)
    begun = np.zeros(len(ids), dtype=np.int32)
    starts = (np.cumsum(lengths) - lengths)[lengths > 0]
    begun[starts] = 1
    begun = np.cumsum(begun, dtype=np.int32)
    return np.concatenate([((ids[:-d] << _SHIFT) | ids[d:])[begun[d:] == begun[:-d]] for d in range(1, window + 1)])


class _Index(dict):
    """Word → id, where an unseen word gets the next id.

    Not a defaultdict whose factory is its own ``__len__``: that refers to
    itself, so every index thrown away (a merged chunk's) would wait for the
    cycle collector; this one is freed at once, and pickles as a dict.
    """

    def __missing__(self, word: str) -> int:
        self[word] = n = len(self)
        return n


def _new_index() -> dict[str, int]:
    return _Index()


def _padded(a: np.ndarray, size: int) -> np.ndarray:
    return np.concatenate([a, np.zeros(size - len(a), dtype=a.dtype)]) if len(a) < size else a.copy()


def _merge(
    codes_a: np.ndarray, counts_a: np.ndarray, codes_b: np.ndarray, counts_b: np.ndarray, owned: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Add two sorted (code, count) tables; ``owned``: both count arrays may be changed in place."""
    if len(codes_a) < len(codes_b):
        codes_a, counts_a, codes_b, counts_b = codes_b, counts_b, codes_a, counts_a
    if not len(codes_b):
        return codes_a, counts_a
    # The smaller table's codes are looked up in the larger one a slice at a
    # time: found ones add to its counts (a copy unless owned), new ones are set
    # aside and then placed in order. Merges run while the whole table is held, so their
    # scratch memory sets the peak: this keeps it to a slice, the new codes and
    # one byte a code, with no sort of both tables together.
    counts = counts_a if owned else counts_a.copy()
    new_codes, new_counts, new_pos = [], [], []
    last = len(codes_a) - 1
    for start in range(0, len(codes_b), _MERGE_SLICE):
        b, b_counts = codes_b[start:start + _MERGE_SLICE], counts_b[start:start + _MERGE_SLICE]
        pos = np.searchsorted(codes_a, b)
        found = codes_a[np.minimum(pos, last)] == b
        counts[pos[found]] += b_counts[found]
        new = ~found
        new_codes.append(b[new])
        new_counts.append(b_counts[new])
        new_pos.append(pos[new])
    pos = np.concatenate(new_pos)
    if not len(pos):
        return codes_a, counts
    # the k-th new code lands after the k codes new before it
    dest = pos + np.arange(len(pos))
    from_a = np.ones(len(codes_a) + len(dest), dtype=bool)
    from_a[dest] = False
    merged_codes = np.empty(len(from_a), dtype=np.int64)
    merged_codes[from_a], merged_codes[dest] = codes_a, np.concatenate(new_codes)
    merged_counts = np.empty(len(from_a), dtype=np.int64)
    merged_counts[from_a], merged_counts[dest] = counts, np.concatenate(new_counts)
    return merged_codes, merged_counts


def _stop_mask(words: np.ndarray, keep_ids: np.ndarray, stopwords: Stopwords) -> np.ndarray:
    """A boolean per word id: is it a stop word (looked up only for ``keep_ids``)."""
    mask = np.zeros(len(words), dtype=bool)
    stop = stopword_set(stopwords)
    if stop and len(keep_ids):
        # a mask rather than np.unique, whose hashing is slow on millions of ids
        wanted = np.zeros(len(words), dtype=bool)
        wanted[keep_ids] = True
        ids = np.flatnonzero(wanted)
        mask[ids] = is_stopword(words[ids], stop)
    return mask


def _counted(
    data: Texts | BigramCounts, window: int, normalize: bool | Normalizer, n_jobs: int | None, progress: bool, by_sentence: bool
) -> BigramCounts:
    """Counts for ``data``: counted (see :mod:`arabtext.parallel`), or as given when they are counts already."""
    if isinstance(data, BigramCounts):
        if data.window != window:
            raise ValueError(f"these counts were made with window={data.window}; pass window={data.window}")
        if by_sentence:
            raise ValueError("by_sentence=True needs the texts: these pairs are counted already")
        return data
    from arabtext.parallel import count_corpus

    counts = count_corpus(_sentences_of(data) if by_sentence else data, window, normalize, n_jobs, progress, words=False).pairs
    assert counts is not None
    one_word_texts = isinstance(data, (list, tuple)) and all(isinstance(d, str) for d in data)
    if one_word_texts and counts.n_docs > 1 and counts.n_tokens == counts.n_docs:
        warnings.warn(
            f"each of the {counts.n_docs} documents is one word, so there are no pairs: a list of strings is read "
            "as one text per string; to pass the tokens of one text, wrap them in a list: [tokens]",
            stacklevel=3,
        )
    return counts


def _sentences_of(data: Texts) -> Iterator[str | Sequence[str]]:
    """Each sentence of each text of ``data`` as a text of its own; token lists as they are."""
    for _, doc in documents(data):
        if isinstance(doc, str):
            yield from sentences(doc)
        else:
            yield doc


def _scored(columns: dict[str, np.ndarray], measure: str, keys: list[str], measures: Sequence[str] | None) -> pd.DataFrame:
    """A table of ``columns`` and a column per measure (``measures``, or all), sorted by ``measure``.

    Ties: more frequent first, then by word.
    """
    import pandas as pd

    if isinstance(measures, str):
        measures = [measures]
    names = None if measures is None else dict.fromkeys([*measures, measure])
    scored = scores(*(columns[cell] for cell in ("O11", "O12", "O21", "O22")), names=names)
    order = rank_order([scored[measure], columns["O11"]], [columns[key] for key in keys])
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
) -> pd.DataFrame:
    """Word pairs scored by every association measure, sorted by ``measure``.

    ``data`` is a Corpus, a text, texts, token lists (see
    :mod:`arabtext.inputs`) or :class:`BigramCounts`. Pairs are w1 followed
    by w2 within ``window`` words (1: adjacent) and seen at least
    ``min_count`` times; pairs with a stop word are left out (``stopwords``:
    True for the bundled list, False for none, or your own words).

    Columns: w1, w2, O11, O12, O21, O22, E11 and the measures pmi, llr, t,
    chi2, dice, logdice, mi3, deltap, deltap_rev (see
    :mod:`arabtext.association`). ``measure`` is one of those names;
    ``measures`` keeps only the named ones (and ``measure``), less work and
    memory on a big corpus.
    ``n_jobs`` (processes) and ``progress`` (a bar on a terminal) are for
    big corpora; see :mod:`arabtext.parallel`. Pairs run across sentence
    ends unless ``by_sentence=True``, which reads each sentence of a text
    (:func:`~arabtext.tokenize.sentences`) as a document of its own; a token
    list has no sentences left and is taken as it is.

    >>> text = "أكد وزير الخارجية أن وزير الخارجية سيزور بغداد. وزير الخارجية وصل"
    >>> collocations(text)[["w1", "w2", "O11", "llr"]].round(3).values.tolist()
    [['وزير', 'الخارجية', 3, 12.217]]
    >>> pairs = collocations(text, min_count=1, stopwords=False, by_sentence=True)
    >>> ("بغداد", "وزير") in set(zip(pairs["w1"], pairs["w2"]))
    False
    """
    check_measure(measure)
    counts = _counted(data, window, normalize, n_jobs, progress, by_sentence)
    return _scored(counts._cells(min_count, stopwords), measure, ["w1", "w2"], measures)


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
    counts = _counted(data, window, normalize, n_jobs, progress, by_sentence)
    is_node, needle = _node_matcher(node, normalize, match)
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
    return _scored(table, measure, ["collocate"], measures)


def _node_matcher(node: str, normalize: bool | Normalizer, match: str) -> tuple[Callable[[str], bool], str]:
    """A test for "this (normalized) word is the node", and a string every such word contains."""
    if match not in ("clitics", "exact"):
        raise ValueError(f"match must be 'clitics' or 'exact', got {match!r}")
    forms = tokenize(node, normalize) if isinstance(node, str) else []
    if len(forms) != 1:
        raise ValueError(f"node must be one word, got {node!r}")
    form = forms[0]
    if match == "exact":
        return form.__eq__, form
    stem = light_stem(form)
    return (lambda word: light_stem(word) == stem), stem


def kwic(
    data: Texts,
    node: str,
    width: int = 5,
    normalize: bool | Normalizer = True,
    match: Literal["clitics", "exact"] = "clitics",
) -> pd.DataFrame:
    """A concordance: every occurrence of ``node`` with ``width`` words on each side, as written.

    The node is found through normalization and, with ``match="clitics"``,
    through clitics: القوات also finds والقوات and للقوات (the light stems
    of :func:`arabtext.segment.light_stem` are compared). The text shown is
    the original, diacritics and all; only runs of whitespace are shown as
    one space. Punctuation is shown but does not count as a word.

    Columns: left, node, right, doc (the document id), offset (where the node
    starts in the document's text; for token lists, in the tokens joined by
    spaces). Render it right to left with ``arabtext.display.kwic_html``.

    >>> text = "أطلقت الفصائل صواريخ على القوات الأمريكية، واستهدفت القواتِ في قاعدة."
    >>> kwic(text, "القوات", width=2)[["left", "node", "right", "offset"]].values.tolist()
    [['صواريخ على', 'القوات', 'الأمريكية، واستهدفت', 25], ['الأمريكية، واستهدفت', 'القواتِ', 'في قاعدة', 52]]
    """
    import pandas as pd

    if isinstance(width, bool) or not isinstance(width, (int, np.integer)) or width < 0:
        raise ValueError(f"width must be a whole number of words ≥ 0, got {width!r}")
    is_node, needle = _node_matcher(node, normalize, match)
    norm = _normalizer(()) if normalize is True else (normalize or str)
    seen: dict[str, bool] = {}
    rows = []
    for doc_id, doc in documents(data):
        text = doc if isinstance(doc, str) else " ".join(doc)
        if needle not in norm(text):
            continue
        units = [t for t in tokens(text) if t.kind not in ("punct", "symbol")]
        last = len(units) - 1
        for i, t in enumerate(units):
            hit = seen.get(t.text)
            if hit is None:
                forms = norm(t.text).split()
                hit = seen[t.text] = len(forms) == 1 and is_node(forms[0])
            if hit:
                left = text[units[max(i - width, 0)].start : t.start] if i and width else ""
                right = text[t.end : units[min(i + width, last)].end] if i < last and width else ""
                rows.append((_squash(left), t.text, _squash(right), doc_id, t.start))
    return pd.DataFrame(rows, columns=["left", "node", "right", "doc", "offset"])


def _squash(text: str) -> str:
    return " ".join(text.split())
