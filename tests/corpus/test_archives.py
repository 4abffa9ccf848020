"""Tests for arabtext.corpus.archives and .several: corpora as they are published, in archives and in many files."""

from __future__ import annotations

import gzip
import json
import tarfile
import zipfile
from collections import Counter
from pathlib import Path

import pytest

import arabtext as at
from arabtext.corpus.collection import CorpusError, CorpusWarning

TREE = {
    "Alkhaleej/Sports/0001.txt": "فاز المنتخب الوطني بكأس البطولة بعد مباراة قوية",
    "Alkhaleej/Politics/0001.txt": "اجتمع مجلس الوزراء لمناقشة الموازنة العامة",
    "Arabiya/Sports/0001.txt": "أعلن الاتحاد موعد انطلاق الدوري الجديد",
    "Arabiya/Tech/0001.txt": "أطلقت الشركة هاتفا جديدا بكاميرا متطورة",
}

SAUDI_DAY = [
    {"title": "أمير الرياض يفتتح المعرض", "content": "افتتح أمير منطقة الرياض معرض الكتاب الدولي"},
    {"title": "الهلال يفوز", "content": "فاز الهلال على النصر في الدوري"},
]


def write_tree(root: Path) -> Path:
    for name, text in TREE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def tree(tmp_path):
    return write_tree(tmp_path / "SANAD")


def test_a_tree_as_folder_zip_and_tar_gz_gives_the_same_documents(tree, tmp_path):
    as_zip = tmp_path / "SANAD.zip"
    with zipfile.ZipFile(as_zip, "w") as z:
        for name in TREE:
            z.write(tree / name, name)
        z.writestr("__MACOSX/Arabiya/._0001.txt", b"\x00\x05")  # macOS junk: hidden, never a document
    as_tar = tmp_path / "SANAD.tar.gz"
    with tarfile.open(as_tar, "w:gz") as t:
        t.add(tree, arcname=".")
    fields = ["source", "category"]
    folder = list(at.load_corpus(tree, path_fields=fields))
    assert folder == list(at.load_corpus(as_zip, path_fields=fields)) == list(at.load_corpus(as_tar, path_fields=fields))
    assert folder[0].meta == {"file": "Alkhaleej/Politics/0001.txt", "folder": "Alkhaleej/Politics",
                              "source": "Alkhaleej", "category": "Politics"}
    corpus = at.load_corpus(as_zip, path_fields=fields)
    assert corpus[2] == folder[2] and len(corpus) == len(TREE)
    assert at.word_counts(corpus.filter(category="Sports")) == Counter(
        w for n, t in TREE.items() if "/Sports/" in n for w in at.tokenize(t)
    )


def test_saudinewsnet_zips_through_a_glob(tmp_path):
    days = {}
    for day in ("2015-07-21", "2015-07-22", "2015-07-23"):
        records = [{**r, "content": f"{r['content']} يوم {day}"} for r in SAUDI_DAY]
        days[day] = records
        with zipfile.ZipFile(tmp_path / f"{day}.zip", "w") as z:
            z.writestr(f"{day}.json", json.dumps(records, ensure_ascii=False))
    corpus = at.load_corpus(str(tmp_path / "*.zip"), text_column="content")
    assert len(corpus) == 6
    assert corpus.ids[:3] == ["2015-07-21/record0001", "2015-07-21/record0002", "2015-07-22/record0001"]
    assert corpus[3].meta == {"file": "2015-07-22.zip", "member": "2015-07-22.json", "title": "الهلال يفوز"}
    by_hand = Counter(w for records in days.values() for r in records for w in at.tokenize(r["content"]))
    assert at.word_counts(corpus) == by_hand
    assert len(set(corpus.ids)) == 6  # every day numbers its records from 1: the file keeps them apart


def test_a_list_of_paths_and_a_recursive_glob_are_one_corpus(tree, tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text('{"id": "1", "text": "قال الوزير"}\n', encoding="utf-8")
    b.write_text('{"id": "1", "text": "وصل الوزير"}\n', encoding="utf-8")  # the same id in another file
    corpus = at.load_corpus([b, a])
    assert corpus.ids == ["b/1", "a/1"] and [d.meta["file"] for d in corpus] == ["b.jsonl", "a.jsonl"]
    texts = at.load_corpus(str(tree / "**" / "*.txt"))
    assert texts.ids == [n.removesuffix(".txt") for n in sorted(TREE)]
    with pytest.raises(FileNotFoundError, match="no file or folder matches"):
        at.load_corpus(str(tmp_path / "*.nothing"))


def test_single_gzip_files(tmp_path):
    txt = tmp_path / "article.txt.gz"
    txt.write_bytes(gzip.compress(TREE["Arabiya/Tech/0001.txt"].encode()))
    (doc,) = at.load_corpus(txt)
    assert doc.text == TREE["Arabiya/Tech/0001.txt"] and doc.id == "article"
    js = tmp_path / "day.json.gz"
    js.write_bytes(gzip.compress(json.dumps(SAUDI_DAY, ensure_ascii=False).encode()))
    assert [d.text for d in at.load_corpus(js, text_column="content")] == [r["content"] for r in SAUDI_DAY]


def test_archive_members_of_every_kind_and_the_rest_reported(tmp_path):
    path = tmp_path / "mixed.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("texts/one.txt", TREE["Arabiya/Sports/0001.txt"])
        z.writestr("rows.csv", "id,text\nr1,قال الوزير\n")
        z.writestr("lines.jsonl.gz", gzip.compress('{"text": "وصل الوزير"}\n'.encode()))
        z.writestr("photo.jpg", b"\xff\xd8")
        z.writestr(".hidden.txt", "مخفي")
    with pytest.warns(CorpusWarning, match=r"1 member not loaded .*: photo\.jpg"):
        corpus = at.load_corpus(path)
    assert corpus.ids == ["texts/one", "lines/line0001", "rows/r1"]
    assert corpus[1].meta == {"member": "lines.jsonl.gz"}


def test_bad_records_inside_an_archive_are_skipped_and_listed(tmp_path):
    path = tmp_path / "scraped.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("part1.jsonl", '{"text": "قال الوزير"}\n{"text": null}\n{"text": "وصل الوزير"}\n')
        z.writestr("part2.jsonl", '{"broken\n{"text": "غادر الوزير"}\n')
    with pytest.raises(CorpusError, match=r"scraped\.zip:part1\.jsonl, line 2"):
        list(at.load_corpus(path))
    with pytest.warns(CorpusWarning):
        corpus = at.load_corpus(path, on_bad_records="skip")
        assert [d.text for d in corpus] == ["قال الوزير", "وصل الوزير", "غادر الوزير"]
    assert corpus.skipped[["file", "member", "line"]].values.tolist() == [[str(path), "part1.jsonl", 2], [str(path), "part2.jsonl", 1]]


def test_a_damaged_archive_is_one_clear_error(tmp_path):
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(CorpusError, match=r"broken\.zip: not a readable zip file"):
        at.load_corpus(path)
    empty = tmp_path / "nothing.zip"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("notes.md", "x")
    with pytest.warns(CorpusWarning), pytest.raises(CorpusError, match="no documents to load"):
        at.load_corpus(empty)


def test_texts_that_cannot_be_decoded_are_skipped_in_folders_and_archives(tmp_path):
    folder = write_tree(tmp_path / "tree")
    (folder / "Arabiya" / "Tech" / "0002.txt").write_bytes("نص قديم".encode("cp1256"))
    (folder / "Arabiya" / "Tech" / "0003.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(CorpusError, match="0002.txt: not UTF-8"):
        list(at.load_corpus(folder))
    with pytest.warns(CorpusWarning, match="2 texts that cannot be decoded skipped"):
        corpus = at.load_corpus(folder, on_bad_records="skip")
        assert len(corpus) == len(TREE) and corpus.ids == [n.removesuffix(".txt") for n in sorted(TREE)]
    assert [Path(f).name for f in corpus.skipped["file"]] == ["0002.txt", "0003.txt"]
    assert corpus[len(TREE) - 1].id == "Arabiya/Tech/0001"
    archive = tmp_path / "tree.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(folder.rglob("*.txt")):
            z.write(path, path.relative_to(folder).as_posix())
    with pytest.warns(CorpusWarning, match="2 texts that cannot be decoded skipped"):
        zipped = at.load_corpus(archive, on_bad_records="skip")
        assert list(zipped) == list(corpus)
    assert zipped.skipped["member"].tolist() == ["Arabiya/Tech/0002.txt", "Arabiya/Tech/0003.txt"]


def test_processes_and_dask_count_archives_and_globs_as_one_process_does(tree, tmp_path):
    from arabtext.counting.distributed import count_paths

    for day in ("2015-07-21", "2015-07-22"):
        with zipfile.ZipFile(tmp_path / f"{day}.zip", "w") as z:
            z.writestr(f"{day}.json", json.dumps(SAUDI_DAY, ensure_ascii=False))
    corpus = at.load_corpus(str(tmp_path / "*.zip"), text_column="content")
    once = at.count_corpus(corpus)
    assert at.count_corpus(corpus, n_jobs=2).words.counts == once.words.counts
    by_dask = count_paths(sorted(tmp_path.glob("*.zip")), text_column="content", scheduler="sync")
    assert by_dask.words.counts == once.words.counts
    assert at.collocations(by_dask.pairs, min_count=1).equals(at.collocations(once.pairs, min_count=1))


def test_iter_documents_streams_a_list_of_paths_and_a_glob(tree):
    paths = sorted(tree.rglob("*.txt"))
    assert [d.text for d in at.iter_documents(paths)] == [TREE[n] for n in sorted(TREE)]
    assert [d.id for d in at.iter_documents(str(tree / "*" / "Sports" / "*.txt"))] == [
        "Alkhaleej/Sports/0001", "Arabiya/Sports/0001"
    ]
