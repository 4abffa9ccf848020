"""Concordance (KWIC): every occurrence of a word, phrase or pattern, in its context, as written.

:func:`kwic` streams: it reads each document once and keeps nothing but the
lines it finds, so it works on a corpus of any size. The explorer
(:mod:`arabtext.explorer`) answers the same queries from an index built once,
with the same lines in the same order; both share what is here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from arabtext.analysis.query import Query, compile_query
from arabtext.corpus.inputs import Texts, documents_with_meta
from arabtext.text.normalization import Normalizer, _normalizer_of
from arabtext.text.tokenizer import tokens

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["kwic", "CONCORDANCE_COLUMNS", "sort_positions", "concordance_frame", "line", "word_form", "check_width"]

#: the columns every concordance has; the documents' metadata fields follow them
CONCORDANCE_COLUMNS = ("left", "node", "right", "doc", "offset", "end")
_SORT_KEY = re.compile(r"([LR])([1-9])|(node)", re.IGNORECASE)


def kwic(
    data: Texts,
    query: str,
    width: int = 5,
    normalize: bool | Normalizer = True,
    match: Literal["clitics", "exact"] = "clitics",
    *,
    regex: bool = False,
    exact: bool = False,
    sort: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """A concordance: every occurrence of ``query`` with ``width`` words on each side, as written.

    ``query`` is a word, a phrase (consecutive words: ``"عين الأسد"``), a
    wildcard (``"مفاوض*"``, ``"*قوات*"``, ``?`` for one letter) or, with
    ``regex=True``, a regular expression searched in each normalized word
    (``r"^مفاوض\\w*$"``); see :mod:`arabtext.analysis.query`. A word is
    found through normalization and, with ``match="clitics"``, through
    clitics: القوات also finds والقوات and للقوات. ``match="exact"`` takes
    only the normalized word itself; ``exact=True`` compares with the text as
    written (diacritics and all).

    ``sort`` orders the lines as AntConc does, by the normalized word at a
    position: ``"R1"`` (the first word right of the node, i.e. after it),
    ``"L2"`` (the second word before it), ``"node"``, or several, most
    important first: ``"L1,R1"``. Lines that tie stay in document order; the
    default is document order and position.

    The text shown is the original, diacritics and all; only runs of
    whitespace are shown as one space. Punctuation is shown but does not
    count as a word. Columns: left, node, right, doc (the document id),
    offset and end (where the node starts and ends in the document's text;
    for token lists, in the tokens joined by spaces), then the documents'
    metadata fields (a field named like a column gets ``meta_`` before it).
    Render it right to left with ``arabtext.display.kwic_html``.

    >>> text = "أطلقت الفصائل صواريخ على القوات الأمريكية، واستهدفت القواتِ في قاعدة."
    >>> kwic(text, "القوات", width=2)[["left", "node", "right", "offset"]].values.tolist()
    [['صواريخ على', 'القوات', 'الأمريكية، واستهدفت', 25], ['الأمريكية، واستهدفت', 'القواتِ', 'في قاعدة', 52]]
    >>> kwic(text, "القوات *", width=1, sort="R1")[["node", "right"]].values.tolist()
    [['القواتِ في', 'قاعدة'], ['القوات الأمريكية', '، واستهدفت']]
    """
    check_width(width)
    keys = sort_positions(sort)
    q = compile_query(query, normalize, match, regex, exact)
    norm = _normalizer_of(normalize) or str
    forms: dict[str, str] = {}
    hits: list[dict[str, bool]] = [{} for _ in q.parts]
    rows, sort_rows, metas = [], [], []
    for doc_id, doc, meta in documents_with_meta(data):
        text = doc if isinstance(doc, str) else " ".join(doc)
        if not _may_hold(q, text, norm):
            continue
        units = [t for t in tokens(text) if t.kind not in ("punct", "symbol")]
        unit_forms = [word_form(t.text, forms, norm) for t in units]
        shown = [t.text for t in units] if q.written else unit_forms
        starts, ends = [t.start for t in units], [t.end for t in units]
        for i in _matches(q, shown, hits):
            j = i + len(q) - 1
            rows.append((*line(text, starts, ends, i, j, width), doc_id, starts[i], ends[j]))
            sort_rows.append([_key(unit_forms, i, j, k) for k in keys])
            metas.append(meta)
    if keys:
        order = sorted(range(len(rows)), key=sort_rows.__getitem__)
        rows, metas = [rows[i] for i in order], [metas[i] for i in order]
    return concordance_frame(rows, metas)


def sort_positions(sort: str | Sequence[str] | None) -> list[int]:
    """``"L1,R1"`` → ``[-1, 1]``: the word positions to sort by (0 is the node), most important first.

    >>> sort_positions("L2, R1"), sort_positions(["node"]), sort_positions(None)
    ([-2, 1], [0], [])
    """
    if sort is None:
        return []
    names = re.split(r"[,\s]+", sort.strip()) if isinstance(sort, str) else list(sort)
    positions = []
    for name in names:
        m = _SORT_KEY.fullmatch(str(name).strip())
        if m is None:
            raise ValueError(f"sort keys are L1…L9, R1…R9 or node (e.g. 'R1' or 'L1,R1'); got {name!r} in {sort!r}")
        positions.append(0 if m[3] else (-1 if m[1].upper() == "L" else 1) * int(m[2]))
    return positions


def line(text: str, starts: Sequence[int], ends: Sequence[int], i: int, j: int, width: int) -> tuple[str, str, str]:
    """Left context, node and right context of the match of words ``i``…``j``, as written, spaces squashed.

    ``starts`` and ``ends`` are where each word of ``text`` starts and ends.

    >>> line("قال  الوزير أمس", [0, 5, 12], [3, 11, 15], 1, 1, 1)
    ('قال', 'الوزير', 'أمس')
    """
    last = len(starts) - 1
    left = text[starts[max(i - width, 0)] : starts[i]] if i and width else ""
    right = text[ends[j] : ends[min(j + width, last)]] if j < last and width else ""
    return _squash(left), _squash(text[starts[i] : ends[j]]), _squash(right)


def concordance_frame(rows: list[tuple], metas: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """The concordance table: :data:`CONCORDANCE_COLUMNS`, then the metadata fields in the order first seen."""
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(CONCORDANCE_COLUMNS))
    fields = list(dict.fromkeys(f for meta in metas for f in meta))
    for field in fields:
        name = f"meta_{field}" if field in CONCORDANCE_COLUMNS else field
        df[name] = [meta.get(field) for meta in metas]
    return df


def check_width(width: int) -> None:
    """Refuse a context width that is not a whole number of words ≥ 0, in words a user reads.

    >>> check_width(-1)
    Traceback (most recent call last):
    ValueError: width must be a whole number of words ≥ 0, got -1
    """
    if isinstance(width, bool) or not isinstance(width, (int, np.integer)) or width < 0:
        raise ValueError(f"width must be a whole number of words ≥ 0, got {width!r}")


def _may_hold(q: Query, text: str, norm: Any) -> bool:
    """False when some part's needle is not in the text: no match can be there."""
    needles = [n for n in q.needles if n]
    if not needles:
        return True
    seen = text if q.written else norm(text)
    return all(n in seen for n in needles)


def word_form(written: str, forms: dict[str, str], norm: Any) -> str:
    """The normalized word a unit is; "" when normalization makes it no word or several (ﷺ), which nothing matches.

    ``forms`` caches the answers, written form → normalized form.

    >>> from arabtext.text.normalization import normalize
    >>> cache = {}
    >>> word_form("القوّاتِ", cache, normalize), word_form("ﷺ", cache, normalize), cache["القوّاتِ"]
    ('القوات', '', 'القوات')
    """
    form = forms.get(written)
    if form is None:
        words = norm(written).split()
        form = forms[written] = words[0] if len(words) == 1 else ""
    return form


def _matches(q: Query, forms: list[str], hits: list[dict[str, bool]]) -> list[int]:
    """Where in ``forms`` a match of ``q`` starts; each part's answer is cached per form."""
    found = []
    n = len(q.parts)
    for i in range(len(forms) - n + 1):
        for k in range(n):
            form = forms[i + k]
            hit = hits[k].get(form)
            if hit is None:
                hit = hits[k][form] = bool(form) and q.parts[k](form)
            if not hit:
                break
        else:
            found.append(i)
    return found


def _key(forms: list[str], i: int, j: int, position: int) -> str:
    """The normalized word at ``position`` (L is before ``i``, R after ``j``); "" past the document's edge."""
    if position == 0:
        return " ".join(forms[i : j + 1])
    k = i + position if position < 0 else j + position
    return forms[k] if 0 <= k < len(forms) else ""


def _squash(text: str) -> str:
    return " ".join(text.split())
