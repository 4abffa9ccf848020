"""Arabic normalization as a table of named, switchable steps.

Each step is a row in ``STEPS``: its name, what it maps, and whether it is on
by default. ``Normalizer`` compiles the chosen rows once into one
character map, then applies it in a single fast pass. The default profile is
meant for counting words: it merges spellings of the same word, and keeps
ta marbuta (ة) and hamza carriers (ؤ ئ) because merging those changes words.

>>> normalize("إِلى الأمامِ")
'الي الامام'
>>> normalize("مدرسة", ta_marbuta=True)
'مدرسه'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from arabtext.text import chars

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Step:
    """One normalization rule: a named character mapping a student can read.

    ``mapping`` maps single characters to their replacement ("" deletes).
    """

    name: str
    description: str
    mapping: Mapping[str, str] = field(repr=False)
    default: bool = True


def _delete(characters: str) -> dict[str, str]:
    return dict.fromkeys(characters, "")


STEPS: tuple[Step, ...] = (
    Step(
        "controls",
        "remove bidi controls (RLM, LRM, embeddings, isolates) and zero-width characters",
        # ZWJ is removed only next to Arabic (see Normalizer): elsewhere it joins emoji.
        _delete(chars.BIDI_CONTROLS + chars.ZERO_WIDTH),
    ),
    Step(
        "presentation_forms",
        "decompose presentation-form glyphs and ligatures (ﻻ ﷲ ﺑ) into letters; compose hamza/madda marks",
        chars.presentation_forms(),
    ),
    Step("tashkeel", "strip diacritics: harakat, tanwin, shadda, sukun, dagger alef", _delete(chars.TASHKEEL + chars.HAMZA_MARKS)),
    Step("tatweel", "strip tatweel (kashida) ـ", _delete(chars.TATWEEL)),
    Step("alef", "unify alef forms أ إ آ ٱ → ا", dict.fromkeys(chars.ALEF_VARIANTS, chars.ALEF)),
    Step("alef_maqsura", "alef maqsura ى → ya ي", {chars.ALEF_MAKSURA: chars.YA}),
    Step("ta_marbuta", "ta marbuta ة → ha ه", {chars.TA_MARBUTA: chars.HA}, default=False),
    Step("hamza", "hamza on a carrier ؤ ئ → ء", dict.fromkeys(chars.WAW_HAMZA + chars.YA_HAMZA, chars.HAMZA), default=False),
    Step("persian", "Persian letters ی ک → Arabic ي ك", {chars.FARSI_YEH: chars.YA, chars.KEHEH: chars.KAF}),
    Step(
        "digits",
        "Arabic-Indic and Persian digits → 0-9; ٫ ٬ ٪ → . , %",
        {
            **{d: a for d, a in zip(chars.ARABIC_INDIC_DIGITS, chars.ASCII_DIGITS)},
            **{d: a for d, a in zip(chars.PERSIAN_DIGITS, chars.ASCII_DIGITS)},
            chars.ARABIC_DECIMAL_SEP: ".",
            chars.ARABIC_THOUSANDS_SEP: ",",
            chars.ARABIC_PERCENT: "%",
        },
    ),
)
_BY_NAME = {step.name: step for step in STEPS}
DEFAULTS: Mapping[str, bool] = {step.name: step.default for step in STEPS}

# Decomposed hamza and madda (ا + U+0654 ...) are composed before marks are stripped,
# or stripping would silently turn أ into ا even with the alef step off.
_COMPOSE = {
    chars.ALEF + chars.MADDA_ABOVE: chars.ALEF_MADDA,
    chars.ALEF + chars.HAMZA_ABOVE: chars.ALEF_HAMZA_ABOVE,
    chars.ALEF + chars.HAMZA_BELOW: chars.ALEF_HAMZA_BELOW,
    "\u0648" + chars.HAMZA_ABOVE: chars.WAW_HAMZA,
    chars.YA + chars.HAMZA_ABOVE: chars.YA_HAMZA,
}
# Letters frequent enough in real text that a str.replace chain beats one regex
# pass for them (measured: ~3 ms per replace vs ~50 ms per regex scan on 10 MB).
# This is the path for short texts; long ones take the lookup table below.
_FREQUENT = set(chars.HARAKAT_SHADDA + chars.TATWEEL + chars.ALEF_MADDA + chars.ALEF_HAMZA_ABOVE + chars.ALEF_HAMZA_BELOW
                + chars.ALEF_MAKSURA + chars.TA_MARBUTA + chars.WAW_HAMZA + chars.YA_HAMZA)
_ARABIC = f"{chars.RE_AR_LETTER}{chars.RE_AR_MARK}"
# A pattern that starts with a literal lets the regex engine jump from ZWJ to ZWJ;
# the Arabic neighbour is checked per run (a leading lookbehind would be tried at
# every position of the text).
_ZWJ_RUN = re.compile(f"{chars.ZWJ}+")
_ARABIC_CHAR = re.compile(f"[{_ARABIC}]")


def _zwj_near_arabic(text: str) -> list[tuple[int, int]]:
    """Spans of the ZWJ runs in ``text`` that touch an Arabic letter or mark."""
    return [
        m.span()
        for m in _ZWJ_RUN.finditer(text)
        if (m.start() and _ARABIC_CHAR.match(text, m.start() - 1)) or _ARABIC_CHAR.match(text, m.end())
    ]


def _drop_spans(text: str, spans: list[tuple[int, int]]) -> str:
    pieces, last = [], 0
    for a, b in spans:
        pieces.append(text[last:a])
        last = b
    pieces.append(text[last:])
    return "".join(pieces)


# From this many characters on, one numpy lookup over the UTF-16 code units maps
# every character at once (measured on 10 MB of news: ~35 ms, against ~70 ms for
# the replace chain and the regex pass); below it numpy's set-up costs more
# (the two cross near 1,500 characters, about half a news article).
BULK_CHARS = 1500
# UTF-16 code unit 0 stands for "delete" in the lookup table; a NUL in the text
# is told apart by its input unit.
_DELETED = 0


class Normalizer:
    """A compiled normalization profile; call it on text.

    Steps are keyword switches named after ``STEPS``; unnamed steps keep their
    defaults. The profile is compiled once, so reuse one Normalizer in loops.

    >>> Normalizer(tashkeel=False)("مُدَرِّسَة")
    'مُدَرِّسَة'
    >>> Normalizer(ta_marbuta=True)("مدرسة")
    'مدرسه'
    """

    def __init__(self, **steps: bool) -> None:
        unknown = set(steps) - set(_BY_NAME)
        if unknown:
            raise ValueError(f"unknown normalization step(s) {sorted(unknown)}; known steps: {list(_BY_NAME)}")
        self.steps: dict[str, bool] = {name: bool(steps.get(name, default)) for name, default in DEFAULTS.items()}
        self.active: tuple[Step, ...] = tuple(s for s in STEPS if self.steps[s.name])
        self.charmap = _compose_steps(self.active)
        self._compile()
        self._word_cache: dict[str, str] = {}
        # normalized forms that are not exactly one word, to be split in words()
        self._irregular: set[str] = set()

    def _compile(self) -> None:
        m = self.charmap
        self._replace_chain = tuple((c, m[c]) for c in sorted(_FREQUENT & m.keys()))
        rare = sorted(m.keys() - _FREQUENT)
        self._rare = re.compile("[" + "".join(re.escape(c) for c in rare) + "]") if rare else None
        composing = self.steps["presentation_forms"]
        # Map each composition into the profile's output space, so composed letters
        # are normalized too (أ → ا with the alef step on).
        self._compose = {pair: self._map_chars(out) for pair, out in _COMPOSE.items()} if composing else {}
        self._compose_after = (
            {self._map_chars(pair): self._map_chars(out) for pair, out in _COMPOSE.items()}
            if composing and not self.steps["tashkeel"]
            else {}
        )
        self._zwj = self.steps["controls"]
        self._table = None  # the numpy lookup table, built for the first long text

    def _bulk_table(self):
        """The profile as arrays: a UTF-16 code unit → code unit table, and the expanding characters.

        Characters that map to one character are in the table (deletions map to
        ``_DELETED``); the few that expand to several (the ligature ﷺ) map to
        themselves there and are expanded by :meth:`_expand`.
        """
        import numpy as np

        table = np.arange(0x10000, dtype=np.uint16)
        expanding = []
        for c, out in self.charmap.items():
            # every mapped character is in the BMP, so one code unit is one character
            if len(out) <= 1:
                table[ord(c)] = ord(out) if out else _DELETED
            else:
                expanding.append(ord(c))
        self._table = (table, np.array(sorted(expanding), dtype=np.uint16))
        return self._table

    def _map_bulk(self, text: str) -> str:
        """Every character through the profile's map at once: long texts (see ``BULK_CHARS``)."""
        import numpy as np

        table, expanding = self._table or self._bulk_table()
        units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
        mapped = table[units]
        kept = mapped != _DELETED
        if not kept.all():
            kept |= units == _DELETED  # a NUL the text holds is kept
            mapped = mapped[kept]
        if expanding.size:
            lo, hi = expanding[0], expanding[-1]
            # one unsigned subtraction tests the range (units below lo wrap around above hi - lo)
            near = np.flatnonzero((mapped - lo) <= hi - lo)
            if near.size:
                near = near[np.isin(mapped[near], expanding)]
                if near.size:
                    mapped = self._expand(mapped, near)
        return mapped.tobytes().decode("utf-16-le", "surrogatepass")

    def _expand(self, mapped, where):
        """``mapped`` with the characters at ``where`` replaced by their several-character forms."""
        import numpy as np

        m = self.charmap
        forms = [m[chr(code)] for code in mapped[where].tolist()]
        mapped[where] = [ord(form[0]) for form in forms]
        after = np.repeat(where + 1, [len(form) - 1 for form in forms])
        rest = np.array([ord(c) for form in forms for c in form[1:]], dtype=np.uint16)
        return np.insert(mapped, after, rest)

    def _map_short(self, text: str) -> str:
        """Every character through the profile's map with string passes: short texts."""
        for old, new in self._replace_chain:
            text = text.replace(old, new)
        if self._rare is not None:
            m = self.charmap
            text = self._rare.sub(lambda match: m[match.group()], text)
        return text

    def _map_chars(self, text: str) -> str:
        m = self.charmap
        return "".join(m.get(c, c) for c in text)

    def __call__(self, text: str) -> str:
        """Normalize ``text``; see the class docstring."""
        if text.isascii():
            return text
        for pair, out in self._compose.items():
            if pair[1] in text:
                text = text.replace(pair, out)
        if len(text) >= BULK_CHARS:
            text = self._map_bulk(text)
        else:
            text = self._map_short(text)
        if self._zwj and chars.ZWJ in text:
            text = _drop_spans(text, _zwj_near_arabic(text))
        for pair, out in self._compose_after.items():
            if pair in text:
                text = text.replace(pair, out)
        return text

    def texts(self, texts: Sequence[str]) -> list[str]:
        """Normalize many texts, each as :meth:`__call__` would, in one pass over them all.

        A news article is shorter than ``BULK_CHARS`` is worth, so the texts
        are normalized joined by a NUL (which no step changes, and which
        stands between any two characters a step could join), then split.

        >>> Normalizer().texts(["أَكَّدَ الوزير", "إلى"])
        ['اكد الوزير', 'الي']
        """
        if len(texts) < 2 or any("\0" in text for text in texts):
            return [self(text) for text in texts]
        return self("\0".join(texts)).split("\0")

    def words(self, words: Iterable[str]) -> list[str]:
        """Normalize many short tokens fast, through a cache of forms already seen.

        A token that normalizes to several words (the ligature ﷺ) or to none
        (an isolated harakat glyph) is split, so every item is one word.

        >>> Normalizer().words(["الأمينُ", "ﷲ"])
        ['الامين', 'الله']
        """
        cache = self._word_cache
        if len(cache) > 1_000_000:  # a huge vocabulary: bound the memory
            cache.clear()
        get = cache.get
        out = [get(w) or self._learn(w) for w in words]
        if self._irregular and not self._irregular.isdisjoint(out):
            out = [piece for w in out for piece in w.split()]
        return out

    def word(self, word: str) -> str:
        """One token normalized through the cache of :meth:`words`, as it is: not split, and ``""`` when nothing is left.

        >>> Normalizer().word("الأمينُ"), Normalizer().word("ﷺ"), Normalizer().word("\u064b")
        ('الامين', 'صلي الله عليه وسلم', '')
        """
        if len(self._word_cache) > 1_000_000:  # a huge vocabulary: bound the memory
            self._word_cache.clear()
        norm = self._word_cache.get(word) or self._learn(word)
        return "" if norm == " " else norm

    def _learn(self, word: str) -> str:
        norm = self(word)
        if not norm or any(c.isspace() for c in norm):
            norm = norm or " "  # truthy, and splits into nothing
            self._irregular.add(norm)
        self._word_cache[word] = norm
        return norm

    def explain(self, text: str) -> "pd.DataFrame":
        """What each step changes in ``text``: a table with columns step, from, to, count.

        Steps run in order, so a row counts what that step saw after the
        earlier steps. Rows with nothing changed are left out.

        >>> Normalizer().explain("أَكَّدَ")[["step", "from", "to", "count"]].values.tolist()
        [['tashkeel', 'َ', '', 3], ['tashkeel', 'ّ', '', 1], ['alef', 'أ', 'ا', 1]]
        """
        import pandas as pd

        rows = []
        for step in self.active:
            mapping = step.mapping
            if step.name == "presentation_forms":
                found = Counter(pair for pair in _COMPOSE if pair in text)
                for pair in found:
                    found[pair] = text.count(pair)
                    text = text.replace(pair, _COMPOSE[pair])
                rows += [(step.name, pair, _COMPOSE[pair], n) for pair, n in found.items()]
            counts = Counter(c for c in text if c in mapping)
            rows += [(step.name, c, mapping[c], n) for c, n in sorted(counts.items(), key=lambda kv: -kv[1])]
            text = "".join(mapping.get(c, c) for c in text)
            if step.name == "controls" and chars.ZWJ in text:
                spans = _zwj_near_arabic(text)
                if spans:
                    rows.append((step.name, chars.ZWJ, "", sum(b - a for a, b in spans)))
                    text = _drop_spans(text, spans)
        df = pd.DataFrame(rows, columns=["step", "from", "to", "count"])
        df["description"] = df["step"].map({s.name: s.description for s in STEPS})
        df["codepoint"] = df["from"].map(lambda s: " ".join(f"U+{ord(c):04X}" for c in s))
        return df

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.steps.items() if v != DEFAULTS[k]}
        return f"Normalizer({', '.join(f'{k}={v}' for k, v in changed.items())})"


def _compose_steps(steps: Iterable[Step]) -> dict[str, str]:
    """Fold ordered steps into one character map, iterated to a fixed point.

    Applying the steps in order to each character gives a map; iterating it
    until nothing changes makes normalization idempotent even when a later
    step produces a character an earlier step handles (ﷺ → ... ى → ي).
    """
    steps = list(steps)
    keys = set().union(*(s.mapping for s in steps)) if steps else set()

    def once(text: str) -> str:
        for step in steps:
            text = "".join(step.mapping.get(c, c) for c in text)
        return text

    charmap = {}
    for c in keys:
        out = once(c)
        while (nxt := once(out)) != out:
            out = nxt
        if out != c:
            charmap[c] = out
    return charmap


@lru_cache(maxsize=64)
def _normalizer(items: tuple[tuple[str, bool], ...]) -> Normalizer:
    return Normalizer(**dict(items))


def _normalizer_of(normalize: "bool | Normalizer") -> Normalizer | None:
    """The Normalizer a ``normalize=`` argument stands for: the default profile for True, none for False."""
    return _normalizer(()) if normalize is True else (normalize or None)


def normalize(text: str, **steps: bool) -> str:
    """Normalize Arabic text with the default profile, or switch steps by name.

    >>> normalize("وَقالَ الأمينُ العامُّ")
    'وقال الامين العام'
    >>> normalize("٣٫٥ ملیون")
    '3.5 مليون'
    >>> normalize("مستشفى", alef_maqsura=False)
    'مستشفى'
    """
    return _normalizer(tuple(sorted(steps.items())))(text)
