"""Tests for arabtext.corpus.collection: subcorpora by metadata (filter, groupby) as lazy views."""

from __future__ import annotations

import json
import warnings

import pytest

import arabtext as at
from arabtext.corpus.collection import CorpusError, CorpusWarning, Document

NEWS = [
    Document("a1", "فاز المنتخب الوطني بكأس البطولة", {"source": "BBC Arabic", "category": "sport", "year": 2018}),
    Document("a2", "ارتفعت أسعار النفط في الأسواق", {"source": "CNN Arabic", "category": "economy", "year": 2018}),
    Document("a3", "خسر المنتخب المباراة الودية", {"source": "CNN Arabic", "category": "sport", "year": 2019}),
    Document("a4", "تراجع الذهب أمام الدولار", {"source": "BBC Arabic", "category": "economy", "year": 2019}),
    Document("a5", "أعلن الاتحاد موعد البطولة", {"source": "Sky News Arabia", "category": "sport", "year": 2019}),
]


@pytest.fixture
def news_file(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": d.id, "text": d.text, **d.meta}, ensure_ascii=False) for d in NEWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_filter_by_value_list_function_and_predicate(news_file):
    corpus = at.load_corpus(news_file)
    assert corpus.filter(category="sport").ids == ["a1", "a3", "a5"]
    assert corpus.filter(category="sport", source="CNN Arabic").ids == ["a3"]
    assert corpus.filter(source=["BBC Arabic", "Sky News Arabia"]).ids == ["a1", "a4", "a5"]
    assert corpus.filter(year=lambda y: y > 2018).ids == ["a3", "a4", "a5"]
    assert corpus.filter(lambda doc: "المنتخب" in doc.text).ids == ["a1", "a3"]
    assert corpus.filter(category="politics").ids == []


def test_a_subcorpus_is_a_corpus_of_the_same_documents(news_file):
    corpus = at.load_corpus(news_file)
    sport = corpus.filter(category="sport")
    assert "not counted yet" in repr(sport) and "category='sport'" in repr(sport)
    assert len(sport) == 3 and "3 documents" in repr(sport)
    assert sport[1] == corpus[2] and [d.id for d in sport[1:]] == ["a3", "a5"]
    assert list(sport) == [d for d in corpus if d.meta["category"] == "sport"]
    assert sport.filter(year=2019).ids == ["a3", "a5"]


def test_a_subcorpus_reads_its_source_again_on_each_use(tmp_path):
    path = tmp_path / "live.jsonl"
    path.write_text('{"text": "فاز الفريق", "category": "sport"}\n', encoding="utf-8")
    sport = at.load_corpus(path).filter(category="sport")  # nothing read yet
    path.write_text('{"text": "خسر الفريق", "category": "sport"}\n', encoding="utf-8")
    assert [d.text for d in sport] == ["خسر الفريق"]


def test_a_field_no_document_has_is_a_clear_error(news_file):
    corpus = at.load_corpus(news_file)
    with pytest.raises(CorpusError, match=r"news\.jsonl.*no document has a 'topic' field.*'category'"):
        list(corpus.filter(topic="sport"))
    with pytest.raises(CorpusError, match="no document has a 'topic' field"):
        corpus.groupby("topic")
    with pytest.raises(TypeError, match="predicate"):
        corpus.filter("sport")


def test_groupby_gives_one_lazy_subcorpus_per_value_in_sorted_order(news_file):
    groups = at.load_corpus(news_file).groupby("source")
    assert list(groups) == ["BBC Arabic", "CNN Arabic", "Sky News Arabia"]
    assert {k: v.ids for k, v in groups.items()} == {
        "BBC Arabic": ["a1", "a4"], "CNN Arabic": ["a2", "a3"], "Sky News Arabia": ["a5"]
    }
    assert list(at.load_corpus(news_file).groupby("year")) == [2018, 2019]


def test_documents_without_the_field_are_counted_in_a_warning():
    docs = [*NEWS, Document("x", "نص بلا مصدر", {})]
    with pytest.warns(CorpusWarning, match="1 document without 'source', in no group"):
        groups = at.load_corpus(docs).groupby("source")
    assert sum(len(g) for g in groups.values()) == len(NEWS)
    assert "x" not in at.load_corpus(docs).filter(source=lambda s: True).ids


def test_a_list_valued_field_groups_as_a_value():
    docs = [Document("a", "نص", {"tags": ["سياسة", "اقتصاد"]}), Document("b", "نص آخر", {"tags": ["سياسة", "اقتصاد"]})]
    groups = at.load_corpus(docs).groupby("tags")
    assert [g.ids for g in groups.values()] == [["a", "b"]]


def test_analyses_take_a_subcorpus_and_equal_the_documents_picked_by_hand(news_file):
    corpus = at.load_corpus(news_file)
    sport = corpus.filter(category="sport")
    by_hand = [d for d in corpus if d.meta["category"] == "sport"]
    others = [d for d in corpus if d.meta["category"] != "sport"]
    assert at.freq_table(sport).equals(at.freq_table(by_hand))
    assert at.collocations(sport, min_count=1).equals(at.collocations(by_hand, min_count=1))
    assert at.kwic(sport, "المنتخب").equals(at.kwic(by_hand, "المنتخب"))
    assert at.count_corpus(sport).words == at.count_corpus(by_hand).words
    rest = corpus.filter(category=lambda c: c != "sport")
    assert at.keyness(sport, rest).equals(at.keyness(by_hand, others))


def test_filtering_the_bundled_news_sample():
    news = at.load_corpus("news")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sport = news.filter(category="sport")
        assert 0 < len(sport) < len(news)
        assert all(d.meta["category"] == "sport" for d in sport)
        assert sum(map(len, news.groupby("category").values())) == len(news)
