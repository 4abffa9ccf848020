"""Concordance (KWIC): every occurrence of a word, in its context, as written."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from arabtext.analysis.query import node_matcher
from arabtext.corpus.inputs import Texts, documents
from arabtext.text.normalization import Normalizer, _normalizer
from arabtext.text.tokenizer import tokens

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["kwic"]


def kwic(
    data: Texts,
    node: str,
    width: int = 5,
    normalize: bool | Normalizer = True,
    match: Literal["clitics", "exact"] = "clitics",
) -> pd.DataFrame:
    """A concordance: every occurrence of ``node`` with ``width`` words on each side, as written.

    The node is found through normalization and, with ``match="clitics"``,
    through clitics: القوات also finds والقوات and للقوات (the light stems
    of :func:`arabtext.text.clitics.light_stem` are compared). The text shown is
    the original, diacritics and all; only runs of whitespace are shown as
    one space. Punctuation is shown but does not count as a word.

    Columns: left, node, right, doc (the document id), offset (where the node
    starts in the document's text; for token lists, in the tokens joined by
    spaces). Render it right to left with ``arabtext.display.kwic_html``.

    >>> text = "أطلقت الفصائل صواريخ على القوات الأمريكية، واستهدفت القواتِ في قاعدة."
    >>> kwic(text, "القوات", width=2)[["left", "node", "right", "offset"]].values.tolist()
    [['صواريخ على', 'القوات', 'الأمريكية، واستهدفت', 25], ['الأمريكية، واستهدفت', 'القواتِ', 'في قاعدة', 52]]
    """
    import pandas as pd

    if isinstance(width, bool) or not isinstance(width, (int, np.integer)) or width < 0:
        raise ValueError(f"width must be a whole number of words ≥ 0, got {width!r}")
    is_node, needle = node_matcher(node, normalize, match)
    norm = _normalizer(()) if normalize is True else (normalize or str)
    seen: dict[str, bool] = {}
    rows = []
    for doc_id, doc in documents(data):
        text = doc if isinstance(doc, str) else " ".join(doc)
        if needle not in norm(text):
            continue
        units = [t for t in tokens(text) if t.kind not in ("punct", "symbol")]
        last = len(units) - 1
        for i, t in enumerate(units):
            hit = seen.get(t.text)
            if hit is None:
                forms = norm(t.text).split()
                hit = seen[t.text] = len(forms) == 1 and is_node(forms[0])
            if hit:
                left = text[units[max(i - width, 0)].start : t.start] if i and width else ""
                right = text[t.end : units[min(i + width, last)].end] if i < last and width else ""
                rows.append((_squash(left), t.text, _squash(right), doc_id, t.start))
    return pd.DataFrame(rows, columns=["left", "node", "right", "doc", "offset"])


def _squash(text: str) -> str:
    return " ".join(text.split())
