"""The lemmatizer: paradigms, plurals, feminines, clitic stacks, names, idempotence, and its accuracy on UD PUD."""

import gzip
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabtext as at
from arabtext.text.lemmatizer import lemma_words, lemmas, lemmatize

ROOT = Path(__file__).parents[2]
ARTICLE = (ROOT / "corpus" / "sputnik-iraq-escalation.txt").read_text(encoding="utf-8")
PUD = ROOT.parent / "shared" / "data" / "lemma_ud_pud" / "ar_pud_dev.conllu"


@pytest.mark.parametrize("lemma, forms", [
    # a hollow verb: its stem changes (قال، قل، قول، قيل)
    ("قال", "قال قالت قالوا قلت قلنا يقول تقول يقولون سيقولون"),
    ("كتب", "كتب كتبت كتبوا يكتب يكتبون تكتبين سيكتبونها وسيكتبونها كتبوها"),
    # a defective verb: its last letter changes (رمى، رموا، يرمي)
    ("رمي", "رمى رموا يرمي"),
    ("دعا", "دعا دعت يدعو"),
    ("اجتمع", "اجتمع اجتمعوا يجتمعون سيجتمعون"),
    ("استخدم", "استخدم استخدموا يستخدم تستخدم"),
])
def test_every_form_of_a_verb_goes_to_its_past_third_person_singular(lemma, forms):
    assert {w: lemmatize(w) for w in forms.split()} == {w: lemma for w in forms.split()}


@pytest.mark.parametrize("word, lemma", [
    ("حقائب", "حقيبة"), ("الوزراء", "وزير"), ("مدارس", "مدرسة"), ("دول", "دولة"),
    ("المدن", "مدينة"), ("رجال", "رجل"), ("الكتب", "كتاب"), ("البلدان", "بلد"),
])
def test_a_broken_plural_goes_to_its_singular(word, lemma):
    assert lemmatize(word) == lemma


@pytest.mark.parametrize("word, lemma", [
    ("الحكومات", "حكومة"), ("قوات", "قوة"), ("المعلمون", "معلم"), ("المعلمين", "معلم"), ("المعلمتان", "معلم"),
])
def test_sound_plurals_and_duals_go_to_the_singular(word, lemma):
    assert lemmatize(word) == lemma


@pytest.mark.parametrize("word, lemma", [
    ("كبيرة", "كبير"), ("الجديدة", "جديد"), ("الأمريكية", "امريكي"),
    ("الكبرى", "اكبر"), ("العظمى", "اعظم"), ("أخرى", "اخر"), ("الأولى", "اول"),
])
def test_feminine_adjectives_go_to_the_masculine(word, lemma):
    assert lemmatize(word) == lemma


def test_a_relative_adjective_is_not_taken_for_an_elative():
    # علمي is علم + ي, not the feminine of أعلم
    assert lemmatize("العلمي") == "علمي"


@pytest.mark.parametrize("word, lemma", [
    ("وسيكتبونها", "كتب"), ("وبالحكومة", "حكومة"), ("فقالوا", "قال"), ("للقوات", "قوة"),
    ("حكومتها", "حكومة"), ("بالحكومة", "حكومة"), ("وعليه", "علي"), ("منها", "من"),
])
def test_clitic_stacks_come_off(word, lemma):
    assert lemmatize(word) == lemma


@pytest.mark.parametrize("word", ["بغداد", "واشنطن", "سبوتنيك", "ترامب"])
def test_names_are_left_alone(word):
    assert lemmatize(word) == word


@pytest.mark.parametrize("word", ["في", "التي", "الذي", "من", "كل", "لكن", "قد"])
def test_function_words_are_their_own_lemma(word):
    assert lemmatize(word) == word


def test_an_imperative_goes_to_its_verb():
    assert [lemmatize(w) for w in ("قل", "فقل", "اكتبوا", "انظروا")] == ["قال", "قال", "كتب", "نظر"]


def test_copulas_and_modals_are_verbs():
    assert [lemmatize(w) for w in ("كانت", "وكانت", "يمكن")] == ["كان", "كان", "امكن"]


@pytest.mark.parametrize("text", ["2024", "abc", "", "   ", "؟"])
def test_what_is_not_an_arabic_word_comes_back_normalized(text):
    assert lemmatize(text) == at.normalize(text)


def test_the_answer_is_in_the_default_normalized_form():
    assert lemmatize("أُعلِنَتْ") == lemmatize("اعلنت") == "اعلن"


def test_lemmas_is_aligned_with_tokenize():
    text = "قالت الحكومةُ في بيانٍ إن 3 وزراء سيجتمعون غداً، وأكدت ذلك."
    words = at.tokenize(text)
    assert len(lemmas(text)) == len(words)
    assert lemmas(text) == ["قال", "حكومة", "في", "بيان", "ان", "وزير", "اجتمع", "غدا", "اكد", "ذلك"]


def test_lemma_words_leaves_numbers_and_latin_as_they_are():
    assert lemma_words(["الوزراء", "2024", "Trump"]) == ["وزير", "2024", "Trump"]


ARABIC_WORDS = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويةءؤئى", min_size=1, max_size=9)


@settings(max_examples=400, deadline=None)
@given(ARABIC_WORDS)
def test_the_lemma_of_a_lemma_is_itself(word):
    once = lemmatize(word)
    assert lemmatize(once) == once


def test_the_lemma_of_a_lemma_is_itself_on_every_word_of_the_article():
    words = set(at.tokenize(ARTICLE))
    assert {w for w in words if lemmatize(lemmatize(w)) != lemmatize(w)} == set()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_no_crash_on_any_unicode(text):
    assert isinstance(lemmatize(text), str)
    assert len(lemmas(text)) == len(at.tokenize(text))


def test_the_article_merges_its_spellings():
    counts = at.freq_table(ARTICLE, unit="lemma").set_index("lemma")
    assert counts.loc["قوة", "count"] >= 8  # القوات، قوات، بقوة
    assert "القوات" in counts.loc["قوة", "forms"]


def test_importing_arabtext_does_not_load_the_lexicon():
    code = "import sys, arabtext; print('arabtext.text.lemmatizer' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_the_lexicon_says_where_it_comes_from():
    data = ROOT / "arabtext" / "text" / "data"
    provenance = (data / "LEMMA_LEXICON.md").read_text(encoding="utf-8")
    assert "arramooz-pysqlite" in provenance and "libqutrub" in provenance and "GPL" in provenance
    with gzip.open(data / "lemma_lexicon.tsv.gz", "rt", encoding="utf-8") as lexicon:
        assert lexicon.readline().startswith("# built by scripts/build_lemma_lexicon.py")


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_lemmas", ROOT / "scripts" / "eval_lemmas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not PUD.exists(), reason=f"the UD PUD development half is not at {PUD}")
def test_accuracy_on_the_ud_pud_development_half():
    words = _scorer().read_words(PUD)
    right = {"NOUN": [], "VERB": [], "ADJ": []}
    for word, gold, pos in words:
        right[pos].append(lemmatize(word) == at.normalize(gold))
    every = [r for rs in right.values() for r in rs]
    assert len(every) > 4000
    assert sum(every) / len(every) >= 0.85
    for pos, rs in right.items():
        assert sum(rs) / len(rs) >= 0.80, pos


def test_the_scorer_glues_clitics_to_their_host(tmp_path):
    conllu = tmp_path / "x.conllu"
    conllu.write_text(
        "# text = وقالت الحكومة.\n"
        "1\tو\tوَ\tCCONJ\tCC\t_\t2\tcc\t_\tSpaceAfter=No\n"
        "2\tقالت\tقال\tVERB\tVBC\t_\t0\troot\t_\t_\n"
        "3\tالحكومة\tحُكُومَة\tNOUN\tNN\t_\t2\tnsubj\t_\tSpaceAfter=No\n"
        "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
        encoding="utf-8",
    )
    assert _scorer().read_words(conllu) == [("وقالت", "قال", "VERB"), ("الحكومة", "حُكُومَة", "NOUN")]
