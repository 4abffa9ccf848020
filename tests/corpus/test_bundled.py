"""Tests for arabtext.corpus.bundled: the shipped datasets, loaded by name, rebuilt byte for byte."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import zipfile
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

import arabtext as at
from arabtext.corpus.bundled import DATASETS, dataset_path
from arabtext.corpus.collection import CorpusError

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("ARABTEXT_SHARED_DATA", REPO.parent / "shared" / "data"))
needs_shared = pytest.mark.skipif(not (SHARED / "news_ant_multisource").is_dir(), reason=f"the shared data is not at {SHARED}")

#: articles per outlet in the 15,891-article ANT subsample (its SOURCE.md)
ANT_SOURCES = {"Sky News Arabia": 7163, "Al Arabiya": 3442, "BBC Arabic": 2011, "CNN Arabic": 1725, "France24 Arabic": 1550}


def test_every_dataset_file_is_in_the_package_and_small():
    for name, d in DATASETS.items():
        path = dataset_path(name)
        assert path.is_file() and path.stat().st_size <= 2_400_000, name
        assert len(at.load_corpus(name)) == d.documents


def test_the_news_sample_is_stratified_by_outlet_and_category():
    corpus = at.load_corpus("news")
    docs = list(corpus)
    assert [list(d.meta) for d in docs[:1]] == [["source", "category", "date", "title", "url"]]
    assert len({d.id for d in docs}) == len(docs) == 2000
    share = Counter(d.meta["source"] for d in docs)
    for source, n in ANT_SOURCES.items():
        assert abs(share[source] / len(docs) - n / sum(ANT_SOURCES.values())) < 0.005, source
    cells = Counter((d.meta["source"], d.meta["category"]) for d in docs)
    assert len(cells) == 26 and min(cells.values()) >= 1
    for d in docs:
        assert 2010 <= datetime.fromisoformat(d.meta["date"]).year <= 2018


def test_the_tweets_carry_their_labels():
    assert Counter(d.meta["label"] for d in at.load_corpus("ajgt")) == {"negative": 189, "positive": 171}
    arsarcasm = list(at.load_corpus("arsarcasm"))
    assert {d.meta["label"] for d in arsarcasm} == {"positive", "negative", "neutral"}
    assert {d.meta["sarcasm"] for d in arsarcasm} == {"true", "false"}


def test_a_file_or_folder_of_the_same_name_comes_before_the_dataset(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "mine.txt").write_text("خبر محلي قصير", encoding="utf-8")
    assert at.load_corpus("news").ids == ["mine"]


def test_an_unknown_name_lists_the_datasets(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError, match="bundled datasets: news, ajgt, arsarcasm"):
        at.load_corpus("newz")


def test_datasets_lists_names_sizes_and_licences():
    table = at.datasets()
    assert table["name"].tolist() == list(DATASETS)
    assert table.set_index("name").loc["news", "documents"] == 2000
    assert table["licence"].str.contains("cite").all()


def test_evaluate_takes_a_labelled_dataset_by_name():
    by_name = at.evaluate(at.SentimentModel(), "ajgt")
    tweets = at.load_corpus("ajgt")
    by_hand = at.evaluate(at.SentimentModel(), [d.text for d in tweets], [d.meta["label"] for d in tweets])
    assert by_name.to_dict() == by_hand.to_dict() and by_name.n == 360
    with pytest.raises(ValueError, match="carries its labels"):
        at.evaluate(at.SentimentModel(), "ajgt", ["positive"])
    with pytest.raises(ValueError, match="no 'label' field"):
        at.evaluate(at.SentimentModel(), "news")


def test_gzip_records_read_like_plain_ones(tmp_path):
    lines = [{"id": "a", "text": "كتب الطالب الدرس", "topic": "تعليم"}, {"id": "b", "text": "قرأ الطالب الكتاب"}]
    plain = tmp_path / "c.jsonl"
    plain.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert list(at.load_corpus(packed)) == list(at.load_corpus(plain))
    assert at.load_corpus(packed)[1].text == "قرأ الطالب الكتاب"
    rows = tmp_path / "t.csv.gz"
    rows.write_bytes(gzip.compress("id,text,label\n1,يوم جميل,positive\n".encode("utf-8")))
    assert at.load_corpus(rows)[0].meta == {"label": "positive"}


def test_a_damaged_gzip_file_is_a_corpus_error_naming_it(tmp_path):
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(("{\"text\": \"نص\"}\n" * 2000).encode("utf-8"))[:60])
    with pytest.raises(CorpusError, match="cut.jsonl.gz: cannot decompress"):
        list(at.load_corpus(cut))
    junk = tmp_path / "junk.csv.gz"
    junk.write_bytes(b"not gzip at all\n")
    with pytest.raises(CorpusError, match="junk.csv.gz"):
        list(at.load_corpus(junk))


def test_the_cli_reads_a_dataset_by_name():
    run = subprocess.run([sys.executable, "-m", "arabtext", "freq", "news", "--top", "3", "--format", "csv"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0].startswith("token,count")
    assert len(run.stdout.splitlines()) == 4


@needs_shared
def test_rebuilding_gives_the_same_bytes(tmp_path):
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_datasets.py"), "--data", str(SHARED), "--out", str(tmp_path)], check=True, capture_output=True)
    for d in DATASETS.values():
        assert (tmp_path / d.file).read_bytes() == dataset_path(d.name).read_bytes(), d.file


@needs_shared
def test_no_shipped_tweet_is_in_the_models_training_data():
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from sentiment_data import _key, training_set
    finally:
        sys.path.remove(str(REPO / "scripts"))
    seen = {_key(t) for t in training_set(SHARED).texts}
    for name in ("ajgt", "arsarcasm"):
        overlap = [d.id for d in at.load_corpus(name) if _key(d.text) in seen]
        assert not overlap, f"{name}: {overlap[:5]}"


def test_the_datasets_are_inside_the_built_wheel_and_load_from_it(tmp_path):
    """Build the wheel as pip does, unpack it, and load every dataset from it, away from the checkout."""
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(REPO)],
        capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("arabtext-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(site)
    for name, d in DATASETS.items():
        assert f"arabtext/corpus/data/{d.file}" in names, name
    assert {"arabtext/corpus/data/NOTICE", "arabtext/corpus/data/README.md"} <= names
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import arabtext as at; "
        "assert at.__file__.startswith(sys.argv[1]), at.__file__; "
        "print(*(len(at.load_corpus(n)) for n in ('news', 'ajgt', 'arsarcasm')), len(at.load_corpus()))"
    )
    away = tmp_path / "elsewhere"
    away.mkdir()
    result = subprocess.run([sys.executable, "-c", script, str(site)], cwd=away, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(DATASETS[n].documents) for n in ("news", "ajgt", "arsarcasm")] + ["1"]
