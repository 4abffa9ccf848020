"""A curated stop-word list for Modern Standard Arabic, easy to extend or replace.

The bundled list (``arabtext/text/data/stopwords.txt``, about 580 forms) holds MSA
function words: prepositions, conjunctions, particles, pronouns,
demonstratives, relatives, كان and إن with their sisters, common adverbs and
quantifiers. Because ``tokenize`` keeps clitics attached, it also holds their
frequent clitic combinations (وفي، بأن، فإن، عليه، إليها ...). Each group in
the file says why it is there.

Every form is stored as :func:`arabtext.normalize` writes it with the default
steps (على → علي, إلى → الي, أن → ان; ة kept), so the set matches the output
of :func:`arabtext.tokenize` directly:

>>> from arabtext import tokenize
>>> sw = stopwords()
>>> [w for w in tokenize("وقال إنه سيعود إلى المدينة") if w not in sw]
['وقال', 'سيعود', 'المدينة']

Words you pass (``extra``, ``exclude``, your own file) are normalized the
same way, so diacritized or hamza-spelled input works.

على and the name علي
--------------------
The default profile writes ى as ي, so the preposition على and the name علي
(Ali) become one string, ``علي``. The list keeps it as a stop word: على is one
of the five commonest words of Arabic prose, the name is rare (in the ANT
news sample, 3.9 M words, على stands alone about 63,000 times and علي about
750 times, some of those being على typed with ي). Leaving it out would put
على near the top of every frequency table. A study of names can remove it
with ``stopwords(exclude=["علي"])``, which keeps على in the counts as well;
telling the two apart needs text normalized with ``alef_maqsura=False`` and a
list of your own (``path=``). The same merge joins إلى with آلي "automatic"
(both ``الي``) and the preposition أمام with إمام "imam" (both ``امام``).

Other normalization profiles
----------------------------
Text normalized with extra merges (``ta_marbuta=True``, ``hamza=True``) needs
the list merged the same way::

    frozenset(normalize(w, ta_marbuta=True) for w in stopwords())

A profile that turns a default step off (tashkeel, alef, alef_maqsura) cannot
be served from this list, whose forms have already lost those letters: pass a
list of your own with ``path=``.

Not in the list
---------------
The reporting verbs of news (قال، أضاف، أكد) top news frequency tables but
are content verbs: who said what matters to a collocation or sentiment study.
Add them when they are noise for you::

    stopwords(extra="قال وقال قالت أضاف وأضاف")

To start a list of your own from this one, copy the file at ``BUNDLED_PATH``,
edit it and pass it as ``stopwords(path=...)``.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from functools import lru_cache

from arabtext.text.normalization import normalize

# os.path rather than pathlib: this module is imported eagerly, and pathlib
# would add ~10 ms to `import arabtext`. __file__ works in a checkout and in an
# installed wheel alike (the data file travels inside the package).
BUNDLED_PATH = os.path.join(os.path.dirname(__file__), "data", "stopwords.txt")


def stopwords(
    extra: Iterable[str] | str = (),
    exclude: Iterable[str] | str = (),
    path: str | os.PathLike[str] | None = None,
) -> frozenset[str]:
    """The stop-word set: the bundled list (or your file) plus ``extra`` minus ``exclude``.

    Args:
        extra: words to add. A single string is split on whitespace.
        exclude: words to remove; it wins over ``extra``.
        path: a file replacing the bundled list: UTF-8, one word a line,
            ``#`` starts a comment. Lines that are not one word are skipped
            with a warning naming the file and the lines.

    Every word is normalized with the default profile of
    :func:`arabtext.normalize`, so ``"عَلَى"``, ``"على"`` and ``"علي"`` are the
    same entry.

    >>> "علي" in stopwords()
    True
    >>> sorted(stopwords(extra="قالَ أضافَ") - stopwords())
    ['اضاف', 'قال']
    >>> "علي" in stopwords(exclude=["على"])
    False
    """
    words = _bundled() if path is None else _read(path)
    added = _normalized(extra, "extra")
    removed = _normalized(exclude, "exclude")
    if not added and not removed:
        return words
    return (words | added) - removed


@lru_cache(maxsize=1)
def _bundled() -> frozenset[str]:
    # Read once, on first use rather than at import. A user's file is not
    # cached, so editing it and calling stopwords() again shows the edit.
    return _read(BUNDLED_PATH)


def _read(path: str | os.PathLike[str]) -> frozenset[str]:
    name = os.fspath(path)
    try:
        # utf-8-sig: files saved by Windows editors start with a BOM
        with open(path, encoding="utf-8-sig") as f:
            lines = f.read().splitlines()
    except UnicodeDecodeError as exc:
        raise ValueError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    words: set[str] = set()
    skipped: list[int] = []
    for lineno, line in enumerate(lines, 1):
        entry = line.split("#", 1)[0]
        if not entry.strip():
            continue
        parts = normalize(entry).split()
        if len(parts) == 1:
            words.add(parts[0])
        else:
            # several words (a phrase can never match one token) or nothing
            # left after normalization (a stray diacritic or tatweel)
            skipped.append(lineno)
    if skipped:
        shown = ", ".join(map(str, skipped[:10])) + (" ..." if len(skipped) > 10 else "")
        warnings.warn(
            f"{name}: skipped {len(skipped)} line(s) that do not hold exactly one word: line {shown}",
            stacklevel=3,
        )
    if not words:
        warnings.warn(f"{name}: no stop words found", stacklevel=3)
    return frozenset(words)


def _normalized(words: Iterable[str] | str, argument: str) -> frozenset[str]:
    if isinstance(words, str):
        words = words.split()
    out = set()
    for word in words:
        if not isinstance(word, str):
            raise TypeError(f"{argument} must hold strings, got {word!r}")
        parts = normalize(word).split()
        if len(parts) != 1:
            raise ValueError(f"{argument}: {word!r} is not one word; a stop word is matched against single tokens")
        out.add(parts[0])
    return frozenset(out)
