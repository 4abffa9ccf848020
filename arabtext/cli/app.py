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
import io
import sys

import os
import traceback
import warnings
from collections.abc import Sequence

from arabtext._version import __version__
from arabtext.cli import analysis_commands, file_commands, text_commands
from arabtext.cli.options import PROG, USAGE_ERROR, UserError, _Parser

#: every subcommand, in the order --help lists them
COMMANDS = text_commands.COMMANDS + analysis_commands.COMMANDS + file_commands.COMMANDS


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

    for command in COMMANDS:
        p = sub.add_parser(
            command.name,
            help=command.summary,
            description=command.summary,
            epilog=command.epilog,
            parents=[common],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(run=command.run)
        command.arguments(p)
    return parser


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
