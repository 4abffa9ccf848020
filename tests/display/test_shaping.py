import html
import re
import unicodedata
import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest
from bidi.mirror import MIRRORED
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib import ft2font
from matplotlib.font_manager import FontProperties
from PIL import Image, ImageDraw, ImageFont, features

from arabtext import chars, display
from arabtext.display import shaping
from arabtext.display.markup import highlight_html, kwic_html, rtl, rtl_html
from arabtext.display.shaping import VisualText, ar, force_shaping, shapes_arabic
from arabtext.display.fonts import PREFERRED_FONTS, font_covers, font_files, missing_glyphs

DEJAVU = font_files(FontProperties(family="DejaVu Sans"))[0]
WORDS = ["القوات الأمريكية", "العراق", "التصعيد", "سبوتنيك", "العَرَبِيَّة", "الله", "العام 2024 (تقرير)"]
BASIC_LETTERS = "".join(map(chr, range(0x0621, 0x063B))) + "".join(map(chr, range(0x0641, 0x064B)))


def installed_arabic_fonts():
    """Files of the preferred Arabic fonts on this machine (none on a fresh CI machine)."""
    files = []
    for family in PREFERRED_FONTS:
        try:
            files.append(str(matplotlib.font_manager.findfont(FontProperties(family=family), fallback_to_default=False)))
        except ValueError:
            pass
    return files


FONTS = [DEJAVU, *installed_arabic_fonts()]

arabic_words = st.lists(st.text(alphabet=BASIC_LETTERS, min_size=1, max_size=8), min_size=1, max_size=5).map(" ".join)
any_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(BASIC_LETTERS + chars.HARAKAT_SHADDA + chars.TATWEEL + " ()[]«»،.!؟0123456789٠١٢abcXYZ\n\u200f\u200c\u200d"),
        *(st.characters(min_codepoint=lo, max_codepoint=hi, exclude_categories=("Cn",)) for lo, hi in chars.PRESENTATION_FORMS_RANGES),
    ),
    max_size=40,
)


# --- detection -------------------------------------------------------------------


def test_detection_follows_the_renderers_on_this_machine():
    # matplotlib lays text out with libraqm from 3.11 on; Pillow with raqm when built with it
    assert shapes_arabic("matplotlib") is (tuple(map(int, matplotlib.__version__.split(".")[:2])) >= (3, 11))
    assert shapes_arabic("matplotlib") is hasattr(ft2font, "__libraqm_version__")
    assert shapes_arabic("pillow") is bool(features.check_feature("raqm"))


def test_force_shaping_overrides_detection_and_restores_it():
    detected = shapes_arabic("pillow")
    with force_shaping(not detected):
        assert shapes_arabic("pillow") is (not detected)
        with force_shaping(None):
            assert shapes_arabic("pillow") is detected
    assert shapes_arabic("pillow") is detected


def test_unknown_target_is_an_error():
    with pytest.raises(ValueError, match="cairo"):
        ar("العراق", target="cairo")
    with pytest.raises(ValueError, match="cairo"):
        ar("العراق", target="cairo", shaping=False)


def test_ar_takes_strings_only():
    with pytest.raises(TypeError, match="int"):
        ar(2024)


# --- the shaping renderer: unchanged ---------------------------------------------


@given(any_text)
def test_shaping_renderer_gets_logical_text_unchanged(text):
    if shaping._is_visual(text):
        return  # covered by the warning test below
    assert ar(text, shaping=True) is text


def test_reshaped_text_for_a_shaping_renderer_warns():
    visual = ar("القوات", shaping=False)
    with pytest.warns(UserWarning, match="draws such text reversed"):
        assert ar(visual, shaping=True) == visual


# --- the fallback: reshaped and reordered ----------------------------------------


def test_fallback_joins_letters_in_visual_order():
    names = [unicodedata.name(c) for c in ar("العراق", shaping=False, font=DEJAVU)]
    assert names == [
        "ARABIC LETTER QAF ISOLATED FORM",
        "ARABIC LETTER ALEF ISOLATED FORM",
        "ARABIC LETTER REH FINAL FORM",
        "ARABIC LETTER AIN MEDIAL FORM",
        "ARABIC LETTER LAM INITIAL FORM",
        "ARABIC LETTER ALEF ISOLATED FORM",
    ]


@pytest.mark.parametrize("font", FONTS)
@settings(max_examples=60, deadline=None)
@given(text=arabic_words)
def test_fallback_is_the_text_reversed_in_joined_forms(font, text):
    visual = ar(text, shaping=False, font=font)
    assert not set(visual) & set(BASIC_LETTERS)  # every letter in a joined form
    # read right to left and undo the joined forms: the logical text again
    assert "".join(unicodedata.normalize("NFKC", c) for c in reversed(visual)) == text


@given(st.text(alphabet=BASIC_LETTERS + chars.HARAKAT_SHADDA + " ", max_size=30))
def test_harakat_are_kept(text):
    visual = ar(text, shaping=False, font=DEJAVU)
    for mark in chars.HARAKAT_SHADDA:
        assert visual.count(mark) == text.count(mark)


@pytest.mark.parametrize("font", FONTS)
@settings(max_examples=60, deadline=None)
@given(text=any_text)
def test_fallback_uses_only_glyphs_the_font_has(font, text):
    # nothing missing beyond what the text's own characters lack, counting its legacy
    # forms decomposed and its brackets mirrored
    own = text + unicodedata.normalize("NFKC", text) + "".join(MIRRORED.get(c, "") for c in text)
    assert missing_glyphs(ar(text, shaping=False, font=font), font) <= missing_glyphs(own, font)


def test_unassigned_code_points_show_as_replacement_characters():
    assert ar("عراق\ufbc3", shaping=False, font=DEJAVU) == "\ufffd" + ar("عراق", shaping=False, font=DEJAVU)


def test_allah_ligature_only_with_a_font_that_has_it():
    assert "\ufdf2" not in ar("الله", shaping=False, font=DEJAVU)
    assert not font_covers("\ufdf2", DEJAVU)
    for font in FONTS:
        if font_covers("\ufdf2", font):
            assert ar("الله", shaping=False, font=font) == "\ufdf2"


def test_brackets_are_mirrored_and_numbers_stay_left_to_right():
    visual = ar("العام 2024 (تقرير)", shaping=False, font=DEJAVU)
    assert visual.startswith("(") and visual.endswith(ar("العام", shaping=False, font=DEJAVU))
    assert visual[1:6] == ar("تقرير", shaping=False, font=DEJAVU)
    assert visual[6] == ")" and "2024" in visual


def test_each_line_is_reordered_on_its_own():
    lines = ar("العراق\nسبوتنيك", shaping=False, font=DEJAVU).split("\n")
    assert lines == [ar("العراق", shaping=False, font=DEJAVU), ar("سبوتنيك", shaping=False, font=DEJAVU)]


def test_controls_are_not_left_for_the_renderer_to_draw():
    visual = ar("ال\u200fعراق\u200c", shaping=False, font=DEJAVU)
    assert not any(unicodedata.category(c) == "Cf" for c in visual)


def test_legacy_presentation_forms_in_logical_text_are_prepared_like_letters():
    # ﻻ typed in logical order among plain letters, as in text from old PDFs
    assert ar("\ufefb يوجد", shaping=False, font=DEJAVU) == ar("لا يوجد", shaping=False, font=DEJAVU)


# --- never twice --------------------------------------------------------------------


@given(any_text)
def test_ar_is_never_applied_twice(text):
    once = ar(text, shaping=False, font=DEJAVU)
    assert ar(once, shaping=False, font=DEJAVU) == once
    assert ar(ar(once, shaping=False, font=DEJAVU), shaping=False, font=DEJAVU) == once


@given(arabic_words, arabic_words)
def test_joined_results_are_recognised_as_ready(a, b):
    # str operations drop the VisualText marker: the text itself shows it is ready
    joined = ar(a, shaping=False, font=DEJAVU) + " " + ar(b, shaping=False, font=DEJAVU)
    assert type(joined) is str
    assert ar(joined, shaping=False, font=DEJAVU) == joined


def test_the_result_is_marked_as_ready():
    assert isinstance(ar("سبوتنيك", shaping=False, font=DEJAVU), VisualText)


def test_ar_of_a_plain_string_that_is_already_visual_returns_it():
    ready = str(ar("التصعيد", shaping=False, font=DEJAVU))
    assert ar(ready, shaping=False, font=DEJAVU) == ready


# --- on a renderer that does not shape: Pillow's basic layout ---------------------


def _ink(text, font_path, engine):
    font = ImageFont.truetype(font_path, 48, layout_engine=engine)
    left, top, right, bottom = font.getbbox(text)
    img = Image.new("L", (right - left + 8, bottom - top + 8), 0)
    ImageDraw.Draw(img).text((4 - left, 4 - top), text, fill=255, font=font)
    return np.asarray(img) > 96


def _overlap(a, b):
    """Best intersection-over-union of two ink masks over small shifts."""
    h, w = max(a.shape[0], b.shape[0]), max(a.shape[1], b.shape[1])
    pa, pb = np.zeros((h, w), bool), np.zeros((h, w), bool)
    pa[: a.shape[0], : a.shape[1]], pb[: b.shape[0], : b.shape[1]] = a, b
    return max(
        (pa & np.roll(pb, (dy, dx), (0, 1))).sum() / (pa | np.roll(pb, (dy, dx), (0, 1))).sum()
        for dy in range(-3, 4)
        for dx in range(-6, 7)
    )


@pytest.mark.skipif(not features.check_feature("raqm"), reason="needs Pillow with raqm to draw the reference")
@pytest.mark.parametrize("word", WORDS)
def test_fallback_on_a_non_shaping_renderer_looks_like_shaped_text(word):
    basic, raqm = ImageFont.Layout.BASIC, ImageFont.Layout.RAQM
    reference = _ink(word, DEJAVU, raqm)  # HarfBuzz + FriBiDi: what a reader should see
    prepared = ar(word, target="pillow", shaping=False, font=DEJAVU)
    fallback = _overlap(reference, _ink(prepared, DEJAVU, basic))
    unprepared = _overlap(reference, _ink(word, DEJAVU, basic))  # letters apart, left to right
    doubled = _overlap(reference, _ink(prepared, DEJAVU, raqm))  # prepared text on a shaping renderer
    assert fallback > 0.6
    assert fallback > unprepared + 0.3 and fallback > doubled + 0.3


# --- HTML -------------------------------------------------------------------------


def _text_of(markup):
    return html.unescape(re.sub(r"<[^>]+>", "", markup.replace("<br>\n", "\n")))


def test_rtl_html_is_an_escaped_right_aligned_paragraph():
    out = rtl_html('قال <script>alert("x")</script> & مضى')
    assert out.startswith('<p dir="rtl" style="text-align:right">') and out.endswith("</p>")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert _text_of(out) == 'قال <script>alert("x")</script> & مضى'


def test_show_rtl_displays_html(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    display.show_rtl("العراق")
    assert shown[0].data == rtl_html("العراق")


SENTENCE = "القوات الأمريكية ليست <جيدة> أبدا"


def test_highlight_colours_spans_by_sign_and_magnitude():
    at = {w: (SENTENCE.index(w), SENTENCE.index(w) + len(w)) for w in ["القوات", "ليست", "<جيدة>"]}
    out = highlight_html(SENTENCE, [(*at["القوات"], 1.0), (*at["ليست"], -2.0), (*at["<جيدة>"], -0.5)])
    spans = re.findall(r'<span style="background-color:([^"]+)" title="([^"]+)">([^<]*)</span>', out)
    assert [s[2] for s in spans] == ["القوات", "ليست", html.escape("<جيدة>")]
    (pos, neg_strong, neg_weak) = spans
    assert pos[0].startswith("rgba(30,150,60,") and neg_strong[0].startswith("rgba(200,30,30,")
    alpha = [float(s[0].rsplit(",", 1)[1].rstrip(")")) for s in spans]
    assert alpha[1] == pytest.approx(0.8) and alpha[0] == pytest.approx(alpha[1] / 2) and alpha[2] == pytest.approx(alpha[1] / 4)
    assert [float(s[1]) for s in spans] == [1.0, -2.0, -0.5]
    assert 'dir="rtl"' in out


def test_highlight_with_a_fixed_scale_and_a_title():
    out = highlight_html("جيد", [(0, 3, 0.5)], scale=2.0, title="<تفسير>")
    assert "rgba(30,150,60,0.20)" in out and "&lt;تفسير&gt;" in out


@given(
    st.text(alphabet=BASIC_LETTERS + " <>&\"'\n", max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 5), st.floats(-3, 3)), max_size=6),
)
def test_highlight_keeps_the_original_text(text, raw):
    spans, end = [], 0
    for start, length, weight in sorted(raw):
        if start >= end and start + length <= len(text):
            spans.append((start, start + length, weight))
            end = start + length
    assert _text_of(highlight_html(text, spans[::-1])) == text


@pytest.mark.parametrize(
    "spans, problem",
    [([(0, 4, 1.0), (3, 6, 1.0)], "overlaps"), ([(5, 99, 1.0)], "outside"), ([(2, 2, 1.0)], "empty"), ([(0, 3, float("nan"))], "finite")],
)
def test_highlight_rejects_bad_spans(spans, problem):
    with pytest.raises(ValueError, match=problem):
        highlight_html(SENTENCE, spans)


def test_kwic_puts_the_text_before_the_node_on_its_right():
    df = pd.DataFrame(
        [{"left": "تصعيد كبير ضد", "node": "القوات", "right": "<الأمريكية>", "doc": "sputnik", "offset": 57, "end": 63,
          "score": 1.5}]
    )
    out = kwic_html(df)
    assert out.startswith('<table dir="rtl"')
    cells = re.findall(r"<td class=\"kwic-(\w+)\" style=\"[^\"]*text-align:(\w+)\">(.*?)</td>", out)
    # in a dir="rtl" table the first cell is the rightmost: doc, offset, before, node, after; end is not shown
    assert [_text_of(c) for *_, c in cells] == ["sputnik", "57", "تصعيد كبير ضد", "القوات", "<الأمريكية>", "1.5"]
    assert [k for k, *_ in cells] == ["doc", "offset", "left", "node", "right", "field"]
    # the context before the node hugs it from the right, the context after from the left
    assert [a for _, a, _ in cells[2:5]] == ["left", "center", "right"]
    assert "&lt;الأمريكية&gt;" in out


def test_kwic_names_missing_columns():
    with pytest.raises(ValueError, match="offset"):
        kwic_html(pd.DataFrame({"left": ["x"], "node": ["y"], "right": ["z"], "doc": ["d"]}))


def test_rtl_styler_is_right_to_left_readable_and_escaped():
    df = pd.DataFrame({"token": ["العراق", "<b>"], "count": [12345, 3], "share": [0.123456, 0.5]})
    out = rtl(df, precision=3, caption="أكثر <الكلمات>").to_html()
    assert 'dir="rtl"' in out
    assert re.search(r"th \{\s*text-align: right;", out) and re.search(r"td \{\s*text-align: right;", out)
    # each cell is laid out by its own text, or "−2.35" and English cells come out scrambled
    assert re.search(r"td \{[^}]*unicode-bidi: plaintext;", out)
    assert "12,345" in out and "0.123" in out and "0.1235" not in out
    assert "&lt;b&gt;" in out and "<b>" not in out
    assert "أكثر &lt;الكلمات&gt;" in out


def test_rtl_accepts_a_series_and_rejects_other_things():
    assert 'dir="rtl"' in rtl(pd.Series({"العراق": 13}, name="count")).to_html()
    with pytest.raises(TypeError, match="list"):
        rtl([1, 2])


def test_no_warning_from_plain_use():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ar("العراق", shaping=False, font=DEJAVU)
        ar("العراق", shaping=True)
