"""Arabic made ready to show: drawn by a renderer, or laid out right to left in HTML.

Analysis in arabtext always works on logical-order Unicode. This module (with
``arabtext.plots``) is the only place that prepares text for a reader:

- ``ar(text)`` returns a string to *draw*. A renderer that shapes Arabic itself
  (matplotlib ≥ 3.11 through libraqm, Pillow built with raqm) gets the text
  unchanged. For one that does not, the letters become their joined
  presentation forms (arabic-reshaper) in visual order (python-bidi). Which case
  applies is detected at run time, and ``ar`` never applies the step twice.
- ``rtl(df)``, ``rtl_html``, ``highlight_html`` and ``kwic_html`` lay out
  tables and paragraphs right to left for Jupyter.

>>> ar("العراق", shaping=True)
'العراق'
>>> rtl_html("قال <التميمي>")
'<p dir="rtl" style="text-align:right">قال &lt;التميمي&gt;</p>'
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
import warnings
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from os import PathLike, fspath
from typing import TYPE_CHECKING, Iterator, Sequence

from arabtext import chars

if TYPE_CHECKING:
    import pandas as pd
    from arabic_reshaper import ArabicReshaper
    from matplotlib.font_manager import FontProperties
    from pandas.io.formats.style import Styler

    from arabtext.normalize import Normalizer

TARGETS = ("matplotlib", "pillow")

#: ligatures a shaping renderer forms whenever the font has them: lam-alef is
#: obligatory in Arabic script and fonts map الله to one glyph. The hundreds of
#: optional ligatures of Presentation Forms-A are left out: plain joined letters
#: are always legible, stacked ligatures often are not at chart sizes.
_LIGATURES = frozenset(
    {
        "ARABIC LIGATURE ALLAH",
        "ARABIC LIGATURE LAM WITH ALEF",
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE",
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW",
        "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE",
    }
)
_PRESENTATION = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in chars.PRESENTATION_FORMS_RANGES) + "]")
# The basic letters (ء … ي): every font arabtext draws with has their joined
# forms, so after reshaping none of them is left as a plain letter.
_BASIC_LETTER = re.compile(f"[{chars.LETTERS}]")

_FORCED: ContextVar[bool | None] = ContextVar("arabtext_forced_shaping", default=None)


class VisualText(str):
    """A string that ``ar`` has reshaped and put in visual order; ``ar`` returns it unchanged.

    It is a plain ``str`` for every other purpose.
    """

    __slots__ = ()


@contextmanager
def force_shaping(shaping: bool | None) -> Iterator[None]:
    """Override the run-time detection of ``shapes_arabic`` inside a ``with`` block.

    ``False`` prepares text for a renderer that does not shape Arabic (an older
    matplotlib, Pillow without raqm, or one that detection cannot see); ``True``
    passes text through; ``None`` restores detection.

    >>> with force_shaping(True):
    ...     ar("سبوتنيك")
    'سبوتنيك'
    """
    token = _FORCED.set(shaping)
    try:
        yield
    finally:
        _FORCED.reset(token)


def shapes_arabic(target: str = "matplotlib") -> bool:
    """True when the renderer ``target`` ("matplotlib" or "pillow") shapes and orders Arabic itself.

    Detected once per target (matplotlib built with libraqm, Pillow with raqm);
    ``force_shaping`` overrides it.

    >>> with force_shaping(False):
    ...     shapes_arabic("pillow")
    False
    """
    _check_target(target)
    forced = _FORCED.get()
    return _detect(target) if forced is None else forced


@lru_cache(maxsize=None)
def _detect(target: str) -> bool:
    if target == "matplotlib":
        from matplotlib import ft2font

        # matplotlib >= 3.11 lays out every string with libraqm (FriBiDi + HarfBuzz)
        # and exposes its version; earlier releases draw characters one by one.
        return getattr(ft2font, "__libraqm_version__", None) is not None
    from PIL import features

    # wordcloud draws with ImageFont's default layout engine, which is raqm when present
    return bool(features.check_feature("raqm"))


def _check_target(target: str) -> None:
    if target not in TARGETS:
        raise ValueError(f"unknown drawing target {target!r}; choose one of {TARGETS}")


def ar(
    text: str,
    *,
    target: str = "matplotlib",
    font: str | PathLike | FontProperties | None = None,
    shaping: bool | None = None,
) -> str:
    """Return ``text`` ready to draw with ``target`` ("matplotlib" or "pillow").

    Unchanged when the renderer shapes Arabic itself. Otherwise each line is
    reshaped into joined presentation forms, using only the ligatures and forms
    that ``font`` (a font file or FontProperties; default: ``plots.arabic_font_path()``)
    has, and reordered into visual order with mirrored brackets. Text that is
    already in that form (a ``VisualText``, or presentation forms with no plain
    letters) is returned unchanged, so the step is never applied twice.
    ``shaping`` overrides detection for this call. Apply it at drawing time only:
    the result is for the eye, not for analysis.

    >>> ar("القوات الأمريكية", shaping=True)
    'القوات الأمريكية'
    >>> ar("العراق", shaping=False)  # visual order, joined forms: ق ا ر ع ل ا
    'ﻕﺍﺮﻌﻟﺍ'
    >>> ar(ar("العراق", shaping=False), shaping=False)
    'ﻕﺍﺮﻌﻟﺍ'
    """
    if not isinstance(text, str):
        raise TypeError(f"ar() draws a str, got {type(text).__name__}: {text!r}")
    if shaping is None:
        shaping = shapes_arabic(target)
    else:
        _check_target(target)
    visual = _is_visual(text)
    if shaping:
        if visual:
            warnings.warn(
                f"{text[:40]!r} looks reshaped and reordered already (presentation forms, no plain letters), "
                f"but the {target} renderer shapes Arabic itself and draws such text reversed; pass "
                "logical-order text (normalize() turns legacy presentation forms into letters)",
                stacklevel=2,
            )
        return text
    if visual:
        return text
    path = _font_file(font)
    return VisualText("\n".join(_visual_line(line, path) for line in text.split("\n")))


def _is_visual(text: str) -> bool:
    # ar's output holds presentation forms and no basic letter. Logical text from
    # a legacy source may hold a few presentation forms (ﻻ ﷲ) among plain
    # letters: that is logical text still to be prepared.
    if isinstance(text, VisualText):
        return True
    return _PRESENTATION.search(text) is not None and _BASIC_LETTER.search(text) is None


def _visual_line(line: str, font_path: str) -> str:
    from bidi.algorithm import get_display

    reshaper, unsupported = _reshaper(font_path)
    shaped = reshaper.reshape(_logical_letters()(line)).translate(unsupported)
    # a code point unassigned in this Python's Unicode has no bidi class (python-bidi
    # fails on it) and no glyph in any font: show it as the replacement character
    shaped = "".join("\ufffd" if unicodedata.category(c) == "Cn" else c for c in shaped)
    # python-bidi's default (Rust) get_display skips rule L4 (python-bidi issue #25),
    # so "(" would stay "(" in a right-to-left run; bidi.algorithm mirrors brackets.
    visual = get_display(shaped)
    # Joiners and bidi controls have done their work; a renderer that cannot
    # interpret them would draw them as boxes.
    return "".join(c for c in visual if unicodedata.category(c) != "Cf")


@lru_cache(maxsize=1)
def _logical_letters() -> Normalizer:
    from arabtext.normalize import STEPS, Normalizer

    # only the presentation_forms step: legacy ﻻ ﷲ ﺑ back to letters, nothing else touched
    return Normalizer(**{step.name: step.name == "presentation_forms" for step in STEPS})


@lru_cache(maxsize=8)
def _reshaper(font_path: str) -> tuple[ArabicReshaper, dict[int, str]]:
    """A reshaper using only what the font at ``font_path`` has, and a map of the forms it lacks."""
    from arabic_reshaper import ArabicReshaper, config_for_true_type_font

    from arabtext.plots import missing_glyphs

    has = config_for_true_type_font(font_path)
    config = {name: name in _LIGATURES and present for name, present in has.items() if name.startswith("ARABIC LIGATURE")}
    # Harakat are kept: the fonts draw a zero-width mark over the glyph that follows it
    # in visual order, which is where python-bidi leaves it. Isolated forms are used
    # even for fonts lacking a few; those are mapped back to plain letters below.
    config.update(delete_harakat=False, use_unshaped_instead_of_isolated=False, support_ligatures=True)
    forms = chars.presentation_forms()
    lacking = missing_glyphs("".join(forms), font_path)
    return ArabicReshaper(config), str.maketrans({c: forms[c] for c in lacking})


def _font_file(font: str | PathLike | FontProperties | None) -> str:
    if font is None:
        from arabtext.plots import arabic_font_path

        return arabic_font_path()
    if isinstance(font, (str, PathLike)):
        return fspath(font)
    from matplotlib.font_manager import findfont

    return str(findfont(font))


# --- HTML and tables --------------------------------------------------------------


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
    on its left. The columns read, from the right: doc, offset, before, node,
    after, then any other columns. Everything is escaped.

    >>> import pandas as pd
    >>> row = {"left": "ضد", "node": "القوات", "right": "الأمريكية", "doc": "d1", "offset": 40}
    >>> "<b>القوات</b>" in kwic_html(pd.DataFrame([row]))
    True
    """
    missing = [c for c in KWIC_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"kwic_html needs the columns {list(KWIC_COLUMNS)}; missing {missing}")
    extra = [c for c in df.columns if c not in KWIC_COLUMNS]
    cell = 'style="padding:2px 6px;white-space:nowrap;text-align:{}"'
    side, before, centre, after = cell.format("right"), cell.format("left"), cell.format("center"), cell.format("right")
    header = [("doc", side), ("offset", side), ("before", before), ("node", centre), ("after", after)]
    header += [(str(c), side) for c in extra]
    rows = ["<tr>" + "".join(f"<th {style}>{_escape(h)}</th>" for h, style in header) + "</tr>"]
    for r in df.to_dict("records"):
        rows.append(
            "<tr>"
            f'<td {side}><span style="color:#777">{_cell(r["doc"])}</span></td>'
            f'<td {side}><span style="color:#777">{_cell(r["offset"])}</span></td>'
            f"<td {before}>{_cell(r['left'])}</td>"
            f"<td {centre}><b>{_cell(r['node'])}</b></td>"
            f"<td {after}>{_cell(r['right'])}</td>" + "".join(f"<td {side}>{_cell(r[c])}</td>" for c in extra) + "</tr>"
        )
    return '<table dir="rtl" style="border-collapse:collapse">' + "".join(rows) + "</table>"


def _cell(value: object) -> str:
    return _escape("" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value))


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>\n")
