"""Commands that stream text line by line: ``normalize`` and ``tokenize`` (constant memory)."""

from __future__ import annotations

import argparse
import sys

from arabtext.cli.options import Command, _add_input, _add_steps, _examples, _steps_help
from arabtext.cli.reading import _input_lines
from arabtext.cli.tables import row_writer
from arabtext.text.normalization import Normalizer
from arabtext.text.tokenizer import iter_tokens, tokenize


def _normalize_arguments(p: argparse.ArgumentParser) -> None:
    _add_input(p, "the text to normalize")
    _add_steps(p)


def _tokenize_arguments(p: argparse.ArgumentParser) -> None:
    _add_input(p, "the text to tokenize")
    _add_steps(p)
    p.add_argument("--format", choices=("text", "csv", "tsv", "jsonl"), default="text", help="output format")


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


#: name, summary, epilog, arguments and run of each command, in the order --help lists them
COMMANDS = (
    Command(
        "normalize",
        "Normalize Arabic text line by line (streams: constant memory).",
        _examples(
            'echo "إِلى الأمامِ" | arabtext normalize -          # → الي الامام',
            'echo "مدرسةٌ" | arabtext normalize - --steps ta_marbuta=on   # → مدرسه',
            "arabtext normalize --steps all=off,tashkeel=on book.txt   # only strip diacritics",
        )
        + "\n\n"
        + _steps_help(),
        _normalize_arguments,
        _run_normalize,
    ),
    Command(
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
        _tokenize_arguments,
        _run_tokenize,
    ),
)
