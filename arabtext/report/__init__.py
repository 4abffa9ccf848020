"""One self-contained HTML page of every analysis of a corpus, and the safe file writing it (and the command line) uses.

The page embeds its images and styles, loads nothing and runs no script.
"""

from arabtext._lazy import lazy_exports

_WHERE = {
    "report_html": ".page", "write_report": ".page", "sentiment_analyzer": ".page", "SENTIMENT_METHODS": ".page",
    "atomic_write": ".files", "check_writable": ".files",
}
__all__ = sorted(_WHERE)
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
