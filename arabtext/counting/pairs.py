"""Word-pair counts on integer arrays: the counting layer under collocations.

A pair is one int64 code (left word id, right word id); :class:`BigramCounts`
holds sorted codes and their counts and merges by addition, so a corpus
counted in pieces (documents, files, processes) gives the same tables. What
a pair is and how its contingency table is read is told in
:mod:`arabtext.analysis.cooccurrence`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np

from arabtext.corpus.inputs import Stopwords, is_stopword, stopword_set

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BigramCounts", "CELLS", "id_batches", "pair_codes"]

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
        """Counts made elsewhere on integer ids (see :mod:`arabtext.counting.engine`), as BigramCounts.

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
        return self._columns(*self._kept(min_count, stopwords))

    def _kept(self, min_count: int, stopwords: Stopwords) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The vocabulary as an array, and the left ids, right ids and counts of the pairs :meth:`table` shows."""
        keep = self.counts >= min_count
        codes, o11 = self.pairs[keep], self.counts[keep]
        left, right = codes >> _SHIFT, codes & _LOW
        words = np.array(self.words, dtype=object)
        stop = _stop_mask(words, keep_ids=np.concatenate([left, right]), stopwords=stopwords)
        keep = ~stop[left] & ~stop[right]
        return words, left[keep], right[keep], o11[keep]

    def _columns(self, words: np.ndarray, left: np.ndarray, right: np.ndarray, o11: np.ndarray) -> dict[str, np.ndarray]:
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
    if counts_a.dtype != np.int64 and int(counts_a.max(initial=0)) + int(counts_b.max(initial=0)) > np.iinfo(counts_a.dtype).max:
        # narrow counts (see arabtext.counting.tally) widen before a sum could overflow them
        counts_a, counts_b, owned = counts_a.astype(np.int64), counts_b.astype(np.int64), True
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
    merged_counts = np.empty(len(from_a), dtype=counts.dtype)
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
