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

import errno
import glob
import gzip
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal

from arabtext.corpus.collection import Corpus, CorpusError, Document, Errors, _Source, _warn
from arabtext.corpus.decoding import _shown, check_encoding
from arabtext.corpus.archives import _MemberTexts, _open_archive, archive_kind
from arabtext.corpus.folder import _Entry, _is_blank_file, _list_folder, _path_meta, _size, _TextFiles
from arabtext.corpus.several import _Many, _without_suffixes
from arabtext.corpus.bundled import DATASETS, dataset_path
from arabtext.corpus.records import _Records, record_kind
from arabtext.corpus.strings import _Texts, _documents_from

__all__ = ["iter_documents", "load_corpus"]

#: what to do with a record that cannot be a document
BadRecords = Literal["raise", "skip"]

# the corpus subpackage; the wheel puts the sample article in sample/ here
_HERE = Path(__file__).resolve().parent


def load_corpus(
    path: str | os.PathLike[str] | Iterable[str | Document] | Corpus | None = None,
    *,
    errors: Errors = "strict",
    strip_html: bool = False,
    text_column: str = "text",
    encoding: str = "utf-8",
    path_fields: Sequence[str] = (),
    on_bad_records: BadRecords = "raise",
) -> Corpus:
    """Load a corpus: the bundled sample, a folder, a file, or a list of texts.

    - ``None``: the sample corpus shipped with arabtext (one news article).
    - a bundled dataset's name: ``"news"`` (2,000 news articles with
      ``source``, ``category``, ``date``), ``"ajgt"`` and ``"arsarcasm"``
      (labelled tweets); see :func:`~arabtext.corpus.bundled.datasets`.
      A file or folder of the same name in the working folder comes first.
    - a folder: every ``*.txt`` in it and in its subfolders, in sorted path
      order, one document each, with ``meta["file"]`` (the path relative to
      the folder) and ``meta["folder"]`` (its folder, ``""`` at the top);
      ``path_fields=["source", "category"]`` names the folder levels, so
      ``source/category/x.txt`` gets both fields. ``metadata.csv`` rows are
      joined on their ``file`` column (a relative path; ``id`` column optional,
      other columns go to ``meta``). A ``.txt`` without a row gets its path
      without ``.txt`` as id; a row whose file is missing is skipped with a
      warning. Hidden files and folders are ignored; other files are reported
      in one warning.
    - a ``.txt`` file: one document.
    - a ``.csv`` or ``.jsonl`` file, or either gzip-compressed
      (``.csv.gz``, ``.jsonl.gz``): one document per row/line, text from
      ``text_column``, id from an ``id`` column when present (else
      ``line0002``, the line the record starts on), the rest to ``meta``.
      A ``.json`` file holding an array: one document per object (ids
      ``record0001`` ...); JSON Lines under a ``.json`` name are read as such.
    - a ``.zip``, ``.tar`` or ``.tar.gz`` archive, read in place: its ``.txt``
      members as a folder's files, its CSV/JSON(L) members as files of records.
    - a glob (``"days/*.zip"``, ``**`` for any depth) or a list of
      ``Path`` objects: one corpus, in sorted order, each document's id
      prefixed by the file it came from (a list of *strings* is texts).
    - an iterable of strings (ids ``doc0001``, ...) or of Documents.
    - a Corpus: returned as it is.

    Files are read as UTF-8 unless ``encoding`` names another: ``"cp1256"``
    (Windows-1256) and ``"iso-8859-6"`` are the legacy encodings of Arabic;
    any codec Python knows is taken. A UTF-16 or UTF-32 byte-order mark is
    obeyed whatever ``encoding`` says. ``errors="replace"`` loads text that
    does not decode with U+FFFD in place of the bad bytes (and a warning)
    instead of raising. Text that looks like HTML draws a warning;
    ``strip_html=True`` removes the tags and unescapes the entities instead.
    Empty texts are skipped with a warning.

    ``on_bad_records="skip"`` leaves out a CSV row or JSON line that cannot
    be a document (not valid JSON, not an object, no text field or a text
    that is not a string, a wrong number of fields, undecodable bytes, a
    compressed file cut short), and a text file or archive member that
    cannot be decoded, instead of stopping at it: ``corpus.skipped`` lists
    each (file, line, reason; member for archives), and one warning per file
    counts them.

    >>> corpus = load_corpus()
    >>> corpus[0].text.split()[0]
    'أمين'
    >>> load_corpus(["<p>مرحبا &amp; أهلا</p>"], strip_html=True)[0].text.strip()
    'مرحبا & أهلا'
    """
    _check_errors(errors)
    encoding = check_encoding(encoding)
    if on_bad_records not in ("raise", "skip"):
        raise ValueError(f"on_bad_records must be 'raise' or 'skip', not {on_bad_records!r}")
    if isinstance(path, Corpus):
        return path
    options = (errors, strip_html, text_column, encoding, tuple(path_fields), on_bad_records == "skip")
    if isinstance(path, str) and _is_glob(path) and not Path(path).exists():
        matched = sorted(glob.glob(path, recursive=True))
        if not matched:
            raise FileNotFoundError(errno.ENOENT, "no file or folder matches the pattern", path)
        return Corpus(_several(path, [Path(m) for m in matched], *options))
    if _are_paths(path):
        return Corpus(_several(f"{len(path)} paths", [Path(p) for p in path], *options))
    if path is None or isinstance(path, (str, os.PathLike)):
        return Corpus(_open_path(_where(path), *options))
    return Corpus(_Texts(list(_documents_from(path, strip_html))))


def iter_documents(
    path: str | os.PathLike[str] | Iterable[str | Document] | Corpus | None = None,
    *,
    errors: Errors = "strict",
    strip_html: bool = False,
    text_column: str = "text",
    encoding: str = "utf-8",
    path_fields: Sequence[str] = (),
    on_bad_records: BadRecords = "raise",
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
    if path is None or isinstance(path, (str, os.PathLike, Corpus)) or _are_paths(path):
        return iter(load_corpus(
            path, errors=errors, strip_html=strip_html, text_column=text_column, encoding=encoding,
            path_fields=path_fields, on_bad_records=on_bad_records,
        ))
    return _documents_from(path, strip_html)


def _bundled_folder() -> Path:
    """The sample corpus: inside the package in a wheel, beside it in a checkout."""
    installed = _HERE / "sample"
    checkout = _HERE.parents[1] / "corpus"
    if installed.is_dir():
        return installed
    # pyproject.toml marks a checkout, so that some other package's top-level
    # corpus/ in site-packages is never taken for ours.
    if checkout.is_dir() and (_HERE.parents[1] / "pyproject.toml").is_file():
        return checkout
    raise FileNotFoundError(
        errno.ENOENT, f"the bundled corpus is missing (looked in {installed} and {checkout}); reinstall arabtext"
    )


def _where(path: str | os.PathLike[str] | None) -> Path:
    """The file or folder to read: the sample, a path, or a bundled dataset named by a string that is no path."""
    if path is None:
        return _bundled_folder()
    if isinstance(path, str) and path in DATASETS and not Path(path).exists():
        return dataset_path(path)
    return Path(path)


def _open_path(
    path: Path, errors: Errors, strip_html: bool, text_column: str, encoding: str,
    path_fields: tuple[str, ...] = (), skip_bad: bool = False,
) -> _Source:
    if path.is_dir():
        return _TextFiles(path, _list_folder(path, encoding, path_fields), errors, strip_html, encoding, skip_bad)
    if archive_kind(path) and path.is_file():
        return _open_archive(path, errors, strip_html, text_column, encoding, path_fields, skip_bad)
    if path.is_symlink():
        _size(str(path))  # a link that loops or leads nowhere: say so, not "not found"
    if not path.exists():
        raise FileNotFoundError(
            errno.ENOENT, f"corpus not found: no such file or folder (bundled datasets: {', '.join(DATASETS)})", _shown(path)
        )
    suffix = path.suffix.lower()
    if path.name.lower().endswith(".txt.gz"):
        inner = path.name[: -len(".gz")]
        opener = lambda: gzip.open(path, "rb")  # noqa: E731
        return _MemberTexts(_shown(path), [(inner, opener)], errors, strip_html, encoding, (), skip_bad)  # type: ignore[list-item]
    if suffix == ".txt":
        if _is_blank_file(path, path.stat().st_size):
            raise CorpusError(f"{_shown(path)}: empty file, no text to load")
        entry = _Entry(_shown(path.stem), str(path), {"file": _shown(path.name)})
        return _TextFiles(path, [entry], errors, strip_html, encoding, skip_bad)
    if record_kind(path):
        return _Records(path, errors, strip_html, text_column, encoding, skip_bad)
    raise CorpusError(
        f"{_shown(path)}: cannot load {''.join(path.suffixes[-2:]) or 'a file without extension'} files; "
        "expected a folder of .txt files, a .txt, .csv, .jsonl or .json file (gzip-compressed too: .csv.gz ...), "
        "or a .zip or .tar.gz archive"
    )


def _are_paths(path: object) -> bool:
    """A list (or tuple) of Path objects: several files as one corpus. A list of strings is texts."""
    return isinstance(path, (list, tuple)) and bool(path) and all(isinstance(p, os.PathLike) for p in path)


def _is_glob(path: str) -> bool:
    return any(c in path for c in "*?[")


def _several(
    where: str, paths: list[Path], errors: Errors, strip_html: bool, text_column: str, encoding: str,
    path_fields: tuple[str, ...], skip_bad: bool,
) -> _Source:
    """Files, folders and archives as one corpus, in the order given; each named by its path below their common folder."""
    root = Path(os.path.commonpath([str(p.absolute().parent) for p in paths]))
    parts: list[tuple[str | None, _Source, dict[str, str]]] = []
    for p in paths:
        relative = p.absolute().relative_to(root).as_posix()
        if p.is_file() and p.suffix.lower() == ".txt":
            if _is_blank_file(p, p.stat().st_size):
                _warn(f"{_shown(p)}: empty file, skipped")
                continue
            # a text file is one document: its path is its id, as in a folder
            entry = _Entry(_shown(relative[: -len(".txt")]), str(p), _path_meta(_shown(relative), ()))
            parts.append((None, _TextFiles(p, [entry], errors, strip_html, encoding, skip_bad), {}))
        else:
            source = _open_path(p, errors, strip_html, text_column, encoding, path_fields, skip_bad)
            parts.append((_shown(_without_suffixes(relative)), source, {"file": _shown(relative)}))
    if not parts:
        raise CorpusError(f"{where}: no documents to load (every file is empty)")
    return _Many(where, parts)


def _check_errors(errors: str) -> None:
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
