"""Arabic laid out right to left for Jupyter: tables, paragraphs, highlighted words, concordances.

HTML does its own shaping and bidi, so these only set direction and
alignment and escape the text; the strings stay logical-order Unicode.

>>> rtl_html("قال <التميمي>")
'<p dir="rtl" style="text-align:right">قال &lt;التميمي&gt;</p>'
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

__all__ = ["rtl", "rtl_html", "show_rtl", "highlight_html", "kwic_html", "KWIC_COLUMNS"]


def rtl(df: pd.DataFrame | pd.Series, *, precision: int = 2, caption: str | None = None) -> Styler:
    """A pandas Styler laying ``df`` out right to left: first column on the right, cells right-aligned.

    Floats get ``precision`` decimals and numbers a thousands separator; text is
    HTML-escaped.

    >>> import pandas as pd
    >>> html = rtl(pd.DataFrame({"token": ["العراق"], "count": [1200]})).to_html()
    >>> 'dir="rtl"' in html and "1,200" in html
    True
    """
    import pandas as pd

    if isinstance(df, pd.Series):
        df = df.to_frame()
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"rtl() lays out a pandas DataFrame or Series, got {type(df).__name__}")
    # plaintext: each cell takes its direction from its own first strong letter, so
    # English text and negative numbers (−2.35) stay readable inside an RTL table
    right = [("text-align", "right"), ("unicode-bidi", "plaintext")]
    styler = (
        df.style.format(precision=precision, thousands=",", escape="html")
        .format_index(escape="html", axis=0)
        .format_index(escape="html", axis=1)
        .set_table_attributes('dir="rtl"')
        .set_table_styles(
            [
                {"selector": "th", "props": right},
                {"selector": "td", "props": right},
                {"selector": "caption", "props": right + [("caption-side", "top"), ("font-weight", "bold")]},
            ]
        )
    )
    if caption is not None:
        styler = styler.set_caption(html.escape(caption))
    return styler


def rtl_html(text: str) -> str:
    """``text`` as an escaped right-to-left HTML paragraph (it survives JupyterLab's sanitizer).

    >>> rtl_html("العراق\\nسبوتنيك")
    '<p dir="rtl" style="text-align:right">العراق<br>\\nسبوتنيك</p>'
    """
    return f'<p dir="rtl" style="text-align:right">{_escape(text)}</p>'


def show_rtl(text: str) -> None:
    """Display ``text`` as a right-to-left paragraph in a notebook.

    >>> show_rtl("التصعيد")  # doctest: +SKIP
    """
    from IPython.display import HTML, display

    display(HTML(rtl_html(text)))


def highlight_html(
    text: str,
    spans: Sequence[tuple[int, int, float]],
    *,
    title: str | None = None,
    scale: float | None = None,
) -> str:
    """Right-to-left HTML of ``text`` with each span ``(start, end, weight)`` coloured by its weight.

    Green for positive weights, red for negative, opacity proportional to
    ``|weight| / scale`` (default ``scale``: the largest ``|weight|``); hovering
    shows the weight. Offsets index the original ``text``; spans may come in any
    order but must not overlap. Everything is escaped.

    >>> highlight_html("ليس جيدا", [(4, 8, -0.8)])
    '<p dir="rtl" style="text-align:right;line-height:2">ليس <span style="background-color:rgba(200,30,30,0.80)" title="-0.8">جيدا</span></p>'
    """
    ordered = sorted((int(s), int(e), float(w)) for s, e, w in spans)
    end = 0
    for s, e, w in ordered:
        if not 0 <= s < e <= len(text):
            raise ValueError(f"span ({s}, {e}) is outside the text of length {len(text)} or empty")
        if s < end:
            raise ValueError(f"span ({s}, {e}) overlaps the span ending at {end}")
        if not math.isfinite(w):
            raise ValueError(f"span ({s}, {e}) has weight {w}; weights must be finite numbers")
        end = e
    if scale is None:
        scale = max((abs(w) for _, _, w in ordered), default=0.0) or 1.0
    elif not scale > 0:
        raise ValueError(f"scale must be positive, got {scale}")
    parts, pos = [], 0
    for s, e, w in ordered:
        parts.append(_escape(text[pos:s]))
        parts.append(f'<span style="background-color:{_colour(w / scale)}" title="{w:+.3g}">{_escape(text[s:e])}</span>')
        pos = e
    parts.append(_escape(text[pos:]))
    heading = f'<p dir="rtl" style="text-align:right"><strong>{_escape(title)}</strong></p>' if title else ""
    return heading + '<p dir="rtl" style="text-align:right;line-height:2">' + "".join(parts) + "</p>"


def _colour(x: float) -> str:
    alpha = min(abs(x), 1.0) * 0.8
    if alpha == 0:
        return "transparent"
    rgb = "30,150,60" if x > 0 else "200,30,30"
    return f"rgba({rgb},{alpha:.2f})"

KWIC_COLUMNS = ("left", "node", "right", "doc", "offset")


def kwic_html(df: pd.DataFrame) -> str:
    """A KWIC concordance (columns left, node, right, doc, offset) as a right-to-left HTML table.

    Arabic reads right to left, so ``left`` — the text *before* the node — is
    drawn on the node's right, aligned against it, and ``right`` (the text after)
    on its left; the nodes line up in one column. The columns read, from the
    right: doc, offset, before, node, after, then any other columns but
    ``end``. Each cell has a class (``kwic-doc``, ``kwic-offset``,
    ``kwic-left``, ``kwic-node``, ``kwic-right``, ``kwic-field``) for styling.
    Everything is escaped.

    >>> import pandas as pd
    >>> row = {"left": "ضد", "node": "القوات", "right": "الأمريكية", "doc": "d1", "offset": 40}
    >>> "<b>القوات</b>" in kwic_html(pd.DataFrame([row]))
    True
    """
    missing = [c for c in KWIC_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"kwic_html needs the columns {list(KWIC_COLUMNS)}; missing {missing}")
    extra = [c for c in df.columns if c not in KWIC_COLUMNS and c != "end"]
    cell = 'class="kwic-{}" style="padding:2px 6px;white-space:nowrap;text-align:{}"'
    doc, offset, field = cell.format("doc", "right"), cell.format("offset", "right"), cell.format("field", "right")
    before, centre, after = cell.format("left", "left"), cell.format("node", "center"), cell.format("right", "right")
    header = [("doc", doc), ("offset", offset), ("before", before), ("node", centre), ("after", after)]
    header += [(str(c), field) for c in extra]
    rows = ["<tr>" + "".join(f"<th {style}>{_escape(h)}</th>" for h, style in header) + "</tr>"]
    for r in df.to_dict("records"):
        rows.append(
            "<tr>"
            f'<td {doc}><span style="color:#777">{_cell(r["doc"])}</span></td>'
            f'<td {offset}><span style="color:#777">{_cell(r["offset"])}</span></td>'
            f"<td {before}>{_cell(r['left'])}</td>"
            f"<td {centre}><b>{_cell(r['node'])}</b></td>"
            f"<td {after}>{_cell(r['right'])}</td>" + "".join(f"<td {field}>{_cell(r[c])}</td>" for c in extra) + "</tr>"
        )
    return '<table dir="rtl" style="border-collapse:collapse">' + "".join(rows) + "</table>"


def _cell(value: object) -> str:
    return _escape("" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value))


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>\n")
