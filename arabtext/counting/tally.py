"""What a chunk of a corpus is counted into: word, document and pair tallies on integer ids.

:class:`_Tally` counts words, document frequencies and pairs at once;
:class:`_Words` counts words alone, the fastest path when nothing else is
asked. Both add in corpus order (``a += b``), which is how the engine
(:mod:`arabtext.counting.engine`) merges chunks from worker processes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, NamedTuple

import numpy as np

from arabtext.counting.pairs import _LOW, _SHIFT, BigramCounts, _merge, _new_index, _padded, id_batches, pair_codes
from arabtext.counting.terms import TermCounts


class CorpusCounts(NamedTuple):
    """What one pass over a corpus counted: words (with document frequencies) and word pairs."""

    #: word counts, document frequencies, number of tokens and documents (n=1)
    words: TermCounts | None
    #: pairs within ``window`` words; None when counted with ``window=None``
    pairs: BigramCounts | None


# tokens turned into ids before numpy counts them: fewer, bigger batches merge less
# often but need more scratch memory beside the pair table (a batch may span chunks,
# and a Dask partition may be far bigger than a chunk)
_BATCH_TOKENS = 500_000

# (document, word) codes below this fit in an int32
_INT32_CODES = 1 << 31

# the counts of held runs: a batch's fit, and merges widen them to int64 before a sum
# could overflow (pairs._merge): runs take a quarter less memory, and they set the peak
_RUN_COUNTS = np.int32

# how much bigger than a new run of pair counts the run before it may be and still
# take it in: memory near one table of the distinct pairs, few merges of each code
_RUN_RATIO = 16


class _Words:
    """Word counts alone, without documents or pairs: ``Counter``'s own C loop is the fastest count."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.total = self.n_docs = 0

    def update(self, token_lists: Iterable[list[str]]) -> _Words:
        counts = self.counts
        for tokens in token_lists:
            counts.update(tokens)
            self.total += len(tokens)
            self.n_docs += 1
        return self

    def __iadd__(self, other: _Words) -> _Words:
        self.counts.update(other.counts)
        self.total += other.total
        self.n_docs += other.n_docs
        return self

    def result(self) -> CorpusCounts:
        return CorpusCounts(TermCounts(self.counts, None, self.total, self.n_docs), None)


def _counter(words: Iterable[str], counts: np.ndarray) -> Counter[str]:
    """A Counter of ``counts`` by word, filled without an intermediate dict (a vocabulary may be millions of words)."""
    out: Counter[str] = Counter()
    dict.update(out, zip(words, counts.tolist()))
    return out


def _documents_holding(ids: np.ndarray, lengths: np.ndarray, v: int) -> np.ndarray:
    """For each of ``v`` word ids, in how many of the documents (runs of ``lengths`` in ``ids``) it occurs."""
    # a (document, word) code is document * v + word: distinct codes are runs of one
    # value once sorted. The codes already ascend from one document to the next, and
    # timsort ("stable") keeps those runs, so it sorts within documents only. Measured
    # on ten 500,000-token batches of news: 126 ms with int32 codes, against 160 ms
    # with quicksort and 180 ms with int64 codes and timsort.
    dtype = np.int32 if len(lengths) * v < _INT32_CODES else np.int64
    doc = np.repeat(np.arange(len(lengths), dtype=dtype), lengths)
    seen = np.sort(doc * dtype(v) + ids.astype(dtype, copy=False), kind="stable")
    first = np.ones(len(seen), dtype=bool)
    first[1:] = seen[1:] != seen[:-1]
    return np.bincount(seen[first] % v, minlength=v)


class _Tally:
    """Word, document and pair counts on integer ids: what a chunk of a corpus comes back as.

    ``a += b`` adds counts of later documents: ``b``'s words are looked up in
    ``a``'s vocabulary and new ones take the next ids, so adding chunks in
    corpus order gives every word the id of its first occurrence, as one
    pass over the whole corpus would. Pair counts are kept as sorted runs
    of (code, count); a new run merges into the one before it while that one
    is at most :data:`_RUN_RATIO` times its size. Held runs add up to little
    more than the distinct pairs, as every run is much smaller than the one
    before it, and a big corpus still merges each code only a few times.
    """

    def __init__(self, window: int | None = 1, words: bool = True, doc_freq: bool = True) -> None:
        self.window = window
        self.words = words
        self.index = _new_index()
        self.freq = np.zeros(0, dtype=np.int64)
        self.doc_freq = np.zeros(0, dtype=np.int64) if words and doc_freq else None
        self.runs: list[tuple[np.ndarray, np.ndarray]] = []
        self.n_docs = 0

    def update(self, token_lists: Iterable[list[str]]) -> _Tally:
        for ids, lengths in id_batches(token_lists, self.index, _BATCH_TOKENS):
            self._add(ids, lengths)
        return self

    def _add(self, ids_list: list[int], lengths_list: list[int]) -> None:
        ids = np.array(ids_list, dtype=np.int64)
        lengths = np.array(lengths_list, dtype=np.int64)
        v = len(self.index)
        self.n_docs += len(lengths)
        self.freq = _padded(self.freq, v) + np.bincount(ids, minlength=v)
        if self.doc_freq is not None:
            self.doc_freq = _padded(self.doc_freq, v) + _documents_holding(ids, lengths, v)
        if self.window is not None:
            pairs = pair_codes(ids, lengths, self.window)
            del ids  # the batch's arrays go before the merge, which needs memory of its own
            codes, counts = np.unique(pairs, return_counts=True)
            if len(pairs) <= np.iinfo(_RUN_COUNTS).max:
                counts = counts.astype(_RUN_COUNTS)
            del pairs
            self._push(codes, counts)

    def _push(self, codes: np.ndarray, counts: np.ndarray) -> None:
        runs = self.runs
        runs.append((codes, counts))
        while len(runs) > 1 and len(runs[-2][0]) <= _RUN_RATIO * len(runs[-1][0]):
            later, earlier = runs.pop(), runs.pop()
            runs.append(_merge(*earlier, *later, owned=True))

    def _pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """All pair counts as one sorted run."""
        runs = self.runs
        while len(runs) > 1:
            later, earlier = runs.pop(), runs.pop()
            runs.append(_merge(*earlier, *later, owned=True))
        return runs[0] if runs else (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))

    def __iadd__(self, other: _Tally) -> _Tally:
        if (other.window, other.words, other.doc_freq is None) != (self.window, self.words, self.doc_freq is None):
            raise ValueError("cannot add counts made with other settings")
        remap = np.fromiter(map(self.index.__getitem__, other.index), dtype=np.int64, count=len(other.index))
        v = len(self.index)
        self.freq = _padded(self.freq, v)
        self.freq[remap] += other.freq
        if self.doc_freq is not None:
            self.doc_freq = _padded(self.doc_freq, v)
            self.doc_freq[remap] += other.doc_freq
        for codes, counts in other.runs:
            mapped = (remap[codes >> _SHIFT] << _SHIFT) | remap[codes & _LOW]
            order = np.argsort(mapped)
            self._push(mapped[order], counts[order])
        self.n_docs += other.n_docs
        return self

    def result(self) -> CorpusCounts:
        """The counts as TermCounts and BigramCounts; the vocabulary goes to the latter, so count no more here."""
        terms = pairs = None
        if self.words:
            terms = TermCounts(
                _counter(self.index, self.freq),
                None if self.doc_freq is None else _counter(self.index, self.doc_freq),
                int(self.freq.sum()),
                self.n_docs,
            )
        if self.window is not None:
            pairs = BigramCounts.from_arrays(self.index, self.freq, *self._pairs(), self.n_docs, self.window)
        return CorpusCounts(terms, pairs)

    def __getstate__(self) -> dict[str, Any]:
        self._pairs()  # one run travels, merged in the worker rather than by the process receiving it
        return self.__dict__
