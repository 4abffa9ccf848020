import pyarabic.araby as araby
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabtext import chars
from arabtext.text.normalization import DEFAULTS, STEPS, Normalizer, normalize

# Text drawn from the characters that make normalization hard: Arabic letters and
# marks, presentation forms, controls, digits, emoji, and plain Latin.
arabic_soup = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(list(chars.INVISIBLE + " \n.،؟!«»") + ["😂", "👍", "a", "Z", "1"]),
        st.characters(min_codepoint=0x08A0, max_codepoint=0x08FF),
    ),
    max_size=60,
)
step_flags = st.fixed_dictionaries({s.name: st.booleans() for s in STEPS})


def test_default_profile_on_real_text():
    assert normalize("وَقالَ الأمينُ العامُّ لِفَيْلَقِ «الوعد الصادق»") == "وقال الامين العام لفيلق «الوعد الصادق»"
    assert normalize("إِنَّ آخِرَ ٱلأَخبار") == "ان اخر الاخبار"


def test_alef_maqsura_becomes_ya_never_alef():
    # pyarabic's normalize_alef turns ى into ا (its bug #39): على would become علا
    assert normalize("على مستشفى") == "علي مستشفي"
    assert "ا" not in normalize("ى")
    assert normalize("مستشفى", alef_maqsura=False) == "مستشفى"


def test_ta_marbuta_off_by_default():
    assert normalize("مدرسة القاعدة") == "مدرسة القاعدة"
    assert normalize("مدرسة القاعدة", ta_marbuta=True) == "مدرسه القاعده"


def test_hamza_carriers_kept_by_default_and_switchable():
    assert normalize("مسؤول رئيس") == "مسؤول رئيس"
    assert normalize("مسؤول مسئول", hamza=True) == "مسءول مسءول"


def test_persian_letters_map_to_arabic_ya_not_maqsura():
    assert normalize("یک کتاب") == "يك كتاب"
    assert normalize("\u06cc") == "\u064a"


def test_presentation_forms_and_ligatures_decomposed():
    assert normalize("\ufefb") == "لا"  # ﻻ
    assert normalize("\ufdf2") == "الله"  # ﷲ
    assert normalize("\ufe91\ufe8e\ufe91") == "باب"  # ﺑ ﺎ ﺑ positional glyphs
    assert normalize("\ufdfa") == "صلي الله عليه وسلم"  # ﷺ, its ى normalized too


def test_decomposed_hamza_is_composed_before_marks_are_stripped():
    decomposed = "\u0627\u0654\u0643\u062f"  # ا + hamza above + كد
    assert normalize(decomposed) == "اكد"
    assert Normalizer(alef=False)(decomposed) == "أكد"
    assert Normalizer(alef=False, tashkeel=False)(decomposed) == "أكد"


def test_bidi_and_zero_width_controls_removed_but_emoji_zwj_kept():
    assert normalize("\u200fالعراق\u200e \u202bبغداد\u202c\u200b") == "العراق بغداد"
    assert normalize("مي\u200dزان") == "ميزان"
    family = "👨\u200d👩\u200d👧"
    assert normalize(family) == family


def test_digits_to_ascii():
    assert normalize("١٢٣٤٥٦٧٨٩٠ ۱۲۳ ٣٫٥ ١٬٢٠٠ ٪٥٠") == "1234567890 123 3.5 1,200 %50"
    assert normalize("٣", digits=False) == "٣"


def test_non_arabic_text_left_alone():
    for text in ["Hello, World! 12.5%", "Ünïcödé ﬁ ligature", "Привет мир", "日本語", "e\u0301"]:
        assert normalize(text) == text


def test_unknown_step_is_a_clear_error():
    with pytest.raises(ValueError, match="tashkil.*known steps"):
        normalize("كتب", tashkil=False)


def test_steps_switch_individually():
    text = "أَكَّدَ ـ"
    assert Normalizer(tashkeel=False)(text) == "اَكَّدَ "
    assert Normalizer(tatweel=False)(text) == "اكد ـ"
    assert Normalizer(alef=False)(text) == "أكد "


def test_defaults_table():
    assert DEFAULTS["ta_marbuta"] is False and DEFAULTS["hamza"] is False
    assert all(DEFAULTS[s] for s in ("controls", "presentation_forms", "tashkeel", "tatweel", "alef", "alef_maqsura", "persian", "digits"))


def test_explain_lists_what_each_step_changed():
    df = Normalizer().explain("أَكَّدَ ﻻ ٣")
    rows = set(map(tuple, df[["step", "from", "to", "count"]].values.tolist()))
    assert ("tashkeel", "\u064e", "", 3) in rows
    assert ("tashkeel", "\u0651", "", 1) in rows
    assert ("alef", "أ", "ا", 1) in rows
    assert ("presentation_forms", "\ufefb", "لا", 1) in rows
    assert ("digits", "٣", "3", 1) in rows
    assert list(df.columns[:4]) == ["step", "from", "to", "count"]
    assert Normalizer().explain("plain text").empty


def test_words_normalizes_tokens_and_splits_ligatures():
    n = Normalizer()
    assert n.words(["الأمينُ", "\ufdfa", "العامُّ", "\ufc5e"]) == ["الامين", "صلي", "الله", "عليه", "وسلم", "العام"]
    assert n.words(["ﻻ", "ﻻ"]) == ["لا", "لا"]  # second one from the cache


# --- differential tests: pyarabic agrees where the semantics are the same --------------


@given(st.text(alphabet=araby.LETTERS + "".join(araby.TASHKEEL) + araby.TATWEEL + " ", max_size=80))
def test_tashkeel_matches_pyarabic_strip_tashkeel(text):
    only_tashkeel = Normalizer(**{s.name: s.name == "tashkeel" for s in STEPS})
    assert only_tashkeel(text) == araby.strip_tashkeel(text)


@given(st.text(alphabet=araby.LETTERS + "".join(araby.TASHKEEL) + araby.TATWEEL + " ", max_size=80))
def test_tatweel_matches_pyarabic_strip_tatweel(text):
    only_tatweel = Normalizer(**{s.name: s.name == "tatweel" for s in STEPS})
    assert only_tatweel(text) == araby.strip_tatweel(text)


# --- properties -------------------------------------------------------------------


@settings(max_examples=300)
@given(arabic_soup, step_flags)
def test_idempotent_for_every_profile(text, flags):
    n = Normalizer(**flags)
    once = n(text)
    assert n(once) == once


@settings(max_examples=300)
@given(st.text(max_size=80))
def test_no_crash_on_any_unicode_and_output_has_no_controls(text):
    out = normalize(text)
    assert isinstance(out, str)
    assert not set(out) & set(chars.BIDI_CONTROLS + chars.ZERO_WIDTH)


@given(arabic_soup)
def test_default_output_has_no_marks_or_variant_letters(text):
    out = normalize(text)
    forbidden = set(chars.TASHKEEL + chars.TATWEEL + chars.ALEF_VARIANTS + chars.ALEF_MAKSURA + chars.ARABIC_INDIC_DIGITS)
    assert not set(out) & forbidden
    assert not set(out) & chars.presentation_forms().keys()


@given(arabic_soup)
def test_words_agrees_with_full_normalization(text):
    words = text.split()
    assert Normalizer().words(words) == normalize(" ".join(words)).split()


# --- the two ways of mapping characters ---------------------------------------------
# Long texts go through a numpy lookup table, short ones through string passes;
# both must give exactly the same text for every profile.

long_soup = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(list(chars.INVISIBLE + " \n.\x00") + ["😂", "👨", "a", "\ud800", "ﷺ", "ﷲ"]),
    ),
    max_size=300,
)


@settings(max_examples=300)
@given(long_soup, step_flags)
def test_lookup_table_and_string_passes_agree(text, flags):
    n = Normalizer(**flags)
    assert n._map_bulk(text) == n._map_short(text)


# texts() normalizes a batch joined by NULs: each text must come back as if alone,
# whatever sits at its edges (a combining hamza, a ZWJ, a mark the profile deletes).
edge_pieces = st.sampled_from(["\u0654", "\u0653", "\u0670", "\u200d", "\u064e", "ا", "ي", "ﻻ", "ﷺ", " ", "\n", "😂", "a"])
batch = st.lists(st.lists(st.one_of(edge_pieces, long_soup), max_size=4).map("".join), max_size=6)


@settings(max_examples=300)
@given(batch, step_flags)
def test_a_batch_of_texts_is_normalized_text_by_text(texts, flags):
    n = Normalizer(**flags)
    assert n.texts(texts) == [n(text) for text in texts]


def test_a_batch_long_enough_for_the_lookup_table_keeps_every_edge():
    edges = ["\u0654قال", "قال\u200d", "\u200d😂", "أَ", "", "\x00نص", "ﷲ"] * 200
    assert Normalizer().texts(edges) == [normalize(text) for text in edges]


def test_a_long_text_is_normalized_like_its_pieces():
    from arabtext.text.normalization import BULK_CHARS

    piece = "وَقالَ الأمينُ العامُّ ﷺ ﻷن ـــ ٣٫٥\u200f \x00 👍 "
    text = piece * (BULK_CHARS // len(piece) + 2)
    assert len(text) > BULK_CHARS > len(piece)
    assert normalize(text) == normalize(piece) * (BULK_CHARS // len(piece) + 2)
    assert "\x00" in normalize(text)  # a NUL is not taken for the table's "delete"
