"""Compiled inner loops of the simulation (numba, compiled on first use and cached on disk).

Each does in one pass over data in cache what would otherwise take several numpy passes with
temporaries. The arithmetic is the same as the numpy it replaces (float32 multiply then add, no
fused multiply-add; truncation to an integer; clipping to the table), so the values are the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numba import njit

from bidassist.pricing.normals import FRAC, GAMMA, HALF_CELLS, LO_ALL, MIX1, MIX2, STEP_ALL


def _compiled(fn: Callable[..., Any]) -> Any:
    """Compiled in nopython mode, cached beside the module (or in the user's cache folder); where
    neither can be written, compiled in each process instead."""
    try:
        return njit(cache=True, nogil=True)(fn)
    except RuntimeError:  # numba: "cannot cache function ...: no locator available"
        return njit(nogil=True)(fn)


@_compiled
def lookup_add(
    e: np.ndarray,
    scale: np.float32,
    offset: np.ndarray,
    table: np.ndarray,
    index: np.ndarray,
    total: np.ndarray,
) -> None:  # pragma: no cover - compiled
    """index[j] = clip(int(e[j]·scale + offset[j])) and total[j] += table[index[j]], for every j.

    `e` float32 normal scores, `offset` float32 (the fine grid's offset plus the block's common
    factor), `table` a line's float32 lookup table, `index` its row of the chunk (uint16: half the
    memory traffic of the values, which `line_covariance` looks up again), `total` float64."""
    last = table.shape[0] - 1
    for j in range(e.shape[0]):
        pos = e[j] * scale + offset[j]
        i = int(pos)
        if i < 0:
            i = 0
        elif i > last:
            i = last
        index[j] = i
        total[j] += table[i]


@_compiled
def _score(counter: np.uint64, lo_all: np.ndarray, step_all: np.ndarray) -> np.float32:  # pragma: no cover
    """The normal score of one counter (`normals.scores`: the same arithmetic), for the compiled
    passes to draw and use in the same step."""
    x = counter
    x ^= x >> np.uint64(30)
    x *= MIX1
    x ^= x >> np.uint64(27)
    x *= MIX2
    x ^= x >> np.uint64(31)
    cell = np.int64((x >> np.uint64(48)) & np.uint64(0x7FFF))
    outer = np.int64(cell == 0)  # the outermost cell: its own cells, 16 bits further down
    row = cell + outer * (HALF_CELLS + np.int64((x >> np.uint64(32)) & np.uint64(0xFFFF)))
    m = np.float32(np.int64((x >> np.uint64(24 - 16 * outer)) & np.uint64(0xFFFFFF)))
    e = lo_all[row] + (m * FRAC) * step_all[row]
    if (x >> np.uint64(63)) == np.uint64(1):
        e = -e
    return e


@_compiled
def _draw_lookup_add(
    key: np.uint64,
    stream: np.uint64,
    scale: np.float32,
    offset: np.ndarray,
    table: np.ndarray,
    index: np.ndarray,
    total: np.ndarray,
    lo_all: np.ndarray,
    step_all: np.ndarray,
) -> None:  # pragma: no cover - compiled
    last = table.shape[0] - 1
    counter = key + (stream + np.uint64(1)) * GAMMA
    for j in range(total.shape[0]):
        e = _score(counter, lo_all, step_all)
        counter += GAMMA
        pos = e * scale + offset[j]
        i = min(max(int(pos), 0), last)
        index[j] = i
        total[j] += table[i]


@_compiled
def _draw_lookup_add_pair(
    key: np.uint64,
    streams: np.ndarray,
    scale: np.float32,
    offset: np.ndarray,
    table1: np.ndarray,
    table2: np.ndarray,
    index1: np.ndarray,
    index2: np.ndarray,
    total: np.ndarray,
    lo_all: np.ndarray,
    step_all: np.ndarray,
) -> None:  # pragma: no cover - compiled
    """`_draw_lookup_add` of two lines of a block (streams[0], streams[1]) in one pass: the total
    and the offset are read and the total written once for both, and the two draws overlap.
    total[j] gets the first line's value, then the second's: the same float as two passes."""
    last = table1.shape[0] - 1
    c1 = key + (streams[0] + np.uint64(1)) * GAMMA
    c2 = key + (streams[1] + np.uint64(1)) * GAMMA
    for j in range(total.shape[0]):
        e1 = _score(c1, lo_all, step_all)
        e2 = _score(c2, lo_all, step_all)
        c1 += GAMMA
        c2 += GAMMA
        o = offset[j]
        a = min(max(int(e1 * scale + o), 0), last)
        b = min(max(int(e2 * scale + o), 0), last)
        index1[j] = a
        index2[j] = b
        total[j] = (total[j] + table1[a]) + table2[b]


@_compiled
def _draw_lookup_add_lines(
    key: np.uint64,
    streams: np.ndarray,
    scale: np.float32,
    offset: np.ndarray,
    tables: np.ndarray,
    rows: np.ndarray,
    index: np.ndarray,
    total: np.ndarray,
    lo_all: np.ndarray,
    step_all: np.ndarray,
) -> None:  # pragma: no cover - compiled
    k = rows.shape[0]
    for q in range(0, k - 1, 2):
        first, second = index[rows[q]], index[rows[q + 1]]  # whole rows: the pass writes the first n
        pair = streams[q : q + 2]
        _draw_lookup_add_pair(
            key, pair, scale, offset, tables[q], tables[q + 1], first, second, total, lo_all, step_all
        )
    if k % 2:
        q = k - 1
        _draw_lookup_add(key, streams[q], scale, offset, tables[q], index[rows[q]], total, lo_all, step_all)


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
    """`lookup_add` for several lines sharing `scale` and `offset` (a block's), in order, two lines
    a pass, of scores drawn (`normals.scores`) and used in the same step, never stored: line q
    takes scores number streams[q] … (uint64) of the run with `key`, looks them up in tables[q] and
    keeps its grid indices in index[rows[q], :n] (n = total's length). The same floats as one
    pass per line (`passes.draw_lookup_add_lines`)."""
    _draw_lookup_add_lines(
        np.uint64(key), streams, scale, offset, tables, rows, index, total, LO_ALL, STEP_ALL
    )


@_compiled
def _draw(
    key: np.uint64, stream: np.uint64, out: np.ndarray, lo_all: np.ndarray, step_all: np.ndarray
) -> None:  # pragma: no cover
    counter = key + (stream + np.uint64(1)) * GAMMA
    for j in range(out.shape[0]):
        e = _score(counter, lo_all, step_all)
        counter += GAMMA
        out[j] = e


def draw(key: int, stream: int, out: np.ndarray) -> None:
    """out[:] = scores number stream … of the run with `key` (`normals.scores`), compiled."""
    _draw(np.uint64(key), np.uint64(stream), out, LO_ALL, STEP_ALL)


def scores(key: int, start: int, n: int) -> np.ndarray:
    """`normals.scores`, compiled: scores number start … start + n − 1 of the run with `key`."""
    out = np.empty(n, dtype=np.float32)
    draw(key, start, out)
    return out


@_compiled
def line_covariance(table: np.ndarray, index: np.ndarray, centred: np.ndarray) -> float:  # pragma: no cover
    """Σ_j table[index[j]]·centred[j]: a line's values (looked up again) against the centred total.
    Four running sums, so that each addition does not wait for the one before."""
    a0 = a1 = a2 = a3 = 0.0
    n = index.shape[0]
    m = n - n % 4
    for j in range(0, m, 4):
        a0 += table[index[j]] * centred[j]
        a1 += table[index[j + 1]] * centred[j + 1]
        a2 += table[index[j + 2]] * centred[j + 2]
        a3 += table[index[j + 3]] * centred[j + 3]
    for j in range(m, n):
        a0 += table[index[j]] * centred[j]
    return (a0 + a1) + (a2 + a3)


@_compiled
def add_covariances(
    tables: np.ndarray, rows: np.ndarray, index: np.ndarray, centred: np.ndarray, cov: np.ndarray
) -> None:  # pragma: no cover - compiled
    """cov[rows[q]] += `line_covariance`(tables[q], index[rows[q], :n], centred) for each line q."""
    n = centred.shape[0]
    for q in range(rows.shape[0]):
        cov[rows[q]] += line_covariance(tables[q], index[rows[q]][:n], centred)


@_compiled
def _tent(u: float, full: float, above: float, below: float) -> tuple[float, float]:  # pragma: no cover
    """Points of a bid at u = bid/benchmark as p0 + p1·u on the branch u is on (0, 0 where floored)."""
    if u > 1.0:
        p0, p1 = full + 100.0 * above, -100.0 * above
    else:
        p0, p1 = full - 100.0 * below, 100.0 * below
    if p0 + p1 * u <= 0.0:
        return 0.0, 0.0
    return p0, p1


@_compiled
def _piece_cuts(
    c: np.ndarray,
    k: int,
    alpha: float,
    beta: float,
    ratios: np.ndarray,
    p_lo: float,
    p_hi: float,
    cuts: np.ndarray,
) -> int:  # pragma: no cover - compiled
    """Fill `cuts` with the sorted prices inside (p_lo, p_hi) where our bid or a rival's crosses a
    branch of the tent, for the benchmark alpha + beta·B (B/bm = ρ at B = ρ·alpha/(1 − ρ·beta);
    c_j/bm = ρ at (c_j/ρ − alpha)/beta); returns how many."""
    n = 0
    for rho in ratios:
        if 1.0 - rho * beta > 0.0:
            b = rho * alpha / (1.0 - rho * beta)
            if p_lo < b < p_hi:
                cuts[n] = b
                n += 1
        if beta > 0.0:
            for j in range(k):
                b = (c[j] / rho - alpha) / beta
                if p_lo < b < p_hi:
                    cuts[n] = b
                    n += 1
    for i in range(1, n):  # insertion sort: a few values
        x = cuts[i]
        j = i - 1
        while j >= 0 and cuts[j] > x:
            cuts[j + 1] = cuts[j]
            j -= 1
        cuts[j + 1] = x
    return n


@_compiled
def _win_part(
    a: float, b: float, alpha: float, beta: float, c: np.ndarray, o: np.ndarray, k: int, pts: np.ndarray
) -> tuple[float, float]:  # pragma: no cover - compiled
    """Where inside (a, b) (no branch changes there) our points beat every rival's: each comparison,
    multiplied by the benchmark alpha + beta·B > 0, is linear in B, so the set is one interval."""
    full, above, below, ours = pts[0], pts[1], pts[2], pts[3]
    mid = (a + b) / 2.0 if b < np.inf else 2.0 * a + 1.0
    bm = alpha + beta * mid
    p0, p1 = _tent(mid / bm, full, above, below)
    lo, hi = a, b
    for j in range(k):
        q0, q1 = _tent(c[j] / bm, full, above, below)
        d = p0 + ours - q0 - o[j]
        slope = d * beta + p1  # (p0 + ours − q0 − o_j)·bm + p1·B − q1·c_j > 0
        level = d * alpha - q1 * c[j]
        if slope > 0.0:
            lo = max(lo, -level / slope)
        elif slope < 0.0:
            hi = min(hi, -level / slope)
        elif level <= 0.0:
            return 0.0, 0.0
    return lo, hi


@_compiled
def benchmark_intervals(
    bids: np.ndarray,
    other: np.ndarray,
    coef: np.ndarray,
    drop_from: int,
    pts: np.ndarray,
    lo_out: np.ndarray,
    hi_out: np.ndarray,
) -> int:  # pragma: no cover - compiled
    """基准价法 win intervals (lo, hi), open at both ends, of each opening; returns the most any has.

    `bids` (n, m) with NaN for absent rivals, `other` (n, m) their other points, `coef` (n,) K,
    `drop_from` (0: never), `pts` = (full, per % above, per % below, our other points). `lo_out` and
    `hi_out` are (slots, n), interval-major: slot j of every opening is one row, so the slots no
    opening reaches are never touched (NaN is written only below the most any opening has). The benchmark
    is piecewise linear in our bid B (three pieces when extremes are dropped: B below the lowest
    rival, between, above the highest); the price points are tents in bid/benchmark."""
    n, m = bids.shape
    full, above, below = pts[0], pts[1], pts[2]
    ratios = np.empty(3)
    nr = 0
    ratios[nr] = 1.0
    nr += 1
    if above > 0.0:
        ratios[nr] = 1.0 + full / (100.0 * above)
        nr += 1
    if below > 0.0 and full / (100.0 * below) < 1.0:
        ratios[nr] = 1.0 - full / (100.0 * below)
        nr += 1
    rs = ratios[:nr]
    c = np.empty(m)
    o = np.empty(m)
    cuts = np.empty(3 * (m + 1))
    most = 0
    used_of = np.empty(n, dtype=np.int64)
    for i in range(n):
        k, total, high, low = 0, 0.0, -np.inf, np.inf
        for j in range(m):
            x = bids[i, j]
            if not np.isnan(x):
                c[k], o[k] = x, other[i, j]
                k += 1
                total += x
                high, low = max(high, x), min(low, x)
        kk = coef[i]
        if drop_from > 0 and k + 1 >= drop_from:
            w = kk / (k - 1)
            pieces = (
                (0.0, low, w * (total - high), 0.0),
                (low, high, w * (total - high - low), w),
                (high, np.inf, w * (total - low), 0.0),
            )
        else:
            w = kk / (k + 1)
            pieces = ((0.0, np.inf, w * total, w), (0.0, 0.0, 0.0, 0.0), (0.0, 0.0, 0.0, 0.0))
        used = 0
        for p_lo, p_hi, alpha, beta in pieces:
            if p_hi <= p_lo:
                continue
            ncuts = _piece_cuts(c, k, alpha, beta, rs, p_lo, p_hi, cuts)
            a = p_lo
            for s in range(ncuts + 1):
                b = cuts[s] if s < ncuts else p_hi
                lo, hi = _win_part(a, b, alpha, beta, c, o, k, pts)
                if lo < hi:
                    if used > 0 and hi_out[used - 1, i] == lo:
                        hi_out[used - 1, i] = hi  # one interval across a branch change
                    else:
                        lo_out[used, i], hi_out[used, i] = lo, hi
                        used += 1
                a = b
        used_of[i] = used
        most = max(most, used)
    for j in range(max(most, 1)):
        for i in range(n):
            if j >= used_of[i]:
                lo_out[j, i] = np.nan
                hi_out[j, i] = np.nan
    return most
