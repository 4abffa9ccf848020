"""The input of a command: a corpus path, standard input or the bundled sample; and the table it prints."""

from __future__ import annotations

import argparse
import io
import sys

import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

from arabtext.cli.options import STDIN, UserError
from arabtext.cli.tables import write_frame
from arabtext.counting.progress import progress
from arabtext.text.normalization import Normalizer

if TYPE_CHECKING:
    import pandas as pd

    from arabtext.corpus.collection import Corpus, Document

_BOM = b"\xef\xbb\xbf"


def _load_options(args: argparse.Namespace) -> dict[str, object]:
    return {"errors": args.errors, "strip_html": args.strip_html, "text_column": args.text_column, "encoding": args.encoding,
            "on_bad_records": "skip" if args.skip_bad_records else "raise", "path_fields": args.path_fields}


def _load(args: argparse.Namespace) -> Corpus:
    """The corpus the arguments name: a path, standard input (one document), or the bundled sample."""
    from arabtext.corpus.loading import load_corpus

    if args.path != STDIN:
        return load_corpus(args.path, **_load_options(args))
    text = "\n".join(_stdin_lines(args.errors, args.encoding))
    if not text.strip():
        raise UserError("standard input is empty: no text to analyse")
    return load_corpus([text], strip_html=args.strip_html)


def _documents(corpus: Corpus, desc: str) -> Iterator[Document]:
    """The documents of ``corpus`` for one pass, with a progress bar on a terminal."""
    return progress(corpus, desc=desc)


def _stdin_lines(errors: str, encoding: str = "utf-8") -> Iterator[str]:
    """Standard input, decoded one line at a time (UTF-16 at once: its lines do not split as bytes), without line ends."""
    from arabtext.corpus.decoding import line_safe

    if not line_safe(encoding):
        try:
            yield from sys.stdin.buffer.read().decode(encoding, errors).removeprefix("\ufeff").splitlines()
        except UnicodeDecodeError as e:
            raise UserError(f"standard input: not {encoding} ({e.reason}); pass --errors replace") from None
        return
    name = "UTF-8" if encoding == "utf-8" else encoding
    for number, raw in enumerate(sys.stdin.buffer, 1):
        if number == 1 and encoding == "utf-8":
            raw = raw.removeprefix(_BOM)
        try:
            line = raw.decode(encoding)
        except UnicodeDecodeError as e:
            if errors == "strict":
                raise UserError(
                    f"standard input, line {number}: not {name} (byte 0x{raw[e.start]:02x} at byte {e.start + 1} of the line); "
                    "pass --encoding (cp1256 for Windows Arabic) or --errors replace"
                ) from None
            warnings.warn(f"standard input, line {number}: not {name}; undecodable bytes replaced with U+FFFD")
            line = raw.decode(encoding, "replace")
        yield line.rstrip("\n").removesuffix("\r")


def _input_lines(args: argparse.Namespace) -> Iterator[tuple[str, int, str]]:
    """(document id, line number, line) of standard input or of every document of a corpus."""
    if args.path == STDIN:
        for number, line in enumerate(_stdin_lines(args.errors, args.encoding), 1):
            yield STDIN, number, line
        return
    from arabtext.corpus.loading import iter_documents

    for doc in iter_documents(args.path, **_load_options(args)):
        for number, line in enumerate(io.StringIO(doc.text), 1):
            yield doc.id, number, line.removesuffix("\n")


def _show(df: pd.DataFrame, args: argparse.Namespace) -> None:
    if getattr(args, "top", 0):
        df = df.head(args.top)
    write_frame(df, args.format, sys.stdout)


def _normalize_option(args: argparse.Namespace) -> bool | Normalizer:
    return Normalizer(**args.steps) if args.steps else True
