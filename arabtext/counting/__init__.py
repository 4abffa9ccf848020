"""Counting a corpus in one streaming pass: term counts, pair counts, and the engine that runs them on processes or Dask.

Counts merge by addition, so a corpus counted in pieces gives the same numbers as counted at once.
"""

from arabtext._lazy import lazy_exports

_WHERE = {
    "count_corpus": ".engine", "count_ngrams": ".engine", "n_workers": ".engine", "CHUNK_CHARS": ".engine",
    "AUTO_CHARS": ".engine",
    "CorpusCounts": ".tally",
    "TermCounts": ".terms",
    "BigramCounts": ".pairs", "CELLS": ".pairs", "id_batches": ".pairs", "pair_codes": ".pairs",
    "count_bag": ".distributed", "count_paths": ".distributed",
}
__all__ = sorted(_WHERE)
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
