import re
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from arabtext import chars
from arabtext.text.normalization import Normalizer, normalize
from arabtext.text.sentence_splitter import sentence_spans, sentences
from arabtext.text.tokenizer import KINDS, WORD_KINDS, tokenize, tokens

ARTICLE = (Path(__file__).parents[2] / "corpus" / "sputnik-iraq-escalation.txt").read_text(encoding="utf-8")

# pieces, not single characters, so emoji sequences and URL prefixes occur
soup = st.lists(
    st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(list(chars.INVISIBLE + " \n\t.,:;!?،؛؟«»\"'()-@#%_/") + ["😂", "👍🏽", "👨\u200d👩\u200d👧", "a", "Z", "k", "1", "٣", "https://", "www."]),
    ),
    max_size=60,
).map("".join)


def kinds(text):
    return [(t.text, t.kind) for t in tokens(text)]


def test_arabic_sentence_with_punctuation_and_guillemets():
    assert kinds("قال: «الاحتلال لن يخرج»، حسبما أفاد.") == [
        ("قال", "word"), (":", "punct"), ("«", "punct"), ("الاحتلال", "word"), ("لن", "word"),
        ("يخرج", "word"), ("»", "punct"), ("،", "punct"), ("حسبما", "word"), ("أفاد", "word"), (".", "punct"),
    ]


def test_numbers_stay_whole():
    assert kinds("٣٫٥ و 1,200 و 12.5% و ٪٤٠ ١٢٣") == [
        ("٣٫٥", "number"), ("و", "word"), ("1,200", "number"), ("و", "word"),
        ("12.5%", "number"), ("و", "word"), ("٪", "punct"), ("٤٠", "number"), ("١٢٣", "number"),
    ]


def test_mixed_and_latin_tokens():
    assert kinds("قاعدة k1 وF-16 COVID-19 4G Sputnik") == [
        ("قاعدة", "word"), ("k1", "latin"), ("و", "word"), ("F-16", "latin"),
        ("COVID-19", "latin"), ("4G", "latin"), ("Sputnik", "latin"),
    ]


def test_diacritized_word_and_tatweel_and_controls_stay_one_token():
    assert kinds("العَرَبِيَّةُ جـمـيـل مر\u200fحبا") == [("العَرَبِيَّةُ", "word"), ("جـمـيـل", "word"), ("مر\u200fحبا", "word")]


def test_social_media_kinds():
    got = kinds("@sputnik_ar #عين_الأسد https://sputnikarabic.ae/a/b?x=1. 😂👍🏽 ❤️ 🇮🇶")
    assert got == [
        ("@sputnik_ar", "mention"), ("#عين_الأسد", "hashtag"), ("https://sputnikarabic.ae/a/b?x=1", "url"),
        (".", "punct"), ("😂", "emoji"), ("👍🏽", "emoji"), ("❤️", "emoji"), ("🇮🇶", "emoji"),
    ]


def test_symbols_and_repeated_punctuation():
    assert kinds("$100 + ... ؟؟") == [("$", "symbol"), ("100", "number"), ("+", "symbol"), ("...", "punct"), ("؟؟", "punct")]


def test_presentation_forms_are_words():
    assert kinds("\ufefb \ufdf2") == [("\ufefb", "word"), ("\ufdf2", "word")]


def test_tokenize_normalizes_and_keeps_words_only():
    assert tokenize("وَقالَ في حديثه لـ\"سبوتنيك\": 3 صواريخ 🚀 k1") == ["وقال", "في", "حديثه", "ل", "سبوتنيك", "صواريخ", "k1"]
    assert tokenize("الأمينُ على", normalize=False) == ["الأمينُ", "على"]
    assert tokenize("مدرسة", normalize=Normalizer(ta_marbuta=True)) == ["مدرسه"]


def test_tokenize_article():
    words = tokenize(ARTICLE)
    # 419 whitespace-separated pieces; لـ"سبوتنيك" and the like are two words each
    assert len(ARTICLE.split()) < len(words) < len(ARTICLE.split()) + 20
    assert words[:4] == ["امين", "الوعد", "الصادق", "العراقي"]
    assert "k1" in words and "Sputnik" in words
    assert all(w == normalize(w) for w in words)


def test_sentences_basic_rules():
    text = "أطلقت صواريخ، ولم تقع إصابات. هل انتهى؟ نعم!\nالبنتاغون يتهم إيران"
    assert sentences(text) == ["أطلقت صواريخ، ولم تقع إصابات.", "هل انتهى؟", "نعم!", "البنتاغون يتهم إيران"]


def test_sentences_keep_quotes_abbreviations_and_decimals():
    assert sentences("قال د. محمد إن النسبة 12.5% فقط. وأضاف أ.د. علي رأيه.") == [
        "قال د. محمد إن النسبة 12.5% فقط.",
        "وأضاف أ.د. علي رأيه.",
    ]
    assert sentences("قال: «هل نجحت؟ نعم.» ثم غادر… وعاد.") == ["قال: «هل نجحت؟ نعم.» ثم غادر…", "وعاد."]
    assert sentences("انتهى الأمر.» ثم") == ["انتهى الأمر.»", "ثم"]


def test_sentences_of_article_are_its_lines_or_finer():
    spans = sentence_spans(ARTICLE)
    lines = [line for line in ARTICLE.splitlines() if line.strip()]
    assert len(spans) >= len(lines)
    assert sentences(ARTICLE)[0] == lines[0]
    assert all("\n" not in ARTICLE[a:b] for a, b in spans)


def test_unclosed_guillemet_does_not_swallow_the_next_line():
    assert sentences("قال «لن نخرج. أبدا.\nسطر آخر. وسطر.") == ["قال «لن نخرج. أبدا.", "سطر آخر.", "وسطر."]


# --- properties -------------------------------------------------------------------


@settings(max_examples=400)
@given(soup)
def test_every_token_slices_back_out_of_the_original(text):
    previous_end = 0
    for t in tokens(text):
        assert text[t.start : t.end] == t.text
        assert t.start >= previous_end and t.end > t.start
        assert t.kind in KINDS
        previous_end = t.end


@settings(max_examples=400)
@given(soup)
def test_tokenize_is_the_words_of_the_normalized_text(text):
    assert tokenize(text) == [t.text for t in tokens(normalize(text)) if t.kind in WORD_KINDS]
    assert tokenize(text, normalize=False) == [t.text for t in tokens(text) if t.kind in WORD_KINDS]


arabic_only = st.lists(
    st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(list(chars.INVISIBLE + " \n.،؛؟«»") + ["😂", "1", "٣"]),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=400)
@given(arabic_only)
def test_arabic_words_normalize_one_by_one(text):
    # Without URLs or Latin, normalizing first or token by token gives the same words.
    assert tokenize(text) == [w for t in tokens(text) if t.kind in WORD_KINDS for w in normalize(t.text).split()]


@settings(max_examples=300)
@given(st.text(max_size=100))
def test_no_crash_on_any_unicode(text):
    for t in tokens(text):
        assert text[t.start : t.end] == t.text
    tokenize(text)
    for a, b in sentence_spans(text):
        assert 0 <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()


@given(soup)
def test_sentences_cover_every_token(text):
    spans = sentence_spans(text)
    for t in tokens(text):
        if t.kind != "punct":
            assert any(a <= t.start and t.end <= b for a, b in spans), (t, spans)


# --- tokens() is the token regex read as columns -----------------------------------
# tokens() builds its tokens from one findall and a kind cache; iter_tokens() walks
# the match objects of the same regex. They must agree token for token.

from arabtext.text.tokenizer import iter_tokens  # noqa: E402

NEWS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "news_ant_multisource" / "ant_multisource_news.jsonl"

# the characters where a token's kind could depend on the text around it
tricky = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("wwwhtp:/.@-_%+#*!?؟… \n\u200f\u20e3\ufe0f") + ["😂", "a", "B", "ß", "1", "٣"]),
        st.characters(min_codepoint=0x0621, max_codepoint=0x0655),
    ),
    max_size=60,
)


@settings(max_examples=500)
@given(tricky)
def test_tokens_agrees_with_the_match_objects_on_tricky_text(text):
    assert tokens(text) == list(iter_tokens(text))


@settings(max_examples=200)
@given(st.text(max_size=80))
def test_tokens_agrees_with_the_match_objects_on_any_unicode(text):
    assert tokens(text) == list(iter_tokens(text))


def test_a_single_letter_where_a_url_failed_to_start_is_a_symbol():
    found = [(t.text, t.kind) for t in tokens("www. و a@b. c")]
    assert found == [("w", "symbol"), ("ww", "latin"), (".", "punct"), ("و", "word"),
                     ("a", "symbol"), ("@b", "mention"), (".", "punct"), ("c", "latin")]
    assert tokens("www. و a@b. c") == list(iter_tokens("www. و a@b. c"))


def test_tokens_agrees_with_the_match_objects_on_the_bundled_corpus():
    from arabtext.corpus.loading import iter_documents

    for doc in iter_documents(None):
        assert tokens(doc.text) == list(iter_tokens(doc.text)), doc.doc_id


@pytest.mark.skipif(not NEWS.exists(), reason=f"the ANT news sample is not at {NEWS}")
def test_tokens_agrees_with_the_match_objects_on_the_news_corpus():
    from arabtext.corpus.loading import iter_documents

    texts = [doc.text for doc in iter_documents(NEWS)]
    assert tokens("\n\n".join(texts)) == list(iter_tokens("\n\n".join(texts)))


# --- tokenize() scans for Arabic words and reads only the other chunks token by token ---
# Its words must be exactly the word tokens of the same text, whatever the mix.


def words_token_by_token(text):
    return [t.text for t in iter_tokens(text) if t.kind in WORD_KINDS]


@pytest.mark.parametrize("text", [
    "و4G", "4G و", "12@x.com", "بـ12@x.com", ".abc@x.com", "كتابk1", "kكتاب", "#سوريا", "##سوريا",
    "12#سوريا", "#عين_الأسد قال", "https://x.com/#سوريا قال", "وF-16 قال", "1\u20e3 قال", "قال\u0301 هنا",
    "2020،قال", "١٢٣كتاب", "قال… ـــ ؟؟ ٪٤٠", "www. و a@b. c",
])
def test_tokenize_agrees_with_the_tokens_where_chunks_mix_scripts(text):
    assert tokenize(text, normalize=False) == words_token_by_token(text)


def test_tokenize_agrees_with_the_tokens_on_text_mostly_in_another_script():
    # long runs of other scripts are read token by token from where they start
    text = "قال الوزير " * 30 + "the minister said k1 " * 40 + "و4G قال " * 50 + "a كتب " * 100
    assert tokenize(text, normalize=False) == words_token_by_token(text)


@settings(max_examples=500)
@given(tricky)
def test_tokenize_agrees_with_the_tokens_on_tricky_text(text):
    assert tokenize(text, normalize=False) == words_token_by_token(text)


@settings(max_examples=200)
@given(st.text(max_size=80))
def test_tokenize_agrees_with_the_tokens_on_any_unicode(text):
    assert tokenize(text, normalize=False) == words_token_by_token(text)


@pytest.mark.skipif(not NEWS.exists(), reason=f"the ANT news sample is not at {NEWS}")
def test_tokenize_agrees_with_the_tokens_on_the_news_corpus():
    from arabtext.corpus.loading import iter_documents

    text = "\n\n".join(doc.text for doc in iter_documents(NEWS))
    assert tokenize(text) == words_token_by_token(normalize(text))
    assert tokenize(text, normalize=False) == words_token_by_token(text)


def test_spaces_and_digits_listed_first_leave_the_classes_unchanged():
    # _COMMON only repeats, for speed, characters that \s and \d already match
    from arabtext.text import tokenizer

    every = "".join(map(chr, range(0x110000)))
    assert set(re.findall(f"[{tokenizer._COMMON}]", every)) <= set(re.findall(r"[\s\d]", every))
    assert re.findall(f"[{tokenizer._PLAIN}]", every) == re.findall(f"[{tokenizer._PLAIN.replace(tokenizer._COMMON, '')}]", every)
    assert re.findall(tokenizer._SPACE[:-1], every) == re.findall(rf"[\s{tokenizer._I}]", every)
