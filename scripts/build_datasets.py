"""Build the datasets that ship with arabtext, from the shared data folder, reproducibly.

Writes into ``arabtext/corpus/data/``:

* ``news.jsonl.gz``: a stratified random sample of the ANT multi-source news
  corpus (Apache-2.0 with a citation request): every (outlet, category) cell
  in proportion to its size, at least one article each, sorted by id;
* ``ajgt_test.csv.gz``: the AJGT tweets whose id is a multiple of 5, the 20 %
  the shipped sentiment model never trained on (AFL-3.0);
* ``arsarcasm_test.csv.gz``: ArSarcasm's test split (MIT) minus every tweet
  whose normalized text is also in the model's training data; the HTML left
  in a few tweets by the original scrape (``&quot;``, ``<br />``) is turned
  back into text, so that loading the set warns about nothing.

The same input gives the same bytes: fixed seed, gzip without a time stamp.
Run ``python scripts/build_datasets.py`` (``--data`` for another shared folder).
"""

from __future__ import annotations

import argparse
import csv
import email.utils
import gzip
import io
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sentiment_data import DEFAULT_DATA, REPO, _key, read_tsv, training_set  # noqa: E402

from arabtext.corpus.decoding import _RE_MARKUP, _strip_html  # noqa: E402

OUT = REPO / "arabtext" / "corpus" / "data"
NEWS = Path("news_ant_multisource") / "ant_multisource_news.jsonl"
SEED = 20261206
NEWS_ARTICLES = 2000
NEWS_FIELDS = ("id", "source", "category", "date", "title", "url", "text")


def iso_date(value: str) -> str:
    """An RFC 2822 date (``Fri, 16 Feb 2018 22:08:10 +0400``, as every ANT outlet writes them) in ISO 8601, else ''."""
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


def allocation(sizes: dict[tuple[str, str], int], total: int) -> dict[tuple[str, str], int]:
    """How many articles each cell gets: proportional, largest remainders, at least one per cell."""
    whole = sum(sizes.values())
    exact = {cell: total * n / whole for cell, n in sizes.items()}
    share = {cell: max(1, int(x)) for cell, x in exact.items()}
    by_remainder = sorted(sizes, key=lambda cell: (-(exact[cell] - int(exact[cell])), cell))
    for cell in by_remainder[: max(0, total - sum(share.values()))]:
        share[cell] += 1
    return share


def news_sample(path: Path, total: int = NEWS_ARTICLES, seed: int = SEED) -> list[dict[str, str]]:
    cells: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            cells[record["source"], record["category"]].append(record)
    share = allocation({cell: len(records) for cell, records in cells.items()}, total)
    rng = random.Random(seed)
    chosen = []
    for cell in sorted(cells):
        # sorted by id first, so the draw does not depend on the order of the shared file
        chosen += rng.sample(sorted(cells[cell], key=lambda r: r["id"]), share[cell])
    return [
        {field: iso_date(r["date"]) if field == "date" else r[field] for field in NEWS_FIELDS}
        for r in sorted(chosen, key=lambda r: r["id"])
    ]


def gzipped(data: bytes) -> bytes:
    """``data`` gzip-compressed without a file name or time stamp, so equal input gives equal bytes."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def csv_bytes(header: list[str], rows: list[list[object]]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def ajgt_rows(data: Path, seen: set[str]) -> tuple[list[list[object]], int]:
    """AJGT's held-out 20 % (ids that are multiples of 5) without the tweets also in training; and how many were left out."""
    rows = [r for r in read_tsv(data / "sentiment_ajgt" / "ajgt_tweets.tsv") if int(r["id"]) % 5 == 0]
    kept = [[int(r["id"]), r["text"], r["label"].lower()] for r in rows if _key(r["text"]) not in seen]
    return kept, len(rows) - len(kept)


def arsarcasm_rows(data: Path, seen: set[str]) -> tuple[list[list[object]], int]:
    """ArSarcasm's test split without the tweets the model trained on; and how many were left out."""
    rows = [r for r in read_tsv(data / "sentiment_arsarcasm" / "arsarcasm.tsv") if r["split"] == "test"]
    for r in rows:
        if _RE_MARKUP.search(r["text"]):
            r["text"] = _strip_html(r["text"])
    kept = [[r["id"], r["text"], r["sentiment"], r["sarcasm"].lower(), r["dialect"]] for r in rows if _key(r["text"]) not in seen]
    return kept, len(rows) - len(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    if not (args.data / NEWS).is_file():
        print(f"{args.data / NEWS} is missing; point --data at the shared data folder", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)

    news = news_sample(args.data / NEWS)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in news).encode("utf-8")
    (args.out / "news.jsonl.gz").write_bytes(gzipped(lines))
    cells = Counter((r["source"], r["category"]) for r in news)
    print(f"news.jsonl.gz: {len(news)} articles in {len(cells)} cells, {len(lines):,} bytes of JSONL")

    seen = {_key(t) for t in training_set(args.data).texts}
    aj, dropped = ajgt_rows(args.data, seen)
    (args.out / "ajgt_test.csv.gz").write_bytes(gzipped(csv_bytes(["id", "text", "label"], aj)))
    print(f"ajgt_test.csv.gz: {len(aj)} tweets {dict(Counter(r[2] for r in aj))}; {dropped} left out as seen in training")
    ar, dropped = arsarcasm_rows(args.data, seen)
    (args.out / "arsarcasm_test.csv.gz").write_bytes(gzipped(csv_bytes(["id", "text", "label", "sarcasm", "dialect"], ar)))
    print(f"arsarcasm_test.csv.gz: {len(ar)} tweets {dict(Counter(r[2] for r in ar))}; {dropped} left out as seen in training")
    for name in ("news.jsonl.gz", "ajgt_test.csv.gz", "arsarcasm_test.csv.gz"):
        print(f"  {name}: {(args.out / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
