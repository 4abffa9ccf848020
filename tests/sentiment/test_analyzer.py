"""Tests for arabtext.sentiment.analyzer: the lexicon file, lookup, negation, intensifiers, contrast, explanations."""

from __future__ import annotations

import csv
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabtext import normalize
from arabtext.sentiment.analyzer import SentimentAnalyzer
from arabtext.sentiment.explanation import SentimentResult
from arabtext.sentiment.lexicon import Lexicon
from arabtext.sentiment.rules import CONTRAST_WORDS, INTENSIFIERS, NEGATORS

LEXICON_FILE = Path(__file__).resolve().parents[2] / "arabtext" / "sentiment" / "data" / "sentiment_lexicon.tsv"


@pytest.fixture(scope="module")
def sa() -> SentimentAnalyzer:
    return SentimentAnalyzer()


def lexicon_rows() -> list[dict[str, str]]:
    with LEXICON_FILE.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


# --- the bundled lexicon file ------------------------------------------------------------


def test_lexicon_file_has_the_columns_and_enough_entries():
    rows = lexicon_rows()
    assert list(rows[0]) == ["term", "score", "pos", "note"]
    assert len(rows) >= 3000


def test_lexicon_scores_are_halves_in_range_and_zero_only_for_phrases():
    for row in lexicon_rows():
        score = float(row["score"])
        assert -3 <= score <= 3, row
        assert score * 2 == int(score * 2), row
        if score == 0:
            assert " " in row["term"].strip(), f"a single word with score 0 does nothing: {row}"


def test_lexicon_has_no_duplicate_after_normalization():
    keys = [" ".join(normalize(row["term"]).split()) for row in lexicon_rows()]
    duplicates = {k for k in keys if keys.count(k) > 1} if len(set(keys)) != len(keys) else set()
    assert not duplicates
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(Lexicon()) == len(keys)


def test_lexicon_covers_news_dialects_and_emoji():
    lex = Lexicon()
    for word in ("هجوم", "تصعيد", "قتل", "فشل", "استقرار", "تقدم", "اتفاق", "تهدئة"):
        assert word in lex, word
    assert lex["هجوم"] < 0 < lex["استقرار"]
    for word, sign in (("كويس", 1), ("وحش", -1), ("منيح", 1), ("زين", 1), ("شين", -1), ("مزيان", 1), ("خايب", -1)):
        assert lex[word] * sign > 0, word
    assert lex["😍"] > 0 > lex["😡"]


def test_lexicon_notes_mark_dialect_entries():
    notes = {row["note"] for row in lexicon_rows()}
    assert {"egy", "lev", "glf", "mgr"} <= notes


# --- Lexicon objects ----------------------------------------------------------------------


def test_lexicon_from_a_dict_is_normalized():
    lex = Lexicon({"مُمْتاز": 3, "إلى حد كبير": 1})
    assert lex["ممتاز"] == 3.0
    assert ("الي", "حد", "كبير") in lex.phrases
    assert len(lex) == 2


def test_lexicon_from_a_user_tsv(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("# my words\nterm\tscore\nرهيب\t2\nغثيث\t-2\n", encoding="utf-8")
    analyzer = SentimentAnalyzer(path)
    assert analyzer.score("الفيلم رهيب").score == 2.0
    assert analyzer.score("الفيلم جميل").score == 0.0  # the bundled lexicon is not mixed in


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("word\tvalue\nحلو\t2\n", "header"),
        ("term\tscore\nحلو\tكثير\n", "line 2"),
        ("term\tscore\nحلو\t5\n", "outside"),
        ("term\tscore\tpos\tnote\nحلو\t2\tadj\tx\textra\n", "columns"),
        ("term\tscore\n\u064e\t1\n", "empty after normalization"),
        ("", "no header"),
    ],
)
def test_bad_lexicon_files_name_the_file_and_the_problem(tmp_path, content, message):
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        Lexicon(path)
    assert "bad.tsv" in str(info.value)


def test_missing_lexicon_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothere.tsv"):
        Lexicon(tmp_path / "nothere.tsv")


def test_duplicate_terms_warn_and_keep_the_first(tmp_path):
    path = tmp_path / "dup.tsv"
    path.write_text("term\tscore\nأمل\t2\nامل\t-1\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"dup\.tsv, line 3.*line 2"):
        lex = Lexicon(path)
    assert lex["أمل"] == 2.0


def test_updated_lexicon_replaces_and_adds_without_changing_the_original():
    base = Lexicon({"حلو": 2, "وحش": -2})
    new = base.updated({"حلو": 1, "رهيب": 2})
    assert (new["حلو"], new["وحش"], new["رهيب"]) == (1.0, -2.0, 2.0)
    assert base["حلو"] == 2.0 and "رهيب" not in base


def test_bad_score_in_a_dict_is_reported():
    with pytest.raises(ValueError, match="حلو"):
        Lexicon({"حلو": "good"})


# --- negation -----------------------------------------------------------------------------


def test_negation_flips_and_damps(sa):
    positive, negated = sa.polarity("نجح الفريق"), sa.polarity("لم ينجح الفريق")
    assert positive > 0 > negated
    assert abs(negated) < abs(positive)
    assert sa.polarity("ليس سيئا") > 0


@pytest.mark.parametrize("negator", sorted(NEGATORS))
def test_every_negator_flips_the_next_word(sa, negator):
    assert sa.polarity(f"{negator} جميل") < 0


def test_negation_stops_at_punctuation(sa):
    assert sa.polarity("لا، الفيلم رائع") > 0
    assert sa.polarity("لا الفيلم رائع") < 0


def test_negation_reaches_three_words_only(sa):
    assert sa.polarity("لم يكن الفيلم رائعا") < 0
    assert sa.polarity("لم يكن الفيلم في النهاية رائعا") > 0


def test_negation_stops_at_a_preposition_after_the_negated_word(sa):
    # the complement of the negated word keeps its polarity
    assert sa.polarity("ليس مسؤولا عن الجرائم") == sa.polarity("الجرائم") < 0
    # a preposition right after the negator is inside its scope
    assert sa.polarity("ليس في الأمر خير") < 0


def test_ma_negates_one_word_only(sa):
    assert sa.polarity("ما عجبني") < 0
    assert sa.polarity("ما قاله الوزير جميل") > 0


def test_phrases_with_negators_are_not_negations(sa):
    assert sa.polarity("لا يزال الوضع مستقرا") > 0
    assert sa.polarity("ما شاء الله") > 0
    assert sa.polarity("ما أجمل هذا اليوم") > 0
    assert sa.polarity("لا بأس") > 0


def test_egyptian_circumfix_negation(sa):
    assert sa.polarity("عجبني") > 0 > sa.polarity("ماعجبنيش")
    assert sa.explain("ماعجبنيش")["key"].tolist() == ["عجبني"]


def test_conjunction_on_a_negator(sa):
    assert sa.polarity("ولا جميل") < 0


# --- intensifiers, diminishers, contrast ----------------------------------------------------


@pytest.mark.parametrize(("text", "plain"), [("جميل جدا", "جميل"), ("حلو أوي", "حلو"), ("مرة حلو", "حلو"), ("قلق بالغ", "قلق")])
def test_intensifiers_scale(sa, text, plain):
    assert abs(sa.polarity(text)) > abs(sa.polarity(plain)) > 0
    assert (sa.polarity(text) > 0) == (sa.polarity(plain) > 0)


def test_intensifier_factor_is_the_table_value(sa):
    factor, _ = INTENSIFIERS["للغاية"]
    assert sa.polarity("مفيد للغاية") == pytest.approx(sa.polarity("مفيد") * factor)


def test_diminishers_shrink(sa):
    assert 0 < sa.polarity("جميل قليلا") < sa.polarity("جميل")


def test_stacked_intensifiers_multiply(sa):
    assert sa.polarity("جميل جدا جدا") == pytest.approx(sa.polarity("جميل") * 1.5 * 1.5)


def test_intensifier_next_to_no_sentiment_word_does_nothing(sa):
    assert sa.polarity("عدد كبير") == 0


def test_contrast_weights_what_follows(sa):
    both = sa.score("الفيلم ممتاز لكن النهاية سيئة")
    assert both.label == "negative"
    assert sa.polarity("الفيلم ممتاز والنهاية سيئة") > 0
    assert "لكن" in CONTRAST_WORDS


# --- lookup: clitics, spelling, emoji -------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("والنجاح", "نجاح"),
        ("بالنجاح", "نجاح"),
        ("نجاحه", "نجاح"),
        ("وبفشلهم", "فشل"),
        ("حلوه", "حلوة"),
        ("حلوووووو", "حلو"),
        ("أحبك", "احب"),
        ("ياكلاب", "كلاب"),
        ("مجرمو", "مجرمون"),
        ("جَمِيلٌ", "جميل"),
    ],
)
def test_clitic_and_spelling_aware_lookup(sa, word, key):
    explained = sa.explain(word)
    assert explained["key"].tolist() == [key]
    assert explained["token"].tolist() == [word]


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("هيفشلوا", "فشلوا"),  # Egyptian future ه
        ("ملعونة", "ملعون"),  # feminine of a listed adjective
        ("فاسقات", "فاسق"),  # feminine plural
    ],
)
def test_inflected_forms_reach_their_lemma(sa, word, key):
    assert word not in sa.lexicon and key in sa.lexicon
    assert sa.explain(word)[["key", "reason"]].values.tolist() == [[key, f"lexicon {key} {sa.lexicon[key]:+g} (inflection)"]]


@pytest.mark.parametrize("word", ["نساء", "الذات", "حياتهم"])
def test_inflection_fallback_needs_a_fitting_part_of_speech(sa, word):
    # ساء، الذ and اتهم are in the lexicon, but these words are not their inflections
    assert sa.polarity(word) == 0


def test_emoji_count_once_each_and_ignore_modifiers(sa):
    one = sa.polarity("😍")
    assert one > 0
    assert sa.polarity("😍😍😍") == pytest.approx(3 * one)
    assert sa.polarity("👍🏽") == sa.polarity("👍") > 0
    assert sa.polarity("❤️") == sa.polarity("❤") > 0
    assert sa.polarity("😡") < 0


@pytest.mark.parametrize(("text", "emoticon"), [("حلو :)", ":)"), ("زعلان :(", ":("), ("بحبك <3", "<3"), ("يا خسارة :'(", ":'(")])
def test_emoticons_are_read_as_one_emoji(sa, text, emoticon):
    explained = sa.explain(text)
    assert emoticon in explained["token"].tolist()
    assert text[explained["start"].iloc[-1] : explained["end"].iloc[-1]] == emoticon


@pytest.mark.parametrize("text", ["قال:(هذا)", "النتيجة 3:0", "a:Db"])
def test_colons_inside_text_are_not_emoticons(sa, text):
    assert sa.polarity(text) == 0


def test_laughter_is_read_as_one_key_for_a_user_lexicon(sa):
    assert sa.polarity("ههههههه") == 0  # the bundled lexicon leaves laughter out: it mocks as often as it enjoys
    mine = SentimentAnalyzer(sa.lexicon.updated({"ههه": -0.5}))
    assert [mine.polarity(t) for t in ("هههه", "ههههههههه", "هاهاها", "خخخخ")] == [-0.5] * 4


def test_function_words_are_not_taken_apart(sa):
    # الذي minus ي would be ألذ "tastier"; هنا and وفي are "here" and "and in"
    assert [sa.polarity(w) for w in ("الذي", "هنا", "وفي", "الأم")] == [0, 0, 0, 0]


def test_function_words_after_a_conjunction_are_not_taken_apart(sa):
    # وفيه "and in it" is not وفية "loyal", وغدا "and tomorrow" is not وغد "scoundrel"
    assert sa.lexicon["وفية"] and sa.lexicon["وغد"]
    assert sa.polarity("وفيه") == sa.polarity("وغدا") == 0


def test_a_word_takes_one_pronoun_suffix(sa):
    # مملكه is مملكة "kingdom" (ه for ة), or مملك + ه, never ممل "boring" + ك + ه
    assert sa.lexicon["ممل"] < 0
    assert sa.polarity("مملكه") == 0
    assert sa.explain("مملك")["key"].tolist() == ["ممل"]  # one suffix is still taken off


def test_construct_plural_needs_three_letters_before_the_ending(sa):
    # زي "like" and شي "thing" are not زين "good" and شين "bad"
    assert sa.lexicon["زين"] > 0 > sa.lexicon["شين"]
    assert sa.polarity("زي") == sa.polarity("شي") == 0
    assert sa.explain("مجرمو")["key"].tolist() == ["مجرمون"]


def test_a_person_prefix_before_alef_leaves_a_three_letter_root(sa):
    # نادين (a name) is not ن + أدين "I condemn", which has a person prefix already
    assert sa.lexicon["أدين"] < 0
    assert sa.polarity("نادين") == 0


@pytest.mark.parametrize(("text", "word"), [("ما أروعك", "أروع"), ("ما أتفهه", "أتفه"), ("ما أحلاك", "أحلى"), ("ولا أروع", "أروع")])
def test_ma_before_an_elative_is_an_exclamation(sa, text, word):
    assert sa.polarity(text) == sa.lexicon[word] != 0


def test_ma_before_a_verb_still_negates(sa):
    assert sa.polarity("ما أحب") < 0 < sa.polarity("أحب")


@pytest.mark.parametrize(("word", "key"), [("أغباك", "اغبي"), ("بتخزي", "يخزي"), ("ياخساره", "خسارة")])
def test_suffix_alef_third_person_and_glued_vocative_spellings(sa, word, key):
    # ى is written ا before a suffix; the lexicon lists يخزي, tweets write بتخزي; يا glued to خساره
    assert sa.explain(word)["key"].tolist() == [key]


def test_emoji_are_not_negated(sa):
    assert sa.polarity("مش حلو 😍") == pytest.approx(sa.polarity("مش حلو") + sa.polarity("😍"))
    assert sa.polarity("لا 😡") == sa.polarity("😡") < 0


def test_words_with_the_article_are_not_read_as_suffixed_or_construct(sa):
    # الأمني is not آمنين ("safe", construct plural) nor أمن + ي
    assert sa.explain("الأمني").empty
    assert sa.explain("مجرمو")["key"].tolist() == ["مجرمون"]


def test_names_made_of_sentiment_words_are_neutral(sa):
    assert sa.polarity("عبد العزيز") == sa.polarity("عبد الكريم") == 0


def test_hashtag_words_are_read(sa):
    assert sa.polarity("#يوم_جميل") == sa.polarity("يوم جميل") > 0


def test_mentions_and_urls_are_ignored(sa):
    assert sa.polarity("@حلو https://t.co/xyz") == 0


# --- scores and labels ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "...", "\n\n"])
def test_empty_text_is_neutral_zero(sa, text):
    result = sa.score(text)
    assert (result.score, result.label, result.n_hits) == (0.0, "neutral", 0)
    assert sa.explain(text).empty


def test_unknown_words_are_ignored(sa):
    assert sa.polarity("كرسي طاولة نافذة") == 0
    assert sa.polarity("كرسي جميل نافذة") == sa.polarity("جميل")


def test_tashkeel_does_not_change_the_score(sa):
    assert sa.polarity("نَجَحَ الفَرِيقُ") == sa.polarity("نجح الفريق")


def test_score_gives_a_sentence_table_with_offsets(sa):
    text = "نجحت الخطة. لكن الخسائر كبيرة."
    result = sa.score(text)
    assert isinstance(result, SentimentResult)
    table = result.sentences
    assert list(table.columns[:6]) == ["sentence", "start", "end", "text", "score", "label"]
    assert [text[s:e] for s, e in zip(table["start"], table["end"])] == table["text"].tolist()
    assert result.score == pytest.approx(table["score"].sum())
    assert table["label"].tolist() == ["positive", "negative"]
    assert result.to_dict()["label"] == result.label


def test_neutral_band(sa):
    assert SentimentAnalyzer(neutral_band=1.0).score("يوم جميل").label == "positive"
    assert SentimentAnalyzer(neutral_band=2.0).score("يوم جميل").label == "neutral"
    with pytest.raises(ValueError):
        SentimentAnalyzer(neutral_band=-1)


def test_predict_returns_labels(sa):
    assert sa.predict(["يوم جميل", "يوم سيئ", "يوم"]) == ["positive", "negative", "neutral"]


def test_custom_rule_tables():
    analyzer = SentimentAnalyzer({"حلو": 2}, negators={"مش": 1}, intensifiers={"خالص": (2.0, "previous")}, contrast_words=())
    assert analyzer.polarity("مش حلو خالص") == pytest.approx(2 * 2.0 * -0.75)
    assert analyzer.polarity("لا حلو") == 2  # لا is not a negator in this analyzer
    with pytest.raises(ValueError, match="target"):
        SentimentAnalyzer(intensifiers={"جدا": (1.5, "after")})


def test_non_text_input_is_rejected(sa):
    with pytest.raises(TypeError):
        sa.score(None)  # type: ignore[arg-type]


# --- explanations -------------------------------------------------------------------------


def test_explain_rows_point_into_the_text(sa):
    text = "وَالنجاح لم يكن سهلاً، لكن الفريق رائع جدا 😍"
    df = sa.explain(text)
    assert [text[s:e] for s, e in zip(df["start"], df["end"])] == df["token"].tolist()
    assert set(df["role"]) == {"sentiment", "negator", "contrast", "intensifier"}
    assert df["contribution"].sum() == pytest.approx(sa.score(text).score)
    negated = df[df["token"] == "سهلاً"].iloc[0]
    assert negated["modifier"] == pytest.approx(-0.75 * 0.5)  # negated, and before لكن
    assert "negated by لم" in negated["reason"]


def test_explain_all_tokens_lists_every_word(sa):
    text = "ذهب الرجل إلى السوق"
    assert sa.explain(text).empty
    assert sa.explain(text, all_tokens=True)["token"].tolist() == ["ذهب", "الرجل", "إلى", "السوق"]


def test_explain_html_is_rtl_and_escaped(sa):
    html = sa.explain_html("<b>يوم جميل</b>", title="مثال")
    assert 'dir="rtl"' in html and "&lt;b&gt;" in html
    assert re.search(r'<span style="background-color:rgba\(30,150,60,[0-9.]+\)" title="\+2">جميل</span>', html)


WORDS = ["جميل", "سيئ", "نجح", "فشل", "كرسي", "يوم", "😍", "😡", "لا", "لم", "جدا", "قليلا", "لكن", "ما شاء الله", "،", ".", "والنجاح", "حلوه"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_contributions_add_up_to_the_score(sa, words):
    analyzer = sa
    text = " ".join(words)
    result = analyzer.score(text)
    assert analyzer.explain(text)["contribution"].sum() == pytest.approx(result.score, abs=1e-5)
    assert result.sentences["score"].sum() == pytest.approx(result.score, abs=1e-5)
    assert result.positive >= 0 >= result.negative


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ ًٌٍَُِّْـ،.!؟😍👍🏽\u200d\n"), max_size=60))
def test_any_arabic_text_scores_without_error(sa, text):
    analyzer = sa
    result = analyzer.score(text)
    assert result.label in ("negative", "neutral", "positive")
    df = analyzer.explain(text)
    assert [text[s:e] for s, e in zip(df["start"], df["end"])] == df["token"].tolist()


def test_the_bundled_article_scores_negative():
    from arabtext import load_corpus

    text = load_corpus()[0].text
    result = SentimentAnalyzer().score(text)
    assert result.label == "negative"  # escalation, attacks, failed negotiations
    assert len(result.sentences) > 5 and result.n_hits > 10


def test_docstring_examples_run():
    import doctest
    import importlib

    assert doctest.testmod(importlib.import_module("arabtext.sentiment.analyzer")).failed == 0
