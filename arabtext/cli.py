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
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from arabtext import __version__
from arabtext._output import FORMATS, atomic_write, check_writable, row_writer, write_frame
from arabtext._progress import progress
from arabtext.normalize import STEPS, Normalizer
from arabtext.report import SENTIMENT_METHODS
from arabtext.tokenize import iter_tokens, tokenize

if TYPE_CHECKING:
    import pandas as pd

    from arabtext.corpus import Corpus, Document

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
    from arabtext.association import check_measure

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


def _add_input(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help=f"{what}: a folder of .txt files, a .txt, .csv or .jsonl file, or - for standard input "
        "(default: the bundled sample corpus)",
    )
    _add_input_options(p)


def _add_input_options(p: argparse.ArgumentParser) -> None:
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

    p = command(
        "freq",
        "Word (or n-gram) frequencies: count, per 10,000 words, documents, rank.",
        _examples(
            "arabtext freq --top 10                 # the bundled article, stop words left out",
            'echo "قال الوزير إن الوزير سيزور بغداد" | arabtext freq - --keep-stopwords',
            "arabtext freq my_corpus/ --ngram 2 --format csv > bigrams.csv",
        ),
        _run_freq,
    )
    _add_input(p, "the corpus")
    _add_top(p, 20, "most frequent words")
    _add_stopwords(p)
    p.add_argument("--ngram", type=_whole(1), default=1, metavar="N", help="count sequences of N words (default 1: words)")
    p.add_argument("--min-count", type=_whole(1), default=1, metavar="N", help="leave out what occurs fewer than N times")
    _add_steps(p)
    _add_format(p)

    p = command(
        "colloc",
        "Collocations: word pairs scored by an association measure.",
        _examples(
            "arabtext colloc --measure logdice --min-count 2      # in the bundled article: عين الأسد، التحالف الدولي",
            "arabtext colloc my_corpus/ --window 3 --top 50 --format tsv",
        )
        + "\n\nmeasures (see arabtext.association): pmi, llr (log-likelihood G²), t, chi2, dice, logdice, mi3,\n"
        "deltap (ΔP of w2 given w1), deltap_rev (ΔP of w1 given w2).",
        _run_colloc,
    )
    _add_input(p, "the corpus")
    p.add_argument("--measure", type=_measure, default="llr", help="sort by this measure (default llr; list below)")
    p.add_argument("--window", type=_whole(1), default=1, metavar="K", help="pairs up to K words apart (default 1: adjacent)")
    p.add_argument("--min-count", type=_whole(1), default=3, metavar="N", help="pairs seen at least N times (default 3)")
    _add_top(p, 20, "strongest pairs")
    _add_stopwords(p)
    p.add_argument("--all-measures", action="store_true", help="show every measure, not only the one sorted by")
    p.add_argument("--by-sentence", action="store_true", help="no pairs across a sentence end")
    _add_steps(p)
    _add_format(p)

    p = command(
        "kwic",
        "Concordance (key word in context): every occurrence of a word, with its neighbours as written.",
        _examples(
            "arabtext kwic القوات                     # also finds قوات، والقوات، للقوات (through clitics)",
            "arabtext kwic my_corpus/ العراق --width 8 --format csv",
        )
        + "\n\nThe word is matched after normalization and, by default, through clitics (--match exact: only\n"
        "its normalized form). 'left' is the text before the word, 'right' the text after it.",
        _run_kwic,
    )
    _add_input(p, "the corpus")
    p.add_argument("word", metavar="WORD", help="the word to look for")
    p.add_argument("--width", type=_whole(0), default=5, metavar="N", help="words shown on each side (default 5)")
    p.add_argument("--match", choices=("clitics", "exact"), default="clitics", help="how the word is matched (default clitics)")
    _add_top(p, 0, "first occurrences")
    _add_steps(p)
    _add_format(p)

    p = command(
        "sentiment",
        "Sentiment scores by sentence or document, or each word's part in them.",
        _examples(
            "arabtext sentiment                       # each sentence of the bundled article",
            'echo "لم ينجح الفريق، لكن الجمهور كان رائعا" | arabtext sentiment - --by token',
            "arabtext sentiment reviews.csv --by document --method model --format csv",
        )
        + "\n\nlexicon: sum of the scores of the lexicon words found, with negation, intensifiers and contrast;\n"
        "model: the log-odds of a trained linear model. --by token lists each word's contribution.",
        _run_sentiment,
    )
    _add_input(p, "the corpus")
    p.add_argument("--method", choices=tuple(SENTIMENT_METHODS), default="lexicon", help="how to score (default lexicon)")
    p.add_argument("--by", choices=("sentence", "document", "token"), default="sentence", help="one row per sentence (default), document or scored word")
    _add_format(p)

    p = command(
        "cloud",
        "Draw a word cloud of the most frequent words (PNG or SVG).",
        _examples(
            "arabtext cloud -o cloud.png              # the bundled article",
            'echo "العراق القوات العراق" | arabtext cloud - -o cloud.svg',
            "arabtext cloud my_corpus/ -o cloud.svg --top 200 --width 1600 --height 900",
        ),
        _run_cloud,
    )
    _add_input(p, "the corpus")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="the image to write (.png or .svg)")
    p.add_argument("--format", choices=("png", "svg"), help="image format (default: from the file name)")
    _add_top(p, 100, "most frequent words")
    _add_stopwords(p)
    p.add_argument("--width", type=_whole(50), default=1200, help="pixels (default 1200)")
    p.add_argument("--height", type=_whole(50), default=600, help="pixels (default 600)")
    _add_steps(p)

    p = command(
        "report",
        "Write one self-contained HTML report: summary, health check, words, Zipf, cloud, collocations, KWIC, sentiment.",
        _examples(
            "arabtext report -o report.html           # the bundled article «أمين \"الوعد الصادق\" العراقي ...»",
            "arabtext report my_corpus/ -o my_corpus.html --measures pmi,logdice --min-count 5",
        )
        + "\n\nThe file needs nothing else: styles inline, images embedded; it loads nothing and runs no script.",
        _run_report,
    )
    _add_input(p, "the corpus")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="the HTML file to write")
    p.add_argument("--title", help="the report's title (default: the document's title, or the number of documents)")
    _add_top(p, 20, "most frequent words in the table and chart")
    p.add_argument("--measures", type=_measures, default=("llr", "logdice"), metavar="M1,M2", help="collocation measures (default llr,logdice)")
    p.add_argument("--window", type=_whole(1), default=1, metavar="K", help="collocation window (default 1)")
    p.add_argument("--min-count", type=_whole(1), default=2, metavar="N", help="collocations seen at least N times (default 2)")
    p.add_argument("--method", choices=tuple(SENTIMENT_METHODS), default="lexicon", help="sentiment method (default lexicon)")

    return parser


# --- reading --------------------------------------------------------------------------------


def _load_options(args: argparse.Namespace) -> dict[str, object]:
    return {"errors": args.errors, "strip_html": args.strip_html, "text_column": args.text_column}


def _load(args: argparse.Namespace) -> Corpus:
    """The corpus the arguments name: a path, standard input (one document), or the bundled sample."""
    from arabtext.corpus import load_corpus

    if args.path != STDIN:
        return load_corpus(args.path, **_load_options(args))
    text = "\n".join(_stdin_lines(args.errors))
    if not text.strip():
        raise UserError("standard input is empty: no text to analyse")
    return load_corpus([text], strip_html=args.strip_html)


def _documents(corpus: Corpus, desc: str) -> Iterator[Document]:
    """The documents of ``corpus`` for one pass, with a progress bar on a terminal."""
    return progress(corpus, desc=desc)


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


def _show(df: pd.DataFrame, args: argparse.Namespace) -> None:
    if getattr(args, "top", 0):
        df = df.head(args.top)
    write_frame(df, args.format, sys.stdout)


def _normalize_option(args: argparse.Namespace) -> bool | Normalizer:
    return Normalizer(**args.steps) if args.steps else True


def _run_freq(args: argparse.Namespace) -> None:
    from arabtext.frequency import freq_table, ngrams

    docs = _documents(_load(args), "counting")
    options = {"normalize": _normalize_option(args), "stopwords": not args.keep_stopwords, "min_count": args.min_count}
    _show(freq_table(docs, **options) if args.ngram == 1 else ngrams(docs, n=args.ngram, **options), args)


def _run_colloc(args: argparse.Namespace) -> None:
    from arabtext.association import MEASURES
    from arabtext.collocations import collocations

    table = collocations(
        _documents(_load(args), "counting pairs"),
        measure=args.measure,
        window=args.window,
        min_count=args.min_count,
        stopwords=not args.keep_stopwords,
        normalize=_normalize_option(args),
        by_sentence=args.by_sentence,
        measures=None if args.all_measures else [args.measure],
    )
    measures = list(MEASURES) if args.all_measures else [args.measure]
    _show(table[["w1", "w2", "O11", "E11", *measures]], args)


def _run_kwic(args: argparse.Namespace) -> None:
    from arabtext.collocations import kwic

    word = args.word
    table = kwic(_documents(_load(args), f"looking for {word}"), word, width=args.width, normalize=_normalize_option(args), match=args.match)
    if table.empty:
        print(f"{PROG}: no occurrence of {word!r}", file=sys.stderr)
    _show(table, args)


def _run_sentiment(args: argparse.Namespace) -> None:
    import pandas as pd

    from arabtext.report import sentiment_analyzer

    analyzer = sentiment_analyzer(args.method)
    frames = []
    for doc in _documents(_load(args), "scoring"):
        if args.by == "token":
            part = analyzer.explain(doc.text)
        elif args.by == "sentence":
            part = analyzer.score(doc.text).sentences
        else:
            part = pd.DataFrame([analyzer.score(doc.text).to_dict()])
        frames.append(part.assign(doc=doc.id)[["doc", *part.columns]])
    write_frame(pd.concat(frames, ignore_index=True), args.format, sys.stdout)


def _run_cloud(args: argparse.Namespace) -> None:
    from arabtext.frequency import freq_table
    from arabtext.plots import word_cloud

    check_writable(args.output)
    fmt = args.format or args.output.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise UserError(f"{args.output}: cannot tell the image format from the name; end it in .png or .svg, or pass --format")
    freq = freq_table(_documents(_load(args), "counting"), normalize=_normalize_option(args), stopwords=not args.keep_stopwords)
    if freq.empty:
        raise UserError("no words left to draw (every word is a stop word?); try --keep-stopwords")
    # a fixed random_state: the same corpus gives the same picture
    cloud = word_cloud(freq, max_words=args.top or len(freq), width=args.width, height=args.height, random_state=1)
    if fmt == "svg":
        data = cloud.to_svg(embed_font=True).encode("utf-8")
    else:
        buf = io.BytesIO()
        cloud.to_image().save(buf, format="PNG")
        data = buf.getvalue()
    atomic_write(args.output, data)
    print(f"{PROG}: wrote {args.output}", file=sys.stderr)


def _run_report(args: argparse.Namespace) -> None:
    import time

    from arabtext.report import write_report

    start = time.perf_counter()
    check_writable(args.output)
    write_report(
        args.output,
        _load(args),
        title=args.title,
        source="standard input" if args.path == STDIN else args.path and Path(args.path).name,
        top=args.top or 20,
        measures=args.measures,
        window=args.window,
        min_count=args.min_count,
        method=args.method,
        progress=True,
    )
    print(f"{PROG}: wrote {args.output} in {time.perf_counter() - start:.1f} s", file=sys.stderr)


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
