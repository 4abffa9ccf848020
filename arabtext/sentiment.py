"""Lexicon-based sentiment you can check by hand: every point of a score comes from a word you can point at.

:class:`SentimentAnalyzer` looks each word up in a :class:`Lexicon` of scored
terms (−3 … +3) and adjusts what it finds with a few rules kept as data:

* clitics: والنجاح finds نجاح (through :func:`arabtext.segment.light_stem`),
  حلوه finds حلوة, حلوووو finds حلو; stop words (:func:`arabtext.stopwords.stopwords`)
  are only looked up as written, never taken apart;
* inflections the lexicon does not list reach its lemma when the part of
  speech fits: هيفشلوا finds فشلوا (a verb), فاسقات finds فاسق (an adjective);
* phrases are matched before their words: ما شاء الله, حسبي الله, لا يزال;
* negation: لا لم لن ليس غير ما بدون عدم مش ... flip and damp the next words
  (up to three, stopping at punctuation), and Egyptian ما…ش negates its word;
* intensifiers (جدا، للغاية، كتير، أوي) multiply the word they modify,
  diminishers (قليلا، شوية) shrink it;
* contrast: after لكن / بس / إلا أن the rest of the sentence counts 1.5×,
  what came before it 0.5×;
* emoji are looked up like words, and no negator reaches them: they say
  how the writer feels whatever the words deny.

A sentence's score is the sum of its words' contributions; a text's score is
the sum over its sentences. ``explain`` returns those contributions.

>>> sa = SentimentAnalyzer()
>>> sa.score("نجح الفريق").label, sa.score("لم ينجح الفريق").label
('positive', 'negative')
>>> sa.score("الطعام جميل جدا").score
3.0
"""

from __future__ import annotations

import csv
import math
import re
import warnings
from dataclasses import dataclass, field
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, NamedTuple

from arabtext.normalize import _normalizer, normalize
from arabtext.segment import CONJUNCTIONS, PRONOUN_SUFFIXES, light_stem, segment
from arabtext.stopwords import stopwords
from arabtext.tokenize import Token, sentence_spans, tokens

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Lexicon", "SentimentAnalyzer", "SentimentResult", "NEGATORS", "INTENSIFIERS", "CONTRAST_WORDS"]

LEXICON_COLUMNS = ("term", "score", "pos", "note")
SCORE_RANGE = (-3.0, 3.0)
LABELS = ("negative", "neutral", "positive")

#: negator -> how many following words it negates
NEGATORS: Mapping[str, int] = {
    "لا": 3, "لم": 3, "لن": 3, "ليس": 3, "ليست": 3, "لست": 3, "لسنا": 3, "ليسوا": 3, "لستم": 3,
    "عدم": 2, "دون": 2, "بدون": 2, "بلا": 2, "مفيش": 2, "مافيش": 2, "مافي": 2, "ماكو": 2,
    "مش": 3, "مو": 3, "مب": 3, "موب": 3, "مهب": 3, "ماني": 3,
    # these two negate only the next word: غير مفيد; ما is as often "what" as "not"
    "غير": 1, "ما": 1,
}  # fmt: skip

#: intensifier or diminisher -> (factor, which word it modifies: "previous", "next" or "either")
INTENSIFIERS: Mapping[str, tuple[float, str]] = {
    # MSA, after the word: جميل جدا، ندين بشدة، قلق بالغ، تصعيد كبير
    "جدا": (1.5, "previous"), "للغاية": (1.75, "previous"), "كثيرا": (1.3, "previous"),
    "بشدة": (1.5, "previous"), "تماما": (1.3, "previous"), "إطلاقا": (1.3, "previous"),
    "شديد": (1.5, "previous"), "شديدة": (1.5, "previous"), "بالغ": (1.5, "previous"),
    "بالغة": (1.5, "previous"), "كبير": (1.3, "previous"), "كبيرة": (1.3, "previous"),
    "هائل": (1.5, "previous"), "هائلة": (1.5, "previous"), "عميق": (1.3, "previous"),
    "عميقة": (1.3, "previous"),
    # MSA, before the word: أشد الإدانة، في منتهى الروعة، في غاية الجمال
    "أشد": (1.5, "next"), "منتهى": (1.5, "next"), "غاية": (1.5, "next"), "الأكثر": (1.3, "next"),
    "حقا": (1.3, "either"), "فعلا": (1.2, "either"), "أكثر": (1.3, "either"), "أبدا": (1.3, "either"),
    # dialects: حلو أوي، حلو خالص، كتير حلو، مرة حلو، حلو بزاف
    "أوي": (1.5, "previous"), "اوى": (1.5, "previous"), "خالص": (1.5, "previous"), "فشخ": (1.75, "previous"),
    "بجد": (1.2, "either"), "كتير": (1.5, "either"), "كثير": (1.3, "either"), "حيل": (1.5, "either"),
    "وايد": (1.5, "next"), "مرة": (1.5, "next"), "مره": (1.5, "next"), "كلش": (1.5, "next"),
    "بزاف": (1.5, "previous"), "برشا": (1.5, "previous"), "ياسر": (1.5, "previous"),
    # diminishers
    "قليلا": (0.6, "previous"), "شوية": (0.6, "either"), "شوي": (0.6, "either"),
    "نسبيا": (0.7, "either"), "تقريبا": (0.8, "either"), "بعض الشيء": (0.7, "previous"),
    "نوعا ما": (0.7, "previous"), "إلى حد ما": (0.7, "previous"), "لحد ما": (0.7, "previous"),
}  # fmt: skip

#: words after which the rest of a sentence weighs more (and what came before less)
CONTRAST_WORDS: frozenset[str] = frozenset(
    ("لكن", "ولكن", "لكنه", "لكنها", "لكني", "لكنني", "لكنهم", "لكننا", "لكنك", "بس",
     "إلا أن", "غير أن", "بيد أن", "مع ذلك", "ومع ذلك")
)  # fmt: skip

_PREPOSITIONS = frozenset(("عن", "من", "في", "علي", "الي", "مع", "ضد", "لدي", "عند", "بسبب"))
# Clause punctuation ends a negation's reach; quotes and brackets do not.
_CLAUSE_PUNCT = frozenset("،,؛;.!?؟:…")
_WORD_KINDS = frozenset(("word", "latin", "number"))
# a letter written three or more times in a row (حلوووو): tweets stretch words
_ELONGATED = re.compile(r"(.)\1{2,}")
_LAUGHTER = re.compile(r"[هخ]{3,}|(?:ها){2,}")
# Egyptian and Levantine negation wraps the word: ما عجبنيش → ماعجبنيش، مبحبش
_CIRCUMFIX = re.compile(r"(?:ما|م)(.{2,})ش")
# emoji modifiers that do not change the emoji's meaning: variation selector, skin tones
_EMOJI_NOISE = re.compile("[\ufe0f\U0001f3fb-\U0001f3ff]")
# emoticons: eyes, an optional nose or tear, a mouth; or a heart <3 (not inside words: a:D)
_EMOTICON = re.compile(r"(?<![\w:;=])(?:[:;=][-'^]?[)(DPp]+|<3+)(?!\w)")
_EMOTICON_HINT = re.compile(r"[:;=<]")
# the vocative يا is often glued to its noun in tweets: ياحلو، ياكلاب
_VOCATIVE = "يا"


# --- lexicon ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    term: str
    score: float
    pos: str = ""
    note: str = ""


class Lexicon:
    """Scored terms (−3 … +3): single words and multi-word phrases, normalized when loaded.

    ``source`` is ``None`` (the bundled ``arabtext/data/sentiment_lexicon.tsv``),
    a path to a TSV file with the columns term, score and optionally pos and
    note (lines starting with ``#`` are comments), or a mapping term → score.

    >>> lex = Lexicon({"ممتاز": 3, "مش بطال": 1})
    >>> lex["مُمْتاز"], lex.get("حلو"), len(lex)
    (3.0, None, 2)
    >>> Lexicon()["النجاح"] is None, Lexicon()["نجاح"]
    (True, 2.0)
    """

    def __init__(self, source: str | PathLike | Mapping[str, float] | None = None) -> None:
        if isinstance(source, Mapping):
            self._build("<dict>", _from_mapping(source, "<dict>"))
        else:
            path = Path(source) if source is not None else None
            self._build(str(path) if path is not None else "arabtext/data/sentiment_lexicon.tsv", _read_tsv(path))

    def _build(self, source: str, entries: Iterable[tuple[str, _Entry]]) -> None:
        self.source = source
        self.entries: dict[str, _Entry] = {}
        where: dict[str, str] = {}
        for line, entry in entries:
            key = _key(entry.term)
            if not key:
                raise ValueError(f"{self.source}, {line}: the term {entry.term!r} is empty after normalization")
            if key in self.entries:
                warnings.warn(
                    f"{self.source}, {line}: {entry.term!r} is the same term as {where[key]} after "
                    f"normalization ({key!r}); keeping {where[key]}",
                    stacklevel=3,
                )
                continue
            self.entries[key] = entry
            where[key] = line
        self.words: dict[str, float] = {k: e.score for k, e in self.entries.items() if " " not in k}
        self.phrases: dict[tuple[str, ...], float] = {tuple(k.split()): e.score for k, e in self.entries.items() if " " in k}

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and _key(term) in self.entries

    def __getitem__(self, term: str) -> float | None:
        """The score of ``term`` as written in the lexicon (no clitic stripping), or None."""
        entry = self.entries.get(_key(term))
        return None if entry is None else entry.score

    def get(self, term: str, default: float | None = None) -> float | None:
        """The score of ``term``, or ``default`` when it is not in the lexicon.

        >>> Lexicon({"حلو": 2}).get("كرسي", 0.0)
        0.0
        """
        score = self[term]
        return default if score is None else score

    def updated(self, entries: Mapping[str, float]) -> Lexicon:
        """A new lexicon with ``entries`` added, replacing terms that are already there.

        >>> Lexicon({"حلو": 2}).updated({"حلو": 1, "وحش": -2})["حلو"]
        1.0
        """
        added = list(_from_mapping(entries, "updated()"))
        replaced = {_key(e.term) for _, e in added}
        kept = [(f"entry {k!r}", e) for k, e in self.entries.items() if k not in replaced]
        new = object.__new__(Lexicon)
        new._build(f"{self.source} + {len(added)} entries", kept + added)
        return new

    def to_frame(self) -> pd.DataFrame:
        """The lexicon as a table: columns term (as written), key (normalized), score, pos, note.

        >>> Lexicon({"إيجابي": 1.5}).to_frame()[["term", "key", "score"]].values.tolist()
        [['إيجابي', 'ايجابي', 1.5]]
        """
        import pandas as pd

        rows = [(e.term, k, e.score, e.pos, e.note) for k, e in self.entries.items()]
        return pd.DataFrame(rows, columns=["term", "key", "score", "pos", "note"])

    def __repr__(self) -> str:
        return f"Lexicon({len(self.words)} words, {len(self.phrases)} phrases from {self.source})"


def _key(term: str) -> str:
    return " ".join(normalize(term).split())


def _from_mapping(entries: Mapping[str, float], source: str) -> list[tuple[str, _Entry]]:
    return [(f"term {t!r}", _Entry(str(t), _check_score(s, f"{source}, term {t!r}"))) for t, s in entries.items()]


def _check_score(value: object, where: str) -> float:
    try:
        score = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{where}: score {value!r} is not a number") from None
    if not (math.isfinite(score) and SCORE_RANGE[0] <= score <= SCORE_RANGE[1]):
        raise ValueError(f"{where}: score {score} is outside {SCORE_RANGE[0]:g} … {SCORE_RANGE[1]:g}")
    return score


def _read_tsv(path: Path | None) -> Iterator[tuple[str, _Entry]]:
    if path is None:
        handle = resources.files("arabtext").joinpath("data", "sentiment_lexicon.tsv").open(encoding="utf-8")
        name = "arabtext/data/sentiment_lexicon.tsv"
    else:
        if not path.is_file():
            raise FileNotFoundError(f"sentiment lexicon {path} does not exist or is not a file")
        handle = path.open(encoding="utf-8")
        name = str(path)
    with handle:
        lines = ((n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#"))
        header = None
        for n, line in lines:
            row = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
            if header is None:
                header = [c.strip().lower() for c in row]
                if header[:2] != ["term", "score"]:
                    raise ValueError(f"{name}, line {n}: the header must start with the columns term, score (tab-separated); found {row}")
                continue
            if len(row) < 2 or len(row) > len(header):
                raise ValueError(f"{name}, line {n}: expected {len(header)} tab-separated columns {header}, found {len(row)}")
            values = dict(zip(header, row))
            score = _check_score(values["score"], f"{name}, line {n}")
            yield f"line {n}", _Entry(values["term"].strip(), score, values.get("pos", "").strip(), values.get("note", "").strip())
        if header is None:
            raise ValueError(f"{name}: no header line (term, score, pos, note) and no entries")


# --- analysis -------------------------------------------------------------------------


class _Unit(NamedTuple):
    """A word, an emoji or a phrase, with what it is for the rules."""

    text: str
    start: int
    end: int
    role: str  # sentiment, negator, intensifier, contrast, word, barrier
    key: str = ""
    base: float = 0.0
    factor: float = 1.0  # intensifier factor or negator scope
    target: str = ""  # which word an intensifier modifies
    note: str = ""  # how the key was found
    negated: bool = False  # negated inside the word (ماعجبنيش)


@dataclass(frozen=True)
class SentimentResult:
    """The sentiment of one text: its score and label, and a table of its sentences.

    ``sentences`` has the columns sentence (0, 1, ...), start, end, text,
    score, label, positive, negative, n_words and n_hits (offsets index the
    original text), ready for ``arabtext.plots.sentiment_arc``. ``positive``
    and ``negative`` sum the positive and the negative contributions;
    ``n_hits`` counts the words that contributed (for the lexicon: the words
    found in it). ``probability`` is the model's probability of positive.
    """

    score: float
    label: str
    sentences: pd.DataFrame = field(repr=False)
    positive: float = 0.0
    negative: float = 0.0
    n_words: int = 0
    n_hits: int = 0
    method: str = "lexicon"
    probability: float | None = None

    def to_dict(self) -> dict[str, object]:
        """The document-level numbers as a plain dict (no sentence table).

        >>> SentimentAnalyzer().score("يوم جميل").to_dict()["label"]
        'positive'
        """
        keys = ("method", "score", "label", "probability", "positive", "negative", "n_words", "n_hits")
        return {k: getattr(self, k) for k in keys}

    def __repr__(self) -> str:
        prob = "" if self.probability is None else f", probability={self.probability:.2f}"
        return (
            f"SentimentResult({self.label}, score={self.score:+.2f}{prob}, positive={self.positive:+.2f}, "
            f"negative={self.negative:+.2f}, sentences={len(self.sentences)}, words={self.n_words}, "
            f"scored words={self.n_hits}, method={self.method!r})"
        )


EXPLAIN_COLUMNS = ("sentence", "token", "start", "end", "role", "key", "base", "modifier", "contribution", "reason")
SENTENCE_COLUMNS = ("sentence", "start", "end", "text", "score", "label", "positive", "negative", "n_words", "n_hits")


class SentimentAnalyzer:
    """Scores Arabic text with a lexicon, negation, intensifiers and contrast; explains every score.

    ``negation`` multiplies a negated word's score (flip and damp: not good
    is less bad than bad); ``contrast`` is the (before, after) weight around
    لكن; a text whose ``|score| <= neutral_band`` is labelled neutral.
    ``negators``, ``intensifiers`` and ``contrast_words`` replace the default
    tables (:data:`NEGATORS`, :data:`INTENSIFIERS`, :data:`CONTRAST_WORDS`).

    >>> sa = SentimentAnalyzer()
    >>> sa.score("الفيلم ممتاز لكن النهاية سيئة").score
    -2.25
    >>> sa.explain("ليس سيئا")[["token", "base", "modifier", "contribution"]].values.tolist()
    [['ليس', 0.0, 1.0, 0.0], ['سيئا', -2.5, -0.75, 1.875]]
    """

    method = "lexicon"

    def __init__(
        self,
        lexicon: Lexicon | str | PathLike | Mapping[str, float] | None = None,
        *,
        negation: float = -0.75,
        contrast: tuple[float, float] = (0.5, 1.5),
        neutral_band: float = 0.0,
        negators: Mapping[str, int] | None = None,
        intensifiers: Mapping[str, tuple[float, str]] | None = None,
        contrast_words: Iterable[str] | None = None,
    ) -> None:
        self.lexicon = lexicon if isinstance(lexicon, Lexicon) else Lexicon(lexicon)
        self.negation = float(negation)
        self.contrast = (float(contrast[0]), float(contrast[1]))
        if neutral_band < 0:
            raise ValueError(f"neutral_band must be >= 0, got {neutral_band}")
        self.neutral_band = float(neutral_band)
        negators = NEGATORS if negators is None else negators
        intensifiers = INTENSIFIERS if intensifiers is None else intensifiers
        contrast_words = CONTRAST_WORDS if contrast_words is None else contrast_words
        for term, (factor, target) in intensifiers.items():
            if target not in ("previous", "next", "either"):
                raise ValueError(f"intensifier {term!r}: target must be 'previous', 'next' or 'either', got {target!r}")
        # every rule word becomes a unit template, keyed like lexicon terms
        self._rules: dict[tuple[str, ...], tuple[str, float, str]] = {}
        for term, scope in negators.items():
            self._rules[tuple(_key(term).split())] = ("negator", float(scope), "")
        for term, (factor, target) in intensifiers.items():
            self._rules[tuple(_key(term).split())] = ("intensifier", float(factor), target)
        for term in contrast_words:
            self._rules[tuple(_key(term).split())] = ("contrast", 1.0, "")
        # first word of every rule and phrase -> its longest length, so most words skip phrase matching
        self._starts: dict[str, int] = {}
        for k in [*self._rules, *self.lexicon.phrases]:
            self._starts[k[0]] = max(self._starts.get(k[0], 0), len(k))
        self._cache: dict[str, tuple[str, float, str] | None] = {}
        self._function_words = stopwords()
        self._normalized = _normalizer(()).word
        self._firsts: dict[str, tuple[str, ...]] = {}

    # -- public API --------------------------------------------------------------------

    def score(self, text: str) -> SentimentResult:
        """Score ``text`` sentence by sentence; the document score is their sum.

        >>> r = SentimentAnalyzer().score("نجحت الخطة. لكن الخسائر كبيرة.")
        >>> r.sentences[["sentence", "score", "label"]].values.tolist()
        [[0, 2.0, 'positive'], [1, -3.9, 'negative']]
        >>> r.label
        'negative'
        """
        import pandas as pd

        rows = []
        total = pos = neg = 0.0
        n_words = n_hits = 0
        for i, (start, end, units, contributions) in enumerate(self._analyse(text)):
            s = sum(contributions)
            p = sum(c for c in contributions if c > 0)
            n = sum(c for c in contributions if c < 0)
            words = sum(u.role != "barrier" for u in units)
            hits = sum(u.role == "sentiment" for u in units)
            s, p, n = _round(s), _round(p), _round(n)
            rows.append((i, start, end, text[start:end], s, self.label(s), p, n, words, hits))
            total, pos, neg, n_words, n_hits = total + s, pos + p, neg + n, n_words + words, n_hits + hits
        sentences = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
        return SentimentResult(_round(total), self.label(total), sentences, _round(pos), _round(neg), n_words, n_hits, self.method)

    def polarity(self, text: str) -> float:
        """The score of ``text`` alone (no tables): fast for many texts.

        >>> SentimentAnalyzer().polarity("مش حلو خالص")
        -2.25
        """
        return _round(sum(sum(c) for *_, c in self._analyse(text)))

    def predict(self, texts: Iterable[str]) -> list[str]:
        """The label (negative / neutral / positive) of each text.

        >>> SentimentAnalyzer().predict(["يوم جميل 😍", "للأسف خسرنا", "ذهبت إلى السوق"])
        ['positive', 'negative', 'neutral']
        """
        return [self.label(self.polarity(t)) for t in texts]

    def label(self, score: float) -> str:
        """negative, neutral or positive for a score, with this analyzer's ``neutral_band``.

        >>> SentimentAnalyzer(neutral_band=0.5).label(0.5), SentimentAnalyzer().label(0.5)
        ('neutral', 'positive')
        """
        if score > self.neutral_band:
            return "positive"
        if score < -self.neutral_band:
            return "negative"
        return "neutral"

    def explain(self, text: str, *, all_tokens: bool = False) -> pd.DataFrame:
        """Each word's part in the score: a table with one row per word that counts.

        Columns: sentence, token (as written), start, end (offsets into
        ``text``), role (sentiment, negator, intensifier, contrast, or word),
        key (the lexicon entry found), base (its score), modifier (the product
        of the rules applied to it), contribution (base × modifier) and reason.
        The contributions add up to ``score(text).score``. With
        ``all_tokens=True`` words that play no part are listed too.

        >>> df = SentimentAnalyzer().explain("والنجاح لم يكن سهلا")
        >>> df[["token", "key", "contribution"]].values.tolist()
        [['والنجاح', 'نجاح', 2.0], ['لم', 'لم', 0.0], ['سهلا', 'سهلا', -0.75]]
        """
        import pandas as pd

        rows = []
        reasons: dict[tuple[int, int], list[str]] = {}
        for i, (_, _, units, contributions) in enumerate(self._analyse(text, reasons)):
            for j, (u, c) in enumerate(zip(units, contributions)):
                if u.role == "barrier" or (u.role == "word" and not all_tokens):
                    continue
                modifier = c / u.base if u.base else 1.0
                rows.append((i, u.text, u.start, u.end, u.role, u.key, u.base, _round(modifier), _round(c), _reason(u, reasons.get((i, j), []))))
        return pd.DataFrame(rows, columns=list(EXPLAIN_COLUMNS))

    def contributions(self, text: str) -> list[tuple[int, int, float]]:
        """(start, end, contribution) of every word or phrase that moves the score, without building a table.

        >>> SentimentAnalyzer().contributions("ليس جميلا")
        [(4, 9, -1.5)]
        """
        return [(u.start, u.end, c) for *_, units, cs in self._analyse(text) for u, c in zip(units, cs) if c]

    def explain_html(self, text: str, *, title: str | None = None) -> str:
        """``text`` as right-to-left HTML, each sentiment word coloured by its contribution (hover for the number).

        >>> "<span" in SentimentAnalyzer().explain_html("يوم جميل")
        True
        """
        from arabtext.display import highlight_html

        return highlight_html(text, self.contributions(text), title=title)

    def __repr__(self) -> str:
        return f"SentimentAnalyzer({self.lexicon!r}, negation={self.negation}, contrast={self.contrast})"

    # -- the rules -------------------------------------------------------------------

    def _analyse(self, text: str, reasons: dict | None = None) -> Iterator[tuple[int, int, list[_Unit], list[float]]]:
        """Per sentence: (start, end, units, contribution of each unit)."""
        if not isinstance(text, str):
            raise TypeError(f"expected a str, got {type(text).__name__}")
        toks = _expand_hashtags(_join_emoticons(text, tokens(text)))
        at = 0
        for i, (start, end) in enumerate(sentence_spans(text)):
            while at < len(toks) and toks[at].start < start:
                at += 1
            first = at
            while at < len(toks) and toks[at].end <= end:
                at += 1
            units = self._units(toks[first:at])
            yield start, end, units, self._contributions(units, i, reasons)

    def _units(self, toks: list[Token]) -> list[_Unit]:
        keys = [self._normalized(t.text) if t.kind in _WORD_KINDS else None for t in toks]
        units: list[_Unit] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            if keys[i] is None:
                if t.kind == "emoji":
                    units.append(self._emoji(t))
                elif t.kind == "punct" and any(c in _CLAUSE_PUNCT for c in t.text):
                    units.append(_Unit(t.text, t.start, t.end, "barrier"))
                i += 1
                continue
            matched = self._phrase(toks, keys, i)
            if matched is not None:
                unit, i = matched
                units.append(unit)
                continue
            units.append(self._word(t, keys[i]))
            i += 1
        return units

    def _phrase(self, toks: list[Token], keys: list[str | None], i: int) -> tuple[_Unit, int] | None:
        """The longest rule or lexicon phrase starting at token ``i``, and the index after it."""
        word: str = keys[i]  # type: ignore[assignment]
        firsts = self._firsts.get(word)
        if firsts is None:
            if len(self._firsts) > 500_000:  # a huge vocabulary: bound the memory
                self._firsts.clear()
            # segment() only when a conjunction could hide a phrase start (والحمد لله)
            maybe = word[:1] in CONJUNCTIONS and word[1:] in self._starts
            forms = _first_forms(word) if maybe else (word,)
            firsts = self._firsts[word] = tuple(f for f in forms if f in self._starts)
        if not firsts:
            return None
        longest = max(self._starts[f] for f in firsts)
        for n in range(min(longest, len(toks) - i), 0, -1):
            words = keys[i : i + n]
            if None in words:
                continue
            for first in firsts:
                key = (first, *words[1:])
                text_span = (toks[i].start, toks[i + n - 1].end)
                rule = self._rules.get(key)  # type: ignore[arg-type]
                if rule is not None:
                    role, factor, target = rule
                    return _Unit(" ".join(t.text for t in toks[i : i + n]), *text_span, role, " ".join(key), 0.0, factor, target), i + n
                if n > 1 and key in self.lexicon.phrases:
                    score = self.lexicon.phrases[key]  # type: ignore[index]
                    role = "sentiment" if score else "word"
                    return _Unit(" ".join(t.text for t in toks[i : i + n]), *text_span, role, " ".join(key), score, note="phrase"), i + n
        return None

    def _word(self, t: Token, word: str) -> _Unit:
        found = self._lookup(word)
        if found is None:
            return _Unit(t.text, t.start, t.end, "word")
        key, score, note = found
        return _Unit(t.text, t.start, t.end, "sentiment", key, score, note=note, negated=note.startswith("ما…ش"))

    def _emoji(self, t: Token) -> _Unit:
        # a ZWJ sequence (🤦‍♂️) is looked up whole, then as its first emoji
        key = _EMOJI_NOISE.sub("", t.text)
        for candidate in (key, key.split("\u200d")[0]):
            score = self.lexicon.words.get(candidate)
            if score:
                return _Unit(t.text, t.start, t.end, "sentiment", candidate, score, note="emoji")
        return _Unit(t.text, t.start, t.end, "word")

    def _lookup(self, word: str) -> tuple[str, float, str] | None:
        """(key, score, how it was found) for a normalized word, or None; cached."""
        if word in self._cache:
            return self._cache[word]
        found = None
        # a function word is looked up only as written: الذي is not ألذ + ي, and
        # with و / ف before it it is still one: وفيه is not وفية, وغدا is not وغد
        function = word in self._function_words or (word[:1] in "وف" and word[1:] in self._function_words)
        candidates = [(word, "")] if function else _candidates(word)
        for candidate, note in candidates:
            score = self.lexicon.words.get(candidate)
            if score:
                found = (candidate, score, note)
                break
        if found is None and not function:
            found = self._inflected(word)
        if found is None and not function:
            m = _CIRCUMFIX.fullmatch(word)
            if m:
                inner = next(((c, s, n) for c, n in _candidates(m.group(1)) if (s := self.lexicon.words.get(c))), None)
                if inner is not None:
                    found = (inner[0], inner[1], "ما…ش" + (f", {inner[2]}" if inner[2] else ""))
        if len(self._cache) > 500_000:  # a huge vocabulary: bound the memory
            self._cache.clear()
        self._cache[word] = found
        return found

    def _inflected(self, word: str) -> tuple[str, float, str] | None:
        """(key, score, how) of the lexicon lemma of an inflected form the lexicon does not list, or None."""
        forms = [word] + ([_ELONGATED.sub(r"\1", word)] if _ELONGATED.search(word) else [])
        for form in forms:
            # a verb takes no article: prefixes come off only words without one
            verbs = "ال" not in segment(form)[:-1]
            stem = light_stem(form)
            # with the article, only the stem: الذات is not الذ + ات
            for base in dict.fromkeys((form, stem) if verbs else (stem,)):
                for lemma, pos in _inflections(base, verbs):
                    entry = self.lexicon.entries.get(lemma)
                    if entry is not None and entry.score and entry.pos in pos:
                        return lemma, entry.score, "inflection"
        return None

    def _elative(self, unit: _Unit) -> bool:
        """Whether a sentiment unit is an adjective of the pattern أفعل (أجمل، أتفه، أحلى)."""
        entry = self.lexicon.entries.get(unit.key) if unit.role == "sentiment" else None
        return entry is not None and entry.pos == "adj" and len(unit.key) == 4 and unit.key[0] == "ا"

    def _contributions(self, units: list[_Unit], sentence: int, reasons: dict | None) -> list[float]:
        mods = [1.0] * len(units)

        def why(j: int, text: str) -> None:
            if reasons is not None:
                reasons.setdefault((sentence, j), []).append(text)

        for i, u in enumerate(units):
            if u.negated:
                mods[i] *= self.negation
                why(i, f"negated by ما…ش around the word (×{self.negation:g})")
            if u.role == "negator":
                if u.key in ("ما", "لا") and i + 1 < len(units) and self._elative(units[i + 1]):
                    continue  # ما أروعك، ولا أروع: an exclamation or "none more", not a negation
                counted = 0
                for j in range(i + 1, len(units)):
                    v = units[j]
                    if v.role in ("barrier", "contrast", "negator"):
                        break
                    if v.role == "intensifier":
                        continue
                    # a preposition after the negated word starts its complement, which keeps
                    # its own polarity: ليس مسؤولا عن الجرائم
                    if counted and v.role == "word" and self._normalized(v.text) in _PREPOSITIONS:
                        break
                    if v.note == "emoji":
                        continue  # an emoji says how the writer feels, whatever the words deny
                    if v.role == "sentiment":
                        mods[j] *= self.negation
                        why(j, f"negated by {u.text} (×{self.negation:g})")
                    counted += 1
                    if counted >= u.factor:
                        break
            elif u.role == "intensifier":
                j = _target(units, i, u.target)
                if j is not None:
                    mods[j] *= u.factor
                    why(j, f"{'intensified' if u.factor > 1 else 'weakened'} by {u.text} (×{u.factor:g})")
        turns = [i for i, u in enumerate(units) if u.role == "contrast"]
        if turns:
            c = turns[-1]
            before, after = self.contrast
            for j, u in enumerate(units):
                if u.role == "sentiment" and j != c:
                    mods[j] *= before if j < c else after
                    why(j, f"{'before' if j < c else 'after'} {units[c].text} (×{before if j < c else after:g})")
        return [u.base * m for u, m in zip(units, mods)]


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


def _target(units: list[_Unit], i: int, side: str) -> int | None:
    """The sentiment word an intensifier at ``i`` modifies: the nearest word on its side, skipping other intensifiers."""

    def neighbour(step: int) -> int | None:
        j = i + step
        while 0 <= j < len(units) and units[j].role == "intensifier":
            j += step
        return j if 0 <= j < len(units) and units[j].role == "sentiment" else None

    if side == "previous":
        return neighbour(-1)
    if side == "next":
        return neighbour(1)
    left = neighbour(-1)
    return left if left is not None else neighbour(1)


def _join_emoticons(text: str, toks: list[Token]) -> list[Token]:
    """Emoticons the tokenizer splits into punctuation (:) :-( <3) joined into one emoji token each."""
    if not _EMOTICON_HINT.search(text):
        return toks
    spans = {m.start(): m.end() for m in _EMOTICON.finditer(text)}
    out: list[Token] = []
    i = 0
    while i < len(toks):
        end = spans.get(toks[i].start)
        if end is None:
            out.append(toks[i])
            i += 1
            continue
        j = i
        while j < len(toks) and toks[j].end <= end:
            j += 1
        if j == i or toks[j - 1].end != end:  # the emoticon is not made of whole tokens (a:b)
            out.append(toks[i])
            i += 1
            continue
        out.append(Token(text[toks[i].start : end], toks[i].start, end, "emoji"))
        i = j
    return out


def _expand_hashtags(toks: list[Token]) -> list[Token]:
    """Hashtags are read as their words (#مصر_حلوة → مصر، حلوة); mentions and URLs are dropped."""
    out: list[Token] = []
    for t in toks:
        if t.kind == "hashtag":
            out += [Token(s.text, t.start + 1 + s.start, t.start + 1 + s.end, s.kind) for s in tokens(t.text[1:]) if s.kind in _WORD_KINDS]
        elif t.kind not in ("mention", "url"):
            out.append(t)
    return out


def _reason(u: _Unit, applied: list[str]) -> str:
    if u.role == "negator":
        return f"negator: negates the next {u.factor:g} word{'s' if u.factor != 1 else ''}"
    if u.role == "intensifier":
        side = {"previous": "the word before", "next": "the word after", "either": "the word next to it"}[u.target]
        return f"{'intensifier' if u.factor > 1 else 'diminisher'}: ×{u.factor:g} on {side}"
    if u.role == "contrast":
        return "contrast: what follows counts more"
    if u.role == "word":
        return ""
    found = f" ({u.note})" if u.note else ""
    return "; ".join([f"lexicon {u.key} {u.base:+g}{found}", *applied])


def _round(x: float) -> float:
    # sums of halves times factors: round away float noise so equal scores compare equal
    return round(x, 6) + 0.0
