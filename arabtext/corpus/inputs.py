"""What the analysis functions accept, read in one place.

Every counting function (``freq_table``, ``collocations``, ``kwic`` ...) takes
the same kinds of input, and this module is the only place that tells them
apart:

- a :class:`~arabtext.corpus.Corpus` (or any iterable of documents: objects
  with ``id`` and ``text``, like :class:`~arabtext.corpus.Document`);
- a single string: one text;
- an iterable of strings: one text each;
- an iterable of token lists: documents already tokenized.

Items are read one at a time, so a generator over a huge corpus streams
through without being held. A list of strings is a list of *texts*: to pass
the tokens of one text, wrap them in a list (``[tokenize(text)]``).

>>> [toks for toks in token_lists(["وقالَ الأمينُ", ["الأمينُ", "العامُّ"]])]
[['وقال', 'الامين'], ['الامين', 'العام']]
>>> sorted(stopword_set(["إلى", "على"]))
['الي', 'علي']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Union

from arabtext.text.normalization import Normalizer, _normalizer, _normalizer_of
from arabtext.text.tokenizer import tokenize

#: what every analysis accepts: a Corpus, a text, texts, or token lists
Texts = Union[str, Iterable[Any]]
#: ``True`` (the bundled list), ``False``/``None`` (none), or your own words
Stopwords = Union[bool, None, str, Iterable[str]]
#: what is counted: each word as normalized, or its lemma (:func:`~arabtext.text.lemmatizer.lemmatize`)
UNITS = ("word", "lemma")


def check_unit(unit: str) -> str:
    """``unit`` if it is one of :data:`UNITS`, else a ValueError that lists them.

    >>> check_unit("lemma")
    'lemma'
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(map(repr, UNITS))}, got {unit!r}")
    return unit


def documents(data: Texts) -> Iterator[tuple[str, str | Sequence[str]]]:
    """``(id, text or token list)`` for each document of ``data``, one at a time.

    Documents keep their ids; other items are numbered ``doc0001``,
    ``doc0002`` ... as :func:`~arabtext.corpus.load_corpus` numbers a list of
    texts. Input that is none of the accepted kinds raises ``TypeError`` at
    once (or, for a bad item deep in a stream, when that item is reached).

    >>> list(documents("السلام عليكم"))
    [('doc0001', 'السلام عليكم')]
    >>> list(documents([["السلام", "عليكم"]]))
    [('doc0001', ['السلام', 'عليكم'])]
    """
    return ((doc_id, doc) for doc_id, doc, _ in documents_with_meta(data))


def documents_with_meta(data: Texts) -> Iterator[tuple[str, str | Sequence[str], dict[str, Any]]]:
    """``(id, text or token list, metadata)`` for each document: :func:`documents` with each Document's ``meta``.

    Items that are not Documents have no metadata (``{}``).

    >>> from arabtext.corpus.collection import Document
    >>> list(documents_with_meta([Document("a", "خبر", {"source": "BBC"}), "نص"]))
    [('a', 'خبر', {'source': 'BBC'}), ('doc0002', 'نص', {})]
    """
    if isinstance(data, str):
        return iter([("doc0001", data, {})])
    if _is_document(data):
        return iter([(data.id, data.text, _meta(data))])
    if isinstance(data, (bytes, bytearray)):
        raise TypeError("got bytes: decode them to str first (data.decode('utf-8'))")
    if isinstance(data, Mapping):
        raise TypeError(
            f"got a {type(data).__name__}, which looks like counts: pass texts, token lists or a Corpus "
            "(freq_table, zipf and keyness also take counts)"
        )
    if hasattr(data, "columns"):  # iterating a DataFrame would yield its column names
        raise TypeError("got a DataFrame: pass its text column, e.g. df['text']")
    if not isinstance(data, Iterable):
        raise TypeError(f"expected a text, texts, token lists or a Corpus, got {type(data).__name__}")
    return _items(data)


def _items(data: Iterable[Any]) -> Iterator[tuple[str, str | Sequence[str], dict[str, Any]]]:
    for i, item in enumerate(data, 1):
        if isinstance(item, str):
            yield f"doc{i:04d}", item, {}
        elif type(item) is not list and _is_document(item):  # a token list is by far the commonest item: no getattr
            yield item.id, item.text, _meta(item)
        elif isinstance(item, Iterable) and not isinstance(item, (bytes, bytearray, Mapping)):
            tokens = item if isinstance(item, (list, tuple)) else list(item)
            if tokens and not isinstance(tokens[0], str):
                raise TypeError(f"item {i}: a token list must hold strings, got {type(tokens[0]).__name__}")
            yield f"doc{i:04d}", tokens, {}
        else:
            raise TypeError(f"item {i}: expected a text, a token list or a Document, got {type(item).__name__}")


def _meta(doc: Any) -> dict[str, Any]:
    meta = getattr(doc, "meta", None)
    return meta if isinstance(meta, dict) else {}


def _is_document(item: object) -> bool:
    return isinstance(getattr(item, "text", None), str) and hasattr(item, "id")


def token_lists(data: Texts, normalize: bool | Normalizer = True, unit: str = "word") -> Iterator[list[str]]:
    """The words of each document of ``data``, one list per document, lazily.

    Texts go through :func:`~arabtext.text.tokenizer.tokenize`; token lists are
    normalized token by token (``normalize=False`` keeps them as given).

    >>> list(token_lists("إِلى الأمامِ"))
    [['الي', 'الامام']]
    >>> list(token_lists([["إِلى", "الأمامِ"]], normalize=False))
    [['إِلى', 'الأمامِ']]
    >>> list(token_lists("قالت الوزيرة", unit="lemma"))
    [['قال', 'وزير']]
    """
    words = document_words(normalize, unit)
    for _, doc in documents(data):
        yield words(doc)


def document_words(normalize: bool | Normalizer = True, unit: str = "word") -> Callable[[str | Sequence[str]], list[str]]:
    """What :func:`token_lists` turns each document into, for documents already read by :func:`documents`.

    With ``unit="lemma"`` each word is replaced by its lemma (cached per
    distinct word, so a corpus costs per type).

    >>> document_words()("إِلى الأمامِ")
    ['الي', 'الامام']
    """
    if check_unit(unit) == "lemma":
        from arabtext.text.lemmatizer import lemma_words

        words_of = document_words(normalize)
        return lambda doc: lemma_words(words_of(doc))
    normalizer = _normalizer_of(normalize)

    def words(doc: str | Sequence[str]) -> list[str]:
        if isinstance(doc, str):
            return tokenize(doc, normalize)
        if normalizer is None:
            return doc if isinstance(doc, list) else list(doc)
        return normalizer.words(doc)

    return words


def chunk_words(normalize: bool | Normalizer = True, unit: str = "word") -> Callable[[Sequence[str | Sequence[str]]], Iterator[list[str]]]:
    """:func:`document_words` for a batch of documents: the same word lists, texts normalized together.

    One normalization pass over a batch of articles is several times faster
    than one per article (numpy's set-up is paid once, see ``Normalizer.texts``).

    >>> list(chunk_words()(["إِلى الأمامِ", "قالت الوزيرة"]))
    [['الي', 'الامام'], ['قالت', 'الوزيرة']]
    """
    each = document_words(normalize, unit)
    normalizer = _normalizer_of(normalize)
    if normalizer is None:
        return lambda docs: map(each, docs)
    normalized = document_words(False, unit)

    def words(docs: Sequence[str | Sequence[str]]) -> Iterator[list[str]]:
        if all(isinstance(doc, str) for doc in docs):
            return map(normalized, normalizer.texts(docs))
        return map(each, docs)

    return words


def stopword_set(stopwords: Stopwords) -> frozenset[str]:
    """The stop words to leave out, in default-normalized form.

    ``True`` is the bundled list (:func:`arabtext.text.stoplist.stopwords`);
    ``False`` or ``None`` is none; a collection (or a whitespace-separated
    string) is your own list, normalized like the bundled one.

    >>> len(stopword_set(False)), "في" in stopword_set(True)
    (0, True)
    """
    from arabtext.text.stoplist import stopwords as bundled

    if stopwords is True:
        return bundled()
    if not stopwords:
        return frozenset()
    words = stopwords.split() if isinstance(stopwords, str) else list(stopwords)
    if not all(isinstance(w, str) for w in words):
        raise TypeError("stopwords must be True, False, None or a collection of strings")
    return frozenset(_normalizer(()).words(words))


def is_stopword(words: Iterable[str], stop: frozenset[str]) -> list[bool]:
    """For each word, whether it is in ``stop`` once normalized with the default profile.

    Matching the default-normalized form lets the one list serve text counted
    with ``normalize=False`` too (أن and ان are both the stop word ان).

    >>> is_stopword(["أن", "القوات"], stopword_set(True))
    [True, False]
    """
    words = list(words)
    if not stop:
        return [False] * len(words)
    norm = _normalizer(())
    # One call on the words joined by line breaks: every step maps characters
    # (none touches or makes a line break), so each line is that word's form,
    # at the speed of one long text rather than a Python call per word.
    forms = norm("\n".join(words)).split("\n")
    if len(forms) != len(words):  # a word held a line break itself
        forms = [norm(w) for w in words]
    return [form in stop for form in forms]
