import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabtext.analysis.concordance import CONCORDANCE_COLUMNS, kwic, sort_positions
from arabtext.corpus.collection import Corpus, Document
from arabtext.corpus.loading import load_corpus
from arabtext.text.clitics import light_stem
from arabtext.text.normalization import normalize

ARTICLE = (Path(__file__).parents[2] / "corpus" / "sputnik-iraq-escalation.txt").read_text(encoding="utf-8")

def test_kwic_finds_the_node_through_clitics_and_shows_the_original_text():
    text = "أطلقت الفصائل صواريخَ على القوات الأمريكية، واستهدفت للقوّاتِ قاعدةً. والقوات\nهناك؛ القوة"
    df = kwic(text, "القوات", width=2)
    assert list(df.columns) == ["left", "node", "right", "doc", "offset", "end"]
    assert df.node.tolist() == ["القوات", "للقوّاتِ", "والقوات"]
    assert df.left.tolist() == ["صواريخَ على", "الأمريكية، واستهدفت", "للقوّاتِ قاعدةً."]
    assert df.right.tolist() == ["الأمريكية، واستهدفت", "قاعدةً. والقوات", "هناك؛ القوة"]  # the newline shown as a space
    for row in df.itertuples():
        assert text[row.offset : row.end] == row.node
    assert kwic(text, "القوات", width=2, match="exact").node.tolist() == ["القوات"]
    assert kwic(text, "القوات", width=0).left.tolist() == ["", "", ""]


def test_kwic_on_the_sample_corpus_finds_every_form():
    corpus = load_corpus()
    df = kwic(corpus, "القوات")
    assert set(df.doc) == {corpus[0].id}
    # every word of the article whose light stem is قوات, counted independently
    forms = [w for w in ARTICLE.split() if light_stem(normalize(re.sub(r"[^\w]", "", w))) == "قوات"]
    assert len(df) == len(forms) > 5
    assert {"القوات", "قوات"} <= set(df.node)


def test_kwic_on_token_lists_points_into_the_joined_tokens():
    df = kwic([["قال", "الوزير"], ["وصل", "الوزير", "أمس"]], "الوزير", width=1)
    assert df[["left", "right", "doc", "offset"]].values.tolist() == [["قال", "", "doc0001", 4], ["وصل", "أمس", "doc0002", 4]]


def test_bad_width_is_refused():
    with pytest.raises(ValueError, match="width"):
        kwic(ARTICLE, "القوات", width=-1)


# --- phrases, wildcards, regular expressions, exact --------------------------------------------

def test_a_phrase_matches_consecutive_words_only():
    df = kwic(ARTICLE, "عين الأسد", width=1)
    assert len(df) == ARTICLE.count("عين الأسد") > 2
    assert set(df.node) == {"عين الأسد"}
    for row in df.itertuples():
        assert ARTICLE[row.offset : row.end] == "عين الأسد"
    # the words apart, or in the other order, are not the phrase
    assert kwic("عين على الأسد، الأسد عين", "عين الأسد").empty


def test_a_phrase_does_not_run_across_documents():
    assert kwic(["زار عين", "الأسد أمس"], "عين الأسد").empty
    assert len(kwic(["زار عين الأسد", "الأسد أمس"], "عين الأسد")) == 1


def test_a_phrase_part_goes_through_clitics():
    assert kwic("هاجموا والقوات الأمريكية", "القوات الامريكية").node.tolist() == ["والقوات الأمريكية"]


def test_wildcards():
    text = "بدأت المفاوضات، وقال المفاوضون إن مفاوضة واحدة لا تكفي، والتفاوض صعب"
    assert kwic(text, "مفاوض*").node.tolist() == ["المفاوضات", "المفاوضون", "مفاوضة"]
    assert kwic(text, "مفاوض?").node.tolist() == ["مفاوضة"]  # ? is exactly one letter
    assert kwic(text, "*فاوض*").node.tolist() == ["المفاوضات", "المفاوضون", "مفاوضة", "والتفاوض"]
    assert kwic(text, "قال *", width=0).node.tolist() == ["وقال المفاوضون"]


def test_regex_is_searched_in_the_normalized_word():
    text = "أعلن الوزير، ثم أعلنت الوزارة، وأعلنوا"
    # normalized: اعلن; light stems take the clitic و off وأعلنوا
    assert kwic(text, r"^اعلن", regex=True).node.tolist() == ["أعلن", "أعلنت", "وأعلنوا"]
    assert kwic(text, r"^اعلن$", regex=True, match="exact").node.tolist() == ["أعلن"]
    assert kwic(text, r"^اعلن", regex=True, width=0).shape[0] == 3
    with pytest.raises(ValueError, match="regular expression"):
        kwic(text, "(", regex=True)


def test_exact_compares_the_text_as_written():
    text = "قال الأمينُ العام إن الأمين سيزور الامين"
    assert kwic(text, "الأمين").node.tolist() == ["الأمينُ", "الأمين", "الامين"]
    assert kwic(text, "الأمين", exact=True).node.tolist() == ["الأمين"]
    assert kwic(text, "الأمينُ", exact=True).node.tolist() == ["الأمينُ"]


def test_a_query_of_no_word_is_refused():
    with pytest.raises(ValueError, match="query"):
        kwic(ARTICLE, "  ")
    with pytest.raises(ValueError, match="one word"):
        kwic(ARTICLE, "ﷺ")  # one sign that normalizes to four words


# --- sorting ------------------------------------------------------------------------------------

def test_sort_keys():
    assert sort_positions("L1,R1") == [-1, 1]
    assert sort_positions(["R2", "node"]) == [2, 0]
    for bad in ("R0", "X1", "L10", ""):
        with pytest.raises(ValueError, match="sort keys"):
            sort_positions(bad)


def test_sort_by_the_word_after_then_before():
    text = "قال الوزير أمس. رأى الوزير غزة. قال الوزير بعد. بكى الوزير أمس"
    by_r1 = kwic(text, "الوزير", width=1, sort="R1")
    assert by_r1.right.tolist() == ["أمس", "أمس", "بعد", "غزة"]  # context ends at a word, not at its full stop
    # ties on R1 keep document order; L1 breaks them when asked
    assert by_r1.left.tolist()[:2] == ["قال", "بكى"]
    both = kwic(text, "الوزير", width=1, sort="R1,L1")
    assert both.left.tolist()[:2] == ["بكى", "قال"]
    by_l1 = kwic(text, "الوزير", width=1, sort="L1")
    assert by_l1.left.tolist() == ["بكى", "رأى", "قال", "قال"]


def test_sorting_is_on_normalized_words_and_the_edge_sorts_first():
    text = "الوزير إلى. الوزير الى. ثم الوزير"
    df = kwic(text, "الوزير", width=1, sort="R1")
    # إلى and الى are one word to the sort, so they keep their order; nothing after the last sorts first
    assert df.right.tolist() == ["", "إلى", "الى"]


def test_sorting_keeps_every_line():
    df = kwic(load_corpus(), "القوات")
    assert sorted(kwic(load_corpus(), "القوات", sort="L2,R1").offset) == sorted(df.offset)


# --- metadata -----------------------------------------------------------------------------------

def test_metadata_fields_become_columns():
    corpus = Corpus([
        Document("a", "قال الوزير", {"source": "BBC", "doc": "x"}),
        Document("b", "وصل الوزير", {"date": "2024-01-02"}),
    ])
    df = kwic(corpus, "الوزير", width=1)
    assert list(df.columns) == [*CONCORDANCE_COLUMNS, "source", "meta_doc", "date"]
    assert df.doc.tolist() == ["a", "b"]
    assert df.source.tolist()[0] == "BBC" and df.meta_doc.tolist()[0] == "x"
    assert df.date.tolist()[1] == "2024-01-02"


# --- properties ---------------------------------------------------------------------------------

words = st.sampled_from(["القوات", "والقوات", "الأمريكية", "عين", "الأسد", "،", "قال"])


@settings(max_examples=80, deadline=None)
@given(st.lists(words, max_size=20), st.sampled_from(["القوات", "عين الأسد", "*قوات", "قال ?*", "الأسد"]))
def test_every_line_slices_back_to_its_node(parts, query):
    text = " ".join(parts)
    for row in kwic(text, query, width=2, sort="R1").itertuples():
        assert text[row.offset : row.end] == row.node


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60), st.text(min_size=1, max_size=8))
def test_no_crash_on_any_unicode(text, query):
    for regex in (False, True):
        try:
            kwic(text, query, regex=regex, sort="L1,R1")
        except ValueError as e:  # a query of no word, several words in one part, or a bad pattern
            assert re.search(r"query|regular expression", str(e))
