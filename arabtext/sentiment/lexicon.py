"""The sentiment lexicon: scored terms (−3 … +3), read from the bundled TSV, a file of yours or a dict.

The bundled list is ``arabtext/sentiment/data/sentiment_lexicon.tsv``; see its
header for how it was made and its licence.
"""

from __future__ import annotations

import csv
import math
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from arabtext.text.normalization import normalize

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Lexicon", "LEXICON_COLUMNS", "SCORE_RANGE"]


LEXICON_COLUMNS = ("term", "score", "pos", "note")

SCORE_RANGE = (-3.0, 3.0)


@dataclass(frozen=True)
class _Entry:
    term: str
    score: float
    pos: str = ""
    note: str = ""


class Lexicon:
    """Scored terms (−3 … +3): single words and multi-word phrases, normalized when loaded.

    ``source`` is ``None`` (the bundled ``arabtext/sentiment/data/sentiment_lexicon.tsv``),
    a path to a TSV file with the columns term, score and optionally pos and
    note (lines starting with ``#`` are comments), or a mapping term → score.

    >>> lex = Lexicon({"ممتاز": 3, "مش بطال": 1})
    >>> lex["مُمْتاز"], lex.get("حلو"), len(lex)
    (3.0, None, 2)
    >>> Lexicon()["النجاح"] is None, Lexicon()["نجاح"]
    (True, 2.0)
    """

    def __init__(self, source: str | PathLike | Mapping[str, float] | None = None) -> None:
        if isinstance(source, Mapping):
            self._build("<dict>", _from_mapping(source, "<dict>"))
        else:
            path = Path(source) if source is not None else None
            self._build(str(path) if path is not None else "arabtext/sentiment/data/sentiment_lexicon.tsv", _read_tsv(path))

    def _build(self, source: str, entries: Iterable[tuple[str, _Entry]]) -> None:
        self.source = source
        self.entries: dict[str, _Entry] = {}
        where: dict[str, str] = {}
        for line, entry in entries:
            key = _key(entry.term)
            if not key:
                raise ValueError(f"{self.source}, {line}: the term {entry.term!r} is empty after normalization")
            if key in self.entries:
                warnings.warn(
                    f"{self.source}, {line}: {entry.term!r} is the same term as {where[key]} after "
                    f"normalization ({key!r}); keeping {where[key]}",
                    stacklevel=3,
                )
                continue
            self.entries[key] = entry
            where[key] = line
        self.words: dict[str, float] = {k: e.score for k, e in self.entries.items() if " " not in k}
        self.phrases: dict[tuple[str, ...], float] = {tuple(k.split()): e.score for k, e in self.entries.items() if " " in k}

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and _key(term) in self.entries

    def __getitem__(self, term: str) -> float | None:
        """The score of ``term`` as written in the lexicon (no clitic stripping), or None."""
        entry = self.entries.get(_key(term))
        return None if entry is None else entry.score

    def get(self, term: str, default: float | None = None) -> float | None:
        """The score of ``term``, or ``default`` when it is not in the lexicon.

        >>> Lexicon({"حلو": 2}).get("كرسي", 0.0)
        0.0
        """
        score = self[term]
        return default if score is None else score

    def updated(self, entries: Mapping[str, float]) -> Lexicon:
        """A new lexicon with ``entries`` added, replacing terms that are already there.

        >>> Lexicon({"حلو": 2}).updated({"حلو": 1, "وحش": -2})["حلو"]
        1.0
        """
        added = list(_from_mapping(entries, "updated()"))
        replaced = {_key(e.term) for _, e in added}
        kept = [(f"entry {k!r}", e) for k, e in self.entries.items() if k not in replaced]
        new = object.__new__(Lexicon)
        new._build(f"{self.source} + {len(added)} entries", kept + added)
        return new

    def to_frame(self) -> pd.DataFrame:
        """The lexicon as a table: columns term (as written), key (normalized), score, pos, note.

        >>> Lexicon({"إيجابي": 1.5}).to_frame()[["term", "key", "score"]].values.tolist()
        [['إيجابي', 'ايجابي', 1.5]]
        """
        import pandas as pd

        rows = [(e.term, k, e.score, e.pos, e.note) for k, e in self.entries.items()]
        return pd.DataFrame(rows, columns=["term", "key", "score", "pos", "note"])

    def __repr__(self) -> str:
        return f"Lexicon({len(self.words)} words, {len(self.phrases)} phrases from {self.source})"


def _key(term: str) -> str:
    return " ".join(normalize(term).split())


def _from_mapping(entries: Mapping[str, float], source: str) -> list[tuple[str, _Entry]]:
    return [(f"term {t!r}", _Entry(str(t), _check_score(s, f"{source}, term {t!r}"))) for t, s in entries.items()]


def _check_score(value: object, where: str) -> float:
    try:
        score = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{where}: score {value!r} is not a number") from None
    if not (math.isfinite(score) and SCORE_RANGE[0] <= score <= SCORE_RANGE[1]):
        raise ValueError(f"{where}: score {score} is outside {SCORE_RANGE[0]:g} … {SCORE_RANGE[1]:g}")
    return score


def _read_tsv(path: Path | None) -> Iterator[tuple[str, _Entry]]:
    if path is None:
        handle = resources.files("arabtext.sentiment").joinpath("data", "sentiment_lexicon.tsv").open(encoding="utf-8")
        name = "arabtext/sentiment/data/sentiment_lexicon.tsv"
    else:
        if not path.is_file():
            raise FileNotFoundError(f"sentiment lexicon {path} does not exist or is not a file")
        handle = path.open(encoding="utf-8")
        name = str(path)
    with handle:
        lines = ((n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#"))
        header = None
        for n, line in lines:
            row = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
            if header is None:
                header = [c.strip().lower() for c in row]
                if header[:2] != ["term", "score"]:
                    raise ValueError(f"{name}, line {n}: the header must start with the columns term, score (tab-separated); found {row}")
                continue
            if len(row) < 2 or len(row) > len(header):
                raise ValueError(f"{name}, line {n}: expected {len(header)} tab-separated columns {header}, found {len(row)}")
            values = dict(zip(header, row))
            score = _check_score(values["score"], f"{name}, line {n}")
            yield f"line {n}", _Entry(values["term"].strip(), score, values.get("pos", "").strip(), values.get("note", "").strip())
        if header is None:
            raise ValueError(f"{name}: no header line (term, score, pos, note) and no entries")
