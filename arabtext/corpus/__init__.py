"""Texts in, documents out: folders, files and lists read as a lazy Corpus; the input every analysis takes.

One module per source kind (folder, records, strings), one for decoding bytes, one for the health check.
"""

from arabtext._lazy import lazy_exports

_WHERE = {
    "load_corpus": ".loading", "iter_documents": ".loading",
    "Corpus": ".collection", "Document": ".collection", "CorpusError": ".collection", "CorpusWarning": ".collection",
    "Errors": ".collection",
    "METADATA_FILE": ".folder",
    "datasets": ".bundled", "dataset_path": ".bundled", "DATASETS": ".bundled",
    "describe": ".description", "Description": ".description",
    "health_check": ".health", "CHECKS": ".health", "Check": ".health",
    "Texts": ".inputs", "Stopwords": ".inputs", "documents": ".inputs", "token_lists": ".inputs",
    "document_words": ".inputs", "chunk_words": ".inputs", "stopword_set": ".inputs", "is_stopword": ".inputs",
}
__all__ = sorted(_WHERE)
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
