"""Sampling primitives: every distribution of the shared vocabulary as a quantile function of a
standard-normal score, and correlated normal scores for blocks of exchangeable variables.

Correlation is induced with a Gaussian copula (a normal-scores rank correlation, the idea behind
Iman–Conover): each block (a category or a named group of cost lines) gets a common factor, the
scores are mapped through each line's own quantile function, so every marginal stays exactly the
distribution the user gave. The target is a rank (Spearman) correlation ρs; the normal scores use
ρ = 2·sin(π·ρs/6), which gives exactly ρs for the marginals. A block of k lines with a negative
correlation below −1/(k−1) is not a valid correlation matrix: it is repaired (clipped to the
bound, which is what clipping the negative eigenvalue does) and the caller is told.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
from scipy.special import betaincinv, ndtr

from bidassist.core.distributions import Fixed, Lognormal, Normal, Pert, Triangular, Uniform

#: z-grid of the tabulated PERT quantile (normal-score space: smooth, fine in the tails).
_Z_LO, _Z_HI, _Z_POINTS = -6.0, 6.0, 257
_Z_GRID = np.linspace(_Z_LO, _Z_HI, _Z_POINTS)
_U_GRID = ndtr(_Z_GRID)
_PERT_CACHE: dict[float, np.ndarray] = {}
_Z_STEPS = (_Z_POINTS - 1) / (_Z_HI - _Z_LO)  # grid steps per unit of z

#: the fine z-grid of the cost simulation's lookup tables (a direct index, nearest point): 4,096
#: steps over [−6, 6], so the lookup is within half a step (0.0015 in z) of the tabulated quantile
FINE_STEPS = 4096
FINE_SCALE = FINE_STEPS / (_Z_HI - _Z_LO)  # z → table position: z·FINE_SCALE + FINE_OFFSET
FINE_OFFSET = -_Z_LO * FINE_SCALE + 0.5  # + 0.5: truncating the position rounds to the nearest point
_FINE_Z = np.linspace(_Z_LO, _Z_HI, FINE_STEPS + 1)
_FINE_CACHE: dict[tuple[str, float], np.ndarray] = {}


def pert_shape(low: float, mode: float, high: float) -> tuple[float, float]:
    """Beta-PERT (λ = 4) shape parameters α, β."""
    if high <= low:
        return 3.0, 3.0
    a = 1 + 4 * (mode - low) / (high - low)
    return a, 6 - a


def _pert_table(alpha: float) -> np.ndarray:
    """Standard Beta(α, 6−α) quantiles at Φ(z) on the z-grid (cached per α)."""
    key = round(alpha, 9)
    tab = _PERT_CACHE.get(key)
    if tab is None:
        tab = betaincinv(alpha, 6 - alpha, _U_GRID)
        if len(_PERT_CACHE) > 20_000:
            _PERT_CACHE.clear()
        _PERT_CACHE[key] = tab
    return tab


@dataclass(frozen=True)
class Marginal:
    """A univariate distribution as a quantile function of a normal score z (x = F⁻¹(Φ(z)))."""

    kind: str  # fixed | uniform | triangular | pert | normal | lognormal
    a: float = 0.0
    b: float = 0.0
    c: float = 0.0

    @classmethod
    def of(cls, dist: object) -> Marginal:
        """From a `bidassist.core.distributions` model."""
        if isinstance(dist, Fixed):
            return cls("fixed", dist.value)
        if isinstance(dist, Uniform):
            return cls("uniform", dist.low, dist.high) if dist.high > dist.low else cls("fixed", dist.low)
        if isinstance(dist, Triangular | Pert):
            if dist.high == dist.low:
                return cls("fixed", dist.low)
            return cls(dist.dist, dist.low, dist.mode, dist.high)
        if isinstance(dist, Normal):
            return cls("normal", dist.mean, dist.sd) if dist.sd > 0 else cls("fixed", dist.mean)
        if isinstance(dist, Lognormal):
            mu, sigma = dist.log_params()
            return cls("lognormal", mu, sigma)
        raise TypeError(f"not a distribution: {dist!r}")

    @classmethod
    def three_point(cls, kind: str, low: float, likely: float, high: float) -> Marginal:
        if kind == "fixed" or high <= low:
            return cls("fixed", likely)
        if kind == "uniform":
            return cls("uniform", low, high)
        return cls(kind, low, likely, high)

    @property
    def mean(self) -> float:
        k, a, b, c = self.kind, self.a, self.b, self.c
        if k == "fixed":
            return a
        if k == "uniform":
            return (a + b) / 2
        if k == "triangular":
            return (a + b + c) / 3
        if k == "pert":
            return (a + 4 * b + c) / 6
        if k == "normal":
            return a
        return math.exp(a + b * b / 2)

    @property
    def lowest(self) -> float:
        """Smallest possible value (−inf for normal)."""
        if self.kind in ("fixed", "uniform", "triangular", "pert"):
            return self.a
        return -math.inf if self.kind == "normal" else 0.0

    @property
    def highest(self) -> float:
        k = self.kind
        if k == "fixed":
            return self.a
        if k == "uniform":
            return self.b
        if k in ("triangular", "pert"):
            return self.c
        return math.inf

    def from_z(self, z: np.ndarray) -> np.ndarray:
        """Quantile function applied to normal scores (any shape); float32 in, same shape out."""
        k, a, b, c = self.kind, self.a, self.b, self.c
        if k == "fixed":
            return np.full(z.shape, a, dtype=z.dtype)
        if k == "normal":
            return a + b * z
        if k == "lognormal":
            return np.exp(a + b * z)
        if k == "pert":
            alpha, _ = pert_shape(a, b, c)
            return a + (c - a) * grid_interp(z, _pert_table(alpha))
        return self.from_u(ndtr(z))

    def from_z_blocks(self, z: np.ndarray, block: int, as_type: type | None = None) -> np.ndarray:
        """from_z(z), `block` rows at a time, each block first cast to `as_type` (elementwise: the
        same values and type as one call, without the quantile's full-size temporaries); written
        into z's own array when the type is its own."""

        def part(zb: np.ndarray) -> np.ndarray:
            return self.from_z(zb if as_type is None else zb.astype(as_type))

        head = part(z[:block])
        out = z if head.dtype == z.dtype else np.empty(z.shape, dtype=head.dtype)
        out[:block] = head
        for s in range(block, z.shape[0], block):
            out[s : s + block] = part(z[s : s + block])
        return out

    def from_u(self, u: np.ndarray) -> np.ndarray:
        """Quantile function at probabilities u, for the kinds with a closed form in u (uniform,
        triangular); the others go through their normal score."""
        k, a, b, c = self.kind, self.a, self.b, self.c
        if k == "uniform":
            return a + (b - a) * u
        if k == "triangular":
            return triangular_quantile(u, a, b, c)
        from scipy.special import ndtri

        return self.from_z(ndtri(u))

    def table(self, scale: float) -> np.ndarray:
        """float32 lookup table of scale × quantile at the fine z-grid points (three-point kinds):
        the value of normal score z is table[int(z·FINE_SCALE + FINE_OFFSET)], clipped to the ends."""
        k, a, b, c = self.kind, self.a, self.b, self.c
        if k == "fixed":
            return np.full(FINE_STEPS + 1, a * scale, dtype=np.float32)
        if k == "uniform":
            std, lo, span = fine_table("uniform", 0.0), a, b - a
        elif k == "triangular":
            std, lo, span = fine_table("triangular", (b - a) / (c - a)), a, c - a
        elif k == "pert":
            std, lo, span = fine_table("pert", pert_shape(a, b, c)[0]), a, c - a
        else:
            raise ValueError(f"no lookup table for a {k} distribution")
        return ((lo + span * std) * scale).astype(np.float32)


def grid_interp(z: np.ndarray, tab: np.ndarray) -> np.ndarray:
    """Linear interpolation of `tab` (values on the z-grid) at z, by a direct index into the evenly
    spaced grid (what np.interp computes, without its binary search); clamped to the ends; z's dtype."""
    pos = np.clip((z - _Z_LO) * _Z_STEPS, 0, _Z_POINTS - 1)
    i = np.minimum(pos.astype(np.intp), _Z_POINTS - 2)
    frac = (pos - i).astype(z.dtype, copy=False)
    lo = tab[i].astype(z.dtype, copy=False)
    return lo + frac * (tab[i + 1] - tab[i]).astype(z.dtype, copy=False)


def fine_table(kind: str, shape: float) -> np.ndarray:
    """Standard quantile (on [0, 1]) at the fine z-grid points, cached per kind and shape: uniform;
    triangular with mode at `shape`; Beta-PERT with α = `shape`, interpolated linearly from the exact
    257-point table (as `Marginal.from_z` does)."""
    key = (kind, round(shape, 9))
    tab = _FINE_CACHE.get(key)
    if tab is None:
        if kind == "pert":
            tab = np.interp(_FINE_Z, _Z_GRID, _pert_table(shape))
        elif kind == "triangular":
            tab = triangular_quantile(ndtr(_FINE_Z), 0.0, shape, 1.0)
        else:
            tab = ndtr(_FINE_Z)
        if len(_FINE_CACHE) > 20_000:
            _FINE_CACHE.clear()
        _FINE_CACHE[key] = tab
    return tab


def shares_offset(k: int, rho: float) -> bool:
    """Whether the lines of a block of k with normal-score correlation rho share one scale and
    offset in `grid_streams` (their scores drawn line by line): all but a negative correlation."""
    return k < 2 or rho >= 0


def grid_streams(
    key: int,
    rows: list[int],
    n: int,
    start: int,
    iterations: int,
    rho: float,
    factor: int,
    draw: Callable[[int, int, int], np.ndarray] | None = None,
) -> Iterator[tuple[int, np.ndarray | None, np.float32, np.ndarray]]:
    """For each line of a block with common normal-score correlation rho, (stream, e, scale,
    offset): the line's n normal scores from iteration `start` are scores number stream … of the
    run's counter-based scores (`normals.py`; line r's stream begins at r·iterations, the block's
    common factor's at factor·iterations), and their positions on the fine z-grid (for
    `Marginal.table`) are score·scale + offset. A positive correlation's common factor is folded
    into the offset (float32, one per iteration, shared by the block's lines), so each line costs
    one pass that draws and looks up (`kernels.draw_lookup_add_lines`), and `e` is None. A negative
    correlation needs the block's scores together: they are drawn here, decorrelated, and given
    as `e` (the arrays are reused: use each before taking the next). `draw(key, start, n)` draws
    the scores (default `normals.scores`; the compiled `kernels.scores` gives the same floats)."""
    from bidassist.pricing.normals import scores

    draw = draw or scores
    k = len(rows)
    if shares_offset(k, rho):
        scale = np.float32(FINE_SCALE * math.sqrt(1 - rho)) if k >= 2 else np.float32(FINE_SCALE)
        if k >= 2 and rho > 0:
            offset = draw(key, factor * iterations + start, n)
            offset *= np.float32(FINE_SCALE * math.sqrt(rho))
            offset += np.float32(FINE_OFFSET)
        else:
            offset = np.full(n, FINE_OFFSET, dtype=np.float32)
        for r in rows:
            yield r * iterations + start, None, scale, offset
        return
    z = negative_block(np.stack([draw(key, r * iterations + start, n) for r in rows]), rho)
    offset = np.full(n, FINE_OFFSET, dtype=np.float32)
    for r, row in zip(rows, z, strict=True):
        yield r * iterations + start, row, np.float32(FINE_SCALE), offset


def triangular_quantile(u: np.ndarray, low: float, mode: float, high: float) -> np.ndarray:
    """Inverse CDF of the triangular distribution (pricing.md)."""
    span = high - low
    cut = (mode - low) / span
    left = low + np.sqrt(u * (span * (mode - low)))
    right = high - np.sqrt((1 - u) * (span * (high - mode)))
    return np.where(u < cut, left, right)


def normal_correlation(rank_corr: float) -> float:
    """Pearson correlation of normal scores that yields Spearman `rank_corr` after any marginals."""
    return 2 * math.sin(math.pi * rank_corr / 6)


def block_bound(k: int) -> float:
    """Lowest common correlation a block of k exchangeable variables can have (PSD)."""
    return -1.0 if k <= 2 else -1.0 / (k - 1)


def repair_block(rank_corr: float, k: int) -> tuple[float, bool]:
    """(normal-score correlation, repaired?) for a block of k lines with common rank correlation."""
    rho = normal_correlation(rank_corr)
    bound = block_bound(k)
    if rho < bound:
        return bound, True
    return min(rho, 1.0), False


def negative_block(e: np.ndarray, rho: float) -> np.ndarray:
    """(k, n) independent float32 standard-normal scores made to have common correlation rho < 0
    between rows, in place: T_j = (e_j − c·ē) / sd, with c solving corr = rho (c in [0, 1])."""
    k = e.shape[0]
    c = 1 - math.sqrt(max(0.0, 1 + rho * k / (1 - rho)))
    sd = math.sqrt(1 - 2 * c / k + c * c / k)
    mean = e.mean(axis=0)
    e -= np.float32(c) * mean
    e *= np.float32(1 / sd)
    return e


def factor_scores(rng: np.random.Generator, n: int, m: int, common: float) -> np.ndarray:
    """(n, m) float32 normal scores, each column sharing a common factor with variance share `common`."""
    e = rng.standard_normal((n, m), dtype=np.float32)
    if common > 0:
        f = rng.standard_normal((n, 1), dtype=np.float32)
        e *= np.float32(math.sqrt(1 - common))
        e += np.float32(math.sqrt(common)) * f
    return e
