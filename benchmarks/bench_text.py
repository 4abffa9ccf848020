"""Speed of normalization and tokenization: arabtext against pyarabic, camel-tools and NLTK.

Every tool runs on the same text in the same run, round-robin, and the table
prints MB/s (decimal MB of UTF-8 input per second, median of the runs) and
how many times faster arabtext is. Ratios from one run are what to quote:
absolute MB/s move with the load on the machine.

    .venv/bin/python benchmarks/bench_text.py                  # 1 MB and 10 MB, median of 5
    .venv/bin/python benchmarks/bench_text.py --sizes 0.05 --repeats 1
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from _common import NEWS_JSONL, BenchInput, Timing, build_input, format_table, median_subprocess_seconds, time_cases, versions

from arabtext import STEPS, Normalizer, lemmas, normalize, tokenize, tokens

TASKS = ("normalize", "tokenize", "normalize+tokenize")
PEERS = ("pyarabic", "camel-tools", "nltk")
CAMEL_INSTALL = "pip install --no-deps camel-tools && pip install regex emoji six"

# arabtext profiles that switch on the same operations as each peer's normalization
PYARABIC_STEPS = ("tashkeel", "tatweel", "alef", "hamza")
CAMEL_STEPS = ("tashkeel", "alef", "alef_maqsura", "ta_marbuta")

TARGET_MBPS = 40.0
# the speed issue's floors: tokenize against one bare regex pass in the same run,
# normalize and tokens() in MB/s
TARGET_FLOOR_SHARE = 0.75
TARGET_NORMALIZE_MBPS = 250.0
TARGET_TOKENS_MBPS = 15.0
TARGET_LEMMA_TOKENS_PER_S = 100_000
TARGET_RATIO = {"pyarabic": 2.5, "camel-tools": 7.0}
TARGET_IMPORT_S = 0.2
_HEAVY_MODULES = ("numpy", "pandas", "matplotlib", "camel_tools", "nltk", "sklearn")
_IMPORT_SNIPPET = f"""
import sys, time
start = time.perf_counter()
import arabtext
print(time.perf_counter() - start)
print(", ".join(m for m in {_HEAVY_MODULES!r} if m in sys.modules) or "none")
"""


@dataclass(frozen=True)
class Case:
    """One timed row: a tool doing one task on the whole text."""

    tool: str
    task: str
    label: str
    what: str
    run: Callable[[str], Sequence]
    #: label of the arabtext case doing the same operations (peers only)
    matched: str | None = None

    @property
    def key(self) -> str:
        return f"{self.task}/{self.tool}/{self.label}"


@dataclass(frozen=True)
class Skip:
    tool: str
    reason: str


def profile(steps: Sequence[str]) -> Normalizer:
    """A Normalizer with exactly ``steps`` on."""
    return Normalizer(**{s.name: s.name in steps for s in STEPS})


def arabtext_cases() -> list[Case]:
    like_pyarabic, like_camel = profile(PYARABIC_STEPS), profile(CAMEL_STEPS)
    return [
        Case("arabtext", "normalize", "default", "normalize(text): default profile (all steps but ta_marbuta, hamza)", normalize),
        Case("arabtext", "normalize", "pyarabic-like", f"Normalizer with only {', '.join(PYARABIC_STEPS)} on", like_pyarabic),
        Case("arabtext", "normalize", "camel-like", f"Normalizer with only {', '.join(CAMEL_STEPS)} on", like_camel),
        Case("arabtext", "tokenize", "words", "tokenize(text, normalize=False): word and latin tokens", lambda t: tokenize(t, normalize=False)),
        Case("arabtext", "tokenize", "tokens()", "tokens(text): every token with kind and offsets", tokens),
        Case("arabtext", "normalize+tokenize", "default", "tokenize(text): default profile, then words", tokenize),
        Case(
            "arabtext", "normalize+tokenize", "pyarabic-like", "tokenize(text, normalize=<pyarabic-like profile>)",
            lambda t: tokenize(t, normalize=like_pyarabic),
        ),
        Case(
            "arabtext", "normalize+tokenize", "camel-like", "tokenize(text, normalize=<camel-like profile>)",
            lambda t: tokenize(t, normalize=like_camel),
        ),
        Case(
            "arabtext", "normalize+tokenize", "lemmas", "lemmas(text): tokenize, then each word's lemma (cached per type: "
            "the first run is cold, the median warm)", lemmas,
        ),
    ]


def pyarabic_cases() -> list[Case] | Skip:
    try:
        from pyarabic import araby
    except ImportError as err:
        return Skip("pyarabic", f"not installed ({err}); pip install pyarabic")

    def norm(text: str) -> str:
        return araby.normalize_hamza(araby.strip_tatweel(araby.strip_tashkeel(text)))

    chain = "strip_tashkeel, strip_tatweel, normalize_hamza on the whole text"
    return [
        Case("pyarabic", "normalize", "araby", chain, norm, matched="pyarabic-like"),
        Case("pyarabic", "tokenize", "araby", "araby.tokenize(text): words and punctuation runs", araby.tokenize, matched="words"),
        Case(
            "pyarabic", "normalize+tokenize", "araby", "araby.tokenize of the normalized text",
            lambda t: araby.tokenize(norm(t)), matched="pyarabic-like",
        ),
    ]


def camel_cases() -> list[Case] | Skip:
    try:
        from camel_tools.tokenizers.word import simple_word_tokenize
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar
    except ImportError as err:
        return Skip("camel-tools", f"not installed ({err}); {CAMEL_INSTALL}")

    def norm(text: str) -> str:
        return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text))))

    chain = "dediac_ar, normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar"
    return [
        Case("camel-tools", "normalize", "utils", chain, norm, matched="camel-like"),
        Case(
            "camel-tools", "tokenize", "simple_word", "simple_word_tokenize(text): words and punctuation",
            simple_word_tokenize, matched="words",
        ),
        Case(
            "camel-tools", "normalize+tokenize", "utils", "simple_word_tokenize of the normalized text",
            lambda t: simple_word_tokenize(norm(t)), matched="camel-like",
        ),
    ]


def nltk_cases() -> list[Case] | Skip:
    try:
        from nltk.tokenize import wordpunct_tokenize
    except ImportError as err:
        return Skip("nltk", f"not installed ({err}); pip install nltk")
    return [
        Case("nltk", "tokenize", "wordpunct", r"wordpunct_tokenize(text): \w+ and [^\w\s]+ runs", wordpunct_tokenize, matched="words")
    ]


def reference_cases() -> list[Case]:
    """Bare Python on the same text: how fast any regex tokenizer can be on this machine, in this run."""
    word_re = re.compile(r"\w+")
    return [
        Case("python", "tokenize", r"re \w+", r"re.findall(r'\w+', text): one bare regex pass, the floor of a regex tokenizer", word_re.findall),
        Case("python", "tokenize", "str.split", "text.split(): whitespace split in C, no regex", str.split),
    ]


PEER_CASES = {"pyarabic": pyarabic_cases, "camel-tools": camel_cases, "nltk": nltk_cases}
# which tasks each peer covers, to place its "skipped" rows even when it is absent
PEER_TASKS = {"pyarabic": TASKS, "camel-tools": TASKS, "nltk": ("tokenize",)}
# the arabtext case each task's "x default" column compares with
DEFAULT_CASE = {"normalize": "default", "tokenize": "words", "normalize+tokenize": "default"}
# the arabtext profile doing what each peer's normalization does
PEER_PROFILE = {"pyarabic": "pyarabic-like", "camel-tools": "camel-like"}

_HAS_LETTER = re.compile(r"[^\W\d_]")


def summarize(result: Sequence) -> tuple[int, int | None]:
    """Output size, and for token lists how many tokens hold a letter (the words)."""
    if isinstance(result, str):
        return len(result), None
    return len(result), sum(1 for t in result if _HAS_LETTER.search(t if isinstance(t, str) else t.text))


def bench_size(data: BenchInput, cases: list[Case], repeats: int) -> dict[str, Timing]:
    text = data.text
    return time_cases({c.key: (lambda run=c.run: run(text)) for c in cases}, repeats, summarize=summarize)


def speeds(data: BenchInput, timings: dict[str, Timing], clock: str) -> dict[str, float]:
    """MB/s of each case on ``clock``."""
    return {key: data.mb / t.median(clock) for key, t in timings.items()}


def table_rows(data: BenchInput, cases: list[Case], skips: list[Skip], timings: dict[str, Timing], clock: str) -> list[list[str]]:
    speed = speeds(data, timings, clock)
    rows = []
    for task in TASKS:
        default = speed[f"{task}/arabtext/{DEFAULT_CASE[task]}"]
        for c in (c for c in cases if c.task == task):
            t = timings[c.key]
            n, words = t.summary
            unit = "chars" if words is None else "tokens"
            matched = speed[f"{task}/arabtext/{c.matched}"] / speed[c.key] if c.matched else None
            rows.append([
                f"{data.mb:.3g}", task, c.tool, c.label, f"{speed[c.key]:.1f}", f"{t.median('cpu'):.3g}", f"{t.median('wall'):.3g}",
                f"{n:,} {unit}", "" if words is None else f"{words:,}",
                f"{default / speed[c.key]:.2f}x", "" if matched is None else f"{matched:.2f}x",
            ])
        for s in skips:
            if task in PEER_TASKS[s.tool]:
                rows.append([f"{data.mb:.3g}", task, s.tool, f"skipped: {s.reason}"] + [""] * 7)
    return rows


def target_lines(data: BenchInput, timings: dict[str, Timing], skips: list[Skip], clock: str) -> list[str]:
    speed = speeds(data, timings, clock)
    ours = speed["normalize+tokenize/arabtext/default"]
    floor = speed["tokenize/python/re \\w+"]
    norm, offsets = speed["normalize/arabtext/default"], speed["tokenize/arabtext/tokens()"]
    lines = [
        f"{_verdict(ours >= TARGET_MBPS)}  {data.mb:.3g} MB  arabtext normalize+tokenize >= {TARGET_MBPS:g} MB/s: {ours:.1f} MB/s",
        f"{_verdict(ours >= TARGET_FLOOR_SHARE * floor)}  {data.mb:.3g} MB  arabtext normalize+tokenize >= {TARGET_FLOOR_SHARE:g}x "
        f"a bare re.findall(r'\\w+'): {ours / floor:.2f}x ({ours:.1f} vs {floor:.1f} MB/s)",
        f"{_verdict(norm >= TARGET_NORMALIZE_MBPS)}  {data.mb:.3g} MB  arabtext normalize >= {TARGET_NORMALIZE_MBPS:g} MB/s: "
        f"{norm:.1f} MB/s ({norm / floor:.2f}x the bare regex pass)",
        f"{_verdict(offsets >= TARGET_TOKENS_MBPS)}  {data.mb:.3g} MB  arabtext tokens() with offsets and kinds >= "
        f"{TARGET_TOKENS_MBPS:g} MB/s: {offsets:.1f} MB/s ({offsets / floor:.2f}x the bare regex pass)",
    ]
    lemma_timing = timings["normalize+tokenize/arabtext/lemmas"]
    per_s = lemma_timing.summary[0] / lemma_timing.median(clock)
    lines.append(f"{_verdict(per_s >= TARGET_LEMMA_TOKENS_PER_S)}  {data.mb:.3g} MB  arabtext lemmas() once warm >= "
                 f"{TARGET_LEMMA_TOKENS_PER_S:,} tokens/s: {per_s:,.0f} tokens/s "
                 f"({speed['normalize+tokenize/arabtext/lemmas'] / ours:.2f}x tokenize)")
    skipped = {s.tool: s.reason for s in skips}
    for tool, need in TARGET_RATIO.items():
        label = f"{data.mb:.3g} MB  arabtext normalize+tokenize >= {need:g}x {tool} pipeline"
        if tool in skipped:
            lines.append(f"SKIP  {label}: {skipped[tool]}")
            continue
        peer_key = next(k for k in speed if k.startswith(f"normalize+tokenize/{tool}/"))
        ratio = ours / speed[peer_key]
        like = speed[f"normalize+tokenize/arabtext/{PEER_PROFILE[tool]}"] / speed[peer_key]
        lines.append(f"{_verdict(ratio >= need)}  {label}: {ratio:.2f}x (default profile; like-for-like profile {like:.2f}x)")
    return lines


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def legend(cases: list[Case], clock: str) -> str:
    lines = ["Legend (every case runs on the whole text as one string):"]
    seen = set()
    for c in cases:
        if (c.tool, c.task, c.label) in seen:
            continue
        seen.add((c.tool, c.task, c.label))
        lines.append(f"  {c.task:<19} {c.tool:<11} {c.label:<14} {c.what}")
    lines += [
        f"  MB/s: decimal MB of UTF-8 input per {clock} second, median of the timed runs; cpu s and wall s: the medians.",
        "  letter tokens: tokens holding a letter of any script, i.e. words without punctuation and numbers,",
        "    so tokenizers that also return punctuation can be compared with arabtext's words-only tokenize.",
        "  x default: how many times faster arabtext's default case of the task is than this row.",
        "  x matched: how many times faster arabtext is with the same operations as this peer (the 'like' rows).",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 10.0], metavar="MB", help="input sizes in MB (default: 1 10)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per case; the median is reported (default: 5)")
    parser.add_argument("--import-runs", type=int, default=7, help="fresh interpreters timing `import arabtext` (default: 7)")
    parser.add_argument("--data", type=Path, default=NEWS_JSONL, help="JSONL news file with a text field (default: %(default)s)")
    parser.add_argument("--skip", choices=PEERS, action="append", default=[], help="leave a peer out (repeatable)")
    parser.add_argument(
        "--clock", choices=("cpu", "wall"), default="cpu",
        help="clock for MB/s: process CPU time (default; steady on a shared machine) or wall time",
    )
    parser.add_argument("--check", action="store_true", help="exit with status 1 when a target fails")
    args = parser.parse_args(argv)

    cases = arabtext_cases()
    skips: list[Skip] = []
    for tool in PEERS:
        found = Skip(tool, "left out with --skip") if tool in args.skip else PEER_CASES[tool]()
        if isinstance(found, Skip):
            skips.append(found)
        else:
            cases += found
    cases += reference_cases()

    print(f"# arabtext text benchmark: {platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    print(f"# {versions(['arabtext', *(t for t in PEERS if t not in {s.tool for s in skips})])}")
    print(f"# command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"# median of {args.repeats} timed run(s) per case, round-robin, after one warm-up run each; "
          f"MB/s from {args.clock} time\n")

    rows, targets = [], []
    for size in args.sizes:
        data = build_input(size, args.data)
        print(f"input {size:g} MB: {data.source}", flush=True)
        timings = bench_size(data, cases, args.repeats)
        rows += table_rows(data, cases, skips, timings, args.clock)
        targets += target_lines(data, timings, skips, args.clock)

    headers = ["MB", "task", "tool", "case", "MB/s", "cpu s", "wall s", "output", "letter tokens", "x default", "x matched"]
    print()
    print(format_table(headers, rows, right=(0, 4, 5, 6, 7, 8, 9, 10)))
    print()
    print(legend(cases, args.clock))

    import_s, heavy = median_subprocess_seconds(_IMPORT_SNIPPET, args.import_runs)
    targets.append(
        f"{_verdict(import_s < TARGET_IMPORT_S)}  import arabtext < {TARGET_IMPORT_S:g} s: {import_s:.3f} s "
        f"(median of {args.import_runs} fresh interpreters; heavy modules loaded: {heavy})"
    )
    print("\nTargets:")
    print("\n".join(targets))
    failed = any(line.startswith("FAIL") for line in targets)
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
