"""Arabic text itself: characters, normalization, tokens, sentences, clitics, stop words.

Functions on strings (no pandas; numpy only inside normalization of long texts,
imported on first use); every other part of arabtext builds on it.
"""

from arabtext._lazy import lazy_exports

_WHERE = {
    "Step": ".normalization", "STEPS": ".normalization", "Normalizer": ".normalization", "normalize": ".normalization",
    "Token": ".tokenizer", "iter_tokens": ".tokenizer", "tokens": ".tokenizer", "tokenize": ".tokenizer",
    "sentence_spans": ".sentence_splitter", "sentences": ".sentence_splitter",
    "segment": ".clitics", "segment_text": ".clitics", "light_stem": ".clitics",
    "stopwords": ".stoplist",
    "lemmatize": ".lemmatizer", "lemmas": ".lemmatizer",
}
__all__ = sorted(_WHERE)
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
