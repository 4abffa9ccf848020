"""Sentences: where a text's sentences start and end, Arabic punctuation and quotes included.

>>> sentences("هل انتهى؟ نعم. قال د. محمد ذلك.")
['هل انتهى؟', 'نعم.', 'قال د. محمد ذلك.']
"""

from __future__ import annotations

import re
import unicodedata

from arabtext.text.tokenizer import _L, _PATTERNS

# Candidate boundaries, plus the guillemets whose nesting is tracked on the way;
# URLs are matched first so that their dots are never boundaries.
_BOUNDARY = re.compile(rf"(?P<url>{_PATTERNS['url']})|(?P<open>«)|(?P<close>»)|(?P<br>\n\s*)|(?P<end>(?:[.!?؟…]+|۔)[\"'»”’)\]]*)")
_SINGLE_LETTER = re.compile(rf"(?:^|[\s.(«\"])(?:[{_L}]ـ?|[A-Za-z])$")
_ABBREVIATIONS = frozenset({"Dr", "Mr", "Mrs", "Ms", "Prof", "St", "vs", "etc", "No", "Jr", "Sr", "Inc", "Ltd", "Co"})


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, without surrounding space.

    Sentences end at . ! ? ؟ … and line breaks, never at the Arabic comma ،.
    A full stop does not end a sentence inside «…», between digits (12.5)
    or after an abbreviation (د. محمد، U.S.). Closing quotes stay with the
    sentence they close.

    >>> s = "قال د. محمد: «هل نجحت؟ نعم.» ثم غادر. النسبة 12.5%"
    >>> [s[a:b] for a, b in sentence_spans(s)]
    ['قال د. محمد: «هل نجحت؟ نعم.» ثم غادر.', 'النسبة 12.5%']
    """
    spans: list[tuple[int, int]] = []
    start = depth = 0
    for m in _BOUNDARY.finditer(text):
        kind = m.lastgroup
        if kind == "url":
            continue
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "br" or (depth == 0 and _ends_sentence(text, m)):
            depth = 0  # a quote left open never runs past its line
            _add_span(spans, text, start, m.end())
            start = m.end()
        elif "»" in m.group():
            depth = max(depth - m.group().count("»"), 0)
    _add_span(spans, text, start, len(text))
    return spans


def _ends_sentence(text: str, m: re.Match) -> bool:
    if m.group() != ".":
        return True
    i = m.start()
    if i and text[i - 1].isdigit() and text[i + 1 : i + 2].isdigit():
        return False
    tail = text[max(0, i - 12) : i]
    if _SINGLE_LETTER.search(tail):
        return False
    return re.split(r"[\s.]", tail)[-1] not in _ABBREVIATIONS


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    span = (start + lead, start + lead + len(stripped))
    # a stray closing mark after a boundary belongs to the sentence before it
    if spans and all(unicodedata.category(c)[0] in "PZC" for c in stripped):
        span = (spans.pop()[0], span[1])
    spans.append(span)


def sentences(text: str) -> list[str]:
    """The sentences of ``text``; see :func:`sentence_spans`.

    >>> sentences("أطلقت صواريخ، ولم تقع إصابات. البنتاغون يتهم إيران\\nوأوضح التميمي")
    ['أطلقت صواريخ، ولم تقع إصابات.', 'البنتاغون يتهم إيران', 'وأوضح التميمي']
    """
    return [text[a:b] for a, b in sentence_spans(text)]
