"""The index gives what kwic gives — same lines, same order, same columns — for every kind of query."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabtext as at
from arabtext.analysis.concordance import kwic
from arabtext.analysis.cooccurrence import collocates
from arabtext.analysis.dispersion import word_dispersion
from arabtext.corpus.collection import Corpus, Document
from arabtext.explorer.index import ConcordanceIndex


@pytest.fixture(scope="module")
def news():
    return at.load_corpus("news")


@pytest.fixture(scope="module")
def news_index(news):
    return ConcordanceIndex(news)


QUERIES = [
    ("القوات", {}),
    ("الولايات المتحدة", {"sort": "R1"}),
    ("مفاوض*", {"sort": "L1,R1"}),
    ("^مفاوض", {"regex": True, "sort": "R2"}),
    ("الأمين", {"exact": True}),
    ("في", {"sort": "L1,node,R2"}),
    ("قال *", {"sort": "node"}),
    ("* المتحدة", {"sort": "L2"}),
]


@pytest.mark.parametrize(("query", "options"), QUERIES)
def test_the_index_gives_the_lines_kwic_gives_on_the_news_sample(news, news_index, query, options):
    expected = kwic(news, query, **options)
    assert len(expected) > 10
    got = news_index.kwic(query, **options)
    assert got.equals(expected)


def test_limit_width_and_hits_reuse(news_index):
    hits = news_index.search("القوات", sort="R1")
    assert news_index.kwic(hits, width=2, limit=7).equals(news_index.kwic("القوات", width=2, sort="R1").head(7))


def test_dispersion_of_the_hits(news, news_index):
    hits = news_index.search("ترامب")
    sizes = news_index.sizes
    assert hits.per_doc.sum() == len(hits) == len(kwic(news, "ترامب"))
    assert (hits.range, hits.juilland_d, hits.dp) == word_dispersion(hits.per_doc, sizes)
    assert 0 < hits.dp < 1 and hits.range == (hits.per_doc > 0).sum()


def test_collocates_equal_the_function(news, news_index):
    got = news_index.collocates("القوات", window=3, measure="llr", min_count=3)
    assert got.equals(collocates(news, "القوات", window=3, measure="llr", min_count=3))
    assert news_index.collocates("القوات", window=3, measure="llr", min_count=3) is not got  # a new table…
    assert list(news_index._pairs) == [3]  # …from the same counted pairs


def test_a_phrase_stops_at_the_document_edge():
    index = ConcordanceIndex(["زار عين", "الأسد أمس", "عين الأسد"])
    assert index.kwic("عين الأسد").doc.tolist() == ["doc0003"]
    assert index.kwic("الأسد", sort="L1").left.tolist() == ["", "عين"]  # nothing before the second document's first word


def test_metadata_and_an_empty_corpus():
    index = ConcordanceIndex(Corpus([Document("a", "قال الوزير", {"source": "BBC"}), Document("b", "")]))
    assert index.kwic("الوزير").source.tolist() == ["BBC"]
    assert index.kwic("غائب").empty
    empty = ConcordanceIndex([])
    assert len(empty) == 0 and empty.search("الوزير", sort="R1").range == 0


words = st.sampled_from(["القوات", "والقوات", "للقوّات", "الأمريكية", "عين", "الأسد", "،", "قال", "ﷺ", "الامريكيه"])
queries = st.sampled_from(["القوات", "عين الأسد", "*قوات", "قال ?*", "الأسد *", "^ال", "الأمريكية"])
sorts = st.sampled_from([None, "R1", "L1", "L2,R1", "node", "R3,L1"])


@settings(max_examples=120, deadline=None)
@given(st.lists(st.lists(words, max_size=12), max_size=5), queries, sorts, st.booleans(), st.sampled_from(["clitics", "exact"]))
def test_the_index_agrees_with_kwic_on_any_corpus(docs, query, sort, exact, match):
    texts = [" ".join(d) for d in docs]
    regex = query.startswith("^")
    index = ConcordanceIndex(texts, match=match)
    assert index.kwic(query, width=2, sort=sort, regex=regex, exact=exact).equals(
        kwic(texts, query, width=2, sort=sort, regex=regex, exact=exact, match=match))
