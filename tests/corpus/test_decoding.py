"""Tests for arabtext.corpus.decoding: Arabic in the encodings people have it in, and warnings given once."""

from __future__ import annotations

import gzip
import json
import os
import re
import warnings

import pytest

import arabtext as at
from arabtext.corpus.collection import CorpusError, CorpusWarning
from arabtext.corpus.decoding import check_encoding, line_safe

LINES = ["قال الوزير إن الحكومة ستعمل على تحسين الاقتصاد", "وأكد أن الخطة جاهزة للتنفيذ"]
TEXT = "\n".join(LINES) + "\n"


def records(kind: str) -> str:
    if kind == "csv":
        return "id,text\n" + "".join(f"r{i},{line}\n" for i, line in enumerate(LINES, 1))
    return "".join(json.dumps({"id": f"r{i}", "text": line}, ensure_ascii=False) + "\n" for i, line in enumerate(LINES, 1))


@pytest.mark.parametrize("encoding", ["cp1256", "windows-1256", "iso-8859-6"])
@pytest.mark.parametrize("kind", ["txt", "csv", "jsonl", "jsonl.gz"])
def test_legacy_arabic_encodings_load_when_named(tmp_path, encoding, kind):
    codec = "cp1256" if encoding == "windows-1256" else encoding
    if kind == "txt":
        data = TEXT.encode(codec)
    else:
        data = records(kind.removesuffix(".gz")).encode(codec)
        data = gzip.compress(data) if kind.endswith(".gz") else data
    path = tmp_path / f"old.{kind}"
    path.write_bytes(data)
    texts = [d.text for d in at.load_corpus(path, encoding=encoding)]
    assert texts == ([TEXT] if kind == "txt" else LINES)
    corpus = at.load_corpus(path, encoding=encoding)
    assert corpus[len(corpus) - 1].text == texts[-1]  # random access decodes the same way


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("kind", ["txt", "csv", "jsonl", "csv.gz"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded_without_being_asked(tmp_path, codec, kind):
    bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")  # the plain codecs write their own mark
    content = TEXT if kind == "txt" else records(kind.removesuffix(".gz"))
    data = bom + content.encode(codec)
    path = tmp_path / f"export.{kind}"
    path.write_bytes(gzip.compress(data) if kind.endswith(".gz") else data)
    corpus = at.load_corpus(path)
    assert [d.text for d in corpus] == ([TEXT] if kind == "txt" else LINES)
    if kind != "txt":
        assert corpus.ids == ["r1", "r2"] and corpus[1].text == LINES[1]


def test_a_utf16_folder_and_its_metadata(tmp_path):
    (tmp_path / "a.txt").write_bytes(TEXT.encode("utf-16"))
    (tmp_path / "metadata.csv").write_bytes("file,source\na.txt,وكالة\n".encode("utf-16"))
    doc = at.load_corpus(tmp_path)[0]
    assert doc.text == TEXT and doc.meta["source"] == "وكالة"


def test_a_cp1256_folder_with_a_utf8_metadata_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(TEXT.encode("cp1256"))
    (tmp_path / "metadata.csv").write_text("file,source\na.txt,وكالة\n", encoding="utf-8")
    doc = at.load_corpus(tmp_path, encoding="cp1256")[0]
    assert doc.text == TEXT and doc.meta["source"] == "وكالة"


@pytest.mark.parametrize(("codec", "named"), [("cp1256", "cp1256"), ("iso-8859-6", "iso-8859-6")])
def test_strict_utf8_failing_on_legacy_arabic_names_the_encoding_and_the_option(tmp_path, codec, named):
    path = tmp_path / "old.txt"
    path.write_bytes(TEXT.encode(codec))
    with pytest.raises(CorpusError) as caught:
        at.load_corpus(path)[0]
    message = str(caught.value)
    assert message.startswith(f"{path}: not UTF-8: byte 0x")
    assert f"encoding={named!r}" in message and f"--encoding {named}" in message


def test_damaged_utf8_is_not_taken_for_a_legacy_encoding(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(TEXT.encode() * 20 + b"\xff" + TEXT.encode())
    with pytest.raises(CorpusError, match="re-save the file as UTF-8") as caught:
        at.load_corpus(path)[0]
    assert "cp1256" not in str(caught.value)


def test_an_unknown_encoding_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown encoding 'arabic-dos'.*'cp1256'"):
        at.load_corpus(["نص"], encoding="arabic-dos")
    assert check_encoding("WINDOWS-1256") == "cp1256"
    assert line_safe("cp1256") and line_safe("utf-8") and not line_safe("utf-16")


def test_invalid_utf16_names_the_file(tmp_path):
    path = tmp_path / "cut.csv"
    path.write_bytes(records("csv").encode("utf-16")[:-1])  # half a character at the end
    with pytest.raises(CorpusError, match=re.escape(str(path)) + ": not valid utf-16"):
        list(at.load_corpus(path))
    txt = tmp_path / "cut.txt"
    txt.write_bytes(TEXT.encode("utf-16")[:-1])
    with pytest.raises(CorpusError, match=re.escape(str(txt)) + ": not valid utf-16"):
        at.load_corpus(txt)[0]
    with pytest.warns(CorpusWarning, match="not valid utf-16"):
        assert at.load_corpus(txt, errors="replace")[0].text.endswith("\ufffd")


def test_each_warning_is_given_once_per_load_however_many_passes(tmp_path):
    path = tmp_path / "blank_row.csv"
    path.write_text("id,text\n1,قال الوزير\n2,\n3,<p>أكد الرئيس</p>\n", encoding="utf-8")
    corpus = at.load_corpus(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        len(corpus)
        at.freq_table(corpus)
        at.collocations(corpus)
        list(corpus.filter(lambda d: True))
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2, messages
    assert any("line 3: empty 'text', record skipped" in m for m in messages)
    assert any("looks like HTML" in m for m in messages)
    with warnings.catch_warnings(record=True) as again:
        warnings.simplefilter("always")
        list(at.load_corpus(path))
    assert [str(w.message) for w in again] == messages  # a new load warns again


def test_a_file_name_that_is_not_utf8_still_loads(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/\xff\xfeold.txt", "wb") as f:
        f.write(TEXT.encode())
    (tmp_path / "new.txt").write_text(TEXT, encoding="utf-8")
    with pytest.warns(CorpusWarning, match="1 file name.*not valid UTF-8"):
        corpus = at.load_corpus(tmp_path)
    assert corpus.ids == ["new", "\ufffd\ufffdold"]
    assert corpus[1].meta["file"] == "\ufffd\ufffdold.txt"
    for doc in corpus:
        doc.id.encode("utf-8")  # printable, writable
    assert len(at.kwic(corpus, "الوزير")) == 2


def test_symlinks_that_loop_or_lead_nowhere_are_corpus_errors(tmp_path):
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    with pytest.raises(CorpusError, match=re.escape(str(tmp_path / "loop.txt")) + ": a symbolic link that loops"):
        at.load_corpus(tmp_path / "loop.txt")
    with pytest.raises(CorpusError, match="loop.txt: a symbolic link that loops"):
        at.load_corpus(tmp_path)
    (tmp_path / "loop.txt").unlink()
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(CorpusError, match="gone.txt: a broken symbolic link"):
        at.load_corpus(tmp_path)
    (tmp_path / "gone.txt").unlink()
    (tmp_path / "link.txt").symlink_to(tmp_path / "ok.txt")
    assert at.load_corpus(tmp_path).ids == ["link", "ok"]


def test_a_utf16_json_array(tmp_path):
    path = tmp_path / "export.json"
    path.write_bytes(json.dumps([{"text": line} for line in LINES], ensure_ascii=False, indent=1).encode("utf-16"))
    assert [d.text for d in at.load_corpus(path)] == LINES
