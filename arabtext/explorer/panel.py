"""The explorer panel: type a query, see the concordance, its collocates and its spread, as in AntConc.

The panel is ipywidgets around a :class:`~arabtext.explorer.index.ConcordanceIndex`:
the corpus is read once when the panel is made, and every query after that is
answered from the index. Where no widget can be drawn (a notebook rendered to
HTML, GitHub's viewer) the panel shows the last result as a plain
right-to-left table with a one-line note, so a saved notebook still shows it.
"""

from __future__ import annotations

import html
import re
from contextlib import contextmanager
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from arabtext.analysis.association import MEASURES
from arabtext.analysis.concordance import concordance_frame
from arabtext.corpus.inputs import Texts
from arabtext.display.markup import kwic_html
from arabtext.explorer.index import ConcordanceIndex, Hits

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Explorer", "explore"]

_SORT_CHOICES = [("—", "")] + [(f"L{k}", f"L{k}") for k in (3, 2, 1)] + [("node", "node")] + [(f"R{k}", f"R{k}") for k in (1, 2, 3)]
_MAX_WINDOW = 10
_MODES = [("word · wildcard", "word"), ("regex", "regex"), ("as written", "exact")]
# the panel's own look: Arabic typed right to left; the lines scroll inside the panel, from the right (the doc column) leftwards
_STYLE = """<style>
.arabtext-explore .arabtext-query input, .arabtext-explore select {direction: rtl; font-size: 15px}
.arabtext-explore .arabtext-lines {overflow: auto; max-height: 32em; direction: rtl}
.arabtext-explore .kwic-node {color: #1f4e9c}
.arabtext-explore .arabtext-error {color: #b00020}
</style>"""


def explore(
    data: Texts | ConcordanceIndex,
    query: str = "",
    *,
    width: int = 5,
    page_size: int = 50,
    window: int = 5,
    fields: Sequence[str] = (),
) -> Explorer:
    """An interactive concordancer over ``data``: put it last in a cell and type a query.

    The query language is :func:`arabtext.kwic`'s: a word (found through its
    clitics: القوات finds والقوات), a phrase (``عين الأسد``), wildcards
    (``مفاوض*``), and, in the *regex* mode, regular expressions; *as
    written* matches the text letter for letter, diacritics and all. Two sort
    keys order the lines by the words around the node (``R1`` is the first
    word after it). For a one-word query the panel lists its collocates within
    ``window`` words (the window and the measure can be changed); click one to
    search for it. The line above the table gives the number of hits, in how
    many documents, and their dispersion (DP).
    ``fields`` names metadata fields to show as columns (``["category"]``).

    >>> panel = explore(["أطلقت الفصائل صواريخ على القوات الأمريكية", "واستهدفت القوات قاعدة"], "القوات")
    >>> len(panel.hits), panel.lines().node.tolist()
    (2, ['القوات', 'القوات'])
    """
    index = data if isinstance(data, ConcordanceIndex) else ConcordanceIndex(data)
    return Explorer(index, query, width=width, page_size=page_size, window=window, fields=fields)


class Explorer:
    """The panel :func:`explore` returns: its widgets, and the result of the last query.

    Everything the panel shows can be read from Python too:
    :attr:`hits`, :meth:`lines` (the page shown, as a DataFrame),
    :meth:`collocate_table`, and :meth:`search` sets a query as if typed.
    """

    def __init__(self, index: ConcordanceIndex, query: str = "", *, width: int = 5, page_size: int = 50,
                 window: int = 5, fields: Sequence[str] = ()) -> None:
        try:
            import ipywidgets as w
        except ImportError:  # a declared dependency; missing only from a broken install
            raise ImportError("the explorer needs ipywidgets: pip install ipywidgets") from None
        if page_size < 1:
            raise ValueError(f"page_size must be at least 1, got {page_size!r}")
        if not 1 <= window <= _MAX_WINDOW:
            raise ValueError(f"window must be between 1 and {_MAX_WINDOW} words, got {window!r}")
        self.index, self.page_size, self.fields = index, page_size, list(fields)
        self.hits: Hits | None = None
        self.error = ""
        self._muted = False  # while the panel sets its own controls, their observers wait
        self._collocates: pd.DataFrame | None = None
        self.query = w.Text(value=query, placeholder="القوات · عين الأسد · مفاوض*", description="query",
                            continuous_update=False).add_class("arabtext-query")
        self.mode = w.ToggleButtons(options=_MODES, value="word", description="match").add_class("arabtext-mode")
        self.sort1 = w.Dropdown(options=_SORT_CHOICES, value="", description="sort", layout=w.Layout(width="11em"))
        self.sort2 = w.Dropdown(options=_SORT_CHOICES, value="", description="then", layout=w.Layout(width="11em"))
        self.width = w.IntSlider(value=width, min=0, max=15, description="context", continuous_update=False)
        self.page = w.BoundedIntText(value=1, min=1, max=1, description="page", layout=w.Layout(width="11em"))
        self.summary = w.HTML().add_class("arabtext-summary")
        self.table = w.HTML().add_class("arabtext-lines")
        self.measure = w.Dropdown(options=list(MEASURES), value="logdice", description="measure",
                                  layout=w.Layout(width="14em"))
        self.window = w.BoundedIntText(value=window, min=1, max=_MAX_WINDOW, description="window",
                                       layout=w.Layout(width="14em"))
        self.collocates = w.Select(options=[], rows=14, layout=w.Layout(width="14em")).add_class("arabtext-collocates")
        side = w.VBox([w.HTML("<b>collocates</b>"), self.window, self.measure, self.collocates],
                      layout=w.Layout(min_width="15em"))
        self.widget = w.VBox([
            w.HTML(_STYLE),
            w.HBox([self.query, self.mode]),
            w.HBox([self.sort1, self.sort2, self.width, self.page]),
            self.summary,
            w.HBox([self.table, side], layout=w.Layout(align_items="flex-start")),
        ]).add_class("arabtext-explore")
        for control in (self.query, self.mode, self.sort1, self.sort2):
            control.observe(self._search, names="value")
        for control in (self.width, self.page):
            control.observe(self._show, names="value")
        self.measure.observe(self._show_collocates, names="value")
        self.window.observe(self._count_collocates, names="value")
        self.collocates.observe(self._follow, names="value")
        index.pair_counts(window)  # counted now, with the index, so that the first query answers at once
        self._search()

    def search(self, query: str, *, mode: str = "word", sort: Sequence[str] = ()) -> Explorer:
        """Set the query, mode (``"word"``, ``"regex"``, ``"exact"``) and up to two sort keys, as if typed.

        >>> panel = explore(["قال الوزير أمس", "رأى الوزير غزة"]).search("الوزير", sort=["R1"])
        >>> panel.lines().right.tolist()
        ['أمس', 'غزة']
        """
        keys = [*sort, "", ""][:2]
        with self._quiet():
            self.mode.value, self.sort1.value, self.sort2.value = mode, keys[0], keys[1]
            self.query.value = query
        self._search()
        return self

    def lines(self) -> pd.DataFrame:
        """The concordance lines on the page shown."""
        if self.hits is None:
            return concordance_frame([], [])
        start = (self.page.value - 1) * self.page_size
        hits = Hits(self.hits.query, self.hits.positions[start : start + self.page_size], self.hits.per_doc,
                    self.hits.range, self.hits.juilland_d, self.hits.dp)
        return self.index.kwic(hits, self.width.value)

    def collocate_table(self) -> pd.DataFrame | None:
        """The collocates of a one-word query (None for phrases and patterns), by the chosen measure."""
        if self._collocates is None:
            return None
        return self._collocates.sort_values(self.measure.value, ascending=False, kind="stable")

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        self._muted = True
        try:
            yield
        finally:
            self._muted = False

    def _search(self, change: Any = None) -> None:
        if self._muted:
            return
        text = self.query.value.strip()
        self.hits, self.error = None, ""
        if text:
            sort = [k for k in (self.sort1.value, self.sort2.value) if k]
            try:
                self.hits = self.index.search(text, regex=self.mode.value == "regex",
                                              exact=self.mode.value == "exact", sort=sort or None)
            except ValueError as e:
                self.error = str(e)
        pages = max(1, -(-len(self.hits or ()) // self.page_size))
        with self._quiet():
            self.page.max, self.page.value = pages, 1
        self._show()
        self._count_collocates()

    def _count_collocates(self, change: Any = None) -> None:
        self._collocates = None
        hits = self.hits
        if hits is not None and len(hits) and len(hits.query) == 1 and self.mode.value == "word":
            self._collocates = self.index.collocates(hits.query.text, self.window.value, "logdice", min_count=2)
        self._show_collocates()

    def _show(self, change: Any = None) -> None:
        if self._muted:
            return
        self.summary.value = self._summary_html()
        lines = self.lines()
        keep = ["left", "node", "right", "doc", "offset", *[f for f in self.fields if f in lines.columns]]
        self.table.value = kwic_html(lines[keep]) if len(lines) else ""

    def _show_collocates(self, change: Any = None) -> None:
        table = self.collocate_table()
        measure = self.measure.value
        options = [] if table is None else [
            (f"{row.collocate}   {getattr(row, measure):.2f} · {row.O11}", row.collocate)
            for row in table.head(30).itertuples()
        ]
        with self._quiet():
            self.collocates.options = options
            self.collocates.value = None

    def _follow(self, change: Any) -> None:
        if change["new"] and not self._muted:
            self.search(change["new"])

    def _summary_html(self) -> str:
        if self.error:
            return f'<div class="arabtext-error">{html.escape(self.error)}</div>'
        index = self.index
        if self.hits is None:
            return (f"<div>{index.n_docs:,} documents, {len(index):,} words. Type a word, a phrase or a pattern "
                    "and press Enter.</div>")
        hits = self.hits
        if not len(hits):
            return f'<div>no occurrence of <b dir="auto">{html.escape(hits.query.text)}</b></div>'
        start = (self.page.value - 1) * self.page_size + 1
        shown = f"lines {start:,}–{min(start + self.page_size - 1, len(hits)):,} of {len(hits):,}"
        per_million = len(hits) / max(len(index), 1) * 1e6
        return (f'<div><b dir="auto">{html.escape(hits.query.text)}</b>: {len(hits):,} hits '
                f"({per_million:,.1f} per million words) in {hits.range:,} of {index.n_docs:,} documents; "
                f"DP {hits.dp:.2f} (0 = spread as evenly as the text, 1 = all in one place) · {shown}</div>")

    def _static_html(self) -> str:
        note = ('<p style="color:#777">This is a snapshot of the explorer: run the cell in JupyterLab '
                "to search interactively.</p>")
        return note + self._summary_html() + self.table.value

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        # the widget where a front end can draw it; the last result as a table where it cannot
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        data = dict(data)
        data["text/html"] = self._static_html()
        data["text/plain"] = f"Explorer: {html.unescape(_plain(self._summary_html()))}"
        return data if not metadata else (data, metadata)


def _plain(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup)
