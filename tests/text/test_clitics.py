import csv
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabtext import chars
from arabtext.text.normalization import normalize
from arabtext.text.clitics import light_stem, segment, segment_text

ROOT = Path(__file__).parents[2]
GOLD = Path(__file__).parents[1] / "data" / "segment_gold.tsv"
WIKINEWS = Path("/work/shared/data/seg_wikinews_farasa")
ARTICLE = (ROOT / "corpus" / "sputnik-iraq-escalation.txt").read_text(encoding="utf-8")


def read_gold():
    with open(GOLD, encoding="utf-8", newline="") as f:
        return [(row["word"], row["segmentation"].split("+")) for row in csv.DictReader(f, delimiter="\t")]


def load_eval_script():
    spec = importlib.util.spec_from_file_location("eval_segment", ROOT / "scripts" / "eval_segment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the examples and the guards ------------------------------------------


def test_stacked_proclitics():
    assert segment("وبالقوات") == ["و", "ب", "ال", "قوات"]
    assert segment("فالحكومة") == ["ف", "ال", "حكومة"]
    assert segment("كالعادة") == ["ك", "ال", "عادة"]
    assert segment("وسيكون") == ["و", "س", "يكون"]


def test_lam_before_the_article_keeps_its_written_form():
    assert segment("للقوات") == ["ل", "ل", "قوات"]
    assert segment("وللمقاومة") == ["و", "ل", "ل", "مقاومة"]
    assert segment("للقوات", restore_alef=True) == ["ل", "ال", "قوات"]
    assert segment("وللمقاومة", restore_alef=True) == ["و", "ل", "ال", "مقاومة"]
    # a diacritized article gets its alef back in front of its own marks
    assert segment("لِلْمَرَّةِ", restore_alef=True) == ["لِ", "الْ", "مَرَّةِ"]
    # without the elided article nothing is restored
    assert segment("لهذا", restore_alef=True) == ["ل", "هذا"]


@pytest.mark.parametrize("word", ["وصل", "بلد", "الله", "ليس", "كتب", "وزير", "فريق", "بيان", "لجنة", "كان", "سنة", "واحد", "لاعب"])
def test_lexical_words_stay_whole(word):
    assert segment(word) == [word]
    assert light_stem(word) == word


def test_clitics_come_off_lexical_words():
    assert segment("ووزير") == ["و", "وزير"]
    assert segment("بلاده") == ["بلاد", "ه"]
    assert segment("وبيانها") == ["و", "بيان", "ها"]


def test_short_function_words_after_a_clitic():
    assert segment("وهو") == ["و", "هو"]
    assert segment("وفي") == ["و", "في"]
    assert segment("بما") == ["ب", "ما"]
    assert segment("فإن") == ["ف", "إن"]
    assert segment("والذي") == ["و", "الذي"]


def test_pronoun_suffixes():
    assert segment("حكومتها") == ["حكومت", "ها"]
    assert segment("موقفهم") == ["موقف", "هم"]
    assert segment("عملياتنا") == ["عمليات", "نا"]
    assert segment("حياتك") == ["حيات", "ك"]
    assert segment("فيه") == ["في", "ه"]
    assert segment("إنني") == ["إن", "ني"]


def test_a_preposition_with_only_a_pronoun_is_its_own_stem():
    assert segment("لها") == ["ل", "ها"] and light_stem("لها") == "ل"
    assert segment("لهم") == ["ل", "هم"] and light_stem("لهم") == "ل"
    assert segment("بي") == ["ب", "ي"]


def test_suffix_lookalikes_stay():
    for word in ["اتجاه", "مهم", "تفاهم", "يمكن", "حكم", "ملك", "عراقي", "يعني", "هنا", "أحيانا", "مكانا"]:
        assert segment(word) == [word], word


def test_article_rules():
    # a definite noun takes no pronoun: الوجه is not ال + وج + ه
    assert segment("الوجه") == ["ال", "وجه"]
    # two letters after the article are enough, one is not
    assert segment("الحق") == ["ال", "حق"]
    assert segment("الى") == ["الى"]
    # إلى starts with a hamza, not the article
    assert segment("إلى") == ["إلى"]


def test_future_particle_only_before_an_imperfect_verb():
    assert segment("ستكون") == ["س", "تكون"]
    assert segment("سنوات") == ["سنوات"]
    assert segment("سيارة") == ["سيارة"]


def test_tashkeel_stays_with_its_letter():
    assert segment("وَبِالقُوّاتِ") == ["وَ", "بِ", "ال", "قُوّاتِ"]
    assert segment("كِتابُهُ") == ["كِتابُ", "هُ"]
    assert light_stem("سَيَكُونُ") == "يَكُونُ"


def test_tatweel_and_invisible_controls_do_not_change_the_analysis():
    assert segment("والـحكومة") == ["و", "الـ", "حكومة"]
    assert segment("وبال\u200fقوات") == ["و", "ب", "ال\u200f", "قوات"]


def test_persian_letters_and_alef_wasla_are_read_as_arabic():
    assert segment("وٱلكتاب") == ["و", "ٱل", "كتاب"]
    assert segment("وکتاب") == ["و", "کتاب"]  # keheh, as typed on a Persian keyboard


def test_normalized_words():
    assert segment(normalize("وبالأمس")) == ["و", "ب", "ال", "امس"]
    assert segment(normalize("لأنه")) == ["ل", "ان", "ه"]


def test_strings_that_are_not_one_arabic_word_come_back_whole():
    for text in ["k1", "2024", "وk1", "و قال", "لـ"]:
        assert segment(text) == [text]
    assert segment("") == []
    assert light_stem("") == ""


def test_light_stem():
    assert light_stem("وبالقوات") == "قوات"
    assert light_stem("حكومتها") == "حكومت"
    assert light_stem("للمرة") == "مرة"
    assert light_stem("وبيانها") == "بيان"


def test_segment_returns_a_fresh_list():
    first = segment("وبالقوات")
    first.append("x")
    assert segment("وبالقوات") == ["و", "ب", "ال", "قوات"]


def test_segment_text_segments_word_tokens_only():
    assert segment_text("وقال لهم: «سنعود» في 2025، k1.") == [["و", "قال"], ["ل", "هم"], ["س", "نعود"], ["في"]]
    assert segment_text("") == []


def test_segment_text_on_the_bundled_article():
    words = segment_text(ARTICLE)
    assert ["و", "قال"] in words
    assert ["ب", "ال", "عراق"] in words
    assert ["ل", "ل", "مقاومة"] in words
    # every word is segmented into slices of itself
    assert all(segments and "".join(segments) for segments in words)


# --- the gold file ----------------------------------------------------------------


def test_gold_file_is_well_formed():
    rows = read_gold()
    assert len(rows) >= 250
    words = [w for w, _ in rows]
    assert len(set(words)) == len(words), "duplicate words in the gold file"
    for word, segments in rows:
        assert "".join(segments) == word, f"{GOLD}: {word} is not the join of its segments"


def test_accuracy_on_own_gold():
    rows = read_gold()
    wrong = [(w, gold, segment(w)) for w, gold in rows if segment(w) != gold]
    accuracy = 1 - len(wrong) / len(rows)
    assert accuracy >= 0.95, f"accuracy {accuracy:.1%}; errors: {wrong[:20]}"


def test_accuracy_on_own_gold_after_normalization():
    # normalization maps letters one to one, so the gold's segment lengths still apply
    rows = read_gold()
    correct = sum([len(s) for s in segment(normalize(w))] == [len(s) for s in gold] for w, gold in rows)
    assert correct / len(rows) >= 0.93


# --- properties -------------------------------------------------------------------

MARKS = chars.HARAKAT_SHADDA + chars.TATWEEL
arabic_word = st.text(alphabet=chars.LETTERS * 3 + MARKS, min_size=1, max_size=14)
clitic_word = st.tuples(
    st.sampled_from(["", "و", "ف", "وب", "ل", "بال", "وال", "لل", "فلل", "س", "وس", "كال"]),
    arabic_word,
    st.sampled_from(["", "ه", "ها", "هم", "هما", "نا", "ك", "كم", "ي", "ني"]),
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=20), arabic_word, clitic_word))
def test_segments_are_nonempty_slices_that_join_back(word):
    segments = segment(word)
    assert "".join(segments) == word
    assert all(segments)
    assert len(segments) <= 5  # at most three proclitics, a stem and a suffix


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=20), arabic_word, clitic_word))
def test_light_stem_is_one_of_the_segments(word):
    stem = light_stem(word)
    assert stem in word
    if word:
        assert stem in segment(word)


@settings(max_examples=200, deadline=None)
@given(clitic_word)
def test_restore_alef_changes_at_most_the_article(word):
    plain, restored = segment(word), segment(word, restore_alef=True)
    assert len(plain) == len(restored)
    changed = [(p, r) for p, r in zip(plain, restored) if p != r]
    assert all(r == "ا" + p for p, r in changed) and len(changed) <= 1


@settings(max_examples=300, deadline=None)
@given(arabic_word)
def test_tashkeel_does_not_change_where_the_cuts_fall(word):
    bare = "".join(ch for ch in word if ch not in MARKS)
    stripped = ["".join(ch for ch in s if ch not in MARKS) for s in segment(word)]
    assert [s for s in stripped if s] == segment(bare)


# --- module hygiene and the WikiNews evaluation -------------------------------------


def test_segment_imports_no_heavy_libraries():
    code = "import sys, arabtext.text.clitics; print(sorted({'numpy', 'pandas', 'matplotlib'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_clitic_level_mapping_of_the_gold_standard():
    clitic_level = load_eval_script().clitic_level
    assert clitic_level("وللترشيحات", "و+ل+ال+ترشيح+ات", "CONJ+PREP+DET+NOUN+NSUFF") == (["و", "ل", "ل"], ["ترشيحات"], [])
    assert clitic_level("أعلنتها", "أعلن+ت+ها", "V+PRON+PRON") == ([], ["أعلنت"], ["ها"])
    assert clitic_level("أعلنت", "أعلن+ت", "V+PRON") == ([], ["أعلنت"], [])
    assert clitic_level("له", "ل+ه", "PREP+PRON") == (["ل"], [], ["ه"])
    assert clitic_level("كنا", "كن+نا", "V+PRON") == ([], ["كنا"], [])
    assert clitic_level("للغة", "ل+ال+لغة", "PREP+DET+NOUN") == (["ل"], ["لغة"], [])


def test_eval_script_exits_clearly_without_data(tmp_path):
    with pytest.raises(SystemExit) as exc:
        load_eval_script().main(["--data", str(tmp_path)])
    assert "not found" in str(exc.value) and str(tmp_path) in str(exc.value)


@pytest.mark.skipif(not WIKINEWS.is_dir(), reason=f"WikiNews gold standard not available at {WIKINEWS}")
def test_accuracy_on_wikinews():
    script = load_eval_script()
    with pytest.warns(UserWarning, match="malformed row"):
        rows, _ = script.load_gold(WIKINEWS)
    correct, _, _ = script.evaluate(rows, normalized=False)
    assert len(rows) > 15000
    assert correct / len(rows) >= 0.95
