"""Every table-making analysis keeps its columns when nothing passes: empty text, one word, a min_count no row reaches.

A lesson run on another corpus selects columns from these tables (``table[["w1", "w2", "llr"]]``);
an empty result must be an empty table of the same shape, not a frame without columns.
"""

from __future__ import annotations

import warnings

import pytest

import arabtext as at

TEXT = "قال وزير الخارجية إن وزير الدفاع سيزور بغداد بعد نجاح المفاوضات"

TABLES = {
    "freq_table": lambda data, **kw: at.freq_table(data, **kw),
    "ngrams": lambda data, **kw: at.ngrams(data, **kw),
    "collocations": lambda data, **kw: at.collocations(data, **kw),
    "collocations_by_sentence": lambda data, **kw: at.collocations(data, by_sentence=True, **kw),
    "collocates": lambda data, **kw: at.collocates(data, "وزير", **kw),
    "keyness": lambda data, **kw: at.keyness(data if data not in ("", []) else "بغداد", TEXT, **kw),
    "kwic": lambda data, **kw: at.kwic(data, "وزير"),
    "lexicon_explain": lambda data, **kw: at.SentimentAnalyzer().explain(data if isinstance(data, str) else " ".join(data)),
    "lexicon_sentences": lambda data, **kw: at.SentimentAnalyzer().score(data if isinstance(data, str) else " ".join(data)).sentences,
}


@pytest.mark.parametrize("name", TABLES)
@pytest.mark.parametrize("data", ["", "كلمة", ["كلمة"], []], ids=["empty", "one-word", "one-word-list", "no-texts"])
def test_the_columns_of_a_full_table_survive_empty_input(name, data):
    make = TABLES[name]
    full = make(TEXT, min_count=1) if name not in ("kwic", "lexicon_explain", "lexicon_sentences") else make(TEXT)
    assert len(full) > 0, "the full table must have rows for the comparison to mean anything"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "each document is one word" and empty-text warnings
        small = make(data)
    assert list(small.columns) == list(full.columns)
    assert list(small.dtypes.index) == list(full.columns)


@pytest.mark.parametrize("name", ["freq_table", "ngrams", "collocations", "collocations_by_sentence", "collocates", "keyness"])
def test_the_columns_survive_a_min_count_no_row_reaches(name):
    make = TABLES[name]
    full, none = make(TEXT, min_count=1), make(TEXT, min_count=1000)
    assert len(none) == 0 and list(none.columns) == list(full.columns)


def test_grouped_tables_keep_their_columns_when_a_group_has_no_words():
    docs = [at.Document("a", "وزير الخارجية", {"source": "BBC"}), at.Document("b", "...", {"source": "CNN"})]
    long = at.freq_table(docs, by="source", min_count=1000)
    assert len(long) == 0 and list(long.columns) == ["source", "token", "count", "per_10k", "doc_freq", "rank"]
    assert list(at.freq_table(docs, by="source", wide=True, min_count=1000).columns) == ["token", "BBC", "CNN", "total"]
