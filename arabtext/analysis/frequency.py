"""Word frequencies: counts, frequency tables and n-grams.

Counting is apart from the tables: :class:`TermCounts` holds the counts of
one corpus (or a piece of one) and merges by addition, so a corpus counted
file by file, or process by process, gives the same tables as counted at
once. Every function takes a Corpus, a text, texts or token lists (see
:mod:`arabtext.corpus.inputs`); ``freq_table``, ``zipf``, ``ttr`` and ``keyness``
also take counts already made (a ``TermCounts`` or a ``Counter``).

>>> texts = ["قال الوزير إن الوزير سيزور بغداد", "وصل الوزير إلى بغداد"]
>>> freq_table(texts)[["token", "count", "doc_freq", "rank"]].values.tolist()
[['الوزير', 3, 2, 1], ['بغداد', 2, 2, 2], ['سيزور', 1, 1, 3], ['قال', 1, 1, 3], ['وصل', 1, 1, 3]]
"""


from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from arabtext.analysis.counted import Counts, grouped_term_counts, term_counts
from arabtext.analysis.dispersion import dispersion_table
from arabtext.corpus.inputs import Stopwords, Texts, check_unit
from arabtext.counting.engine import count_corpus
from arabtext.counting.ranking import ranked
from arabtext.counting.terms import TermCounts
from arabtext.text.lemmatizer import lemma_words
from arabtext.text.normalization import Normalizer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["word_counts", "freq_table", "ngrams"]


def word_counts(
    data: Texts, normalize: bool | Normalizer = True, n_jobs: int | None = None, progress: bool = False
) -> Counter[str]:
    """How often each word occurs: a Counter, so counts of two corpora add with ``+``.

    ``n_jobs`` (processes) and ``progress`` (a bar on a terminal) are for
    big corpora; see :mod:`arabtext.counting.engine`.

    >>> word_counts("قال الوزير إن الوزير سيزور بغداد").most_common(1)
    [('الوزير', 2)]
    >>> (word_counts("الوزير") + word_counts(["الوزيرُ", "وزير"]))["الوزير"]
    2
    """
    counts = count_corpus(data, None, normalize, n_jobs, progress, doc_freq=False).words
    assert counts is not None
    return counts.counts


def freq_table(
    data: Texts | Counts,
    normalize: bool | Normalizer = True,
    stopwords: Stopwords = True,
    min_count: int = 1,
    n_jobs: int | None = None,
    progress: bool = False,
    *,
    by: str | None = None,
    wide: bool = False,
    dispersion: bool = False,
    unit: str = "word",
) -> pd.DataFrame:
    """A word frequency table, most frequent first.

    Columns: token, count, per_10k (per 10,000 words, all words counted),
    doc_freq (in how many documents; missing for a Counter), rank (ties
    share a rank). Stop words are left out unless ``stopwords=False``; pass
    your own collection to use another list. ``n_jobs`` (processes) and
    ``progress`` (a bar on a terminal) are for big corpora; see
    :mod:`arabtext.counting.engine`.

    ``by="source"`` counts each group of documents (each value of
    ``doc.meta["source"]``) apart, in one pass: one row per group and word,
    the group in the first column and ``per_10k``, ``rank`` and ``min_count``
    within the group, exactly the table of that group's subcorpus
    (``corpus.filter(source=...)``). ``wide=True`` gives instead one row per
    word and one count column per group, with ``total``, most frequent in
    all first and ``min_count`` on the total. Documents without the field
    are left out with a warning. (With ``by``, no progress bar is shown.)

    ``dispersion=True`` adds how evenly each word is spread over the
    documents: ``range`` (in how many), Juilland's ``juilland_d`` (1: even)
    and Gries' ``dp`` (0: even), with the documents as the parts, weighted
    by their sizes; formulas in :mod:`arabtext.analysis.dispersion`. It
    counts in one process and needs texts (not counts), without ``by``.

    ``unit="lemma"`` counts lemmas (:func:`~arabtext.text.lemmatizer.lemmatize`:
    الحكومة، حكومتها، بالحكومة are one row ``حكومة``; قال، يقول، قالوا one
    row ``قال``): the first column is ``lemma``, and ``forms`` lists its most
    frequent spellings in the texts with their counts. It needs texts, not
    counts, and reads them twice (once for lemmas, once for the spellings;
    with ``dispersion=True``, once and without the spellings),
    so a one-pass iterator of texts is first read into a list; a Corpus
    streams twice. For a corpus too big for that, ``count_corpus(...,
    unit="lemma")`` counts lemmas in one pass, without the spellings.

    >>> freq_table("قالت الحكومة إن حكومتها ستقول", unit="lemma")[["lemma", "count", "forms"]].values.tolist()
    [['حكومة', 2, 'الحكومة 1، حكومتها 1'], ['قال', 2, 'ستقول 1، قالت 1']]
    >>> freq_table("الحرب، ثم الحرب، ثم السلام", stopwords=False)[["token", "count", "per_10k"]].values.tolist()
    [['الحرب', 2, 4000.0], ['ثم', 2, 4000.0], ['السلام', 1, 2000.0]]
    >>> from arabtext import Document
    >>> docs = [Document("a", "فاز الفريق", {"section": "رياضة"}), Document("b", "فاز الحزب", {"section": "سياسة"})]
    >>> freq_table(docs, by="section", wide=True).values.tolist()
    [['فاز', 1, 1, 2], ['الحزب', 0, 1, 1], ['الفريق', 1, 0, 1]]
    """
    if dispersion:
        if by is not None or isinstance(data, (TermCounts, Mapping)):
            raise ValueError("dispersion=True needs the documents themselves, without by= (filter a group first)")
        return dispersion_table(data, normalize, stopwords, min_count, check_unit(unit))
    if check_unit(unit) == "word":
        return _table(data, 1, normalize, stopwords, min_count, n_jobs, progress, by, wide, "token")
    if not isinstance(data, str) and iter(data) is data:  # type: ignore[call-overload]
        data = list(data)
    table = _table(data, 1, normalize, stopwords, min_count, n_jobs, progress, by, wide, "lemma", unit)
    if by is None:
        table.insert(1, "forms", _spellings(word_counts(data, normalize, n_jobs), table["lemma"]))
    return table


def _spellings(words: Counter[str], lemmas: Iterable[str], top: int = 3) -> list[str]:
    """For each lemma, its ``top`` most frequent words with their counts: "الحكومة 40، حكومة 12"."""
    wanted = set(lemmas)
    forms: dict[str, list[tuple[int, str]]] = {}
    for (word, count), lemma in zip(words.items(), lemma_words(list(words))):
        if lemma in wanted:
            forms.setdefault(lemma, []).append((-count, word))
    return ["، ".join(f"{w} {-c}" for c, w in sorted(forms.get(lemma, []))[:top]) for lemma in lemmas]


def ngrams(
    data: Texts | TermCounts,
    n: int = 2,
    normalize: bool | Normalizer = True,
    stopwords: Stopwords = True,
    min_count: int = 1,
    n_jobs: int | None = None,
    progress: bool = False,
    *,
    by: str | None = None,
    wide: bool = False,
    unit: str = "word",
) -> pd.DataFrame:
    """An n-gram frequency table: sequences of ``n`` words inside a document, most frequent first.

    Columns: ngram (the words joined by a space), count, per_10k (per 10,000
    n-grams), doc_freq, rank. An n-gram holding a stop word is left out
    unless ``stopwords=False``. ``n_jobs``, ``progress``, ``by`` and
    ``wide`` as for :func:`freq_table`; ``unit="lemma"`` makes n-grams of
    lemmas (no ``forms`` column).

    >>> ngrams(["وزير الخارجية الأمريكي", "قال وزير الخارجية"], min_count=2)[["ngram", "count"]].values.tolist()
    [['وزير الخارجية', 2]]
    """
    return _table(data, n, normalize, stopwords, min_count, n_jobs, progress, by, wide, "ngram", check_unit(unit))


def _table(
    data: Texts | Counts, n: int, normalize: bool | Normalizer, stopwords: Stopwords, min_count: int,
    n_jobs: int | None, progress: bool, by: str | None, wide: bool, column: str, unit: str = "word",
) -> pd.DataFrame:
    """The frequency table of ``n``-grams: of everything, or (``by``) of each group."""
    if by is None:
        if wide:
            raise ValueError("wide=True needs by=: the field whose groups become columns")
        return term_counts(data, normalize, n, n_jobs, progress, unit).table(stopwords, min_count, column)
    grouped = grouped_term_counts(data, by, normalize, n, n_jobs, unit)
    return _grouped_table(grouped, by, stopwords, min_count, wide, column)


def _grouped_table(
    groups: dict[Any, TermCounts], by: str, stopwords: Stopwords, min_count: int, wide: bool, column: str
) -> pd.DataFrame:
    """The tables of the groups, stacked (long) or side by side (wide)."""
    import pandas as pd

    if not wide:
        if by in (column, "count", "per_10k", "doc_freq", "rank"):
            raise ValueError(f"by={by!r} would name two columns alike; rename that metadata field")
        tables = [table.assign(**{by: value})[[by, *table.columns]] for value, table in
                  ((value, counts.table(stopwords, min_count, column)) for value, counts in groups.items())]
        return pd.concat(tables, ignore_index=True)
    columns = list(groups)
    if column in columns or "total" in columns:
        raise ValueError(f"a group of {by!r} is named {column!r} or 'total', like a column of the wide table")
    counts = {value: groups[value].table(stopwords, 1, column).set_index(column)["count"] for value in columns}
    df = pd.DataFrame(counts, columns=columns).fillna(0).astype("int64")
    df["total"] = df.sum(axis=1)
    df = df[df["total"] >= min_count].rename_axis(column).reset_index()
    df.columns.name = None
    return ranked(df, ["total"], [column])
