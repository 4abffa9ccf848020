"""Texts as a corpus: a sequence of ``Document(id, text, meta)``.

``load_corpus()`` gives the bundled sample corpus; ``load_corpus(path)`` reads
a folder of ``.txt`` files (with an optional ``metadata.csv``), one ``.txt``
file, a ``.csv`` or ``.jsonl`` file with a text column, or a list of strings.
Folders and CSV/JSONL files are read lazily, one document at a time, so a
corpus of gigabytes streams through in the memory of one text.

Every text arrives as UTF-8 without a byte-order mark and with ``\\n`` line
ends. What cannot be read that way raises :class:`CorpusError` naming the file
and the place; what is skipped is reported with a :class:`CorpusWarning`
naming it.

>>> corpus = load_corpus(["كتب الطالب الدرس", "قرأ الطالب الكتاب"])
>>> len(corpus), corpus[1].id, corpus[1].text
(2, 'doc0002', 'قرأ الطالب الكتاب')
"""

from __future__ import annotations

import csv
import errno
import html
import io
import json
import os
import re
import sys
import warnings
from abc import ABC, abstractmethod
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, overload

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Corpus", "CorpusError", "CorpusWarning", "Document", "iter_documents", "load_corpus"]

Errors = Literal["strict", "replace"]

#: the file in a corpus folder that describes its .txt files
METADATA_FILE = "metadata.csv"

_PACKAGE_DIR = Path(__file__).resolve().parent
_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Files this small are read while listing to tell a blank file ("\n", " \r\n")
# from a text; anything larger is a text in practice, and reading it up front
# would defeat the lazy listing.
_BLANK_PROBE_BYTES = 64
# csv refuses fields over 128 KiB by default; a whole article in one cell is ordinary here.
_CSV_FIELD_LIMIT = 2**31 - 1

_RE_MARKUP = re.compile(
    r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"  # a tag: <p>, </div>, <br/>, <a href="...">
    r"|<!--"
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"  # &amp; &#1575; &#x627;
)
_RE_HTML_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
# Block tags and <br> become line breaks so that "<p>أ</p><p>ب</p>" keeps two words apart.
_RE_HTML_BREAK = re.compile(
    r"<(?:br|/?(?:p|div|li|tr|h[1-6]|blockquote|section|article|header|footer|ul|ol|table))\b[^<>]*>",
    re.IGNORECASE,
)
_RE_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


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


def load_corpus(
    path: str | os.PathLike[str] | Iterable[str | Document] | Corpus | None = None,
    *,
    errors: Errors = "strict",
    strip_html: bool = False,
    text_column: str = "text",
) -> Corpus:
    """Load a corpus: the bundled sample, a folder, a file, or a list of texts.

    - ``None``: the sample corpus shipped with arabtext.
    - a folder: every ``*.txt`` at its top level, in file-name order, one
      document each; ``metadata.csv`` rows are joined on their ``file`` column
      (``id`` column optional, other columns go to ``meta``). A ``.txt`` without
      a row gets its file stem as id; a row whose file is missing is skipped
      with a warning. Hidden files are ignored; other files and subfolders are
      reported in one warning.
    - a ``.txt`` file: one document.
    - a ``.csv`` or ``.jsonl`` file: one document per row/line, text from
      ``text_column``, id from an ``id`` column when present (else
      ``line0002``, the line the record starts on), the rest to ``meta``.
    - an iterable of strings (ids ``doc0001``, ...) or of Documents.
    - a Corpus: returned as it is.

    ``errors="replace"`` loads text that is not valid UTF-8 with U+FFFD in
    place of the bad bytes (and a warning) instead of raising. Text that looks
    like HTML draws a warning; ``strip_html=True`` removes the tags and
    unescapes the entities instead. Empty texts are skipped with a warning.

    >>> corpus = load_corpus()
    >>> corpus[0].text.split()[0]
    'أمين'
    >>> load_corpus(["<p>مرحبا &amp; أهلا</p>"], strip_html=True)[0].text.strip()
    'مرحبا & أهلا'
    """
    _check_errors(errors)
    if isinstance(path, Corpus):
        return path
    if path is None or isinstance(path, (str, os.PathLike)):
        folder_or_file = _bundled_folder() if path is None else Path(path)
        return Corpus(_open_path(folder_or_file, errors, strip_html, text_column))
    return Corpus(_Texts(list(_documents_from(path, strip_html))))


def iter_documents(
    path: str | os.PathLike[str] | Iterable[str | Document] | Corpus | None = None,
    *,
    errors: Errors = "strict",
    strip_html: bool = False,
    text_column: str = "text",
) -> Iterator[Document]:
    """Documents one at a time in one pass, for corpora too big to hold.

    Takes what :func:`load_corpus` takes; an iterable of strings (a generator
    over a huge file, say) is consumed lazily instead of being kept. Paths are
    checked at once, so a missing file fails here rather than at the first
    ``next()``.

    >>> [doc.id for doc in iter_documents(t for t in ["نص أول", "نص ثان"])]
    ['doc0001', 'doc0002']
    """
    _check_errors(errors)
    if path is None or isinstance(path, (str, os.PathLike, Corpus)):
        return iter(load_corpus(path, errors=errors, strip_html=strip_html, text_column=text_column))
    return _documents_from(path, strip_html)


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

        >>> load_corpus(["نص", "نص آخر"]).ids
        ['doc0001', 'doc0002']
        """
        ids = self._source.ids()
        return ids if self._positions is None else [ids[p] for p in self._positions]

    def texts(self) -> Iterator[str]:
        """The texts alone, one at a time.

        >>> list(load_corpus(["صباح الخير", "مساء الخير"]).texts())
        ['صباح الخير', 'مساء الخير']
        """
        return (doc.text for doc in self)

    def to_frame(self, *, text: bool = False) -> pd.DataFrame:
        """One row per document: ``id``, the ``meta`` fields, ``n_chars`` (and ``text`` if asked).

        Reads every text once (to count characters) but keeps none unless ``text=True``.

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


# --- sources: where a Corpus gets its documents ----------------------------------------


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


@dataclass(frozen=True, slots=True)
class _Entry:
    """A listed .txt file: its id, where it is, and its meta (file name, metadata columns)."""

    id: str
    path: str
    meta: dict[str, str]


class _TextFiles(_Source):
    """Documents from .txt files, listed up front and read one at a time."""

    def __init__(self, where: Path, entries: list[_Entry], errors: Errors, strip_html: bool) -> None:
        self._where = where
        self._entries = entries
        self._errors = errors
        self._strip_html = strip_html

    def __len__(self) -> int:
        return len(self._entries)

    def __str__(self) -> str:
        return str(self._where)

    def ids(self) -> list[str]:
        return [entry.id for entry in self._entries]

    def read(self, position: int) -> Document:
        entry = self._entries[position]
        text = _clean(_read_text_file(entry.path, self._errors), entry.path, self._strip_html)
        if not text.strip():
            # The listing already counted this file (it was too big to probe, or
            # held only markup); dropping it now would shift every index after it.
            _warn(f"{entry.path}: no text left after reading; kept as an empty document")
        return Document(entry.id, text, dict(entry.meta))

    def __iter__(self) -> Iterator[Document]:
        return map(self.read, range(len(self._entries)))


class _Records(_Source):
    """Documents from a CSV or JSONL file, one per row or line."""

    def __init__(self, path: Path, errors: Errors, strip_html: bool, text_column: str) -> None:
        self._path = path
        self._errors = errors
        self._strip_html = strip_html
        self._text_column = text_column
        self._index: tuple[array, array, list[str]] | None = None
        if path.stat().st_size == 0:
            raise CorpusError(f"{path}: empty file, no documents")
        self._header = self._read_header() if path.suffix.lower() == ".csv" else None

    def __str__(self) -> str:
        return str(self._path)

    def __len__(self) -> int:
        return len(self._indexed()[0])

    def known_len(self) -> int | None:
        return None if self._index is None else len(self._index[0])

    def ids(self) -> list[str]:
        return self._indexed()[2]

    def read(self, position: int) -> Document:
        offsets, lines, _ = self._indexed()
        with self._path.open("rb") as f:
            f.seek(offsets[position])
            _, line, fields = next(self._records(f, offsets[position], lines[position]))
        doc = self._document(line, fields)
        assert doc is not None, "the index holds only records with text"
        return doc

    def __iter__(self) -> Iterator[Document]:
        # Always stream: one sequential read beats a seek per record, even once indexed.
        return (doc for _, _, doc in self._checked())

    def _indexed(self) -> tuple[array, array, list[str]]:
        if self._index is None:
            for _ in self._checked():
                pass
        assert self._index is not None
        return self._index

    def _checked(self) -> Iterator[tuple[int, int, Document]]:
        """Every record with text, as (byte offset, line, document), ids checked unique.

        A pass that reaches the end leaves the index behind, so ``len()`` after
        a full iteration (``list()`` asks for it first) does not read the file again.
        """
        offsets = array("q")
        first_line: dict[str, int] = {}  # id -> line, in file order: the ids and lines of the index
        with self._path.open("rb") as f:
            for offset, line, fields in self._records(f):
                doc = self._document(line, fields)
                if doc is None:
                    continue
                if doc.id in first_line:
                    raise CorpusError(
                        f"{self._path}, line {line}: duplicate id {doc.id!r} (first on line {first_line[doc.id]})"
                    )
                first_line[doc.id] = line
                offsets.append(offset)
                yield offset, line, doc
        if not first_line:
            raise CorpusError(f"{self._path}: no documents (every record has an empty {self._text_column!r})")
        self._index = (offsets, array("q", first_line.values()), list(first_line))

    def _read_header(self) -> list[str]:
        csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
        with self._path.open("rb") as f:
            try:
                header = [name.strip() for name in next(csv.reader(_Lines(f, str(self._path), self._errors)))]
            except csv.Error as e:
                raise CorpusError(f"{self._path}, line 1: {e}") from None
        _check_header(header, self._path)
        if self._text_column not in header:
            found = ", ".join(map(repr, header))
            raise CorpusError(f"{self._path}, line 1: no {self._text_column!r} column (columns found: {found})")
        return header

    def _records(self, f: BinaryIO, offset: int = 0, line: int = 1) -> Iterator[tuple[int, int, dict[str, Any]]]:
        """Each record from the current position of ``f``, as (byte offset, line, fields)."""
        lines = _Lines(f, str(self._path), self._errors, offset, line)
        if self._header is None:
            for text in lines:
                if not text.strip():
                    continue  # a blank line holds no record
                yield (*lines.last, self._json_object(text, lines.last[1]))
            return
        reader = csv.reader(lines)
        while True:
            start = (lines.offset, lines.line)
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                raise CorpusError(f"{self._path}, line {start[1]}: {e}") from None
            if start[0] == 0 or not any(row):
                continue  # the header (checked in __init__) or a blank line
            if len(row) != len(self._header):
                raise CorpusError(
                    f"{self._path}, line {start[1]}: {len(row)} fields, but the header has {len(self._header)}"
                )
            yield (*start, dict(zip(self._header, row)))

    def _json_object(self, text: str, line: int) -> dict[str, Any]:
        try:
            fields = json.loads(text.rstrip("\r\n"))  # so an error's column is on this line
        except json.JSONDecodeError as e:
            raise CorpusError(f"{self._path}, line {line}: not valid JSON ({e.msg} at column {e.colno})") from None
        if not isinstance(fields, dict):
            raise CorpusError(f"{self._path}, line {line}: expected a JSON object, found {type(fields).__name__}")
        return fields

    def _document(self, line: int, fields: dict[str, Any]) -> Document | None:
        """The record as a Document, or None (with a warning) when its text is empty."""
        where = f"{self._path}, line {line}"
        if self._text_column not in fields:
            found = ", ".join(map(repr, fields))
            raise CorpusError(f"{where}: no {self._text_column!r} field (fields found: {found})")
        text = fields.pop(self._text_column)
        if not isinstance(text, str):
            raise CorpusError(f"{where}: {self._text_column!r} must be a string, found {json.dumps(text)[:40]}")
        text = _clean(text, where, self._strip_html)
        if not text.strip():
            _warn(f"{where}: empty {self._text_column!r}, record skipped")
            return None
        doc_id = fields.pop("id", None)
        doc_id = f"line{line:04d}" if doc_id is None or str(doc_id).strip() == "" else str(doc_id).strip()
        return Document(doc_id, text, fields)


class _Lines:
    """Decoded lines of a binary file, remembering where each starts (for offsets and messages).

    ``last`` is (byte offset, line number) of the line just returned;
    ``offset``/``line`` are where the next one starts.
    """

    def __init__(self, f: BinaryIO, where: str, errors: Errors, offset: int = 0, line: int = 1) -> None:
        self._f, self._where, self._errors = f, where, errors
        self.offset, self.line = offset, line
        self.last = (offset, line)

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = next(self._f)
        text = _decode(raw, self._where, self._errors, offset=self.offset, line=self.line)
        self.last = (self.offset, self.line)
        self.offset += len(raw)
        self.line += 1
        return text


# --- opening paths ----------------------------------------------------------------------


def _bundled_folder() -> Path:
    """The sample corpus: inside the package in a wheel, beside it in a checkout."""
    installed = _PACKAGE_DIR / "corpus"
    checkout = _PACKAGE_DIR.parent / "corpus"
    if installed.is_dir():
        return installed
    # pyproject.toml marks a checkout, so that some other package's top-level
    # corpus/ in site-packages is never taken for ours.
    if checkout.is_dir() and (_PACKAGE_DIR.parent / "pyproject.toml").is_file():
        return checkout
    raise FileNotFoundError(
        errno.ENOENT, f"the bundled corpus is missing (looked in {installed} and {checkout}); reinstall arabtext"
    )


def _open_path(path: Path, errors: Errors, strip_html: bool, text_column: str) -> _Source:
    if path.is_dir():
        return _TextFiles(path, _list_folder(path), errors, strip_html)
    if not path.exists():
        raise FileNotFoundError(errno.ENOENT, "corpus not found: no such file or folder", str(path))
    suffix = path.suffix.lower()
    if suffix == ".txt":
        if _is_blank_file(path, path.stat().st_size):
            raise CorpusError(f"{path}: empty file, no text to load")
        return _TextFiles(path, [_Entry(path.stem, str(path), {"file": path.name})], errors, strip_html)
    if suffix in (".csv", ".jsonl", ".ndjson"):
        return _Records(path, errors, strip_html, text_column)
    raise CorpusError(
        f"{path}: cannot load {suffix or 'a file without extension'} files; "
        "expected a folder of .txt files, or a .txt, .csv or .jsonl file"
    )


def _list_folder(folder: Path) -> list[_Entry]:
    """The folder's documents in file-name order, from its .txt files and metadata.csv."""
    # Plain strings and scandir's sizes: building Path objects cost more than the stat calls.
    metadata_path = folder / METADATA_FILE
    described = _read_metadata(metadata_path) if metadata_path.is_file() else {}
    subfolders_described = {name.split("/", 1)[0] for name in described if "/" in name}
    found: dict[str, tuple[str, int]] = {}  # file name -> (path, size)
    ignored = []
    with os.scandir(folder) as listing:
        for item in listing:
            if item.name.startswith("."):
                continue  # hidden files (.DS_Store, macOS ._x.txt) are not texts, as glob also assumes
            if item.is_file() and item.name.lower().endswith(".txt"):
                found[item.name] = (item.path, item.stat().st_size)
            elif item.name != METADATA_FILE and item.name not in subfolders_described:
                ignored.append(item.name + "/" * item.is_dir())
    if ignored:
        ignored.sort()
        more = f" and {len(ignored) - 5} more" if len(ignored) > 5 else ""
        _warn(f"{folder}: {len(ignored)} entries not loaded (only .txt files are documents): "
              f"{', '.join(ignored[:5])}{more}")

    entries: dict[str, tuple[_Entry, int]] = {}
    for name, (line, doc_id, meta) in described.items():
        path = os.path.join(folder, name)
        if name not in found and not os.path.isfile(path):
            _warn(f"{metadata_path}, line {line}: file {name!r} not found in {folder}; row skipped")
            continue
        size = found[name][1] if name in found else os.stat(path).st_size
        entries[name] = (_Entry(doc_id, path, {"file": name, **meta}), size)
    for name, (path, size) in found.items():
        if name not in described:
            entries[name] = (_Entry(os.path.splitext(name)[0], path, {"file": name}), size)

    listed, owner, blank = [], {}, 0
    for name in sorted(entries):
        entry, size = entries[name]
        if _is_blank_file(entry.path, size):
            _warn(f"{entry.path}: empty file, skipped")
            blank += 1
            continue
        if entry.id in owner:
            raise CorpusError(
                f"{folder}: id {entry.id!r} names both {owner[entry.id]} and {name}; "
                f"give one of them its own id in {METADATA_FILE}"
            )
        owner[entry.id] = name
        listed.append(entry)
    if not listed:
        reason = f"its {blank} .txt file(s) are empty" if blank else "it has no .txt files"
        raise CorpusError(f"{folder}: no documents to load: {reason}")
    return listed


def _read_metadata(path: Path) -> dict[str, tuple[int, str, dict[str, str]]]:
    """metadata.csv as {file: (line, id, other columns)}, every row checked."""
    reader = csv.reader(io.StringIO(_decode(path.read_bytes(), str(path), "strict", hint=""), newline=""))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise CorpusError(f"{path}: empty; expected a header line with at least a 'file' column") from None
    _check_header(header, path)
    if "file" not in header:
        raise CorpusError(f"{path}, line 1: no 'file' column (columns found: {', '.join(map(repr, header))})")
    rows: dict[str, tuple[int, str, dict[str, str]]] = {}
    id_line: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # a blank line, or an empty spreadsheet row
            if len(row) != len(header):
                raise CorpusError(f"{path}, line {line}: {len(row)} fields, but the header has {len(header)}")
            meta = dict(zip(header, row))
            name = meta.pop("file").strip()
            if not name:
                raise CorpusError(f"{path}, line {line}: the 'file' value is empty")
            name = Path(name).as_posix()  # "./a.txt" and "a.txt" are one file
            doc_id = meta.pop("id", "").strip() or Path(name).stem
            if name in rows:
                raise CorpusError(f"{path}, line {line}: {name!r} is already described on line {rows[name][0]}")
            if doc_id in id_line:
                raise CorpusError(f"{path}, line {line}: duplicate id {doc_id!r} (also on line {id_line[doc_id]})")
            id_line[doc_id] = line
            rows[name] = (line, doc_id, meta)
    except csv.Error as e:
        raise CorpusError(f"{path}, line {reader.line_num}: {e}") from None
    return rows


def _check_header(header: list[str], path: Path) -> None:
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise CorpusError(f"{path}, line 1: repeated column name(s) {', '.join(map(repr, repeated))}")


def _is_blank_file(path: str | Path, size: int) -> bool:
    if size > _BLANK_PROBE_BYTES:
        return False
    with open(path, "rb") as f:
        return not f.read().removeprefix(_BOM).decode("utf-8", "replace").strip()


# --- bytes to clean text ----------------------------------------------------------------


def _read_text_file(path: str, errors: Errors) -> str:
    """A whole .txt file as text: read at once, so a single huge line is no problem."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(_UTF16_BOMS):
        raise CorpusError(f"{path}: encoded as UTF-16, not UTF-8; re-save it as UTF-8")
    nul = data.find(b"\0")
    if nul >= 0:
        # A NUL byte never occurs in text: this is an image, a PDF, a .docx ... with a .txt name.
        raise CorpusError(
            f"{path}: a binary file, not text (NUL byte at byte offset {nul}); "
            "if it is UTF-16 text, re-save it as UTF-8"
        )
    return _decode(data, str(path), errors)


_REPLACE_HINT = ", or load it with errors='replace' (command line: --errors replace)"


def _decode(
    data: bytes, where: str, errors: Errors, *, offset: int = 0, line: int = 1, hint: str = _REPLACE_HINT
) -> str:
    """``data`` as UTF-8 without a leading BOM; ``offset`` and ``line`` place it in its file.

    ``hint`` ends the error message: how the reader can get past the bad bytes.
    """
    start = len(_BOM) if offset == 0 and data.startswith(_BOM) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as e:
        bad = start + e.start
        bad_line = line + data.count(b"\n", 0, bad)
        place = f"byte offset {offset + bad} (line {bad_line})"
        if errors == "strict":
            raise CorpusError(
                f"{where}: not UTF-8: byte 0x{data[bad]:02x} at {place}; re-save the file as UTF-8{hint}"
            ) from None
        _warn(f"{where}: not UTF-8 from {place} on; undecodable bytes replaced with U+FFFD")
        return data[start:].decode("utf-8", "replace")


def _clean(text: str, where: str, strip_html: bool) -> str:
    """The same treatment for every source: ``\\n`` line ends, and HTML warned about or stripped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text or "&" in text:
        markup = _RE_MARKUP.search(text)
        if markup and strip_html:
            text = _strip_html(text)
        elif markup:
            _warn(
                f"{where}: looks like HTML ({markup.group()[:40]!r} at character {markup.start()}); "
                "pass strip_html=True (command line: --strip-html) to remove tags and unescape entities"
            )
    return text


def _strip_html(text: str) -> str:
    text = _RE_HTML_HIDDEN.sub("", text)
    text = _RE_HTML_BREAK.sub("\n", text)
    # Entities last: an escaped "&lt;p&gt;" is text that reads "<p>" and must stay.
    return html.unescape(_RE_HTML_TAG.sub("", text))


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


def _check_errors(errors: str) -> None:
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")


def _warn(message: str) -> None:
    """Warn at the caller's line (a notebook cell, a loop over the corpus), not somewhere in here."""
    frame, level = sys._getframe(1), 2
    while frame.f_back is not None and frame.f_globals.get("__name__") == __name__:
        frame, level = frame.f_back, level + 1
    warnings.warn(message, CorpusWarning, stacklevel=level)
