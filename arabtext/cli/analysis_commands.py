"""Commands that print a table of an analysis: ``freq``, ``colloc``, ``kwic`` and ``sentiment``."""

from __future__ import annotations

import argparse
import sys

from arabtext.cli.options import PROG, Command, _add_format, _add_input, _add_steps, _add_stopwords, _add_top, _examples, _measure, _whole
from arabtext.cli.reading import _documents, _load, _normalize_option, _show
from arabtext.cli.tables import write_frame
from arabtext.corpus.inputs import UNITS
from arabtext.report.page import SENTIMENT_METHODS


def _freq_arguments(p: argparse.ArgumentParser) -> None:
    _add_input(p, "the corpus")
    _add_top(p, 20, "most frequent words")
    _add_stopwords(p)
    p.add_argument("--ngram", type=_whole(1), default=1, metavar="N", help="count sequences of N words (default 1: words)")
    p.add_argument("--min-count", type=_whole(1), default=1, metavar="N", help="leave out what occurs fewer than N times")
    _add_unit(p)
    _add_steps(p)
    _add_format(p)


def _colloc_arguments(p: argparse.ArgumentParser) -> None:
    _add_input(p, "the corpus")
    p.add_argument("--measure", type=_measure, default="llr", help="sort by this measure (default llr; list below)")
    p.add_argument("--window", type=_whole(1), default=1, metavar="K", help="pairs up to K words apart (default 1: adjacent)")
    p.add_argument("--min-count", type=_whole(1), default=3, metavar="N", help="pairs seen at least N times (default 3)")
    _add_top(p, 20, "strongest pairs")
    _add_stopwords(p)
    p.add_argument("--all-measures", action="store_true", help="show every measure, not only the one sorted by")
    p.add_argument("--by-sentence", action="store_true", help="no pairs across a sentence end")
    _add_unit(p)
    _add_steps(p)
    _add_format(p)


def _add_unit(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unit", choices=UNITS, default="word",
                   help="count normalized words (default) or their lemmas (قالت، يقول → قال)")


def _kwic_arguments(p: argparse.ArgumentParser) -> None:
    _add_input(p, "the corpus")
    p.add_argument("word", metavar="QUERY", help="a word, a phrase in quotes, a wildcard (مفاوض*), lemma:قال or, with --regex, a pattern")
    p.add_argument("--width", type=_whole(0), default=5, metavar="N", help="words shown on each side (default 5)")
    p.add_argument("--match", choices=("clitics", "exact"), default="clitics", help="how the word is matched (default clitics)")
    p.add_argument("--regex", action="store_true", help="QUERY is a regular expression searched in each normalized word")
    p.add_argument("--exact", action="store_true", help="match the text as written: no normalization, no clitics")
    p.add_argument("--sort", metavar="KEYS", help="sort by the words around the node: R1, L2, node or several (L1,R1); default: by document")
    _add_top(p, 0, "first occurrences")
    _add_steps(p)
    _add_format(p)


def _sentiment_arguments(p: argparse.ArgumentParser) -> None:
    _add_input(p, "the corpus")
    p.add_argument("--method", choices=tuple(SENTIMENT_METHODS), default="lexicon", help="how to score (default lexicon)")
    p.add_argument("--by", choices=("sentence", "document", "token"), default="sentence", help="one row per sentence (default), document or scored word")
    _add_format(p)


def _info_arguments(p: argparse.ArgumentParser) -> None:
    _add_input(p, "the corpus")
    p.add_argument("--format", choices=("text", "csv", "tsv", "json"), default="text",
                   help="text: a summary for people (default); csv, tsv, json: the table of metadata fields")


def _run_info(args: argparse.Namespace) -> None:
    description = _load(args).describe()
    if args.format == "text":
        print(description)
    else:
        write_frame(description.fields, args.format, sys.stdout)


def _run_freq(args: argparse.Namespace) -> None:
    from arabtext.analysis.frequency import freq_table, ngrams

    corpus = _load(args)
    # lemmas with their spellings read the corpus twice: the corpus, not a one-pass stream
    docs = corpus if args.unit == "lemma" and args.ngram == 1 else _documents(corpus, "counting")
    options = {"normalize": _normalize_option(args), "stopwords": not args.keep_stopwords, "min_count": args.min_count,
               "unit": args.unit}
    _show(freq_table(docs, **options) if args.ngram == 1 else ngrams(docs, n=args.ngram, **options), args)


def _run_colloc(args: argparse.Namespace) -> None:
    from arabtext.analysis.association import MEASURES
    from arabtext.analysis.cooccurrence import collocations

    table = collocations(
        _documents(_load(args), "counting pairs"),
        measure=args.measure,
        window=args.window,
        min_count=args.min_count,
        stopwords=not args.keep_stopwords,
        normalize=_normalize_option(args),
        by_sentence=args.by_sentence,
        measures=None if args.all_measures else [args.measure],
        unit=args.unit,
    )
    measures = list(MEASURES) if args.all_measures else [args.measure]
    _show(table[["w1", "w2", "O11", "E11", *measures]], args)


def _run_kwic(args: argparse.Namespace) -> None:
    from arabtext.analysis.concordance import kwic

    word = args.word
    table = kwic(_documents(_load(args), f"looking for {word}"), word, width=args.width, normalize=_normalize_option(args),
                 match=args.match, regex=args.regex, exact=args.exact, sort=args.sort)
    if table.empty:
        print(f"{PROG}: no occurrence of {word!r}", file=sys.stderr)
    _show(table, args)


def _run_sentiment(args: argparse.Namespace) -> None:
    import pandas as pd

    from arabtext.report.page import sentiment_analyzer

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


#: name, summary, epilog, arguments and run of each command, in the order --help lists them
COMMANDS = (
    Command(
        "info",
        "What is in a corpus: documents, words, metadata fields and their commonest values, skipped records.",
        _examples(
            "arabtext info news                       # the bundled news sample: its outlets and categories",
            "arabtext info SANAD/ --path-fields source,category   # files like الخليج/رياضة/0001.txt",
            "arabtext info scraped.jsonl --skip-bad-records",
        ),
        _info_arguments,
        _run_info,
    ),
    Command(
        "freq",
        "Word (or n-gram) frequencies: count, per 10,000 words, documents, rank.",
        _examples(
            "arabtext freq --top 10                 # the bundled article, stop words left out",
            'echo "قال الوزير إن الوزير سيزور بغداد" | arabtext freq - --keep-stopwords',
            "arabtext freq my_corpus/ --ngram 2 --format csv > bigrams.csv",
            "arabtext freq --unit lemma --top 10     # lemmas: القوات، قوات، بقوة → قوة, with their spellings",
        ),
        _freq_arguments,
        _run_freq,
    ),
    Command(
        "colloc",
        "Collocations: word pairs scored by an association measure.",
        _examples(
            "arabtext colloc --measure logdice --min-count 2      # in the bundled article: عين الأسد، التحالف الدولي",
            "arabtext colloc my_corpus/ --window 3 --top 50 --format tsv",
        )
        + "\n\nmeasures (see arabtext.analysis.association): pmi, llr (log-likelihood G²), t, chi2, dice, logdice, mi3,\n"
        "deltap (ΔP of w2 given w1), deltap_rev (ΔP of w1 given w2).",
        _colloc_arguments,
        _run_colloc,
    ),
    Command(
        "kwic",
        "Concordance (key word in context): every occurrence of a word, with its neighbours as written.",
        _examples(
            "arabtext kwic القوات                     # also finds قوات، والقوات، للقوات (through clitics)",
            "arabtext kwic my_corpus/ العراق --width 8 --format csv",
            "arabtext kwic \"عين الأسد\"                 # a phrase: consecutive words",
            "arabtext kwic 'مفاوض*' --sort R1         # a wildcard (* any letters, ? one), sorted by the next word",
            "arabtext kwic '^مفاوض\\w*$' --regex",
            "arabtext kwic lemma:قال                  # every form of the verb: قال، وقالت، يقول",
        )
        + "\n\nThe word is matched after normalization and, by default, through clitics (--match exact: only\n"
        "its normalized form; --exact: the text as written). 'left' is the text before the word, 'right'\n"
        "the text after it; the documents' metadata fields follow.",
        _kwic_arguments,
        _run_kwic,
    ),
    Command(
        "sentiment",
        "Sentiment scores by sentence or document, or each word's part in them.",
        _examples(
            "arabtext sentiment                       # each sentence of the bundled article",
            'echo "لم ينجح الفريق، لكن الجمهور كان رائعا" | arabtext sentiment - --by token',
            "arabtext sentiment reviews.csv --by document --method model --format csv",
        )
        + "\n\nlexicon: sum of the scores of the lexicon words found, with negation, intensifiers and contrast;\n"
        "model: the log-odds of a trained linear model. --by token lists each word's contribution.",
        _sentiment_arguments,
        _run_sentiment,
    ),
)
