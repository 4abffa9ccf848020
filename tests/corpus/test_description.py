"""Tests for arabtext.corpus.description: the first look at a new corpus."""

from __future__ import annotations

import pytest

import arabtext as at


def test_describe_counts_documents_words_and_the_values_of_each_field():
    news = at.load_corpus("news")
    d = news.describe()
    assert (d.documents, d.words) == (2000, sum(len(at.tokenize(doc.text)) for doc in news))
    fields = d.fields.set_index("field")
    assert list(fields.index) == ["source", "category", "date", "title", "url"]
    assert fields.loc["source", "distinct"] == "5" and fields.loc["category", "documents"] == 2000
    assert fields.loc["source", "top"].startswith("Sky News Arabia (901), Al Arabiya (433)")
    assert fields.loc["title", "distinct"] == "1000+"
    assert "documents: 2,000   words: 476,082" in str(d)
    assert d.skipped.empty


def test_describe_lists_skipped_records_and_fields_some_documents_lack(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "فاز الفريق", "قسم": "رياضة"}\n{"text": "ارتفع النفط"}\n{"oops"\n', encoding="utf-8")
    with pytest.warns(at.CorpusWarning, match="1 bad record skipped \\(line 3\\)"):
        d = at.load_corpus(path, on_bad_records="skip").describe()
    assert d.documents == 2 and len(d.skipped) == 1 and d.skipped["line"].tolist() == [3]
    assert d.fields.values.tolist() == [["قسم", 1, "1", "رياضة (1)"]]
    assert "skipped records: 1" in str(d) and 'dir="auto"' in d._repr_html_()


def test_describe_takes_any_documents():
    docs = [at.Document("a", "صباح الخير", {"folder": ""}), at.Document("b", "مساء الخير", {"folder": ""})]
    d = at.corpus.describe(docs)
    assert d.words == 4 and d.fields["top"].tolist() == ['"" (2)']
