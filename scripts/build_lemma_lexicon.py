"""Build ``arabtext/text/data/lemma_lexicon.tsv.gz``, the lexicon of ``arabtext.lemmatize``.

The source is Arramooz (Taha Zerrouki's Arabic dictionary, GPL, the one
qalsadi uses) as the pip package ``arramooz-pysqlite`` 0.4.2: 30,215 noun
and adjective entries (with the singular of each broken plural and the
masculine of each فعلاء adjective), 13,942 verbs and a word frequency list
of 37,714 words. Verbs are conjugated by Qutrub (``libqutrub`` 1.2.4.1, GPL,
same author) in every tense, mood, voice and person, and each form is cut
into person affixes and a stem, so the table lists stems, not the 270,669 distinct
past and imperfect forms (unvocalized). Everything is stored in the default normalized form.

Neither package is a dependency of arabtext: only this script needs them::

    .venv/bin/python -m pip install --no-deps arramooz-pysqlite==0.4.2 libqutrub==1.2.4.1
    .venv/bin/python scripts/build_lemma_lexicon.py

Rows are ``kind<TAB>form<TAB>lemma<TAB>frequency``; the kinds are listed in
``KINDS`` below and read by ``arabtext/text/lemmatizer.py``.
"""
from __future__ import annotations

import argparse
import gzip
import math
import os
import re
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import arabtext as at  # noqa: E402

OUT = ROOT / "arabtext" / "text" / "data" / "lemma_lexicon.tsv.gz"

KINDS = {
    "N": "a noun (or any non-verb) in its dictionary form",
    "A": "an adjective or participle in its dictionary (masculine singular) form",
    "P": "a broken plural (or other irregular form) and its singular",
    "V": "a past-tense stem (قال of قالوا، قل of قلت) and its verb",
    "I": "an imperfect stem (قول of يقولون، قل of يقل) and its verb",
    "M": "an imperative stem (قل، قول of قولوا) and its verb",
    "F": "a function word (preposition, pronoun, particle, conjunction): its own lemma",
}

# word types of the frequency list that are closed classes
FUNCTION_TYPES = {"prep", "conj", "conj_sub", "pron", "pron_dem", "pron_rel", "pron_interrog", "pron_exclam",
                  "part", "part_neg", "part_voc", "part_restrict", "part_interrog", "part_focus", "part_fut",
                  "part_verb", "adv_rel", "adv_interrog", "verb_pseudo", "interj", "noun_quant"}

ADJECTIVE_TYPES = {"فاعل", "مفعول", "صفة مشبهة", "منسوب", "صفة", "صيغة مبالغة", "اسم تفضيل"}

# person -> (prefix, suffixes) of the unvocalized, normalized form; the
# suffix list covers the indicative (ين ان ون) and the other moods (ي ا وا)
PAST = {"أنا": "ت", "أنت": "ت", "أنتِ": "ت", "هو": "", "هي": "ت", "أنتما": "تما", "أنتما مؤ": "تما",
        "هما": "ا", "هما مؤ": "تا", "نحن": "نا", "أنتم": "تم", "أنتن": "تن", "هم": "وا", "هن": "ن"}
IMPERFECT = {"أنا": ("ا", [""]), "أنت": ("ت", [""]), "أنتِ": ("ت", ["ين", "ي"]), "هو": ("ي", [""]),
             "هي": ("ت", [""]), "أنتما": ("ت", ["ان", "ا"]), "أنتما مؤ": ("ت", ["ان", "ا"]),
             "هما": ("ي", ["ان", "ا"]), "هما مؤ": ("ت", ["ان", "ا"]), "نحن": ("ن", [""]),
             "أنتم": ("ت", ["ون", "وا"]), "أنتن": ("ت", ["ن"]), "هم": ("ي", ["ون", "وا"]), "هن": ("ي", ["ن"])}
IMPERATIVE = {"أنت": "", "أنتِ": "ي", "أنتما": "ا", "أنتما مؤ": "ا", "أنتم": "وا", "أنتن": "ن"}
FUTURE_TYPES = {"فتحة", "ضمة", "كسرة"}


def norm(word: str) -> str:
    return at.normalize(word).strip()


def is_word(form: str) -> bool:
    return bool(re.fullmatch(r"[\u0621-\u064a]{2,}", form))


def frequencies(db: Path) -> tuple[dict[str, int], dict[str, int], list[str], set[str]]:
    """Noun and verb frequencies by normalized word, the verbs of the list (vocalized), its function words."""
    nouns: dict[str, int] = defaultdict(int)
    verbs: dict[str, int] = defaultdict(int)
    verb_rows: list[str] = []
    function: set[str] = set()
    with sqlite3.connect(db) as con:
        for vocalized, word_type, freq in con.execute("select vocalized, word_type, freq from wordfreq"):
            word = norm(vocalized)
            if word_type == "verb":
                verbs[word] = max(verbs[word], freq)
                verb_rows.append(vocalized)
            elif word_type in FUNCTION_TYPES:
                function.add(word)
            else:
                nouns[word] = max(nouns[word], freq)
    return nouns, verbs, verb_rows, function


def noun_rows(db: Path, freq: dict[str, int]) -> set[tuple[str, str, str]]:
    rows: set[tuple[str, str, str]] = set()
    with sqlite3.connect(db) as con:
        query = "select vocalized, wordtype, number, single, broken_plural, masculin from nouns"
        for vocalized, wordtype, number, single, plural, masculine in con.execute(query):
            word = norm(vocalized)
            if not is_word(word):
                continue
            if number.startswith("جمع"):
                if single and is_word(norm(single)):
                    rows.add(("P", word, norm(single)))
                continue
            adjective = wordtype.split(":")[0] in ADJECTIVE_TYPES or wordtype.split(":")[-1] in ADJECTIVE_TYPES
            if masculine and is_word(norm(masculine)):
                rows.add(("P", word, norm(masculine)))
                rows.add(("A", norm(masculine), norm(masculine)))
            else:
                rows.add(("A" if adjective else "N", word, word))
            for form in re.split(r"[;،,\s]+", plural):
                form = norm(form)
                if is_word(form) and form != word:
                    rows.add(("P", form, word))
    for word in freq:
        if is_word(word):
            rows.add(("N", word, word))
    return rows


def verb_rows(db: Path, listed: list[str]) -> tuple[set[tuple[str, str, str]], set[str]]:
    """Stem rows of every verb, and every past and imperfect form generated."""
    from libqutrub import conjugator

    with sqlite3.connect(db) as con:
        verbs = list(con.execute("select vocalized, future_type, transitive from verbs"))
    # the frequency list gives no vowel of the imperfect (always fatha): a
    # verb found only there is conjugated with all three (يكون، يبيع، ينام)
    known = {norm(vocalized) for vocalized, _, _ in verbs}
    verbs += [(vocalized, future, 1) for vocalized in listed if norm(vocalized) not in known
              for future in sorted(FUTURE_TYPES)]
    rows: set[tuple[str, str, str]] = set()
    generated: set[str] = set()
    done: set[tuple[str, str]] = set()
    for vocalized, future, transitive in verbs:
        if (vocalized, future) in done:
            continue
        done.add((vocalized, future))
        lemma = norm(vocalized)
        if not is_word(lemma):
            continue
        try:
            table = conjugator.conjugate(vocalized, future, alltense=True, transitive=bool(transitive),
                                         display_format="DICT")
        except Exception:  # Qutrub rejects some entries (not a valid verb); the verb is simply left out
            continue
        if not isinstance(table, dict):
            continue
        for tense, forms in table.items():
            if "المؤكد" in tense:  # the energetic (يكتبنّ) is rare enough in prose to leave out
                continue
            for person, form in forms.items():
                form = norm(form)
                if not form:
                    continue
                if not tense.startswith("الأمر"):  # في is also the imperative of وفى
                    generated.add(form)
                for kind, prefix, suffix in cuts(tense, person):
                    if form.startswith(prefix) and form.endswith(suffix) and len(form) > len(prefix) + len(suffix):
                        rows.add((kind, form[len(prefix):len(form) - len(suffix)], lemma))
                        break
    return rows, generated


def cuts(tense: str, person: str) -> list[tuple[str, str, str]]:
    if tense.startswith("الماضي"):
        return [("V", "", PAST[person])] if person in PAST else []
    if tense.startswith("المضارع"):
        prefix, suffixes = IMPERFECT.get(person, ("", []))
        return [("I", prefix, s) for s in suffixes]
    if tense.startswith("الأمر"):
        return [("M", "", IMPERATIVE[person])] if person in IMPERATIVE else []
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    try:
        import arramooz
    except ImportError:
        print("needs arramooz-pysqlite and libqutrub: see this script's docstring")
        return 1
    data = Path(os.path.dirname(arramooz.__file__)) / "data"
    noun_freq, verb_freq, listed, function = frequencies(data / "wordfreq.sqlite")
    verbs, generated = verb_rows(data / "arabicdictionary.sqlite", listed)
    rows = noun_rows(data / "arabicdictionary.sqlite", noun_freq) | verbs
    # function words: the closed classes of the frequency list, and arabtext's
    # own stop words that are one word (not وفي، عليه) and no form of a verb
    # (كانت، يمكن، تم are left to the verb analysis)
    function |= {word for word in at.stopwords() if at.segment(word) == [word] and word not in generated}
    rows |= {("F", word, word) for word in function if is_word(word)}
    lines = []
    for kind, form, lemma in sorted(rows):
        freq = (verb_freq if kind in "VIM" else noun_freq).get(lemma, 0)
        lines.append(f"{kind}\t{form}\t{lemma}\t{round(math.log1p(freq), 1):g}")
    header = [f"# {k}: {v}" for k, v in KINDS.items()]
    header.insert(0, "# built by scripts/build_lemma_lexicon.py from Arramooz and Qutrub (GPL); see LEMMA_LEXICON.md")
    header.append("# the last column is ln(1 + frequency) of the lemma in Arramooz's word frequency list")
    # mtime=0: the same lexicon gives the same bytes, so a rebuild shows no change in git
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(header + lines) + "\n").encode("utf-8"))
    print(f"{args.out}: {len(lines):,} rows, {args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
