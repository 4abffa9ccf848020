import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from arabtext.counting import ranking
from arabtext.counting.ranking import _sorted_ranks, _text_ranks, order_of, rank_order, word_ranks

words = st.lists(st.one_of(st.sampled_from(["وزير", "الوزير", "وزراء", "", "ب", "بغداد"]), st.text(max_size=8)), max_size=40)


@settings(max_examples=300)
@given(words)
def test_ranks_from_numpy_strings_equal_python_sort(items):
    values = np.array(items, dtype=object)
    assert _text_ranks(values).tolist() == _sorted_ranks(items).tolist()


def test_ranks_keep_strings_that_differ_only_by_a_trailing_nul_apart():
    values = np.array(["وزير", "وزير\x00", "بغداد"], dtype=object)
    assert _text_ranks(values).tolist() == [1, 2, 0]


def test_one_very_long_string_takes_the_python_path_with_the_same_order():
    values = np.array(["ب" * 200_000] + [f"كلمة{i}" for i in range(50)], dtype=object)
    assert _text_ranks(values).tolist() == _sorted_ranks(values.tolist()).tolist()


def test_rank_order_puts_largest_first_and_ties_in_alphabetical_order():
    counts = np.array([3, 5, 3, 1])
    tokens = np.array(["وزير", "قال", "بغداد", "العراق"], dtype=object)
    assert rank_order([counts], [tokens]).tolist() == [1, 2, 0, 3]


pair_rows = st.lists(
    st.tuples(st.integers(0, 3), st.sampled_from(["وزير", "الخارجية", "قال", "بغداد", "ب", "", "وزير\x00"]), st.text(max_size=4)),
    max_size=40,
)


@settings(max_examples=300)
@given(pair_rows)
def test_two_word_columns_rank_on_one_scale_like_python_sort(rows):
    # rank_order over two string columns: the order the id ranks of collocations are checked against below
    score = np.array([r[0] for r in rows], dtype=np.int64)
    w1 = np.array([r[1] for r in rows], dtype=object)
    w2 = np.array([r[2] for r in rows], dtype=object)
    expected = sorted(range(len(rows)), key=lambda i: (-rows[i][0], rows[i][1], rows[i][2], i))
    assert rank_order([score], [w1, w2]).tolist() == expected


@settings(max_examples=300)
@given(pair_rows)
def test_ranks_by_word_id_order_a_pair_table_like_its_strings(rows):
    # collocations ranks the vocabulary's words once and looks each id up
    vocabulary = sorted({w for _, w1, w2 in rows for w in (w1, w2)}, key=hash) + ["لم ترد"]
    words = np.array(vocabulary, dtype=object)
    left = np.array([vocabulary.index(r[1]) for r in rows], dtype=np.int64)
    right = np.array([vocabulary.index(r[2]) for r in rows], dtype=np.int64)
    score = np.array([r[0] for r in rows], dtype=np.int64)
    assert order_of([score], word_ranks(words, left, right)).tolist() == rank_order([score], [words[left], words[right]]).tolist()


def test_ranks_of_a_vocabulary_longer_than_a_slice_equal_python_sort():
    rng = np.random.default_rng(7)
    letters = list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة")
    items = ["".join(rng.choice(letters, size=rng.integers(1, 9))) for _ in range(3 * ranking._RANK_SLICE + 5)]
    values = np.array(items, dtype=object)
    assert len(set(items)) < len(items)  # repeats, so neighbours compare equal somewhere
    assert _text_ranks(values).tolist() == _sorted_ranks(items).tolist()
