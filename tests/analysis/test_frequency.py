import math
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabtext as at
from arabtext.corpus.loading import load_corpus
from arabtext.analysis.frequency import freq_table, ngrams, word_counts
from arabtext.analysis.keywords import keyness
from arabtext.analysis.vocabulary import mattr, ttr, zipf
from arabtext.counting.terms import TermCounts
from arabtext.text.stoplist import stopwords
from arabtext.text.normalization import normalize
from arabtext.text.tokenizer import tokenize

ARTICLE = (Path(__file__).parents[2] / "corpus" / "sputnik-iraq-escalation.txt").read_text(encoding="utf-8")
PARAGRAPHS = [p for p in ARTICLE.split("\n") if p.strip()]

words = st.sampled_from(["قال", "الوزير", "في", "بغداد", "القوات", "الامريكية", "صواريخ"])
corpora = st.lists(st.lists(words, max_size=15), max_size=6)


def test_freq_table_counts_every_word_and_its_documents():
    table = freq_table(PARAGRAPHS, stopwords=False)
    docs = [tokenize(p) for p in PARAGRAPHS]
    counts = Counter(w for d in docs for w in d)
    assert list(table.columns) == ["token", "count", "per_10k", "doc_freq", "rank"]
    assert dict(zip(table.token, table["count"])) == counts
    total = sum(counts.values())
    for row in table.head(30).itertuples():
        assert row.per_10k == pytest.approx(row.count * 10_000 / total)
        assert row.doc_freq == sum(row.token in d for d in docs)
    # most frequent first; a tie shares the better rank (1, 2, 2, 4)
    assert table["count"].is_monotonic_decreasing
    for row in table.itertuples():
        assert row.rank == 1 + (table["count"] > row.count).sum()


def test_stop_words_leave_the_table_but_per_10k_counts_them():
    full = freq_table(ARTICLE, stopwords=False).set_index("token")
    content = freq_table(ARTICLE).set_index("token")
    assert not content.index.isin(stopwords()).any()
    assert full.index.isin(stopwords()).any()
    assert (content["per_10k"] == full.loc[content.index, "per_10k"]).all()
    assert content["rank"].iloc[0] == 1
    assert "العراق" not in freq_table(ARTICLE, stopwords=["العراق"]).token.tolist()
    assert (freq_table(ARTICLE, min_count=3)["count"] >= 3).all()


def test_corpus_list_and_token_lists_give_the_same_table():
    as_texts = freq_table(PARAGRAPHS)
    pd.testing.assert_frame_equal(freq_table(load_corpus(PARAGRAPHS)), as_texts)
    pd.testing.assert_frame_equal(freq_table([tokenize(p) for p in PARAGRAPHS]), as_texts)
    pd.testing.assert_frame_equal(freq_table(TermCounts.from_tokens(tokenize(p) for p in PARAGRAPHS)), as_texts)


def test_a_counter_gives_a_table_without_document_frequencies():
    table = freq_table(word_counts(ARTICLE), stopwords=False)
    assert table["doc_freq"].isna().all()
    assert table["count"].sum() == len(tokenize(ARTICLE))


@given(corpora, corpora)
def test_word_counts_and_term_counts_merge_exactly(first, second):
    assert word_counts(first) + word_counts(second) == word_counts(first + second)
    for n in (1, 2, 3):
        merged = TermCounts.from_tokens(first, n) + TermCounts.from_tokens(second, n)
        at_once = TermCounts.from_tokens(first + second, n)
        assert merged == at_once


@given(corpora, st.integers(1, 4))
def test_ngrams_equal_a_brute_force_count(docs, n):
    want = Counter(tuple(d[i : i + n]) for d in docs for i in range(len(d) - n + 1))
    if not want:
        return
    table = ngrams(docs, n=n, stopwords=False, normalize=False)
    assert {tuple(g.split(" ")): c for g, c in zip(table.ngram, table["count"])} == want
    assert table["per_10k"].sum() == pytest.approx(10_000)


@given(st.lists(st.lists(st.sampled_from(["قال", "الوزير", "في", "إلى", "بغداد", "أن", "القوات"]), max_size=10), max_size=5), st.integers(1, 3))
def test_ngrams_without_a_stop_word_are_all_kept(docs, n):
    stop = stopwords()
    want = Counter(
        " ".join(gram) for d in docs for gram in zip(*(d[i:] for i in range(n))) if not any(normalize(w) in stop for w in gram)
    )
    table = ngrams(docs, n=n, normalize=False)
    assert dict(zip(table.ngram, table["count"])) == want


@given(corpora, corpora)
def test_adding_counts_in_place_equals_adding_them(first, second):
    for n in (1, 2):
        total = TermCounts.from_tokens(first, n)
        total += TermCounts.from_tokens(second, n)
        assert total == TermCounts.from_tokens(first, n) + TermCounts.from_tokens(second, n)
    with pytest.raises(ValueError, match="2-grams"):
        total += TermCounts.from_tokens(first, 1)


def test_ngrams_holding_a_stop_word_are_left_out():
    table = ngrams(ARTICLE, n=2)
    stop = stopwords()
    assert not any(w in stop for g in table.ngram for w in g.split())
    assert "عين الاسد" in set(table.ngram)
    with pytest.raises(ValueError, match="2-grams"):
        ngrams(TermCounts.from_tokens([["ا", "ب"]]), n=2)


def test_zipf_recovers_the_exponent_of_exact_zipf_counts():
    for s in (0.8, 1.0, 1.3):
        counts = Counter({f"w{r}": round(10**6 * r**-s) for r in range(1, 200)})
        fit = zipf(counts)
        assert fit.exponent == pytest.approx(s, abs=1e-3)
        assert fit.constant == pytest.approx(10**6, rel=1e-2)
        assert fit.r2 > 0.9999
    table = zipf(ARTICLE).table
    assert list(table.columns) == ["rank", "token", "count", "frequency", "fitted"]
    assert table["rank"].tolist() == list(range(1, len(table) + 1))
    assert table["frequency"].sum() == pytest.approx(1)
    with pytest.raises(ValueError, match="two different words"):
        zipf("كلمة كلمة")


def test_ttr_by_hand():
    # 5 words, 3 distinct
    assert ttr("الحرب ثم الحرب ثم السلام") == 3 / 5
    assert ttr(["الحرب ثم", "الحرب ثم السلام"]) == 3 / 5
    with pytest.raises(ValueError, match="no words"):
        ttr("...")


def brute_mattr(docs, window):
    ratios = []
    for d in docs:
        if not d:
            continue
        if len(d) < window:
            ratios.append(len(set(d)) / len(d))
        else:
            ratios += [len(set(d[i : i + window])) / window for i in range(len(d) - window + 1)]
    return sum(ratios) / len(ratios)


@settings(max_examples=150)
@given(st.lists(st.lists(words, min_size=1, max_size=40), min_size=1, max_size=4), st.integers(1, 12))
def test_mattr_equals_the_mean_of_every_window(docs, window):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = mattr(docs, window=window, normalize=False)
    assert got == pytest.approx(brute_mattr(docs, window), rel=1e-12)
    # a document shorter than the window is reported
    assert bool(caught) == any(len(d) < window for d in docs)


def test_mattr_does_not_fall_with_length_as_ttr_does():
    tokens = tokenize(ARTICLE)
    short, long = tokens[: len(tokens) // 4], tokens  # about 100 and 400 words
    ttr_drop = ttr([short]) - ttr([long])
    assert ttr_drop > 0.05
    assert abs(mattr([long], window=50) - mattr([short], window=50)) < ttr_drop / 2
    with pytest.warns(UserWarning, match="1 of 1 document"):
        mattr("الحرب ثم الحرب", window=100)


def g2_by_hand(a, b, c, d):
    """Dunning's G² over the 2×2 table [[a, b], [c - a, d - b]], written out cell by cell."""
    n = a + b + c + d - a - b  # = c + d
    observed = [a, b, c - a, d - b]
    expected = [c * (a + b) / n, d * (a + b) / n, c * (n - a - b) / n, d * (n - a - b) / n]
    return 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected) if o)


def test_keyness_by_hand():
    target = ["القوات"] * 30 + ["الحكومة"] * 10 + ["بغداد"] * 60  # c = 100
    reference = ["القوات"] * 20 + ["الحكومة"] * 80 + ["واشنطن"] * 100  # d = 200
    k = keyness([target], [reference], stopwords=False).set_index("token")
    assert list(k.columns) == ["n_target", "n_reference", "per_10k_target", "per_10k_reference", "g2", "p_value", "log_ratio", "pct_diff"]
    row = k.loc["القوات"]
    assert (row.n_target, row.n_reference) == (30, 20)
    assert row.g2 == pytest.approx(g2_by_hand(30, 20, 100, 200), rel=1e-12)
    assert row.p_value == pytest.approx(math.erfc(math.sqrt(row.g2 / 2)), rel=1e-12)
    assert row.log_ratio == pytest.approx(math.log2((30 / 100) / (20 / 200)))  # 3 times as frequent: log2 3
    assert row.pct_diff == pytest.approx((0.30 - 0.10) * 100 / 0.10)  # +200 %
    # under-used in the target: negative G², negative log ratio
    row = k.loc["الحكومة"]
    assert row.g2 == pytest.approx(-g2_by_hand(10, 80, 100, 200), rel=1e-12)
    assert row.log_ratio == pytest.approx(math.log2(0.10 / 0.40)) and row.pct_diff == pytest.approx(-75)
    # absent from one side: Hardie's 0.5 for the zero, %DIFF infinite or -100
    assert k.loc["بغداد", "log_ratio"] == pytest.approx(math.log2((60 / 100) / (0.5 / 200)))
    assert k.loc["بغداد", "pct_diff"] == math.inf
    assert k.loc["واشنطن", "log_ratio"] == pytest.approx(math.log2((0.5 / 100) / (100 / 200)))
    assert k.loc["واشنطن", "pct_diff"] == -100
    # sorted: over-used first
    assert k["g2"].is_monotonic_decreasing


def test_keyness_with_williams_correction_by_hand():
    a, b, c, d = 30, 20, 100, 200
    n = c + d
    q = 1 + (n / (a + b) + n / (n - a - b) - 1) * (n / c + n / d - 1) / (6 * n)
    k = keyness([["س"] * a + ["ص"] * (c - a)], [["س"] * b + ["ص"] * (d - b)], stopwords=False, correction="williams")
    assert k.set_index("token").loc["س", "g2"] == pytest.approx(g2_by_hand(a, b, c, d) / q, rel=1e-12)
    with pytest.raises(ValueError, match="correction"):
        keyness("س", "ص", correction="yates")


def test_keyness_between_the_article_and_a_reference_of_news():
    first, second = PARAGRAPHS[: len(PARAGRAPHS) // 2], PARAGRAPHS[len(PARAGRAPHS) // 2 :]
    k = keyness(first, second)
    assert not k.token.isin(stopwords()).any()
    target, reference = word_counts(first), word_counts(second)
    assert dict(zip(k.token, k.n_target)) == {w: target[w] for w in k.token}
    assert dict(zip(k.token, k.n_reference)) == {w: reference[w] for w in k.token}
    # counts given as Counters score the same
    pd.testing.assert_frame_equal(keyness(target, reference), k)
    with pytest.raises(ValueError, match="reference has no words"):
        keyness(first, "...")


GROUPED = [
    at.Document("a1", "فاز المنتخب الوطني بكأس البطولة ثم فاز المنتخب", {"source": "BBC Arabic"}),
    at.Document("a2", "ارتفعت أسعار النفط في الأسواق", {"source": "CNN Arabic"}),
    at.Document("a3", "خسر المنتخب المباراة", {"source": "CNN Arabic"}),
]


def test_freq_table_by_group_equals_each_subcorpus_counted_apart():
    long = freq_table(GROUPED, by="source")
    assert list(long.columns) == ["source", "token", "count", "per_10k", "doc_freq", "rank"]
    assert list(long["source"].unique()) == ["BBC Arabic", "CNN Arabic"]
    for source in ("BBC Arabic", "CNN Arabic"):
        by_hand = freq_table([d for d in GROUPED if d.meta["source"] == source])
        part = long[long["source"] == source].drop(columns="source").reset_index(drop=True)
        pd.testing.assert_frame_equal(part, by_hand)


def test_freq_table_wide_has_a_count_column_per_group_and_a_total():
    wide = freq_table(GROUPED, by="source", wide=True)
    assert list(wide.columns) == ["token", "BBC Arabic", "CNN Arabic", "total"]
    row = wide.set_index("token").loc["المنتخب"]
    assert (row["BBC Arabic"], row["CNN Arabic"], row["total"]) == (2, 1, 3)
    assert wide["token"].iloc[0] == "المنتخب"
    assert (wide["total"] == wide["BBC Arabic"] + wide["CNN Arabic"]).all()
    assert freq_table(GROUPED, by="source", wide=True, min_count=2)["token"].tolist() == ["المنتخب", "فاز"]


def test_freq_table_by_group_streams_in_batches_like_at_once(monkeypatch):
    import arabtext.analysis.counted as counted

    at_once = freq_table(GROUPED, by="source")
    monkeypatch.setattr(counted, "CHUNK_CHARS", 10)  # a batch per document
    pd.testing.assert_frame_equal(freq_table(GROUPED, by="source"), at_once)


def test_ngrams_by_group():
    long = ngrams(GROUPED, by="source", stopwords=False)
    assert long[long["source"] == "BBC Arabic"]["ngram"].iloc[0] == "فاز المنتخب"


def test_grouping_needs_documents_with_the_field():
    with pytest.raises(TypeError, match="needs documents with metadata"):
        freq_table("فاز المنتخب", by="source")
    with pytest.raises(TypeError, match="needs documents with metadata"):
        freq_table(["فاز المنتخب"], by="source")
    with pytest.raises(at.CorpusError, match="no document has a 'topic' field"):
        freq_table(load_corpus(GROUPED), by="topic")
    with pytest.raises(ValueError, match="wide=True needs by="):
        freq_table(GROUPED, wide=True)
    with pytest.raises(ValueError, match="two columns alike"):
        freq_table([at.Document("a", "نص", {"count": "x"})], by="count")
    with pytest.warns(at.CorpusWarning, match="1 document without 'source'"):
        freq_table([*GROUPED, at.Document("z", "نص آخر", {})], by="source")


def test_vocabulary_growth_by_hand():
    from arabtext.analysis.vocabulary import vocabulary_growth

    docs = ["قال الوزير إن الوزير", "سيزور الوزير بغداد"]
    assert vocabulary_growth(docs, every=2).values.tolist() == [[2, 2], [4, 3], [6, 4], [7, 5]]
    assert vocabulary_growth(docs, every=7).values.tolist() == [[7, 5]]
    from arabtext.text.clitics import light_stem

    stems = vocabulary_growth(["الوزير والوزير للوزير وزير"], every=1, key=light_stem)
    assert stems["types"].tolist() == [1, 1, 1, 1]
    assert vocabulary_growth(["الوزير والوزير للوزير وزير"], every=1)["types"].tolist() == [1, 2, 3, 4]
    assert list(vocabulary_growth("", every=5).columns) == ["tokens", "types"]
    with pytest.raises(ValueError, match="every must be"):
        vocabulary_growth(docs, every=0)


@given(st.lists(st.lists(st.sampled_from(["قال", "الوزير", "بغداد", "إن", "سيزور"]), max_size=12), max_size=6),
       st.integers(1, 7))
@settings(max_examples=60, deadline=None)
def test_vocabulary_growth_ends_at_the_vocabulary_and_never_falls(docs, every):
    from arabtext.analysis.vocabulary import vocabulary_growth

    growth = vocabulary_growth(docs, every=every, normalize=False)
    words = [w for d in docs for w in d]
    if words:
        assert growth.iloc[-1].tolist() == [len(words), len(set(words))]
    assert growth["types"].is_monotonic_increasing and (growth["types"] <= growth["tokens"]).all()
