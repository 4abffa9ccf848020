"""What the counts say: frequency tables, vocabulary shape (Zipf, TTR), keyness, dispersion, association measures, collocations, concordances.

Each takes texts (counted by arabtext.counting) or counts already made, and returns a DataFrame or a number.
"""

from arabtext._lazy import lazy_exports

_WHERE = {
    "word_counts": ".frequency", "freq_table": ".frequency", "ngrams": ".frequency",
    "Zipf": ".vocabulary", "zipf": ".vocabulary", "ttr": ".vocabulary", "mattr": ".vocabulary",
    "vocabulary_growth": ".vocabulary",
    "keyness": ".keywords",
    "dispersion_table": ".dispersion", "dispersion_counts": ".dispersion", "word_dispersion": ".dispersion",
    "collocations": ".cooccurrence", "collocates": ".cooccurrence",
    "kwic": ".concordance",
    "MEASURES": ".association", "scores": ".association", "check_measure": ".association", "expected": ".association",
    "pmi": ".association", "llr": ".association", "t_score": ".association", "chi2": ".association",
    "dice": ".association", "logdice": ".association", "mi3": ".association", "deltap": ".association",
    "deltap_rev": ".association", "p_value": ".association",
}
__all__ = sorted(_WHERE)
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
