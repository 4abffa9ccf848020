"""Lemmas: the dictionary form of an Arabic word, with no download.

One written Arabic word packs clitics and inflection together, so surface
counts split one word into many spellings: الحكومة، حكومتها، بالحكومة are
one noun, قال and يقولون one verb, حقائب the plural of حقيبة. ``lemmatize``
maps each to the form a dictionary lists:

>>> lemmatize("بالحكومة"), lemmatize("يقولون"), lemmatize("حقائب")
('حكومة', 'قال', 'حقيبة')

How a word is analysed:

1. Its clitics are split off every way the rules of ``segment`` allow
   (و ف, then ب ك ل or the future س, then ال; a pronoun suffix at the end).
2. What is left is read as a noun or adjective (with a sound plural, dual or
   feminine ending taken off, ة written ت before a suffix put back, a broken
   plural looked up) and as a verb (the person prefix and suffix of each
   tense taken off, the stem looked up), in a lexicon derived from Arramooz
   and Qutrub (``scripts/build_lemma_lexicon.py``; data/LEMMA_LEXICON.md).
3. Each reading that reaches the lexicon is scored by how common its lemma
   is and how much had to be taken off; the split ``segment`` itself chose
   is preferred. A word no reading explains (a name, a foreign word) comes
   back as its light stem, never as an invented form.

The lemma of a lemma is itself: the analysis is repeated on its own answer
until it stops changing. Adjectives come back masculine singular (كبيرة →
كبير), verbs as the 3rd person masculine singular perfect, everything in
the default normalized form (hamza seats as bare alef, ى as ي). Results are
cached per distinct word, so a corpus costs per type, not per token; the
lexicon (97,497 rows, 0.17 s) loads on the first call, not on ``import arabtext``.
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from arabtext.text.clitics import light_stem
from arabtext.text.normalization import normalize
from arabtext.text.tokenizer import tokenize

_DATA = Path(__file__).with_name("data") / "lemma_lexicon.tsv.gz"

_CONJUNCTIONS = ("", "و", "ف")
_PARTICLES = ("", "ب", "ك", "ل", "س")
_PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا")
_VERB_ONLY_PRONOUNS = frozenset(("ني",))

# ending -> what replaces it, tried on a noun or adjective stem
_NOUN_ENDINGS = (
    ("", ""), ("ا", ""), ("ات", "ة"), ("ات", ""), ("ون", ""), ("ين", ""), ("ان", ""), ("تان", "ة"), ("تين", "ة"),
)
# before a pronoun suffix ة is written ت and the plural/dual ن falls (معلمو المدرسة، حكومتها)
# and a final hamza sits on و or ي (ارتداؤه، ارتدائه → ارتداء)
_CONSTRUCT_ENDINGS = (("ت", "ة"), ("و", ""), ("ي", ""), ("ا", ""), ("تا", "ة"), ("تي", "ة"), ("ؤ", "ء"), ("ئ", "ء"))

_PAST_SUFFIXES = ("", "ت", "تما", "تم", "تن", "ا", "تا", "نا", "وا", "ن")
_IMPERFECT_SUFFIXES = ("", "ين", "ي", "ان", "ا", "ون", "وا", "ن")
_IMPERATIVE_SUFFIXES = ("", "ي", "ا", "وا", "ن")
_PERSON_PREFIXES = frozenset("اتين")
_SELF_BONUS = 3.0
# a reading scored below this (a rare lemma, reached by taking much off) is
# less likely than a word the lexicon does not know: its light stem is returned
_FLOOR = 6.0
# above any noun reading: في is في, not ف + a form of يا
_FUNCTION_SCORE = 20.0


class _Lexicon(NamedTuple):
    nouns: dict[str, float]
    adjectives: dict[str, float]
    plurals: dict[str, tuple[str, ...]]
    past: dict[str, tuple[str, ...]]
    imperfect: dict[str, tuple[str, ...]]
    imperative: dict[str, tuple[str, ...]]
    verb_freq: dict[str, float]
    function: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    nouns: dict[str, float] = {}
    adjectives: dict[str, float] = {}
    verb_freq: dict[str, float] = {}
    function: set[str] = set()
    lists: dict[str, dict[str, list[str]]] = {kind: {} for kind in "PVIM"}
    with gzip.open(_DATA, "rt", encoding="utf-8") as rows:
        for row in rows:
            if row.startswith("#"):
                continue
            kind, form, lemma, freq = row.rstrip("\n").split("\t")
            if kind == "N":
                nouns[form] = float(freq)
            elif kind == "A":
                adjectives[form] = float(freq)
            elif kind == "F":
                function.add(form)
            else:
                lists[kind].setdefault(form, []).append(lemma)
                if kind != "P":
                    verb_freq[lemma] = float(freq)
    frozen = {kind: {form: tuple(lemmas) for form, lemmas in table.items()} for kind, table in lists.items()}
    return _Lexicon(nouns, adjectives, frozen["P"], frozen["V"], frozen["I"], frozen["M"], verb_freq, frozenset(function))


class _Split(NamedTuple):
    conjunction: str
    particle: str
    article: bool
    stem: str
    pronoun: str


def _splits(word: str) -> list[_Split]:
    """Every clitic split of ``word`` that leaves a stem of at least two letters."""
    found = []
    for conjunction in _CONJUNCTIONS:
        if not word.startswith(conjunction):
            continue
        rest = word[len(conjunction):]
        for particle in _PARTICLES:
            if not rest.startswith(particle):
                continue
            body = rest[len(particle):]
            articles = [(False, body)]
            if particle in ("", "ب", "ك") and body.startswith("ال"):
                articles.append((True, body[2:]))
            elif particle == "ل" and body.startswith("ل"):
                articles.append((True, body[1:]))  # ل + ال is written لل
            for article, core in articles:
                for pronoun in _PRONOUNS:
                    if pronoun and (article or not core.endswith(pronoun)):
                        continue
                    stem = core[: len(core) - len(pronoun)]
                    if len(stem) >= 2:
                        found.append(_Split(conjunction, particle, article, stem, pronoun))
    return found


def _noun_readings(stem: str, pronoun: str, lex: _Lexicon) -> list[tuple[str, float]]:
    """(lemma, how much it took) for each reading of ``stem`` as a noun or adjective."""
    readings = []
    endings = _CONSTRUCT_ENDINGS + _NOUN_ENDINGS[:1] if pronoun else _NOUN_ENDINGS
    for ending, replacement in endings:
        if not stem.endswith(ending):
            continue
        base = stem[: len(stem) - len(ending)] + replacement
        if ending and len(base) < 3:
            continue
        cost = 0.5 if ending else 0.0
        elative = _elative(base, lex)
        if elative:
            readings.append((elative, cost))
            continue
        listed = base in lex.nouns or base in lex.adjectives
        if listed:
            readings.append((base, cost))
        for singular in lex.plurals.get(base, ()):
            readings.append((singular, cost + (1.0 if listed else 0.25)))
        # a feminine adjective is listed under its masculine (كبيرة → كبير)
        if base.endswith("ة") and len(base) > 3:
            if base[:-1] in lex.adjectives:
                readings.append((base[:-1], cost))
            elif base[:-1] in lex.nouns:
                readings.append((base[:-1], cost + 0.25))
        # a relative adjective in ي need not be listed (تاريخي، الاجتماعية)
        if base.endswith("ية") and len(base) > 4:
            readings.append((base[:-1], cost + 1.0))
        elif base.endswith("ي") and len(base) > 3 and ending:
            readings.append((base, cost + 1.0))
    return readings


def _elative(word: str, lex: _Lexicon) -> str | None:
    """The elative whose feminine ``word`` is (كبرى → أكبر، أخرى → آخر), if it is one."""
    if len(word) != 4 or not word.endswith("ي"):
        return None
    if word[0] == "ا":  # آخر، أول are listed as nouns; only common ones (الذي is not الذ)
        elative = word[:-1]
        return elative if max(lex.adjectives.get(elative, 0.0), lex.nouns.get(elative, 0.0)) >= 10 else None
    # كبرى is أكبر, but علمي is علم + ي: the commoner word decides
    elative = "ا" + word[:-1]
    return elative if lex.nouns.get(word[:-1], -1.0) < lex.adjectives.get(elative, -1.0) else None


def _verb_readings(stem: str, pronoun: str, lex: _Lexicon, future: bool) -> list[tuple[str, float]]:
    # وا loses its alef before a pronoun suffix (قالوه)
    extra = ("و",) if pronoun else ()
    readings = []
    if not future:
        readings += _stem_readings(stem, lex.past, _PAST_SUFFIXES + extra, 0, (2, 2), (0.0, 0.25))
    if stem[0] in _PERSON_PREFIXES:
        readings += _stem_readings(stem, lex.imperfect, _IMPERFECT_SUFFIXES + extra, 1, (2, 3), (0.25, 0.25))
    # the imperative (قل، اكتبوا) is rare in prose: dearer than the other tenses
    if not future:
        readings += _stem_readings(stem, lex.imperative, _IMPERATIVE_SUFFIXES, 0, (2, 2), (0.75, 0.75))
    return readings


def _stem_readings(stem: str, table: dict[str, tuple[str, ...]], suffixes: tuple[str, ...], start: int,
                   shortest: tuple[int, int], costs: tuple[float, float]) -> list[tuple[str, float]]:
    """(verb, cost) for each suffix whose removal, and that of ``start`` prefix letters, leaves a stem of ``table``.

    ``shortest`` and ``costs`` are (without a suffix, with one): how long
    ``stem`` must be once the suffix is off, and what the reading costs.
    """
    found = []
    for suffix in suffixes:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= shortest[bool(suffix)]:
            found += [(lemma, costs[bool(suffix)]) for lemma in table.get(stem[start: len(stem) - len(suffix)], ())]
    return found


@lru_cache(maxsize=200_000)
def _ranked(word: str) -> tuple[str, ...]:
    """The lemmas of every reading of ``word`` that reaches the lexicon, best first.

    Cached: the same candidate lemma (قال) is checked for every word that may
    be one of its forms.
    """
    lex = _lexicon()
    chosen = light_stem(word)
    scores: dict[str, float] = {}
    for split in _splits(word):
        clitics = len(split.conjunction) + len(split.particle) + 2 * split.article + len(split.pronoun)
        penalty = 0.6 * (bool(split.conjunction) + bool(split.particle) + split.article + bool(split.pronoun))
        if split.stem == chosen or (split.pronoun and split.stem[:-1] + "ة" == chosen):
            penalty -= 0.75
        readings: list[tuple[str, float, float]] = []
        noun_only = split.article or split.particle in ("ب", "ك")
        verb_only = split.particle == "س" or split.pronoun in _VERB_ONLY_PRONOUNS
        if not verb_only:
            readings += [(lemma, cost, max(lex.nouns.get(lemma, 0.0), lex.adjectives.get(lemma, 0.0)))
                         for lemma, cost in _noun_readings(split.stem, split.pronoun, lex)]
        if not noun_only:
            readings += [(lemma, cost, lex.verb_freq.get(lemma, 0.0))
                         for lemma, cost in _verb_readings(split.stem, split.pronoun, lex, split.particle == "س")]
        # a function word takes only a conjunction or a pronoun, and only where
        # segment split them off (وفي، عليه; not ام + كن in امكن, ف + عل in فعل)
        if split.stem in lex.function and not (split.particle or split.article) and (
                split.stem == chosen or not (split.pronoun or split.conjunction)) and not _elative(split.stem, lex):
            readings.append((split.stem, 0.0, _FUNCTION_SCORE))
        for lemma, cost, freq in readings:
            # a word that is itself a dictionary form is most likely that form
            score = freq - 2.0 * (cost + penalty) - 0.01 * clitics + _SELF_BONUS * (lemma == split.stem == word)
            if score > scores.get(lemma, -1e9):
                scores[lemma] = score
    return tuple(sorted((lemma for lemma in scores if scores[lemma] >= _FLOOR), key=lambda lemma: (-scores[lemma], lemma)))


def _best(word: str) -> str:
    ranked = _ranked(word)
    return ranked[0] if ranked else light_stem(word)


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    # The lemma of a lemma must be itself: the best reading whose lemma reads
    # as itself wins; failing that, the analysis is repeated to a fixed point.
    for lemma in _ranked(word):
        if _best(lemma) == lemma:
            return lemma
    seen = [word]
    lemma = _best(word)
    while lemma not in seen:
        seen.append(lemma)
        lemma = _best(lemma)
    if lemma == seen[-1]:
        return lemma
    return min(seen[seen.index(lemma):])


def lemmatize(word: str) -> str:
    """The dictionary form of one Arabic word, in the default normalized form.

    Clitics come off, verbs go to the 3rd person masculine singular perfect,
    nouns and adjectives to the singular (masculine for adjectives) form a
    dictionary lists; a word the lexicon cannot explain comes back as its
    light stem. A string that is not one Arabic word comes back normalized.

    >>> lemmatize("وسيكتبونها"), lemmatize("الوزيرات"), lemmatize("كبيرة")
    ('كتب', 'وزير', 'كبير')
    """
    word = normalize(word)
    if not word.isalpha():
        return word
    return _lemma(word)


def lemma_words(words: list[str]) -> list[str]:
    """The lemma of each word of a token list (already normalized); tokens that are not words stay as they are.

    >>> lemma_words(["الوزراء", "2024", "يقولون"])
    ['وزير', '2024', 'قال']
    """
    return [_lemma(word) if word.isalpha() else word for word in words]


def lemmas(text: str) -> list[str]:
    """The lemma of every word of ``tokenize(text)``, aligned with it.

    >>> lemmas("قالت الحكومة إن الوزراء سيجتمعون")
    ['قال', 'حكومة', 'ان', 'وزير', 'اجتمع']
    """
    return lemma_words(tokenize(text))
