"""What a corpus is: ``Document(id, text, meta)`` in a lazy sequence, and the errors and warnings of reading one."""

from __future__ import annotations

import sys
import warnings
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, overload

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Corpus", "CorpusError", "CorpusWarning", "Document", "Errors"]


Errors = Literal["strict", "replace"]


class CorpusError(ValueError):
    """Input that cannot be read as a corpus; the message names the file and the problem."""


class CorpusWarning(UserWarning):
    """Something skipped or suspicious while loading; the message names the file."""


@dataclass(frozen=True, slots=True)
class Document:
    """One text of a corpus.

    ``id`` is unique within its corpus, ``text`` is logical-order Unicode with
    ``\\n`` line ends, and ``meta`` holds everything else known about the text:
    the ``file`` it came from and the columns of ``metadata.csv``, or the other
    fields of its CSV row or JSON line.

    >>> doc = Document("d1", "السلام عليكم", {"source": "مثال"})
    >>> doc.text.split(), doc.meta["source"]
    (['السلام', 'عليكم'], 'مثال')
    """

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


class Corpus(Sequence[Document]):
    """A sequence of Documents from one source; build it with :func:`load_corpus`.

    Iteration holds one text at a time; texts are never cached.

    - folder: ``len()`` and ``ids`` come from the listing made by
      ``load_corpus``; ``corpus[i]`` reads one file, iteration one file at a time.
    - CSV/JSONL: iteration streams the file line by line. ``len()``, ``ids``
      and ``corpus[i]`` need an index: the byte offset, line and id of every
      record. A complete iteration leaves it behind; otherwise the first of
      them reads the file once to build it. ``corpus[i]`` then seeks to its record.
    - a list of texts: held in memory already.

    Ids are unique: a duplicate raises :class:`CorpusError` naming it (while
    streaming, the ids seen so far are kept to check this, never the texts).
    Slicing gives a Corpus over the same source.

    >>> from arabtext import load_corpus
    >>> corpus = load_corpus(["الشمس مشرقة", "السماء صافية", "البحر هادئ"])
    >>> [doc.text for doc in corpus[1:]]
    ['السماء صافية', 'البحر هادئ']
    """

    def __init__(self, source: _Source, positions: Sequence[int] | None = None) -> None:
        self._source = source
        self._positions = positions

    def __len__(self) -> int:
        return len(self._source) if self._positions is None else len(self._positions)

    @overload
    def __getitem__(self, index: int) -> Document: ...

    @overload
    def __getitem__(self, index: slice) -> Corpus: ...

    def __getitem__(self, index: int | slice) -> Document | Corpus:
        positions = range(len(self._source)) if self._positions is None else self._positions
        if isinstance(index, slice):
            return Corpus(self._source, positions[index])
        return self._source.read(positions[index])

    def __iter__(self) -> Iterator[Document]:
        if self._positions is None:
            return iter(self._source)
        return map(self._source.read, self._positions)

    def __repr__(self) -> str:
        n = self._source.known_len() if self._positions is None else len(self._positions)
        size = "not counted yet" if n is None else f"{n} document{'s' * (n != 1)}"
        return f"<Corpus: {size} from {self._source}>"

    @property
    def ids(self) -> list[str]:
        """The document ids, in corpus order, without reading the texts of a folder.

        >>> from arabtext import load_corpus
        >>> load_corpus(["نص", "نص آخر"]).ids
        ['doc0001', 'doc0002']
        """
        ids = self._source.ids()
        return ids if self._positions is None else [ids[p] for p in self._positions]

    def texts(self) -> Iterator[str]:
        """The texts alone, one at a time.

        >>> from arabtext import load_corpus
        >>> list(load_corpus(["صباح الخير", "مساء الخير"]).texts())
        ['صباح الخير', 'مساء الخير']
        """
        return (doc.text for doc in self)

    def to_frame(self, *, text: bool = False) -> pd.DataFrame:
        """One row per document: ``id``, the ``meta`` fields, ``n_chars`` (and ``text`` if asked).

        Reads every text once (to count characters) but keeps none unless ``text=True``.

        >>> from arabtext import load_corpus
        >>> load_corpus(["أهلا", "أهلا وسهلا"]).to_frame()["n_chars"].tolist()
        [4, 10]
        """
        # pandas takes a noticeable fraction of a second to import; loading and
        # streaming a corpus never need it.
        import pandas as pd

        rows, meta_columns = [], {}
        for doc in self:
            meta_columns.update(dict.fromkeys(doc.meta))
            row = {"id": doc.id, **doc.meta, "n_chars": len(doc.text)}
            if text:
                row["text"] = doc.text
            rows.append(row)
        columns = ["id", *meta_columns, "n_chars"] + (["text"] if text else [])
        return pd.DataFrame(rows, columns=columns)


class _Source(ABC):
    """What a Corpus needs from a source: length, ids, random access and a stream."""

    @abstractmethod
    def __len__(self) -> int: ...

    @abstractmethod
    def ids(self) -> list[str]: ...

    @abstractmethod
    def read(self, position: int) -> Document: ...

    @abstractmethod
    def __iter__(self) -> Iterator[Document]: ...

    def known_len(self) -> int | None:
        """The length if it costs nothing to know (``repr`` must not read a big file)."""
        return len(self)


def _warn(message: str) -> None:
    """Warn at the caller's line (a notebook cell, a loop over the corpus), not somewhere in here."""
    frame, level = sys._getframe(1), 2
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("arabtext.corpus."):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, CorpusWarning, stacklevel=level)
