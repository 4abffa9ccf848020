"""A concordance index: read the corpus once, then answer each query in milliseconds.

:func:`arabtext.kwic` reads every document again for every query, which is
right for a corpus streamed from disk once. Exploring is many queries on the
same corpus, so :class:`ConcordanceIndex` keeps, for every word of the corpus,
which vocabulary entry it is and where it is written. A query is then tested
once per *distinct* word (tens of thousands), not once per running word
(millions), and its matches are found with one vectorized pass.

The lines are the ones :func:`arabtext.kwic` gives, in the same order, with
the same columns (a test compares them on the news sample).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from arabtext.analysis.concordance import check_width, concordance_frame, line, sort_positions, word_form
from arabtext.analysis.cooccurrence import collocates
from arabtext.analysis.counted import pair_counts
from arabtext.analysis.dispersion import word_dispersion
from arabtext.analysis.query import Query, compile_query
from arabtext.corpus.inputs import Texts, documents_with_meta
from arabtext.text.clitics import light_stem
from arabtext.text.normalization import Normalizer, _normalizer_of
from arabtext.text.tokenizer import tokens

if TYPE_CHECKING:
    import pandas as pd

    from arabtext.counting.pairs import BigramCounts

__all__ = ["ConcordanceIndex", "Hits"]


@dataclass(frozen=True)
class Hits:
    """Where a query matched: the first word of each match (an index into the corpus's words), in display order.

    ``per_doc[d]`` is the number of matches in document ``d``; ``range``,
    ``juilland_d`` and ``dp`` are the query's dispersion over the documents
    (see :mod:`arabtext.analysis.dispersion`).
    """

    query: Query
    positions: np.ndarray
    per_doc: np.ndarray
    range: int
    juilland_d: float
    dp: float

    def __len__(self) -> int:
        return len(self.positions)


class ConcordanceIndex:
    """Every word of ``data`` with its vocabulary entry and its place in the text, for fast queries.

    ``normalize`` and ``match`` are those of :func:`arabtext.kwic`, fixed for
    the index (they decide what the vocabulary is).

    >>> index = ConcordanceIndex(["أطلقت الفصائل صواريخ على القوات", "واستهدفت القواتِ قاعدة"])
    >>> index.kwic("القوات", width=1)[["left", "node", "doc"]].values.tolist()
    [['على', 'القوات', 'doc0001'], ['واستهدفت', 'القواتِ', 'doc0002']]
    >>> len(index), index.n_docs
    (8, 2)
    """

    def __init__(self, data: Texts, normalize: bool | Normalizer = True, match: Literal["clitics", "exact"] = "clitics") -> None:
        self.normalize, self.match = normalize, match
        norm = _normalizer_of(normalize) or str
        self.ids: list[str] = []
        self.texts: list[str] = []
        self.metas: list[dict[str, Any]] = []
        written: dict[str, int] = {}
        written_ids: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        sizes: list[int] = []
        for doc_id, doc, meta in documents_with_meta(data):
            text = doc if isinstance(doc, str) else " ".join(doc)
            units = [t for t in tokens(text) if t.kind not in ("punct", "symbol")]
            written_ids.extend(written.setdefault(t.text, len(written)) for t in units)
            starts.extend(t.start for t in units)
            ends.extend(t.end for t in units)
            sizes.append(len(units))
            self.ids.append(doc_id)
            self.texts.append(text)
            self.metas.append(meta)
        # the normalized vocabulary; entry 0 is "" — a unit that normalizes to no word or to several, which nothing matches
        forms: dict[str, str] = {}
        form_ids = {"": 0}
        of_written = np.array([form_ids.setdefault(word_form(w, forms, norm), len(form_ids)) for w in written], np.int64)
        self.written = np.array(list(written), dtype=object)
        self.forms = np.array(list(form_ids), dtype=object)
        self.stems = np.array([light_stem(f) if f else "" for f in self.forms], dtype=object)
        self.written_of = np.array(written_ids, np.int64)
        self.form_of = of_written[self.written_of] if len(self.written_of) else self.written_of
        self.starts, self.ends = np.array(starts, np.int64), np.array(ends, np.int64)
        self.sizes = np.array(sizes, np.int64)
        self.first = np.concatenate([[0], np.cumsum(self.sizes)])  # the corpus index of each document's first word
        self.doc_of = np.repeat(np.arange(len(sizes)), self.sizes)
        # sort keys: a form's place in the sorted vocabulary; "" (and past the document's edge) first
        self.rank = np.empty(len(self.forms), np.int64)
        self.rank[np.argsort(self.forms.astype(str), kind="stable")] = np.arange(len(self.forms))
        self._pairs: dict[int, BigramCounts] = {}

    def __len__(self) -> int:
        """The number of words in the corpus (punctuation is not a word)."""
        return len(self.form_of)

    @property
    def n_docs(self) -> int:
        return len(self.texts)

    def search(self, query: str, *, regex: bool = False, exact: bool = False, sort: str | Sequence[str] | None = None) -> Hits:
        """Where ``query`` matches (same query language as :func:`arabtext.kwic`), sorted by ``sort``.

        >>> index = ConcordanceIndex(["قال الوزير أمس", "وصل الوزير"])
        >>> hits = index.search("الوزير")
        >>> hits.positions.tolist(), hits.per_doc.tolist(), hits.range
        ([1, 4], [1, 1], 2)
        """
        q = compile_query(query, self.normalize, self.match, regex, exact)
        keys = sort_positions(sort)
        ids, vocab = (self.written_of, self.written) if q.written else (self.form_of, self.forms)
        masks = [self._types(part, needle, vocab, q.written) for part, needle in zip(q.parts, q.needles)]
        positions = np.flatnonzero(masks[0][ids]) if len(ids) else np.zeros(0, np.int64)
        for k, mask in enumerate(masks[1:], 1):
            positions = positions[positions + k < len(ids)]
            later = positions + k
            positions = positions[mask[ids[later]] & (self.doc_of[later] == self.doc_of[positions])]
        if keys and len(positions):
            columns = [self._sort_key(positions, len(q), key) for key in keys]
            positions = positions[np.lexsort([c for key in reversed(columns) for c in reversed(key)])]
        per_doc = np.bincount(self.doc_of[positions], minlength=self.n_docs)
        spread, juilland, dp = word_dispersion(per_doc, self.sizes) if len(positions) else (0, float("nan"), float("nan"))
        return Hits(q, positions, per_doc, spread, juilland, dp)

    def kwic(
        self,
        query: str | Hits,
        width: int = 5,
        *,
        regex: bool = False,
        exact: bool = False,
        sort: str | Sequence[str] | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """The concordance :func:`arabtext.kwic` gives for the indexed corpus; ``limit`` keeps the first lines.

        ``query`` may be the :class:`Hits` of an earlier :meth:`search`, so a
        new width or page costs no new search.
        """
        check_width(width)
        hits = query if isinstance(query, Hits) else self.search(query, regex=regex, exact=exact, sort=sort)
        n = len(hits.query)
        rows, metas = [], []
        for at in hits.positions[:limit].tolist():
            d = int(self.doc_of[at])
            lo, hi = self.first[d], self.first[d + 1]
            starts, ends = self.starts[lo:hi], self.ends[lo:hi]
            i = at - lo
            j = i + n - 1
            rows.append((*line(self.texts[d], starts, ends, i, j, width), self.ids[d], int(starts[i]), int(ends[j])))
            metas.append(self.metas[d])
        return concordance_frame(rows, metas)

    def collocates(
        self,
        node: str,
        window: int = 5,
        measure: str = "logdice",
        min_count: int = 3,
        stopwords: bool = True,
        side: Literal["both", "left", "right"] = "both",
    ) -> pd.DataFrame:
        """:func:`arabtext.collocates` of ``node`` in the indexed corpus; the pairs are counted once per window.

        >>> index = ConcordanceIndex(["القوات الأمريكية هنا", "واستهدفت القوات الأمريكية"])
        >>> index.collocates("القوات", window=1, min_count=2).collocate.tolist()
        ['الامريكية']
        """
        return collocates(self.pair_counts(window), node, window, measure, min_count, stopwords, self.normalize,
                          side, self.match)

    def pair_counts(self, window: int = 5) -> BigramCounts:
        """The corpus's co-occurrence counts within ``window`` words, counted on first use and kept.

        >>> index = ConcordanceIndex(["القوات الأمريكية هنا"])
        >>> index.pair_counts(1) is index.pair_counts(1)
        True
        """
        counts = self._pairs.get(window)
        if counts is None:
            counts = self._pairs[window] = pair_counts(self.texts, window, self.normalize, None, False, False)
        return counts

    def _types(self, part: Any, needle: str, vocab: np.ndarray, written: bool) -> np.ndarray:
        """A mask over ``vocab``: the entries ``part`` takes. Only entries holding the needle are tried."""
        stems = vocab if written else self.stems
        candidates = range(len(vocab)) if not needle else [t for t, w in enumerate(vocab.tolist()) if needle in w]
        mask = np.zeros(len(vocab), bool)
        mask[[t for t in candidates if vocab[t] and part.matches(vocab[t], stems[t])]] = True
        return mask

    def _sort_key(self, positions: np.ndarray, n: int, key: int) -> list[np.ndarray]:
        """The rank of the normalized word at ``key`` (0: each word of the match) for each match; edge → rank of ""."""
        if key == 0:
            return [self.rank[self.form_of[positions + k]] for k in range(n)]
        at = positions + key if key < 0 else positions + n - 1 + key
        inside = (at >= 0) & (at < len(self.form_of))
        clipped = np.clip(at, 0, len(self.form_of) - 1)
        inside &= self.doc_of[clipped] == self.doc_of[positions]
        return [np.where(inside, self.rank[self.form_of[clipped]], self.rank[0])]
