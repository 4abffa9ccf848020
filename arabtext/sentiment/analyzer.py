"""Lexicon-based sentiment you can check by hand: every point of a score comes from a word you can point at.

:class:`SentimentAnalyzer` looks each word up in a :class:`Lexicon` of scored
terms (−3 … +3) and adjusts what it finds with a few rules kept as data:

* clitics: والنجاح finds نجاح (through :func:`arabtext.text.clitics.light_stem`),
  حلوه finds حلوة, حلوووو finds حلو; stop words (:func:`arabtext.text.stoplist.stopwords`)
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

from collections.abc import Iterable, Iterator, Mapping
from os import PathLike
from typing import TYPE_CHECKING

from arabtext.sentiment.explanation import EXPLAIN_COLUMNS, SENTENCE_COLUMNS, SentimentResult, _reason, _round
from arabtext.sentiment.lexicon import Lexicon, _key
from arabtext.sentiment.lookup import _CIRCUMFIX, _ELONGATED, _candidates, _first_forms, _inflections
from arabtext.sentiment.rules import CONTRAST_WORDS, INTENSIFIERS, NEGATORS, _CLAUSE_PUNCT, _PREPOSITIONS, _target
from arabtext.sentiment.units import _EMOJI_NOISE, _WORD_KINDS, _Unit, _expand_hashtags, _join_emoticons
from arabtext.text.clitics import CONJUNCTIONS, light_stem, segment
from arabtext.text.normalization import _normalizer
from arabtext.text.sentence_splitter import sentence_spans
from arabtext.text.stoplist import stopwords
from arabtext.text.tokenizer import Token, tokens

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SentimentAnalyzer"]


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
        from arabtext.display.markup import highlight_html

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
