"""A folder of ``.txt`` files, one document each, described by an optional ``metadata.csv``."""

from __future__ import annotations

import csv
import errno
import io
import os
import stat
from abc import abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from arabtext.corpus.decoding import _clean, _read_text_file, _shown, _whole_text, sniffed
from arabtext.corpus.collection import CorpusError, Document, Errors, _Source, _warn

__all__ = ["METADATA_FILE"]


#: the file in a corpus folder that describes its .txt files
METADATA_FILE = "metadata.csv"

# Files this small are read while listing to tell a blank file ("\n", " \r\n")
# from a text; anything larger is a text in practice, and reading it up front
# would defeat the lazy listing.
_BLANK_PROBE_BYTES = 64


@dataclass(frozen=True, slots=True)
class _Entry:
    """A listed .txt file: its id, where it is, and its meta (file name, metadata columns)."""

    id: str
    path: str
    meta: dict[str, str]


class _ListedTexts(_Source):
    """Texts listed up front and read one at a time: the .txt files of a folder, the .txt members of an archive.

    With ``skip_bad``, a text that cannot be decoded (or is binary) is left
    out and listed in ``skipped``. Which texts are good is then known only
    after a pass over them all, so ``len()``, ``ids`` and ``corpus[i]`` make
    that pass first; iteration streams as always.
    """

    def __init__(self, skip_bad: bool) -> None:
        self._skip_bad = skip_bad
        self._bad: dict[int, str] = {}  # listed position -> reason
        self._good: list[int] | None = None

    @abstractmethod
    def _listed_ids(self) -> list[str]: ...

    @abstractmethod
    def _decoded(self, position: int) -> Document:
        """The listed text at ``position``; CorpusError when it cannot be decoded."""

    @abstractmethod
    def _named(self, position: int) -> tuple[str, str, str]:
        """(file, member, where) of the listed text at ``position``, for ``skipped`` and messages."""

    def _cleaned(self, text: str, where: str, strip_html: bool) -> str:
        """A listed text, decoded, made clean; an empty result is kept, and said."""
        text = _clean(text, where, strip_html, self.warn)
        if not text.strip():
            # The listing already counted this text (it was too big to probe, or
            # held only markup); dropping it now would shift every index after it.
            self.warn(f"{where}: no text left after reading; kept as an empty document")
        return text

    def __len__(self) -> int:
        return len(self._positions())

    def ids(self) -> list[str]:
        ids = self._listed_ids()
        return ids if not self._skip_bad else [ids[p] for p in self._positions()]

    def read(self, position: int) -> Document:
        return self._decoded(self._positions()[position] if self._skip_bad else position)

    def __iter__(self) -> Iterator[Document]:
        if not self._skip_bad:
            return map(self._decoded, range(len(self._listed_ids())))
        return self._streamed()

    def skipped(self) -> list[tuple[str, int, str, str]]:
        # a whole text is one record: its line is 1
        return [(self._named(p)[0], 1, reason, self._named(p)[1]) for p, reason in sorted(self._bad.items())]

    def _streamed(self) -> Iterator[Document]:
        good = []
        for position in range(len(self._listed_ids())):
            try:
                doc = self._decoded(position)
            except CorpusError as e:
                self._bad[position] = str(e).removeprefix(f"{self._named(position)[2]}: ")
                continue
            good.append(position)
            yield doc
        self._good = good
        if self._bad:
            names = [self._named(p)[1] or self._named(p)[0] for p in sorted(self._bad)]
            shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
            self.warn(f"{self}: {len(names)} text{'s' * (len(names) != 1)} that cannot be decoded skipped ({shown}); "
                      "corpus.skipped lists them")

    def _positions(self) -> Sequence[int]:
        if not self._skip_bad:
            return range(len(self._listed_ids()))
        if self._good is None:
            for _ in self._streamed():
                pass
        assert self._good is not None
        return self._good


class _TextFiles(_ListedTexts):
    """Documents from .txt files, listed up front and read one at a time."""

    def __init__(
        self, where: Path, entries: list[_Entry], errors: Errors, strip_html: bool, encoding: str = "utf-8",
        skip_bad: bool = False,
    ) -> None:
        super().__init__(skip_bad)
        self._where = where
        self._entries = entries
        self._errors = errors
        self._strip_html = strip_html
        self._encoding = encoding

    def __str__(self) -> str:
        return _shown(self._where)

    def _listed_ids(self) -> list[str]:
        return [entry.id for entry in self._entries]

    def _named(self, position: int) -> tuple[str, str, str]:
        where = _shown(self._entries[position].path)
        return where, "", where

    def _decoded(self, position: int) -> Document:
        entry = self._entries[position]
        text = _read_text_file(entry.path, self._errors, self._encoding, self.warn)
        return Document(entry.id, self._cleaned(text, _shown(entry.path), self._strip_html), dict(entry.meta))


def _list_folder(folder: Path, encoding: str = "utf-8", path_fields: Sequence[str] = ()) -> list[_Entry]:
    """The folder's documents in sorted path order: every .txt below it, described by an optional metadata.csv.

    ``meta["folder"]`` is the file's folder relative to ``folder`` (``""`` at
    the top); ``path_fields`` names its levels in order (``["source",
    "category"]`` for ``source/category/file.txt``).
    """
    metadata_path = folder / METADATA_FILE
    described = _read_metadata(metadata_path, encoding) if metadata_path.is_file() else {}
    found, ignored, followed = _walk(folder)
    if ignored:
        ignored.sort()
        more = f" and {len(ignored) - 5} more" if len(ignored) > 5 else ""
        _warn(f"{folder}: {len(ignored)} entr{'y' if len(ignored) == 1 else 'ies'} not loaded (only .txt files are documents): "
              f"{', '.join(ignored[:5])}{more}")
    if followed:
        _warn(f"{folder}: {len(followed)} linked folder(s) already read through another path, not read again: "
              f"{', '.join(sorted(followed)[:5])}")

    entries: dict[str, tuple[_Entry, int]] = {}
    for name, (line, doc_id, meta) in described.items():
        path = os.path.join(folder, name)
        if name not in found and not os.path.isfile(path):
            _warn(f"{metadata_path}, line {line}: file {name!r} not found in {folder}; row skipped")
            continue
        size = found[name][1] if name in found else _size(path)
        entries[name] = (_Entry(doc_id, path, {**_path_meta(name, path_fields), **meta}), size)
    unreadable = []
    for name, (path, size) in found.items():
        if name not in described:
            shown = _shown(name)
            if shown != name:
                unreadable.append(shown)
            entries[name] = (_Entry(os.path.splitext(shown)[0], path, _path_meta(shown, path_fields)), size)
    if unreadable:
        _warn(f"{folder}: {len(unreadable)} file name(s) not valid UTF-8, loaded with U+FFFD in their ids: "
              f"{', '.join(sorted(unreadable)[:5])}")

    listed, owner, blank = [], {}, 0
    for name in sorted(entries):
        entry, size = entries[name]
        if _is_blank_file(entry.path, size):
            _warn(f"{_shown(entry.path)}: empty file, skipped")
            blank += 1
            continue
        if entry.id in owner:
            raise CorpusError(
                f"{folder}: id {entry.id!r} names both {_shown(owner[entry.id])} and {_shown(name)}; "
                f"give one of them its own id in {METADATA_FILE}"
            )
        owner[entry.id] = name
        listed.append(entry)
    if not listed:
        reason = f"its {blank} .txt file(s) are empty" if blank else "it has no .txt files"
        raise CorpusError(f"{folder}: no documents to load: {reason}")
    return listed


def _walk(folder: Path) -> tuple[dict[str, tuple[str, int]], list[str], list[str]]:
    """Every .txt below ``folder`` as {relative path: (path, size)}; the other entries; the folder links not followed.

    Plain strings and scandir's sizes: building Path objects costs more than
    the stat calls on a tree of 200,000 files. Hidden files and folders
    (.git, .DS_Store, macOS ._x.txt) are no texts, as glob also assumes. A
    linked folder is read once: a second path to it (or a link back up the
    tree) is listed, not followed.
    """
    found: dict[str, tuple[str, int]] = {}
    ignored: list[str] = []
    followed: list[str] = []
    seen = {os.path.realpath(folder)}
    pending = [("", str(folder))]
    links: list[tuple[str, str]] = []  # followed after every real folder, so a real folder never loses to a link to it
    while pending or links:
        if pending:
            relative, path = pending.pop()
        else:
            relative, path = links.pop()
            real = os.path.realpath(path)
            if real in seen:
                followed.append(_shown(relative))
                continue
            seen.add(real)
        with os.scandir(path) as listing:
            for item in listing:
                if item.name.startswith("."):
                    continue
                name = relative + item.name
                if _is_dir(item):
                    (links if item.is_symlink() else pending).append((name + "/", item.path))
                    if not item.is_symlink():
                        seen.add(os.path.realpath(item.path))
                # is_symlink first: is_file() raises on a link that loops
                elif item.name.lower().endswith(".txt") and (item.is_symlink() or item.is_file()):
                    found[name] = (item.path, _size(item.path))
                elif name != METADATA_FILE:
                    ignored.append(_shown(name))
    return found, ignored, followed


def _path_meta(name: str, path_fields: Sequence[str]) -> dict[str, str]:
    """``file`` and ``folder`` of a relative path, and its folder levels under the names of ``path_fields``."""
    folder = name.rpartition("/")[0]
    levels = folder.split("/") if folder else []
    return {"file": name, "folder": folder, **dict(zip(path_fields, levels))}


def _read_metadata(path: Path, encoding: str = "utf-8") -> dict[str, tuple[int, str, dict[str, str]]]:
    """metadata.csv as {file: (line, id, other columns)}, every row checked.

    It is read in the corpus's encoding, unless it is valid UTF-8: a
    spreadsheet saved today describing texts written years ago.
    """
    data = path.read_bytes()
    if encoding != "utf-8" and _is_utf8(data):
        encoding = "utf-8"
    reader = csv.reader(io.StringIO(_whole_text(data, str(path), "strict", encoding, _warn, hint=""), newline=""))
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


def _check_header(header: list[str], path: str | Path) -> None:
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise CorpusError(f"{path}, line 1: repeated column name(s) {', '.join(map(repr, repeated))}")


def _is_blank_file(path: str | Path, size: int) -> bool:
    if size > _BLANK_PROBE_BYTES:
        return False
    with open(path, "rb") as f:
        data = f.read()
    return not data.decode(sniffed(data[:4], "utf-8"), "replace").removeprefix("\ufeff").strip()


def _size(path: str) -> int:
    """The file's size; a symbolic link that loops or leads nowhere is an error naming it."""
    try:
        info = os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise CorpusError(f"{_shown(path)}: a symbolic link that loops back on itself; no file to read") from None
        if os.path.islink(path):
            raise CorpusError(f"{_shown(path)}: a broken symbolic link (to {os.readlink(path)!r})") from None
        raise CorpusError(f"{_shown(path)}: cannot read: {e.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise CorpusError(f"{_shown(path)}: a folder with a .txt name, not a text file")
    return info.st_size


def _is_dir(item: os.DirEntry[str]) -> bool:
    try:
        return item.is_dir()
    except OSError:  # a link that loops is no folder
        return False


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
