"""Loading a category tree: arabtext against the same work written by hand, on the same files, in one run.

A synthetic SANAD-style tree (``source/category/NNNNN.txt``) of ``--files``
articles is built under ``benchmarks/data/`` (git-ignored) from the bundled
news sample, the articles cycled to reach the count. Cases, each timed as
the median of ``--repeats`` runs after one warm-up (the files then sit in
the page cache, so reading them costs the same for every case):

- by hand: ``os.walk`` + read + ``arabtext.tokenize`` + ``Counter.update``,
  the least Python can do with these files and our tokenizer;
- arabtext: ``word_counts(load_corpus(tree, path_fields=["source", "category"]))``,
  which also lists, decodes, checks and carries the metadata of every file;
- arabtext, zipped: the same tree as one ``.zip``, read in place.

The ratio is by-hand seconds / arabtext seconds (≥ 0.7 is the target).

    .venv/bin/python benchmarks/bench_corpus_tree.py                 # 20,000 files
    .venv/bin/python benchmarks/bench_corpus_tree.py --files 2000 --repeats 1
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

from _common import REPO, format_table, versions

import arabtext as at

DATA_DIR = REPO / "benchmarks" / "data"
TARGET_RATIO = 0.7


def build_tree(root: Path, files: int) -> Path:
    """``files`` articles of the bundled news sample as source/category/NNNNN.txt under ``root`` (kept when complete)."""
    tree = root / f"tree-{files}"
    done = tree / ".complete"
    if done.is_file():
        return tree
    news = list(at.load_corpus("news"))
    for n in range(files):
        doc = news[n % len(news)]
        folder = tree / doc.meta["source"].replace(" ", "_") / doc.meta["category"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{n:05d}.txt").write_text(doc.text, encoding="utf-8")
    done.touch()
    return tree


def zip_tree(tree: Path) -> Path:
    archive = tree.with_suffix(".zip")
    if not archive.is_file():
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for folder, _, names in os.walk(tree):
                for name in sorted(names):
                    if name.endswith(".txt"):
                        path = Path(folder) / name
                        z.write(path, path.relative_to(tree).as_posix())
    return archive


def by_hand(tree: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for folder, dirs, names in os.walk(tree):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.endswith(".txt"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    counts.update(at.tokenize(f.read()))
    return counts


def with_arabtext(path: Path) -> Counter[str]:
    return at.word_counts(at.load_corpus(path, path_fields=["source", "category"]))


def median_seconds(func, arg, repeats: int) -> tuple[float, Counter[str]]:
    result = func(arg)  # warm-up: page cache, normalizer cache, imports
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = func(arg)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20_000, help="articles in the tree (default 20,000)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per case; the median is kept (default 3)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="where the tree is built (default benchmarks/data)")
    args = parser.parse_args(argv)
    tree = build_tree(args.data, args.files)
    archive = zip_tree(tree)
    hand_s, hand = median_seconds(by_hand, tree, args.repeats)
    tree_s, ours = median_seconds(with_arabtext, tree, args.repeats)
    zip_s, zipped = median_seconds(with_arabtext, archive, args.repeats)
    if not hand == ours == zipped:
        print("the three cases counted different words", file=sys.stderr)
        return 1
    words = sum(hand.values())
    print(f"{args.files:,} files, {words:,} words; {versions(['arabtext'])}; median of {args.repeats} runs\n")
    rows = [
        ("by hand: os.walk + read + tokenize + Counter", f"{hand_s:.2f}", f"{words / hand_s:,.0f}", "1.00"),
        ("arabtext: word_counts(load_corpus(tree, path_fields))", f"{tree_s:.2f}", f"{words / tree_s:,.0f}", f"{hand_s / tree_s:.2f}"),
        ("arabtext: the same tree as one .zip", f"{zip_s:.2f}", f"{words / zip_s:,.0f}", f"{hand_s / zip_s:.2f}"),
    ]
    print(format_table(["case", "seconds", "words/s", "speed vs by hand"], rows, right=[1, 2, 3]))
    ratio = hand_s / tree_s
    print(f"\ncategory tree: {ratio:.2f}x the speed of the hand-written loop (target ≥ {TARGET_RATIO}): "
          f"{'met' if ratio >= TARGET_RATIO else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
