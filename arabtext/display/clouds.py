"""Word clouds of Arabic words: sized by frequency, each word shaped and set right to left when drawn.

>>> from collections import Counter
>>> cloud = word_cloud(Counter({"العراق": 5, "القوات": 3}))  # doctest: +SKIP
"""

from __future__ import annotations

import warnings
from collections import Counter
from os import fspath
from typing import TYPE_CHECKING

from matplotlib.font_manager import FontProperties

from arabtext.display.charts import Frequencies, _axes, _counts, _draw, _font_kw
from arabtext.display.fonts import FALLBACK_FONT, arabic_font_path, font_covers, font_files, missing_glyphs
from arabtext.display.shaping import ar

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from wordcloud import WordCloud

__all__ = ["word_cloud", "show_word_cloud"]


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
