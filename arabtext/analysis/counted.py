"""The counts an analysis works on: counted here from texts, or taken as given.

Every analysis takes texts (a Corpus, a text, texts or token lists) or counts
already made; these two functions turn either into counts, so each analysis
is written once, on counts.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Union

from arabtext.corpus.collection import Corpus, CorpusError, _hashable, _no_field, _sort_key, _warn_ungrouped
from arabtext.corpus.inputs import Texts, check_unit, documents
from arabtext.counting.engine import CHUNK_CHARS, count_corpus, count_ngrams
from arabtext.counting.pairs import BigramCounts
from arabtext.counting.terms import TermCounts
from arabtext.text.normalization import Normalizer
from arabtext.text.sentence_splitter import sentences

Counts = Union[TermCounts, Mapping[str, int]]


def term_counts(
    data: Texts | Counts, normalize: bool | Normalizer, n: int = 1, n_jobs: int | None = None, progress: bool = False,
    unit: str = "word",
) -> TermCounts:
    """TermCounts for ``data``: counted (see :mod:`arabtext.counting.engine`), or as given when they are counts already."""
    if check_unit(unit) != "word" and isinstance(data, (TermCounts, Mapping)):
        raise ValueError(f"unit={unit!r} needs the texts: counts already made cannot be counted again by "
                         f"{unit}; count them with count_corpus(..., unit={unit!r})")
    if isinstance(data, TermCounts):
        if data.n != n:
            raise ValueError(f"these are counts of {data.n}-grams, not {n}-grams")
        return data
    if isinstance(data, Mapping):
        if n != 1:
            raise ValueError("a Counter holds word counts; n-grams need texts or token lists")
        counts = Counter(data)
        return TermCounts(counts, None, sum(counts.values()), 0, 1)
    return count_ngrams(data, n, normalize, n_jobs, progress, unit)


def grouped_term_counts(
    data: Texts, by: str, normalize: bool | Normalizer, n: int = 1, n_jobs: int | None = None, unit: str = "word"
) -> dict[Any, TermCounts]:
    """TermCounts for each value of ``meta[by]``, in sorted order, counted in one pass over the documents.

    Documents are gathered per group in batches of about
    :data:`~arabtext.counting.engine.CHUNK_CHARS` characters in all, so the
    memory held is one batch, however big the corpus.
    """
    if isinstance(data, (str, Mapping)) or isinstance(data, TermCounts):
        raise TypeError(f"by={by!r} needs documents with metadata (a Corpus), not {type(data).__name__}")
    counts: dict[Any, TermCounts] = {}
    batches: dict[Any, list[Any]] = {}
    held = missing = 0

    def flush() -> None:
        for value, batch in batches.items():
            counted = count_ngrams(batch, n, normalize, n_jobs, unit=unit)
            if value in counts:
                counts[value] += counted
            else:
                counts[value] = counted
        batches.clear()

    for doc in data:
        meta = getattr(doc, "meta", None)
        if meta is None:
            raise TypeError(f"by={by!r} needs documents with metadata (a Corpus), got an item of type {type(doc).__name__}")
        if by not in meta:
            missing += 1
            continue
        batches.setdefault(_hashable(meta[by]), []).append(doc)
        held += len(doc.text)
        if held >= CHUNK_CHARS:
            flush()
            held = 0
    flush()
    if not counts:
        raise CorpusError(_no_field(data, [by]) if isinstance(data, Corpus) else f"no document has a {by!r} field")
    if missing:
        _warn_ungrouped(f"{data._source}: " if isinstance(data, Corpus) else "", missing, by)
    return {value: counts[value] for value in sorted(counts, key=_sort_key)}


def pair_counts(
    data: Texts | BigramCounts, window: int, normalize: bool | Normalizer, n_jobs: int | None, progress: bool, by_sentence: bool,
    unit: str = "word",
) -> BigramCounts:
    """Counts for ``data``: counted (see :mod:`arabtext.counting.engine`), or as given when they are counts already."""
    if isinstance(data, BigramCounts):
        if check_unit(unit) != "word":
            raise ValueError(f"unit={unit!r} needs the texts: these pairs are counted already")
        if data.window != window:
            raise ValueError(f"these counts were made with window={data.window}; pass window={data.window}")
        if by_sentence:
            raise ValueError("by_sentence=True needs the texts: these pairs are counted already")
        return data
    counts = count_corpus(_sentences_of(data) if by_sentence else data, window, normalize, n_jobs, progress, words=False,
                          unit=unit).pairs
    assert counts is not None
    one_word_texts = isinstance(data, (list, tuple)) and all(isinstance(d, str) for d in data)
    if one_word_texts and counts.n_docs > 1 and counts.n_tokens == counts.n_docs:
        warnings.warn(
            f"each of the {counts.n_docs} documents is one word, so there are no pairs: a list of strings is read "
            "as one text per string; to pass the tokens of one text, wrap them in a list: [tokens]",
            stacklevel=3,
        )
    return counts


def _sentences_of(data: Texts) -> Iterator[str | Sequence[str]]:
    """Each sentence of each text of ``data`` as a text of its own; token lists as they are."""
    for _, doc in documents(data):
        if isinstance(doc, str):
            yield from sentences(doc)
        else:
            yield doc
