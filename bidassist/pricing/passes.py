"""The cost simulation's per-line passes in numpy: the same arithmetic, in the same order, as the
compiled passes of `kernels.py`, so a run gives the same figures whichever it uses.

Small runs use these: a compiled pass saves a few nanoseconds a value, which repays numba's import
and the loading of its compiled kernels (about half a second of CPU) only on large runs
(`cost.COMPILED_FROM`).
"""

from __future__ import annotations

import numpy as np

from bidassist.pricing.normals import scores

__all__ = ["add_covariances", "draw_lookup_add_lines", "line_covariance", "lookup_add", "scores"]


def lookup_add(
    e: np.ndarray,
    scale: np.float32,
    offset: np.ndarray,
    table: np.ndarray,
    index: np.ndarray,
    total: np.ndarray,
) -> None:
    """index = clip(int(e·scale + offset)) and total += table[index] (float32 multiply, then add; the
    position truncated toward zero, as `kernels.lookup_add` does)."""
    pos = e * scale
    pos += offset
    i = pos.astype(np.intp)
    np.clip(i, 0, table.shape[0] - 1, out=i)
    index[:] = i
    total += table[i]


def draw_lookup_add(
    key: int,
    stream: int,
    scale: np.float32,
    offset: np.ndarray,
    table: np.ndarray,
    index: np.ndarray,
    total: np.ndarray,
) -> None:
    """`lookup_add` of scores number stream … stream + n − 1 of the run with `key`."""
    lookup_add(scores(key, stream, total.shape[0]), scale, offset, table, index, total)


def draw_lookup_add_lines(
    key: int,
    streams: np.ndarray,
    scale: np.float32,
    offset: np.ndarray,
    tables: np.ndarray,
    rows: np.ndarray,
    index: np.ndarray,
    total: np.ndarray,
) -> None:
    """`draw_lookup_add` of each line q in order (the order of `kernels.draw_lookup_add_lines`)."""
    n = total.shape[0]
    for q, r in enumerate(rows):
        draw_lookup_add(key, int(streams[q]), scale, offset, tables[q], index[r, :n], total)


def add_covariances(
    tables: np.ndarray, rows: np.ndarray, index: np.ndarray, centred: np.ndarray, cov: np.ndarray
) -> None:
    """cov[rows[q]] += `line_covariance`(tables[q], index[rows[q], :n], centred) for each line q."""
    n = centred.shape[0]
    for q, r in enumerate(rows):
        cov[r] += line_covariance(tables[q], index[r, :n], centred)


def line_covariance(table: np.ndarray, index: np.ndarray, centred: np.ndarray) -> float:
    """Σ_j table[index[j]]·centred[j] in four running sums over j mod 4 (the rest into the first),
    added as (s0 + s1) + (s2 + s3): the order of `kernels.line_covariance`, so the same float."""
    prod = table[index].astype(np.float64)
    prod *= centred
    n = prod.shape[0]
    m = n - n % 4
    sums = [0.0, 0.0, 0.0, 0.0]
    if m:
        sums = [float(s) for s in np.cumsum(prod[:m].reshape(-1, 4), axis=0)[-1]]
    for x in prod[m:]:
        sums[0] += float(x)
    return (sums[0] + sums[1]) + (sums[2] + sums[3])
