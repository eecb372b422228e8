"""The cost simulation's standard-normal scores: counter-based, so any score can be computed on its
own, in numpy (here) or inside a compiled pass (`kernels.draw_lookup_add_lines`), with the same float.

Score number s of a run with key K is the normal quantile of the 64 bits SplitMix64 gives for the
counter K + (s + 1)·γ (SplitMix64's finaliser: the generator itself when s counts up, which passes
BigCrush): bit 63 is the sign, bits 48–62 pick one of 32,768 cells of equal probability of the lower
half (u = cell/65,536), 24 more bits the place inside the cell, where the quantile is linear in u
between the cell's ends. The outermost cell (u < 2⁻¹⁶, z below −4.17) is split again into 65,536
cells the same way, so the scores follow the normal distribution to |z| ≈ 6.2 (u = 2⁻³²; the
engine's tables stop at 6); the last 2⁻³² of each tail lies between 6.2 and 7.7, linear in u.
The linear pieces keep each cell's probability exact (`tests/pricing/test_normals.py`).

All arithmetic is integer, then float32 `lo + frac·step` (multiply, then add), so numpy and the
compiled pass agree to the bit. Why not numpy's own sampler: a counter-based score lets the
compiled pass draw and use each score in one step, about three times faster than drawing with
numpy's generator and passing the scores over.
"""

from __future__ import annotations

import numpy as np
from scipy.special import ndtri

GAMMA = np.uint64(0x9E3779B97F4A7C15)
MIX1 = np.uint64(0xBF58476D1CE4E5B9)
MIX2 = np.uint64(0x94D049BB133111EB)
HALF_CELLS = 32_768  # cells of the lower half (bits 48–62)
TAIL_CELLS = 65_536  # cells of the outermost cell (bits 32–47)
FRAC = np.float32(2.0**-24)


def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(lo, step) of the half's cells and of the outermost cell's cells, float32."""
    u = np.arange(HALF_CELLS + 1, dtype=np.float64) / 65_536
    ends = ndtri(u)
    tail_u = np.arange(TAIL_CELLS + 1, dtype=np.float64) * 2.0**-32
    tail = ndtri(tail_u)
    tail[0] = ndtri(2.0**-48)  # the last 2⁻³² of the tail: linear up to z ≈ −7.7
    ends[0] = tail[0]
    lo, step = ends[:-1].astype(np.float32), np.diff(ends).astype(np.float32)
    tail_lo, tail_step = tail[:-1].astype(np.float32), np.diff(tail).astype(np.float32)
    step[0] = np.float32(0)  # unused: the outermost cell goes through the tail tables
    return lo, step, tail_lo, tail_step


LO, STEP, TAIL_LO, TAIL_STEP = _tables()
#: both in one table each (the outermost cell's cells after the half's), for a compiled pass that
#: picks the row without a branch: cell, or HALF_CELLS + sub where cell is 0
LO_ALL, STEP_ALL = np.concatenate([LO, TAIL_LO]), np.concatenate([STEP, TAIL_STEP])


def key_of(seed: np.random.SeedSequence) -> int:
    """A run's key, from its seed."""
    return int(seed.generate_state(1, np.uint64)[0])


def mix64(counter: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser, in place on a uint64 array (wrapping arithmetic); returns it."""
    x = counter
    x ^= x >> np.uint64(30)
    x *= MIX1
    x ^= x >> np.uint64(27)
    x *= MIX2
    x ^= x >> np.uint64(31)
    return x


def scores(key: int, start: int, n: int) -> np.ndarray:
    """Scores number start … start + n − 1 of the run with `key`, float32."""
    counter = np.arange(start + 1, start + n + 1, dtype=np.uint64)
    counter *= GAMMA
    counter += np.uint64(key)
    x = mix64(counter)
    cell = ((x >> np.uint64(48)) & np.uint64(0x7FFF)).astype(np.intp)
    frac = ((x >> np.uint64(24)) & np.uint64(0xFFFFFF)).astype(np.float32)
    lo, step = LO[cell], STEP[cell]
    outer = np.flatnonzero(cell == 0)
    if outer.size:
        xo = x[outer]
        sub = ((xo >> np.uint64(32)) & np.uint64(0xFFFF)).astype(np.intp)
        frac[outer] = ((xo >> np.uint64(8)) & np.uint64(0xFFFFFF)).astype(np.float32)
        lo[outer], step[outer] = TAIL_LO[sub], TAIL_STEP[sub]
    frac *= FRAC
    frac *= step
    frac += lo
    return np.where(x >> np.uint64(63) == np.uint64(1), -frac, frac)
