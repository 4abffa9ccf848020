"""Every chart drawn to PNG with the Arabic font found here and with DejaVu Sans only,
on the shaping renderer and through the fallback for renderers that do not shape.

Set ARABTEXT_FIGURES=1 to keep the PNGs in build/figures/ and look at them.
"""

import os
import re
import warnings
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from PIL import Image, ImageFont
from wordcloud import WordCloud

from arabtext import display, tokenize
from arabtext.display import fonts, shaping
from arabtext.display.shaping import ar
from arabtext.display.charts import bar_top_words, dispersion_plot, sentiment_arc, zipf_plot
from arabtext.display.clouds import show_word_cloud, word_cloud
from arabtext.display.fonts import arabic_font, arabic_font_path, font_covers, font_files, missing_glyphs

# matplotlib reports a glyph missing from every font with warn_external, which
# attributes the warning to the caller, not to matplotlib: match on the message.
pytestmark = pytest.mark.filterwarnings("error:Glyph .* missing from font")

ROOT = Path(__file__).parents[2]
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
FREQ = Counter(t for text in TEXTS for t in tokenize(text))
WORDS = ["القوات", "العراق", "التصعيد", "سبوتنيك", "العَرَبِيَّة", "الله"]
DEJAVU = font_files(FontProperties(family="DejaVu Sans"))[0]
FIGURES = ROOT / "build" / "figures" if os.environ.get("ARABTEXT_FIGURES") else None


def _has_family(family):
    return any(Path(p).name.replace("-", "").lower().startswith(family.replace(" ", "").lower()) for p in matplotlib.font_manager.findSystemFonts())


@pytest.fixture(params=["found", "dejavu"])
def font(request, monkeypatch):
    """The Arabic font found on this machine, and DejaVu Sans alone as on a fresh machine."""
    if request.param == "dejavu":
        monkeypatch.setattr(fonts, "PREFERRED_FONTS", ())
    return request.param


@pytest.fixture(params=["shaping", "fallback"])
def path(request):
    """The renderer's own shaping, and the reshape + bidi fallback for renderers without it."""
    with display.force_shaping(None if request.param == "shaping" else False):
        yield request.param


@pytest.fixture
def save(request, tmp_path, font, path):
    """Draw the figure to PNG; check that every string drawn has glyphs in its fonts."""

    def save(fig, name):
        for text in fig.findobj(Text):
            s = text.get_text()
            if s and not s.startswith("$"):  # mathtext is typeset by matplotlib's own fonts
                assert font_covers(s, font_files(text.get_fontproperties())), (s, missing_glyphs(s, font_files(text.get_fontproperties())))
        out = tmp_path / f"{name}_{font}_{path}.png"
        fig.savefig(out, dpi=80)
        if FIGURES:
            FIGURES.mkdir(parents=True, exist_ok=True)
            fig.savefig(FIGURES / out.name, dpi=80)
        plt.close(fig)
        assert (np.asarray(Image.open(out).convert("L")) < 128).mean() > 0.01  # a chart, not an empty canvas
        return out

    return save


def tick_labels(axis):
    return [t.get_text() for t in axis.get_ticklabels()]


# --- fonts ------------------------------------------------------------------------


def test_dejavu_when_no_arabic_font_is_installed(monkeypatch):
    monkeypatch.setattr(fonts, "PREFERRED_FONTS", ("No Such Naskh",))
    assert arabic_font().get_family() == ["DejaVu Sans"]
    assert Path(arabic_font_path()).name == "DejaVuSans.ttf"


@pytest.mark.parametrize("family", ["Amiri", "Noto Naskh Arabic"])
def test_a_naskh_font_is_preferred_with_a_latin_fallback(monkeypatch, family):
    if not _has_family(family):
        pytest.skip(f"{family} is not installed here (apt-get install fonts-hosny-amiri fonts-noto-core)")
    monkeypatch.setattr(fonts, "PREFERRED_FONTS", (family, "Amiri"))
    assert arabic_font().get_family() == [family, "DejaVu Sans"]
    files = font_files()
    assert font_covers("العَرَبِيَّة ١٢٣ Sputnik (2024)", files)
    assert font_covers("العَرَبِيَّة", files[0])


def test_fonts_installed_after_matplotlib_cached_its_list_are_found(monkeypatch):
    if not _has_family("Amiri"):
        pytest.skip("Amiri is not installed here")
    added = []
    # a font cache that predates the font: findfont cannot see it
    real_findfont = matplotlib.font_manager.findfont

    def stale_findfont(prop, *args, **kwargs):
        families = prop.get_family() if isinstance(prop, FontProperties) else [prop]
        if "Amiri" in families and not added:
            raise ValueError("not in the cache")
        return real_findfont(prop, *args, **kwargs)

    monkeypatch.setattr(matplotlib.font_manager, "findfont", stale_findfont)
    monkeypatch.setattr(matplotlib.font_manager.fontManager, "addfont", lambda path: added.append(path))
    assert fonts._register("Amiri")
    assert added and all("amiri" in Path(p).name.lower() for p in added)


def test_missing_glyphs_reads_the_font_tables():
    assert missing_glyphs("سبوتنيك Sputnik ٢٠٢٤ ﷲ\n", DEJAVU) == {"\ufdf2"}
    assert font_covers("العَرَبِيَّة", DEJAVU)
    assert not font_covers("中文", DEJAVU)


def test_the_missing_glyph_guard_works():
    fig, ax = plt.subplots()
    ax.set_title("\ufdf2", fontfamily="DejaVu Sans")  # DejaVu has no Allah ligature
    with pytest.raises(UserWarning, match="missing from font"):
        fig.savefig(Path(os.devnull), format="png")
    plt.close(fig)


# --- charts, both fonts, both paths -----------------------------------------------


def test_bar_top_words(save, font, path):
    ax = bar_top_words(FREQ, 12, title="أكثر الكلمات تكرارا (سبوتنيك)")
    top = [t for t, _ in FREQ.most_common(12)]
    assert tick_labels(ax.yaxis) == [ar(t) for t in top]
    # most frequent at the top: the axis runs downward from the first bar
    assert ax.yaxis_inverted() and [p.get_width() for p in ax.patches] == [FREQ[t] for t in top]
    assert ax.get_title() == ar("أكثر الكلمات تكرارا (سبوتنيك)")
    if path == "fallback":
        assert tick_labels(ax.yaxis)[1] == ar("العراق", shaping=False) != "العراق"
    save(ax.figure, "bar")


def test_bar_top_words_from_a_freq_table(save):
    table = pd.DataFrame({"token": ["العراق", "القوات", "سبوتنيك"], "count": [3, 13, 5]})
    ax = bar_top_words(table, n=2)
    assert tick_labels(ax.yaxis) == [ar("القوات"), ar("سبوتنيك")]
    save(ax.figure, "bar_table")


def test_zipf_plot(save):
    ax = zipf_plot(FREQ)
    points, line = ax.get_lines()
    counts = sorted(FREQ.values(), reverse=True)
    assert list(points.get_ydata()) == counts and list(points.get_xdata()) == list(range(1, len(counts) + 1))
    assert ax.get_xscale() == ax.get_yscale() == "log"
    save(ax.figure, "zipf")


def test_dispersion_plot(save):
    text = "\n".join(TEXTS)
    ax = dispersion_plot(text, WORDS)
    stream = tokenize(text)
    rows = {ar(w): line.get_xdata() for w, line in zip(WORDS, ax.get_lines())}
    assert tick_labels(ax.yaxis) == [ar(w) for w in WORDS]
    assert list(rows[ar("العراق")]) == [k for k, t in enumerate(stream) if t == "العراق"]
    assert len(rows[ar("العراق")]) == FREQ["العراق"] > 0
    save(ax.figure, "dispersion")


def test_sentiment_arc(save):
    scores = pd.DataFrame({"sentence": range(12), "score": [0.5, -1, 0.2, -0.3, 0, 1.2, -2, -0.5, 0.3, 0.8, -0.1, 0.4]})
    ax = sentiment_arc(scores, window=3)
    ax.set_title(ar("مسار المشاعر في المقال"), fontfamily=arabic_font().get_family())
    line, smooth = [ln for ln in ax.get_lines() if len(ln.get_xdata()) == 12]
    assert list(line.get_ydata()) == list(scores["score"])
    assert smooth.get_ydata()[1] == pytest.approx(np.mean([0.5, -1, 0.2]))
    save(ax.figure, "sentiment_arc")


def test_word_cloud(save, font, path):
    cloud = word_cloud(FREQ, max_words=80, width=400, height=200)
    assert isinstance(cloud, WordCloud) and cloud.collocations is False
    assert cloud.font_path in (arabic_font_path(), DEJAVU)
    drawn = {word for (word, _), *_ in cloud.layout_}
    assert drawn <= {ar(t, target="pillow", font=cloud.font_path) for t, _ in FREQ.most_common(80)}
    assert ar("العراق", target="pillow", font=cloud.font_path) in drawn
    assert font_covers("".join(drawn), cloud.font_path)
    ax = show_word_cloud(FREQ, max_words=80, title="سحابة الكلمات")
    save(ax.figure, "word_cloud")


def test_word_cloud_on_pillow_without_raqm(monkeypatch, font, tmp_path):
    # Pillow built without raqm lays text out character by character (its BASIC
    # engine): what ar() prepares must then read right to left, joined.
    import wordcloud.wordcloud as wcmod

    basic = lambda path, size, *a, **k: ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)  # noqa: E731
    monkeypatch.setattr(wcmod, "ImageFont", type("BasicImageFont", (), {"truetype": staticmethod(basic), "TransposedFont": ImageFont.TransposedFont}))
    monkeypatch.setattr(shaping, "_detect", lambda target: target == "matplotlib")
    cloud = word_cloud(FREQ, max_words=60)
    assert ar("العراق", target="pillow", shaping=False, font=cloud.font_path) in {w for (w, _), *_ in cloud.layout_}
    out = tmp_path / f"word_cloud_basic_{font}.png"
    cloud.to_file(out)
    if FIGURES:
        FIGURES.mkdir(parents=True, exist_ok=True)
        cloud.to_file(FIGURES / out.name)


def test_word_cloud_picks_a_font_with_latin_letters(monkeypatch):
    if not _has_family("Noto Naskh Arabic"):
        pytest.skip("Noto Naskh Arabic is not installed here")
    monkeypatch.setattr(fonts, "PREFERRED_FONTS", ("Noto Naskh Arabic",))
    assert word_cloud(Counter({"العراق": 3, "سبوتنيك": 2})).font_path == arabic_font_path()
    # Noto Naskh has no Latin letters and Pillow has no font fallback
    assert word_cloud(Counter({"العراق": 3, "Sputnik": 2})).font_path == DEJAVU


def test_word_cloud_warns_about_characters_no_font_has():
    with pytest.warns(UserWarning, match="中"):
        word_cloud(Counter({"العراق": 3, "中文": 1}))


# --- behaviour --------------------------------------------------------------------


def test_zipf_fit_recovers_the_exponent():
    ranks = np.arange(1, 201)
    exact = {f"w{r}": 1000 * r**-1.2 for r in ranks}
    ax = zipf_plot(exact)
    assert re.search(r"r\^\{-1\.20\}", ax.get_legend().get_texts()[1].get_text())
    _, line = ax.get_lines()
    assert np.allclose(line.get_ydata(), list(exact.values()))
    plt.close(ax.figure)


def test_zipf_with_a_given_exponent_fits_only_the_constant():
    ax = zipf_plot(FREQ, exponent=1.0)
    _, line = ax.get_lines()
    x, y = line.get_xdata(), line.get_ydata()
    assert np.log(y[0] / y[-1]) / np.log(x[-1] / x[0]) == pytest.approx(1.0)
    plt.close(ax.figure)
    ax = zipf_plot(FREQ, fit=False)
    assert len(ax.get_lines()) == 1
    plt.close(ax.figure)


def test_dispersion_matches_normalized_forms_across_documents():
    docs = ["العراق بلد", "قال العِراق", "سبوتنيك"]
    ax = dispersion_plot(docs, ["العراق", "سبوتنيك"])
    rows = [list(line.get_xdata()) for line in ax.get_lines() if line.get_marker() == "|"]
    assert rows == [[0, 3], [4]]
    boundaries = [line.get_xdata()[0] for line in ax.get_lines() if line.get_marker() != "|"]
    assert boundaries == [2, 4]
    plt.close(ax.figure)


def test_dispersion_over_a_corpus_of_many_documents_draws_no_boundaries():
    from arabtext.corpus.collection import Corpus, Document

    corpus = Corpus([Document(f"d{i}", "العراق بلد" if i % 2 else "سبوتنيك") for i in range(150)])
    ax = dispersion_plot(corpus, ["العراق"])
    ticks = [line for line in ax.get_lines() if line.get_marker() == "|"]
    assert list(ticks[0].get_xdata()) == [1 + 3 * k for k in range(75)]
    assert len(ax.get_lines()) == 1  # 149 boundaries would hide the ticks
    plt.close(ax.figure)


@pytest.mark.parametrize(
    "call, problem",
    [
        (lambda: bar_top_words(Counter()), "no word"),
        (lambda: bar_top_words(pd.DataFrame({"word": ["العراق"], "n": [1]})), "token"),
        (lambda: bar_top_words(["العراق"]), "list"),
        (lambda: bar_top_words({"العراق": -1}), "non-negative"),
        (lambda: zipf_plot(Counter({"العراق": 2})), "two words"),
        (lambda: dispersion_plot("العراق", ["القوات الأمريكية"]), "single words"),
        (lambda: dispersion_plot(["العراق", 3], ["العراق"]), "document 1"),
        (lambda: sentiment_arc(pd.DataFrame({"score": [1.0]})), "sentence"),
        (lambda: sentiment_arc(pd.DataFrame({"sentence": [0], "score": [1.0]}), window=0), "window"),
        (lambda: word_cloud(Counter()), "no word"),
    ],
)
def test_bad_input_is_named(call, problem):
    with pytest.raises((ValueError, TypeError), match=problem):
        call()
    plt.close("all")


def test_plots_draw_on_a_given_axes():
    fig, axes = plt.subplots(1, 2)
    assert bar_top_words(FREQ, 5, ax=axes[0]) is axes[0]
    assert show_word_cloud(FREQ, ax=axes[1], max_words=20) is axes[1]
    plt.close(fig)


def test_no_warning_on_the_default_path():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = bar_top_words(FREQ, 10)
        ax.figure.canvas.draw()
        plt.close(ax.figure)
