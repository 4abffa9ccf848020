"""What a concordance query matches: words, phrases, wildcards and regular expressions.

A query is one or more parts separated by spaces; a phrase matches
consecutive words, one part per word. Each part is

* a word: the same word after normalization and, with ``match="clitics"``,
  the same light stem (القوات finds والقوات and للقوات);
* a wildcard: ``*`` stands for any letters (none too), ``?`` for one letter
  (``مفاوض*``, ``*قوات*``);
* with ``regex=True``, a regular expression searched in the word
  (``^مفاوض\\w*$``);
* ``lemma:`` and a word: every word whose lemma is that word's lemma
  (``lemma:قال`` finds قال، يقول، وقالت، سيقولون; see
  :func:`~arabtext.text.lemmatizer.lemmatize`).

Wildcards and regular expressions are tried on the normalized word and, with
``match="clitics"``, also on its light stem, so ``مفاوض*`` finds والمفاوضات.
``exact=True`` compares with the text as written instead: no normalization,
no clitics (الأمينُ finds only الأمينُ).

>>> q = compile_query("مفاوض*")
>>> [q.parts[0](w) for w in ("مفاوضات", "والمفاوضين", "تفاوض")]
[True, True, False]
>>> len(compile_query("عين الأسد").parts)
2
>>> [compile_query("lemma:قال").parts[0](w) for w in ("وقالت", "سيقولون", "قائل")]
[True, True, False]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from arabtext.text.clitics import light_stem
from arabtext.text.lemmatizer import lemmatize
from arabtext.text.normalization import Normalizer, _normalizer_of
from arabtext.text.tokenizer import tokenize

__all__ = ["Part", "Query", "compile_query", "node_matcher"]

_WILD = re.compile(r"[*?]")
_LEMMA = "lemma:"


@dataclass(frozen=True)
class Part:
    """One word of a query: a test on the word itself, on its light stem, or on either.

    ``part(word)`` answers for a (normalized) word; :meth:`matches` takes the
    light stem too, for callers that already have it (the explorer's index
    stems its vocabulary once).
    """

    on_word: Callable[[str], bool] | None
    on_stem: Callable[[str], bool] | None

    def __call__(self, word: str) -> bool:
        return self.matches(word, light_stem(word) if self.on_stem else word)

    def matches(self, word: str, stem: str) -> bool:
        """Whether ``word``, whose light stem is ``stem``, may stand here."""
        return bool((self.on_word and self.on_word(word)) or (self.on_stem and self.on_stem(stem)))


@dataclass(frozen=True)
class Query:
    """A compiled query: one test per consecutive word, and what those words are compared as.

    ``parts[k](form)`` says whether the ``k``-th word of a match may be
    ``form``: the word normalized (or, with ``written``, as written).
    ``needles`` holds a string each part's matches contain, or ``""`` when
    there is none, so a document without them can be passed over unread.
    """

    text: str
    parts: tuple[Part, ...]
    needles: tuple[str, ...]
    written: bool

    def __len__(self) -> int:
        return len(self.parts)


def compile_query(
    query: str,
    normalize: bool | Normalizer = True,
    match: str = "clitics",
    regex: bool = False,
    exact: bool = False,
) -> Query:
    """Compile ``query`` (see the module docstring) into a :class:`Query`.

    >>> compile_query("الأمينُ", exact=True).parts[0]("الامين")
    False
    >>> compile_query(r"^مفاوض\\w*$", regex=True).parts[0]("مفاوضون")
    True
    """
    if match not in ("clitics", "exact"):
        raise ValueError(f"match must be 'clitics' or 'exact', got {match!r}")
    if not isinstance(query, str) or not query.split():
        raise ValueError(f"the query must be a word, a phrase or a pattern, got {query!r}")
    norm = str if exact else (_normalizer_of(normalize) or str)
    stems = match == "clitics" and not exact
    built = [_part(piece, norm, stems, regex, exact, normalize, query) for piece in query.split()]
    return Query(query, tuple(p for p, _ in built), tuple(n for _, n in built), exact)


def node_matcher(node: str, normalize: bool | Normalizer, match: str) -> tuple[Part, str]:
    """A test for "this (normalized) word is the node", and a string every such word contains.

    ``node`` is one part of a query: a word, or a wildcard.

    >>> is_node, needle = node_matcher("القوات", True, "clitics")
    >>> is_node("للقوات"), needle
    (True, 'قوات')
    """
    query = compile_query(node, normalize, match)
    if len(query) != 1:
        raise ValueError(f"node must be one word, got {node!r}")
    return query.parts[0], query.needles[0]


def _part(piece: str, norm: Callable[[str], str], stems: bool, regex: bool, exact: bool,
          normalize: bool | Normalizer, query: str) -> tuple[Part, str]:
    if piece.startswith(_LEMMA) and not exact:
        word = piece[len(_LEMMA):]
        if len(tokenize(word, normalize)) != 1:
            raise ValueError(f"{piece!r} in {query!r}: write one word after lemma:, as in lemma:قال")
        lemma = lemmatize(word)
        return Part(lambda form: lemmatize(form) == lemma, None), ""
    if regex:
        try:
            search = re.compile(piece).search
        except re.error as e:
            raise ValueError(f"{piece!r} is not a regular expression: {e}") from None
        return _on_word_or_stem(lambda word: search(word) is not None, stems), ""
    if _WILD.search(piece):
        literals = [norm(s) for s in _WILD.split(piece)]
        body = "".join(re.escape(lit) + {"*": ".*", "?": "."}.get(wild, "") for lit, wild in
                       zip(literals, _WILD.findall(piece) + [""]))
        fullmatch = re.compile(body, re.DOTALL).fullmatch
        return _on_word_or_stem(lambda word: fullmatch(word) is not None, stems), max(literals, key=len)
    if exact:
        return Part(piece.__eq__, None), piece
    forms = tokenize(piece, normalize)
    if len(forms) != 1:
        raise ValueError(f"each part of a query must be one word; {piece!r} in {query!r} is {len(forms)} words {forms}")
    form = forms[0]
    if not stems:
        return Part(form.__eq__, None), form
    stem = light_stem(form)
    return Part(None, stem.__eq__), stem


def _on_word_or_stem(test: Callable[[str], bool], stems: bool) -> Part:
    return Part(test, test if stems else None)
