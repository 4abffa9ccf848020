"""Sentiment you can check: a lexicon, rules kept as data (negators, intensifiers, contrast), an analyzer that explains itself, a trained model, evaluation.

The lexicon and the model live in ``sentiment/data/`` with their provenance.
"""

from arabtext._lazy import lazy_exports

_WHERE = {
    "SentimentAnalyzer": ".analyzer",
    "Lexicon": ".lexicon", "LEXICON_COLUMNS": ".lexicon", "SCORE_RANGE": ".lexicon",
    "NEGATORS": ".rules", "INTENSIFIERS": ".rules", "CONTRAST_WORDS": ".rules",
    "SentimentResult": ".explanation", "EXPLAIN_COLUMNS": ".explanation", "SENTENCE_COLUMNS": ".explanation",
    "SentimentModel": ".model", "token_features": ".model", "lexicon_parts": ".model", "save_model": ".model",
    "LEXICON_FEATURES": ".model",
    "Evaluation": ".metrics", "evaluate": ".metrics", "evaluation": ".metrics", "accuracy": ".metrics",
    "macro_f1": ".metrics", "confusion_counts": ".metrics", "canonical_label": ".metrics",
}
__all__ = sorted(_WHERE)
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
