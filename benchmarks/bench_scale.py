"""Counting at scale: arabtext against NLTK on 10 MB and 100 MB of news, seconds and peak memory.

Inputs are built from the ANT news sample (``../shared/data``; the bundled
corpus repeated when it is absent, and the output says so), repeated to
reach the size, and written under ``benchmarks/data/`` (git-ignored) twice:
as JSONL (one article a line, the raw text) and as a token file (the words
of each article as ``arabtext.tokenize`` gives them, one article a line).
Every case runs in a fresh process whose peak RSS is read (``--repeats``
runs it again and keeps the run of median time); for
``n_jobs`` > 1 the RSS of the worker processes is added (sampled).

Cases, for each input:

- count+score, on the token file, read line by line by both tools, so only
  counting and scoring are compared: NLTK ``BigramCollocationFinder.from_words``
  (its ``word_fd`` is the FreqDist of the words, sorted with ``most_common``),
  ``apply_freq_filter(5)``, ``score_ngrams`` for PMI and for the likelihood
  ratio; arabtext ``count_corpus`` then ``freq_table`` and
  ``collocations(min_count=5, measures=["pmi", "llr"])``: the same two
  measures (``pipeline`` below computes every measure).
- word counts, on the token lists held in memory: NLTK ``FreqDist``,
  arabtext ``word_counts``, and a bare ``Counter`` over all tokens, the
  floor of counting strings in Python on this machine.
- pipeline floor, on the raw JSONL: ``json.loads`` of each line, a bare
  ``re.findall(r"\w+")`` and a ``Counter``: what any Python pipeline pays.
- pipeline, on the raw JSONL: ``iter_documents`` → ``count_corpus`` (tokenize,
  count words and pairs) → ``freq_table`` and ``collocations`` with stop
  words left out, with ``n_jobs=1`` and ``n_jobs=2``.
- count, read: for the smallest input of 10 MB or more, ``count_corpus`` on
  the JSONL read 2 and 8 times over in one stream: the same vocabulary and
  pairs, 4 times the text; the peak memory must stay the same.

    .venv/bin/python benchmarks/bench_scale.py                        # 10 MB and 100 MB, every case
    .venv/bin/python benchmarks/bench_scale.py --sizes 10             # a quick run
    .venv/bin/python benchmarks/bench_scale.py --repeats 3             # medians of 3 runs
    .venv/bin/python benchmarks/bench_scale.py --skip-nltk-above 10   # NLTK takes minutes at 100 MB
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from _common import MB, NEWS_JSONL, REPO, Measurement, build_input, format_table, run_in_child, versions

DATA_DIR = REPO / "benchmarks" / "data"
MIN_COUNT = 5
# targets of the scale issue
TARGET_SPEEDUP = 6.0  # count+score, times faster than NLTK
TARGET_MEMORY_SHARE = 0.3  # count+score, peak RSS as a share of NLTK's
TARGET_FLOOR_RATIO = 1.6  # pipeline on one core, its time over the bare read + findall + Counter
TARGET_PIPELINE_S = 30.0  # pipeline on 100 MB, one core
TARGET_PIPELINE_MB = 1000.0
TARGET_WORDS_PER_S = 5e6
PIPELINE_TARGET_SIZE_MB = 100
# memory must not grow with the corpus: an input read twice over, and 8 times over
# (the same vocabulary and pairs, 4 times the text; reading it once leaves out the
# merges of a full chunk into the full pair table, which set the steady peak)
SCALING_REPEATS = (2, 8)
SCALING_TASK = "count, read"
SCALING_MIN_MB = 10


# --- inputs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Inputs:
    """One size of input, as raw JSONL and as a token file."""

    size_mb: float
    jsonl: Path
    tokens: Path
    source: str
    n_docs: int
    n_tokens: int

    @property
    def label(self) -> str:
        return f"{self.size_mb:g} MB ({self.n_tokens / 1e6:.2f} M tokens)"


def prepare(size_mb: float, data: Path, folder: Path = DATA_DIR) -> Inputs:
    """The inputs of ``size_mb`` MB, built once and kept in ``folder`` (rebuilt when the source changed)."""
    from arabtext.text.tokenizer import tokenize

    stem = folder / f"news_{size_mb:g}mb"
    jsonl, tokens, about = stem.with_suffix(".jsonl"), stem.with_suffix(".tokens.txt"), stem.with_suffix(".json")
    wanted = {"size_mb": size_mb, "data": str(data), "data_size": data.stat().st_size if data.exists() else None}
    if about.exists() and jsonl.exists() and tokens.exists():
        known = json.loads(about.read_text(encoding="utf-8"))
        if known["wanted"] == wanted:
            return Inputs(size_mb, jsonl, tokens, known["source"], known["n_docs"], known["n_tokens"])
    built = build_input(size_mb, data)
    articles = built.text.split("\n\n")  # build_input joins whole articles with blank lines
    folder.mkdir(parents=True, exist_ok=True)
    n_tokens = 0
    with jsonl.open("w", encoding="utf-8") as raw, tokens.open("w", encoding="utf-8") as words:
        for i, text in enumerate(articles):
            raw.write(json.dumps({"id": f"a{i}", "text": text}, ensure_ascii=False) + "\n")
            found = tokenize(text)
            n_tokens += len(found)
            words.write(" ".join(found) + "\n")
    source = f"{built.source}; split back into {len(articles):,} articles"
    about.write_text(
        json.dumps({"wanted": wanted, "source": source, "n_docs": len(articles), "n_tokens": n_tokens}), encoding="utf-8"
    )
    return Inputs(size_mb, jsonl, tokens, source, len(articles), n_tokens)


def token_docs(path: Path) -> Iterator[list[str]]:
    """The token file one article at a time, as token lists."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield line.split()


def held_token_docs(path: str) -> list[list[str]]:
    return list(token_docs(Path(path)))


# modules each tool's cases import, loaded before the clock starts
NLTK_MODULES = ("nltk", "nltk.collocations", "nltk.probability")
ARABTEXT_MODULES = ("pandas", "arabtext.counting.engine", "arabtext.analysis.frequency", "arabtext.analysis.cooccurrence", "arabtext.corpus.loading")


def imported(modules: Sequence[str], then: Callable[[], Any] | Any) -> Any:
    """Set-up in the child: import ``modules`` (so the timing is of the work, not of imports), then the input."""
    import importlib

    for name in modules:
        importlib.import_module(name)
    return then() if callable(then) else then


# --- the cases (run in a fresh process each) ------------------------------------------------


def nltk_count_score(tokens: str) -> dict[str, int]:
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder  # imported in the set-up

    finder = BigramCollocationFinder.from_words(chain.from_iterable(token_docs(Path(tokens))))
    freq = finder.word_fd.most_common()
    finder.apply_freq_filter(MIN_COUNT)
    pmi = finder.score_ngrams(BigramAssocMeasures.pmi)
    llr = finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)
    return {"words": len(freq), "pairs": len(pmi), "scored": len(llr)}


def arabtext_count_repeated(jsonl: str, repeat: int) -> dict[str, int]:
    from arabtext import count_corpus
    from arabtext.corpus.loading import iter_documents

    documents = (doc for _ in range(repeat) for doc in iter_documents(jsonl))  # one stream, never held
    counts = count_corpus(documents, window=1, n_jobs=1)
    return {"tokens": counts.words.total, "distinct pairs": len(counts.pairs.pairs)}


def arabtext_count_score(tokens: str) -> dict[str, int]:
    from arabtext import collocations, count_corpus, freq_table

    counts = count_corpus(token_docs(Path(tokens)), window=1, normalize=False, n_jobs=1)
    freq = freq_table(counts.words, stopwords=False)
    table = collocations(counts.pairs, min_count=MIN_COUNT, stopwords=False, measures=["pmi", "llr"])
    return {"words": len(freq), "pairs": len(table), "scored": len(table)}


def nltk_word_counts(docs: list[list[str]]) -> dict[str, int]:
    from nltk import FreqDist

    return {"words": len(FreqDist(chain.from_iterable(docs)))}


def bare_counter(docs: list[list[str]]) -> dict[str, int]:
    from collections import Counter

    return {"words": len(Counter(chain.from_iterable(docs)))}


def arabtext_word_counts(docs: list[list[str]]) -> dict[str, int]:
    from arabtext import word_counts

    return {"words": len(word_counts(docs, normalize=False, n_jobs=1))}


def bare_pipeline(jsonl: str) -> dict[str, int]:
    """The floor of the pipeline on this machine: read the JSONL, a bare regex pass, a Counter of the words."""
    import json
    import re
    from collections import Counter

    word = re.compile(r"\w+")
    counts: Counter[str] = Counter()
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            counts.update(word.findall(json.loads(line)["text"]))
    return {"words": len(counts), "tokens": sum(counts.values())}


def arabtext_pipeline(jsonl: str, n_jobs: int) -> dict[str, int]:
    from arabtext import collocations, count_corpus, freq_table, load_corpus

    counts = count_corpus(load_corpus(jsonl), window=1, n_jobs=n_jobs)
    freq = freq_table(counts.words)
    table = collocations(counts.pairs, min_count=MIN_COUNT)
    return {"words": len(freq), "pairs": len(table), "tokens": counts.words.total}


def with_tree_peak(func: Callable[..., dict[str, int]], *args: Any) -> dict[str, Any]:
    """``func(*args)``'s summary, with the peak RSS of this process and its descendants added up (sampled)."""
    import threading

    import psutil

    me = psutil.Process()
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        children: list[psutil.Process] = []
        for tick in range(sys.maxsize):
            if done.wait(0.1):
                return
            if tick % 10 == 0:  # listing descendants reads all of /proc: not at every sample
                children = me.children(recursive=True)
            total = me.memory_info().rss
            for child in children:
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass  # ended between listing and reading
            peak = max(peak, total)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        summary = func(*args)
    finally:
        done.set()
        sampler.join()
    return {**summary, "tree_peak_mb": peak / MB}


def as_is(summary: Any) -> Any:
    return summary


# --- running and reporting ------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    task: str
    tool: str
    run: Callable[[Any], Any]
    setup: Callable[[], Any]


@dataclass(frozen=True)
class Row:
    inputs: Inputs
    case: Case
    measured: Measurement | None
    note: str = ""

    @property
    def peak_mb(self) -> float:
        assert self.measured is not None
        return max(self.measured.peak_mb, self.measured.summary.get("tree_peak_mb", 0.0))


def cases_for(inputs: Inputs, with_nltk: bool, jobs: int, has_psutil: bool, scaling: bool) -> list[Case | tuple[str, str, str]]:
    tokens, jsonl = str(inputs.tokens), str(inputs.jsonl)
    held = partial(held_token_docs, tokens)
    found: list[Case | tuple[str, str, str]] = []
    nltk_reason = "" if with_nltk else "left out (--skip-nltk-above)"
    if with_nltk and not _has("nltk"):
        nltk_reason = "not installed: pip install nltk"
    for task, ours, theirs, given in (
        ("count+score", arabtext_count_score, nltk_count_score, tokens),
        ("word counts", arabtext_word_counts, nltk_word_counts, held),
    ):
        if nltk_reason:
            found.append(("nltk", task, nltk_reason))
        else:
            found.append(Case(task, "nltk", theirs, partial(imported, NLTK_MODULES, given)))
        found.append(Case(task, "arabtext", ours, partial(imported, ARABTEXT_MODULES, given)))
    # the floor of this machine: Python's own counting loop, nothing else
    found.append(Case("word counts", "python Counter", bare_counter, held))
    warm = partial(imported, ARABTEXT_MODULES, jsonl)
    found.append(Case("pipeline", "python floor", bare_pipeline, partial(imported, (), jsonl)))
    found.append(Case("pipeline", "arabtext n_jobs=1", partial(arabtext_pipeline, n_jobs=1), warm))
    if scaling:
        for repeat in SCALING_REPEATS:
            run = partial(arabtext_count_repeated, repeat=repeat)
            found.append(Case(SCALING_TASK, f"arabtext {repeat}x", run, warm))
    if jobs > 1:
        run = partial(arabtext_pipeline, n_jobs=jobs)
        found.append(Case("pipeline", f"arabtext n_jobs={jobs}", partial(with_tree_peak, run) if has_psutil else run, warm))
    return found


def _has(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None


def measure(inputs: Inputs, plan: list[Case | tuple[str, str, str]], repeats: int = 1) -> list[Row]:
    """Each case run ``repeats`` times, each time in a fresh process: the run of median time is kept."""
    rows = []
    for item in plan:
        if isinstance(item, tuple):
            tool, task, reason = item
            rows.append(Row(inputs, Case(task, tool, as_is, as_is), None, f"skipped: {reason}"))
            continue
        print(f"  {inputs.size_mb:g} MB {item.task:<12} {item.tool} ...", end="", flush=True)
        runs = []
        for _ in range(repeats):
            runs.append(run_in_child(item.run, item.setup, summarize=as_is))
            print(f" {runs[-1].seconds:.1f} s", end="", flush=True)
        print(flush=True)
        rows.append(Row(inputs, item, sorted(runs, key=lambda m: m.seconds)[len(runs) // 2]))
    return rows


def table_rows(rows: list[Row]) -> list[list[str]]:
    out = []
    for row in rows:
        if row.measured is None:
            out.append([row.inputs.label, row.case.task, row.case.tool, "", "", "", "", "", row.note])
            continue
        m = row.measured
        peer = _peer(rows, row)
        speed = f"{peer.measured.seconds / m.seconds:.1f}x" if peer else ""
        memory = f"{row.peak_mb / peer.peak_mb:.2f}" if peer else ""
        rate = m.summary.get("tokens", row.inputs.n_tokens) / m.seconds / 1e6
        summary = {k: v for k, v in m.summary.items() if k != "tree_peak_mb"}
        what = ", ".join(f"{k} {v:,}" for k, v in summary.items())
        if "tree_peak_mb" in m.summary:
            what += f"; peak of all processes (this one alone: {m.peak_mb:.0f} MB)"
        out.append([
            row.inputs.label, row.case.task, row.case.tool, f"{m.seconds:.2f}", f"{rate:.2f}",
            f"{row.peak_mb:.0f}", speed, memory, what,
        ])
    return out


def _peer(rows: list[Row], row: Row) -> Row | None:
    """The NLTK row of the same task and input, for an arabtext row."""
    if row.case.tool == "nltk":
        return None
    for other in rows:
        if other.inputs is row.inputs and other.case.task == row.case.task and other.case.tool == "nltk" and other.measured:
            return other
    return None


def target_lines(rows: list[Row], jobs: int) -> list[str]:
    lines = []
    measured = [r for r in rows if r.measured is not None]

    def find(inputs: Inputs, task: str, tool: str) -> Row | None:
        return next((r for r in measured if r.inputs is inputs and r.case.task == task and r.case.tool == tool), None)

    sizes = sorted({r.inputs.size_mb: r.inputs for r in rows}.items())
    for size, inputs in sizes:
        ours, theirs = find(inputs, "count+score", "arabtext"), find(inputs, "count+score", "nltk")
        if ours and theirs:
            speedup = theirs.measured.seconds / ours.measured.seconds
            share = ours.peak_mb / theirs.peak_mb
            lines.append(f"{_verdict(speedup >= TARGET_SPEEDUP)}  {inputs.label} collocations >= {TARGET_SPEEDUP:g}x faster than NLTK: {speedup:.1f}x")
            lines.append(f"{_verdict(share <= TARGET_MEMORY_SHARE)}  {inputs.label} collocations peak <= {TARGET_MEMORY_SHARE:g}x NLTK's: {ours.peak_mb:.0f} MB vs {theirs.peak_mb:.0f} MB ({share:.2f})")
        counting, floor = find(inputs, "word counts", "arabtext"), find(inputs, "word counts", "python Counter")
        if counting:
            rate = inputs.n_tokens / counting.measured.seconds
            bare = f" (a bare Counter here: {inputs.n_tokens / floor.measured.seconds / 1e6:.2f})" if floor else ""
            lines.append(
                f"{_verdict(rate >= TARGET_WORDS_PER_S)}  {inputs.label} word counting >= {TARGET_WORDS_PER_S / 1e6:g} M tokens/s: "
                f"{rate / 1e6:.2f} M tokens/s{bare}"
            )
        one, floor = find(inputs, "pipeline", "arabtext n_jobs=1"), find(inputs, "pipeline", "python floor")
        if one and floor:
            ratio = one.measured.seconds / floor.measured.seconds
            lines.append(
                f"{_verdict(ratio <= TARGET_FLOOR_RATIO)}  {inputs.label} pipeline on one core <= {TARGET_FLOOR_RATIO:g}x a bare read + "
                f"re.findall + Counter: {ratio:.2f}x ({one.measured.seconds:.1f} s vs {floor.measured.seconds:.1f} s)"
            )
        if one and size >= PIPELINE_TARGET_SIZE_MB:
            lines.append(f"{_verdict(one.measured.seconds < TARGET_PIPELINE_S)}  {inputs.label} pipeline on one core < {TARGET_PIPELINE_S:g} s: {one.measured.seconds:.1f} s")
            lines.append(f"{_verdict(one.peak_mb < TARGET_PIPELINE_MB)}  {inputs.label} pipeline peak RSS < {TARGET_PIPELINE_MB:g} MB: {one.peak_mb:.0f} MB")
        few, many = (find(inputs, SCALING_TASK, f"arabtext {r}x") for r in SCALING_REPEATS)
        if few and many:
            lines.append(
                f"{_verdict(many.peak_mb <= 1.15 * few.peak_mb)}  {inputs.label} memory does not grow with the corpus: counting it "
                f"read {SCALING_REPEATS[1]}x over peaks at {many.peak_mb:.0f} MB, {SCALING_REPEATS[0]}x at {few.peak_mb:.0f} MB (within 15%)"
            )
        many = find(inputs, "pipeline", f"arabtext n_jobs={jobs}")
        if one and many and size >= PIPELINE_TARGET_SIZE_MB:
            lines.append(
                f"{_verdict(many.measured.seconds < one.measured.seconds)}  {inputs.label} pipeline faster with n_jobs={jobs}: "
                f"{many.measured.seconds:.1f} s vs {one.measured.seconds:.1f} s ({one.measured.seconds / many.measured.seconds:.2f}x)"
            )
    return lines


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[10.0, 100.0], metavar="MB", help="input sizes in MB (default: 10 100)")
    parser.add_argument("--data", type=Path, default=NEWS_JSONL, help="JSONL news file with a text field (default: %(default)s)")
    parser.add_argument("--skip-nltk-above", type=float, default=None, metavar="MB", help="leave NLTK out for inputs larger than this")
    parser.add_argument("--jobs", type=int, default=2, help="n_jobs of the parallel pipeline case (default: 2; 1 leaves it out)")
    parser.add_argument("--repeats", type=int, default=1, help="runs of each case, the median kept (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="exit with status 1 when a target fails")
    args = parser.parse_args(argv)

    has_psutil = _has("psutil")
    print(f"# arabtext scale benchmark: {platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    print(f"# {versions(('arabtext', 'nltk', 'numpy', 'pandas'))}")
    print(f"# command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"# {args.repeats} run(s) per case, each in a fresh process, the median kept; peak MB is that run's peak RSS"
          + ("" if has_psutil else " (psutil missing: worker processes not included)"))
    start = time.perf_counter()
    rows: list[Row] = []
    # read many times over, an input of a chunk or two would be held whole (a chunk is ~7 MB)
    scaling_size = min((s for s in args.sizes if s >= SCALING_MIN_MB), default=None)
    for size in args.sizes:
        inputs = prepare(size, args.data)
        print(f"\ninput {inputs.label}: {inputs.source}; {inputs.n_docs:,} documents in {inputs.jsonl.name} and {inputs.tokens.name}", flush=True)
        with_nltk = args.skip_nltk_above is None or size <= args.skip_nltk_above
        rows += measure(inputs, cases_for(inputs, with_nltk, args.jobs, has_psutil, scaling=size == scaling_size), args.repeats)

    headers = ["input", "task", "tool", "seconds", "M tokens/s", "peak MB", "x faster", "memory vs NLTK", "result"]
    print()
    print(format_table(headers, table_rows(rows), right=(3, 4, 5, 6, 7)))
    print("\n  x faster: NLTK's seconds / arabtext's on the same task and input; memory vs NLTK: arabtext's peak MB / NLTK's.")
    print("  M tokens/s: tokens of the input (arabtext.tokenize) per second of the case.")
    print("  NLTK's finder reads the corpus as one stream, so its pairs cross articles; arabtext's never do.")
    targets = target_lines(rows, args.jobs)
    print("\nTargets:")
    print("\n".join(targets) or "(none measured)")
    print(f"\n# {time.perf_counter() - start:.0f} s in all")
    return 1 if args.check and any(t.startswith("FAIL") for t in targets) else 0


if __name__ == "__main__":
    sys.exit(main())
