from collections import Counter

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabtext.corpus.collection import Document
from arabtext.corpus.loading import load_corpus
from arabtext.corpus.inputs import chunk_words, document_words, documents, is_stopword, stopword_set, token_lists
from arabtext.text.normalization import Normalizer, normalize
from arabtext.text.stoplist import stopwords
from arabtext.text.tokenizer import tokenize

TEXTS = ["أكدَ الأمينُ العام أن الفصائل", "واستهدفت الصواريخ قاعدة عين الأسد"]


def test_one_text_a_list_of_texts_and_token_lists():
    assert list(token_lists(TEXTS[0])) == [tokenize(TEXTS[0])]
    assert list(token_lists(TEXTS)) == [tokenize(t) for t in TEXTS]
    raw = [t.split() for t in TEXTS]
    assert list(token_lists(raw)) == [tokenize(t) for t in TEXTS]
    assert list(token_lists(raw, normalize=False)) == raw
    assert list(token_lists((iter(words) for words in raw), normalize=False)) == raw  # lists given as iterators


def test_corpus_and_documents_keep_their_ids():
    corpus = load_corpus(TEXTS)
    assert [doc_id for doc_id, _ in documents(corpus)] == corpus.ids
    assert list(token_lists(corpus)) == list(token_lists(TEXTS))
    assert list(documents(Document("d7", TEXTS[1]))) == [("d7", TEXTS[1])]
    # a list of texts is numbered as load_corpus numbers it
    assert [doc_id for doc_id, _ in documents(TEXTS)] == corpus.ids


def test_a_normalizer_profile_is_applied_to_texts_and_token_lists():
    profile = Normalizer(ta_marbuta=True)
    assert list(token_lists("قاعدة", normalize=profile)) == [["قاعده"]]
    assert list(token_lists([["قاعدة"]], normalize=profile)) == [["قاعده"]]


def test_a_generator_is_read_lazily():
    seen = []

    def stream():
        for text in TEXTS:
            seen.append(text)
            yield text

    lists = token_lists(stream())
    assert seen == []
    next(lists)
    assert seen == TEXTS[:1]


@pytest.mark.parametrize(
    "bad, message",
    [
        (b"\xd9\x82", "bytes"),
        (Counter({"قال": 2}), "counts"),
        (pd.DataFrame({"text": TEXTS}), "df\\['text'\\]"),
        (42, "int"),
    ],
)
def test_bad_input_is_named_at_once(bad, message):
    with pytest.raises(TypeError, match=message):
        documents(bad)


def test_a_bad_item_is_named_by_its_position():
    with pytest.raises(TypeError, match="item 2"):
        list(documents([TEXTS[0], None]))
    with pytest.raises(TypeError, match="item 1: a token list must hold strings"):
        list(documents([[1, 2]]))
    with pytest.raises(TypeError, match="item 1: expected"):
        list(documents([b"\xd9\x82"]))


def test_stopword_set_choices():
    assert stopword_set(True) == stopwords()
    assert stopword_set(False) == stopword_set(None) == frozenset()
    assert stopword_set(["إلى", "عَلى"]) == {"الي", "علي"}
    assert stopword_set("إلى عَلى") == {"الي", "علي"}
    with pytest.raises(TypeError):
        stopword_set([1, 2])


def test_is_stopword_matches_unnormalized_forms():
    stop = stopword_set(True)
    assert is_stopword(["أن", "إلى", "القوات", "ﷺ"], stop) == [True, True, False, False]
    assert is_stopword(["أن"], frozenset()) == [False]


# letters, their variants, harakat, tatweel, joiners, ligatures, Latin, and the line break is_stopword joins words with
_tricky = st.text(alphabet="اأإآلىيةهنمـًٌٍَُِّْ\u200d\u200c\u200fﻻﷲﷺab \n", max_size=6)


@given(st.lists(_tricky, min_size=1, max_size=8), st.data())
def test_is_stopword_judges_each_word_as_if_alone(words, data):
    chosen = data.draw(st.lists(st.sampled_from(words), max_size=3))
    stop = frozenset(normalize(w) for w in chosen) | {"الي"}
    assert is_stopword(words, stop) == [normalize(w) in stop for w in words]


@pytest.mark.parametrize("normalize", [True, False, Normalizer(alef=False)])
@pytest.mark.parametrize("unit", ["word", "lemma"])
def test_a_chunk_gives_each_document_its_own_words(normalize, unit):
    docs = [doc.text for doc in load_corpus(None)] + ["وَقالَ", "", "\u0654قال \u200d"]
    assert list(chunk_words(normalize, unit)(docs)) == list(map(document_words(normalize, unit), docs))
    mixed = docs + [["إِلى", "الأمامِ"]]  # a token list among texts
    assert list(chunk_words(normalize, unit)(mixed)) == list(map(document_words(normalize, unit), mixed))
