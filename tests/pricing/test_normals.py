"""The cost simulation's counter-based normal scores (pricing/normals.py): the compiled pass and numpy
give the same floats, the scores are standard normal (cell probabilities, moments, tails, no
correlation between neighbours or streams), and any score can be drawn on its own."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from scipy.special import ndtr

from bidassist.pricing import kernels
from bidassist.pricing.normals import LO, STEP, TAIL_LO, TAIL_STEP, key_of, scores

N = 2_000_000
SAMPLE = scores(key_of(np.random.SeedSequence(11)), 0, N)


@settings(max_examples=40, deadline=None)
@given(key=st.integers(0, 2**64 - 1), start=st.integers(0, 2**50), n=st.integers(0, 3000))
def test_the_compiled_scores_are_numpys_to_the_bit(key, start, n):
    out = np.empty(n, dtype=np.float32)
    kernels.draw(key, start, out)
    np.testing.assert_array_equal(out, scores(key, start, n))


@given(key=st.integers(0, 2**64 - 1), start=st.integers(0, 2**40), cut=st.integers(1, 99))
def test_any_score_is_drawn_on_its_own(key, start, cut):
    whole = scores(key, start, 100)
    np.testing.assert_array_equal(
        np.concatenate([scores(key, start, cut), scores(key, start + cut, 100 - cut)]), whole
    )


def test_the_scores_are_standard_normal():
    assert SAMPLE.dtype == np.float32
    assert abs(SAMPLE.mean()) < 4 / np.sqrt(N)
    assert abs(SAMPLE.std() - 1) < 4 / np.sqrt(2 * N)
    assert abs(stats.skew(SAMPLE)) < 0.01
    assert abs(stats.kurtosis(SAMPLE)) < 0.02
    assert stats.kstest(SAMPLE, "norm").pvalue > 1e-4
    for z in (2.0, 3.0, 4.0):  # both tails, within 5 standard errors of the count
        expected = 2 * N * ndtr(-z)
        assert abs(np.sum(np.abs(SAMPLE) > z) - expected) < 5 * np.sqrt(expected) + 1


def test_neighbouring_scores_and_streams_are_uncorrelated():
    a = SAMPLE.astype(np.float64)
    for lag in (1, 2, 3, 64):
        assert abs(np.corrcoef(a[:-lag], a[lag:])[0, 1]) < 5 / np.sqrt(N)
    key = key_of(np.random.SeedSequence(12))
    other = scores(key, 10**9, N).astype(np.float64)  # another line's stream
    assert abs(np.corrcoef(a, other)[0, 1]) < 5 / np.sqrt(N)


def test_each_cell_holds_its_probability_and_the_quantile_between_its_ends():
    """The tables: the half's cells of probability 1/65,536 end at the normal quantiles, and the
    outermost cell's own cells of 2⁻³² likewise, so the interpolation keeps every cell's mass."""
    ends = LO.astype(np.float64) + STEP.astype(np.float64)
    u = ndtr(ends[1:-1])
    np.testing.assert_allclose(u, np.arange(2, 32768) / 65536, rtol=2e-6)
    tail_ends = TAIL_LO.astype(np.float64) + TAIL_STEP.astype(np.float64)
    np.testing.assert_allclose(ndtr(tail_ends[1000:]), np.arange(1001, 65537) * 2.0**-32, rtol=2e-5)
    assert STEP[1:].min() > 0 and TAIL_STEP.min() > 0
    assert TAIL_LO[1] < -6.2 and LO[1] > -4.2  # the outermost cell reaches past the engine's ±6
