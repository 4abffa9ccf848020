"""Files of records: a ``.csv`` with a text column, ``.jsonl`` with one JSON object per line, or ``.json``.

CSV and JSON Lines are streamed. A ``.json`` file holding one array of
objects (as SaudiNewsNet publishes) is parsed whole, one file at a time; a
``.json`` file that is JSON Lines under another name is streamed like one.

Either may be gzip-compressed (``.csv.gz``, ``.jsonl.gz``): it is decompressed
as it is read, never whole. Either may be in UTF-16 (with its byte-order mark,
as spreadsheets export "Unicode text"): it is recoded to UTF-8 line by line.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from arabtext.corpus.decoding import Warn, _clean, _decode, _shown, line_safe, sniffed
from arabtext.corpus.collection import CorpusError, Document, Errors, _Source, _warn
from arabtext.corpus.folder import _check_header

# csv refuses fields over 128 KiB by default; a whole article in one cell is ordinary here.
_CSV_FIELD_LIMIT = 2**31 - 1


class _Records(_Source):
    """Documents from a CSV or JSONL file, one per row or line."""

    def __init__(
        self, path: Path, errors: Errors, strip_html: bool, text_column: str, encoding: str = "utf-8", skip_bad: bool = False,
        *, opener: Callable[[], BinaryIO] | None = None, member: tuple[str, str] | None = None,
    ) -> None:
        """``opener`` reads the ``member`` (archive, member name) of an archive instead of the file ``path``."""
        self._path = path
        self._opener = opener
        self._member = member
        self._skip_bad = skip_bad
        self._skipped: dict[int, str] = {}  # line -> reason, kept across passes so that each bad record counts once
        self._where = f"{member[0]}:{member[1]}" if member else _shown(path)
        self._errors = errors
        self._encoding = encoding
        self._strip_html = strip_html
        self._text_column = text_column
        self._index: tuple[array, array, list[str]] | None = None
        if opener is None and path.stat().st_size == 0:
            raise CorpusError(f"{self._where}: empty file, no documents")
        kind = record_kind(path)
        self._header = self._read_header() if kind == "csv" else None
        self._array = kind == "json" and self._holds_array()
        self._unit = "record" if self._array else "line"  # what a position in the file is called in messages and ids

    def __str__(self) -> str:
        return self._where

    def __len__(self) -> int:
        return len(self._indexed()[0])

    def known_len(self) -> int | None:
        return None if self._index is None else len(self._index[0])

    def ids(self) -> list[str]:
        return self._indexed()[2]

    def skipped(self) -> list[tuple[str, int, str, str]]:
        file, member = self._member or (self._where, "")
        return [(file, line, reason, member) for line, reason in sorted(self._skipped.items())]

    def read(self, position: int) -> Document:
        offsets, lines, _ = self._indexed()
        with self._open() as f:
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
        with self._open() as f:
            for offset, line, fields in self._records(f):
                doc = self._document(line, fields)
                if doc is None:
                    continue
                if doc.id in first_line:
                    raise CorpusError(
                        f"{self._where}, {self._unit} {line}: duplicate id {doc.id!r} (first on {self._unit} {first_line[doc.id]})"
                    )
                first_line[doc.id] = line
                offsets.append(offset)
                yield offset, line, doc
        if self._skipped:
            lines = sorted(self._skipped)
            shown = ", ".join(map(str, lines[:5])) + (", ..." if len(lines) > 5 else "")
            self.warn(f"{self._where}: {len(lines)} bad record{'s' * (len(lines) != 1)} skipped ({self._unit}{'s' * (len(lines) != 1)} "
                      f"{shown}); corpus.skipped lists them")
        if not first_line:
            raise CorpusError(f"{self._where}: no documents (every record has an empty {self._text_column!r})")
        self._index = (offsets, array("q", first_line.values()), list(first_line))

    def _read_header(self) -> list[str]:
        csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
        with self._open() as f:
            try:
                header = [name.strip() for name in next(csv.reader(self._lines(f)))]
            except csv.Error as e:
                raise CorpusError(f"{self._where}, line 1: {e}") from None
        _check_header(header, self._where)
        if self._text_column not in header:
            found = ", ".join(map(repr, header))
            raise CorpusError(f"{self._where}, line 1: no {self._text_column!r} column (columns found: {found})")
        return header

    def _holds_array(self) -> bool:
        """Whether the .json file is one JSON array (else it is JSON Lines under a .json name)."""
        with self._open() as f:
            head = b""
            while not head.strip() and len(head) < 4096:
                chunk = f.read(256)
                if not chunk:
                    break
                head += chunk
        return head.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"["

    def _array_records(self, f: BinaryIO, first: int) -> Iterator[tuple[int, int, dict[str, Any]]]:
        """The objects of a JSON array from the ``first`` on, as (index, record number, fields)."""
        f.seek(0)
        encoding = "utf-8" if isinstance(f, _Recoded) else self._encoding
        text = _decode(f.read(), self._where, self._errors, encoding=encoding, warn=self.warn)
        try:
            items = json.loads(text)
        except json.JSONDecodeError as e:
            raise CorpusError(f"{self._where}, line {e.lineno}: not valid JSON ({e.msg} at column {e.colno})") from None
        if not isinstance(items, list):
            raise CorpusError(f"{self._where}: expected a JSON array of objects, found {type(items).__name__}")
        for index in range(first, len(items)):
            if isinstance(items[index], dict):
                yield index, index + 1, items[index]
            else:
                self._refuse(index + 1, f"expected a JSON object, found {type(items[index]).__name__}")

    def _records(self, f: BinaryIO, offset: int = 0, line: int = 1) -> Iterator[tuple[int, int, dict[str, Any]]]:
        """Each record from the current position of ``f``, as (byte offset, line, fields)."""
        if self._array:
            yield from self._array_records(f, offset)
            return
        lines = self._lines(f, offset, line)
        if self._header is None:
            for text in lines:
                if not text.strip():
                    continue  # a blank line holds no record
                fields = self._json_object(text, lines.last[1])
                if fields is not None:
                    yield (*lines.last, fields)
            return
        reader = csv.reader(lines)
        while True:
            start = (lines.offset, lines.line)
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                self._refuse(start[1], str(e))
                continue
            if start[0] == 0 or not any(row):
                continue  # the header (checked in __init__) or a blank line
            if len(row) != len(self._header):
                self._refuse(start[1], f"{len(row)} fields, but the header has {len(self._header)}")
                continue
            yield (*start, dict(zip(self._header, row)))

    def _open(self) -> BinaryIO:
        """The file as lines of bytes that split as UTF-8 or 8-bit text do: recoded when it is UTF-16 or UTF-32."""
        f = _open(self._path) if self._opener is None else _opened(self._opener(), self._path.name)
        try:
            encoding = sniffed(f.read(4), self._encoding)
            f.seek(0)
        except _GZIP_ERRORS as e:
            f.close()
            raise CorpusError(_damaged(self._where, e, 0)) from None
        if line_safe(encoding):
            return f
        return _Recoded(f, encoding, self._where, self._errors, self.warn)  # type: ignore[return-value]

    def _lines(self, f: BinaryIO, offset: int = 0, line: int = 1) -> _Lines:
        # a recoded file gives UTF-8 lines whatever the file's own encoding
        encoding = "utf-8" if isinstance(f, _Recoded) else self._encoding
        refuse = self._refuse if self._skip_bad else None
        return _Lines(f, self._where, self._errors, offset, line, encoding, self.warn, refuse)

    def _refuse(self, line: int, reason: str) -> None:
        """A bad record: an error naming it, or with ``on_bad_records="skip"`` a row of ``skipped``."""
        if not self._skip_bad:
            raise CorpusError(f"{self._where}, {self._unit} {line}: {reason}")
        self._skipped[line] = reason

    def _json_object(self, text: str, line: int) -> dict[str, Any] | None:
        try:
            fields = json.loads(text.rstrip("\r\n"))  # so an error's column is on this line
        except json.JSONDecodeError as e:
            return self._refuse(line, f"not valid JSON ({e.msg} at column {e.colno})")
        if not isinstance(fields, dict):
            return self._refuse(line, f"expected a JSON object, found {type(fields).__name__}")
        return fields

    def _document(self, line: int, fields: dict[str, Any]) -> Document | None:
        """The record as a Document, or None (with a warning) when its text is empty."""
        where = f"{self._where}, {self._unit} {line}"
        if self._text_column not in fields:
            found = ", ".join(map(repr, fields))
            return self._refuse(line, f"no {self._text_column!r} field (fields found: {found})")
        text = fields.pop(self._text_column)
        if not isinstance(text, str):
            return self._refuse(line, f"{self._text_column!r} must be a string, found {json.dumps(text)[:40]}")
        text = _clean(text, where, self._strip_html, self.warn)
        if not text.strip():
            self.warn(f"{where}: empty {self._text_column!r}, record skipped")
            return None
        doc_id = fields.pop("id", None)
        doc_id = f"{self._unit}{line:04d}" if doc_id is None or str(doc_id).strip() == "" else str(doc_id).strip()
        return Document(doc_id, text, fields)


def record_kind(path: Path) -> str | None:
    """``"csv"``, ``"jsonl"`` or ``"json"`` for a file of records (compressed or not), else None."""
    suffixes = [x.lower() for x in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    return {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}.get(last)


def _opened(f: BinaryIO, name: str) -> BinaryIO:
    """A stream decompressed when its name ends in .gz (a .jsonl.gz member of an archive)."""
    return gzip.GzipFile(fileobj=f, mode="rb") if name.lower().endswith(".gz") else f  # type: ignore[return-value]


def _open(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when it is gzip; a gzip file seeks to uncompressed offsets."""
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


# only a compressed file fails this way: it is damaged or cut short
_GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


def _damaged(where: str, error: Exception, after_line: int) -> str:
    reason = "it ends early (cut short?)" if isinstance(error, EOFError) else f"damaged ({error})"
    return f"{where}: cannot decompress after line {after_line}: {reason}"


class _Lines:
    """Decoded lines of a binary file, remembering where each starts (for offsets and messages).

    ``last`` is (byte offset, line number) of the line just returned;
    ``offset``/``line`` are where the next one starts.
    """

    def __init__(
        self, f: BinaryIO, where: str, errors: Errors, offset: int = 0, line: int = 1,
        encoding: str = "utf-8", warn: Warn = _warn, refuse: Callable[[int, str], None] | None = None,
    ) -> None:
        self._f, self._where, self._errors = f, where, errors
        self._encoding, self._warn, self._refuse = encoding, warn, refuse
        self.offset, self.line = offset, line
        self.last = (offset, line)

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        while True:
            try:
                raw = next(self._f)
            except _GZIP_ERRORS as e:
                if self._refuse is None:
                    raise CorpusError(_damaged(self._where, e, self.line - 1)) from None
                # a file cut short mid-record (a scraper killed mid-write): what was read stands
                self._refuse(self.line, _damaged("the file", e, self.line - 1).removeprefix("the file: "))
                raise StopIteration from None
            self.last = (self.offset, self.line)
            try:
                text = _decode(
                    raw, self._where, self._errors, encoding=self._encoding, offset=self.offset, line=self.line, warn=self._warn
                )
            except CorpusError as e:
                if self._refuse is None:
                    raise
                self._refuse(self.line, str(e).removeprefix(f"{self._where}: "))
                text = None
            self.offset += len(raw)
            self.line += 1
            if text is not None:
                return text


class _Recoded:
    """A UTF-16 or UTF-32 file (perhaps compressed) read as UTF-8 lines, so that it splits and indexes like any other.

    Offsets count the bytes of the recoded lines; ``seek`` reads from the
    start up to one, so random access is slow, but iteration streams.
    """

    def __init__(self, f: BinaryIO, encoding: str, where: str, errors: Errors, warn: Warn) -> None:
        self._f, self._encoding, self._where, self._errors, self._warn = f, encoding, where, errors, warn
        self._text = self._reader()

    def _reader(self) -> io.TextIOWrapper:
        self._f.seek(0)
        return io.TextIOWrapper(self._f, encoding=self._encoding, errors=self._errors, newline="")  # type: ignore[arg-type]

    def __iter__(self) -> _Recoded:
        return self

    def __next__(self) -> bytes:
        try:
            line = next(self._text)
        except UnicodeDecodeError as e:
            raise CorpusError(
                f"{self._where}: not valid {self._encoding} ({e.reason}); "
                "load it with errors='replace' (command line: --errors replace)"
            ) from None
        if self._errors == "replace" and "\ufffd" in line:
            self._warn(f"{self._where}: not valid {self._encoding}; undecodable bytes replaced with U+FFFD")
        return line.encode("utf-8")

    def read(self, size: int = -1) -> bytes:
        """The rest of the file, or (``size`` ≥ 0) its next line: enough to look at how a file starts."""
        return b"".join(self) if size < 0 else next(self, b"")

    def seek(self, offset: int) -> None:
        self._text.detach()
        self._text = self._reader()
        skipped = 0
        while skipped < offset:
            skipped += len(next(self))

    def __enter__(self) -> _Recoded:
        return self

    def __exit__(self, *exc: object) -> None:
        self._f.close()
