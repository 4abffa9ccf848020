import math
import sys
from decimal import Decimal, localcontext
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from arabtext.analysis import association as am
from arabtext.counting.pairs import BigramCounts
from arabtext.text.tokenizer import tokenize

nltk_assoc = pytest.importorskip("nltk.metrics.association")
NLTK = nltk_assoc.BigramAssocMeasures
ARTICLE = (Path(__file__).parents[2] / "corpus" / "sputnik-iraq-escalation.txt").read_text(encoding="utf-8")

# tables with every margin positive (NLTK divides by each of them)
cells = st.tuples(
    st.integers(1, 10_000), st.integers(0, 10_000), st.integers(0, 10_000), st.integers(1, 10**7)
)


def nltk_scores(o11, o12, o21, o22):
    """NLTK's measures on the same table, given as NLTK takes it: n_ii, (n_ix, n_xi), n_xx."""
    marginals = (o11, (o11 + o12, o11 + o21), o11 + o12 + o21 + o22)
    return {
        "pmi": NLTK.pmi(*marginals),
        "llr": NLTK.likelihood_ratio(*marginals),
        "t": NLTK.student_t(*marginals),
        "chi2": NLTK.chi_sq(*marginals),
        "dice": NLTK.dice(*marginals),
    }


def assert_agrees_with_nltk(o11, o12, o21, o22):
    ours = am.scores(o11, o12, o21, o22)
    theirs = nltk_scores(o11, o12, o21, o22)
    e11 = (o11 + o12) * (o11 + o21) / (o11 + o12 + o21 + o22)
    for name, value in theirs.items():
        mine = float(ours[name])
        if name in ("llr", "chi2"):
            # NLTK's two-sided statistics are unsigned; ours carry the sign of O11 - E11
            assert mine == 0 or math.copysign(1, mine) == math.copysign(1, o11 - e11), (name, mine)
            mine = abs(mine)
        # relative 1e-9; the absolute floor only matters where the statistic is ~0
        # (O11 ≈ E11) and both sides are rounding noise. NLTK sums G² term by term,
        # and its O22 term (a count near N times the log of a ratio near 1) carries a
        # rounding error up to about N·ε; ours is exact to 1e-12 (see the test below).
        floor = 1e-9 + (4 * (o11 + o12 + o21 + o22) * sys.float_info.epsilon if name == "llr" else 0)
        assert math.isclose(mine, value, rel_tol=1e-9, abs_tol=floor), (name, mine, value)


@given(cells)
@example((1, 106, 4093, 9996646))  # a big corpus and a rare pair: G² summed naively loses 1e-9
@example((1, 220, 4101, 9996655))
def test_every_nltk_measure_agrees_to_1e_9(table):
    assert_agrees_with_nltk(*table)


def test_nltk_agreement_on_the_pair_counts_of_the_article():
    table = BigramCounts.from_tokens([tokenize(ARTICLE)], window=3).table()
    assert len(table) > 1000 and table["O11"].max() > 3
    for row in table.itertuples():
        assert_agrees_with_nltk(row.O11, row.O12, row.O21, row.O22)


def test_nltk_conventions_we_rely_on():
    # PMI in bits, t divides by sqrt(O11), G² in natural logs: one table checked by hand
    o11, r1, c1, n = 8, 20, 32, 1000
    e11 = r1 * c1 / n
    assert math.isclose(NLTK.pmi(o11, (r1, c1), n), math.log2(o11 / e11), rel_tol=1e-12)
    assert math.isclose(NLTK.student_t(o11, (r1, c1), n), (o11 - e11) / math.sqrt(o11), rel_tol=1e-12)


# A small table for hand computation: w1 20 times, w2 32 times, 8 times together, N = 1000.
O11, O12, O21, O22 = 8, 12, 24, 956
R1, C1, R2, C2, N = 20, 32, 980, 968, 1000
E11 = R1 * C1 / N  # 0.64


def exact_g2(o11, o12, o21, o22):
    """G² = 2 Σ O ln(O/E) in 60-digit decimal arithmetic, straight from the definition."""
    with localcontext() as ctx:
        ctx.prec = 60
        o = [Decimal(x) for x in (o11, o12, o21, o22)]
        n = sum(o)
        rows, cols = (o[0] + o[1], o[2] + o[3]), (o[0] + o[2], o[1] + o[3])
        cells_ij = ((0, 0), (0, 1), (1, 0), (1, 1))
        return float(2 * sum(x * (x * n / (rows[i] * cols[j])).ln() for x, (i, j) in zip(o, cells_ij) if x))


@given(cells)
@example((1, 106, 4093, 9996646))
@example((3, 0, 0, 10**9))
def test_llr_is_accurate_to_1e_12_of_the_exact_value(table):
    assert math.isclose(abs(float(am.llr(*table))), exact_g2(*table), rel_tol=1e-12, abs_tol=1e-12)


def test_logdice_from_rychly_2008():
    # logDice = 14 + log2(2 f(x,y) / (f(x) + f(y)))
    assert math.isclose(am.logdice(O11, O12, O21, O22), 14 + math.log2(2 * 8 / (20 + 32)), rel_tol=1e-12)
    # its maximum, 14, when the two words only occur together
    assert am.logdice(5, 0, 0, 100) == 14


def test_mi3_from_daille_1994():
    # MI3 = log2(O11^3 / E11) = log2(512 / 0.64) = log2(800)
    assert math.isclose(am.mi3(O11, O12, O21, O22), math.log2(800), rel_tol=1e-12)


def test_deltap_from_gries_2013():
    # ΔP(2|1) = P(w2 | w1) - P(w2 | not w1) = 8/20 - 24/980
    assert math.isclose(am.deltap(O11, O12, O21, O22), 8 / 20 - 24 / 980, rel_tol=1e-12)
    # ΔP(1|2) = P(w1 | w2) - P(w1 | not w2) = 8/32 - 12/968
    assert math.isclose(am.deltap_rev(O11, O12, O21, O22), 8 / 32 - 12 / 968, rel_tol=1e-12)


def test_llr_and_chi2_by_hand_and_their_sign():
    expected = [R1 * C1 / N, R1 * C2 / N, R2 * C1 / N, R2 * C2 / N]
    g2 = 2 * sum(o * math.log(o / e) for o, e in zip((O11, O12, O21, O22), expected))
    x2 = sum((o - e) ** 2 / e for o, e in zip((O11, O12, O21, O22), expected))
    assert math.isclose(am.llr(O11, O12, O21, O22), g2, rel_tol=1e-12)
    assert math.isclose(am.chi2(O11, O12, O21, O22), x2, rel_tol=1e-12)
    # the same margins with the pair rarer than expected: negative
    assert am.llr(0, 20, 32, 948) < 0 and am.chi2(0, 20, 32, 948) < 0
    # a zero cell adds nothing: 0 · ln 0 = 0
    assert np.isfinite(am.llr(5, 0, 0, 100))


@given(st.lists(cells, min_size=1, max_size=20))
def test_vectorised_equals_one_by_one(tables):
    columns = [np.array(c) for c in zip(*tables)]
    together = am.scores(*columns)
    for i, table in enumerate(tables):
        alone = am.scores(*table)
        for name in am.MEASURES:
            assert together[name][i] == pytest.approx(float(alone[name]), rel=1e-12, abs=1e-12)


def test_no_overflow_on_big_corpus_counts():
    # 10^10 pairs: products of cells pass 2^63
    big = am.scores(10**6, 10**7, 10**7, 10**10)
    assert all(np.isfinite(v) for v in big.values())
    assert math.isclose(big["chi2"], nltk_scores(10**6, 10**7, 10**7, 10**10)["chi2"], rel_tol=1e-9)


def test_p_value_at_known_chi2_quantiles():
    # χ²(1) critical values for 0.05, 0.01 and 0.001
    for x, p in [(3.841458820694124, 0.05), (6.634896601021214, 0.01), (10.827566170662733, 0.001)]:
        assert math.isclose(am.p_value(x), p, rel_tol=1e-9)
    assert am.p_value(-3.841458820694124) == am.p_value(3.841458820694124)
    assert am.p_value(0) == 1


def test_unknown_measure_lists_the_names():
    with pytest.raises(ValueError, match="pmi, llr, t, chi2, dice, logdice, mi3, deltap"):
        am.check_measure("mi")


def test_scores_of_a_big_table_are_computed_in_slices_with_the_same_values():
    rng = np.random.default_rng(7)
    size = 3 * am._SLICE + 5
    o11 = rng.integers(0, 50, size)
    o12, o21 = rng.integers(0, 5_000, size), rng.integers(0, 5_000, size)
    o22 = rng.integers(10_000_000, 11_000_000, size)
    got = am.scores(o11, o12, o21, o22)
    with np.errstate(divide="ignore", invalid="ignore"):
        for name, fn in am.MEASURES.items():
            np.testing.assert_array_equal(got[name], fn(o11, o12, o21, o22), err_msg=name)
    assert list(am.scores(o11, o12, o21, o22, names=["llr"])) == ["llr"]
