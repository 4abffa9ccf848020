"""Score a lemmatizer on the development half of UD Arabic PUD.

The rule is the one ``../shared/data/lemma_ud_pud/SOURCE.md`` gives: a
surface word is the run of tokens glued by ``SpaceAfter=No`` (a clitic and
its host); it is scored when exactly one of its tokens is a NOUN, VERB or
ADJ, and it counts as right when our lemma of the whole word equals that
token's lemma, both in the default normalized form.

    .venv/bin/python scripts/eval_lemmas.py            # arabtext.lemmatize
    .venv/bin/python scripts/eval_lemmas.py --errors 40
    .venv/bin/python scripts/eval_lemmas.py --baseline light_stem
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

CONTENT = {"NOUN", "VERB", "ADJ"}
DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "lemma_ud_pud" / "ar_pud_dev.conllu"


def read_words(path: Path) -> list[tuple[str, str, str]]:
    """(surface word, gold lemma, UPOS) for every scored word of a CoNLL-U file."""
    words: list[tuple[str, str, str]] = []
    run: list[list[str]] = []

    def close() -> None:
        content = [t for t in run if t[3] in CONTENT]
        if len(content) == 1:
            words.append(("".join(t[1] for t in run), content[0][2], content[0][3]))
        run.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            if run:
                close()
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        if cols[3] == "PUNCT":
            if run:
                close()
            continue
        run.append(cols)
        if "SpaceAfter=No" not in cols[9]:
            close()
    if run:
        close()
    return words


def read_names(path: Path) -> set[str]:
    """The proper nouns of a CoNLL-U file that stand alone as a word (no clitic glued to them), as written."""
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[3] == "PROPN" and "SpaceAfter=No" not in cols[9]:
            names.add(cols[1])
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conllu", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent errors")
    parser.add_argument("--baseline", choices=["light_stem"], help="score light_stem instead")
    args = parser.parse_args(argv)
    if not args.conllu.is_file():
        print(f"not found: {args.conllu} (the UD PUD development half lives in ../shared)")
        return 1

    import arabtext as at

    words = read_words(args.conllu)
    lemmatize = at.light_stem if args.baseline else at.lemmatize
    start = time.perf_counter()
    guesses = [lemmatize(at.normalize(w)) for w, _, _ in words]
    seconds = time.perf_counter() - start
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    errors: Counter[tuple[str, str, str, str]] = Counter()
    for (word, gold, pos), guess in zip(words, guesses):
        gold = at.normalize(gold)
        total[pos] += 1
        if guess == gold:
            right[pos] += 1
        else:
            errors[pos, at.normalize(word), guess, gold] += 1
    n = sum(total.values())
    print(f"{args.conllu.name}: {n:,} content words, {sum(right.values()) / n:.1%} right "
          f"({n / seconds:,.0f} words/s cold, every word looked up)")
    for pos in sorted(total):
        print(f"  {pos:<5} {right[pos] / total[pos]:6.1%} of {total[pos]:,}")
    if not args.baseline:
        names = {at.normalize(name) for name in read_names(args.conllu)}
        kept = sum(at.lemmatize(name) == at.light_stem(name) for name in names)
        print(f"  names (PROPN standing alone): {kept / len(names):.1%} of {len(names):,} come back as their light stem")
    for (pos, word, guess, gold), k in errors.most_common(args.errors):
        print(f"  {k:3d} {pos:<5} {word:<16} ours {guess:<14} gold {gold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
