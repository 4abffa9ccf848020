"""The ``arabtext`` command: the package's analyses from a shell, no notebook needed.

Each subcommand reads its arguments, loads the corpus and calls the package
function that does the work; this module adds no analysis of its own. Tables
print aligned for a terminal, or as CSV/TSV/JSON for a pipe (``--format``),
always UTF-8 in logical order: the terminal lays Arabic out, never us.

    $ echo "إِلى الأمامِ" | arabtext normalize -
    الي الامام
    $ arabtext freq --top 5

Mistakes in what the user gave (a missing file, text that is not UTF-8, an
empty corpus, an output that cannot be written) end the run with one line on
stderr and exit status 2; ``--debug`` adds the traceback. Warnings of the
corpus loader (a skipped empty file ...) print as one line each.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import sys
import traceback
import warnings
from typing import Callable, Iterator, Sequence

from arabtext import __version__
from arabtext._output import row_writer
from arabtext.normalize import STEPS, Normalizer
from arabtext.tokenize import iter_tokens, tokenize

PROG = "arabtext"
STDIN = "-"
#: exit status for a mistake in the input or the arguments (argparse uses it too)
USAGE_ERROR = 2
_BOM = b"\xef\xbb\xbf"
_ON = {"on": True, "yes": True, "true": True, "1": True, "off": False, "no": False, "false": False, "0": False}


class UserError(Exception):
    """A mistake in what the user gave: reported as one line, exit status 2."""


# --- arguments ----------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error reported as one line (the full usage is one --help away)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(USAGE_ERROR, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def parse_steps(spec: str) -> dict[str, bool]:
    """Normalization steps from ``name=on|off`` items separated by commas, applied left to right.

    ``all`` names every step, so ``all=off,tashkeel=on`` only strips diacritics.
    Step names are those of :data:`arabtext.normalize.STEPS`.

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


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


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


def _add_input(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help=f"{what}: a folder of .txt files, a .txt, .csv or .jsonl file, or - for standard input "
        "(default: the bundled sample corpus)",
    )
    group = p.add_argument_group("reading the corpus")
    group.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="text that is not UTF-8: stop with an error (strict, default) or replace bad bytes with U+FFFD",
    )
    group.add_argument("--strip-html", action="store_true", help="remove HTML tags and unescape entities")
    group.add_argument("--text-column", default="text", metavar="NAME", help="the text column of a CSV/JSONL corpus")


def build_parser() -> argparse.ArgumentParser:
    """The ``arabtext`` argument parser, one subparser per subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's default must not undo a --debug given before it
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks of errors")

    parser = _Parser(
        prog=PROG,
        description="Arabic text analysis from the command line: normalize, tokenize, count, find collocations, "
        "score sentiment, draw a word cloud, write an HTML report.",
        epilog=f"Run '{PROG} COMMAND --help' for each command, with an Arabic example.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)

    def command(name: str, summary: str, epilog: str, run: Callable[[argparse.Namespace], None]) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=epilog,
            parents=[common],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(run=run)
        return p

    p = command(
        "normalize",
        "Normalize Arabic text line by line (streams: constant memory).",
        _examples(
            'echo "إِلى الأمامِ" | arabtext normalize -          # → الي الامام',
            'echo "مدرسةٌ" | arabtext normalize - --steps ta_marbuta=on   # → مدرسه',
            "arabtext normalize --steps all=off,tashkeel=on book.txt   # only strip diacritics",
        )
        + "\n\n"
        + _steps_help(),
        _run_normalize,
    )
    _add_input(p, "the text to normalize")
    _add_steps(p)

    p = command(
        "tokenize",
        "Split text into words line by line (streams: constant memory).",
        _examples(
            'echo "وَقالَ «التميمي»: 12.5%" | arabtext tokenize -          # → وقال التميمي',
            'echo "وَقالَ «التميمي»: 12.5%" | arabtext tokenize - --format tsv   # every token, kind and offsets',
        )
        + "\n\n"
        "--format text (default) writes the words of each input line on one line, separated by spaces,\n"
        "normalized (see --steps). csv, tsv and jsonl write one row per token of every kind, with its\n"
        "document, line, start and end (character offsets in the line as written), kind, the token as\n"
        "written and its normalized form.\n\n" + _steps_help(),
        _run_tokenize,
    )
    _add_input(p, "the text to tokenize")
    _add_steps(p)
    p.add_argument("--format", choices=("text", "csv", "tsv", "jsonl"), default="text", help="output format")

    return parser


# --- reading --------------------------------------------------------------------------------


def _load_options(args: argparse.Namespace) -> dict[str, object]:
    return {"errors": args.errors, "strip_html": args.strip_html, "text_column": args.text_column}


def _stdin_lines(errors: str) -> Iterator[str]:
    """Standard input, decoded as UTF-8 one line at a time, without line ends."""
    for number, raw in enumerate(sys.stdin.buffer, 1):
        if number == 1:
            raw = raw.removeprefix(_BOM)
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            if errors == "strict":
                raise UserError(
                    f"standard input, line {number}: not UTF-8 (byte 0x{raw[e.start]:02x} at byte {e.start + 1} of the line); "
                    "convert it to UTF-8 or pass --errors replace"
                ) from None
            warnings.warn(f"standard input, line {number}: not UTF-8; undecodable bytes replaced with U+FFFD")
            line = raw.decode("utf-8", "replace")
        yield line.rstrip("\n").removesuffix("\r")


def _input_lines(args: argparse.Namespace) -> Iterator[tuple[str, int, str]]:
    """(document id, line number, line) of standard input or of every document of a corpus."""
    if args.path == STDIN:
        for number, line in enumerate(_stdin_lines(args.errors), 1):
            yield STDIN, number, line
        return
    from arabtext.corpus import iter_documents

    for doc in iter_documents(args.path, **_load_options(args)):
        for number, line in enumerate(io.StringIO(doc.text), 1):
            yield doc.id, number, line.removesuffix("\n")


# --- commands -------------------------------------------------------------------------------


def _run_normalize(args: argparse.Namespace) -> None:
    normalizer = Normalizer(**args.steps)
    write = sys.stdout.write
    for _, _, line in _input_lines(args):
        write(normalizer(line) + "\n")


def _run_tokenize(args: argparse.Namespace) -> None:
    normalizer = Normalizer(**args.steps)
    if args.format == "text":
        write = sys.stdout.write
        for _, _, line in _input_lines(args):
            write(" ".join(tokenize(line, normalizer)) + "\n")
        return
    write_row = row_writer(["doc", "line", "start", "end", "kind", "token", "normalized"], args.format, sys.stdout)
    for doc_id, number, line in _input_lines(args):
        for t in iter_tokens(line):
            write_row((doc_id, number, t.start, t.end, t.kind, t.text, normalizer(t.text)))


# --- running --------------------------------------------------------------------------------


def _error_message(error: BaseException) -> str:
    if isinstance(error, OSError) and error.filename is not None:
        where = os.fsdecode(error.filename)
        reason = error.strerror or str(error)
        return f"{where}: {reason}"
    return str(error)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
    # One line naming the problem; the file and line of our source that warned mean nothing to a user.
    print(f"{PROG}: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``arabtext`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    debug = getattr(args, "debug", False)
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        try:
            args.run(args)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away (| head): stop quietly, and keep Python from
            # complaining while flushing stdout at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
        except KeyboardInterrupt:
            print(f"{PROG}: interrupted", file=sys.stderr)
            return 130
        except (UserError, ValueError, OSError) as e:
            # CorpusError is a ValueError; the package's functions reject bad arguments with ValueError.
            if debug:
                traceback.print_exc()
            print(f"{PROG} {args.command}: error: {_error_message(e)}", file=sys.stderr)
            return USAGE_ERROR
    return 0


if __name__ == "__main__":
    sys.exit(main())
