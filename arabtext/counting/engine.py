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
(:func:`arabtext.counting.pairs.pair_codes`), and each batch's sorted pair
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
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, Union

from arabtext.corpus.inputs import Texts, chunk_words, documents
from arabtext.counting import progress as _progress
from arabtext.counting.pairs import BigramCounts
from arabtext.counting.tally import CorpusCounts, _Tally, _Words
from arabtext.counting.terms import TermCounts
from arabtext.text.normalization import Normalizer, _normalizer

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["CHUNK_CHARS", "AUTO_CHARS", "CorpusCounts", "count_corpus", "count_ngrams", "n_workers"]

#: characters of text per chunk: counted at once, or sent to a worker (about 7 MB of Arabic UTF-8)
CHUNK_CHARS = 4_000_000

#: with ``n_jobs=None``, characters counted in this process before worker processes are started
AUTO_CHARS = 20_000_000

# what a token of a token list counts for in a chunk's size: a string object in a
# list takes about the memory of 32 characters of text, so a chunk of token lists
# weighs about what a chunk of texts does
_TOKEN_CHARS = 32

# how ``normalize`` travels to a worker: True/False, or a Normalizer's steps
# (a Normalizer object would carry its cache of every word seen)
_Portable = Union[bool, tuple[tuple[str, bool], ...], Normalizer]


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
    unit: str = "word",
) -> CorpusCounts:
    """Count the words and the word pairs of ``data`` in one pass, streaming, on ``n_jobs`` processes.

    ``data`` is anything the analysis functions take (see
    :mod:`arabtext.corpus.inputs`): a Corpus (``load_corpus("news.jsonl")`` streams
    it), texts, a generator of texts, token lists. ``window`` is the span
    of the pairs (1: adjacent words, ``None``: no pairs); ``words=False``
    skips the word table (the pairs still know every word's frequency),
    ``doc_freq=False`` the document frequencies (a little faster).
    ``progress=True`` shows a bar of documents and megabytes on a
    terminal when the counting takes more than a second. ``unit="lemma"``
    counts lemmas instead of words (``lemma_words`` of each document).

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
    return _drive(data, _tallies(window, words, doc_freq), normalize, n_jobs, progress, unit).result()


def count_ngrams(
    data: Texts,
    n: int = 2,
    normalize: bool | Normalizer = True,
    n_jobs: int | None = None,
    progress: bool = False,
    unit: str = "word",
) -> TermCounts:
    """Count the n-grams of ``data`` as :class:`~arabtext.counting.TermCounts`, streaming, on ``n_jobs`` processes.

    The same counts as ``TermCounts.from_tokens(token_lists(data), n)``;
    ``n_jobs``, ``progress`` and ``unit`` as for :func:`count_corpus`.

    >>> count_ngrams(["وزير الخارجية الأمريكي", "قال وزير الخارجية"]).counts.most_common(1)
    [('وزير الخارجية', 2)]
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a whole number ≥ 1, got {n!r}")
    if n == 1:
        counts = count_corpus(data, None, normalize, n_jobs, progress, unit=unit).words
        assert counts is not None
        return counts
    return _drive(data, partial(TermCounts, n=n), normalize, n_jobs, progress, unit)


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


def _drive(data: Texts, new: Callable[[], C], normalize: bool | Normalizer, n_jobs: int | None, progress: bool,
           unit: str = "word") -> C:
    """Counts of ``data``: ``new()`` filled chunk by chunk, here or in worker processes."""
    jobs = n_workers(n_jobs)
    threshold = AUTO_CHARS if n_jobs is None else 0
    total = new()
    pool: ProcessPoolExecutor | None = None
    pending: deque[tuple[Future[C], int, int]] = deque()
    words = chunk_words(normalize, unit)
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
                    total.update(words(chunk))
                    meter.add(len(chunk), nbytes)
                    continue
                pending.append((pool.submit(_count_chunk, new, chunk, _portable(normalize), unit), len(chunk), nbytes))
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


def _counted_here(chunks: Iterator[tuple[list[Any], int, int]], words: Callable[[list[Any]], Iterator[list[str]]], meter: _Meter) -> Iterator[list[str]]:
    """The words of every document of ``chunks``, the meter moved on as each chunk is done."""
    for chunk, nbytes, _ in chunks:
        yield from words(chunk)
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


def _count_chunk(new: Callable[[], C], chunk: list[Any], normalize: _Portable, unit: str) -> C:
    """In a worker: the counts of one chunk."""
    counts = new()
    counts.update(chunk_words(_restored(normalize), unit)([doc for _, doc in documents(chunk)]))
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
