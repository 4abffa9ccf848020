"""Datasets that ship with arabtext, loaded by name: ``load_corpus("news")``.

Each is a compressed file in ``arabtext/corpus/data/`` (see its README and
NOTICE there for origin, licence and citation), read like any other corpus
file: lazily, one document at a time. Names work from an installed wheel as
from a checkout.

>>> datasets()["name"].tolist()
['news', 'ajgt', 'arsarcasm']
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DATASETS", "Dataset", "datasets", "dataset_path"]


@dataclass(frozen=True)
class Dataset:
    """One bundled dataset: its file, what a document is, the metadata it carries, where it comes from."""

    name: str
    file: str
    documents: int
    fields: tuple[str, ...]
    description: str
    licence: str


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset(
            "news", "news.jsonl.gz", 2000, ("source", "category", "date", "title", "url"),
            "2,000 MSA news articles, 5 outlets × 6 categories, 2018 (a stratified sample of the ANT corpus)",
            "Apache-2.0; cite Chouigui, Ben Khiroun & Elayeb 2021",
        ),
        Dataset(
            "ajgt", "ajgt_test.csv.gz", 360, ("label",),
            "360 Jordanian and MSA tweets labelled positive/negative (AJGT's 20 % the sentiment model did not see)",
            "AFL-3.0; cite Alomari, ElSherif & Shaalan 2017",
        ),
        Dataset(
            "arsarcasm", "arsarcasm_test.csv.gz", 2045, ("label", "sarcasm", "dialect"),
            "2,045 tweets labelled positive/negative/neutral, sarcasm and dialect (ArSarcasm's test split, unseen)",
            "MIT; cite Abu Farha & Magdy 2020",
        ),
    )
}  # fmt: skip


def dataset_path(name: str) -> Path:
    """The file of the bundled dataset ``name``.

    >>> dataset_path("news").name
    'news.jsonl.gz'
    """
    if name not in DATASETS:
        raise KeyError(f"no bundled dataset {name!r}; the datasets are: {', '.join(DATASETS)}")
    # files() is a real folder for a normal install and for a checkout (no zip import)
    return Path(str(resources.files("arabtext.corpus").joinpath("data", DATASETS[name].file)))


def datasets() -> pd.DataFrame:
    """The bundled datasets: name, documents, metadata fields, what they are and their licence."""
    import pandas as pd

    return pd.DataFrame(
        [(d.name, d.documents, ", ".join(d.fields), d.description, d.licence) for d in DATASETS.values()],
        columns=["name", "documents", "fields", "description", "licence"],
    )
