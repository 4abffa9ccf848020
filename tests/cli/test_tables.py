"""Tables for a terminal and for pipes, and files written whole."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabtext.cli.tables import cell_text, display_width, fit, row_writer, write_table
from arabtext.report.files import atomic_write, check_writable

ROWS = [["العراق", 13, 308.05687], ["القُوّاتُ", 6, 142.18], ["k1", 1, 0.00001]]


def table(rows=ROWS, fmt="table") -> str:
    out = io.StringIO()
    write_table(["token", "count", "per_10k"], rows, fmt, out)
    return out.getvalue()


def test_diacritics_and_controls_take_no_column_wide_characters_two():
    assert display_width("القُوّاتُ") == display_width("القوات") == 6
    assert display_width("قال\u200fالوزير") == 9
    assert display_width("中文") == 4


def test_aligned_columns_line_up_by_display_width():
    header, rule, *lines = table().splitlines()
    assert rule.split() == ["-" * 6, "-----", "-------"]
    # every line is as wide as the rule once marks are discounted: the columns line up
    assert {display_width(line) for line in lines} == {display_width(rule)}
    assert lines[1].startswith("القُوّاتُ ")  # text left-aligned, marks kept
    assert lines[0].endswith("  13  308.057")  # numbers right-aligned, 3 decimals
    assert lines[2].endswith("1e-05")


def test_long_cells_are_cut_in_the_table_only():
    long = "قال " * 40
    assert "…" in table([[long, 1, 1.0]])
    assert long.strip() in table([[long.strip(), 1, 1.0]], "csv")


def test_line_breaks_inside_cells_do_not_break_the_table():
    lines = table([["سطر\nآخر\tهنا", 1, 1.0]]).splitlines()
    assert len(lines) == 3 and lines[2].startswith("سطر آخر هنا")


def test_csv_round_trips_every_value():
    rows = list(csv.reader(io.StringIO(table(fmt="csv"))))
    assert rows[0] == ["token", "count", "per_10k"]
    assert rows[1:] == [[t, str(c), repr(x)] for t, c, x in ROWS]


def test_tsv_escapes_tabs_and_line_breaks():
    out = table([["أ\tب\nج\\", 1, 0.5]], "tsv").splitlines()
    assert out[1].split("\t") == ["أ\\tب\\nج\\\\", "1", "0.5"]


def test_json_is_an_array_of_records_in_utf8():
    text = table(fmt="json")
    assert "العراق" in text  # not \\u escapes
    assert json.loads(text)[1] == {"token": "القُوّاتُ", "count": 6, "per_10k": 142.18}
    assert json.loads(table([["نص", float("nan"), None]], "json")) == [{"token": "نص", "count": None, "per_10k": None}]


def test_jsonl_rows_one_object_a_line():
    out = io.StringIO()
    write = row_writer(["token", "kind"], "jsonl", out)
    write(["قال", "word"])
    write(["،", "punct"])
    assert [json.loads(line) for line in out.getvalue().splitlines()] == [
        {"token": "قال", "kind": "word"},
        {"token": "،", "kind": "punct"},
    ]


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="xml"):
        row_writer(["a"], "xml", io.StringIO())


@given(st.text(alphabet="ابتَُِّ中 x\u200f", max_size=40), st.integers(min_value=2, max_value=20))
def test_fit_never_exceeds_the_width_and_keeps_marks_with_their_letter(text, width):
    cut = fit(text, width)
    assert display_width(cut) <= max(width, display_width(text) if cut == text else width)
    if cut != text:
        kept = cut[:-1]
        assert text.startswith(kept)
        rest = text[len(kept) :]
        assert display_width(rest[:1]) > 0  # the cut is before a letter, never between a letter and its marks


def test_cell_text_numbers():
    assert cell_text(True) == "True"
    assert cell_text(0.0) == "0.000"
    assert cell_text(12345678.9) == "1.23e+07"
    assert cell_text(None) == ""


def test_check_writable_names_the_problem(tmp_path):
    check_writable(tmp_path / "ok.html")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        check_writable(tmp_path / "missing" / "r.html")
    with pytest.raises(IsADirectoryError, match="folder"):
        check_writable(tmp_path)


def test_atomic_write_replaces_whole_files_and_leaves_nothing_on_failure(tmp_path):
    path = tmp_path / "report.html"
    atomic_write(path, "أول".encode())
    atomic_write(path, "ثان".encode())
    assert path.read_text(encoding="utf-8") == "ثان"
    with pytest.raises(TypeError):
        atomic_write(path, "not bytes")  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == "ثان"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
