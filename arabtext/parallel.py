"""Counting big corpora: one streaming pass, words as integer ids, several processes.

:func:`count_corpus` is what ``freq_table``, ``word_counts``, ``keyness``,
``zipf``, ``ttr``, ``collocations`` and ``collocates`` count texts with; call
it yourself to count a big corpus once and make every table from the counts.

How the counting goes
---------------------
Documents are read one at a time and gathered into *chunks* of about
:data:`CHUNK_CHARS` characters. Their words are mapped to integer ids once
(one dictionary look-up per token), a batch of about half a million
tokens at a time; word frequencies, document frequencies and the codes of
word pairs are then computed with numpy on those ids
(:func:`arabtext.collocations.pair_codes`), and each batch's sorted pair
counts are merged into the table of those before it. Memory holds a chunk
of text (one per worker, and as many again waiting) and grows with the
vocabulary and the number of distinct pairs, not with the corpus.

With more than one job, this process reads the documents and sends the
*texts* of each chunk to worker processes; each worker counts its chunk and
sends back the counts, and this process merges them in corpus order. A
word keeps the id of its first occurrence in the corpus, so the counts are
exactly those of one process: the same numbers, the same order.

``n_jobs``
----------
- ``1``: this process only.
- ``k > 1``: ``k`` worker processes, started only when the corpus is more
  than one chunk (about 7 MB of Arabic text): a short corpus is counted here.
- ``-1``: one worker per CPU (``-2``: all CPUs but one ...).
- ``None`` (default): this process for the first :data:`AUTO_CHARS`
  characters (about 35 MB of Arabic text); a corpus that goes on beyond
  them is shared among all CPUs. The sample article never starts a process.

Worker processes are started with ``forkserver`` (``spawn`` where there is
none), so in a script call these functions under
``if __name__ == "__main__":``, as for any multiprocessing.

>>> counts = count_corpus(["قال وزير الخارجية", "وزير الخارجية الأمريكي"])
>>> counts.words.counts["وزير"], counts.words.doc_freq["الخارجية"], counts.pairs.n_pairs
(2, 2, 4)
"""

from __future__ import annotations

import os
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar, Union

import numpy as np

from arabtext import _progress
from arabtext.collocations import _LOW, _SHIFT, BigramCounts, _merge, _new_index, _padded, id_batches, pair_codes
from arabtext.frequency import TermCounts
from arabtext.inputs import Texts, document_words, documents, token_lists
from arabtext.normalize import Normalizer, _normalizer

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["CHUNK_CHARS", "AUTO_CHARS", "CorpusCounts", "count_corpus", "count_ngrams", "n_workers"]

#: characters of text per chunk: counted at once, or sent to a worker (about 7 MB of Arabic UTF-8)
CHUNK_CHARS = 4_000_000
#: with ``n_jobs=None``, characters counted in this process before worker processes are started
AUTO_CHARS = 20_000_000
# tokens turned into ids before numpy counts them: fewer, bigger batches merge less
# often but need more scratch memory beside the pair table (a batch may span chunks,
# and a Dask partition may be far bigger than a chunk)
_BATCH_TOKENS = 500_000
# how much bigger than a new run of pair counts the run before it may be and still
# take it in: memory near one table of the distinct pairs, few merges of each code
_RUN_RATIO = 16
# what a token of a token list counts for in a chunk's size: a string object in a
# list takes about the memory of 32 characters of text, so a chunk of token lists
# weighs about what a chunk of texts does
_TOKEN_CHARS = 32

# how ``normalize`` travels to a worker: True/False, or a Normalizer's steps
# (a Normalizer object would carry its cache of every word seen)
_Portable = Union[bool, tuple[tuple[str, bool], ...], Normalizer]


class CorpusCounts(NamedTuple):
    """What one pass over a corpus counted: words (with document frequencies) and word pairs."""

    #: word counts, document frequencies, number of tokens and documents (n=1)
    words: TermCounts | None
    #: pairs within ``window`` words; None when counted with ``window=None``
    pairs: BigramCounts | None


class _Counts(Protocol):
    """What the driver needs of counts: counting token lists, and adding counts of later documents."""

    def update(self, token_lists: Iterable[list[str]]) -> Any: ...

    def __iadd__(self, other: Any) -> Any: ...


C = TypeVar("C", bound=_Counts)


def count_corpus(
    data: Texts,
    window: int | None = 1,
    normalize: bool | Normalizer = True,
    n_jobs: int | None = None,
    progress: bool = False,
    *,
    words: bool = True,
    doc_freq: bool = True,
) -> CorpusCounts:
    """Count the words and the word pairs of ``data`` in one pass, streaming, on ``n_jobs`` processes.

    ``data`` is anything the analysis functions take (see
    :mod:`arabtext.inputs`): a Corpus (``load_corpus("news.jsonl")`` streams
    it), texts, a generator of texts, token lists. ``window`` is the span
    of the pairs (1: adjacent words, ``None``: no pairs); ``words=False``
    skips the word table (the pairs still know every word's frequency),
    ``doc_freq=False`` the document frequencies (a little faster).
    ``progress=True`` shows a bar of documents and megabytes on a
    terminal when the counting takes more than a second.

    The counts are the same as ``TermCounts.from_tokens`` and
    ``BigramCounts.from_tokens`` give, whatever ``n_jobs`` is. Make the
    tables from them without counting again: ``freq_table(counts.words)``,
    ``keyness(counts.words, other.words)``, ``collocations(counts.pairs)``.

    >>> counts = count_corpus(["أكد وزير الخارجية", "وزير الخارجية"], window=2)
    >>> counts.words.n_docs, counts.words.total, counts.pairs.n_pairs
    (2, 5, 4)
    >>> counts.pairs.table(min_count=2)[["w1", "w2", "O11"]].values.tolist()
    [['وزير', 'الخارجية', 2]]
    """
    return _drive(data, _tallies(window, words, doc_freq), normalize, n_jobs, progress).result()


def count_ngrams(
    data: Texts,
    n: int = 2,
    normalize: bool | Normalizer = True,
    n_jobs: int | None = None,
    progress: bool = False,
) -> TermCounts:
    """Count the n-grams of ``data`` as :class:`~arabtext.frequency.TermCounts`, streaming, on ``n_jobs`` processes.

    The same counts as ``TermCounts.from_tokens(token_lists(data), n)``;
    ``n_jobs`` and ``progress`` as for :func:`count_corpus`.

    >>> count_ngrams(["وزير الخارجية الأمريكي", "قال وزير الخارجية"]).counts.most_common(1)
    [('وزير الخارجية', 2)]
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a whole number ≥ 1, got {n!r}")
    if n == 1:
        counts = count_corpus(data, None, normalize, n_jobs, progress).words
        assert counts is not None
        return counts
    return _drive(data, partial(TermCounts, n=n), normalize, n_jobs, progress)


def n_workers(n_jobs: int | None) -> int:
    """How many processes ``n_jobs`` asks for on this machine (``None``: all CPUs, as ``-1``).

    >>> n_workers(1), n_workers(-1) == n_workers(None) >= 1
    (1, True)
    """
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, (int, type(None))) or n_jobs == 0:
        raise ValueError(f"n_jobs must be None, a whole number ≥ 1, or -1 for every CPU, got {n_jobs!r}")
    if n_jobs is not None and n_jobs > 0:
        return n_jobs
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(cpus + 1 + (n_jobs or -1), 1)


def _tallies(window: int | None, words: bool, doc_freq: bool = True) -> Callable[[], _Tally | _Words]:
    """What makes empty counts of words (``words``, ``doc_freq``) and pairs (``window``), the settings checked."""
    if window is not None:
        BigramCounts(window)  # checks the window
    elif not words:
        raise ValueError("nothing to count: words=False and window=None")
    elif not doc_freq:
        return _Words
    return partial(_Tally, window, words, doc_freq)


# --- the driver: chunks counted here, or in workers and merged in order ------------------


def _drive(data: Texts, new: Callable[[], C], normalize: bool | Normalizer, n_jobs: int | None, progress: bool) -> C:
    """Counts of ``data``: ``new()`` filled chunk by chunk, here or in worker processes."""
    jobs = n_workers(n_jobs)
    threshold = AUTO_CHARS if n_jobs is None else 0
    total = new()
    pool: ProcessPoolExecutor | None = None
    pending: deque[tuple[Future[C], int, int]] = deque()
    words = document_words(normalize)
    with _Meter(progress) as meter:
        chunks = _chunks(documents(data), meter.on)
        if jobs == 1:
            # one stream, so a batch of ids may span chunks: fewer, larger pair tables to merge
            total.update(_counted_here(chunks, words, meter))
            return total
        try:
            # a pool only for a corpus of more than one chunk: read one ahead to know
            for chunk, nbytes, read, last in _last_marked(chunks):
                if pool is None and not last and read > threshold:
                    pool = _pool(jobs)
                if pool is None:
                    total.update(map(words, chunk))
                    meter.add(len(chunk), nbytes)
                    continue
                pending.append((pool.submit(_count_chunk, new, chunk, _portable(normalize)), len(chunk), nbytes))
                # merge what is done; wait when every worker has a chunk and one more is queued
                while pending and (len(pending) > jobs or pending[0][0].done()):
                    future, docs, size = pending.popleft()
                    total += future.result()
                    meter.add(docs, size)
            for future, docs, size in pending:
                total += future.result()
                meter.add(docs, size)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
    return total


def _chunks(docs: Iterator[tuple[str, Any]], measure: bool) -> Iterator[tuple[list[Any], int, int]]:
    """(chunk, its UTF-8 bytes if ``measure``, characters read so far) for the documents.

    A chunk holds whole documents, about :data:`CHUNK_CHARS` characters of
    text; a token counts as :data:`_TOKEN_CHARS`.
    """
    chunk: list[Any] = []
    size = nbytes = read = 0
    for _, doc in docs:
        chunk.append(doc)
        chars = len(doc) if isinstance(doc, str) else len(doc) * _TOKEN_CHARS
        size += chars
        read += chars
        if measure:
            nbytes += len((doc if isinstance(doc, str) else " ".join(doc)).encode("utf-8"))
        if size >= CHUNK_CHARS:
            yield chunk, nbytes, read
            chunk, size, nbytes = [], 0, 0
    if chunk:
        yield chunk, nbytes, read


def _counted_here(chunks: Iterator[tuple[list[Any], int, int]], words: Callable[[Any], list[str]], meter: _Meter) -> Iterator[list[str]]:
    """The words of every document of ``chunks``, the meter moved on as each chunk is done."""
    for chunk, nbytes, _ in chunks:
        yield from map(words, chunk)
        meter.add(len(chunk), nbytes)


def _last_marked(chunks: Iterator[tuple[list[Any], int, int]]) -> Iterator[tuple[list[Any], int, int, bool]]:
    """The chunks, each with "is it the last one", reading one ahead."""
    ahead = next(chunks, None)
    if ahead is None:
        return
    for chunk in chunks:
        yield (*ahead, False)
        ahead = chunk
    yield (*ahead, True)


def _count_chunk(new: Callable[[], C], chunk: list[Any], normalize: _Portable) -> C:
    """In a worker: the counts of one chunk."""
    counts = new()
    counts.update(token_lists(chunk, _restored(normalize)))
    return counts


def _portable(normalize: bool | Normalizer) -> _Portable:
    if type(normalize) is Normalizer:
        return tuple(sorted(normalize.steps.items()))
    return normalize


def _restored(normalize: _Portable) -> bool | Normalizer:
    return _normalizer(normalize) if isinstance(normalize, tuple) else normalize


def _pool(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # not fork: forking a process that runs threads (Jupyter, tqdm, dask) can deadlock
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method))


class _Meter:
    """Documents and megabytes counted, on a progress bar when asked for and on a terminal."""

    def __init__(self, wanted: bool) -> None:
        self.on = wanted and _progress.enabled()
        self._bar: Any = None
        self._docs = 0
        if self.on:
            from tqdm import tqdm

            self._bar = tqdm(
                desc="counting", unit="B", unit_scale=True, delay=_progress.DELAY,
                file=sys.stderr, leave=False, dynamic_ncols=True,
            )

    def add(self, docs: int, nbytes: int) -> None:
        if self._bar is not None:
            self._docs += docs
            self._bar.set_postfix_str(f"{self._docs:,} documents", refresh=False)
            self._bar.update(nbytes)

    def __enter__(self) -> _Meter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()


# --- the counts -----------------------------------------------------------------------------


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
    doc = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    seen = np.sort((doc << _SHIFT) | ids)  # distinct (document, word) codes are runs of one value
    first = np.ones(len(seen), dtype=bool)
    first[1:] = seen[1:] != seen[:-1]
    return np.bincount(seen[first] & _LOW, minlength=v)


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
            codes, counts = np.unique(pair_codes(ids, lengths, self.window), return_counts=True)
            del ids  # the batch's arrays go before the merge, which needs memory of its own
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
