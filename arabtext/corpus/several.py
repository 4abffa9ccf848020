"""Several sources read as one corpus: the files of a glob or a list of paths, the members of an archive."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from itertools import accumulate

from arabtext.corpus.collection import Document, _Source


class _Many(_Source):
    """Parts in order, each a source; a part with a name prefixes it to its documents' ids (``name/id``).

    The prefix keeps ids unique across files that number their records
    alike (two JSON files both starting at ``record0001``), and says where
    each document came from. Each part also has metadata of its own (the
    ``file`` or archive ``member`` it is), which a document's own fields override.
    """

    def __init__(self, where: str, parts: list[tuple[str | None, _Source, dict[str, str]]]) -> None:
        self._where, self._parts = where, parts
        self._ends: list[int] | None = None

    def __str__(self) -> str:
        return self._where

    def __len__(self) -> int:
        return self._lengths()[-1] if self._parts else 0

    def known_len(self) -> int | None:
        lengths = [source.known_len() for _, source, _ in self._parts]
        return None if None in lengths else sum(lengths)  # type: ignore[arg-type]

    def ids(self) -> list[str]:
        return [_prefixed(name, doc_id) for name, source, _ in self._parts for doc_id in source.ids()]

    def read(self, position: int) -> Document:
        if position < 0:
            position += len(self)
        part = bisect_right(self._lengths(), position)
        start = self._lengths()[part - 1] if part else 0
        name, source, meta = self._parts[part]
        return _renamed(name, meta, source.read(position - start))

    def __iter__(self) -> Iterator[Document]:
        for name, source, meta in self._parts:
            for doc in source:
                yield _renamed(name, meta, doc)

    def skipped(self) -> list[tuple[str, int, str, str]]:
        return [row for _, source, _ in self._parts for row in source.skipped()]

    def _lengths(self) -> list[int]:
        if self._ends is None:
            self._ends = list(accumulate(len(source) for _, source, _ in self._parts))
        return self._ends


def _prefixed(name: str | None, doc_id: str) -> str:
    return doc_id if name is None else f"{name}/{doc_id}"


def _renamed(name: str | None, meta: dict[str, str], doc: Document) -> Document:
    if name is None and not meta:
        return doc
    return replace(doc, id=_prefixed(name, doc.id), meta={**meta, **doc.meta})


def _without_suffixes(name: str) -> str:
    """``2015/07-21.jsonl.gz`` → ``2015/07-21``: the name a part gives its documents' ids."""
    known = {".zip", ".tar", ".tgz", ".gz", ".bz2", ".xz", ".csv", ".jsonl", ".ndjson", ".json", ".txt"}
    head, _, base = name.rpartition("/")
    while "." in base and base[base.rindex("."):].lower() in known:
        base = base[: base.rindex(".")]
    return f"{head}/{base}" if head else base
