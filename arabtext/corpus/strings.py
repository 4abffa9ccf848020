"""Texts given in Python: a list of strings or of Documents, numbered ``doc0001`` ... in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from arabtext.corpus.decoding import _clean
from arabtext.corpus.collection import CorpusError, Document, _Source, _warn


class _Texts(_Source):
    """Documents already in memory."""

    def __init__(self, documents: list[Document]) -> None:
        self._documents = documents

    def __len__(self) -> int:
        return len(self._documents)

    def __str__(self) -> str:
        return "a list of texts"

    def ids(self) -> list[str]:
        return [doc.id for doc in self._documents]

    def read(self, position: int) -> Document:
        return self._documents[position]

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents)


def _documents_from(items: Iterable[str | Document], strip_html: bool) -> Iterator[Document]:
    """Documents from strings (ids doc0001, ...) or Documents, lazily, ids checked unique."""
    if isinstance(items, (bytes, bytearray)):
        raise TypeError("expected a path or an iterable of texts, got bytes")
    seen: set[str] = set()
    skipped = 0
    for number, item in enumerate(items, 1):
        if isinstance(item, Document):
            doc = item
        elif isinstance(item, str):
            where = f"text {number}"
            text = _clean(item, where, strip_html)
            if not text.strip():
                _warn(f"{where}: empty, skipped")
                skipped += 1
                continue
            doc = Document(f"doc{number:04d}", text)
        else:
            raise TypeError(f"text {number}: expected a string or a Document, got {type(item).__name__}")
        if doc.id in seen:
            raise CorpusError(f"text {number}: duplicate id {doc.id!r}")
        seen.add(doc.id)
        yield doc
    if not seen:
        raise CorpusError(f"no documents: {'all texts were empty' if skipped else 'no texts given'}")
