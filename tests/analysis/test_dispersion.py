"""Dispersion against values worked by hand from Juilland's and Gries' definitions."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabtext as at
from arabtext.analysis.dispersion import dispersion_counts, dispersion_table

# sizes 3, 2, 1 words: shares 1/2, 1/3, 1/6
DOCS = ["الحرب ثم السلام", "الحرب الحرب", "السلام"]


def _rows(docs=DOCS):
    return dispersion_table(docs).set_index("token")


def test_dp_by_hand():
    rows = _rows()
    # الحرب: v = 1, 2, 0 of f = 3 → ½(|1/3 − 1/2| + |2/3 − 1/3| + |0 − 1/6|) = 1/3
    assert rows.loc["الحرب", "dp"] == pytest.approx(1 / 3)
    # السلام: v = 1, 0, 1 of f = 2 → ½(0 + 1/3 + 1/3) = 1/3
    assert rows.loc["السلام", "dp"] == pytest.approx(1 / 3)
    # ثم, once in the largest part: ½(1/2 + 1/3 + 1/6) = 1/2 = 1 − that part's share
    assert rows.loc["ثم", "dp"] == pytest.approx(0.5)


def test_juilland_d_by_hand():
    rows = _rows()
    # الحرب: p = 1/3, 1, 0; mean 4/9; σ² = 10/27 − 16/81 = 14/81; V = √14/4; D = 1 − V/√2
    assert rows.loc["الحرب", "juilland_d"] == pytest.approx(1 - math.sqrt(14) / 4 / math.sqrt(2))
    # ثم in one part only: D = 0, the least even it can be
    assert rows.loc["ثم", "juilland_d"] == pytest.approx(0.0, abs=1e-12)


def test_even_spread_is_one_and_zero():
    rows = _rows(["قال الوزير", "وصل الوزير", "غادر الوزير"])
    assert rows.loc["الوزير", "juilland_d"] == pytest.approx(1.0)
    assert rows.loc["الوزير", "dp"] == pytest.approx(0.0, abs=1e-12)


def test_range_is_doc_freq_and_counts_match_freq_table():
    news = at.load_corpus("news")
    with_disp = at.freq_table(news, dispersion=True)
    plain = at.freq_table(news)
    assert with_disp[plain.columns].reset_index(drop=True).equals(plain.reset_index(drop=True))
    assert with_disp.dp.between(0, 1).all() and (with_disp.juilland_d <= 1 + 1e-9).all()
    # an event word is packed into fewer articles than a reporting verb of similar frequency
    rows = with_disp.set_index("token")
    assert rows.loc["ترامب", "dp"] > rows.loc["وقال", "dp"]


def test_empty_documents_are_not_parts():
    with_empty = _rows(DOCS + ["", "،،"])
    assert with_empty[["dp", "juilland_d"]].equals(_rows()[["dp", "juilland_d"]])


def test_one_document_has_no_juilland_d():
    rows = _rows(["الحرب ثم السلام"])
    assert math.isnan(rows.loc["الحرب", "juilland_d"])
    assert rows.loc["الحرب", "dp"] == pytest.approx(0.0, abs=1e-12)


def test_nothing_to_count():
    terms, table = dispersion_counts(["", "!!"])
    assert terms.n_docs == 2 and table.empty and list(table.columns) == ["token", "juilland_d", "dp"]


def test_dispersion_needs_documents():
    with pytest.raises(ValueError, match="by="):
        at.freq_table(at.load_corpus("news"), by="category", dispersion=True)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["قال", "الوزير", "الحرب", "في", "غزة"]), max_size=8), min_size=1, max_size=6))
def test_bounds_hold_for_any_corpus(docs):
    terms, table = dispersion_counts([" ".join(d) for d in docs])
    assert table.dp.between(0, 1).all()
    assert (table.juilland_d.dropna() <= 1 + 1e-9).all() and (table.juilland_d.dropna() >= -1e-9).all()
    assert sum(terms.counts.values()) == terms.total == sum(len(d) for d in docs)


def test_one_word_from_its_counts_equals_the_table():
    from arabtext.analysis.dispersion import word_dispersion

    rows = _rows()
    for word, counts in {"الحرب": [1, 2, 0], "ثم": [1, 0, 0], "السلام": [1, 0, 1]}.items():
        spread, d, dp = word_dispersion(counts, [3, 2, 1])
        assert spread == rows.loc[word, "doc_freq"]
        assert (d, dp) == pytest.approx((rows.loc[word, "juilland_d"], rows.loc[word, "dp"]), abs=1e-12)
    # an empty part is no part; a word never seen has no dispersion
    assert word_dispersion([1, 2, 0, 0], [3, 2, 1, 0]) == word_dispersion([1, 2, 0], [3, 2, 1])
    assert math.isnan(word_dispersion([0, 0], [3, 2])[2])
    with pytest.raises(ValueError, match="one per part"):
        word_dispersion([4], [3])
