"""Shared pieces of the benchmarks: inputs of a given size, timing, peak memory, tables.

Every benchmark script builds its input with :func:`build_input`, times tools
with :func:`time_cases` (round-robin, so a burst of load from elsewhere on the
machine hits every tool alike and the ratios stay fair) and prints with
:func:`format_table`. :func:`run_in_child` measures time and peak RSS of one
call in a fresh process, for the memory benchmarks.
"""

from __future__ import annotations

import gc
import multiprocessing
import resource
import statistics
import subprocess
import sys
import time
import traceback
from importlib import metadata
from dataclasses import dataclass
from itertools import cycle
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from arabtext.corpus.loading import iter_documents

REPO = Path(__file__).resolve().parents[1]
#: the ANT multi-source news sample; read when present, never copied into the repo
NEWS_JSONL = REPO.parent / "shared" / "data" / "news_ant_multisource" / "ant_multisource_news.jsonl"
#: sizes are decimal megabytes of UTF-8 text, as "MB/s" is
MB = 1_000_000
# ru_maxrss is in kilobytes on Linux but in bytes on macOS
_MAXRSS_UNIT = 1 if sys.platform == "darwin" else 1024


@dataclass(frozen=True)
class BenchInput:
    """A benchmark text and a sentence saying where it came from."""

    text: str
    nbytes: int
    source: str

    @property
    def mb(self) -> float:
        return self.nbytes / MB


def build_input(size_mb: float, path: Path | None = NEWS_JSONL) -> BenchInput:
    """Exactly ``size_mb`` MB of UTF-8 text: whole articles joined by blank lines.

    The articles come from the JSONL file at ``path`` when it exists, else
    from the bundled sample corpus (both read with arabtext's own corpus
    loader); the source is repeated when it is too small, and the last
    article is cut to hit the size. ``source`` says all of this.
    """
    target = round(size_mb * MB)
    if target <= 0:
        raise ValueError(f"size must be positive, got {size_mb} MB")
    if path is not None and path.exists():
        origin, docs = f"ANT news articles ({path.name})", iter_documents(path)
    else:
        reason = "no data path given" if path is None else f"{path} not found"
        origin, docs = f"texts of the bundled sample corpus ({reason})", iter_documents(None)
    texts = (doc.text for doc in docs)
    parts: list[str] = []
    seen: list[str] = []  # the source's texts, kept only to repeat them if it runs out
    nbytes = 0
    sep = "\n\n"
    for text in _then_repeat(texts, seen):
        chunk = (sep if parts else "") + text
        size = len(chunk.encode("utf-8"))
        if nbytes + size >= target:
            # errors="ignore" drops a character cut in half, so the size may fall short by < 4 bytes
            parts.append(chunk.encode("utf-8")[: target - nbytes].decode("utf-8", errors="ignore"))
            break
        parts.append(chunk)
        nbytes += size
    text = "".join(parts)
    n = len(text.encode("utf-8"))
    used = len(parts)
    repeats = f", the source's {len(seen):,} text(s) repeated {used / len(seen):.1f} times" if used > len(seen) else ""
    return BenchInput(text, n, f"{n:,} bytes of UTF-8 from {used:,} {origin}{repeats}; the last text cut to size")


def _then_repeat(texts: Iterator[str], seen: list[str]) -> Iterator[str]:
    """Yield ``texts`` once (recording them in ``seen``), then cycle the recording."""
    for text in texts:
        seen.append(text)
        yield text
    if not seen:
        raise ValueError("the benchmark source has no texts")
    yield from cycle(seen)


@dataclass(frozen=True)
class Timing:
    """Seconds of each run of one case on both clocks, and a summary of its result.

    ``cpu`` is the process's CPU time: for single-threaded code it is the
    wall time of an idle machine, and it leaves out the time spent waiting
    for a core while other processes run, so it is the steadier clock on a
    shared machine. ``wall`` is what a user waits (and what counts for
    parallel code, whose workers' CPU time this process does not see).
    """

    wall: tuple[float, ...]
    cpu: tuple[float, ...]
    result_len: int
    summary: Any = None

    def median(self, clock: str = "wall") -> float:
        if clock not in ("wall", "cpu"):
            raise ValueError(f"clock must be 'wall' or 'cpu', got {clock!r}")
        return statistics.median(self.cpu if clock == "cpu" else self.wall)


def time_cases(
    cases: Mapping[str, Callable[[], Any]],
    repeats: int,
    summarize: Callable[[Any], Any] | None = None,
) -> dict[str, Timing]:
    """Run every case ``repeats`` times, round-robin, after one untimed warm-up each.

    Round-robin rather than case after case: load from other processes on
    the machine then slows every case alike, so the ratios stay fair. Each
    timed result's ``len`` is taken, so the work is really consumed; the
    warm-up's result (the same work) goes through ``summarize`` for sanity
    checks, outside the timing.
    """
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1, got {repeats}")
    wall: dict[str, list[float]] = {name: [] for name in cases}
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    lengths: dict[str, int] = {}
    summaries: dict[str, Any] = {}
    for name, run in cases.items():
        # warm-up: compiles regexes, fills caches, imports lazy modules
        summaries[name] = summarize(run()) if summarize is not None else None
    for _ in range(repeats):
        for name, run in cases.items():
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            result = run()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start)
            lengths[name] = len(result)
            del result
    return {name: Timing(tuple(wall[name]), tuple(cpu[name]), lengths[name], summaries[name]) for name in cases}


def median_subprocess_seconds(code: str, runs: int) -> tuple[float, str]:
    """Median of the seconds that ``code`` prints as its first output line, each run in a fresh interpreter.

    The interpreter starts in the repository, so ``import arabtext`` finds
    this checkout. Returns the median and the rest of the last run's output
    (sanity facts the snippet reports, such as which heavy modules it loaded).
    """
    values = []
    rest = ""
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPO)
        if done.returncode != 0:
            raise RuntimeError(f"benchmark subprocess failed:\n{done.stderr}")
        first, _, rest = done.stdout.partition("\n")
        values.append(float(first))
    return statistics.median(values), rest.strip()


@dataclass(frozen=True)
class Measurement:
    """One call measured in a fresh process.

    ``peak_mb`` is the highest resident set size while the call ran;
    ``base_mb`` the resident size just before it (interpreter, imports,
    input), so ``peak_mb - base_mb`` is what the call itself added.
    """

    seconds: float
    peak_mb: float
    base_mb: float
    summary: Any


def _proc_status_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024 / MB  # the value is in kB
    raise OSError(f"no {field} in /proc/self/status")


def _start_peak() -> Callable[[], float] | None:
    """Reset the kernel's peak-RSS mark and return a reader of the new peak, where Linux allows.

    ru_maxrss cannot be used from the start of the child: at exec, Linux
    carries over the peak of the forked copy of the parent, so a child of a
    big process (pytest, a notebook) would report the parent's size.
    """
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # 5: reset the peak resident set size to the current one
        _proc_status_mb("VmHWM")
    except OSError:
        return None
    return lambda: _proc_status_mb("VmHWM")


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _MAXRSS_UNIT / MB


def _child(conn, func, setup, summarize) -> None:
    try:
        arg = setup() if setup is not None else None
        gc.collect()
        peak = _start_peak()
        if peak is not None:
            base = _proc_status_mb("VmRSS")
        else:  # no /proc (macOS): the lifetime peak, which the setup is part of
            base = _maxrss_mb()
        start = time.perf_counter()
        result = func(arg) if setup is not None else func()
        seconds = time.perf_counter() - start
        top = peak() if peak is not None else _maxrss_mb()
        conn.send(("ok", Measurement(seconds, top, base, summarize(result))))
    except BaseException:  # noqa: BLE001 - any failure is reported to the parent, not lost
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()


def run_in_child(
    func: Callable[..., Any],
    setup: Callable[[], Any] | None = None,
    summarize: Callable[[Any], Any] = len,
) -> Measurement:
    """Time ``func(setup())`` (or ``func()``) in a fresh process and read its peak RSS.

    The child is spawned, not forked, so it does not hold a copy of this
    process's memory, and the peak is read inside it: ``RUSAGE_CHILDREN``
    in the parent would give the largest child ever waited for, so a small
    measurement after a big one would be wrong. On Linux the peak mark is
    reset after ``setup`` (``/proc/self/clear_refs``) and read from
    ``VmHWM``; elsewhere ``ru_maxrss`` is used. ``func``, ``setup`` and
    ``summarize`` must be picklable (module-level functions or
    ``functools.partial`` of them); build big inputs in ``setup`` so they
    are not pickled across. Only ``summarize(result)`` comes back.
    """
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, func, setup, summarize))
    proc.start()
    send.close()
    try:
        status, payload = receive.recv()
    except EOFError:
        status, payload = "error", "the child process died without a report (killed for memory?)"
    proc.join()
    if status != "ok":
        raise RuntimeError(f"measurement of {getattr(func, '__name__', func)!r} failed in the child process:\n{payload}")
    return payload


def format_table(headers: Sequence[str], rows: Iterable[Sequence[object]], right: Iterable[int] = ()) -> str:
    """An aligned plain-text table; columns whose index is in ``right`` are right-aligned."""
    right = set(right)
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule] + [line(row) for row in cells[1:]])


def versions(dists: Sequence[str]) -> str:
    """"name version" of each installed distribution, for the header of a benchmark's output."""
    found = []
    for dist in dists:
        try:
            found.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            found.append(f"{dist} (not installed)")
    return ", ".join(found)
