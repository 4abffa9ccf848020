import importlib
import pickle
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabtext.analysis.association import MEASURES, scores
from arabtext.analysis.cooccurrence import collocates, collocations
from arabtext.counting.pairs import BigramCounts, pair_codes
from arabtext.corpus.loading import load_corpus
from arabtext.text.stoplist import stopwords
from arabtext.text.sentence_splitter import sentences
from arabtext.text.tokenizer import tokenize

ARTICLE = (Path(__file__).parents[2] / "corpus" / "sputnik-iraq-escalation.txt").read_text(encoding="utf-8")

# small vocabularies, so pairs repeat
words = st.sampled_from(["قال", "وزير", "الخارجية", "في", "بغداد", "القوات", "والقوات"])
corpora = st.lists(st.lists(words, max_size=12), max_size=6)


def brute_pairs(docs, window):
    """Every (w_i, w_j) with i < j <= i + window inside a document, one by one."""
    return [(doc[i], doc[j]) for doc in docs for i in range(len(doc)) for j in range(i + 1, min(i + window + 1, len(doc)))]


def brute_table(pairs):
    """Contingency cells of every pair type, read off a list of pairs."""
    o11, r1, c1, n = Counter(pairs), Counter(a for a, _ in pairs), Counter(b for _, b in pairs), len(pairs)
    return {
        (a, b): (k, r1[a] - k, c1[b] - k, n - r1[a] - c1[b] + k, r1[a] * c1[b] / n)
        for (a, b), k in o11.items()
    }


def as_dict(table):
    return {
        (row.w1, row.w2): (row.O11, row.O12, row.O21, row.O22, row.E11) for row in table.itertuples()
    }


@settings(max_examples=100)
@given(corpora, st.integers(1, 4))
def test_window_counts_equal_a_brute_force_count(docs, window):
    counts = BigramCounts.from_tokens(docs, window=window)
    pairs = brute_pairs(docs, window)
    assert counts.n_pairs == len(pairs)
    assert counts.n_tokens == sum(map(len, docs))
    assert counts.n_docs == len(docs)
    got = as_dict(counts.table())
    want = brute_table(pairs)
    assert got.keys() == want.keys()
    for key, cells in want.items():
        assert got[key] == pytest.approx(cells, rel=1e-12)


@given(corpora, corpora, st.integers(1, 3))
def test_merged_counts_equal_counting_at_once(first, second, window):
    at_once = BigramCounts.from_tokens(first + second, window)
    merged = BigramCounts.from_tokens(first, window) + BigramCounts.from_tokens(second, window)
    # the second part's vocabulary is in another order; merge remaps it
    other_way = BigramCounts.from_tokens(second, window).merge(BigramCounts.from_tokens(first, window))
    for counts in (merged, other_way, pickle.loads(pickle.dumps(merged))):
        assert (counts.n_pairs, counts.n_tokens, counts.n_docs) == (at_once.n_pairs, at_once.n_tokens, at_once.n_docs)
        assert as_dict(counts.table()) == as_dict(at_once.table())  # identical, not close
        assert dict(zip(counts.words, counts.word_freq)) == dict(zip(at_once.words, at_once.word_freq))


def test_counting_in_chunks_gives_the_same_counts(monkeypatch):
    docs = [tokenize(s) for s in ARTICLE.split("\n") if s.strip()]
    whole = BigramCounts.from_tokens(docs, window=2)
    monkeypatch.setattr(importlib.import_module("arabtext.counting.pairs"), "_CHUNK_PAIRS", 50)
    chunked = BigramCounts.from_tokens(docs, window=2)
    assert np.array_equal(whole.pairs, chunked.pairs) and np.array_equal(whole.counts, chunked.counts)


@given(corpora, st.integers(1, 4))
def test_pair_codes_are_every_pair_within_the_window(docs, window):
    index: dict[str, int] = {}
    ids = np.array([index.setdefault(w, len(index)) for d in docs for w in d], dtype=np.int64)
    codes = pair_codes(ids, np.array([len(d) for d in docs], dtype=np.int64), window)
    assert sorted(codes.tolist()) == sorted(index[a] << 32 | index[b] for a, b in brute_pairs(docs, window))


@given(st.dictionaries(st.integers(0, 60), st.integers(1, 5)), st.dictionaries(st.integers(0, 60), st.integers(1, 5)))
def test_merging_count_tables_adds_them(a, b):
    def table(d):
        codes = np.array(sorted(d), dtype=np.int64)
        return codes, np.array([d[c] for c in codes.tolist()], dtype=np.int64)

    codes, counts = importlib.import_module("arabtext.counting.pairs")._merge(*table(a), *table(b))
    assert codes.tolist() == sorted(a.keys() | b.keys())
    assert dict(zip(codes.tolist(), counts.tolist())) == Counter(a) + Counter(b)


@given(corpora, st.integers(1, 3))
def test_counts_rebuilt_from_their_arrays_are_the_same(docs, window):
    counts = BigramCounts.from_tokens(docs, window)
    again = BigramCounts.from_arrays(counts.words, counts.word_freq, counts.pairs, counts.counts, counts.n_docs, window)
    assert again.words == counts.words and (again.n_docs, again.window) == (counts.n_docs, window)
    assert as_dict(again.table()) == as_dict(counts.table())
    again.update(docs)  # still counts: new words take the next ids
    assert again.n_pairs == 2 * counts.n_pairs


def test_inconsistent_arrays_are_refused():
    with pytest.raises(ValueError, match="same lengths"):
        BigramCounts.from_arrays(["ا", "ب"], np.array([1]), np.array([1]), np.array([1]), n_docs=1)
    with pytest.raises(ValueError, match="distinct"):
        BigramCounts.from_arrays(["ا", "ا"], np.array([1, 1]), np.array([1]), np.array([1]), n_docs=1)


def test_merging_different_windows_is_refused():
    with pytest.raises(ValueError, match="window=1 and window=2"):
        BigramCounts(1) + BigramCounts(2)
    with pytest.raises(ValueError, match="window"):
        BigramCounts(0)


def test_pair_counts_agree_with_nltk_and_margins_differ_as_documented():
    nltk_collocations = pytest.importorskip("nltk.collocations")
    words = tokenize(ARTICLE)
    finder = nltk_collocations.BigramCollocationFinder.from_words(words)
    table = as_dict(BigramCounts.from_tokens([words]).table())
    assert {pair: cells[0] for pair, cells in table.items()} == dict(finder.ngram_fd)
    for (w1, w2), (o11, o12, o21, _, _) in table.items():
        # NLTK's margins are word counts; ours count pairs: the last word starts none, the first ends none
        assert o11 + o12 == finder.word_fd[w1] - (w1 == words[-1])
        assert o11 + o21 == finder.word_fd[w2] - (w2 == words[0])
    assert sum(finder.ngram_fd.values()) == len(words) - 1


def test_collocations_table_has_every_measure_and_sorts_by_the_chosen_one():
    for measure in MEASURES:
        table = collocations(ARTICLE, measure=measure, min_count=2)
        assert list(table.columns) == ["w1", "w2", "O11", "O12", "O21", "O22", "E11", *MEASURES]
        assert table[measure].is_monotonic_decreasing
        assert (table["O11"] >= 2).all()
        recomputed = scores(table["O11"], table["O12"], table["O21"], table["O22"])
        assert np.allclose(table[measure], recomputed[measure])
    with pytest.raises(ValueError, match="unknown measure"):
        collocations(ARTICLE, measure="mutual")


def test_known_phrases_of_the_article_are_found_with_their_counts():
    table = collocations(ARTICLE, min_count=2)
    text = " ".join(tokenize(ARTICLE))
    for w1, w2 in [("عين", "الاسد"), ("الوعد", "الصادق"), ("التحالف", "الدولي")]:
        row = table[(table.w1 == w1) & (table.w2 == w2)]
        assert len(row) == 1
        assert row.O11.item() == len(re.findall(rf"(?<!\S){w1} {w2}(?!\S)", text))
    assert table.iloc[0].llr > table.iloc[-1].llr


def test_stop_words_leave_the_table_but_not_the_margins():
    with_stop = collocations(ARTICLE, min_count=1, stopwords=False)
    without = collocations(ARTICLE, min_count=1, stopwords=True)
    stop = stopwords()
    assert not (without.w1.isin(stop) | without.w2.isin(stop)).any()
    assert (with_stop.w1.isin(stop) | with_stop.w2.isin(stop)).any()
    keyed = with_stop.set_index(["w1", "w2"])
    for row in without.itertuples():
        assert keyed.loc[(row.w1, row.w2), ["O11", "O12", "O21", "O22"]].tolist() == [row.O11, row.O12, row.O21, row.O22]
    mine = collocations(ARTICLE, min_count=1, stopwords=["عين"])
    assert not (mine.w1 == "عين").any() and (mine.w1 == "في").any()


def test_counts_can_be_passed_instead_of_texts():
    counts = BigramCounts.from_tokens([tokenize(ARTICLE)], window=2)
    pd.testing.assert_frame_equal(collocations(counts, window=2), collocations(ARTICLE, window=2))
    with pytest.raises(ValueError, match="pass window=2"):
        collocations(counts)


def test_a_list_of_single_words_is_warned_about():
    with pytest.warns(UserWarning, match="wrap them in a list"):
        collocations(tokenize(ARTICLE))


def symmetric_pairs(docs, window):
    """(node position word, word within ±window): each document's pair list and its mirror."""
    return [(doc[i], doc[j]) for doc in docs for i in range(len(doc)) for j in range(len(doc)) if 0 < abs(i - j) <= window]


@settings(max_examples=60)
@given(corpora, st.integers(1, 4), st.sampled_from(["both", "left", "right"]))
def test_collocates_equal_a_brute_force_count(docs, window, side):
    node = "القوات"
    got = collocates(docs, node, window=window, min_count=1, stopwords=False, side=side, match="exact", normalize=False)
    if side == "both":
        pairs = symmetric_pairs(docs, window)
    elif side == "right":
        pairs = brute_pairs(docs, window)
    else:  # the node second: mirror the pairs so the node is first
        pairs = [(b, a) for a, b in brute_pairs(docs, window)]
    want = {c: cells for (w, c), cells in brute_table(pairs).items() if w == node} if pairs else {}
    assert set(got.collocate) == set(want)
    right = Counter(b for a, b in brute_pairs(docs, window) if a == node)
    left = Counter(a for a, b in brute_pairs(docs, window) if b == node)
    for row in got.itertuples():
        assert (row.O11, row.O12, row.O21, row.O22, row.E11) == pytest.approx(want[row.collocate], rel=1e-12)
        assert (row.n_left, row.n_right) == (left[row.collocate], right[row.collocate])


def test_collocates_match_the_node_through_clitics():
    docs = [["والقوات", "الامريكية"], ["القوات", "الامريكية"], ["للقوات", "الامريكية"], ["القوة", "الامريكية"]]
    clitics = collocates(docs, "القوات", window=1, min_count=1, stopwords=False)
    exact = collocates(docs, "القوات", window=1, min_count=1, stopwords=False, match="exact")
    assert clitics.set_index("collocate").loc["الامريكية", "O11"] == 3
    assert exact.set_index("collocate").loc["الامريكية", "O11"] == 1
    with pytest.raises(ValueError, match="one word"):
        collocates(docs, "القوات الامريكية")
    assert collocates(docs, "غائب").empty


# --- pairs inside sentences ------------------------------------------------------------------

TWO_SENTENCES = "وصل وزير الخارجية إلى بغداد. وزير الخارجية التقى رئيس الوزراء في بغداد"


def _pairs(table):
    return dict(zip(zip(table["w1"], table["w2"]), table["O11"]))


def test_by_sentence_counts_each_sentence_as_a_document():
    whole = _pairs(collocations(TWO_SENTENCES, min_count=1, stopwords=False))
    split = _pairs(collocations(TWO_SENTENCES, min_count=1, stopwords=False, by_sentence=True))
    assert ("بغداد", "وزير") in whole and ("بغداد", "وزير") not in split
    expected = _pairs(collocations([tokenize(s) for s in sentences(TWO_SENTENCES)], min_count=1, stopwords=False))
    assert split == expected and split[("وزير", "الخارجية")] == 2


def test_by_sentence_in_collocates_and_on_a_corpus():
    near = collocates(ARTICLE, "القوات", window=3, min_count=1, by_sentence=True)
    each = collocates([tokenize(s) for s in sentences(ARTICLE)], "القوات", window=3, min_count=1)
    pd.testing.assert_frame_equal(near, each)
    table = collocations(load_corpus(), min_count=1, by_sentence=True)
    assert table["O11"].sum() < collocations(load_corpus(), min_count=1)["O11"].sum()


def test_by_sentence_keeps_token_lists_and_refuses_counts():
    tokens = [tokenize(TWO_SENTENCES)]
    pd.testing.assert_frame_equal(collocations(tokens, min_count=1, by_sentence=True), collocations(tokens, min_count=1))
    with pytest.raises(ValueError, match="by_sentence"):
        collocations(BigramCounts.from_tokens(tokens), by_sentence=True)


def test_measures_keeps_the_named_measures_and_the_sort_key():
    every = collocations(ARTICLE, measure="pmi", min_count=2)
    some = collocations(ARTICLE, measure="pmi", min_count=2, measures=["logdice"])
    assert list(some.columns) == ["w1", "w2", "O11", "O12", "O21", "O22", "E11", "logdice", "pmi"]
    pd.testing.assert_frame_equal(some, every[some.columns])
    assert list(collocates(ARTICLE, "القوات", measures="t").columns)[-2:] == ["t", "llr"]
    with pytest.raises(ValueError, match="jaccard"):
        collocations(ARTICLE, measures=["jaccard"])
