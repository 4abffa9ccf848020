"""Files of records: a ``.csv`` with a text column, or ``.jsonl`` with one JSON object per line, streamed.

Either may be gzip-compressed (``.csv.gz``, ``.jsonl.gz``): it is decompressed
as it is read, never whole.
"""

from __future__ import annotations

import csv
import gzip
import json
import zlib
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from arabtext.corpus.decoding import _clean, _decode
from arabtext.corpus.collection import CorpusError, Document, Errors, _Source, _warn
from arabtext.corpus.folder import _check_header

# csv refuses fields over 128 KiB by default; a whole article in one cell is ordinary here.
_CSV_FIELD_LIMIT = 2**31 - 1


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
        self._header = self._read_header() if record_kind(path) == "csv" else None

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
        with _open(self._path) as f:
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
        with _open(self._path) as f:
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
        with _open(self._path) as f:
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


def record_kind(path: Path) -> str | None:
    """``"csv"`` or ``"jsonl"`` for a file of records (compressed or not), else None."""
    suffixes = [x.lower() for x in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    return {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(last)


def _open(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when it is gzip; a gzip file seeks to uncompressed offsets."""
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


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
        try:
            raw = next(self._f)
        except (EOFError, zlib.error, gzip.BadGzipFile) as e:
            # only a compressed file fails this way: it is damaged or cut short
            reason = "it ends early (cut short?)" if isinstance(e, EOFError) else f"damaged ({e})"
            raise CorpusError(f"{self._where}: cannot decompress after line {self.line - 1}: {reason}") from None
        text = _decode(raw, self._where, self._errors, offset=self.offset, line=self.line)
        self.last = (self.offset, self.line)
        self.offset += len(raw)
        self.line += 1
        return text
