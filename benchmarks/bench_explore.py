"""How fast the explorer answers: each query on the bundled 2,000-article news sample, against a 300 ms budget.

The index (:class:`arabtext.ConcordanceIndex`) and the panel are built once, as
``at.explore(corpus)`` does; then every query is timed as the median of
``--repeats`` runs after one warm-up, each of these ways:

- panel: what one typed query costs in ``at.explore`` — the search, the sort,
  the first page of lines drawn as HTML, the collocates of a one-word query;
- search: ``index.search`` alone (where the query matches, sorted);
- kwic, index: every line of the concordance from the index (``index.kwic``);
- kwic, library: the same table from ``arabtext.kwic`` over the corpus, which
  reads and tokenizes it again for each query: the floor the index improves on.

The last line times the one slow step a student can trigger: the first query
after changing the collocate window, which counts the corpus's pairs for that
window once.

    .venv/bin/python benchmarks/bench_explore.py
    .venv/bin/python benchmarks/bench_explore.py --repeats 3
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from _common import format_table, time_cases, versions

import arabtext as at
from arabtext.explorer import ConcordanceIndex, explore

BUDGET_MS = 300
#: (query, panel mode, sort keys): a word, a phrase, wildcards, a regex, an exact spelling, sorted lines
QUERIES = [
    ("القوات", "word", ()),
    ("وقال", "word", ()),
    ("الولايات المتحدة", "word", ()),
    ("مفاوض*", "word", ()),
    ("*قوات*", "word", ()),
    (r"^مفاوض\w*$", "regex", ()),
    ("الأمريكية", "exact", ()),
    ("القوات", "word", ("R1", "R2")),
    ("في", "word", ("L1", "R1")),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of each case (default 5)")
    args = parser.parse_args()

    corpus = at.load_corpus("news")
    start = time.perf_counter()
    index = ConcordanceIndex(corpus)
    built = time.perf_counter() - start
    start = time.perf_counter()
    panel = explore(index)
    panel_built = time.perf_counter() - start
    print(f"{len(corpus):,} documents, {len(index):,} words; {versions(['arabtext', 'ipywidgets'])}; "
          f"load average {os.getloadavg()[0]:.2f}; median of {args.repeats} runs")
    print(f"index built in {built:.2f} s; panel (with the pairs of its collocate window) in {panel_built:.2f} s\n")

    rows, slowest, mismatched = [], 0.0, []
    for query, mode, sort in QUERIES:
        regex, exact = mode == "regex", mode == "exact"
        keys = ",".join(sort) or None
        cases = {
            "panel": lambda: panel.search(query, mode=mode, sort=sort).hits,
            "search": lambda: index.search(query, regex=regex, exact=exact, sort=keys).positions,
            "kwic, index": lambda: index.kwic(query, regex=regex, exact=exact, sort=keys),
            "kwic, library": lambda: at.kwic(corpus, query, regex=regex, exact=exact, sort=keys),
        }
        timing = time_cases(cases, args.repeats)
        if not index.kwic(query, regex=regex, exact=exact, sort=keys).equals(
                at.kwic(corpus, query, regex=regex, exact=exact, sort=keys)):
            mismatched.append(query)
        ms = {name: t.median() * 1000 for name, t in timing.items()}
        slowest = max(slowest, ms["panel"])
        label = query + (f" ({mode})" if mode != "word" else "") + (f" sort {keys}" if keys else "")
        rows.append([label, f"{timing['search'].result_len:,}", f"{ms['panel']:.0f}", f"{ms['search']:.1f}",
                     f"{ms['kwic, index']:.0f}", f"{ms['kwic, library']:.0f}",
                     f"{ms['kwic, library'] / ms['kwic, index']:.0f}x"])
    print(format_table(["query", "hits", "panel ms", "search ms", "kwic index ms", "kwic library ms",
                        "index speed-up"], rows, right=range(1, 7)))

    start = time.perf_counter()
    panel.search("القوات")
    panel.window.value = 3  # a window not counted yet
    recount = (time.perf_counter() - start) * 1000
    print(f"\nfirst query after changing the collocate window to 3 words: {recount:.0f} ms "
          "(the pairs are counted once per window, then kept)")

    if mismatched:
        print(f"FAIL: the index's lines differ from kwic's for {', '.join(mismatched)}", file=sys.stderr)
        return 1
    # a missed budget is reported, not an error: the other benchmarks of `make bench` still run after this one
    verdict = "PASS" if slowest < BUDGET_MS else "FAIL"
    print(f"{verdict}: slowest panel query {slowest:.0f} ms (budget {BUDGET_MS} ms); "
          "every query's lines identical to kwic's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
