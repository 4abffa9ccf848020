"""Exploring a corpus in JupyterLab: a concordance index built once, and the panel that queries it as you type.

:class:`ConcordanceIndex` answers :func:`arabtext.kwic` queries without
rereading the corpus; :func:`explore` puts it behind a search box, sort
keys, collocates and dispersion.
"""

from arabtext._lazy import lazy_exports

_WHERE = {"ConcordanceIndex": ".index", "Hits": ".index", "explore": ".panel", "Explorer": ".panel"}
__all__ = sorted(_WHERE)
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
