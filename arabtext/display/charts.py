"""Charts of Arabic words with matplotlib: bars, Zipf, dispersion, sentiment arcs, labels joined and right to left.

Every string drawn goes through ``display.ar`` at drawing time, with a font
found once: Amiri or Noto Naskh Arabic when installed, otherwise the DejaVu Sans
bundled with matplotlib, which has the Arabic letters, harakat and digits.
Each chart takes ``ax=None`` (a new figure) and returns the Axes.

>>> from collections import Counter
>>> ax = bar_top_words(Counter({"العراق": 5, "القوات": 3}))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Union

import numpy as np

from arabtext.display.fonts import arabic_font, arabic_font_path
from arabtext.display.shaping import ar
from arabtext.text.tokenizer import tokenize

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["bar_top_words", "zipf_plot", "dispersion_plot", "sentiment_arc"]

Frequencies = Union["pd.DataFrame", "pd.Series", Mapping[str, int]]


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

    ``texts_or_tokens`` is a text, or documents (texts, tokens, or a Corpus's
    Documents) read one after the other; each is tokenized with
    ``arabtext.tokenize`` and words match by normalized form, so العِراق finds
    العراق. Thin vertical lines mark where a document ends, up to 100
    documents; past that they would hide the ticks.

    >>> ax = dispersion_plot("العراق ثم القوات ثم العراق", ["العراق", "القوات"])  # doctest: +SKIP
    """
    docs = [texts_or_tokens] if isinstance(texts_or_tokens, str) else list(texts_or_tokens)
    stream: list[str] = []
    ends: list[int] = []
    for i, doc in enumerate(docs):
        doc = getattr(doc, "text", doc)  # a Document; display does not import the corpus layer
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
    for end in ends[:-1] if len(ends) <= 100 else ():
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
