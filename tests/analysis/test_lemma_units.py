"""unit="lemma" in every counting analysis: the same numbers as counting lemma_words by hand, on every path."""

import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import arabtext as at
from arabtext.counting import engine
from arabtext.counting.engine import count_corpus
from arabtext.explorer.index import ConcordanceIndex
from arabtext.text.lemmatizer import lemma_words

ROOT = Path(__file__).parents[2]
ARTICLE = (ROOT / "corpus" / "sputnik-iraq-escalation.txt").read_text(encoding="utf-8")
SENTENCES = at.sentences(ARTICLE)
DOCS = [" ".join(SENTENCES[i:i + 3]) for i in range(0, len(SENTENCES), 3)]


def by_hand(texts):
    return Counter(lemma for text in texts for lemma in lemma_words(at.tokenize(text)))


def test_freq_table_counts_lemmas_and_shows_their_spellings():
    table = at.freq_table(DOCS, unit="lemma", stopwords=False)
    assert list(table.columns[:2]) == ["lemma", "forms"]
    assert dict(zip(table["lemma"], table["count"])) == by_hand(DOCS)
    row = table.set_index("lemma").loc["قوة"]
    spellings = Counter(w for d in DOCS for w in at.tokenize(d) if at.lemmatize(w) == "قوة")
    assert row["count"] == sum(spellings.values())
    top = spellings.most_common(1)[0]
    assert row["forms"].startswith(f"{top[0]} {top[1]}")


def test_freq_table_of_lemmas_keeps_document_frequencies():
    table = at.freq_table(DOCS, unit="lemma").set_index("lemma")
    holding = sum(1 for d in DOCS if "قال" in lemma_words(at.tokenize(d)))
    assert table.loc["قال", "doc_freq"] == holding


def test_a_one_pass_iterator_gives_the_same_table():
    assert at.freq_table(iter(DOCS), unit="lemma").equals(at.freq_table(DOCS, unit="lemma"))


def test_dispersion_of_lemmas_spreads_lemma_counts_over_the_documents():
    table = at.freq_table(DOCS, unit="lemma", dispersion=True).set_index("lemma")
    plain = at.freq_table(DOCS, unit="lemma").set_index("lemma")
    assert table["count"].to_dict() == plain["count"].to_dict()
    assert table["doc_freq"].to_dict() == plain["doc_freq"].to_dict()
    assert table["dp"].between(0, 1).all()


def test_stop_words_are_left_out_of_the_lemma_table():
    lemmas = set(at.freq_table(DOCS, unit="lemma")["lemma"])
    assert not lemmas & {"في", "من", "التي", "علي"}


@pytest.fixture
def many_chunks(monkeypatch):
    monkeypatch.setattr(engine, "CHUNK_CHARS", 500)
    monkeypatch.setattr(engine, "_pool", lambda jobs: ThreadPoolExecutor(jobs))


def test_count_corpus_of_lemmas_is_the_small_path_on_any_number_of_workers(many_chunks):
    expected = by_hand(DOCS)
    assert count_corpus(DOCS, None, unit="lemma").words.counts == expected
    assert count_corpus(DOCS, None, n_jobs=2, unit="lemma").words.counts == expected


def test_workers_in_processes_count_lemmas_too(monkeypatch):
    monkeypatch.setattr(engine, "CHUNK_CHARS", 2_000)
    assert count_corpus(DOCS * 3, None, n_jobs=2, unit="lemma").words.counts == by_hand(DOCS * 3)


def test_collocations_of_lemmas_pair_lemmas():
    pairs = at.collocations(DOCS, unit="lemma", min_count=2)
    assert ("عين", "اسد") in set(zip(pairs["w1"], pairs["w2"]))
    assert not any(w.startswith("ال") and w not in ("الذي", "التي") for w in pairs["w1"])


def test_keyness_of_lemmas_names_its_column_lemma():
    assert len(DOCS) >= 4
    table = at.keyness(DOCS[:2], DOCS[2:], unit="lemma")
    assert table.columns[0] == "lemma"
    assert set(table["lemma"]) <= set(by_hand(DOCS))


def test_kwic_lemma_finds_every_inflected_and_cliticized_form():
    hits = at.kwic(ARTICLE, "lemma:قال")
    assert sorted(set(hits["node"])) == ["قال", "قالت", "وقال", "وقالت"]
    every = [w for w in at.tokenize(ARTICLE) if at.lemmatize(w) == "قال"]
    assert len(hits) == len(every)


def test_the_explorer_index_answers_lemma_queries_like_kwic():
    corpus = at.load_corpus()
    index = ConcordanceIndex(corpus)
    assert index.kwic("lemma:قال").equals(at.kwic(corpus, "lemma:قال"))


def test_lemma_queries_mix_with_words_in_a_phrase():
    hits = at.kwic(ARTICLE, "lemma:قاعدة عين")
    assert len(hits) >= 3 and set(hits["node"]) <= {"قاعدة عين", "وقاعدة عين"}


@pytest.mark.parametrize("call", [
    lambda: at.freq_table(Counter({"قال": 2}), unit="lemma"),
    lambda: at.freq_table(DOCS, unit="stem"),
    lambda: at.collocations(at.count_corpus(DOCS).pairs, unit="lemma"),
    lambda: at.kwic(ARTICLE, "lemma:"),
])
def test_what_cannot_be_counted_by_lemma_is_a_clear_error(call):
    with pytest.raises(ValueError, match="lemma|unit"):
        call()


def run(*args):
    return subprocess.run([sys.executable, "-m", "arabtext.cli", *args], capture_output=True, text=True, timeout=120)


def test_the_command_line_counts_lemmas():
    done = run("freq", "--unit", "lemma", "--top", "5", "--format", "tsv")
    assert done.returncode == 0, done.stderr
    header, *rows = done.stdout.splitlines()
    assert header.split("\t")[:3] == ["lemma", "forms", "count"]
    assert "قوة" in {row.split("\t")[0] for row in rows}


def test_the_command_line_pairs_lemmas_and_finds_them():
    done = run("colloc", "--unit", "lemma", "--top", "3", "--format", "tsv")
    assert done.returncode == 0, done.stderr
    assert "عين\tاسد" in done.stdout
    done = run("kwic", "lemma:قال", "--format", "tsv")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1 + len(at.kwic(ARTICLE, "lemma:قال"))


def test_the_command_line_refuses_an_unknown_unit():
    done = run("freq", "--unit", "stem")
    assert done.returncode != 0 and "Traceback" not in done.stderr and "unit" in done.stderr
