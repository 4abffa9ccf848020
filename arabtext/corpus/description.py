"""What is in a corpus: its size, its metadata fields and their values, and what was skipped — the first look at a new corpus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from arabtext.text.tokenizer import tokenize

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Description", "describe"]

# distinct values counted per field before the rest are lumped together: ids and titles are
# unique per document and would hold a whole corpus's worth of strings
_MAX_VALUES = 1000


@dataclass(frozen=True)
class Description:
    """A corpus in numbers: documents, words, characters; one row per metadata field; the records skipped."""

    source: str
    documents: int
    words: int
    characters: int
    #: one row per metadata field: field, documents (that have it), distinct (values; "1000+" past the cap), top (the commonest)
    fields: pd.DataFrame
    #: the bad records left out (``on_bad_records="skip"``): file, line, reason
    skipped: pd.DataFrame

    def __str__(self) -> str:
        lines = [
            f"corpus: {self.source}",
            f"documents: {self.documents:,}   words: {self.words:,}   characters: {self.characters:,}",
            f"skipped records: {len(self.skipped):,}",
        ]
        if len(self.fields):
            lines.append("metadata fields:")
            width = max(map(len, self.fields["field"]))
            for row in self.fields.itertuples():
                lines.append(f"  {row.field:<{width}}  {row.documents:>7,} docs  {row.distinct:>6} values   {row.top}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from html import escape

        head = f"<p><b>{escape(self.source)}</b>: {self.documents:,} documents, {self.words:,} words, "
        head += f"{self.characters:,} characters, {len(self.skipped):,} records skipped</p>"
        # dir="auto" on each cell: Arabic values run right to left, field names and URLs left to right
        return head + self.fields.to_html(index=False).replace("<td>", '<td dir="auto">')


def describe(corpus: Iterable[Any], top: int = 3) -> Description:
    """Size, metadata fields (with their ``top`` commonest values) and skipped records of ``corpus``, in one pass.

    ``corpus`` is a Corpus or any iterable of Documents. Words are counted as
    :func:`~arabtext.text.tokenizer.tokenize` finds them.

    >>> from arabtext import Document, load_corpus
    >>> d = describe(load_corpus([Document("a", "فاز الفريق", {"قسم": "رياضة"}), Document("b", "ارتفع النفط", {"قسم": "اقتصاد"})]))
    >>> d.documents, d.words, d.fields["top"].tolist()
    (2, 4, ['اقتصاد (1), رياضة (1)'])
    """
    import pandas as pd

    documents = words = characters = 0
    present: Counter[str] = Counter()
    values: dict[str, Counter[Any]] = {}
    for doc in corpus:
        documents += 1
        words += len(tokenize(doc.text))
        characters += len(doc.text)
        for field, value in doc.meta.items():
            present[field] += 1
            seen = values.setdefault(field, Counter())
            key = value if isinstance(value, (str, int, float, bool)) or value is None else repr(value)
            if key in seen or len(seen) < _MAX_VALUES:
                seen[key] += 1
    rows = []
    for field, n in present.items():
        seen = values[field]
        common = sorted(seen.items(), key=lambda kv: (-kv[1], str(kv[0])))[:top]
        distinct = f"{_MAX_VALUES}+" if len(seen) >= _MAX_VALUES else str(len(seen))
        rows.append((field, n, distinct, ", ".join(f"{_short(v)} ({c:,})" for v, c in common)))
    fields = pd.DataFrame(rows, columns=["field", "documents", "distinct", "top"])
    skipped = getattr(corpus, "skipped", None)
    if skipped is None:
        skipped = pd.DataFrame(columns=["file", "line", "reason"])
    return Description(str(getattr(corpus, "_source", "documents")), documents, words, characters, fields, skipped)


def _short(value: Any, width: int = 40) -> str:
    text = str(value) if value != "" else '""'  # the top folder, say
    return text if len(text) <= width else text[: width - 1] + "…"
