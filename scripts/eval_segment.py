"""Word accuracy of ``arabtext.segment`` (:mod:`arabtext.text.clitics`) on the WikiNews segmentation gold standard.

The gold standard is the QCRI WikiNews set used to evaluate Farasa (Darwish &
Mubarak 2016), read from ``/work/shared/data/seg_wikinews_farasa`` (or
``--data DIR``): ``WikiNews.seg.surface.tsv``, one token a line with its
segmentation and part-of-speech tags, e.g. ``ترشيحاتها  ترشيح+ات+ها  NOUN+NSUFF+PRON``.

Farasa segments more than clitics, so the gold is first mapped to clitic
level, the level ``segment`` works at:

* proclitics: the leading segments among و ف ب ك ل ال س are kept (never the
  last segment: ل alone is a word); ل + ال keeps its written form لل, i.e.
  the segments ل and ل, as ``segment`` returns them;
* suffix: the last segment is kept apart when it is tagged PRON and is one of
  the pronoun suffixes ه ها هم هما هن ك كم كما كن ي ني نا (only one: in
  شكلناها the subject نا stays in the stem). Other PRON segments are verb
  subject endings (أعلن+ت، يتناول+ون) and go back into the stem. نا is both
  a subject (قررنا) and an object/possessive (يمكننا، عصرنا) and is written
  the same, so every PRON نا counts as a suffix;
* everything between is merged back into one stem: feminine and plural
  endings (ثقاف+ة، ترشيح+ات), case endings (ترشيح+ا) and non-clitic
  particles (في+ها → stem في, من+ما → مما). When Farasa restores letters the
  surface merges (كن+نا written كنا), the suffix stays in the stem; in
  ل+ال+لغة, written للغة, the article's lam is merged into the stem's, so
  the clitic-level gold is ل + لغة.

Only tokens with an Arabic letter are scored (punctuation and numbers would
be free points). Segmentations are compared as the lengths of their segments,
so ``--normalized`` can score words passed through ``arabtext.normalize``
(أ إ آ → ا, ى → ي): the letters change, the segment lengths do not.
``--half dev`` and ``--half test`` score the first and second half of the
tokens, so rules tuned on one half can be checked on the other.

    .venv/bin/python scripts/eval_segment.py
    .venv/bin/python scripts/eval_segment.py --half test --normalized --errors 30
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path

from arabtext import normalize
from arabtext.text.clitics import light_stem, segment

DEFAULT_DATA = Path("/work/shared/data/seg_wikinews_farasa")
GOLD_FILE = "WikiNews.seg.surface.tsv"
PROCLITICS = frozenset(("و", "ف", "ب", "ك", "ل", "ال", "س"))
PRONOUN_SUFFIXES = frozenset(("ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا"))
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def clitic_level(surface: str, segmentation: str, pos: str) -> tuple[list[str], list[str], list[str]]:
    """Map a Farasa segmentation to (proclitics, [stem], [suffix]) as slices of ``surface``.

    >>> clitic_level("وللترشيحات", "و+ل+ال+ترشيح+ات", "CONJ+PREP+DET+NOUN+NSUFF")
    (['و', 'ل', 'ل'], ['ترشيحات'], [])
    >>> clitic_level("أعلنتها", "أعلن+ت+ها", "V+PRON+PRON")
    ([], ['أعلنت'], ['ها'])
    """
    segments, tags = segmentation.split("+"), pos.split("+")
    i = 0
    prefixes: list[str] = []
    while i < len(segments) - 1 and segments[i] in PROCLITICS:
        # ل + ال is written لل: the article keeps only its lam
        prefixes.append("ل" if segments[i] == "ال" and prefixes[-1:] == ["ل"] else segments[i])
        i += 1
    start = sum(map(len, prefixes))
    if prefixes[-2:] == ["ل", "ل"] and surface[start - 1 :] == "".join(segments[i:]):
        # ل + ال + لغة is written للغة: the article's lam merged into the stem's
        prefixes.pop()
        start -= 1
    suffix: list[str] = []
    if i < len(segments) and tags[-1] == "PRON" and segments[-1] in PRONOUN_SUFFIXES:
        middle = "".join(segments[i:-1])
        if surface[start : len(surface) - len(segments[-1])] == middle and surface.endswith(segments[-1]):
            suffix = [segments[-1]]
    stem = surface[start : len(surface) - sum(map(len, suffix))]
    return prefixes, [stem] if stem else [], suffix


def load_gold(folder: Path) -> tuple[list[tuple[str, list[str], int]], int]:
    """(word, clitic-level gold segments, number of proclitics) for every Arabic token, and how many tokens had no Arabic letter."""
    path = folder / GOLD_FILE
    rows, not_arabic = [], 0
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != ["surface", "segmentation", "pos"]:
            sys.exit(f"{path}: unexpected header {header}, expected surface/segmentation/pos")
        for lineno, line in enumerate(f, start=2):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3 or len(fields[1].split("+")) != len(fields[2].split("+")):
                warnings.warn(f"{path}:{lineno}: skipped, malformed row {line.strip()!r}", stacklevel=2)
                continue
            surface = fields[0]
            if not _ARABIC_LETTER.search(surface):
                not_arabic += 1
                continue
            prefixes, stem, suffix = clitic_level(*fields)
            rows.append((surface, prefixes + stem + suffix, len(prefixes)))
    if not rows:
        sys.exit(f"{path}: no Arabic words to score")
    return rows, not_arabic


def _parts(segments: list[str], stem_at: int) -> tuple[str, str]:
    return "+".join(segments[:stem_at]) or "∅", "+".join(segments[stem_at + 1 :]) or "∅"


def _predicted_stem_at(word: str, segments: list[str]) -> int:
    # the stem is the segment light_stem returns; after it comes at most the suffix
    stem = light_stem(word)
    return max(i for i, s in enumerate(segments) if s == stem and len(segments) - i <= 2)


def evaluate(rows: list[tuple[str, list[str], int]], normalized: bool) -> tuple[int, Counter, dict]:
    """Correct words, error-type counts and examples of each type."""
    correct = 0
    errors: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for word, gold, gold_stem_at in rows:
        text = normalize(word) if normalized else word
        predicted = segment(text)
        if [len(s) for s in predicted] == [len(s) for s in gold]:
            correct += 1
            continue
        stem_at = _predicted_stem_at(text, predicted)
        (gold_pre, gold_suf), (pred_pre, pred_suf) = _parts(gold, gold_stem_at), _parts(predicted, stem_at)
        kinds = []
        if gold_pre != pred_pre:
            kinds.append(f"proclitics {gold_pre} → {pred_pre}")
        if gold_suf != pred_suf:
            kinds.append(f"suffix {gold_suf} → {pred_suf}")
        kind = "; ".join(kinds) or "stem boundary"
        errors[kind] += 1
        example = f"{'+'.join(gold)}≠{'+'.join(predicted)}"
        if len(examples[kind]) < 5 and example not in examples[kind]:
            examples[kind].append(example)
    return correct, errors, examples


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"folder holding {GOLD_FILE}")
    parser.add_argument("--half", choices=("all", "dev", "test"), default="all", help="score all tokens or one half")
    parser.add_argument("--normalized", action="store_true", help="normalize each word first (arabtext defaults)")
    parser.add_argument("--errors", type=int, default=15, help="how many error types to list")
    args = parser.parse_args(argv)
    if not (args.data / GOLD_FILE).is_file():
        sys.exit(
            f"eval_segment: gold standard not found: {args.data / GOLD_FILE} does not exist.\n"
            "Point --data at the folder holding the WikiNews segmentation set (seg_wikinews_farasa)."
        )
    rows, not_arabic = load_gold(args.data)
    middle = len(rows) // 2
    rows = {"all": rows, "dev": rows[:middle], "test": rows[middle:]}[args.half]
    correct, errors, examples = evaluate(rows, args.normalized)
    wrong = len(rows) - correct
    print(f"WikiNews ({args.half}{', normalized' if args.normalized else ''}): "
          f"word accuracy {correct / len(rows):.2%} ({correct}/{len(rows)} Arabic words; "
          f"{not_arabic} punctuation and number tokens in the file not scored)")
    print(f"top error types (gold → predicted), {wrong} errors:")
    for kind, count in errors.most_common(args.errors):
        print(f"  {count:5d}  {count / wrong:6.1%}  {kind}   e.g. {'، '.join(examples[kind])}")


if __name__ == "__main__":
    main()
