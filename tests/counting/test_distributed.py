import json
import logging
import random
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from arabtext.analysis.cooccurrence import collocations
from arabtext.counting.pairs import BigramCounts
from arabtext.corpus.collection import CorpusWarning
from arabtext.corpus.loading import iter_documents, load_corpus
from arabtext.analysis.frequency import freq_table
from arabtext.counting.terms import TermCounts
from arabtext.corpus.inputs import token_lists
from arabtext.counting.engine import count_corpus
from arabtext.text.sentence_splitter import sentences

NO_DASK = 'the dask extra is not installed: pip install "arabtext[dask]"'
db = pytest.importorskip("dask.bag", reason=NO_DASK)
distributed = pytest.importorskip("dask.distributed", reason=NO_DASK)

from arabtext.counting.distributed import count_bag, count_paths  # noqa: E402  (needs dask)

ARTICLE = (Path(__file__).parents[2] / "corpus" / "sputnik-iraq-escalation.txt").read_text(encoding="utf-8")
SENTENCES = sentences(ARTICLE)
_rng = random.Random(11)
DOCS = [" ".join(_rng.choices(SENTENCES, k=_rng.randint(2, 12))) for _ in range(120)]


@pytest.fixture(scope="module")
def client():
    """Two worker processes of one thread each, started once for the module."""
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def assert_same(got, data, window):
    docs = list(token_lists(data))
    words, pairs = TermCounts.from_tokens(docs), BigramCounts.from_tokens(docs, window)
    assert got.words == words and list(got.words.counts) == list(words.counts)
    assert got.pairs.words == pairs.words
    for name in ("pairs", "counts", "word_freq"):
        np.testing.assert_array_equal(getattr(got.pairs, name), getattr(pairs, name))
    assert got.pairs.n_docs == pairs.n_docs


def test_a_bag_of_texts_on_two_workers_counts_as_one_process(client):
    # 7 partitions merged 2 at a time: a tree three levels deep, in partition order
    got = count_bag(db.from_sequence(DOCS, npartitions=7), window=2, split_every=2)
    assert len(client.scheduler_info()["workers"]) == 2
    assert_same(got, DOCS, window=2)
    one = count_corpus(DOCS, window=2, n_jobs=1)
    pd.testing.assert_frame_equal(freq_table(got.words), freq_table(one.words), check_exact=True)
    pd.testing.assert_frame_equal(collocations(got.pairs, window=2), collocations(one.pairs, window=2), check_exact=True)


def test_a_bag_of_documents_or_token_lists(client):
    corpus = list(load_corpus(DOCS[:40]))
    assert_same(count_bag(db.from_sequence(corpus, npartitions=3)), corpus, window=1)
    lists = [text.split() for text in DOCS[:40]]
    assert_same(count_bag(db.from_sequence(lists, npartitions=3)), lists, window=1)


def test_paths_are_read_on_the_workers_and_their_warnings_come_back(client, tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    for i, text in enumerate(DOCS[:30]):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("\n", encoding="utf-8")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in DOCS[30:60]), encoding="utf-8")
    paths = [folder, jsonl, *sorted(folder.glob("00*.txt"))]
    with pytest.warns(CorpusWarning, match="empty.txt"):
        got = count_paths(paths, window=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        documents = [doc for path in paths for doc in iter_documents(path)]
    assert_same(got, documents, window=3)


def test_counting_only_words_or_only_pairs(client):
    bag = db.from_sequence(DOCS[:20], npartitions=2)
    assert count_bag(bag, window=None).pairs is None
    assert count_bag(bag, words=False).words is None
    with pytest.raises(ValueError, match="nothing to count"):
        count_bag(bag, window=None, words=False)
    with pytest.raises(TypeError, match="list of paths"):
        count_paths("corpus/")
