"""Tests for arabtext.corpus.records: bad records skipped, counted and listed, never silently."""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
import re
import warnings
from collections import Counter

import pytest

import arabtext as at
from arabtext.corpus.collection import CorpusError

WORDS = "قال الوزير إن الحكومة ستعمل على تحسين الاقتصاد وأكد أن الخطة جاهزة للتنفيذ في العام المقبل".split()

BAD_JSON_LINES = [
    (b'{"id": "cut", "text": "\xd8\xae\xd8\xa8\xd8\xb1', "not valid JSON"),  # truncated
    (b'{"id": "no-text", "title": "\xd8\xb9\xd9\x86\xd9\x88\xd8\xa7\xd9\x86"}', "no 'text' field"),
    (b"[1, 2, 3]", "expected a JSON object, found list"),
    (b'{"id": "null", "text": null}', "'text' must be a string, found null"),
    (b'{"id": "number", "text": 42}', "'text' must be a string, found 42"),
    (b'"just a string"', "expected a JSON object, found str"),
    (b'{"id": "latin1", "text": "caf\xe9"}', "not UTF-8"),
]


def good_record(i: int, rng: random.Random) -> dict[str, str]:
    return {"id": f"n{i:04d}", "text": " ".join(rng.choices(WORDS, k=rng.randint(3, 12)))}


@pytest.fixture
def faulty_jsonl(tmp_path):
    """400 good records with every kind of bad line mixed in, and the last record cut off mid-write."""
    rng = random.Random(7)
    lines, good, bad_lines = [], [], {}
    for i in range(400):
        record = good_record(i, rng)
        good.append(record)
        lines.append(json.dumps(record, ensure_ascii=False).encode())
        if i % 40 == 17:
            raw, reason = BAD_JSON_LINES[(i // 40) % len(BAD_JSON_LINES)]
            lines.append(raw)
            bad_lines[len(lines)] = reason
    lines.append(b'{"id": "killed", "text": "\xd9\x82\xd8\xa7\xd9\x84 \xd8\xa7')  # a scraper killed mid-write
    bad_lines[len(lines)] = "not valid JSON"
    path = tmp_path / "scraped.jsonl"
    path.write_bytes(b"\n".join(lines))
    return path, good, bad_lines


def test_skip_leaves_exactly_the_bad_lines_out_and_lists_them(faulty_jsonl):
    path, good, bad_lines = faulty_jsonl
    corpus = at.load_corpus(path, on_bad_records="skip")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        counts = at.word_counts(corpus)
        assert len(corpus) == len(good)
        list(corpus)
    assert counts == Counter(w for r in good for w in at.tokenize(r["text"]))
    assert corpus.ids == [r["id"] for r in good]
    skipped = corpus.skipped
    assert list(skipped.columns) == ["file", "line", "reason"]
    assert skipped["line"].tolist() == sorted(bad_lines)
    for line, reason in zip(skipped["line"], skipped["reason"]):
        assert bad_lines[line] in reason
    assert set(skipped["file"]) == {str(path)}
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1, messages  # one warning per file, however many passes
    first = sorted(bad_lines)[:5]
    assert messages[0].startswith(f"{path}: {len(bad_lines)} bad records skipped (lines {', '.join(map(str, first))}, ...)")


def test_raise_names_the_first_bad_line(faulty_jsonl):
    path, _, bad_lines = faulty_jsonl
    first = min(bad_lines)
    with pytest.raises(CorpusError, match=re.escape(f"{path}, line {first}: {bad_lines[first]}")):
        list(at.load_corpus(path))


def test_random_access_in_a_skipping_corpus_reads_the_right_record(faulty_jsonl):
    path, good, _ = faulty_jsonl
    corpus = at.load_corpus(path, on_bad_records="skip")
    with pytest.warns(at.CorpusWarning, match="11 bad records skipped"):
        len(corpus)
    for i in (0, 17, 18, 199, len(good) - 1):
        assert corpus[i].id == good[i]["id"] and corpus[i].text == good[i]["text"]


def test_csv_rows_with_the_wrong_number_of_fields_are_skipped(tmp_path):
    rng = random.Random(3)
    good = [good_record(i, rng) for i in range(60)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "text"])
    bad = []
    for i, r in enumerate(good):
        writer.writerow([r["id"], r["text"]])
        if i in (5, 30):
            writer.writerow(["extra", "نص", "حقل زائد"])
            bad.append(out.getvalue().count("\n"))  # the line just written
    path = tmp_path / "rows.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(CorpusError, match=f"line {bad[0]}: 3 fields, but the header has 2"):
        list(at.load_corpus(path))
    with pytest.warns(at.CorpusWarning, match="2 bad records skipped"):
        corpus = at.load_corpus(path, on_bad_records="skip")
        assert [d.text for d in corpus] == [r["text"] for r in good]
    assert corpus.skipped["line"].tolist() == bad


def test_a_compressed_file_cut_short_keeps_what_was_read(tmp_path):
    rng = random.Random(5)
    good = [good_record(i, rng) for i in range(3000)]
    data = gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in good).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorpusError, match="cannot decompress"):
        list(at.load_corpus(path))
    with pytest.warns(at.CorpusWarning, match="bad record"):
        corpus = at.load_corpus(path, on_bad_records="skip")
        docs = list(corpus)
    assert 0 < len(docs) < len(good) and all(d.text == g["text"] for d, g in zip(docs, good))
    (reason,) = corpus.skipped["reason"]
    assert "ends early" in reason


def test_skipped_is_empty_with_its_columns_and_the_option_is_checked(tmp_path):
    path = tmp_path / "clean.jsonl"
    path.write_text('{"text": "نص سليم"}\n', encoding="utf-8")
    corpus = at.load_corpus(path, on_bad_records="skip")
    list(corpus)
    assert corpus.skipped.empty and list(corpus.skipped.columns) == ["file", "line", "reason"]
    assert corpus.filter(lambda d: True).skipped.empty
    with pytest.raises(ValueError, match="on_bad_records must be"):
        at.load_corpus(path, on_bad_records="ignore")


SAUDI = [
    {"title": "أمير الرياض يفتتح المعرض", "content": "افتتح أمير منطقة الرياض معرض الكتاب الدولي", "date_extracted": "2015-07-21"},
    {"title": "الهلال يفوز", "content": "فاز الهلال على النصر في الدوري", "date_extracted": "2015-07-22"},
    {"title": "ارتفاع الأسهم", "content": "ارتفعت أسهم السوق السعودية في ختام التداول", "date_extracted": "2015-07-23"},
]


def test_a_json_array_is_one_document_per_object(tmp_path):
    path = tmp_path / "2015-07-21.json"
    path.write_text(json.dumps(SAUDI, ensure_ascii=False, indent=2), encoding="utf-8")
    corpus = at.load_corpus(path, text_column="content")
    assert [d.text for d in corpus] == [r["content"] for r in SAUDI]
    assert corpus.ids == ["record0001", "record0002", "record0003"]
    assert corpus[1].meta == {"title": "الهلال يفوز", "date_extracted": "2015-07-22"}
    packed = tmp_path / "2015-07-21.json.gz"
    packed.write_bytes(gzip.compress(path.read_bytes()))
    assert list(at.load_corpus(packed, text_column="content")) == list(corpus)


def test_json_lines_saved_as_json_are_read_as_json_lines(tmp_path):
    path = tmp_path / "export.json"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in SAUDI), encoding="utf-8")
    corpus = at.load_corpus(path, text_column="content")
    assert [d.text for d in corpus] == [r["content"] for r in SAUDI] and corpus.ids[0] == "line0001"


def test_bad_objects_of_an_array_are_named_or_skipped(tmp_path):
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([SAUDI[0], "نص", {"title": "بلا محتوى"}, SAUDI[1]], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"mixed\.json, record 2: expected a JSON object, found str"):
        list(at.load_corpus(path, text_column="content"))
    with pytest.warns(at.CorpusWarning, match=r"2 bad records skipped \(records 2, 3\)"):
        corpus = at.load_corpus(path, text_column="content", on_bad_records="skip")
        assert [d.text for d in corpus] == [SAUDI[0]["content"], SAUDI[1]["content"]]
    assert corpus.skipped["line"].tolist() == [2, 3]
    broken = tmp_path / "broken.json"
    broken.write_text('[{"content": "نص"},\n {"content": ', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"broken\.json, line 2: not valid JSON"):
        list(at.load_corpus(broken, text_column="content"))
