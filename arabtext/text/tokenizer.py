"""Tokens with offsets into the original text, and words for counting.

``tokens`` keeps every token's position in the text it was given, so a
concordance or an explanation can always point back at what the author wrote.
``tokenize`` is the fast path for counting: normalized word strings only.

>>> [t.text for t in tokens("قاعدة k1، ٣٫٥%")]
['قاعدة', 'k1', '،', '٣٫٥%']
>>> tokenize("وَقالَ «التميمي»: 12.5%")
['وقال', 'التميمي']
"""

from __future__ import annotations

import gc
import re
import string
import unicodedata
from contextlib import contextmanager
from itertools import accumulate, chain, repeat
from operator import itemgetter
from typing import Iterator, NamedTuple

from arabtext.text import chars
from arabtext.text.normalization import Normalizer, _normalizer_of

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
# where a latin word cannot start: a URL or an e-mail address begins here
_NOT_LATIN = r"https?://|www\.|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\."
# Order matters: at each position the first alternative that matches wins. Arabic
# words come first because most tokens are Arabic words and no other alternative
# can start with an Arabic letter, so putting them first changes no token.
_PATTERNS = {
    # an Arabic letter, then letters, diacritics, tatweel or invisible controls
    "word": rf"[{_L}][{_L}{_M}{_I}]*",
    # a word of another script; may start with digits (4G) and hold digits (k1, COVID-19);
    # not the start of a URL or an e-mail address, which the next alternative takes
    "latin": rf"(?!{_NOT_LATIN})\d*{_OTHER_LETTER}[\w\u0300-\u036f]*(?:[-'’][\w\u0300-\u036f]+)*",
    "url": r"(?:https?://|www\.)[^\s<>\"'«»]*[^\s<>\"'«».,;:!?،؛؟)\]}]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]*[A-Za-z0-9]",
    "emoji": rf"[\U0001f1e6-\U0001f1ff]{{2}}|[0-9#*]\ufe0f?\u20e3|[{_EMOJI_BASE}][{_EMOJI_MOD}]*(?:\u200d[{_EMOJI_BASE}][{_EMOJI_MOD}]*)*",
    "mention": r"@\w+",
    "hashtag": rf"#[\w{_M}]+",
    "number": r"\d+(?:[.,٫٬]\d+)*[%٪]?",
    # one punctuation or symbol character, or a run of a repeatable one (... !!! ؟؟);
    # the last alternative takes any visible character, so every one is in a token
    "other": rf"\.+|!+|\?+|؟+|…+|-+|=+|\*+|[^\s{_I}]",
}
# re tests a class's \s and \d one character at a time, after its bitmap of ranges,
# so the spaces and digits of ordinary text go in the bitmap too: the same classes,
# settled at once (measured on 10 MB of news: the search for other scripts 37 -> 25
# ms, the tokens() regex 7% faster).
_COMMON_SPACE = r" \n"
_COMMON = _COMMON_SPACE + r"0-9\u0660-\u0669\u06f0-\u06f9"
# Each match first swallows the whitespace before its token. A top-level
# alternation stops the regex engine from skipping spaces in C, so without this
# every space would try every alternative (measured 2-3x slower on news text).
# \Z ends the text cleanly after trailing space, and the catch-all in "other"
# means no visible character can make a match fail after its whitespace was
# taken: the whitespace is never given back, without the possessive quantifier
# that Python 3.10's re lacks.
_SPACE = rf"[{_COMMON_SPACE}{_I}\s]*"
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

# Most of a news text is Arabic words, spaces and punctuation, where the words are
# exactly what a scan for Arabic letters finds; a scan is faster than the token-by-
# token alternation (measured: 0.13 s against 0.21 s on 10 MB of news). Tokens never
# cross whitespace, so a whitespace-delimited chunk holding any other character (a
# latin letter, #, @, an emoji) is read with _WORD_RE on its own, and the rest by
# the scan. Digits and this punctuation are plain: alone with Arabic letters they
# form numbers and punctuation tokens, never words.
_PLAIN_PUNCT = re.escape("".join(c for c in string.punctuation if c not in "#@_") + "،؛؟«»٪٫٬")
_PLAIN = rf"{_COMMON}{_L}{_M}{_I}{_PLAIN_PUNCT}\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\s\d"
_ARABIC_WORD_RE = re.compile(_PATTERNS["word"])
# From the first character that is not plain to the end of its chunk, and on over
# the next chunks while one within four holds one too (an English phrase is one
# call, not one a word); at most 64 steps, so a text mostly in another script is
# found out early and read token by token from there (_MIXED_CHARS).
_NOT_PLAIN_RE = re.compile(rf"[^{_PLAIN}]\S*(?:(?:\s+\S+){{0,3}}?\s+\S*[^{_PLAIN}]\S*){{0,64}}")
_MIXED_CHARS = 256

# tokens() reads the same alternation as columns: findall gives each token with
# the whitespace before it, so offsets are running sums of lengths (no match
# objects), and a token's kind is looked up once per distinct token text.
_ROW_RE = re.compile(f"({_SPACE})(?:(" + "|".join(f"(?:{p})" for p in _PATTERNS.values()) + r")|\Z)")
_NOT_LATIN_RE = re.compile(_NOT_LATIN)
# A token's text decides its kind, with one exception: a single non-Arabic letter
# is a latin word, unless a URL or e-mail address looked like it started there
# and did not (the "w" of "www. "), which leaves the letter a symbol. Its kind is
# settled from the text around it.
_LETTER_OR_SYMBOL = "latin or symbol"
_KIND_OF: dict[str, str] = {}


def _other_kind(first: str) -> str:
    """The kind of a token of the catch-all alternative, from its first character."""
    return "punct" if unicodedata.category(first).startswith("P") else "symbol"


def _kind_alone(token: str) -> str:
    kind = _TOKEN_RE.match(token).lastgroup
    if kind == "other":
        return _other_kind(token[0])
    return _LETTER_OR_SYMBOL if kind == "latin" and len(token) == 1 else kind


@contextmanager
def _no_gc():
    # Building a million tokens would start the cycle collector again and again
    # over objects that hold no cycles (measured: 4x slower on 10 MB of news).
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


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
            kind = _other_kind(text[start])
        yield Token(text[start:end], start, end, kind)


def tokens(text: str) -> list[Token]:
    """Split ``text`` into tokens that point back into it.

    Kinds: word (Arabic), number, latin (other scripts, mixed like k1),
    punct, symbol, emoji, url, mention, hashtag. Whitespace and stray
    invisible controls are not tokens. A diacritized word is one token.

    >>> [(t.text, t.kind) for t in tokens("أطلقَ 3 صواريخ 🚀")]
    [('أطلقَ', 'word'), ('3', 'number'), ('صواريخ', 'word'), ('🚀', 'emoji')]
    """
    with _no_gc():
        rows = _ROW_RE.findall(text)
        while rows and not rows[-1][1]:  # the match of \Z, after the trailing whitespace or not
            rows.pop()
        bounds = list(accumulate(map(len, chain.from_iterable(rows))))
        starts, ends = bounds[0::2], bounds[1::2]
        texts = list(map(itemgetter(1), rows))
        del rows, bounds
        if len(_KIND_OF) > 1_000_000:  # a huge vocabulary: bound the memory
            _KIND_OF.clear()
        kinds = list(map(_KIND_OF.get, texts))
        if None in kinds:  # token texts not seen before: learn each once
            for token in set(texts).difference(_KIND_OF):
                _KIND_OF[token] = _kind_alone(token)
            kinds = list(map(_KIND_OF.get, texts))
        i = -1
        try:
            while True:
                i = kinds.index(_LETTER_OR_SYMBOL, i + 1)
                kinds[i] = "symbol" if _NOT_LATIN_RE.match(text, starts[i]) else "latin"
        except ValueError:
            pass
        return list(map(tuple.__new__, repeat(Token), zip(texts, starts, ends, kinds)))


def tokenize(text: str, normalize: bool | Normalizer = True) -> list[str]:
    """The words of ``text`` (Arabic and other scripts), normalized: the fast path for counting.

    ``normalize`` is True (default profile), False (words as written) or a
    :class:`~arabtext.text.normalization.Normalizer` for another profile.

    >>> tokenize("وَقالَ التميمي لـ\\"سبوتنيك\\"")
    ['وقال', 'التميمي', 'ل', 'سبوتنيك']
    >>> tokenize("الأمينُ", normalize=False)
    ['الأمينُ']
    """
    if normalize is not False:
        text = _normalizer_of(normalize)(text)
    words: list[str] = []
    scan, alternation = _ARABIC_WORD_RE.findall, _WORD_RE.findall
    done = 0
    for match in _NOT_PLAIN_RE.finditer(text):
        start, end = match.span()
        # a token may begin before the first character that is not plain (4G, 12@x.com)
        while start > done and not text[start - 1].isspace():
            start -= 1
        words += scan(text, done, start)
        if end - start >= _MIXED_CHARS:
            words += filter(None, alternation(text, start))
            return words
        words += filter(None, alternation(text, start, end))
        done = end
    words += scan(text, done)
    return words
