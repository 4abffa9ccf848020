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


def test_narrow_run_counts_widen_before_a_sum_overflows():
    from arabtext.counting.pairs import _merge

    top = np.iinfo(tally._RUN_COUNTS).max
    codes = np.array([1, 5, 9], dtype=np.int64)
    a = np.array([top - 1, 3, 7], dtype=tally._RUN_COUNTS)
    b = np.array([2, 1, 1], dtype=tally._RUN_COUNTS)
    merged_codes, merged = _merge(codes, a, np.array([1, 6, 9], dtype=np.int64), b, owned=True)
    assert merged.dtype == np.int64
    assert merged_codes.tolist() == [1, 5, 6, 9] and merged.tolist() == [top + 1, 3, 1, 8]


def test_narrow_run_counts_stay_narrow_and_exact_when_they_fit():
    from arabtext.counting.pairs import _merge

    codes_a, a = np.array([2, 4], dtype=np.int64), np.array([10, 20], dtype=tally._RUN_COUNTS)
    merged_codes, merged = _merge(codes_a, a, np.array([1, 4], dtype=np.int64), np.array([5, 5], dtype=np.int64))
    assert merged.dtype == tally._RUN_COUNTS and a.tolist() == [10, 20]  # not owned: left as it was
    assert merged_codes.tolist() == [1, 2, 4] and merged.tolist() == [5, 10, 25]


def test_pair_counts_of_a_tally_are_int64_for_the_tables():
    docs = [["وزير", "الخارجية", "قال"], ["وزير", "الخارجية"]]
    pairs = _Tally(window=1).update(docs).result().pairs
    assert pairs.counts.dtype == np.int64 and pairs.counts.tolist() == [2, 1]
