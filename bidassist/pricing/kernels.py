"""Compiled inner loops of the simulation (numba, compiled on first use and cached on disk).

Each does in one pass over data in cache what would otherwise take several numpy passes with
temporaries. The arithmetic is the same as the numpy it replaces (float32 multiply then add, no
fused multiply-add; truncation to an integer; clipping to the table), so the values are the same.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def lookup_add(
    e: np.ndarray,
    scale: np.float32,
    offset: np.ndarray,
    table: np.ndarray,
    out: np.ndarray,
    total: np.ndarray,
) -> None:  # pragma: no cover - compiled
    """out[j] = table[clip(int(e[j]·scale + offset[j]))] and total[j] += out[j], for every j.

    `e` float32 normal scores, `offset` float32 (the fine grid's offset plus the block's common
    factor), `table` a line's float32 lookup table, `out` its row of the chunk, `total` float64."""
    last = table.shape[0] - 1
    for j in range(e.shape[0]):
        pos = e[j] * scale + offset[j]
        i = int(pos)
        if i < 0:
            i = 0
        elif i > last:
            i = last
        v = table[i]
        out[j] = v
        total[j] += v
