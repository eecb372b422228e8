"""The fastest known means of drawing float32 standard normals from Python, to check the pricing
benchmark's floor: Marsaglia and Tsang's ziggurat (256 layers, 23-bit magnitudes, the layout of
numpy's float32 sampler) fed by xoshiro256** and compiled with numba, filling a buffer in one call.

It is not the engine's stream (numpy's PCG64 ziggurat, which the engine draws so that a seed gives
the same result on every path); it measures how much cheaper the same number of draws of the same
distribution can be.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit, uint64

R = 3.6541528853610088  # the base strip's right edge
V = 0.00492867323399  # each strip's area


def tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(k, w, f): acceptance bounds of the 23-bit magnitudes, their scale, the density at each edge."""
    m = 2.0**23
    k = np.zeros(256, np.uint32)
    w = np.zeros(256, np.float32)
    f = np.zeros(256, np.float32)
    dn = tn = R
    q = V / math.exp(-0.5 * dn * dn)
    k[0], k[1] = int(dn / q * m), 0
    w[0], w[255] = q / m, dn / m
    f[0], f[255] = 1.0, math.exp(-0.5 * dn * dn)
    for i in range(254, 0, -1):
        dn = math.sqrt(-2 * math.log(V / dn + math.exp(-0.5 * dn * dn)))
        k[i + 1] = int(dn / tn * m)
        tn = dn
        f[i], w[i] = math.exp(-0.5 * dn * dn), dn / m
    return k, w, f


@njit(inline="always")
def _rotl(x, k):  # pragma: no cover - compiled
    return (x << uint64(k)) | (x >> uint64(64 - k))


@njit(inline="always")
def _next(s):  # pragma: no cover - compiled: xoshiro256**
    out = _rotl(s[1] * uint64(5), 7) * uint64(9)
    t = s[1] << uint64(17)
    s[2] ^= s[0]
    s[3] ^= s[1]
    s[1] ^= s[2]
    s[0] ^= s[3]
    s[2] ^= t
    s[3] = _rotl(s[3], 45)
    return out


@njit(inline="always")
def _uniform(s):  # pragma: no cover - compiled: (0, 1]
    return ((_next(s) >> uint64(11)) + uint64(1)) * (1.0 / 9007199254740992.0)


@njit
def _slow(s, v, k, w, f):  # pragma: no cover - compiled: the wedges and the tail (about 1 % of draws)
    while True:
        idx = v & 0xFF
        sign = (v >> 8) & 1
        rabs = (v >> 9) & 0x7FFFFF
        x = rabs * w[idx]
        if rabs < k[idx]:
            return -x if sign else x
        if idx == 0:
            while True:
                xx = -math.log(_uniform(s)) / R
                yy = -math.log(_uniform(s))
                if yy + yy > xx * xx:
                    return -(R + xx) if sign else R + xx
        if (f[idx - 1] - f[idx]) * _uniform(s) + f[idx] < math.exp(-0.5 * x * x):
            return -x if sign else x
        v = np.int64(_next(s) >> uint64(32))


@njit
def fill(s, out, k, w, f):  # pragma: no cover - compiled
    """out[:] = standard normals (float32); `s` the generator's four uint64 words (updated)."""
    n = out.shape[0]
    j = 0
    while j < n:
        r = _next(s)
        for h in range(2):
            if j < n:
                v = np.int64((r >> uint64(32 * h)) & uint64(0xFFFFFFFF))
                idx = v & 0xFF
                rabs = (v >> 9) & 0x7FFFFF
                if rabs < k[idx]:
                    x = np.float32(rabs) * w[idx]
                    out[j] = -x if (v >> 8) & 1 else x
                else:
                    out[j] = _slow(s, v, k, w, f)
                j += 1


def fastest_floor(lines: int, iterations: int, chunk: int) -> None:
    """lines × iterations float32 normals, chunk by chunk, one line at a time into a reused buffer
    (the engine's pattern, as `bench_pricing.rng_floor` draws them with numpy)."""
    k, w, f = TABLES
    s = np.random.default_rng(1).integers(1, 2**63, 4, dtype=np.uint64)
    buf = np.empty(chunk, dtype=np.float32)
    for start in range(0, iterations, chunk):
        out = buf[: min(chunk, iterations - start)]
        for _ in range(lines):
            fill(s, out, k, w, f)


TABLES = tables()
