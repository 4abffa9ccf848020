"""Counting a corpus on a Dask cluster, with the same results as on one machine.

Needs the optional extra: ``pip install "arabtext[dask]"``.

Each partition of a ``dask.bag`` (or each corpus file or folder) is counted
on a worker as :mod:`arabtext.counting.engine` counts a chunk: words become
integer ids once, pairs are counted with numpy. The partial counts are
merged in a tree (``split_every`` at a time), always in partition order,
so every word keeps the id of its first occurrence and the counts are
exactly those of :func:`arabtext.counting.count_corpus` on the same
documents in the same order.

The computation runs on Dask's current scheduler: the cluster of the
``dask.distributed.Client`` you created, or else Dask's local threads.

>>> import dask.bag as db
>>> texts = db.from_sequence(["قال وزير الخارجية", "وزير الخارجية الأمريكي"], npartitions=2)
>>> counts = count_bag(texts, scheduler="sync")
>>> counts.words.counts["وزير"], counts.pairs.n_pairs
(2, 4)
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from arabtext.corpus.collection import Errors
from arabtext.corpus.inputs import check_unit
from arabtext.corpus.loading import iter_documents
from arabtext.text.normalization import Normalizer
from arabtext.counting.engine import _count_chunk, _portable, _Portable, _tallies
from arabtext.counting.tally import CorpusCounts, _Tally

try:
    import dask.bag as db
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        f"arabtext.counting.distributed needs Dask ({error}); install it with: pip install \"arabtext[dask]\""
    ) from error

if TYPE_CHECKING:
    from dask.bag import Bag

__all__ = ["count_bag", "count_paths"]


class _Part(NamedTuple):
    """Counts of some partitions, and the warnings raised while reading them (to re-issue here)."""

    counts: _Tally
    warned: list[tuple[str, type[Warning]]]


def count_bag(
    bag: Bag,
    window: int | None = 1,
    normalize: bool | Normalizer = True,
    *,
    words: bool = True,
    split_every: int | None = None,
    scheduler: str | None = None,
    unit: str = "word",
) -> CorpusCounts:
    """Count the words and word pairs of a ``dask.bag`` of texts, Documents or token lists.

    Takes what :func:`arabtext.counting.count_corpus` takes, one document
    per item, and returns the same counts. ``split_every`` partial counts
    are merged at a time (Dask's default: 8); ``scheduler`` is passed to
    ``compute`` (None: the current client, if any); ``unit="lemma"`` counts
    lemmas.

    >>> import dask.bag as db
    >>> bag = db.from_sequence([["وزير", "الخارجية"], ["وزير", "الخارجية"]], npartitions=2)
    >>> count_bag(bag, window=1, scheduler="sync").pairs.table()[["w1", "w2", "O11"]].values.tolist()
    [['وزير', 'الخارجية', 2]]
    """
    new = _tallies(window, words)
    part = bag.reduction(
        partial(_count_partition, new, _portable(normalize), check_unit(unit)),
        partial(_added, new),
        split_every=split_every,
        name="arabtext-count",
    )
    return _finished(part.compute(scheduler=scheduler))


def count_paths(
    paths: Sequence[str | os.PathLike[str]],
    window: int | None = 1,
    normalize: bool | Normalizer = True,
    *,
    words: bool = True,
    split_every: int | None = None,
    scheduler: str | None = None,
    unit: str = "word",
    errors: Errors = "strict",
    strip_html: bool = False,
    text_column: str = "text",
    encoding: str = "utf-8",
    path_fields: Sequence[str] = (),
    on_bad_records: str = "raise",
) -> CorpusCounts:
    """Count the corpora at ``paths`` (files, folders, archives, as ``load_corpus`` reads them) on Dask's workers.

    Each path is read by a worker (so the paths must be readable there: a
    shared file system, or a cluster on this machine); warnings about
    skipped documents come back and are issued here. The counts are those
    of counting the documents of every path in order, in one process.
    Put big corpora in many files: one file (or archive) is one task. The
    reading options are those of ``load_corpus``.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("قال وزير الخارجية", encoding="utf-8")
    >>> _ = (folder / "b.jsonl").write_text('{"text": "وزير الخارجية"}', encoding="utf-8")
    >>> counts = count_paths([folder / "a.txt", folder / "b.jsonl"], scheduler="sync")
    >>> counts.words.n_docs, counts.words.counts["وزير"]
    (2, 2)
    """
    if isinstance(paths, (str, os.PathLike)):
        raise TypeError("paths must be a list of paths; for one corpus, pass [path]")
    new = _tallies(window, words)
    bag = db.from_sequence([os.fspath(p) for p in paths], npartitions=max(len(paths), 1))
    options = {
        "errors": errors, "strip_html": strip_html, "text_column": text_column, "encoding": encoding,
        "path_fields": tuple(path_fields), "on_bad_records": on_bad_records,
    }
    read = partial(_read_paths, options)
    part = bag.reduction(
        partial(_count_partition, new, _portable(normalize), check_unit(unit), read=read),
        partial(_added, new),
        split_every=split_every,
        name="arabtext-count-paths",
    )
    return _finished(part.compute(scheduler=scheduler))


def _count_partition(
    new: Callable[[], _Tally],
    normalize: _Portable,
    unit: str,
    items: Iterable[Any],
    read: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
) -> _Part:
    """On a worker: the counts of one partition, and what was warned about while reading it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        counts = _count_chunk(new, read(items) if read else items, normalize, unit)
    return _Part(counts, [(str(w.message), w.category) for w in caught])


def _read_paths(options: dict[str, Any], paths: Iterable[str]) -> Iterable[Any]:
    for path in paths:
        yield from iter_documents(path, **options)


def _added(new: Callable[[], _Tally], parts: Iterable[_Part]) -> _Part:
    # into fresh counts: a part may be kept by Dask and used again (a retried task)
    total, warned = new(), []
    for part in parts:
        total += part.counts
        warned += part.warned
    return _Part(total, warned)


def _finished(part: _Part) -> CorpusCounts:
    for message, category in part.warned:
        warnings.warn(message, category, stacklevel=3)
    return part.counts.result()
