"""Tests for arabtext.corpus.folder: folders of folders, as SANAD and other classification corpora come."""

from __future__ import annotations

import warnings
from collections import Counter

import pytest

import arabtext as at
from arabtext.corpus.collection import CorpusWarning

ARTICLES = {
    "Alkhaleej/Sports/0001.txt": "فاز المنتخب الوطني بكأس البطولة بعد مباراة قوية",
    "Alkhaleej/Sports/0002.txt": "خسر الفريق المباراة النهائية أمام منافسه",
    "Alkhaleej/Politics/0001.txt": "اجتمع مجلس الوزراء لمناقشة الموازنة العامة",
    "Arabiya/Sports/0001.txt": "أعلن الاتحاد موعد انطلاق الدوري الجديد",
    "Arabiya/Tech/0001.txt": "أطلقت الشركة هاتفا جديدا بكاميرا متطورة",
    "Arabiya/Tech/2019/0001.txt": "ارتفعت مبيعات الحواسيب المحمولة هذا العام",
}


@pytest.fixture
def tree(tmp_path):
    for name, text in ARTICLES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    return tmp_path


def test_every_txt_below_the_folder_is_a_document_in_sorted_path_order(tree):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = at.load_corpus(tree)
    assert [d.meta["file"] for d in corpus] == sorted(ARTICLES)
    assert corpus.ids == [name.removesuffix(".txt") for name in sorted(ARTICLES)]
    assert corpus[0].meta == {"file": "Alkhaleej/Politics/0001.txt", "folder": "Alkhaleej/Politics"}
    assert [d.text.strip() for d in corpus] == [ARTICLES[n] for n in sorted(ARTICLES)]


def test_path_fields_name_the_folder_levels(tree):
    corpus = at.load_corpus(tree, path_fields=["source", "category"])
    meta = {d.meta["file"]: d.meta for d in corpus}
    assert meta["Arabiya/Tech/0001.txt"] == {"file": "Arabiya/Tech/0001.txt", "folder": "Arabiya/Tech", "source": "Arabiya", "category": "Tech"}
    assert meta["Arabiya/Tech/2019/0001.txt"]["category"] == "Tech"  # deeper levels stay in folder only
    assert Counter(d.meta["category"] for d in corpus) == {"Sports": 3, "Politics": 1, "Tech": 2}
    sports = corpus.filter(category="Sports")
    assert sports.ids == ["Alkhaleej/Sports/0001", "Alkhaleej/Sports/0002", "Arabiya/Sports/0001"]
    by_hand = Counter(w for n, t in ARTICLES.items() if "/Sports/" in n for w in at.tokenize(t))
    assert at.word_counts(sports) == by_hand
    table = at.freq_table(corpus, by="source", stopwords=False)
    assert table[table["source"] == "Arabiya"]["count"].sum() == sum(
        len(at.tokenize(t)) for n, t in ARTICLES.items() if n.startswith("Arabiya/")
    )


def test_files_at_the_top_have_an_empty_folder_and_no_path_fields(tree):
    (tree / "readme.txt").write_text("مجموعة أخبار للتصنيف\n", encoding="utf-8")
    corpus = at.load_corpus(tree, path_fields=["source"])
    top = next(d for d in corpus if d.id == "readme")
    assert top.meta == {"file": "readme.txt", "folder": ""}


def test_metadata_csv_at_the_root_joins_on_the_relative_path(tree):
    (tree / "metadata.csv").write_text("file,id,date\nArabiya/Tech/0001.txt,phone,2019-03-01\n", encoding="utf-8")
    corpus = at.load_corpus(tree, path_fields=["source", "category"])
    doc = corpus[corpus.ids.index("phone")]
    assert doc.meta == {"file": "Arabiya/Tech/0001.txt", "folder": "Arabiya/Tech", "source": "Arabiya", "category": "Tech", "date": "2019-03-01"}


def test_hidden_folders_are_skipped_and_other_files_reported_once(tree):
    (tree / ".cache").mkdir()
    (tree / ".cache" / "x.txt").write_text("نص مخفي", encoding="utf-8")
    (tree / "Arabiya" / "Tech" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    with pytest.warns(CorpusWarning, match=r"1 entry not loaded .*: Arabiya/Tech/photo\.jpg") as caught:
        corpus = at.load_corpus(tree)
    assert len(caught) == 1 and len(corpus) == len(ARTICLES)


def test_a_linked_folder_is_read_once_and_a_loop_is_not_followed(tree, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "Culture").mkdir()
    (outside / "Culture" / "0001.txt").write_text("افتتح معرض الكتاب أبوابه", encoding="utf-8")
    (tree / "Arabiya" / "Culture").symlink_to(outside / "Culture")  # followed: read nowhere else
    (tree / "Alkhaleej" / "again").symlink_to(tree / "Arabiya")  # a second path to a folder read already
    (tree / "Arabiya" / "Tech" / "up").symlink_to(tree)  # a loop back to the root
    with pytest.warns(CorpusWarning, match=r"2 linked folder\(s\) already read .*: Alkhaleej/again/, Arabiya/Tech/up/"):
        corpus = at.load_corpus(tree)
    assert len(corpus) == len(ARTICLES) + 1 and "Arabiya/Culture/0001" in corpus.ids
