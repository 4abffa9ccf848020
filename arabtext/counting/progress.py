"""Progress bars for long command-line work: on a terminal, after a second, on stderr.

A bar that appears for a run of a tenth of a second, or inside a log file, is
noise; tqdm's ``delay`` and ``disable`` keep it to interactive runs that take a
while. Output on stdout is never touched, so pipes stay clean.
"""

from __future__ import annotations

import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

#: seconds of work before a bar appears
DELAY = 1.0


def enabled() -> bool:
    """True when stderr is a terminal: the only place a bar is wanted."""
    return sys.stderr.isatty()


def progress(items: Iterable[T], *, desc: str, total: int | None = None, unit: str = "doc") -> Iterator[T]:
    """``items``, passed through a tqdm bar shown only on a terminal and only after :data:`DELAY` seconds.

    >>> list(progress(["نص", "نص آخر"], desc="قراءة"))
    ['نص', 'نص آخر']
    """
    if not enabled():
        return iter(items)
    from tqdm import tqdm

    return iter(tqdm(items, desc=desc, total=total, unit=unit, delay=DELAY, file=sys.stderr, leave=False, dynamic_ncols=True))
