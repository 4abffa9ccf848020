"""Tests for arabtext.corpus.loading: sources, laziness, and every kind of bad input."""

from __future__ import annotations

import csv
import json
import re
import tracemalloc
import warnings
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import arabtext
from arabtext.corpus import loading as loading_module
from arabtext.corpus.collection import Corpus, CorpusError, CorpusWarning, Document
from arabtext.corpus.loading import iter_documents, load_corpus

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "corpus" / "sputnik-iraq-escalation.txt"

S1 = "كتب الطالب الدرس في المكتبة."
S2 = "ذهبت البنت إلى المدرسة صباحاً، ثم عادت إلى البيت."
S3 = "قال الأمين العام إن المفاوضات فشلت."


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def names(path: Path) -> str:
    """A regex matching the path inside a message."""
    return re.escape(str(path))


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


# --- the bundled corpus ----------------------------------------------------------------


def test_bundled_corpus_is_the_sample_article_with_its_metadata():
    corpus = load_corpus()
    assert len(corpus) == 1
    doc = corpus[0]
    raw = SAMPLE.read_text(encoding="utf-8")
    headline = raw.split("\n", 1)[0]
    assert doc.text == raw
    assert doc.text.startswith(headline)
    assert doc.meta["title"] == headline
    assert doc.meta["file"] == SAMPLE.name
    assert (doc.meta["source"], doc.meta["language"], doc.meta["date"]) == ("Sputnik Arabic", "ar", "")
    assert doc.text.rstrip().endswith("مناقشة") and "مناقشة" in doc.meta["notes"]


def test_bundled_corpus_inside_an_installed_package_comes_first(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "arabtext" / "corpus"
    (package / "sample").mkdir(parents=True)
    write(package / "sample" / "wheel.txt", S1)
    monkeypatch.setattr(loading_module, "_HERE", package)
    assert load_corpus().ids == ["wheel"]


def test_bundled_corpus_in_a_checkout_needs_the_project_file(tmp_path, monkeypatch):
    package = tmp_path / "repo" / "arabtext" / "corpus"
    package.mkdir(parents=True)
    (tmp_path / "repo" / "corpus").mkdir()
    write(tmp_path / "repo" / "corpus" / "checkout.txt", S2)
    monkeypatch.setattr(loading_module, "_HERE", package)
    with pytest.raises(FileNotFoundError, match="bundled corpus is missing"):
        load_corpus()
    write(tmp_path / "repo" / "pyproject.toml", "[project]\n")
    assert load_corpus().ids == ["checkout"]


def test_public_names_are_exported_lazily():
    assert arabtext.load_corpus is load_corpus
    assert arabtext.Corpus is Corpus and arabtext.Document is Document
    assert arabtext.CorpusError is CorpusError and arabtext.iter_documents is iter_documents


# --- folders and metadata.csv ----------------------------------------------------------


def test_folder_joins_metadata_on_file(tmp_path):
    write(tmp_path / "b.txt", S2)
    write(tmp_path / "a.txt", S1)
    write(tmp_path / "c.txt", S3)
    write_csv(tmp_path / "metadata.csv", [
        ["file", "id", "title", "year"],
        ["b.txt", "girl", "البنت", "2020"],
        ["./a.txt", "", "الطالب", "2019"],
    ])
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ["a", "girl", "c"]  # file-name order; empty id -> stem; no row -> stem
    assert [doc.text for doc in corpus] == [S1, S2, S3]
    assert corpus[1].meta == {"file": "b.txt", "folder": "", "title": "البنت", "year": "2020"}
    assert corpus[2].meta == {"file": "c.txt", "folder": ""}
    frame = corpus.to_frame()
    assert list(frame.columns) == ["id", "file", "folder", "title", "year", "n_chars"]
    assert frame["n_chars"].tolist() == [len(S1), len(S2), len(S3)]
    assert corpus.to_frame(text=True)["text"].tolist() == [S1, S2, S3]


def test_metadata_row_for_a_missing_file_is_skipped_with_a_warning(tmp_path):
    write(tmp_path / "a.txt", S1)
    write_csv(tmp_path / "metadata.csv", [["id", "file"], ["one", "a.txt"], ["lost", "gone.txt"]])
    with pytest.warns(CorpusWarning, match=r"metadata\.csv, line 3: file 'gone\.txt' not found"):
        corpus = load_corpus(tmp_path)
    assert corpus.ids == ["one"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,file,title\nx,a.txt,عنوان\ny,b.txt\n", r"line 3: 2 fields, but the header has 3"),
        ("id,title\nx,عنوان\n", r"line 1: no 'file' column \(columns found: 'id', 'title'\)"),
        ("id,file\nsame,a.txt\nsame,b.txt\n", r"line 3: duplicate id 'same' \(also on line 2\)"),
        ("id,file\nx,a.txt\ny,a.txt\n", r"line 3: 'a\.txt' is already described on line 2"),
        ("id,file\nx,\n", r"line 2: the 'file' value is empty"),
        ("id,file,file\nx,a.txt,a.txt\n", r"line 1: repeated column name\(s\) 'file'"),
        ("", r"empty; expected a header line"),
    ],
)
def test_malformed_metadata_names_the_file_and_line(tmp_path, content, message):
    write(tmp_path / "a.txt", S1)
    write(tmp_path / "b.txt", S2)
    write(tmp_path / "metadata.csv", content)
    with pytest.raises(CorpusError, match=names(tmp_path / "metadata.csv") + ".*" + message):
        load_corpus(tmp_path)


def test_undecodable_metadata_names_line_and_offset(tmp_path):
    write(tmp_path / "a.txt", S1)
    head = "file,title\n".encode()
    write(tmp_path / "metadata.csv", head + "a.txt,".encode() + "عنوان".encode("cp1256") + b"\n")
    offset = len(head) + len("a.txt,")
    with pytest.raises(CorpusError, match=names(tmp_path / "metadata.csv") + f".*byte offset {offset} \\(line 2\\)"):
        load_corpus(tmp_path)


def test_an_id_given_twice_names_both_files(tmp_path):
    write(tmp_path / "a.txt", S1)
    write(tmp_path / "b.txt", S2)
    write_csv(tmp_path / "metadata.csv", [["id", "file"], ["a", "b.txt"]])
    with pytest.raises(CorpusError, match=r"id 'a' names both a\.txt and b\.txt"):
        load_corpus(tmp_path)


def test_hidden_files_are_ignored_and_other_files_reported(tmp_path):
    write(tmp_path / "a.txt", S1)
    write(tmp_path / "._a.txt", b"\x00\x05\x16\x07")  # macOS metadata, binary
    write(tmp_path / "notes.docx", b"PK\x03\x04")
    (tmp_path / "more").mkdir()
    write(tmp_path / "more" / "readme.md", "# ملاحظات")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "notes.txt", S2)  # a hidden folder holds no documents
    with pytest.warns(CorpusWarning, match=r"2 entries not loaded .*: more/readme\.md, notes\.docx"):
        assert load_corpus(tmp_path).ids == ["a"]


def test_single_txt_file_is_one_document(tmp_path):
    corpus = load_corpus(write(tmp_path / "مقالة.txt", S3))
    assert corpus.ids == ["مقالة"] and corpus[0].text == S3


# --- encodings, line ends, empty and binary files --------------------------------------


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_non_utf8_file_names_the_file_and_byte_offset(tmp_path, bom):
    good = bom + f"{S1}\n{S2}\n".encode()
    path = write(tmp_path / "cp1256.txt", good + "نص".encode("cp1256") + b"\n")
    corpus = load_corpus(tmp_path)  # listing does not read texts
    message = names(path) + f": not UTF-8: byte 0x.. at byte offset {len(good)} \\(line 3\\)"
    with pytest.raises(CorpusError, match=message):
        corpus[0]


def test_errors_replace_loads_with_replacement_characters_and_warns(tmp_path):
    path = write(tmp_path / "mixed.txt", f"{S1}\n".encode() + b"\xe4\xf5\n" + S2.encode())
    with pytest.warns(CorpusWarning, match=names(path) + r": not UTF-8 from byte offset \d+"):
        text = load_corpus(path, errors="replace")[0].text
    assert text == f"{S1}\n\ufffd\ufffd\n{S2}"


def test_errors_must_be_strict_or_replace():
    with pytest.raises(ValueError, match="errors must be"):
        load_corpus(["نص"], errors="ignore")


def test_bom_is_stripped_and_line_ends_unified(tmp_path):
    path = write(tmp_path / "win.txt", b"\xef\xbb\xbf" + f"{S1}\r\n{S2}\r{S3}\n".encode())
    assert load_corpus(path)[0].text == f"{S1}\n{S2}\n{S3}\n"


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t", b"\xef\xbb\xbf\n", "\u00a0\u3000\n".encode()])
def test_empty_files_are_skipped_with_a_warning(tmp_path, content):
    write(tmp_path / "a.txt", S1)
    blank = write(tmp_path / "blank.txt", content)
    with pytest.warns(CorpusWarning, match=names(blank) + ": empty file, skipped"):
        assert load_corpus(tmp_path).ids == ["a"]
    with pytest.raises(CorpusError, match=names(blank) + ": empty file"):
        load_corpus(blank)


def test_large_blank_file_keeps_its_place_as_an_empty_document(tmp_path):
    # Too big to probe while listing, so it is already counted when found blank.
    write(tmp_path / "a.txt", S1)
    blank = write(tmp_path / "b.txt", " \n" * 100)
    write(tmp_path / "c.txt", S2)
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 3
    with pytest.warns(CorpusWarning, match=names(blank) + ": no text left"):
        assert [doc.text.strip() for doc in corpus] == [S1, "", S2]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", r"a binary file, not text \(NUL byte at byte offset 8\)"),
        (S1.encode() + b"\x00" + S2.encode(), f"a binary file.*NUL byte at byte offset {len(S1.encode())}"),
    ],
)
def test_binary_files_are_an_error_naming_them(tmp_path, content, message):
    path = write(tmp_path / "photo.txt", content)
    with pytest.raises(CorpusError, match=names(path) + ": " + message):
        load_corpus(path)[0]


def test_missing_paths_and_empty_inputs_are_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match=names(tmp_path / "nowhere")):
        load_corpus(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match=names(tmp_path / "nowhere")):
        iter_documents(tmp_path / "nowhere")  # checked at once, not at the first next()
    with pytest.raises(CorpusError, match=names(tmp_path) + ": no documents to load: it has no .txt files"):
        load_corpus(tmp_path)
    with pytest.raises(CorpusError, match="no texts given"):
        load_corpus([])
    with pytest.raises(CorpusError, match="all texts were empty"), pytest.warns(CorpusWarning, match="text 1"):
        load_corpus(["  "])
    with pytest.raises(CorpusError, match=names(tmp_path / "book.pdf") + ": cannot load .pdf"):
        load_corpus(write(tmp_path / "book.pdf", b"%PDF"))


def test_huge_single_line_loads_whole(tmp_path):
    line = (S1 + " ") * 200_000  # ~10 MB, no newline
    assert load_corpus(write(tmp_path / "one-line.txt", line))[0].text == line


# --- HTML ------------------------------------------------------------------------------


def test_html_is_reported_naming_the_file(tmp_path):
    path = write(tmp_path / "page.txt", f"<p>{S1}</p>")
    with pytest.warns(CorpusWarning, match=names(path) + r": looks like HTML \('<p>' at character 0\)"):
        assert load_corpus(path)[0].text == f"<p>{S1}</p>"


def test_strip_html_removes_tags_and_unescapes_entities(tmp_path):
    page = (
        "<html><head><style>p {color: red}</style><script>var x = '<b>';</script></head>"
        "<body><p>السلام</p><p>عليكم</p>الطالب<br/>المعلم &amp; الأب &#1575;&#x628; "
        "<a href=\"x.html\">رابط</a> &lt;p&gt;<!-- تعليق --></body></html>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)  # stripping is asked for: no warning
        text = load_corpus(write(tmp_path / "page.txt", page), strip_html=True)[0].text
    assert text.split() == ["السلام", "عليكم", "الطالب", "المعلم", "&", "الأب", "اب", "رابط", "<p>"]
    assert "color" not in text and "var" not in text and "تعليق" not in text


def test_plain_text_with_angle_brackets_is_not_taken_for_html():
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        assert load_corpus(["السعر 5 < 7 & الكمية > 3"])[0].text == "السعر 5 < 7 & الكمية > 3"


# --- CSV and JSONL ---------------------------------------------------------------------


def test_jsonl_records_become_documents(tmp_path):
    path = write(tmp_path / "news.jsonl", "\n".join([
        json.dumps({"id": 7, "text": S1, "source": "وكالة"}, ensure_ascii=False),
        "",
        json.dumps({"text": S2.replace(" ", "\r\n", 1)}, ensure_ascii=False),
        json.dumps({"text": "  ", "source": "فارغ"}, ensure_ascii=False),
        json.dumps({"id": "", "text": S3}, ensure_ascii=False),
    ]) + "\n")
    corpus = load_corpus(path)
    with pytest.warns(CorpusWarning, match=names(path) + r", line 4: empty 'text', record skipped"):
        docs = [doc for doc in corpus]
    assert [doc.id for doc in docs] == ["7", "line0003", "line0005"]
    assert docs[0].meta == {"source": "وكالة"}
    assert docs[1].text == S2.replace(" ", "\n", 1)
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)  # the full pass left its index: no second read
        assert len(corpus) == 3
        assert [corpus[i] for i in range(3)] == docs
    assert corpus[-1] == docs[-1] and list(corpus[1:]) == docs[1:]
    assert corpus.ids == ["7", "line0003", "line0005"]


def test_len_of_a_fresh_jsonl_corpus_reads_it_once_to_index(tmp_path):
    lines = [{"text": S1}, {"text": ""}, {"text": S2}]
    path = write(tmp_path / "x.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines))
    corpus = load_corpus(path)
    with pytest.warns(CorpusWarning, match=names(path) + ", line 2"):
        assert len(corpus) == 2
    assert corpus[1].text == S2 and corpus.ids == ["line0001", "line0003"]


def test_jsonl_iteration_streams_line_by_line(tmp_path):
    path = write(tmp_path / "big.jsonl", json.dumps({"text": S1}, ensure_ascii=False) + "\n{broken\n")
    corpus = load_corpus(path)
    assert repr(corpus).startswith("<Corpus: not counted yet")
    assert next(iter(corpus)).text == S1  # the broken line is not read yet
    with pytest.raises(CorpusError, match=names(path) + r", line 2: not valid JSON"):
        len(corpus)  # the index reads the whole file


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "نص", ', r"line 2: not valid JSON \(.* at column \d+\)"),
        ('["نص"]', r"line 2: expected a JSON object, found list"),
        ('{"body": "نص"}', r"line 2: no 'text' field \(fields found: 'body'\)"),
        ('{"text": 42}', r"line 2: 'text' must be a string, found 42"),
        ('{"id": "a", "text": "نص"}', r"line 2: duplicate id 'a' \(first on line 1\)"),
    ],
)
def test_bad_jsonl_line_names_file_and_line(tmp_path, line, message):
    path = write(tmp_path / "bad.jsonl", '{"id": "a", "text": "كتاب"}\n' + line + "\n")
    with pytest.raises(CorpusError, match=names(path) + ", " + message):
        list(load_corpus(path))


def test_non_utf8_jsonl_names_line_and_offset(tmp_path):
    first = ('{"text": "%s"}\n' % S1).encode()
    path = write(tmp_path / "old.jsonl", first + b'{"text": "' + S2.encode("cp1256") + b'"}\n')
    offset = len(first) + len('{"text": "')
    message = names(path) + f": not UTF-8: byte 0x.. at byte offset {offset} \\(line 2\\)"
    with pytest.raises(CorpusError, match=message):
        list(load_corpus(path))


def test_csv_rows_become_documents(tmp_path):
    path = tmp_path / "tweets.csv"
    rows = [["id", "text", "user"], ["t1", f"{S1}\r\n{S2}", "سارة"], ["", "", "فارغ"], ["t3", S3, "علي"]]
    write_csv(path, rows)
    write(path, b"\xef\xbb\xbf" + path.read_bytes())  # as Excel saves it
    corpus = load_corpus(path)
    with pytest.warns(CorpusWarning, match=names(path) + r", line 4: empty 'text'"):
        docs = list(corpus)
    assert [(doc.id, doc.text, doc.meta) for doc in docs] == [
        ("t1", f"{S1}\n{S2}", {"user": "سارة"}),
        ("t3", S3, {"user": "علي"}),
    ]
    assert corpus[1] == docs[1] and len(corpus) == 2


def test_csv_long_field_and_text_column(tmp_path):
    long_text = S2 * 10_000  # far over csv's default 128 KiB field limit
    path = write_csv(tmp_path / "books.csv", [["title", "content"], ["كتاب", long_text]])
    doc = load_corpus(path, text_column="content")[0]
    assert doc.text == long_text and doc.id == "line0002" and doc.meta == {"title": "كتاب"}


def test_csv_problems_name_file_and_line(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["id", "body"], ["1", S1]])
    message = names(path) + r", line 1: no 'text' column \(columns found: 'id', 'body'\)"
    with pytest.raises(CorpusError, match=message):
        load_corpus(path)
    path = write(tmp_path / "b.csv", f"id,text\n1,{S1}\n2,{S2},زائد\n")
    with pytest.raises(CorpusError, match=names(path) + r", line 3: 3 fields, but the header has 2"):
        list(load_corpus(path))
    with pytest.raises(CorpusError, match=names(tmp_path / "c.csv") + ": empty file"):
        load_corpus(write(tmp_path / "c.csv", b""))


# --- laziness --------------------------------------------------------------------------


def make_folder(folder: Path, n: int, text: str = S2) -> list[Path]:
    return [write(folder / f"doc{i:03d}.txt", f"{i} {text}") for i in range(n)]


def test_folder_listing_reads_no_text_and_iteration_reads_one_file_at_a_time(tmp_path, monkeypatch):
    make_folder(tmp_path, 30)
    reads = []
    real_open = open

    def counting_open(file, *args, **kwargs):
        reads.append(Path(file).name)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", counting_open)
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 30 and corpus.ids[5] == "doc005" and reads == []
    stream = iter(corpus)
    next(stream)
    next(stream)
    assert reads == ["doc000.txt", "doc001.txt"]
    assert corpus[17].text.startswith("17 ") and reads[-1] == "doc017.txt" and len(reads) == 3


def test_a_file_deleted_after_listing_fails_only_when_reached(tmp_path):
    files = make_folder(tmp_path, 30)
    corpus = load_corpus(tmp_path)
    files[20].unlink()
    seen = []
    with pytest.raises(FileNotFoundError, match="doc020.txt"):
        for doc in corpus:
            seen.append(doc.id)
    assert seen == [f"doc{i:03d}" for i in range(20)]


def test_iterating_a_folder_does_not_hold_its_texts(tmp_path):
    text = S1 * 2000  # ~100 KB of UTF-8 per file
    make_folder(tmp_path, 60, text)
    corpus = load_corpus(tmp_path)
    tracemalloc.start()
    try:
        total = sum(len(doc.text) for doc in corpus)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    one_file = len(text.encode())
    assert total > 60 * len(text)
    # a few copies of one text in flight (bytes, str, the previous document); not sixty
    assert peak < 10 * one_file, f"peak {peak} bytes for files of {one_file} bytes"


def test_iter_documents_consumes_a_generator_lazily():
    def texts():
        yield S1
        yield S2
        raise RuntimeError("read too far")

    stream = iter_documents(texts())
    assert [next(stream).text, next(stream).text] == [S1, S2]


# --- in-memory texts and Document ------------------------------------------------------


def test_list_of_texts_and_documents():
    with pytest.warns(CorpusWarning, match="text 2: empty, skipped"):
        corpus = load_corpus([S1, "", S2])
    assert corpus.ids == ["doc0001", "doc0003"] and list(corpus.texts()) == [S1, S2]
    docs = load_corpus([Document("x", S1, {"lang": "ar"}), Document("y", S2)])
    assert docs[0].meta == {"lang": "ar"} and load_corpus(docs) is docs
    with pytest.raises(CorpusError, match="text 2: duplicate id 'x'"):
        load_corpus([Document("x", S1), Document("x", S2)])
    with pytest.raises(TypeError, match="text 2: expected a string or a Document, got int"):
        load_corpus([S1, 42])


def test_document_is_immutable():
    doc = Document("d", S1)
    with pytest.raises(FrozenInstanceError):
        doc.text = S2  # type: ignore[misc]
    assert Document("e", S2).meta == {} and Document("e", S2).meta is not Document("f", S2).meta


# --- properties ------------------------------------------------------------------------

# Texts built from fragments, so line ends, BOMs and markup turn up often next to real Arabic.
arabic_heavy_text = st.lists(
    st.one_of(
        st.sampled_from(
            ["كتب", "الطالبُ", "الدرسَ", " ", "\r", "\n", "\r\n", "\ufeff", "<p>", "&amp;", "،", "١٢"]
        ),
        st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=5),
    ),
    min_size=1,
    max_size=12,
).map("".join)


def unify_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=arabic_heavy_text)
def test_any_utf8_text_file_loads_back_identical(tmp_path, text):
    expected = unify_line_ends(text.removeprefix("\ufeff"))
    assume(expected.strip())
    path = write(tmp_path / "prop.txt", text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)  # text may look like HTML
        assert load_corpus(path)[0].text == expected


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(arabic_heavy_text, min_size=1, max_size=5))
def test_any_texts_round_trip_through_jsonl_and_csv(tmp_path, texts):
    expected = [unify_line_ends(t) for t in texts if unify_line_ends(t).strip()]
    assume(expected)
    jsonl = write(tmp_path / "prop.jsonl", "".join(json.dumps({"text": t}) + "\n" for t in texts))
    table = write_csv(tmp_path / "prop.csv", [["text"], *([t] for t in texts)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        for path in (jsonl, table):
            corpus = load_corpus(path)
            assert list(corpus.texts()) == expected
            assert [corpus[i].text for i in range(len(corpus))] == expected
