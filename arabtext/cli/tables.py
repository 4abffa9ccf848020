"""What the command line prints: tables aligned for a terminal, or CSV, TSV or JSON for a pipe.

(Files such as a report or a word cloud are written by :mod:`arabtext.report.files`.)

Text stays in logical order and is never reshaped: the terminal, or the program
at the other end of the pipe, lays Arabic out itself. Aligned columns count what
a terminal draws: combining marks (harakat) and invisible controls take no
column, wide East Asian characters take two.

>>> import io
>>> out = io.StringIO()
>>> write_table(["token", "count"], [["العراق", 12], ["القُوّات", 9]], "table", out)
>>> print(out.getvalue(), end="")
token   count
------  -----
العراق     12
القُوّات      9
"""

from __future__ import annotations

import csv
import json
import math
import numbers
import unicodedata
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Sequence

if TYPE_CHECKING:
    import pandas as pd

#: table formats: aligned columns for a terminal, the rest for pipes
FORMATS = ("table", "csv", "tsv", "json")
#: a cell wider than this is cut (with …) in the aligned table only
MAX_CELL_WIDTH = 60

_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
# TSV cannot hold a tab or a line break inside a field: they are written as the
# escapes that "linear TSV" readers undo.
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes: marks and controls none, wide characters two.

    >>> display_width("كَتَبَ"), display_width("كتب"), display_width("日本")
    (3, 3, 4)
    """
    if text.isascii() and text.isprintable():
        return len(text)
    width = 0
    for c in text:
        if unicodedata.category(c) in _ZERO_WIDTH_CATEGORIES:
            continue
        width += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return width


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns, ending in … when cut; a letter keeps its marks.

    >>> fit("الولايات المتحدة", 8)
    'الولايا…'
    >>> fit("كَتَبَ", 3)
    'كَتَبَ'
    """
    if display_width(text) <= width:
        return text
    kept, used = [], 0
    for c in text:
        w = display_width(c)
        if used + w > width - 1:
            break
        kept.append(c)
        used += w
    return "".join(kept) + "…"


def cell_text(value: Any, *, exact: bool = False) -> str:
    """A cell as text: numbers short for reading (``exact=False``) or in full for a program.

    >>> cell_text(3.14159), cell_text(3.14159, exact=True), cell_text(0.00001234), cell_text(float("nan"))
    ('3.142', '3.14159', '1.23e-05', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        return str(value)
    if isinstance(value, numbers.Integral):
        return str(int(value))
    x = float(value)
    if math.isnan(x):
        return ""
    if exact:
        return repr(x)
    return f"{x:.3g}" if 0 < abs(x) < 0.001 or abs(x) >= 1e7 else f"{x:.3f}"


def write_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], fmt: str, out: IO[str]) -> None:
    """Write rows under ``columns`` to ``out`` in ``fmt`` (one of :data:`FORMATS`).

    ``table`` aligns columns (numbers to the right) and cuts long cells;
    ``csv``/``tsv``/``json`` write every value in full, one record per row
    (JSON: an array of objects).
    """
    if fmt == "table":
        _write_aligned(columns, list(rows), out)
    elif fmt == "json":
        records = [_json_record(columns, row) for row in rows]
        out.write("[" + ",\n ".join(records) + "]\n")
    else:
        write = row_writer(columns, fmt, out)
        for row in rows:
            write(row)


def write_frame(df: pd.DataFrame, fmt: str, out: IO[str]) -> None:
    """Write a DataFrame with :func:`write_table`; a named index becomes the first column."""
    if df.index.name is not None or list(df.index.names) != [None]:
        df = df.reset_index()
    write_table([str(c) for c in df.columns], df.itertuples(index=False, name=None), fmt, out)


def row_writer(columns: Sequence[str], fmt: str, out: IO[str]) -> Callable[[Sequence[Any]], None]:
    """A function writing one row at a time (for streams), after a header when the format has one.

    ``fmt`` is ``csv``, ``tsv`` or ``jsonl`` (one JSON object per line).

    >>> import io
    >>> out = io.StringIO()
    >>> write = row_writer(["token", "kind"], "tsv", out)
    >>> write(["قال", "word"])
    >>> out.getvalue()
    'token\\tkind\\nقال\\tword\\n'
    """
    if fmt == "jsonl":

        def write(row: Sequence[Any]) -> None:
            out.write(_json_record(columns, row) + "\n")

    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)

        def write(row: Sequence[Any]) -> None:
            writer.writerow([cell_text(v, exact=True) for v in row])

    elif fmt == "tsv":
        out.write("\t".join(c.translate(_TSV_ESCAPES) for c in columns) + "\n")

        def write(row: Sequence[Any]) -> None:
            out.write("\t".join(cell_text(v, exact=True).translate(_TSV_ESCAPES) for v in row) + "\n")

    else:
        raise ValueError(f"unknown row format {fmt!r}; expected csv, tsv or jsonl")
    return write


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        x = float(value)
        return None if math.isnan(x) or math.isinf(x) else x
    return str(value)


def _json_record(columns: Sequence[str], row: Sequence[Any]) -> str:
    return json.dumps({c: _json_value(v) for c, v in zip(columns, row)}, ensure_ascii=False)


def _write_aligned(columns: Sequence[str], rows: list[Sequence[Any]], out: IO[str]) -> None:
    numeric = [
        all(isinstance(row[i], numbers.Number) and not isinstance(row[i], bool) for row in rows) and bool(rows)
        for i in range(len(columns))
    ]
    # A line break or tab inside a cell would break the grid; show it as one space.
    cells = [[fit(" ".join(cell_text(v).split()), MAX_CELL_WIDTH) for v in row] for row in rows]
    header = list(columns)
    widths = [max([display_width(h)] + [display_width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: Sequence[str]) -> str:
        parts = []
        for value, width, right in zip(values, widths, numeric):
            pad = " " * (width - display_width(value))
            parts.append(pad + value if right else value + pad)
        return "  ".join(parts).rstrip() + "\n"

    out.write(line(header))
    out.write(line(["-" * w for w in widths]))
    for r in cells:
        out.write(line(r))
