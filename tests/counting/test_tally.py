from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabtext.counting import tally
from arabtext.counting.tally import _documents_holding, _Tally

WORDS = ["قال", "الوزير", "في", "بغداد", "القوات", "صواريخ"]


def documents_holding_by_hand(docs: list[list[str]], vocabulary: list[str]) -> list[int]:
    held = Counter(word for doc in docs for word in set(doc))
    return [held[word] for word in vocabulary]


@pytest.mark.parametrize("codes", ["int32", "int64"])
@settings(max_examples=100, deadline=None)
@given(docs=st.lists(st.lists(st.sampled_from(WORDS), max_size=10), max_size=15))
def test_document_frequencies_equal_a_set_per_document(codes, docs):
    vocabulary = sorted({w for doc in docs for w in doc})
    ids = np.array([vocabulary.index(w) for doc in docs for w in doc], dtype=np.int64)
    lengths = np.array([len(doc) for doc in docs], dtype=np.int64)
    with pytest.MonkeyPatch.context() as patch:
        if codes == "int64":  # the codes of a huge batch times a huge vocabulary
            patch.setattr(tally, "_INT32_CODES", 0)
        got = _documents_holding(ids, lengths, len(vocabulary))
    assert got.tolist() == documents_holding_by_hand(docs, vocabulary)


def test_tally_document_frequencies_on_arabic_documents():
    docs = [["قال", "الوزير", "قال"], [], ["الوزير", "في", "بغداد"], ["بغداد"]]
    counts = _Tally(window=1).update(docs).result().words
    assert dict(counts.doc_freq) == {"قال": 1, "الوزير": 2, "في": 1, "بغداد": 2}
    assert counts.counts["قال"] == 2 and counts.n_docs == 4
