"""What every command shares: errors, argument types, the options that recur, and the Command record."""

from __future__ import annotations

import argparse
import difflib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from arabtext.cli.tables import FORMATS
from arabtext.text.normalization import STEPS

PROG = "arabtext"

STDIN = "-"

#: exit status for a mistake in the input or the arguments (argparse uses it too)
USAGE_ERROR = 2

_ON = {"on": True, "yes": True, "true": True, "1": True, "off": False, "no": False, "false": False, "0": False}


class UserError(Exception):
    """A mistake in what the user gave: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error reported as one line (the full usage is one --help away)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(USAGE_ERROR, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def parse_steps(spec: str) -> dict[str, bool]:
    """Normalization steps from ``name=on|off`` items separated by commas, applied left to right.

    ``all`` names every step, so ``all=off,tashkeel=on`` only strips diacritics.
    Step names are those of :data:`arabtext.text.normalization.STEPS`.

    >>> parse_steps("ta_marbuta=on,tashkeel=off")
    {'ta_marbuta': True, 'tashkeel': False}
    >>> sorted(k for k, v in parse_steps("all=off,tatweel=on").items() if v)
    ['tatweel']
    """
    names = [step.name for step in STEPS]
    steps: dict[str, bool] = {}
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        name, sep, value = (s.strip() for s in item.partition("="))
        if not sep or value.lower() not in _ON:
            raise argparse.ArgumentTypeError(f"{item!r} is not NAME=on or NAME=off")
        if name == "all":
            steps.update(dict.fromkeys(names, _ON[value.lower()]))
        elif name in names:
            steps[name] = _ON[value.lower()]
        else:
            close = difflib.get_close_matches(name, names, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise argparse.ArgumentTypeError(f"unknown step {name!r}; {hint}steps: all, {', '.join(names)}")
    return steps


def _whole(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value

    return parse


def _measure(name: str) -> str:
    from arabtext.analysis.association import check_measure

    try:
        return check_measure(name)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _measures(spec: str) -> tuple[str, ...]:
    names = tuple(_measure(name.strip()) for name in spec.split(",") if name.strip())
    if not names:
        raise argparse.ArgumentTypeError("name at least one measure")
    return names


def _steps_help() -> str:
    width = max(len(s.name) for s in STEPS)
    lines = [f"  {s.name:<{width}}  {'on ' if s.default else 'off'}  {s.description}" for s in STEPS]
    return "normalization steps (name, default, what it does):\n" + "\n".join(lines)


def _examples(*lines: str) -> str:
    return "example:\n" + "\n".join(f"  {line}" for line in lines)


def _add_steps(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--steps",
        type=parse_steps,
        default={},
        metavar="NAME=on|off,...",
        help="switch normalization steps, e.g. tashkeel=off,ta_marbuta=on; all=off turns every step off "
        "(steps listed below)",
    )


def _add_format(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table: aligned columns for a terminal (long cells cut with …); csv, tsv, json: every value in full, "
        "for other programs (default: table)",
    )


def _add_top(p: argparse.ArgumentParser, default: int, what: str) -> None:
    p.add_argument("--top", type=_whole(0), default=default, metavar="N", help=f"show the N {what} (0: all; default {default})")


def _add_stopwords(p: argparse.ArgumentParser) -> None:
    p.add_argument("--keep-stopwords", action="store_true", help="keep stop words (default: leave them out)")


class _Paths(argparse.Action):
    """PATH arguments: none (the bundled corpus), one, or several read as one corpus (as a list of Paths)."""

    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001
        values = list(values or [])
        if len(values) > 1 and STDIN in values:
            parser.error("- (standard input) cannot be one of several paths")
        value = None if not values else values[0] if len(values) == 1 else [Path(v) for v in values]
        setattr(namespace, self.dest, value)


def _add_input(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument(
        "path",
        nargs="*",
        action=_Paths,
        metavar="PATH",
        help=f"{what} (several PATHs: one corpus): a folder of .txt files (subfolders too), a .txt, .csv, .jsonl or .json file, a .zip or "
        ".tar.gz archive, a quoted glob ('days/*.zip'), a bundled dataset (news, ajgt, arsarcasm), or - for "
        "standard input (default: the bundled sample corpus)",
    )
    _add_input_options(p)


def _add_input_options(p: argparse.ArgumentParser) -> None:
    group = p.add_argument_group("reading the corpus")
    group.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="text that does not decode: stop with an error (strict, default) or replace bad bytes with U+FFFD",
    )
    group.add_argument(
        "--encoding",
        default="utf-8",
        type=_encoding,
        metavar="NAME",
        help="the encoding of the files: utf-8 (default), cp1256 (Windows-1256), iso-8859-6, ...; "
        "a UTF-16 byte-order mark is always obeyed",
    )
    group.add_argument("--strip-html", action="store_true", help="remove HTML tags and unescape entities")
    group.add_argument(
        "--path-fields",
        type=lambda names: [name.strip() for name in names.split(",") if name.strip()],
        default=[],
        metavar="F1,F2",
        help="name the folder levels of a corpus folder, e.g. source,category for source/category/x.txt",
    )
    group.add_argument(
        "--skip-bad-records",
        action="store_true",
        help="leave out CSV rows and JSON lines that cannot be documents (one warning counts them) instead of stopping",
    )
    group.add_argument("--text-column", default="text", metavar="NAME", help="the text column of a CSV/JSONL corpus")


def _encoding(name: str) -> str:
    from arabtext.corpus.decoding import check_encoding

    try:
        return check_encoding(name)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


class Command(NamedTuple):
    """One subcommand: what --help says about it, its arguments, and the function that runs it."""

    name: str
    summary: str
    epilog: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], None]
