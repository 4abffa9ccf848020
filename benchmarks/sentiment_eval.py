"""Accuracy and macro-F1 of both sentiment methods on every labelled set in ``../shared/data``.

The lexicon method (:class:`arabtext.SentimentAnalyzer`) and the shipped model
(:class:`arabtext.SentimentModel`, the hybrid of text features and lexicon)
are run on the same texts. For the sets the model was trained on (ArSarcasm,
AJGT) only their held-out splits are used; ASTD tweets that ArSarcasm
re-annotated are left out; the splits are defined in
``scripts/sentiment_data.py``. Each set is shown as it is and class-balanced
(larger class subsampled, fixed seed).

The lexicon answers "neutral" when it finds no sentiment word; on these
positive/negative sets that counts as an error. ``coverage`` is the share of
texts it found something in, ``acc. covered`` its accuracy on those.

Skips cleanly (exit 0, with the reason) when the shared data is absent.

    .venv/bin/python benchmarks/sentiment_eval.py
    .venv/bin/python benchmarks/sentiment_eval.py --data /path/to/shared/data --only ajgt-test astd-unseen
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from sentiment_data import DEFAULT_DATA, Labelled, balanced_indices, evaluation_sets  # noqa: E402

from arabtext.sentiment.metrics import evaluation  # noqa: E402
from arabtext.sentiment.analyzer import SentimentAnalyzer  # noqa: E402
from arabtext.sentiment.model import SentimentModel  # noqa: E402

COLUMNS = ("dataset", "n", "neg/pos", "lexicon acc.", "lexicon F1", "coverage", "acc. covered", "model acc.", "model F1")


def rows_for(labelled: Labelled, lexicon: SentimentAnalyzer, model: SentimentModel) -> list[tuple]:
    """Two table rows (as is, balanced) for one set; each text is scored once."""
    lexicon_answers = lexicon.predict(labelled.texts)
    model_answers = model.predict(labelled.texts)
    rows = []
    for name, keep in ((labelled.name, range(len(labelled))), (labelled.name + " (balanced)", balanced_indices(labelled))):
        gold = [labelled.labels[i] for i in keep]
        lex = [lexicon_answers[i] for i in keep]
        mod = [model_answers[i] for i in keep]
        ev_lex, ev_mod = evaluation(gold, lex), evaluation(gold, mod)
        covered = [(g, p) for g, p in zip(gold, lex) if p != "neutral"]
        coverage = len(covered) / len(gold)
        acc_covered = sum(g == p for g, p in covered) / len(covered) if covered else 0.0
        counts = f"{gold.count('negative')}/{gold.count('positive')}"
        rows.append((name, len(gold), counts, ev_lex.accuracy, ev_lex.macro_f1, coverage, acc_covered, ev_mod.accuracy, ev_mod.macro_f1))
    return rows


def markdown(rows: list[tuple]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        cells = [str(row[0]), str(row[1]), row[2]] + [f"{x:.3f}" for x in row[3:]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default: %(default)s)")
    parser.add_argument("--only", nargs="*", metavar="SET", help="evaluate only these sets (names as in the table)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: the shared data folder {args.data} is absent (evaluation data is never bundled)")
        return 0
    skipped: list[str] = []
    sets = evaluation_sets(args.data, skipped)
    for reason in skipped:
        print(f"skipped: {reason}", file=sys.stderr)
    if args.only:
        unknown = set(args.only) - {s.name for s in sets}
        if unknown:
            parser.error(f"unknown set(s) {sorted(unknown)}; present: {[s.name for s in sets]}")
        sets = [s for s in sets if s.name in args.only]
    if not sets:
        print(f"skipped: no labelled set found under {args.data}")
        return 0
    lexicon, model = SentimentAnalyzer(), SentimentModel()
    start = time.time()
    rows = []
    for labelled in sets:
        rows += rows_for(labelled, lexicon, model)
        print(f"  {labelled.name}: {len(labelled)} texts scored ({time.time() - start:.0f} s)", file=sys.stderr)
    print(markdown(rows))
    print(f"\nlexicon: {lexicon.lexicon!r}\nmodel: {model!r}, trained on {model.meta['trained_on']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
