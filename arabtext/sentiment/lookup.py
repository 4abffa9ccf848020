"""How a word of a text finds its lexicon entry: as written, without clitics, stretched letters or inflection.

Tweets write حلوووو, والنجاح, هيفشلوا; the lexicon lists حلو, نجاح, فشل. The
candidates are tried in order, most literal first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from arabtext.text.clitics import CONJUNCTIONS, PRONOUN_SUFFIXES, light_stem, segment

# a letter written three or more times in a row (حلوووو): tweets stretch words
_ELONGATED = re.compile(r"(.)\1{2,}")

_LAUGHTER = re.compile(r"[هخ]{3,}|(?:ها){2,}")

# Egyptian and Levantine negation wraps the word: ما عجبنيش → ماعجبنيش، مبحبش
_CIRCUMFIX = re.compile(r"(?:ما|م)(.{2,})ش")

# the vocative يا is often glued to its noun in tweets: ياحلو، ياكلاب
_VOCATIVE = "يا"


def _candidates(word: str) -> Iterator[tuple[str, str]]:
    """Lexicon keys to try for a normalized word, most literal first, with how each was made."""
    yield word, ""
    if _LAUGHTER.fullmatch(word):
        yield "ههه", "laughter"
    forms = [(word, "")]
    if _ELONGATED.search(word):
        forms += [(_ELONGATED.sub(r"\1", word), "elongated"), (_ELONGATED.sub(r"\1\1", word), "elongated")]
        yield from forms[1:]
    for form, note in forms:
        sep = ", " if note else ""
        # informal spelling writes ta marbuta as ha: حلوه = حلوة
        if form.endswith("ه"):
            yield form[:-1] + "ة", f"{note}{sep}ه for ة"
        segments = segment(form, restore_alef=True)
        stem = light_stem(form)
        if stem != form:
            yield stem, f"{note}{sep}clitics"
            if stem.endswith(("ه", "ت")):
                yield stem[:-1] + "ة", f"{note}{sep}clitics"  # حكومتها → حكومت → حكومة
        if "ال" in segments[:-1]:
            continue  # a word with the article takes no pronoun suffix and is no construct (الأمني)
        # a word takes one pronoun suffix: when segment() took it off, the stem keeps
        # the rest (مملكه → مملك, not ممل + ك + ه)
        bases = [form] if segments[-1] in PRONOUN_SUFFIXES else [form, stem]
        if form.startswith(_VOCATIVE) and len(form) >= len(_VOCATIVE) + 3:
            bases.append(form[len(_VOCATIVE) :])
            yield bases[-1], f"{note}{sep}يا glued"
            if bases[-1].endswith("ه"):
                yield bases[-1][:-1] + "ة", f"{note}{sep}يا glued, ه for ة"
        for base in dict.fromkeys(bases):
            # segment() splits a pronoun only where it is sure; here the lexicon vouches
            # for what is left (أحبك، يعجبني، فرحتي)
            for suffix in PRONOUN_SUFFIXES:
                if base.endswith(suffix) and len(base) - len(suffix) >= 2:
                    rest = base[: -len(suffix)]
                    yield rest, f"{note}{sep}pronoun suffix"
                    if rest.endswith("ت"):
                        yield rest[:-1] + "ة", f"{note}{sep}pronoun suffix"
                    elif rest.endswith("ا"):
                        # final ى is written ا before a suffix: أحلاك = أحلى + ك، رضاه = رضى + ه
                        yield rest[:-1] + "ي", f"{note}{sep}pronoun suffix"
            # a masculine plural loses its ن before a noun: مجرمي داعش = مجرمين
            # (a plural of three letters or more: زي and شي are words of their own)
            if base.endswith(("ي", "و")) and len(base) >= 4:
                yield base + "ن", f"{note}{sep}construct plural"

# Last resort for a word the lexicon lacks: the lexicon lists lemmas and their common
# forms, so take off one inflectional ending and/or one imperfect prefix, and accept
# the result only if the lexicon lists it with a part of speech that takes that
# inflection (فاشلات → فاشلة adj, بيكرهوا → كره verb, but نادين ↛ ادين، بعيد ↛ عيد).
_ADJ, _NOMINAL, _VERB = frozenset({"adj"}), frozenset({"adj", "noun"}), frozenset({"verb"})
_NOMINAL_ENDINGS = (
    ("يين", "ي", _ADJ), ("يون", "ي", _ADJ), ("ات", "ة", _NOMINAL), ("ات", "", _NOMINAL), ("ين", "", _ADJ),
    ("ون", "", _ADJ), ("ان", "", _NOMINAL), ("ية", "ي", _ADJ), ("ة", "", _ADJ), ("ه", "", _ADJ),
    ("ي", "", _NOMINAL), ("ا", "", _NOMINAL),
)  # fmt: skip

_VERB_ENDINGS = ("وا", "تم", "تو", "تي", "نا", "ون", "ين", "ت", "و", "ي", "ا", "ن")

# the imperfect's person prefixes, with the dialect ب (بيحب، بحب) and future س / ه (هيفشل);
# not the future ح: حي، حت start too many nouns (حياة)
_VERB_PREFIXES = ("بي", "بت", "بن", "هي", "هت", "هن", "سي", "ست", "سن", "ي", "ت", "ن", "ا", "ب")

_MIN_LEMMA = 3


def _inflections(word: str, verbs: bool) -> Iterator[tuple[str, frozenset[str]]]:
    """(shorter form, the parts of speech it may be) for ``word``: an ending off, a prefix off, then both."""

    def fits(stem: str, ending: str, replacement: str = "") -> bool:
        return stem.endswith(ending) and len(stem) - len(ending) + len(replacement) >= _MIN_LEMMA

    for ending, replacement, pos in _NOMINAL_ENDINGS:
        if fits(word, ending, replacement):
            yield word[: -len(ending)] + replacement, pos
    if not verbs:
        return
    for ending in _VERB_ENDINGS:
        if fits(word, ending):
            yield word[: -len(ending)], _VERB
    for prefix in _VERB_PREFIXES:
        rest = word[len(prefix) :]
        # one letter off a four-letter word leaves too many accidental verbs (نساء ↛ ساء)
        if not word.startswith(prefix) or len(rest) < _MIN_LEMMA + (len(prefix) == 1):
            continue
        # after a person prefix an alef is the root's hamza, so the lemma has three letters
        # (ياخذوا → اخذ); a longer one has a person prefix of its own (نادين ↛ ادين)
        hamza = rest[0] == "ا"
        # derived forms keep their alef in the perfect: ينتصر → انتصر، يستغل → استغل
        for stem in (rest, "ا" + rest) if rest[0] in "نست" else (rest,):
            lemmas = [stem] + [stem[: -len(ending)] for ending in _VERB_ENDINGS if fits(stem, ending)]
            for lemma in lemmas:
                if not hamza or len(lemma) == _MIN_LEMMA:
                    yield lemma, _VERB
            # the lexicon lists many verbs in the third person: بتخزي، تجنن → يخزي، يجنن
            if prefix != "ي" and not hamza and rest[0] not in "اي":
                for lemma in lemmas:
                    yield "ي" + lemma, _VERB


def _first_forms(word: str) -> tuple[str, ...]:
    """The first word of a phrase as written and without a leading و / ف (والحمد لله)."""
    head = segment(word)[0]
    if head in CONJUNCTIONS and len(word) > len(head) + 1:
        return (word, word[len(head) :])
    return (word,)
