"""The ``arabtext`` command, run as a user runs it: in a subprocess, on real Arabic."""

from __future__ import annotations

import io
import json
import re
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from arabtext import Normalizer, load_corpus, normalize, tokenize, tokens
from arabtext.cli.options import parse_steps
from arabtext.analysis.concordance import kwic
from arabtext.analysis.cooccurrence import collocations
from arabtext.analysis.frequency import freq_table, ngrams
from arabtext.sentiment.analyzer import SentimentAnalyzer

ARABIC = re.compile("[\u0621-\u064a]")
SAMPLE = "وَقالَ الأمينُ العامُّ لـ«سبوتنيك»: إنّ التصعيدَ سيستمرُّ ٣ أشهر.\nأطلقت الفصائلُ 12 صاروخاً على القواتِ الأمريكيّة."


def run(*args: str, stdin: bytes | str | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    done = subprocess.run(
        [sys.executable, "-m", "arabtext.cli", *args], input=data, capture_output=True, timeout=timeout,
        stdin=None if data is not None else subprocess.DEVNULL,
    )
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def assert_user_error(result: subprocess.CompletedProcess[str], *named: str, stdout: str = "") -> str:
    """Exit status 2, one line on stderr naming the problem, no traceback; returns the line.

    ``stdout``: what was written before the problem was met (a stream writes as it reads).
    """
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in named:
        assert word in lines[0], (word, lines[0])
    assert result.stdout == stdout
    return lines[0]


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("أكدَ الوزيرُ أنّ المفاوضات فشلت.\nوقال إن التصعيد سيستمر.", encoding="utf-8")
    (folder / "b.txt").write_text("رحّب الوزير بالاتفاق الجديد، وقال إنه نجاح كبير.", encoding="utf-8")
    return folder


# --- normalize ------------------------------------------------------------------------------


def test_normalize_stdin_line_by_line_equals_the_library():
    result = run("normalize", "-", stdin=SAMPLE + "\n\n" + "إِلى الأمامِ\n")
    assert result.returncode == 0, result.stderr
    lines = (SAMPLE + "\n\n" + "إِلى الأمامِ").split("\n")
    assert result.stdout.split("\n")[:-1] == [normalize(line) for line in lines]
    assert result.stdout.endswith("الي الامام\n")


def test_normalize_handles_bom_and_crlf_on_stdin():
    result = run("normalize", "-", stdin="\ufeffالعِراق\r\nسُوريا\r\n")
    assert result.stdout == "العراق\nسوريا\n"


@pytest.mark.parametrize("spec", ["ta_marbuta=on", "tashkeel=off,alef=off", "all=off,tashkeel=on", "all=off"])
def test_normalize_steps_switch_the_library_steps(spec):
    result = run("normalize", "-", "--steps", spec, stdin=SAMPLE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [Normalizer(**parse_steps(spec))(line) for line in SAMPLE.split("\n")]


def test_steps_all_off_leaves_text_as_written():
    assert run("normalize", "-", "--steps", "all=off", stdin=SAMPLE).stdout == SAMPLE + "\n"


def test_parse_steps_reads_left_to_right():
    assert parse_steps("all=off,tashkeel=on")["tashkeel"] is True
    assert parse_steps("tashkeel=on,all=off")["tashkeel"] is False
    assert parse_steps("ta_marbuta=yes, hamza=1") == {"ta_marbuta": True, "hamza": True}


@pytest.mark.parametrize("spec, named", [("tashkel=off", "'tashkel'"), ("tashkeel", "'tashkeel'"), ("alef=maybe", "alef=maybe")])
def test_bad_steps_are_one_line_errors(spec, named):
    line = assert_user_error(run("normalize", "-", "--steps", spec, stdin="نص"), named, "--steps")
    if spec.startswith("tashkel="):
        assert "did you mean 'tashkeel'" in line


def test_normalize_a_corpus_path_prints_each_document(corpus_dir):
    result = run("normalize", str(corpus_dir))
    expected = "".join(normalize(doc.text) + "\n" for doc in load_corpus(corpus_dir))
    assert result.returncode == 0 and result.stdout == expected


def test_normalize_defaults_to_the_bundled_corpus():
    result = run("normalize")
    assert result.returncode == 0
    assert result.stdout == "".join(normalize(doc.text) + "\n" for doc in load_corpus())


def test_normalize_streams_in_constant_memory(tmp_path):
    # Peak memory of the process (VmHWM: its own, not what a fork inherits) for 2 MB and
    # for 40 MB of input: the same, give or take noise, where reading the input whole
    # would add well over 40 MB.
    if not Path("/proc/self/status").exists():
        pytest.skip("peak memory is read from /proc/self/status (Linux only)")
    code = (
        "import sys\nfrom arabtext.cli import main\nrc = main(sys.argv[1:])\nsys.stdout.flush()\n"
        "print(open('/proc/self/status').read().split('VmHWM:')[1].split()[0], file=sys.stderr)\nsys.exit(rc)\n"
    )
    line = ("وَقالَ الأمينُ العامُّ إنّ التصعيدَ سيستمرُّ " * 10 + "\n").encode("utf-8")
    peaks = []
    for megabytes in (2, 40):
        path = tmp_path / f"{megabytes}.txt"
        with path.open("wb") as f:
            for _ in range(megabytes):
                f.write(line * (2**20 // len(line)))
        with path.open("rb") as stdin:
            done = subprocess.run(
                [sys.executable, "-c", code, "normalize", "-"], stdin=stdin, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, check=True, timeout=300,
            )
        peaks.append(int(done.stderr.split()[-1]))  # kB
    assert peaks[1] - peaks[0] < 5 * 1024, peaks


def test_a_closed_pipe_ends_quietly(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text((SAMPLE + "\n") * 20000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "arabtext.cli", "normalize", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    first = proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=60)
    assert first.decode("utf-8") == normalize(SAMPLE.split("\n")[0]) + "\n"
    assert stderr == ""


# --- tokenize -------------------------------------------------------------------------------


def test_tokenize_text_format_is_one_line_of_words_per_line():
    result = run("tokenize", "-", stdin=SAMPLE + "\n\n")
    assert result.returncode == 0
    assert result.stdout.split("\n")[:-1] == [" ".join(tokenize(line)) for line in (SAMPLE + "\n").split("\n")]


def test_tokenize_tsv_rows_point_back_into_the_line():
    result = run("tokenize", "-", "--format", "tsv", stdin=SAMPLE)
    header, *rows = [row.split("\t") for row in result.stdout.splitlines()]
    assert header == ["doc", "line", "start", "end", "kind", "token", "normalized"]
    lines = SAMPLE.split("\n")
    expected = [(n, t) for n, line in enumerate(lines, 1) for t in tokens(line)]
    assert len(rows) == len(expected)
    for (doc, line, start, end, kind, token, norm), (n, t) in zip(rows, expected):
        assert (doc, int(line), kind, token) == ("-", n, t.kind, t.text)
        assert lines[n - 1][int(start) : int(end)] == token
        assert norm == normalize(token)


def test_tokenize_jsonl_and_csv_carry_the_same_tokens(corpus_dir):
    jsonl = run("tokenize", str(corpus_dir), "--format", "jsonl")
    records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert {r["doc"] for r in records} == {"a", "b"}
    assert [r["token"] for r in records if r["doc"] == "b"] == [t.text for t in tokens(load_corpus(corpus_dir)[1].text)]
    csv_out = run("tokenize", str(corpus_dir), "--format", "csv")
    assert len(csv_out.stdout.splitlines()) == len(records) + 1


def test_tokenize_steps_apply_to_the_words():
    result = run("tokenize", "-", "--steps", "all=off", stdin="الأمينُ العامُّ")
    assert result.stdout == "الأمينُ العامُّ\n"


# --- tables: freq, colloc, kwic, sentiment ---------------------------------------------------


def records(result: subprocess.CompletedProcess[str]) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def native(value):
    """A cell as JSON gives it back: numpy scalars as Python numbers, missing values as None."""
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def frame_records(df) -> list[dict]:
    return [{k: native(v) for k, v in row.items()} for row in df.to_dict("records")]


def test_freq_on_the_bundled_corpus_is_the_library_table():
    got = records(run("freq", "--top", "15", "--format", "json"))
    assert got == frame_records(freq_table(load_corpus()).head(15))


def test_freq_ngrams_with_stop_words_on_a_temporary_corpus(corpus_dir):
    got = records(run("freq", str(corpus_dir), "--ngram", "2", "--keep-stopwords", "--top", "0", "--format", "json"))
    assert got == frame_records(ngrams(load_corpus(corpus_dir), n=2, stopwords=False))
    assert any(r["ngram"] == "الوزير ان" for r in got)  # كان stop word, kept


def test_freq_reads_standard_input_as_one_document():
    got = records(run("freq", "-", "--keep-stopwords", "--format", "json", stdin=SAMPLE))
    assert got == frame_records(freq_table(SAMPLE, stopwords=False))


def test_freq_table_format_aligns_columns():
    out = run("freq", "--top", "8").stdout.splitlines()
    header, rule, *rows = out
    assert header.split() == ["token", "count", "per_10k", "doc_freq", "rank"]
    assert len(rows) == 8
    # numbers are right-aligned: every row ends its count where the header's "count" ends
    from arabtext.cli.tables import display_width

    end = display_width(header[: header.index("count") + len("count")])
    for row in rows:
        count = row.split()[1]
        assert display_width(row[: row.index(" " + count + " ") + 1 + len(count)]) == end, row


def test_freq_csv_and_tsv_hold_the_same_rows():
    csv_rows = run("freq", "--format", "csv").stdout.splitlines()
    tsv_rows = run("freq", "--format", "tsv").stdout.splitlines()
    assert [r.split(",") for r in csv_rows] == [r.split("\t") for r in tsv_rows]
    assert csv_rows[0] == "token,count,per_10k,doc_freq,rank" and len(csv_rows) == 21


def test_colloc_is_the_library_table_sorted_by_the_measure():
    got = records(run("colloc", "--measure", "logdice", "--min-count", "2", "--top", "10", "--format", "json"))
    table = collocations(load_corpus(), measure="logdice", min_count=2).head(10)
    assert got == frame_records(table[["w1", "w2", "O11", "E11", "logdice"]])


def test_colloc_all_measures_and_window(corpus_dir):
    got = records(run("colloc", str(corpus_dir), "--window", "3", "--min-count", "1", "--all-measures", "--format", "json"))
    table = collocations(load_corpus(corpus_dir), window=3, min_count=1).head(20)
    assert got == frame_records(table[["w1", "w2", "O11", "E11", "pmi", "llr", "t", "chi2", "dice", "logdice", "mi3", "deltap", "deltap_rev"]])


def test_colloc_by_sentence_is_the_library_table():
    got = records(run("colloc", "--by-sentence", "--min-count", "1", "--top", "30", "--format", "json"))
    table = collocations(load_corpus(), min_count=1, by_sentence=True).head(30)
    assert got == frame_records(table[["w1", "w2", "O11", "E11", "llr"]])
    assert got != records(run("colloc", "--min-count", "1", "--top", "30", "--format", "json"))


def test_unknown_measure_is_one_line():
    assert_user_error(run("colloc", "--measure", "jaccard"), "'jaccard'", "logdice")


def test_colloc_help_lists_every_measure():
    from arabtext.analysis.association import MEASURES

    help_text = run("colloc", "--help").stdout
    assert all(name in help_text for name in MEASURES)


def test_kwic_finds_the_word_through_clitics():
    got = records(run("kwic", "القوات", "--width", "3", "--format", "json"))
    assert got == frame_records(kwic(load_corpus(), "القوات", width=3))
    assert len({r["node"] for r in got}) > 1  # more than one written form of the word


def test_kwic_takes_a_path_before_the_word(corpus_dir):
    got = records(run("kwic", str(corpus_dir), "الوزير", "--match", "exact", "--format", "json"))
    assert [(r["doc"], r["node"]) for r in got] == [("a", "الوزيرُ"), ("b", "الوزير")]


def test_kwic_takes_phrases_patterns_and_sort_keys():
    got = records(run("kwic", "القوات *", "--sort", "R1,L1", "--format", "json"))
    assert got == frame_records(kwic(load_corpus(), "القوات *", sort="R1,L1"))
    assert records(run("kwic", "^مفاوض", "--regex", "--format", "json")) == frame_records(
        kwic(load_corpus(), "^مفاوض", regex=True))


@pytest.mark.parametrize(("args", "named"), [(["(", "--regex"], "regular expression"), (["القوات", "--sort", "R0"], "sort keys")])
def test_kwic_bad_pattern_or_sort_key_is_one_clear_line(args, named):
    assert_user_error(run("kwic", *args), named)


def test_kwic_without_a_hit_says_so():
    result = run("kwic", "-", "البرتقال", stdin=SAMPLE)
    assert result.returncode == 0 and "no occurrence of 'البرتقال'" in result.stderr


@pytest.mark.parametrize("by", ["sentence", "document", "token"])
def test_sentiment_rows_are_the_analyzer_results(corpus_dir, by):
    got = records(run("sentiment", str(corpus_dir), "--by", by, "--format", "json"))
    sa = SentimentAnalyzer()
    expected = []
    for doc in load_corpus(corpus_dir):
        if by == "document":
            rows = [sa.score(doc.text).to_dict()]
        else:
            rows = frame_records(sa.explain(doc.text) if by == "token" else sa.score(doc.text).sentences)
        expected += [{"doc": doc.id, **row} for row in rows]
    assert got == [{k: native(v) for k, v in row.items()} for row in expected]
    if by == "document":
        assert [r["label"] for r in got] == ["negative", "positive"]


def test_sentiment_model_method():
    pytest.importorskip("arabtext.sentiment.model", reason="the linear sentiment model (issue 4) is not in the package yet")
    from importlib import resources

    if not resources.files("arabtext.sentiment").joinpath("data", "sentiment_model.npz").is_file():
        pytest.skip("the trained weights arabtext/sentiment/data/sentiment_model.npz are not in the package yet")
    got = records(run("sentiment", "-", "--method", "model", "--by", "document", "--format", "json", stdin="الخدمة ممتازة والفريق رائع"))
    assert got[0]["method"] == "model" and got[0]["label"] == "positive"


# --- files: cloud and report ------------------------------------------------------------------


def test_cloud_writes_a_png_of_the_asked_size(tmp_path):
    from PIL import Image

    out = tmp_path / "cloud.png"
    result = run("cloud", "-o", str(out), "--width", "400", "--height", "200", "--top", "30")
    assert result.returncode == 0, result.stderr
    with Image.open(out) as image:
        assert image.format == "PNG" and image.size == (400, 200)
        assert len(image.convert("L").getcolors(256 * 256)) > 2  # words drawn, not a blank canvas


def test_cloud_svg_embeds_its_font_and_the_words_in_logical_order(tmp_path):
    out = tmp_path / "cloud.svg"
    result = run("cloud", "-o", str(out), "--top", "10", "--width", "400", "--height", "200")
    assert result.returncode == 0, result.stderr
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "@font-face" in svg
    top = freq_table(load_corpus()).head(3)["token"]
    assert all(f">{word}</text>" in svg for word in top)


def test_cloud_refuses_an_unknown_extension_and_an_unwritable_place(tmp_path):
    assert_user_error(run("cloud", "-o", str(tmp_path / "cloud.gif")), "cloud.gif", ".png or .svg")
    missing = tmp_path / "no-folder" / "cloud.png"
    assert_user_error(run("cloud", "-o", str(missing)), str(missing), "does not exist")
    assert_user_error(run("cloud", "-o", str(tmp_path)), str(tmp_path), "folder")


@pytest.mark.slow
def test_report_writes_one_html_file(tmp_path, corpus_dir):
    out = tmp_path / "report.html"
    result = run("report", str(corpus_dir), "-o", str(out), "--measures", "pmi,dice", "--min-count", "1")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"arabtext: wrote {out} in ")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "By pmi" in page and "By dice" in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "report.html"]  # no temporary file left


def test_report_refuses_an_unwritable_output_before_working(tmp_path):
    target = tmp_path / "missing" / "report.html"
    assert_user_error(run("report", "-o", str(target)), str(target), "does not exist")
    assert_user_error(run("report", "--measures", "pmi,nope", "-o", str(tmp_path / "r.html")), "'nope'")
    assert list(tmp_path.iterdir()) == []


def test_empty_standard_input_is_one_line():
    assert_user_error(run("freq", "-", stdin=""), "standard input is empty")


# --- errors and warnings, shared by every command -------------------------------------------


def test_missing_path_is_one_line(tmp_path):
    missing = tmp_path / "no-such-corpus"
    assert_user_error(run("tokenize", str(missing)), str(missing), "not found")


def test_undecodable_file_is_one_line_naming_the_file_and_byte(tmp_path):
    folder = tmp_path / "latin1"
    folder.mkdir()
    (folder / "old.txt").write_bytes("قال الوزير".encode("utf-8") + b" caf\xe9\n")
    line = assert_user_error(run("normalize", str(folder)), "old.txt", "not UTF-8", "0xe9")
    assert "byte offset 23" in line


def test_undecodable_stdin_is_one_line_naming_the_line():
    result = run("normalize", "-", stdin=b"\xd9\x82\xd8\xa7\xd9\x84\n\xff\xfe\n")
    assert_user_error(result, "standard input, line 2", "0xff", stdout="قال\n")


def test_errors_replace_goes_on_with_a_warning():
    result = run("normalize", "-", "--errors", "replace", stdin=b"\xd9\x82\xd8\xa7\xd9\x84 \xff\n")
    assert result.returncode == 0
    assert result.stdout == "قال \ufffd\n"
    assert result.stderr.splitlines() == ["arabtext: warning: standard input, line 1: not UTF-8; undecodable bytes replaced with U+FFFD"]


def test_empty_corpus_is_one_line(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_user_error(run("tokenize", str(empty)), str(empty), "no documents")


def test_loader_warnings_are_one_line_each(corpus_dir):
    (corpus_dir / "blank.txt").write_text("\n", encoding="utf-8")
    (corpus_dir / "notes.md").write_text("ملاحظات", encoding="utf-8")
    result = run("tokenize", str(corpus_dir))
    assert result.returncode == 0
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2, result.stderr
    assert all(w.startswith("arabtext: warning: ") for w in warnings)
    assert any("blank.txt" in w and "empty" in w for w in warnings)
    assert any("notes.md" in w for w in warnings)
    assert ".py" not in result.stderr  # not Python's format, with our source file and line


def test_debug_shows_the_traceback(tmp_path):
    result = run("--debug", "tokenize", str(tmp_path / "missing"))
    assert result.returncode == 2
    assert "Traceback" in result.stderr and "FileNotFoundError" in result.stderr
    after = run("tokenize", str(tmp_path / "missing"), "--debug")
    assert "Traceback" in after.stderr


def test_usage_errors_are_one_line():
    assert_user_error(run("tokenize", "-", "--format", "xml"), "--format", "xml")
    assert_user_error(run("no-such-command"), "no-such-command")


@pytest.mark.parametrize("command", ["info", "normalize", "tokenize", "freq", "colloc", "kwic", "sentiment", "cloud", "report"])
def test_every_command_has_help_with_an_arabic_example(command):
    result = run(command, "--help")
    assert result.returncode == 0
    example = result.stdout.split("example:", 1)[1]
    assert ARABIC.search(example) and "arabtext " + command in example


def test_console_script_is_installed():
    script = Path(sys.executable).with_name("arabtext")
    if not script.exists():
        pytest.skip(f"no console script next to {sys.executable}: the package is not installed in this environment")
    done = subprocess.run([str(script), "normalize", "-"], input="العِراق".encode(), capture_output=True, timeout=60)
    assert done.stdout.decode() == "العراق\n"


# --- progress ---------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _slowly(items, seconds):
    for item in items:
        time.sleep(seconds)
        yield item


def test_progress_bar_only_on_a_terminal_and_only_after_a_second(monkeypatch):
    from arabtext.counting import progress as _progress

    docs = ["نص أول", "نص ثان", "نص ثالث"]
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(_progress.progress(docs, desc="counting")) == docs
    assert terminal.getvalue() == ""  # quick work: no bar
    assert list(_progress.progress(_slowly(docs, 0.6), desc="counting")) == docs
    assert "counting" in terminal.getvalue() and "doc" in terminal.getvalue()
    log = io.StringIO()  # a log file, not a terminal: never a bar
    monkeypatch.setattr(sys, "stderr", log)
    assert list(_progress.progress(_slowly(docs, 0.6), desc="counting")) == docs
    assert log.getvalue() == ""


def test_encoding_option_reads_windows_1256(tmp_path):
    old = tmp_path / "old.txt"
    old.write_bytes("قال الوزير إن الوزير وصل\n".encode("cp1256"))
    line = assert_user_error(run("freq", str(old)), "old.txt", "not UTF-8", "--encoding cp1256")
    assert "Windows-1256" in line
    result = run("freq", str(old), "--encoding", "cp1256", "--format", "tsv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].split("\t")[:2] == ["الوزير", "2"]
    assert run("freq", str(old), "--encoding", "arabic-dos").returncode == 2


def test_utf16_standard_input_with_encoding():
    result = run("normalize", "-", "--encoding", "utf-16", stdin="قالَ الوزيرُ\n".encode("utf-16"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "قال الوزير\n"


@pytest.mark.parametrize("command", [["kwic", "{folder}", "الوزير"], ["sentiment", "{folder}"], ["report", "{folder}", "-o", "{out}"]])
def test_a_file_name_that_is_not_utf8_does_not_abort(tmp_path, command):
    folder = tmp_path / "texts"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/\xe4\xf5.txt", "wb") as f:
        f.write("قال الوزير إن الحكومة نجحت\n".encode())
    result = run(*[c.format(folder=folder, out=tmp_path / "r.html") for c in command])
    assert result.returncode == 0, result.stderr
    assert "not valid UTF-8" in result.stderr and "Traceback" not in result.stderr
    if command[0] != "report":
        assert "\ufffd\ufffd" in result.stdout


def test_a_symlink_loop_is_one_line(tmp_path):
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    assert_user_error(run("freq", str(tmp_path / "loop.txt")), "loop.txt", "symbolic link that loops")


def test_skip_bad_records_goes_on_with_one_line_counting_them(tmp_path):
    path = tmp_path / "scraped.jsonl"
    path.write_text('{"text": "قال الوزير"}\n{"text": null}\n{"text": "وصل الوزير"}\n{"broken', encoding="utf-8")
    assert_user_error(run("freq", str(path)), "scraped.jsonl, line 2", "must be a string")
    result = run("freq", str(path), "--skip-bad-records", "--format", "tsv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].split("\t")[:2] == ["الوزير", "2"]
    assert result.stderr.splitlines() == [f"arabtext: warning: {path}: 2 bad records skipped (lines 2, 4); corpus.skipped lists them"]


def test_a_category_tree_is_one_corpus_on_the_command_line(tmp_path):
    for source, category, text in [("BBC", "sport", "فاز المنتخب"), ("CNN", "sport", "خسر المنتخب"), ("CNN", "economy", "ارتفع النفط")]:
        (tmp_path / source / category).mkdir(parents=True, exist_ok=True)
        (tmp_path / source / category / "1.txt").write_text(text, encoding="utf-8")
    result = run("freq", str(tmp_path), "--format", "tsv")
    assert result.returncode == 0 and result.stdout.splitlines()[1].split("\t")[:2] == ["المنتخب", "2"], result.stderr


def test_info_summarizes_a_category_tree(tmp_path):
    for source, category, text in [("BBC", "sport", "فاز المنتخب"), ("CNN", "sport", "خسر المنتخب"), ("CNN", "economy", "ارتفع النفط")]:
        (tmp_path / source / category).mkdir(parents=True, exist_ok=True)
        (tmp_path / source / category / "1.txt").write_text(text, encoding="utf-8")
    result = run("info", str(tmp_path), "--path-fields", "source,category")
    assert result.returncode == 0, result.stderr
    assert "documents: 3   words: 6" in result.stdout
    assert re.search(r"category\s+3 docs\s+2 values\s+sport \(2\), economy \(1\)", result.stdout), result.stdout
    csv_out = run("info", str(tmp_path), "--path-fields", "source,category", "--format", "csv").stdout
    assert csv_out.splitlines()[0] == "field,documents,distinct,top"


def test_a_quoted_glob_of_zipped_json_arrays(tmp_path):
    for day in ("2015-07-21", "2015-07-22"):
        with zipfile.ZipFile(tmp_path / f"{day}.zip", "w") as z:
            z.writestr(f"{day}.json", json.dumps([{"content": "فاز الهلال على النصر"}], ensure_ascii=False))
    result = run("freq", str(tmp_path / "*.zip"), "--text-column", "content", "--format", "tsv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].split("\t")[:2] == ["النصر", "2"]
    assert "documents: 2" in run("info", str(tmp_path / "*.zip"), "--text-column", "content").stdout


def test_several_paths_are_one_corpus(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.txt"
    a.write_text('{"id": "1", "text": "قال الوزير"}\n', encoding="utf-8")
    b.write_text("وصل الوزير", encoding="utf-8")
    result = run("freq", str(a), str(b), "--format", "tsv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].split("\t")[:2] == ["الوزير", "2"]
    lines = run("kwic", str(a), str(b), "الوزير", "--format", "tsv").stdout.splitlines()
    assert [line.split("\t")[3] for line in lines[1:]] == ["a/1", "b"]
    assert run("freq", str(a), "-").returncode == 2
