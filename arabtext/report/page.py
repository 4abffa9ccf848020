"""One self-contained HTML file showing what arabtext finds in a corpus, for reading without Jupyter.

``write_report("report.html")`` runs the analyses of the lessons on a corpus
(the bundled sample by default) and writes a single file: a summary and a text
health check, the top words as a table and a bar chart, Zipf's law, a word
cloud, collocations by two association measures, a concordance of the three
most frequent content words, and the sentiment arc with the most positive and
most negative sentences explained word by word.

The file travels alone: styles are inline, images are PNG ``data:`` URIs, and
a Content-Security-Policy lets the page load nothing else and run no script.
Every piece of corpus text is HTML-escaped, and Arabic is laid out right to
left (``lang="ar" dir="rtl"``).

>>> html = report_html(["أكد الوزير أن المفاوضات نجحت. وقال الوزير إن الاتفاق جيد."], top=5)  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import heapq
import html
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence, TypeVar

from arabtext._version import __version__

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from arabtext.corpus.collection import Corpus

__all__ = ["SENTIMENT_METHODS", "report_html", "sentiment_analyzer", "write_report"]

T = TypeVar("T")

#: the page may load nothing but its own inline styles and data: images, and run no script
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
#: sentiment methods by name: the class that scores, and its module
SENTIMENT_METHODS = {"lexicon": ("arabtext.sentiment.analyzer", "SentimentAnalyzer"), "model": ("arabtext.sentiment.model", "SentimentModel")}
_STYLE = """
body { font-family: "Amiri", "Noto Naskh Arabic", "DejaVu Sans", sans-serif; max-width: 1100px; margin: 2em auto;
       padding: 0 1em; color: #222; line-height: 1.5; }
h1 { margin-bottom: 0.2em; } h2 { border-bottom: 2px solid #4c72b0; padding-bottom: 0.2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 0.5em 0; } th, td { padding: 3px 8px; border-bottom: 1px solid #ddd; }
th { background: #f3f5f9; } img { max-width: 100%; height: auto; display: block; margin: 0.5em 0; }
.grid { display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-start; }
.muted { color: #666; font-size: 0.9em; } .status-check { color: #b23; font-weight: bold; } .status-ok { color: #282; }
[lang="ar"], .title { font-size: 1.15em; } .title { text-align: start; } nav a { margin-right: 1em; }
.sentence { border-right: 4px solid #ccc; padding-right: 0.8em; margin: 1em 0; }
"""


def sentiment_analyzer(method: str = "lexicon") -> Any:
    """A sentiment scorer by method name (see :data:`SENTIMENT_METHODS`): ``score`` and ``explain_html`` on text.

    >>> sentiment_analyzer("lexicon").score("نجحت الخطة").label
    'positive'
    """
    import importlib

    if method not in SENTIMENT_METHODS:
        raise ValueError(f"unknown sentiment method {method!r}; choose from {', '.join(SENTIMENT_METHODS)}")
    module, name = SENTIMENT_METHODS[method]
    return getattr(importlib.import_module(module), name)()


@dataclass(frozen=True)
class _Sentence:
    score: float
    doc: str
    number: int
    text: str


def _passing(items: Iterable[T], desc: str, progress: bool) -> Iterable[T]:
    if not progress:
        return items
    from arabtext.counting.progress import progress as bar

    return bar(items, desc=desc)


# --- pictures -----------------------------------------------------------------------------


def _png(draw: Callable[[Axes], Any], size: tuple[float, float]) -> bytes:
    # A Figure without pyplot: no GUI backend, no global figure left behind.
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained")
    draw(fig.subplots())
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    return buf.getvalue()


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'


# --- HTML pieces ----------------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape(str(value))


def _arabic(inner: str, tag: str = "div") -> str:
    return f'<{tag} lang="ar" dir="rtl">{inner}</{tag}>'


def _rtl_table(df: pd.DataFrame, precision: int = 2) -> str:
    from arabtext.display.markup import rtl

    return _arabic(rtl(df, precision=precision).hide(axis="index").to_html())


def _ltr_table(df: pd.DataFrame) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in df.columns)
    rows = []
    for record in df.itertuples(index=False):
        cells = []
        for column, value in zip(df.columns, record):
            text = "" if _missing(value) else (f"{value:,.1f}" if isinstance(value, float) else f"{value:,}" if isinstance(value, int) else str(value))
            css = f' class="status-{_e(value)}"' if column == "status" else ""
            cells.append(f'<td dir="auto"{css}>{_e(text)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or str(value) == "<NA>"


def _section(anchor: str, title: str, *body: str) -> str:
    return f'<section id="{anchor}"><h2>{_e(title)}</h2>{"".join(body)}</section>'


# --- the report ---------------------------------------------------------------------------------


def report_html(
    data: Any = None,
    *,
    title: str | None = None,
    source: str | None = None,
    top: int = 20,
    measures: Sequence[str] = ("llr", "logdice"),
    window: int = 1,
    min_count: int = 2,
    kwic_words: int = 3,
    kwic_width: int = 6,
    kwic_rows: int = 10,
    sentences: int = 3,
    method: str = "lexicon",
    progress: bool = False,
) -> str:
    """The report of ``data`` as one HTML string (see the module docstring).

    ``data`` is anything :func:`arabtext.corpus.load_corpus` takes (None: the
    bundled corpus). The default ``title`` is the title of a single document,
    else ``source`` (what the corpus is called; by default the name of the
    file or folder ``data`` names) and the number of documents. ``top`` words go in the table, chart and cloud;
    collocations are scored by each of ``measures`` (pairs within ``window``
    words, seen ``min_count`` times); the ``kwic_words`` most frequent content
    words get a concordance of ``kwic_rows`` lines of ``kwic_width`` words a
    side; the ``sentences`` most positive and most negative sentences are
    explained, scored with ``method`` (``lexicon`` or ``model``).
    ``progress=True`` shows a bar per pass on a terminal.
    """
    from arabtext.analysis.association import check_measure
    from arabtext.analysis.concordance import kwic
    from arabtext.analysis.cooccurrence import collocations
    from arabtext.corpus.loading import load_corpus
    from arabtext.analysis.frequency import freq_table
    from arabtext.analysis.vocabulary import zipf
    from arabtext.corpus.health import health_check
    from arabtext.counting.engine import count_corpus
    from arabtext.display.charts import bar_top_words, sentiment_arc, zipf_plot
    from arabtext.display.clouds import word_cloud

    for measure in measures:
        check_measure(measure)
    analyzer = sentiment_analyzer(method)
    corpus: Corpus = load_corpus(data)

    health = health_check(_passing(corpus, "checking characters", progress))
    counts = count_corpus(_passing(corpus, "counting words", progress), window=window)
    words, pairs = counts.words, counts.pairs
    if not words.total:
        raise ValueError("the corpus holds no words to count")
    freq = freq_table(words)
    fit = zipf(words) if len(words.counts) >= 2 else None
    content = freq["token"].head(kwic_words).tolist()
    concordances = [(w, kwic(_passing(corpus, f"concordance of {w}", progress), w, width=kwic_width)) for w in content]

    arc_rows: list[tuple[int, float]] = []
    best: list[tuple[float, int, _Sentence]] = []
    worst: list[tuple[float, int, _Sentence]] = []
    documents: list[tuple[str, dict]] = []
    for doc in _passing(corpus, "scoring sentiment", progress):
        if len(documents) <= 50:
            documents.append((doc.id, doc.meta))
        scored = analyzer.score(doc.text).sentences
        for text, score in zip(scored["text"], scored["score"]):
            n = len(arc_rows) + 1  # sentences numbered along the arc, from 1
            arc_rows.append((n, float(score)))
            s = _Sentence(float(score), doc.id, n, text)
            if score > 0:
                (heapq.heappush if len(best) < sentences else heapq.heappushpop)(best, (s.score, -n, s))
            if score < 0:
                (heapq.heappush if len(worst) < sentences else heapq.heappushpop)(worst, (-s.score, -n, s))

    import pandas as pd

    if source is None and isinstance(data, (str, os.PathLike)):
        source = Path(data).name
    title = title or _title(documents, words.n_docs, source)
    n_types = len(words.counts)
    summary = pd.DataFrame(
        [
            ("documents", f"{words.n_docs:,}"),
            ("words (tokens)", f"{words.total:,}"),
            ("distinct words (types)", f"{n_types:,}"),
            ("type/token ratio", f"{n_types / words.total:.3f}"),
            ("words seen once (hapax legomena)", f"{sum(1 for c in words.counts.values() if c == 1):,}"),
            ("sentences", f"{len(arc_rows):,}"),
        ],
        columns=["measure", "value"],
    )
    parts = [
        _section(
            "summary",
            "Corpus summary",
            _doc_list(documents, words.n_docs),
            _ltr_table(summary),
            '<p class="muted">Words are counted after normalization with the default profile; '
            "stop words are left out of the tables below but counted in the totals.</p>",
        ),
        _section(
            "health",
            "Text health check",
            '<p class="muted">Characters that change what a count means. <b>check</b>: worth normalizing or fixing '
            "before counting; <b>info</b>: worth knowing; densities are per 1,000 Arabic letters.</p>",
            _ltr_table(health),
        ),
    ]
    top_freq = freq.head(top)
    if len(top_freq):
        chart = _png(lambda ax: bar_top_words(top_freq, n=top, ax=ax), (6, 1 + 0.3 * len(top_freq)))
        parts.append(
            _section(
                "words",
                f"Top {len(top_freq)} words (stop words left out)",
                '<div class="grid">',
                _rtl_table(top_freq[["rank", "token", "count", "per_10k", "doc_freq"]]),
                _img(chart, "bar chart of the most frequent words"),
                "</div>",
            )
        )
    if fit is not None:
        zipf_png = _png(lambda ax: zipf_plot(fit.table, ax=ax, exponent=fit.exponent), (6, 4.2))
        parts.append(
            _section(
                "zipf",
                "Zipf's law",
                f"<p>Frequency against rank on log-log axes, every word counted (stop words too): fitted exponent "
                f"s = {fit.exponent:.2f} (R² = {fit.r2:.2f}); Zipf's law predicts s ≈ 1 for large corpora.</p>",
                _img(zipf_png, "Zipf plot: word frequency against rank"),
            )
        )
    if len(top_freq):
        cloud = word_cloud(freq, max_words=max(top, 50), width=900, height=450, random_state=1)  # the same corpus, the same picture
        buf = io.BytesIO()
        cloud.to_image().save(buf, format="PNG")
        parts.append(_section("cloud", "Word cloud", _img(buf.getvalue(), "word cloud of the most frequent words")))

    colloc_tables = []
    for measure in measures:
        table = collocations(pairs, measure=measure, window=window, min_count=min_count).head(top)
        body = (
            _rtl_table(table[["w1", "w2", "O11", "E11", measure]], precision=3)
            if len(table)
            else f'<p class="muted">No pair of content words occurs {min_count} times or more.</p>'
        )
        colloc_tables.append(f"<div><h3>By {_e(measure)}</h3>{body}</div>")
    parts.append(
        _section(
            "collocations",
            "Collocations",
            f'<p class="muted">Pairs of words within {window} word(s) of each other, seen at least {min_count} times, '
            "without stop words. O11: how often the pair occurs; E11: how often chance alone would give it.</p>",
            '<div class="grid">',
            *colloc_tables,
            "</div>",
        )
    )
    parts.append(_section("kwic", "Concordance (KWIC) of the most frequent content words", *_concordances(concordances, kwic_rows)))
    parts.append(_sentiment_section(arc_rows, best, worst, analyzer, method, sentiment_arc))
    return _page(title, parts)


def _title(documents: list[tuple[str, dict]], n_docs: int, source: str | None) -> str:
    if n_docs == 1:
        doc_id, meta = documents[0]
        return str(meta.get("title") or doc_id)
    return f"{source + ': ' if source else ''}{n_docs:,} documents"


def _doc_list(documents: list[tuple[str, dict]], n_docs: int) -> str:
    if n_docs > 50:
        return f"<p>{n_docs:,} documents.</p>"
    items = []
    for doc_id, meta in documents:
        title = meta.get("title") or ""
        source = meta.get("source") or ""
        item = f'<li><code dir="auto">{_e(doc_id)}</code>'
        if title:
            item += " " + _arabic(_e(title), "span")
        if source:
            item += f' <span class="muted">({_e(source)})</span>'
        items.append(item + "</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _concordances(concordances: list[tuple[str, pd.DataFrame]], rows: int) -> list[str]:
    from arabtext.display.markup import kwic_html

    out = []
    for word, table in concordances:
        shown = f"first {rows} of {len(table)}" if len(table) > rows else f"{len(table)}"
        out.append(f"<h3>{_arabic(_e(word), 'span')} <span class=\"muted\">({shown} occurrences)</span></h3>")
        out.append(_arabic(kwic_html(table.head(rows))))
    if not out:
        out.append('<p class="muted">No content words to look up.</p>')
    return out


def _sentiment_section(arc_rows, best, worst, analyzer, method: str, sentiment_arc) -> str:
    import pandas as pd

    body = [
        f'<p class="muted">Method: {_e(method)}. Each sentence is scored on its own; '
        "green words push the score up, red words down (hover a word for its contribution).</p>"
    ]
    if arc_rows:
        arc = pd.DataFrame(arc_rows, columns=["sentence", "score"])
        window = max(3, len(arc) // 20) if len(arc) >= 6 else None
        body.append(_img(_png(lambda ax: sentiment_arc(arc, ax=ax, window=window), (9, 3.6)), "sentiment arc over the sentences"))
    for heading, heap in (("Most positive sentences", best), ("Most negative sentences", worst)):
        body.append(f"<h3>{_e(heading)}</h3>")
        chosen = [s for *_, s in sorted(heap, reverse=True)]
        if not chosen:
            body.append('<p class="muted">None.</p>')
        for s in chosen:
            note = f'<p class="muted">score {s.score:+.2f} · sentence {s.number} of the arc · document <code dir="auto">{_e(s.doc)}</code></p>'
            body.append(f'<div class="sentence">{note}{_arabic(analyzer.explain_html(s.text))}</div>')
    return _section("sentiment", "Sentiment", *body)


def _page(title: str, parts: list[str]) -> str:
    nav = " ".join(
        f'<a href="#{a}">{t}</a>'
        for a, t in (("summary", "Summary"), ("health", "Health"), ("words", "Words"), ("zipf", "Zipf"), ("cloud", "Cloud"),
                     ("collocations", "Collocations"), ("kwic", "Concordance"), ("sentiment", "Sentiment"))
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>arabtext report: {_e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f'<h1>arabtext report</h1>\n<p dir="auto" class="title">{_e(title)}</p>\n'
        f'<p class="muted">Written by arabtext {_e(__version__)}. Everything on this page is computed from the corpus '
        "by the functions of the arabtext lessons.</p>\n"
        f"<nav>{nav}</nav>\n" + "\n".join(parts) + "\n</body>\n</html>\n"
    )


def write_report(path: str | os.PathLike[str], data: Any = None, **options: Any) -> Path:
    """Write the report of ``data`` to ``path`` (an ``.html`` file); returns the path.

    The file is written whole or not at all: a failed run never leaves half a
    report behind. Options are those of :func:`report_html`.

    >>> write_report("report.html")  # doctest: +SKIP
    PosixPath('report.html')
    """
    from arabtext.report.files import atomic_write, check_writable

    path = Path(path)
    check_writable(path)
    page = report_html(data, **options)
    atomic_write(path, page.encode("utf-8"))
    return path
