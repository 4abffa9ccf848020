"""Charts of Arabic words with matplotlib and wordcloud, labels joined and right to left.

Every string drawn goes through ``display.ar`` at drawing time, with a font
found once: Amiri or Noto Naskh Arabic when installed, otherwise the DejaVu Sans
bundled with matplotlib, which has the Arabic letters, harakat and digits.
Each chart takes ``ax=None`` (a new figure) and returns the Axes.

>>> from collections import Counter
>>> ax = bar_top_words(Counter({"العراق": 5, "القوات": 3}))  # doctest: +SKIP
"""

from __future__ import annotations

import unicodedata
import warnings
from collections import Counter
from functools import lru_cache
from os import PathLike, fspath
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Union

import numpy as np
from matplotlib import font_manager
from matplotlib.font_manager import FontProperties

from arabtext.display import ar
from arabtext.tokenize import tokenize

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from wordcloud import WordCloud

#: Arabic font families tried in order; DejaVu Sans when none is installed.
#: Assign another tuple of family names to prefer your own.
PREFERRED_FONTS: tuple[str, ...] = ("Amiri", "Noto Naskh Arabic")
#: matplotlib's bundled font: Latin, Arabic letters, harakat and Arabic-Indic digits
FALLBACK_FONT = "DejaVu Sans"

FontPath = Union[str, PathLike]
Frequencies = Union["pd.DataFrame", "pd.Series", Mapping[str, int]]


# --- fonts ------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _families(preferred: tuple[str, ...]) -> tuple[str, ...]:
    for name in preferred:
        if _register(name):
            # Noto Naskh Arabic has no Latin letters: matplotlib takes them from
            # the next family in the list.
            return (name, FALLBACK_FONT)
    return (FALLBACK_FONT,)


def _register(family: str) -> bool:
    """True when matplotlib can draw with ``family``, adding its files if its font cache predates them."""
    try:
        font_manager.findfont(FontProperties(family=family), fallback_to_default=False)
        return True
    except ValueError:
        pass
    # matplotlib's font list is cached on first use; a font installed later
    # (apt install fonts-hosny-amiri) is only found on disk.
    stem = family.replace(" ", "").lower()
    found = False
    for path in font_manager.findSystemFonts():
        if Path(path).name.replace("-", "").lower().startswith(stem):
            try:
                if font_manager.get_font(path).family_name != family:
                    continue
            except (OSError, RuntimeError):
                continue
            font_manager.fontManager.addfont(path)
            found = True
    return found


def arabic_font() -> FontProperties:
    """The font arabtext draws Arabic with: Amiri → Noto Naskh Arabic → DejaVu Sans.

    A family list: the Arabic face first, DejaVu Sans after it for what the
    Arabic face lacks. The search runs once (see ``PREFERRED_FONTS``).

    >>> arabic_font().get_family()[-1]
    'DejaVu Sans'
    """
    return FontProperties(family=list(_families(PREFERRED_FONTS)))



def font_files(prop: FontProperties | None = None) -> list[str]:
    """The font files matplotlib draws ``prop`` (default: ``arabic_font()``) with, in fallback order.

    >>> Path(font_files(FontProperties(family="DejaVu Sans"))[0]).name
    'DejaVuSans.ttf'
    """
    prop = arabic_font() if prop is None else prop
    # findfont returns matplotlib's FontPath (a str with a face index): hand out plain paths
    return [str(font_manager.findfont(FontProperties(family=f, style=prop.get_style(), weight=prop.get_weight()))) for f in prop.get_family()]


def arabic_font_path() -> str:
    """The file of the Arabic face of ``arabic_font()``, for Pillow, wordcloud and ``ar``.

    >>> Path(arabic_font_path()).suffix in {".ttf", ".otf"}
    True
    """
    return font_files()[0]


@lru_cache(maxsize=16)
def _cmap(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=0, lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_glyphs(text: str, font_path: FontPath | Iterable[FontPath]) -> set[str]:
    """Characters of ``text`` that no font in ``font_path`` (a file or a fallback list) has a glyph for.

    Controls and format characters (line breaks, joiners, bidi marks) are not
    drawn, so they are not counted.

    >>> dejavu = font_files(FontProperties(family="DejaVu Sans"))
    >>> missing_glyphs("العَرَبِيَّة ١٢ abc", dejavu)
    set()
    >>> missing_glyphs("ﷲ", dejavu)  # DejaVu has no single-glyph Allah ligature
    {'ﷲ'}
    """
    paths = [font_path] if isinstance(font_path, (str, PathLike)) else list(font_path)
    cmaps = [_cmap(fspath(p)) for p in paths]
    return {c for c in set(text) if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp") and not any(ord(c) in m for m in cmaps)}


def font_covers(text: str, font_path: FontPath | Iterable[FontPath]) -> bool:
    """True when ``font_path`` (a file or a fallback list) has a glyph for every character drawn in ``text``.

    >>> font_covers("القوات الأمريكية", font_files())
    True
    """
    return not missing_glyphs(text, font_path)


# --- helpers ----------------------------------------------------------------------


def _draw(text: object) -> str:
    return ar(str(text), font=arabic_font_path())


def _font_kw() -> dict:
    return {"fontfamily": arabic_font().get_family()}


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _counts(freq: Frequencies) -> list[tuple[str, float]]:
    """(token, count) pairs, most frequent first, from a freq_table DataFrame, a Series or a mapping."""
    import pandas as pd

    if isinstance(freq, pd.DataFrame):
        missing = {"token", "count"} - set(freq.columns)
        if missing:
            raise ValueError(f"a frequency DataFrame needs the columns 'token' and 'count' (as freq_table returns); missing {sorted(missing)}")
        pairs = zip(freq["token"], freq["count"])
    elif isinstance(freq, pd.Series):
        pairs = freq.items()
    elif isinstance(freq, Mapping):
        pairs = freq.items()
    else:
        raise TypeError(f"frequencies must be a DataFrame (token, count), a Series or a mapping such as Counter, got {type(freq).__name__}")
    items = [(str(t), float(c)) for t, c in pairs]
    bad = [(t, c) for t, c in items if not c >= 0]
    if bad:
        raise ValueError(f"counts must be non-negative numbers; got {bad[:3]}")
    return sorted(items, key=lambda tc: -tc[1])


# --- charts -----------------------------------------------------------------------


def bar_top_words(
    freq: Frequencies,
    n: int = 20,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str = "count",
) -> Axes:
    """Horizontal bars of the ``n`` most frequent words, the most frequent at the top.

    >>> from collections import Counter
    >>> ax = bar_top_words(Counter({"العراق": 5, "القوات": 3}), title="أكثر الكلمات")  # doctest: +SKIP
    """
    items = [tc for tc in _counts(freq) if tc[1] > 0][:n]
    if not items:
        raise ValueError("bar_top_words: no word with a positive count to plot")
    ax = _axes(ax, (6, 1 + 0.32 * len(items)))
    y = np.arange(len(items))
    ax.barh(y, [c for _, c in items], color="#4c72b0")
    ax.set_yticks(y, labels=[_draw(t) for t, _ in items], fontsize="large", **_font_kw())
    ax.invert_yaxis()
    ax.set_xlabel(_draw(xlabel), **_font_kw())
    if title:
        ax.set_title(_draw(title), **_font_kw())
    return ax


def zipf_plot(freq: Frequencies, *, ax: Axes | None = None, fit: bool = True, exponent: float | None = None) -> Axes:
    """Frequency against rank on log-log axes, with a line ``f = C · r^-s`` when ``fit``.

    ``s`` is the least-squares slope on the log-log points, or ``exponent`` when
    given (e.g. from ``frequency.zipf``), then only ``C`` is fitted.

    >>> from collections import Counter
    >>> ax = zipf_plot(Counter({"في": 40, "العراق": 20, "القوات": 13, "سبوتنيك": 10}))  # doctest: +SKIP
    """
    counts = np.array([c for _, c in _counts(freq) if c > 0])
    if counts.size == 0:
        raise ValueError("zipf_plot: no word with a positive count to plot")
    ranks = np.arange(1, counts.size + 1)
    ax = _axes(ax, (6, 4.5))
    ax.loglog(ranks, counts, ".", color="#4c72b0", label=_draw("words"))
    if fit:
        log_r, log_f = np.log(ranks), np.log(counts)
        if exponent is None:
            if counts.size < 2:
                raise ValueError("zipf_plot: fitting a slope needs at least two words; pass exponent= or fit=False")
            slope, log_c = np.polyfit(log_r, log_f, 1)
            s = -slope
        else:
            s = float(exponent)
            log_c = float(np.mean(log_f + s * log_r))
        ax.loglog(ranks, np.exp(log_c) * ranks**-s, "-", color="#dd8452", label=rf"$f \propto r^{{-{s:.2f}}}$")
        ax.legend(prop=arabic_font())
    ax.set_xlabel(_draw("rank"), **_font_kw())
    ax.set_ylabel(_draw("frequency"), **_font_kw())
    return ax


def dispersion_plot(texts_or_tokens: str | Iterable[str], words: Iterable[str], *, ax: Axes | None = None) -> Axes:
    """Where each of ``words`` occurs along the text: one row per word, a tick per occurrence.

    ``texts_or_tokens`` is a text, or documents (or tokens) read one after the
    other; each is tokenized with ``arabtext.tokenize`` and words match by
    normalized form, so العِراق finds العراق. Thin vertical lines mark where a
    document ends.

    >>> ax = dispersion_plot("العراق ثم القوات ثم العراق", ["العراق", "القوات"])  # doctest: +SKIP
    """
    docs = [texts_or_tokens] if isinstance(texts_or_tokens, str) else list(texts_or_tokens)
    stream: list[str] = []
    ends: list[int] = []
    for i, doc in enumerate(docs):
        if not isinstance(doc, str):
            raise TypeError(f"dispersion_plot: document {i} is a {type(doc).__name__}, not a str")
        stream.extend(tokenize(doc))
        ends.append(len(stream))
    words = list(words)
    if not words:
        raise ValueError("dispersion_plot: no words to look for")
    if not stream:
        raise ValueError("dispersion_plot: the texts hold no words")
    forms = []
    for w in words:
        form = tokenize(w)
        if len(form) != 1:
            raise ValueError(f"dispersion_plot looks for single words; {w!r} tokenizes to {form}")
        forms.append(form[0])
    wanted = set(forms)
    where: dict[str, list[int]] = {f: [] for f in wanted}
    for k, token in enumerate(stream):
        if token in wanted:
            where[token].append(k)
    ax = _axes(ax, (8, 1 + 0.45 * len(words)))
    for row, form in enumerate(forms):
        ax.plot(where[form], [row] * len(where[form]), "|", markersize=16, markeredgewidth=1.5, color="#4c72b0")
    for end in ends[:-1]:
        ax.axvline(end, color="0.75", linewidth=0.8)
    ax.set_yticks(np.arange(len(words)), labels=[_draw(w) for w in words], fontsize="large", **_font_kw())
    ax.set_ylim(len(words) - 0.5, -0.5)
    ax.set_xlim(0, len(stream))
    ax.set_xlabel(_draw("word offset"), **_font_kw())
    return ax


def sentiment_arc(scores: pd.DataFrame, *, ax: Axes | None = None, window: int | None = None) -> Axes:
    """Sentence scores in order (columns ``sentence``, ``score``), a zero line and an optional rolling mean.

    >>> import pandas as pd
    >>> ax = sentiment_arc(pd.DataFrame({"sentence": [0, 1, 2], "score": [0.5, -1.0, 0.2]}), window=2)  # doctest: +SKIP
    """
    missing = {"sentence", "score"} - set(scores.columns)
    if missing:
        raise ValueError(f"sentiment_arc needs the columns 'sentence' and 'score'; missing {sorted(missing)}")
    if window is not None and (not isinstance(window, int) or window < 1):
        raise ValueError(f"window must be a positive number of sentences, got {window!r}")
    data = scores.sort_values("sentence")
    x = data["sentence"].to_numpy()
    y = data["score"].to_numpy(dtype=float)
    ax = _axes(ax, (8, 3.5))
    ax.axhline(0, color="0.5", linewidth=0.8)
    ax.fill_between(x, y, 0, where=y > 0, interpolate=True, color="tab:green", alpha=0.25)
    ax.fill_between(x, y, 0, where=y < 0, interpolate=True, color="tab:red", alpha=0.25)
    ax.plot(x, y, "o-", color="0.3", linewidth=1, markersize=3, label=_draw("score"))
    if window:
        smooth = data["score"].astype(float).rolling(window, center=True, min_periods=1).mean()
        ax.plot(x, smooth.to_numpy(), color="tab:blue", linewidth=2, label=_draw(f"rolling mean ({window})"))
        ax.legend(prop=arabic_font())
    ax.set_xlabel(_draw("sentence"), **_font_kw())
    ax.set_ylabel(_draw("score"), **_font_kw())
    return ax


# --- word clouds ------------------------------------------------------------------


def word_cloud(
    freq: Frequencies,
    *,
    max_words: int = 100,
    width: int = 800,
    height: int = 400,
    background_color: str = "white",
    **kw,
) -> WordCloud:
    """A ``wordcloud.WordCloud`` of the ``max_words`` most frequent words, with an Arabic font.

    Built from the counts (``generate_from_frequencies``), never from raw text:
    wordcloud's own regexp splits diacritized words and its stop words are
    English. Words are laid out horizontally unless ``prefer_horizontal`` says
    otherwise; other keywords go to ``WordCloud``. The font is the Arabic face
    of ``arabic_font()`` when it covers every word, else DejaVu Sans (Noto Naskh
    Arabic has no Latin letters).

    >>> from collections import Counter
    >>> wc = word_cloud(Counter({"العراق": 5, "القوات": 3}))  # doctest: +SKIP
    """
    from wordcloud import WordCloud

    top = [tc for tc in _counts(freq) if tc[1] > 0][:max_words]
    if not top:
        raise ValueError("word_cloud: no word with a positive count to draw")
    font_path = fspath(kw.pop("font_path", None) or _cloud_font("".join(t for t, _ in top)))
    drawn: Counter[str] = Counter()
    for token, count in top:
        drawn[ar(token, target="pillow", font=font_path)] += count
    options = {"prefer_horizontal": 1.0, **kw, "collocations": False}
    cloud = WordCloud(
        font_path=font_path, width=width, height=height, background_color=background_color, max_words=max_words, **options
    )
    return cloud.generate_from_frequencies(drawn)


def _cloud_font(text: str) -> str:
    # Pillow draws a whole word with one font, without fallback: pick a face that has every character.
    candidates = [arabic_font_path(), *font_files(FontProperties(family=FALLBACK_FONT))]
    for path in candidates:
        if font_covers(text, path):
            return path
    missing = missing_glyphs(text, candidates)
    warnings.warn(
        f"no font has glyphs for {''.join(sorted(missing))!r}; the word cloud draws them as boxes with {candidates[0]}",
        stacklevel=3,
    )
    return candidates[0]


def show_word_cloud(freq: Frequencies, *, ax: Axes | None = None, title: str | None = None, **kw) -> Axes:
    """Draw ``word_cloud(freq, **kw)`` on an Axes, without axes lines.

    >>> from collections import Counter
    >>> ax = show_word_cloud(Counter({"العراق": 5, "القوات": 3}), title="سحابة الكلمات")  # doctest: +SKIP
    """
    cloud = word_cloud(freq, **kw)
    ax = _axes(ax, (cloud.width / 100, cloud.height / 100))
    ax.imshow(cloud.to_array(), interpolation="bilinear")
    ax.set_axis_off()
    if title:
        ax.set_title(_draw(title), **_font_kw())
    return ax
