"""The labelled sentiment sets in ``../shared/data`` and the fixed splits of the shipped model.

Used by ``scripts/train_sentiment.py`` and ``benchmarks/sentiment_eval.py`` so
that training and evaluation agree on what was seen. The data is only read,
never copied into the repository. Only positive and negative items are used
(the shipped model is binary).

Training (permissive licences, see each SOURCE.md):

* ``arsarcasm``: ArSarcasm (MIT), its original ``train`` split;
* ``ajgt``: AJGT (AFL-3.0), the 80 % whose id is not a multiple of 5.

Held out from training:

* ``arsarcasm-test``: ArSarcasm's ``test`` split, minus texts also in training;
* ``ajgt-test``: AJGT ids that are multiples of 5 (a fixed 20 %);
* ``astd-unseen``: ASTD (GPL-2.0, evaluation only) POS/NEG tweets whose text
  appears nowhere in ArSarcasm (ArSarcasm re-annotated 2,447 ASTD tweets);
* ``elsahar-ATT`` ... ``elsahar-RES2``: reviews (no licence stated,
  evaluation only), polarity from star ratings.

``balanced(...)`` subsamples the larger class with a fixed seed, for the
"balanced positive/negative" figures.
"""

from __future__ import annotations

import csv
import os
import random
from dataclasses import dataclass
from pathlib import Path

from arabtext import normalize

REPO = Path(__file__).resolve().parents[1]
#: override with the environment variable ARABTEXT_SHARED_DATA or --data
DEFAULT_DATA = Path(os.environ.get("ARABTEXT_SHARED_DATA", REPO.parent / "shared" / "data"))
LABELS = ("negative", "positive")


@dataclass(frozen=True)
class Labelled:
    """A labelled set: texts, their labels (negative/positive) and where they come from."""

    name: str
    texts: tuple[str, ...]
    labels: tuple[str, ...]
    source: str

    def __len__(self) -> int:
        return len(self.texts)

    def counts(self) -> dict[str, int]:
        return {label: self.labels.count(label) for label in LABELS}


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a header + tab-separated file without quoting, as the shared data is written."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        raise ValueError(f"{path}: no rows")
    return rows


def _key(text: str) -> str:
    return " ".join(normalize(text).split())


def _dedupe(name: str, pairs: list[tuple[str, str]], source: str) -> Labelled:
    """One copy of each text; a text given both labels is dropped (its label is unclear)."""
    seen: dict[str, tuple[str, str]] = {}
    conflicting = set()
    for text, label in pairs:
        k = _key(text)
        if k in seen and seen[k][1] != label:
            conflicting.add(k)
        seen.setdefault(k, (text, label))
    kept = [v for k, v in seen.items() if k not in conflicting]
    return Labelled(name, tuple(t for t, _ in kept), tuple(lab for _, lab in kept), source)


def _without(held: Labelled, seen: set[str]) -> Labelled:
    kept = [(t, lab) for t, lab in zip(held.texts, held.labels) if _key(t) not in seen]
    return Labelled(held.name, tuple(t for t, _ in kept), tuple(lab for _, lab in kept), held.source + f"; minus {len(held) - len(kept)} texts seen in training")


def arsarcasm(data: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(train, test) pairs of ArSarcasm's positive and negative tweets, by its original split."""
    rows = read_tsv(data / "sentiment_arsarcasm" / "arsarcasm.tsv")
    train = [(r["text"], r["sentiment"]) for r in rows if r["sentiment"] in LABELS and r["split"] == "train"]
    test = [(r["text"], r["sentiment"]) for r in rows if r["sentiment"] in LABELS and r["split"] == "test"]
    return train, test


def ajgt(data: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(train, test) pairs of AJGT: ids that are multiples of 5 are the fixed test 20 %."""
    rows = read_tsv(data / "sentiment_ajgt" / "ajgt_tweets.tsv")
    pairs = [(r["text"], r["label"].lower(), int(r["id"])) for r in rows]
    return [(t, lab) for t, lab, i in pairs if i % 5], [(t, lab) for t, lab, i in pairs if i % 5 == 0]


def training_set(data: Path = DEFAULT_DATA) -> Labelled:
    """ArSarcasm train + AJGT train, deduplicated."""
    ar_train, _ = arsarcasm(data)
    aj_train, _ = ajgt(data)
    return _dedupe("train", ar_train + aj_train, "ArSarcasm train split (MIT) + AJGT ids not divisible by 5 (AFL-3.0)")


ARSARCASM = Path("sentiment_arsarcasm") / "arsarcasm.tsv"
AJGT = Path("sentiment_ajgt") / "ajgt_tweets.tsv"


def training_sources(train: Labelled, data: Path = DEFAULT_DATA) -> tuple[str, ...]:
    """Where each text of ``train`` comes from: ``arsarcasm-semeval``, ``arsarcasm-astd`` or ``ajgt``.

    The three sources differ in topic, dialect and time; leaving one out in
    cross-validation estimates how the model does on tweets from a source it
    never saw. A text in two sources counts for the first one read.
    """
    source: dict[str, str] = {}
    for r in read_tsv(data / ARSARCASM):
        source.setdefault(_key(r["text"]), "arsarcasm-" + r["source"])
    for r in read_tsv(data / AJGT):
        source.setdefault(_key(r["text"]), "ajgt")
    return tuple(source[_key(t)] for t in train.texts)


def evaluation_sets(data: Path = DEFAULT_DATA, skipped: list[str] | None = None) -> list[Labelled]:
    """Every held-out set that is present under ``data``; why each absent one was skipped goes to ``skipped``."""
    skipped = [] if skipped is None else skipped
    if not ((data / ARSARCASM).is_file() and (data / AJGT).is_file()):
        # without the training sets, no held-out split can be told apart from what the model saw
        skipped.append(f"{data / ARSARCASM} or {data / AJGT} is missing: no held-out tweets, and ASTD cannot be checked for overlap")
        return _review_sets(data, skipped)
    seen = {_key(t) for t in training_set(data).texts}
    sets = []
    _, ar_test = arsarcasm(data)
    sets.append(_without(_dedupe("arsarcasm-test", ar_test, "ArSarcasm test split"), seen))
    _, aj_test = ajgt(data)
    sets.append(_without(_dedupe("ajgt-test", aj_test, "AJGT ids divisible by 5"), seen))
    astd_file = data / "sentiment_astd" / "astd_tweets.tsv"
    if not astd_file.is_file():
        skipped.append(f"{astd_file} is missing")
    else:
        in_arsarcasm = {_key(r["text"]) for r in read_tsv(data / ARSARCASM)}
        names = {"POS": "positive", "NEG": "negative"}
        pairs = [(r["text"], names[r["label"]]) for r in read_tsv(astd_file) if r["label"] in names and _key(r["text"]) not in in_arsarcasm]
        sets.append(_dedupe("astd-unseen", pairs, "ASTD POS/NEG tweets not in ArSarcasm"))
    return sets + _review_sets(data, skipped)


def _review_sets(data: Path, skipped: list[str]) -> list[Labelled]:
    sets = []
    for domain in ("ATT", "PROD", "RES1", "RES2"):
        f = data / "sentiment_elsahar_reviews" / f"{domain}.tsv"
        if not f.is_file():
            skipped.append(f"{f} is missing")
            continue
        names = {"1": "positive", "-1": "negative"}
        pairs = [(r["text"], names[r["polarity"]]) for r in read_tsv(f) if r["polarity"] in names]
        sets.append(_dedupe(f"elsahar-{domain}", pairs, f"ElSahar & El-Beltagy reviews {domain}"))
    return sets


def balanced_indices(labelled: Labelled, seed: int = 0) -> list[int]:
    """Indices of a class-balanced subsample: the larger class cut to the size of the smaller (fixed seed)."""
    by_label = {label: [i for i, lab in enumerate(labelled.labels) if lab == label] for label in LABELS}
    n = min(len(v) for v in by_label.values())
    rng = random.Random(seed)
    return sorted(i for v in by_label.values() for i in (v if len(v) == n else rng.sample(v, n)))


def balanced(labelled: Labelled, seed: int = 0) -> Labelled:
    """The same set with the larger class subsampled to the size of the smaller (fixed seed)."""
    keep = balanced_indices(labelled, seed)
    n = len(keep) // 2
    return Labelled(
        labelled.name + " (balanced)",
        tuple(labelled.texts[i] for i in keep),
        tuple(labelled.labels[i] for i in keep),
        labelled.source + f"; larger class subsampled to {n} (seed {seed})",
    )
