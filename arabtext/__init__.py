"""arabtext: Arabic text analysis for Jupyter.

Data flows one way through the subpackages, each building only on those
before it (see ARCHITECTURE.md)::

    text → corpus → counting → analysis, sentiment → report, cli
                 ↘ display (shaping, fonts, charts: only when drawing)

Analysis always works on logical-order Unicode text; shaping and bidi
reordering happen only when drawing (``arabtext.display``).

>>> import arabtext as at
>>> at.tokenize("وَقالَ الأمينُ العامُّ")
['وقال', 'الامين', 'العام']

The text core is imported eagerly (pure Python); every other public name is
imported on first use (PEP 562), so ``import arabtext`` stays fast and
pandas/matplotlib load only when a function that needs them is called.
"""

from __future__ import annotations

from arabtext import _moved
from arabtext._lazy import lazy_exports
from arabtext._version import __version__
from arabtext.text import chars
from arabtext.text.clitics import light_stem, segment, segment_text
from arabtext.text.normalization import STEPS, Normalizer, Step, normalize
from arabtext.text.sentence_splitter import sentence_spans, sentences
from arabtext.text.stoplist import stopwords
from arabtext.text.tokenizer import Token, tokenize, tokens

_CORE = ["chars", "STEPS", "Normalizer", "Step", "normalize", "segment", "segment_text", "light_stem", "stopwords"]
_CORE += ["Token", "sentence_spans", "sentences", "tokenize", "tokens"]

# public name -> the subpackage that exports it, imported on first use
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(["load_corpus", "iter_documents", "Corpus", "Document", "CorpusError", "CorpusWarning", "health_check", "datasets"], ".corpus"),
    **dict.fromkeys(["count_corpus", "count_ngrams", "CorpusCounts", "TermCounts", "BigramCounts"], ".counting"),
    **dict.fromkeys(["word_counts", "freq_table", "ngrams", "zipf", "ttr", "mattr", "vocabulary_growth", "keyness"], ".analysis"),
    **dict.fromkeys(["dispersion_table", "word_dispersion"], ".analysis"),
    **dict.fromkeys(["collocations", "collocates", "kwic"], ".analysis"),
    **dict.fromkeys(["Lexicon", "SentimentAnalyzer", "SentimentResult", "SentimentModel", "evaluate", "Evaluation"], ".sentiment"),
    **dict.fromkeys(["ar", "shapes_arabic", "force_shaping", "rtl", "rtl_html", "show_rtl", "highlight_html", "kwic_html"], ".display"),
    **dict.fromkeys(["arabic_font", "arabic_font_path", "font_covers", "missing_glyphs"], ".display"),
    **dict.fromkeys(["bar_top_words", "zipf_plot", "dispersion_plot", "sentiment_arc", "word_cloud", "show_word_cloud"], ".display"),
    **dict.fromkeys(["report_html", "write_report"], ".report"),
    **dict.fromkeys(["explore", "ConcordanceIndex"], ".explorer"),
    **dict.fromkeys(["lemmatize", "lemmas"], ".text"),
}

__all__ = sorted(_CORE + list(_EXPORTS))
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
_moved.install(__name__)
