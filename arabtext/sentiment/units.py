"""What gets scored: words, phrases and emoji of a text, with emoticons and hashtags made into words."""

from __future__ import annotations

import re
from typing import NamedTuple

from arabtext.text.tokenizer import Token, tokens

_WORD_KINDS = frozenset(("word", "latin", "number"))
# emoji modifiers that do not change the emoji's meaning: variation selector, skin tones
_EMOJI_NOISE = re.compile("[\ufe0f\U0001f3fb-\U0001f3ff]")

# emoticons: eyes, an optional nose or tear, a mouth; or a heart <3 (not inside words: a:D)
_EMOTICON = re.compile(r"(?<![\w:;=])(?:[:;=][-'^]?[)(DPp]+|<3+)(?!\w)")

_EMOTICON_HINT = re.compile(r"[:;=<]")


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
