"""Tests for arabtext.text.stoplist: the bundled list, extra/exclude/path, and its
coverage of the function words of real MSA news (skipped without /work/shared)."""

from __future__ import annotations

import collections
import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabtext import normalize, tokenize
from arabtext.text.stoplist import BUNDLED_PATH, stopwords

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"
NEWS = SHARED / "news_ant_multisource" / "ant_multisource_news.jsonl"
REFERENCE = SHARED / "stopwords_arabicstopwords" / "stopwords_all_forms.tsv"


def _file_entries() -> list[str]:
    """The raw entries of the bundled file, before any loading or deduplication."""
    lines = Path(BUNDLED_PATH).read_text(encoding="utf-8").splitlines()
    return [w for w in (line.split("#", 1)[0].strip() for line in lines) if w]


# --- the bundled list ---------------------------------------------------------------


def test_bundled_list_has_at_least_300_forms():
    assert len(stopwords()) >= 300


def test_every_entry_is_one_word_already_normalized():
    not_normal = [w for w in _file_entries() if normalize(w) != w or len(w.split()) != 1]
    assert not_normal == []


def test_no_duplicate_entries():
    counts = collections.Counter(_file_entries())
    assert [w for w, n in counts.items() if n > 1] == []


def test_blank_and_comment_lines_are_not_entries():
    lines = Path(BUNDLED_PATH).read_text(encoding="utf-8").splitlines()
    assert any(not line.strip() for line in lines) and any(line.startswith("#") for line in lines)
    assert len(stopwords()) == len(_file_entries())
    assert not any(not w or "#" in w for w in stopwords())


def test_core_function_words_written_naturally_are_covered():
    written = "على إلى في من عن مع هذا هذه ذلك التي الذي الذين كان كانت ليس لم لن لا أن إن أو ثم حتى هو هي هم"
    assert [w for w in written.split() if normalize(w) not in stopwords()] == []


def test_common_clitic_combinations_are_covered():
    combos = "وفي والتي بأن وأن فإن لأن وهو وهي ولا كما بها منه عليه إليها ولم وقد فقد لديه"
    assert [w for w in combos.split() if normalize(w) not in stopwords()] == []


def test_content_words_and_news_reporting_verbs_are_left_out():
    # the documented decision: قال/أضاف are content verbs, اليوم is a noun
    content = "قال وقال أضاف أكد الحكومة مدرسة كتاب اليوم الرئيس"
    assert [w for w in content.split() if normalize(w) in stopwords()] == []


def test_the_ali_trade_off_is_as_documented():
    # على and the name علي are one normalized string, and it is a stop word
    assert normalize("على") == normalize("علي") == "علي"
    assert "علي" in stopwords()


def test_filtering_tokenized_text():
    sentence = "وقال الوزير إنه سيعود إلى المدينة التي ولد فيها"
    assert [w for w in tokenize(sentence) if w not in stopwords()] == ["وقال", "الوزير", "سيعود", "المدينة", "ولد"]


# --- extra and exclude -------------------------------------------------------------


def test_extra_is_normalized_and_added():
    words = stopwords(extra=["قالَ", "أضافَ", "وأكّد"])
    assert {"قال", "اضاف", "واكد"} <= words
    assert words - stopwords() == {"قال", "اضاف", "واكد"}


def test_extra_as_a_string_is_split_on_whitespace():
    assert stopwords(extra="قال  أضاف\nذكر") == stopwords(extra=["قال", "أضاف", "ذكر"])


def test_exclude_is_normalized_and_removed():
    words = stopwords(exclude=["على", "إِلى"])
    assert "علي" not in words and "الي" not in words
    assert stopwords() - words == {"علي", "الي"}


def test_exclude_wins_over_extra():
    words = stopwords(extra=["قال", "ذكر"], exclude=["قال"])
    assert "ذكر" in words and "قال" not in words


def test_extra_does_not_change_the_cached_list():
    before = set(stopwords())
    stopwords(extra=["الحكومة"])
    assert "الحكومة" not in stopwords() and set(stopwords()) == before


def test_result_is_immutable():
    with pytest.raises(AttributeError):
        stopwords().add("قال")  # type: ignore[attr-defined]


def test_multiword_extra_is_an_error_naming_the_argument():
    with pytest.raises(ValueError, match="extra.*لا سيما"):
        stopwords(extra=["لا سيما"])
    with pytest.raises(ValueError, match="exclude"):
        stopwords(exclude=["َ"])  # a lone fatha normalizes to nothing


def test_non_string_entry_is_a_type_error():
    with pytest.raises(TypeError, match="extra"):
        stopwords(extra=["قال", 3])  # type: ignore[list-item]


ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
MARKS = [chr(c) for c in range(0x064B, 0x0653)]
arabic_words = st.lists(st.sampled_from(ARABIC_LETTERS + MARKS), min_size=1, max_size=8).map("".join).filter(
    lambda w: any(c in ARABIC_LETTERS for c in w)
)


@given(st.lists(arabic_words, max_size=6))
def test_extra_then_exclude_of_the_same_words_removes_exactly_them(words):
    normalized = {normalize(w) for w in words}
    assert normalized <= stopwords(extra=words)
    assert stopwords(extra=words, exclude=words) == stopwords() - normalized


# --- a list of your own ------------------------------------------------------------


def test_path_replaces_the_bundled_list(tmp_path):
    own = tmp_path / "mine.txt"
    own.write_text("\ufeff# my list\nمِنْ\n\nإلى   # to\n  قالَ  \n", encoding="utf-8")
    assert stopwords(path=own) == {"من", "الي", "قال"}
    assert stopwords(path=str(own), extra=["ذكر"], exclude=["من"]) == {"الي", "قال", "ذكر"}


def test_path_is_reread_after_an_edit(tmp_path):
    own = tmp_path / "mine.txt"
    own.write_text("من\n", encoding="utf-8")
    assert stopwords(path=own) == {"من"}
    own.write_text("من\nعن\n", encoding="utf-8")
    assert stopwords(path=own) == {"من", "عن"}


def test_lines_that_are_not_one_word_are_skipped_with_a_warning(tmp_path):
    own = tmp_path / "phrases.txt"
    own.write_text("من\nلا سيما\nعن\nـ\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"phrases\.txt: skipped 2 line\(s\).*line 2, 4"):
        assert stopwords(path=own) == {"من", "عن"}


def test_a_file_without_words_warns(tmp_path):
    own = tmp_path / "empty.txt"
    own.write_text("# nothing yet\n\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"empty\.txt: no stop words"):
        assert stopwords(path=own) == frozenset()


def test_a_file_that_is_not_utf8_is_an_error_naming_it(tmp_path):
    own = tmp_path / "cp1256.txt"
    own.write_bytes("من\nعلى\n".encode("cp1256"))
    with pytest.raises(ValueError, match=r"cp1256\.txt: not UTF-8"):
        stopwords(path=own)


def test_a_missing_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.txt"):
        stopwords(path=tmp_path / "nowhere.txt")


# --- packaging and import cost -----------------------------------------------------


def test_list_is_found_outside_the_checkout(tmp_path):
    # as in an installed wheel: the package alone, run from an unrelated directory
    site = tmp_path / "site"
    shutil.copytree(REPO / "arabtext", site / "arabtext", ignore=shutil.ignore_patterns("__pycache__"))
    code = (
        "import arabtext; from arabtext.text.stoplist import stopwords;"
        "assert arabtext.__file__.startswith(%r), arabtext.__file__;"
        "print(len(stopwords()))" % str(site)
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(site)}, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(stopwords())


def test_import_is_eager_safe():
    code = (
        "import sys, arabtext.text.stoplist;"
        "heavy = {'numpy', 'pandas', 'matplotlib'} & set(sys.modules);"
        "assert not heavy, heavy"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# --- coverage of real news text (reads /work/shared when present) ------------------


@pytest.fixture(scope="module")
def news_counts() -> collections.Counter[str]:
    if not NEWS.is_file():
        pytest.skip(f"evaluation corpus not present: {NEWS}")
    counts: collections.Counter[str] = collections.Counter()
    with NEWS.open(encoding="utf-8") as f:
        # every 5th article: the file is grouped by outlet, so a stride keeps all five
        for i, line in enumerate(f):
            if i % 5 == 0:
                counts.update(tokenize(json.loads(line)["text"]))
    return counts


@pytest.fixture(scope="module")
def reference_forms() -> frozenset[str]:
    if not REFERENCE.is_file():
        pytest.skip(f"reference stop-word list not present: {REFERENCE}")
    with REFERENCE.open(encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return frozenset(normalize(row["word"]) for row in rows)


@pytest.mark.parametrize(("top", "minimum"), [(100, 0.9), (500, 0.85)])
def test_covers_the_frequent_function_words_of_news(news_counts, reference_forms, top, minimum):
    """The function words among the most frequent news words, as judged by an
    independent list (arabic-stopwords, 13k generated forms), that ours covers."""
    frequent = [w for w, _ in news_counts.most_common(top)]
    function_words = [w for w in frequent if w in reference_forms]
    assert len(function_words) >= top // 5, "the reference list should recognise function words in news"
    missed = [w for w in function_words if w not in stopwords()]
    covered = 1 - len(missed) / len(function_words)
    ours_only = [w for w in frequent if w in stopwords() and w not in reference_forms]
    print(f"top {top}: {len(function_words)} function words, covered {covered:.1%}")
    print(f"  missed {missed}\n  ours only {ours_only}")
    assert covered >= minimum, f"missed {missed}"


def test_removes_as_much_running_news_text_as_the_reference(news_counts, reference_forms):
    """The share of news tokens the list removes, against a list 20x its size."""
    total = sum(news_counts.values())
    ours = sum(n for w, n in news_counts.items() if w in stopwords()) / total
    reference = sum(n for w, n in news_counts.items() if w in reference_forms) / total
    print(f"{total} tokens: our {len(stopwords())} forms cover {ours:.1%},", end=" ")
    print(f"the reference's {len(reference_forms)} forms cover {reference:.1%}")
    assert ours >= 0.9 * reference
