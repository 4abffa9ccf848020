"""The text health check: every check counts its characters, in real Arabic text."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from arabtext import chars, load_corpus, normalize
from arabtext.corpus.health import CHECKS, health_check

COLUMNS = ["check", "count", "per_1000_letters", "documents", "first", "status", "note"]


def rows(data) -> pd.DataFrame:
    df = health_check(data)
    assert list(df.columns) == COLUMNS
    return df.set_index("check")


def test_one_row_per_check_with_summary_rows_around():
    df = health_check("العراق")
    assert df["check"].tolist() == ["documents", "arabic_letters", *(c.name for c in CHECKS), "mixed_digits"]


def test_clean_text_is_all_ok():
    df = rows("قال الوزير إن المفاوضات فشلت")
    problems = df[df["status"] == "check"]
    assert problems.empty, problems
    assert df.loc["arabic_letters", "count"] == len("قالالوزيرإنالمفاوضاتفشلت")


def test_vocalized_text_diacritics_and_their_density():
    text = "كَتَبَ الطّالِبُ الدَّرْسَ"
    df = rows(text)
    marks = sum(c in chars.TASHKEEL for c in text)
    letters = sum(chars.is_arabic_letter(c) for c in text)
    assert df.loc["diacritics", "count"] == marks
    assert df.loc["diacritics", "per_1000_letters"] == 1000 * marks / letters
    assert df.loc["diacritics", "first"] == f"doc0001:{text.index('َ')}"


def test_copied_in_characters_are_flagged_with_where_they_first_occur():
    texts = [
        "مدرسة جميلة",  # clean
        "ﻻ ﺑﺄس",  # presentation forms, as legacy PDFs store them
        "قال\u200f الوزير\u200c: نعم",  # RLM and ZWNJ
        "كتاب یک",  # Persian ی and ک
    ]
    df = rows(texts)
    assert df.loc["presentation_forms", ["count", "documents", "first", "status"]].tolist() == [3, 1, "doc0002:0", "check"]
    assert df.loc["bidi_controls", ["count", "first"]].tolist() == [1, "doc0003:3"]
    assert df.loc["zero_width", ["count", "first"]].tolist() == [1, "doc0003:11"]
    assert df.loc["persian_letters", ["count", "documents", "first"]].tolist() == [2, 1, "doc0004:5"]
    # each finding is what normalize() removes
    for text in texts:
        assert rows(normalize(text)).query("status == 'check'").empty


def test_mixed_digit_systems_are_counted_per_document():
    df = rows(["في ٢٠٢٤ أطلقت 12 صاروخاً", "في عام ۱۴۰۳", "في عام 2024"])
    assert df.loc["arabic_indic_digits", "count"] == 4
    assert df.loc["persian_digits", "count"] == 4
    assert df.loc["ascii_digits", "count"] == 6
    assert df.loc["mixed_digits", ["count", "documents", "status"]].tolist() == [3, 1, "check"]


def test_replacement_characters_from_a_bad_file():
    df = rows("قال \ufffd\ufffd الوزير")
    assert df.loc["replacement_characters", ["count", "status"]].tolist() == [2, "check"]


def test_text_without_arabic_says_so():
    df = rows("only English here")
    assert df.loc["arabic_letters", "status"] == "check"
    assert pd.isna(df.loc["diacritics", "per_1000_letters"])


def test_bundled_corpus_reads_as_a_corpus():
    df = rows(load_corpus())
    assert df.loc["documents", "count"] == len(load_corpus())
    assert df.loc["arabic_letters", "count"] > 1000


def test_token_lists_are_refused():
    import pytest

    with pytest.raises(TypeError, match="token list"):
        health_check([["قال", "الوزير"]])


@given(st.lists(st.text(alphabet="ابتثجكَُِّـیک٠١۱23 \u200f", max_size=30), min_size=1, max_size=5))
def test_counts_match_a_character_by_character_count(texts):
    texts = [t for t in texts if t.strip()] or ["ا"]
    df = rows(texts)
    for check in CHECKS:
        expected = sum(c in check.characters for t in texts for c in t)
        assert df.loc[check.name, "count"] == expected, check.name
        assert df.loc[check.name, "documents"] == sum(any(c in check.characters for c in t) for t in texts)
