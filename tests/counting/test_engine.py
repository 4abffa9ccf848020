import json
import random
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabtext.counting import engine as parallel
from arabtext.counting import progress as _progress
from arabtext.counting import tally
from arabtext.analysis.cooccurrence import collocates, collocations
from arabtext.counting.pairs import BigramCounts
from arabtext.corpus.loading import load_corpus
from arabtext.analysis.frequency import freq_table, ngrams, word_counts
from arabtext.analysis.keywords import keyness
from arabtext.counting.terms import TermCounts
from arabtext.corpus.inputs import token_lists
from arabtext.text.normalization import Normalizer
from arabtext.counting.engine import count_corpus, count_ngrams, n_workers
from arabtext.counting.tally import CorpusCounts, _Tally
from arabtext.text.sentence_splitter import sentences

ARTICLE = (Path(__file__).parents[2] / "corpus" / "sputnik-iraq-escalation.txt").read_text(encoding="utf-8")
SENTENCES = sentences(ARTICLE)


def news_like(n_docs: int, seed: int = 7) -> list[str]:
    """Documents of 2 to 12 sentences of the sample article, drawn with a fixed seed."""
    rng = random.Random(seed)
    return [" ".join(rng.choices(SENTENCES, k=rng.randint(2, 12))) for _ in range(n_docs)]


DOCS = news_like(150)


@pytest.fixture
def small_chunks(monkeypatch):
    # a few thousand characters a chunk and a thousand tokens a batch, so this small corpus is many of each
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 6_000)
    monkeypatch.setattr(tally, "_BATCH_TOKENS", 1_000)


@pytest.fixture
def thread_pool(monkeypatch):
    """Workers as threads: the driver's order and merging, without starting processes."""
    started = []

    def pool(jobs):
        started.append(jobs)
        return ThreadPoolExecutor(jobs)

    monkeypatch.setattr(parallel, "_pool", pool)
    return started


@pytest.fixture
def no_pool(monkeypatch):
    def refuse(jobs):
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(parallel, "_pool", refuse)


def one_pass(data, window=1, normalize=True):
    """The counts of the single-document path: TermCounts and BigramCounts over token_lists."""
    docs = list(token_lists(data, normalize))
    return TermCounts.from_tokens(docs), BigramCounts.from_tokens(docs, window)


def assert_same_pairs(got: BigramCounts, want: BigramCounts):
    assert got.words == want.words
    for name in ("pairs", "counts", "word_freq"):
        np.testing.assert_array_equal(getattr(got, name), getattr(want, name))
    assert (got.n_docs, got.window) == (want.n_docs, want.window)


def assert_same_counts(got: CorpusCounts, words: TermCounts, pairs: BigramCounts):
    assert got.words == words
    assert list(got.words.counts) == list(words.counts)  # first-occurrence order, as most_common's ties
    assert_same_pairs(got.pairs, pairs)


@pytest.fixture(scope="module")
def corpus_files(tmp_path_factory):
    """DOCS as a folder of .txt files with metadata.csv, and as JSONL."""
    root = tmp_path_factory.mktemp("news")
    folder = root / "folder"
    folder.mkdir()
    rows = ["id,file,source"]
    for i, text in enumerate(DOCS):
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        rows.append(f"n{i},{i:04d}.txt,generated")
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    jsonl = root / "news.jsonl"
    jsonl.write_text("".join(json.dumps({"id": f"n{i}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(DOCS)), encoding="utf-8")
    return folder, jsonl


# --- the same counts as the single-document path --------------------------------------------


@pytest.mark.parametrize("window", [1, 3])
def test_streaming_counts_equal_one_pass_on_the_bundled_corpus(window):
    corpus = load_corpus()
    assert_same_counts(count_corpus(corpus, window, n_jobs=1), *one_pass(corpus, window))


@pytest.mark.parametrize("source", ["folder", "jsonl", "generator", "token lists"])
def test_streaming_counts_equal_one_pass_on_a_multi_document_corpus(source, corpus_files, small_chunks, no_pool):
    folder, jsonl = corpus_files
    make = {
        "folder": lambda: load_corpus(folder),
        "jsonl": lambda: load_corpus(jsonl),
        "generator": lambda: (t for t in DOCS),
        "token lists": lambda: [text.split() for text in DOCS],
    }[source]
    assert_same_counts(count_corpus(make(), window=2, n_jobs=1), *one_pass(make(), window=2))


def test_chunks_merged_by_workers_equal_one_pass(small_chunks, thread_pool):
    got = count_corpus(DOCS, window=2, n_jobs=3)
    assert thread_pool == [3]
    assert_same_counts(got, *one_pass(DOCS, window=2))


@settings(max_examples=60, deadline=None)
@given(
    docs=st.lists(st.lists(st.sampled_from(["قال", "الوزير", "في", "بغداد", "القوات", "صواريخ"]), max_size=8), max_size=12),
    cuts=st.lists(st.integers(0, 12), max_size=4),
    window=st.sampled_from([None, 1, 2, 4]),
)
def test_counts_added_in_corpus_order_equal_one_pass(docs, cuts, window):
    bounds = sorted({0, len(docs), *(min(c, len(docs)) for c in cuts)})
    total = _Tally(window)
    for start, end in zip(bounds, bounds[1:]):
        total += _Tally(window).update(docs[start:end])
    whole = _Tally(window).update(docs).result()
    got = total.result()
    assert got.words == whole.words and list(got.words.counts) == list(whole.words.counts)
    if window is not None:
        assert_same_pairs(got.pairs, whole.pairs)
        assert_same_pairs(got.pairs, BigramCounts.from_tokens(docs, window))


def test_tables_from_worker_processes_equal_the_single_process_tables(small_chunks):
    # real processes: the chunks and the counts cross process boundaries by pickling
    pairs = collocations(DOCS, n_jobs=2, min_count=2)
    pd.testing.assert_frame_equal(pairs, collocations(BigramCounts.from_tokens(token_lists(DOCS)), min_count=2), check_exact=True)
    custom = Normalizer(ta_marbuta=True)
    table = freq_table(DOCS, normalize=custom, n_jobs=2)
    pd.testing.assert_frame_equal(table, freq_table(TermCounts.from_tokens(token_lists(DOCS, custom))), check_exact=True)


def test_every_counting_function_gives_the_same_table_with_workers(small_chunks, thread_pool):
    words = TermCounts.from_tokens(token_lists(DOCS))
    pairs5 = BigramCounts.from_tokens(token_lists(DOCS), 5)
    same = pd.testing.assert_frame_equal
    same(freq_table(DOCS, n_jobs=2), freq_table(words), check_exact=True)
    same(ngrams(DOCS, n=3, n_jobs=2), ngrams(TermCounts.from_tokens(token_lists(DOCS), 3), n=3), check_exact=True)
    same(collocates(DOCS, "القوات", n_jobs=2), collocates(pairs5, "القوات"), check_exact=True)
    same(keyness(DOCS[:50], DOCS[50:]), keyness(TermCounts.from_tokens(token_lists(DOCS[:50])), TermCounts.from_tokens(token_lists(DOCS[50:]))), check_exact=True)
    assert word_counts(DOCS, n_jobs=2) == words.counts
    assert list(word_counts(DOCS, n_jobs=2)) == list(words.counts)


def test_count_ngrams_equals_term_counts_for_every_n(small_chunks, thread_pool):
    for n in (1, 2, 4):
        assert count_ngrams(DOCS, n, n_jobs=2) == TermCounts.from_tokens(token_lists(DOCS), n)


def test_words_only_and_pairs_only():
    words_only = count_corpus(DOCS, window=None)
    assert words_only.pairs is None and words_only.words == TermCounts.from_tokens(token_lists(DOCS))
    without_documents = count_corpus(DOCS, window=None, doc_freq=False).words
    assert without_documents.doc_freq is None and without_documents.counts == words_only.words.counts
    assert (without_documents.total, without_documents.n_docs) == (words_only.words.total, words_only.words.n_docs)
    pairs_only = count_corpus(DOCS, words=False)
    assert pairs_only.words is None
    assert_same_pairs(pairs_only.pairs, BigramCounts.from_tokens(token_lists(DOCS)))
    with pytest.raises(ValueError, match="nothing to count"):
        count_corpus(DOCS, window=None, words=False)
    with pytest.raises(ValueError, match="window"):
        count_corpus(DOCS, window=0)


def test_empty_documents_count_as_documents():
    got = count_corpus(["", "قال الوزير", "؟", "الوزير"], window=1)
    assert (got.words.n_docs, got.pairs.n_docs, got.words.total, got.pairs.n_pairs) == (4, 4, 3, 1)
    nothing = count_corpus([], window=1)
    assert nothing.words.total == 0 and nothing.pairs.n_pairs == 0


# --- when processes are started -------------------------------------------------------------


def test_the_sample_corpus_starts_no_process(no_pool):
    count_corpus(load_corpus(), n_jobs=None)
    count_corpus(load_corpus(), n_jobs=4)  # one chunk: counted here even when jobs are asked for


def test_n_jobs_none_counts_here_up_to_auto_chars_then_shares(monkeypatch, small_chunks, thread_pool):
    monkeypatch.setattr(parallel, "AUTO_CHARS", 10**9)
    count_corpus(DOCS, n_jobs=None)
    assert thread_pool == []
    monkeypatch.setattr(parallel, "AUTO_CHARS", 50_000)
    got = count_corpus(DOCS, window=2, n_jobs=None)
    assert thread_pool == [n_workers(-1)]
    assert_same_counts(got, *one_pass(DOCS, window=2))


def test_n_jobs_one_never_starts_a_pool(small_chunks, no_pool):
    count_corpus(DOCS, n_jobs=1)


def test_n_workers():
    assert n_workers(3) == 3
    assert n_workers(None) == n_workers(-1) >= 1
    assert n_workers(-2) == max(n_workers(-1) - 1, 1)
    for bad in (0, 1.5, True, "2"):
        with pytest.raises(ValueError, match="n_jobs"):
            n_workers(bad)


def test_bad_input_is_named_before_any_work():
    with pytest.raises(TypeError, match="item 2"):
        count_corpus(["قال الوزير", 42])
    with pytest.raises(TypeError, match="DataFrame"):
        freq_table(pd.DataFrame({"text": DOCS[:3]}), n_jobs=2)


# --- memory and progress --------------------------------------------------------------------


def _peak_bytes(n_repeats: int) -> int:
    docs = (text for _ in range(n_repeats) for text in DOCS)  # never held as a whole
    tracemalloc.start()
    try:
        count_corpus(docs, window=2, n_jobs=1)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_corpus(small_chunks):
    # the same documents 1x and 6x: the same vocabulary and pairs, six times the text
    _peak_bytes(1)  # caches filled once (compiled patterns, the normalizer) are not the corpus
    once, six_times = _peak_bytes(1), _peak_bytes(6)
    assert six_times < 1.25 * once, (once, six_times)


def test_progress_bar_only_on_a_terminal(monkeypatch, capsys):
    monkeypatch.setattr(_progress, "enabled", lambda: False)
    count_corpus(DOCS, progress=True)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(_progress, "enabled", lambda: True)
    monkeypatch.setattr(_progress, "DELAY", 0)
    count_corpus(DOCS, progress=True)
    assert "counting" in capsys.readouterr().err
    count_corpus(DOCS, progress=False)
    assert capsys.readouterr().err == ""
