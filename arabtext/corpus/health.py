"""A text health check: the characters that quietly change what a count means.

Before counting words it pays to know what the text is made of: how much of
it is vocalized, whether Persian letters, legacy presentation-form glyphs or
invisible bidi controls slipped in (copied from PDFs, Persian keyboards or
social media), and whether numbers are written with more than one digit
system. Each check is a row of :data:`CHECKS`, built on the classes of
:mod:`arabtext.text.chars`; :func:`health_check` runs them all over a corpus in one
streaming pass.

>>> df = health_check(["كَتَبَ الطالبُ ٣ دروس و 4 تمارين"])
>>> df.set_index("check").loc[["diacritics", "arabic_indic_digits", "ascii_digits"], "count"].tolist()
[4, 1, 1]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from arabtext.text import chars
from arabtext.corpus.inputs import Texts, documents

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CHECKS", "Check", "health_check"]


@dataclass(frozen=True)
class Check:
    """One character class to count, and what finding it means for the reader.

    ``status`` is what a non-zero count means: ``"info"`` (worth knowing) or
    ``"check"`` (worth fixing or normalizing before counting).
    """

    name: str
    characters: str
    found: str
    status: str = "check"


def _ranges(*pairs: tuple[int, int]) -> str:
    return "".join(chr(cp) for lo, hi in pairs for cp in range(lo, hi + 1))


_PRESENTATION = "".join(
    c for c in _ranges(*chars.PRESENTATION_FORMS_RANGES) if c not in chars.ORNATE_PARENS
)
_DIGIT_CHECKS = ("ascii_digits", "arabic_indic_digits", "persian_digits")

#: the checks, in report order; add a row to add a check
CHECKS: tuple[Check, ...] = (
    Check("diacritics", chars.TASHKEEL, "vocalized text: normalize() strips the marks (step 'tashkeel')", "info"),
    Check("tatweel", chars.TATWEEL, "tatweel stretches words for layout; normalize() removes it (step 'tatweel')", "info"),
    Check(
        "persian_letters",
        chars.FARSI_YEH + chars.KEHEH,
        "Persian ی or ک typed for Arabic ي or ك: without normalize() (step 'persian') one word counts twice",
    ),
    Check(
        "presentation_forms",
        _PRESENTATION,
        "legacy glyph codes (often copied from PDFs): normalize() turns them back into letters (step 'presentation_forms')",
    ),
    Check(
        "bidi_controls",
        chars.BIDI_CONTROLS,
        "invisible direction marks inside the text: normalize() removes them (step 'controls')",
    ),
    Check(
        "zero_width",
        chars.ZERO_WIDTH + chars.ZWJ,
        "invisible zero-width characters: normalize() removes them next to Arabic (step 'controls')",
    ),
    Check("replacement_characters", "\ufffd", "U+FFFD: bytes that were not UTF-8 were replaced when loading"),
    Check("ascii_digits", chars.ASCII_DIGITS, "digits 0-9", "info"),
    Check("arabic_indic_digits", chars.ARABIC_INDIC_DIGITS, "Arabic-Indic digits ٠-٩", "info"),
    Check("persian_digits", chars.PERSIAN_DIGITS, "Persian digits ۰-۹", "info"),
)

_AR_LETTERS = re.compile(f"[{chars.RE_AR_LETTER}]+")
# every character a check looks for -> its check; one regex finds them all in one scan
_OWNER = {c: check.name for check in CHECKS for c in check.characters}
_ANY = re.compile("[" + "".join(map(re.escape, _OWNER)) + "]")


def health_check(data: Texts) -> pd.DataFrame:
    """Count each check of :data:`CHECKS` over ``data``: one row per check.

    ``data`` is anything the analyses take (a Corpus, a text, texts). Columns:

    - ``check``: the name; two summary rows come first (``documents``,
      ``arabic_letters``) and ``mixed_digits`` last;
    - ``count``: characters found (for ``mixed_digits``: how many digit
      systems the corpus uses);
    - ``per_1000_letters``: ``count`` per thousand Arabic letters, the density
      that makes corpora of different sizes comparable;
    - ``documents``: documents where it occurs (for ``mixed_digits``:
      documents that use more than one digit system);
    - ``first``: ``doc-id:offset`` of the first occurrence, to go and look;
    - ``status``: ``ok``, ``info`` or ``check`` (worth fixing before counting);
    - ``note``: what it means, in a sentence.

    >>> df = health_check(["العراق", "ايران ی"]).set_index("check")
    >>> row = df.loc["persian_letters"]
    >>> int(row["count"]), int(row["documents"]), row["first"], row["status"]
    (1, 1, 'doc0002:6', 'check')
    """
    import pandas as pd

    names = [check.name for check in CHECKS]
    counts = dict.fromkeys(names, 0)
    in_docs = dict.fromkeys(names, 0)
    first: dict[str, str] = {}
    n_docs = letters = mixing = 0
    for doc_id, text in documents(data):
        if not isinstance(text, str):
            raise TypeError(f"health_check reads characters: document {doc_id} is a token list, not a text")
        n_docs += 1
        letters += sum(len(run) for run in _AR_LETTERS.findall(text))
        found: set[str] = set()
        for match in _ANY.finditer(text):
            name = _OWNER[match.group()]
            counts[name] += 1
            if name not in found:
                found.add(name)
                first.setdefault(name, f"{doc_id}:{match.start()}")
        for name in found:
            in_docs[name] += 1
        mixing += len(found.intersection(_DIGIT_CHECKS)) > 1

    def per_1000(count: int) -> float:
        return 1000 * count / letters if letters else float("nan")

    rows = [
        ("documents", n_docs, float("nan"), n_docs, "", "info", "documents read"),
        ("arabic_letters", letters, 1000.0 if letters else float("nan"), n_docs, "", "info" if letters else "check",
         "Arabic letters (the base of the densities)" if letters else "no Arabic letters at all: is this the right corpus?"),
    ]
    for check in CHECKS:
        n = counts[check.name]
        status = check.status if n else "ok"
        rows.append((check.name, n, per_1000(n), in_docs[check.name], first.get(check.name, ""), status, check.found if n else "none"))
    systems = sum(counts[name] > 0 for name in _DIGIT_CHECKS)
    note = (
        f"{mixing} document(s) write numbers in more than one digit system: normalize() unifies them (step 'digits')"
        if mixing
        else f"{systems} digit system(s) in the corpus, never mixed within a document"
    )
    rows.append(("mixed_digits", systems, float("nan"), mixing, "", "check" if mixing else "ok", note))
    return pd.DataFrame(rows, columns=["check", "count", "per_1000_letters", "documents", "first", "status", "note"])
