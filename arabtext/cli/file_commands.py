"""Commands that write a file: ``cloud`` (a PNG or SVG image) and ``report`` (one HTML page)."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from arabtext.cli.options import PROG, STDIN, Command, UserError, _add_input, _add_steps, _add_stopwords, _add_top, _examples, _measures, _whole
from arabtext.cli.reading import _documents, _load, _normalize_option
from arabtext.report.files import atomic_write, check_writable
from arabtext.report.page import SENTIMENT_METHODS


def _cloud_arguments(p: argparse.ArgumentParser) -> None:
    _add_input(p, "the corpus")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="the image to write (.png or .svg)")
    p.add_argument("--format", choices=("png", "svg"), help="image format (default: from the file name)")
    _add_top(p, 100, "most frequent words")
    _add_stopwords(p)
    p.add_argument("--width", type=_whole(50), default=1200, help="pixels (default 1200)")
    p.add_argument("--height", type=_whole(50), default=600, help="pixels (default 600)")
    _add_steps(p)


def _report_arguments(p: argparse.ArgumentParser) -> None:
    _add_input(p, "the corpus")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="the HTML file to write")
    p.add_argument("--title", help="the report's title (default: the document's title, or the number of documents)")
    _add_top(p, 20, "most frequent words in the table and chart")
    p.add_argument("--measures", type=_measures, default=("llr", "logdice"), metavar="M1,M2", help="collocation measures (default llr,logdice)")
    p.add_argument("--window", type=_whole(1), default=1, metavar="K", help="collocation window (default 1)")
    p.add_argument("--min-count", type=_whole(1), default=2, metavar="N", help="collocations seen at least N times (default 2)")
    p.add_argument("--method", choices=tuple(SENTIMENT_METHODS), default="lexicon", help="sentiment method (default lexicon)")


def _source_name(path: str | list[Path] | None) -> str | None:
    """How the report names its input: standard input, a file's name, or how many paths."""
    if path == STDIN:
        return "standard input"
    if isinstance(path, list):
        return f"{len(path)} paths"
    return path and Path(path).name


def _run_cloud(args: argparse.Namespace) -> None:
    from arabtext.analysis.frequency import freq_table
    from arabtext.display.clouds import word_cloud

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

    from arabtext.report.page import write_report

    start = time.perf_counter()
    check_writable(args.output)
    write_report(
        args.output,
        _load(args),
        title=args.title,
        source=_source_name(args.path),
        top=args.top or 20,
        measures=args.measures,
        window=args.window,
        min_count=args.min_count,
        method=args.method,
        progress=True,
    )
    print(f"{PROG}: wrote {args.output} in {time.perf_counter() - start:.1f} s", file=sys.stderr)


#: name, summary, epilog, arguments and run of each command, in the order --help lists them
COMMANDS = (
    Command(
        "cloud",
        "Draw a word cloud of the most frequent words (PNG or SVG).",
        _examples(
            "arabtext cloud -o cloud.png              # the bundled article",
            'echo "العراق القوات العراق" | arabtext cloud - -o cloud.svg',
            "arabtext cloud my_corpus/ -o cloud.svg --top 200 --width 1600 --height 900",
        ),
        _cloud_arguments,
        _run_cloud,
    ),
    Command(
        "report",
        "Write one self-contained HTML report: summary, health check, words, Zipf, cloud, collocations, KWIC, sentiment.",
        _examples(
            "arabtext report -o report.html           # the bundled article «أمين \"الوعد الصادق\" العراقي ...»",
            "arabtext report my_corpus/ -o my_corpus.html --measures pmi,logdice --min-count 5",
        )
        + "\n\nThe file needs nothing else: styles inline, images embedded; it loads nothing and runs no script.",
        _report_arguments,
        _run_report,
    ),
)
