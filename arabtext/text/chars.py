"""Arabic character classes, as plain strings and regex character-class bodies.

Everything here is data: the normalizer, the tokenizer and the health checks
build on these names so that one definition of "an Arabic letter" or "a bidi
control" serves the whole package.

>>> from arabtext.text import chars
>>> chars.FATHA in "كَتَبَ"
True
"""

from __future__ import annotations

import re
import unicodedata

from pyarabic.araby import COMMA, HARAKAT, QUESTION, SEMICOLON, SHADDA, TATWEEL

# --- diacritics -----------------------------------------------------------------
# pyarabic's HARAKAT (fathatan ... sukun) are right; its TASHKEEL leaves out the
# dagger alef and the Quranic marks, which appear in real, copied-in text.
FATHATAN, DAMMATAN, KASRATAN = "\u064b", "\u064c", "\u064d"
FATHA, DAMMA, KASRA = "\u064e", "\u064f", "\u0650"
SUKUN = "\u0652"
TANWIN = FATHATAN + DAMMATAN + KASRATAN
DAGGER_ALEF = "\u0670"  # superscript alef, as in هٰذا
MADDA_ABOVE, HAMZA_ABOVE, HAMZA_BELOW = "\u0653", "\u0654", "\u0655"
#: harakat, tanwin, shadda and sukun (pyarabic's HARAKAT + SHADDA)
HARAKAT_SHADDA = "".join(HARAKAT) + SHADDA
#: every combining mark the default profile strips: the above, the dagger alef,
#: the rarer marks U+0656–U+065F and the Quranic annotation signs.
TASHKEEL = (
    HARAKAT_SHADDA
    + DAGGER_ALEF
    + "".join(map(chr, range(0x0656, 0x0660)))
    + "".join(map(chr, range(0x0610, 0x061B)))
    + "".join(map(chr, range(0x06D6, 0x06DD)))
    + "".join(map(chr, range(0x06DF, 0x06E5)))
    + "\u06e7\u06e8"
    + "".join(map(chr, range(0x06EA, 0x06EE)))
    + "".join(map(chr, range(0x08CA, 0x08E2)))
    + "".join(map(chr, range(0x08E3, 0x0900)))
)
#: hamza and madda as combining marks; they compose with a carrier letter
HAMZA_MARKS = MADDA_ABOVE + HAMZA_ABOVE + HAMZA_BELOW

# --- letters --------------------------------------------------------------------
HAMZA = "\u0621"
ALEF = "\u0627"
ALEF_MADDA, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW = "\u0622", "\u0623", "\u0625"
ALEF_WASLA = "\u0671"
#: alef variants that the default profile writes as bare alef. Alef maqsura is
#: NOT one of them: ى is a ya-like letter (على، مستشفى), never an alef.
ALEF_VARIANTS = ALEF_MADDA + ALEF_HAMZA_ABOVE + ALEF_HAMZA_BELOW + ALEF_WASLA + "\u0672\u0673"
ALEF_MAKSURA = "\u0649"
YA = "\u064a"
TA_MARBUTA = "\u0629"
HA = "\u0647"
WAW_HAMZA, YA_HAMZA = "\u0624", "\u0626"
KAF = "\u0643"
FARSI_YEH, KEHEH = "\u06cc", "\u06a9"  # ی ک as typed on Persian keyboards
#: the 36 letters of Modern Standard Arabic, hamza forms included
LETTERS = "".join(map(chr, range(0x0621, 0x063B))) + "".join(map(chr, range(0x0641, 0x064B)))

# --- punctuation and digits -----------------------------------------------------
ARABIC_COMMA, ARABIC_SEMICOLON, ARABIC_QUESTION = COMMA, SEMICOLON, QUESTION
ARABIC_FULL_STOP = "\u06d4"
ARABIC_PERCENT, ARABIC_DECIMAL_SEP, ARABIC_THOUSANDS_SEP = "\u066a", "\u066b", "\u066c"
GUILLEMETS = "«»"
ARABIC_PUNCTUATION = ARABIC_COMMA + ARABIC_SEMICOLON + ARABIC_QUESTION + ARABIC_FULL_STOP + GUILLEMETS + "\u066d\u060d\u061e"
ARABIC_INDIC_DIGITS = "".join(map(chr, range(0x0660, 0x066A)))  # ٠١٢٣٤٥٦٧٨٩
PERSIAN_DIGITS = "".join(map(chr, range(0x06F0, 0x06FA)))  # ۰۱۲۳۴۵۶۷۸۹
ASCII_DIGITS = "0123456789"

# --- invisible controls ---------------------------------------------------------
#: explicit bidi formatting characters (LRM, RLM, ALM, embeddings, overrides, isolates)
BIDI_CONTROLS = "\u200e\u200f\u061c" + "".join(map(chr, range(0x202A, 0x202F))) + "".join(map(chr, range(0x2066, 0x206A)))
ZWJ = "\u200d"
#: zero-width characters that carry no letter: ZWSP, ZWNJ, word joiner, BOM, soft hyphen.
#: ZWJ is kept apart because it also glues emoji sequences (👨‍👩‍👧) together.
ZERO_WIDTH = "\u200b\u200c\u2060\ufeff\u00ad"
INVISIBLE = BIDI_CONTROLS + ZERO_WIDTH + ZWJ

# --- presentation forms ---------------------------------------------------------
#: Arabic Presentation Forms-A and -B: positional glyphs (ﻻ ﷲ ﺑ) that legacy PDFs
#: and old software store instead of letters. NFKC maps each back to letters.
PRESENTATION_FORMS_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFC))
#: the ornate parentheses ﴾ ﴿ live in Forms-A but are punctuation with no decomposition
ORNATE_PARENS = "\ufd3e\ufd3f"


def presentation_forms() -> dict[str, str]:
    """Map every Arabic presentation-form character to its NFKC decomposition.

    >>> presentation_forms()["\\ufefb"]  # ﻻ
    'لا'
    """
    table = {}
    for lo, hi in PRESENTATION_FORMS_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            decomposed = unicodedata.normalize("NFKC", ch)
            if decomposed != ch:
                table[ch] = decomposed
    return table


# --- regex character-class bodies (no brackets, ready for "[...]") --------------
#: a character that can start or continue an Arabic word (the presentation forms
#: of harakat, U+FE70–FE7F and U+FC5E–FC63, are marks: see RE_AR_MARK)
RE_AR_LETTER = "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufc5d\ufc64-\ufd3d\ufd40-\ufdff\ufe80-\ufefc"
#: a character that can only continue an Arabic word: marks, tatweel, and the
#: presentation forms of harakat (normalization turns them back into marks)
RE_AR_MARK = "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08ca-\u08ff\ufc5e-\ufc63\ufe70-\ufe7f"
#: invisible characters tolerated inside a word (a stray RLM must not split it)
RE_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff\u00ad"


def is_arabic_letter(ch: str) -> bool:
    """True for a character that is an Arabic letter (presentation forms included).

    >>> is_arabic_letter("ب"), is_arabic_letter("b")
    (True, False)
    """
    return _AR_LETTER.fullmatch(ch) is not None


_AR_LETTER = re.compile(f"[{RE_AR_LETTER}]")
