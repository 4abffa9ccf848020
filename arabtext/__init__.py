"""arabtext: Arabic text analysis for Jupyter.

Analysis always works on logical-order Unicode text; shaping and bidi
reordering happen only when drawing (``arabtext.display``, ``arabtext.plots``).

>>> import arabtext as at
>>> at.tokenize("وَقالَ الأمينُ العامُّ")
['وقال', 'الامين', 'العام']

Public names are imported lazily, so ``import arabtext`` stays fast and
pandas/matplotlib load only when a function that needs them is called.
"""

from __future__ import annotations

import importlib
import sys
import types

# The core is pure Python and imported eagerly.
from arabtext import chars
from arabtext.normalize import STEPS, Normalizer, Step, normalize
from arabtext.segment import light_stem, segment, segment_text
from arabtext.stopwords import stopwords
from arabtext.tokenize import Token, sentence_spans, sentences, tokenize, tokens

__version__ = "0.1.0"

# public name -> module that defines it, imported on first use (pandas, matplotlib)
_EXPORTS: dict[str, str] = {
    "load_corpus": "arabtext.corpus",
    "iter_documents": "arabtext.corpus",
    "Corpus": "arabtext.corpus",
    "Document": "arabtext.corpus",
    "CorpusError": "arabtext.corpus",
    "CorpusWarning": "arabtext.corpus",
    "ar": "arabtext.display",
    "shapes_arabic": "arabtext.display",
    "force_shaping": "arabtext.display",
    "rtl": "arabtext.display",
    "rtl_html": "arabtext.display",
    "show_rtl": "arabtext.display",
    "highlight_html": "arabtext.display",
    "kwic_html": "arabtext.display",
    "arabic_font": "arabtext.plots",
    "arabic_font_path": "arabtext.plots",
    "font_covers": "arabtext.plots",
    "missing_glyphs": "arabtext.plots",
    "bar_top_words": "arabtext.plots",
    "zipf_plot": "arabtext.plots",
    "dispersion_plot": "arabtext.plots",
    "sentiment_arc": "arabtext.plots",
    "word_cloud": "arabtext.plots",
    "show_word_cloud": "arabtext.plots",
    "word_counts": "arabtext.frequency",
    "freq_table": "arabtext.frequency",
    "ngrams": "arabtext.frequency",
    "zipf": "arabtext.frequency",
    "ttr": "arabtext.frequency",
    "mattr": "arabtext.frequency",
    "keyness": "arabtext.frequency",
    "TermCounts": "arabtext.frequency",
    "collocations": "arabtext.collocations",
    "collocates": "arabtext.collocations",
    "kwic": "arabtext.collocations",
    "BigramCounts": "arabtext.collocations",
    "count_corpus": "arabtext.parallel",
    "count_ngrams": "arabtext.parallel",
    "CorpusCounts": "arabtext.parallel",
    "Lexicon": "arabtext.sentiment",
    "SentimentAnalyzer": "arabtext.sentiment",
    "SentimentResult": "arabtext.sentiment",
    "SentimentModel": "arabtext.sentiment_model",
    "evaluate": "arabtext.evaluate",
    "Evaluation": "arabtext.evaluate",
    "health_check": "arabtext.health",
    "report_html": "arabtext.report",
    "write_report": "arabtext.report",
}

__all__ = sorted(
    ["chars", "STEPS", "Normalizer", "Step", "normalize", "segment", "segment_text", "light_stem", "stopwords", "Token", "sentence_spans", "sentences", "tokenize", "tokens"]
    + list(_EXPORTS)
)


class _Package(types.ModuleType):
    """The package module, guarding names shared by a module and its main function.

    Importing ``arabtext.collocations`` makes Python bind the submodule as the
    package attribute ``collocations``; without this guard that would replace
    the public function of the same name (likewise normalize, tokenize ...).
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and (name in _EXPORTS or callable(self.__dict__.get(name))):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'arabtext' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
