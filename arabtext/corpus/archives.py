"""Archives read in place: the members of a .zip, .tar, .tar.gz/.tgz file, streamed without unpacking to disk.

Each member is read by its own extension: ``.txt`` members are documents
(their folders inside the archive give ``meta["folder"]`` and the
``path_fields``, as in a corpus folder), ``.csv``, ``.jsonl`` and ``.json``
members (gzip-compressed too) are files of records. Other members, hidden
ones (``.x``, ``__MACOSX/``) aside, are reported in one warning.
"""

from __future__ import annotations

import tarfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from arabtext.corpus.collection import CorpusError, Document, Errors, _Source, _warn
from arabtext.corpus.decoding import _shown, _whole_text
from arabtext.corpus.folder import _ListedTexts, _path_meta
from arabtext.corpus.records import _Records, record_kind
from arabtext.corpus.several import _Many, _without_suffixes

Opener = Callable[[], BinaryIO]


def archive_kind(path: Path) -> str | None:
    """``"zip"`` or ``"tar"`` for an archive's file name, else None."""
    name = path.name.lower()
    if name.endswith(".zip"):
        return "zip"
    if name.endswith((".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")):
        return "tar"
    return None


def _open_archive(
    path: Path, errors: Errors, strip_html: bool, text_column: str, encoding: str, path_fields: Sequence[str], skip_bad: bool
) -> _Source:
    """The archive as one corpus: its .txt members, then each file of records, in member-name order."""
    where = _shown(path)
    members = _zip_members(path) if archive_kind(path) == "zip" else _tar_members(path)
    texts, parts, other = [], [], []
    for name, size, opener in sorted(members, key=lambda m: m[0]):
        if name.lower().endswith(".txt"):
            if size == 0:
                _warn(f"{where}: {name}: empty member, skipped")
            else:
                texts.append((name, opener))
        elif record_kind(PurePosixPath(name)):
            source = _Records(
                PurePosixPath(name), errors, strip_html, text_column, encoding, skip_bad,  # type: ignore[arg-type]
                opener=opener, member=(where, name),
            )
            parts.append((_without_suffixes(name), source, {"member": name}))
        else:
            other.append(name)
    if other:
        more = f" and {len(other) - 5} more" if len(other) > 5 else ""
        _warn(f"{where}: {len(other)} member{'s' * (len(other) != 1)} not loaded (not .txt, .csv, .jsonl or .json): "
              f"{', '.join(other[:5])}{more}")
    if texts:
        parts.insert(0, (None, _MemberTexts(where, texts, errors, strip_html, encoding, path_fields, skip_bad), {}))
    if not parts:
        raise CorpusError(f"{where}: no documents to load: no .txt, .csv, .jsonl or .json members")
    if len(parts) == 1:
        # one file of records in the archive (SaudiNewsNet): its record ids need no member prefix
        parts = [(None, parts[0][1], parts[0][2])]
    return _Many(where, parts)


def _hidden(name: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in name.split("/"))


def _zip_members(path: Path) -> list[tuple[str, int, Opener]]:
    try:
        archive = zipfile.ZipFile(path)  # kept open: each member's opener reads from it
    except zipfile.BadZipFile as e:
        raise CorpusError(f"{_shown(path)}: not a readable zip file ({e})") from None
    return [
        (info.filename, info.file_size, lambda info=info: archive.open(info))  # type: ignore[misc]
        for info in archive.infolist()
        if not info.is_dir() and not _hidden(info.filename)
    ]


def _tar_members(path: Path) -> list[tuple[str, int, Opener]]:
    try:
        archive = tarfile.open(path, "r:*")  # kept open: members are read from it in order
        infos = archive.getmembers()
    except (tarfile.TarError, EOFError, OSError) as e:
        raise CorpusError(f"{_shown(path)}: not a readable tar archive ({e})") from None
    return [
        (info.name.removeprefix("./"), info.size, lambda info=info: archive.extractfile(info))  # type: ignore[misc]
        for info in infos
        if info.isfile() and not _hidden(info.name.removeprefix("./"))
    ]


class _MemberTexts(_ListedTexts):
    """The .txt members of an archive, one document each, ids their paths inside it without .txt."""

    def __init__(
        self, where: str, members: list[tuple[str, Opener]], errors: Errors, strip_html: bool, encoding: str,
        path_fields: Sequence[str], skip_bad: bool = False,
    ) -> None:
        super().__init__(skip_bad)
        self._where, self._members = where, members
        self._errors, self._strip_html, self._encoding, self._path_fields = errors, strip_html, encoding, path_fields

    def __str__(self) -> str:
        return self._where

    def _listed_ids(self) -> list[str]:
        return [name[: -len(".txt")] for name, _ in self._members]

    def _named(self, position: int) -> tuple[str, str, str]:
        name = self._members[position][0]
        return self._where, name, f"{self._where}:{name}"

    def _decoded(self, position: int) -> Document:
        name, opener = self._members[position]
        where = f"{self._where}:{name}"
        with opener() as f:
            data = f.read()
        text = self._cleaned(_whole_text(data, where, self._errors, self._encoding, self.warn), where, self._strip_html)
        return Document(name[: -len(".txt")], text, _path_meta(name, self._path_fields))
