"""Tokens with offsets into the original text, words for counting, and sentences.

``tokens`` keeps every token's position in the text it was given, so a
concordance or an explanation can always point back at what the author wrote.
``tokenize`` is the fast path for counting: normalized word strings only.

>>> [t.text for t in tokens("قاعدة k1، ٣٫٥%")]
['قاعدة', 'k1', '،', '٣٫٥%']
>>> tokenize("وَقالَ «التميمي»: 12.5%")
['وقال', 'التميمي']
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator, NamedTuple

from arabtext import chars
from arabtext.normalize import Normalizer, _normalizer

KINDS = ("word", "number", "latin", "punct", "symbol", "emoji", "url", "mention", "hashtag")
#: kinds that ``tokenize`` returns: Arabic words and words in other scripts
WORD_KINDS = frozenset({"word", "latin"})


class Token(NamedTuple):
    """A token and where it is: ``original[start:end] == text``.

    >>> tokens("سبوتنيك")[0]
    Token(text='سبوتنيك', start=0, end=7, kind='word')
    """

    text: str
    start: int
    end: int
    kind: str


_L, _M, _I = chars.RE_AR_LETTER, chars.RE_AR_MARK, chars.RE_INVISIBLE
_AR_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# a letter of any script but Arabic ([^\W\d_] is "a letter"; Arabic is taken out)
_OTHER_LETTER = rf"[^\W\d_{_AR_BLOCKS}]"
_EMOJI_BASE = (
    "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\u2190-\u21ff\u3297\u3299\u00a9\u00ae\u203c\u2049\u2122"
)
_EMOJI_MOD = "\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
# Order matters: at each position the first alternative that matches wins. Arabic
# words come first because most tokens are Arabic words and no other alternative
# can start with an Arabic letter, so putting them first changes no token.
_PATTERNS = {
    # an Arabic letter, then letters, diacritics, tatweel or invisible controls
    "word": rf"[{_L}][{_L}{_M}{_I}]*",
    # a word of another script; may start with digits (4G) and hold digits (k1, COVID-19);
    # not the start of a URL or an e-mail address, which the next alternative takes
    "latin": rf"(?!https?://|www\.|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.)\d*{_OTHER_LETTER}[\w\u0300-\u036f]*(?:[-'’][\w\u0300-\u036f]+)*",
    "url": r"(?:https?://|www\.)[^\s<>\"'«»]*[^\s<>\"'«».,;:!?،؛؟)\]}]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]*[A-Za-z0-9]",
    "emoji": rf"[\U0001f1e6-\U0001f1ff]{{2}}|[0-9#*]\ufe0f?\u20e3|[{_EMOJI_BASE}][{_EMOJI_MOD}]*(?:\u200d[{_EMOJI_BASE}][{_EMOJI_MOD}]*)*",
    "mention": r"@\w+",
    "hashtag": rf"#[\w{_M}]+",
    "number": r"\d+(?:[.,٫٬]\d+)*[%٪]?",
    # one punctuation or symbol character, or a run of a repeatable one (... !!! ؟؟);
    # the last alternative takes any visible character, so every one is in a token
    "other": rf"\.+|!+|\?+|؟+|…+|-+|=+|\*+|[^\s{_I}]",
}
# Each match first swallows the whitespace before its token. A top-level
# alternation stops the regex engine from skipping spaces in C, so without this
# every space would try every alternative (measured 2-3x slower on news text).
# \Z ends the text cleanly after trailing space, and the catch-all in "other"
# means no visible character can make a match fail after its whitespace was
# taken: the whitespace is never given back, without the possessive quantifier
# that Python 3.10's re lacks.
_SPACE = rf"[\s{_I}]*"
_TOKEN_RE = re.compile(_SPACE + "(?:" + "|".join(f"(?P<{kind}>{p})" for kind, p in _PATTERNS.items()) + r"|\Z)")
# The same alternation with one capturing group around the word kinds (the first
# two), so findall returns each word and "" for every other token. Built from the
# same pieces, tokenize() and tokens() agree on where words are.
_WORD_RE = re.compile(
    _SPACE
    + f"(?:({_PATTERNS['word']}|{_PATTERNS['latin']})|"
    + "|".join(f"(?:{p})" for k, p in _PATTERNS.items() if k not in WORD_KINDS)
    + r"|\Z)"
)


def iter_tokens(text: str) -> Iterator[Token]:
    """Yield the tokens of ``text`` lazily; see :func:`tokens`.

    >>> next(iter_tokens("«العراق»")).kind
    'punct'
    """
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind is None:  # the end of the text
            return
        start, end = m.span(kind)
        if kind == "other":
            kind = "punct" if unicodedata.category(text[start]).startswith("P") else "symbol"
        yield Token(text[start:end], start, end, kind)


def tokens(text: str) -> list[Token]:
    """Split ``text`` into tokens that point back into it.

    Kinds: word (Arabic), number, latin (other scripts, mixed like k1),
    punct, symbol, emoji, url, mention, hashtag. Whitespace and stray
    invisible controls are not tokens. A diacritized word is one token.

    >>> [(t.text, t.kind) for t in tokens("أطلقَ 3 صواريخ 🚀")]
    [('أطلقَ', 'word'), ('3', 'number'), ('صواريخ', 'word'), ('🚀', 'emoji')]
    """
    return list(iter_tokens(text))


def tokenize(text: str, normalize: bool | Normalizer = True) -> list[str]:
    """The words of ``text`` (Arabic and other scripts), normalized: the fast path for counting.

    ``normalize`` is True (default profile), False (words as written) or a
    :class:`~arabtext.normalize.Normalizer` for another profile.

    >>> tokenize("وَقالَ التميمي لـ\\"سبوتنيك\\"")
    ['وقال', 'التميمي', 'ل', 'سبوتنيك']
    >>> tokenize("الأمينُ", normalize=False)
    ['الأمينُ']
    """
    if normalize is not False:
        text = (_normalizer(()) if normalize is True else normalize)(text)
    return list(filter(None, _WORD_RE.findall(text)))


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
