"""The benchmark harness: it must keep running (tiny sizes here) and measure what it says."""

import importlib.util
import json
import operator
import re
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
# The benchmark scripts import their helpers as the top-level module _common (they run
# as scripts from benchmarks/); run_in_child's spawned process finds it through sys.path too.
sys.path.insert(0, str(BENCH))

from _common import MB, build_input, format_table, median_subprocess_seconds, run_in_child, time_cases  # noqa: E402

ARTICLES = ["قال المتحدث باسم الوزارة إنّ الاجتماع انتهى.", "وأضاف: «سنعود غداً» ثم غادر القاعة.", "أمطار غزيرة على العاصمة"]


def bench(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BENCH / "bench_text.py"), "--sizes", "0.02", "--repeats", "1", "--import-runs", "1", *args],
        capture_output=True, text=True, check=False, timeout=600,
    )


def table(out: str) -> list[list[str]]:
    """The data rows of the printed table, split on runs of two or more spaces."""
    lines = out.split("\n\n")[2].splitlines()
    assert set(lines[1]) <= {"-", " "}, lines[1]
    return [re.split(r"\s{2,}", line.strip()) for line in lines[2:]]


@pytest.mark.slow
def test_bench_text_runs_every_tool_present_and_skips_the_absent():
    done = bench()
    assert done.returncode == 0, done.stderr
    rows = table(done.stdout)
    timed = {(r[1], r[2]) for r in rows if not r[3].startswith("skipped")}
    skipped = {(r[1], r[2]) for r in rows if r[3].startswith("skipped")}
    for task in ("normalize", "tokenize", "normalize+tokenize"):
        assert (task, "arabtext") in timed
    for tool, module in [("pyarabic", "pyarabic"), ("camel-tools", "camel_tools"), ("nltk", "nltk")]:
        installed = importlib.util.find_spec(module) is not None
        assert ((("tokenize", tool) in timed) if installed else (("tokenize", tool) in skipped)), tool
    for r in rows:
        if r[3].startswith("skipped"):
            continue
        assert float(r[4]) > 0  # MB/s
        if r[1] != "normalize" and r[2] == "arabtext" and r[3] != "tokens()":
            # arabtext's tokenize returns words only: every token holds a letter
            assert r[7].split()[0] == r[8]
    targets = done.stdout.split("Targets:\n")[1].splitlines()
    assert any("import arabtext" in line for line in targets)
    assert all(line[:4] in {"PASS", "FAIL", "SKIP"} for line in targets)


@pytest.mark.slow
def test_a_peer_left_out_gets_a_skipped_row_and_the_bundled_corpus_stands_in(tmp_path):
    done = bench("--skip", "camel-tools", "--data", str(tmp_path / "absent.jsonl"))
    assert done.returncode == 0, done.stderr
    assert "bundled sample corpus" in done.stdout and "absent.jsonl not found" in done.stdout
    rows = table(done.stdout)
    camel = [r for r in rows if r[2] == "camel-tools"]
    assert len(camel) == 3 and all(r[3] == "skipped: left out with --skip" for r in camel)
    assert any(line.startswith("SKIP") and "camel-tools" in line for line in done.stdout.splitlines())


def test_build_input_has_the_size_asked_for_from_the_articles_in_order(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(ARTICLES)), encoding="utf-8")
    whole = len("\n\n".join(ARTICLES).encode("utf-8"))
    small = build_input(60 / MB, path)
    # a character cut in half is dropped, so up to 3 bytes short
    assert 57 <= small.nbytes <= 60 and small.nbytes == len(small.text.encode("utf-8"))
    assert ARTICLES[0].startswith(small.text)
    assert "repeated" not in small.source
    big = build_input(3 * whole / MB, path)
    assert abs(big.nbytes - 3 * whole) < 4
    assert big.text.startswith("\n\n".join(ARTICLES) + "\n\n" + ARTICLES[0])
    assert "repeated" in big.source and "news.jsonl" in big.source


def test_build_input_rejects_a_size_of_nothing():
    with pytest.raises(ValueError, match="positive"):
        build_input(0)


def test_time_cases_runs_round_robin_and_reports_each_run():
    calls = []

    def case(name):
        def run():
            calls.append(name)
            return name * 3

        return run

    timings = time_cases({"a": case("a"), "b": case("b")}, repeats=3, summarize=lambda r: r.upper())
    # one warm-up each, then a, b alternate so load bursts hit both alike
    assert calls == ["a", "b"] + ["a", "b"] * 3
    assert len(timings["a"].wall) == len(timings["a"].cpu) == 3
    assert timings["b"].result_len == 3 and timings["b"].summary == "BBB"
    assert timings["a"].median("wall") == sorted(timings["a"].wall)[1]
    with pytest.raises(ValueError):
        time_cases({"a": case("a")}, repeats=0)
    with pytest.raises(ValueError):
        timings["a"].median("sundial")


def test_run_in_child_sees_the_memory_a_call_takes():
    small = run_in_child(partial(operator.mul, b"x", 1))
    big = run_in_child(partial(operator.mul, b"x", 80 * MB))
    assert big.summary == 80 * MB
    # measured in separate fresh processes, so the small one is not masked by the big one
    assert big.peak_mb - big.base_mb > 70
    assert small.peak_mb - small.base_mb < 20
    assert big.seconds >= 0


def test_run_in_child_counts_the_setup_in_the_base_not_in_the_call():
    m = run_in_child(len, setup=partial(operator.mul, b"y", 60 * MB), summarize=str)
    assert m.summary == str(60 * MB)
    assert m.base_mb > 60 and m.peak_mb - m.base_mb < 20


def test_run_in_child_reports_the_child_error():
    with pytest.raises(RuntimeError, match="invalid literal"):
        run_in_child(partial(int, "ليس رقما"))


def test_median_subprocess_seconds_takes_the_first_line_and_returns_the_rest():
    seconds, rest = median_subprocess_seconds("print(0.25); print('كلمة')", runs=3)
    assert seconds == 0.25 and rest == "كلمة"
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        median_subprocess_seconds("1/0", runs=1)


def test_format_table_aligns_columns():
    out = format_table(["tool", "MB/s"], [["arabtext", "12.5"], ["nltk", "3.25"]], right=[1])
    lines = out.splitlines()
    assert lines[1] == "--------  ----"
    assert lines[2] == "arabtext  12.5"
    assert lines[3] == "nltk      3.25"


@pytest.mark.slow
def test_bench_corpus_tree_compares_arabtext_with_the_hand_written_loop(tmp_path):
    done = subprocess.run(
        [sys.executable, str(BENCH / "bench_corpus_tree.py"), "--files", "120", "--repeats", "1", "--data", str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "120 files" in done.stdout
    for case in ("by hand: os.walk", "arabtext: word_counts(load_corpus(tree, path_fields))", "arabtext: the same tree as one .zip"):
        assert case in done.stdout
    assert re.search(r"category tree: \d+\.\d\dx the speed of the hand-written loop", done.stdout)
    assert (tmp_path / "tree-120" / ".complete").is_file() and (tmp_path / "tree-120.zip").is_file()


@pytest.mark.slow
def test_bench_explore_times_every_query_and_checks_its_lines():
    pytest.importorskip("ipywidgets")
    done = subprocess.run([sys.executable, str(BENCH / "bench_explore.py"), "--repeats", "1"],
                          capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "2,000 documents" in done.stdout and "index built in" in done.stdout
    for query in ("الولايات المتحدة", "مفاوض*", r"^مفاوض\w*$ (regex)", "الأمريكية (exact)", "القوات sort R1,R2"):
        assert re.search(rf"^{re.escape(query)}\s+[\d,]+\s+\d+", done.stdout, re.M), query
    assert re.search(r"^(PASS|FAIL): slowest panel query \d+ ms \(budget 300 ms\); every query's lines identical", done.stdout, re.M)
