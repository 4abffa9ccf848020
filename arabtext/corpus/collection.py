"""What a corpus is: ``Document(id, text, meta)`` in a lazy sequence, and the errors and warnings of reading one."""

from __future__ import annotations

import sys
import warnings
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, overload

if TYPE_CHECKING:
    import pandas as pd

    from arabtext.corpus.description import Description

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
    Slicing gives a Corpus over the same source; :meth:`filter` and
    :meth:`groupby` give subcorpora by metadata, lazy like the corpus itself.

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

    def filter(self, predicate: Callable[[Document], bool] | None = None, /, **fields: Any) -> Corpus:
        """The documents that match, as a lazy subcorpus (quanteda's ``corpus_subset``).

        Each ``field=value`` keyword tests ``doc.meta[field]``: equal to a
        value, in a list, set or tuple of values, or true of a function of
        the value; ``predicate`` is a function of the whole Document. All
        must hold. A document without the field does not match; a field that
        no document has raises :class:`CorpusError` listing the fields there
        are. Nothing is read until the subcorpus is used, and each use reads
        the corpus again, holding one text at a time.

        >>> from arabtext import Document, load_corpus
        >>> corpus = load_corpus([Document("a", "فاز الفريق", {"category": "sport"}),
        ...                       Document("b", "ارتفع النفط", {"category": "economy"})])
        >>> [doc.id for doc in corpus.filter(category="sport")]
        ['a']
        >>> [doc.id for doc in corpus.filter(lambda doc: "النفط" in doc.text)]
        ['b']
        """
        if predicate is not None and not callable(predicate):
            raise TypeError(f"predicate must be a function of a Document, got {type(predicate).__name__}")
        return Corpus(_Subset(self, predicate, fields))

    def groupby(self, field: str) -> dict[Any, Corpus]:
        """One lazy subcorpus per value of ``meta[field]``, in sorted order of the values.

        Reads the corpus once to find the values (holding none of the texts).
        Documents without the field are in no group, and a warning counts
        them; a field that no document has raises :class:`CorpusError`.

        >>> from arabtext import Document, load_corpus
        >>> corpus = load_corpus([Document("a", "فاز الفريق", {"source": "CNN"}),
        ...                       Document("b", "ارتفع النفط", {"source": "BBC"}),
        ...                       Document("c", "هبط الذهب", {"source": "CNN"})])
        >>> {source: sub.ids for source, sub in corpus.groupby("source").items()}
        {'BBC': ['b'], 'CNN': ['a', 'c']}
        """
        values: dict[Any, None] = {}
        missing = 0
        for doc in self:
            if field in doc.meta:
                values[_hashable(doc.meta[field])] = None
            else:
                missing += 1
        if not values:
            raise CorpusError(_no_field(self, [field]))
        if missing:
            _warn_ungrouped(f"{self._source}: ", missing, field)
        return {value: self.filter(**{field: _Equals(value)}) for value in sorted(values, key=_sort_key)}

    def describe(self, top: int = 3) -> Description:
        """Documents, words, metadata fields with their commonest values, skipped records: see :func:`~arabtext.corpus.description.describe`.

        >>> from arabtext import load_corpus
        >>> load_corpus(["صباح الخير", "مساء الخير"]).describe().words
        4
        """
        from arabtext.corpus.description import describe

        return describe(self, top)

    @property
    def skipped(self) -> pd.DataFrame:
        """The bad records left out with ``on_bad_records="skip"``: one row each (``file``, ``line``, ``reason``).

        Filled as the corpus is read: after a complete pass it lists every one.
        A record inside an archive also names its ``member`` (the archive is the ``file``).

        >>> from arabtext import load_corpus
        >>> list(load_corpus(["نص"]).skipped.columns)
        ['file', 'line', 'reason']
        """
        import pandas as pd

        rows = self._source.skipped()
        table = pd.DataFrame(rows, columns=["file", "line", "reason", "member"])
        return table if any(row[3] for row in rows) else table.drop(columns="member")

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

    def skipped(self) -> list[tuple[str, int, str, str]]:
        """(file, line, reason, archive member or "") of each bad record left out so far (``on_bad_records="skip"``)."""
        return []

    def warn(self, message: str) -> None:
        """Warn once per load: a second pass over the corpus (``len()``, then a count) repeats nothing."""
        warned = self.__dict__.setdefault("_warned", set())
        if message not in warned:
            warned.add(message)
            _warn(message)


class _Subset(_Source):
    """The documents of a corpus that match a filter, found by streaming the corpus on each use.

    One complete pass leaves the positions of the matches behind, so that
    ``len()``, ``ids`` and ``corpus[i]`` do not filter again; iteration
    always streams, since one sequential read of a file (above all a
    compressed one) beats a seek per document.
    """

    def __init__(self, parent: Corpus, predicate: Callable[[Document], bool] | None, fields: dict[str, Any]) -> None:
        self._parent, self._predicate, self._fields = parent, predicate, fields
        self._positions: list[int] | None = None

    def __str__(self) -> str:
        tests = [f"{name}={_test_shown(value)}" for name, value in self._fields.items()]
        if self._predicate is not None:
            tests.insert(0, getattr(self._predicate, "__name__", "predicate"))
        return f"{self._parent._source} where {', '.join(tests) or 'all'}"

    def __len__(self) -> int:
        return len(self._matches())

    def known_len(self) -> int | None:
        return None if self._positions is None else len(self._positions)

    def ids(self) -> list[str]:
        ids = self._parent.ids
        return [ids[p] for p in self._matches()]

    def read(self, position: int) -> Document:
        return self._parent[self._matches()[position]]

    def skipped(self) -> list[tuple[str, int, str, str]]:
        return self._parent._source.skipped()

    def __iter__(self) -> Iterator[Document]:
        positions, fields_seen = [], not self._fields
        for position, doc in enumerate(self._parent):
            fields_seen = fields_seen or any(name in doc.meta for name in self._fields)
            if self._matches_doc(doc):
                positions.append(position)
                yield doc
        if not fields_seen:
            raise CorpusError(_no_field(self._parent, list(self._fields)))
        self._positions = positions

    def _matches(self) -> list[int]:
        if self._positions is None:
            for _ in self:
                pass
        assert self._positions is not None
        return self._positions

    def _matches_doc(self, doc: Document) -> bool:
        meta = doc.meta
        for name, wanted in self._fields.items():
            if name not in meta:
                return False
            value = meta[name]
            if callable(wanted):
                if not wanted(value):
                    return False
            elif isinstance(wanted, Collection) and not isinstance(wanted, str):
                if value not in wanted:
                    return False
            elif value != wanted:
                return False
        return self._predicate is None or bool(self._predicate(doc))


class _Equals:
    """``field=value`` for a group: a value that is itself a list or a function still matches as a value."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __call__(self, value: Any) -> bool:
        return _hashable(value) == self.value

    def __repr__(self) -> str:
        return repr(self.value)


def _test_shown(wanted: Any) -> str:
    """A filter's test in the corpus's repr: the value, or the function's name."""
    if callable(wanted) and not isinstance(wanted, _Equals):
        return f"<{getattr(wanted, '__name__', 'function')}>"
    return repr(wanted)


def _hashable(value: Any) -> Any:
    """A meta value as a group key: JSON lists become tuples, objects sorted item tuples."""
    if isinstance(value, list):
        return tuple(map(_hashable, value))
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value


def _sort_key(value: Any) -> tuple[str, Any]:
    # values of one field may mix types in JSON (a year as 2019 and "2019"); order by type, then value
    return (type(value).__name__, value if isinstance(value, (int, float, str)) else repr(value))


def _warn_ungrouped(where: str, missing: int, field: str) -> None:
    """The warning for documents left out of every group: they lack the field grouped by."""
    _warn(f"{where}{missing} document{'s' * (missing != 1)} without {field!r}, in no group")


def _no_field(corpus: Corpus, names: list[str]) -> str:
    """The message for filtering or grouping on metadata the corpus does not have."""
    seen: dict[str, None] = {}
    for doc in corpus:
        seen.update(dict.fromkeys(doc.meta))
        if len(seen) > 30:
            break
    fields = ", ".join(map(repr, seen)) or "none"
    wanted = " or ".join(map(repr, names))
    return f"{corpus._source}: no document has a {wanted} field (metadata fields: {fields})"


def _warn(message: str) -> None:
    """Warn at the caller's line (a notebook cell, a loop over the corpus), not somewhere in here."""
    frame, level = sys._getframe(1), 2
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("arabtext.corpus."):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, CorpusWarning, stacklevel=level)
