"""Cost simulation: cost lines (three-point unit costs × quantity) with rank correlation within a
category or a named group, risk events (probability × impact), indirect costs; and the financing
cost of the payment terms is in `breakeven.py`.

All sums are ex VAT. Vectorised and chunked: memory is bounded by (lines × chunk) float32 plus one
float64 per iteration, whatever the number of iterations.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import ModuleType

import numpy as np

from bidassist.core.bidfile import PricingSection
from bidassist.core.errors import InputError
from bidassist.costs.model import CostModel
from bidassist.pricing.normals import key_of
from bidassist.pricing.sampling import FINE_STEPS, Marginal, grid_streams, repair_block, shares_offset

#: float32 cells held per chunk (lines × iterations): 32 Mi cells = 128 MB.
CHUNK_CELLS = 2**25
MAX_CHUNK = 65_536
MIN_CHUNK = 4_096


#: stochastic lines × iterations from which the simulation uses the compiled passes (`kernels.py`);
#: below, the numpy passes (`passes.py`), which give the same figures. A compiled pass saves about
#: 17 ns a value, which repays numba's import and the loading of its kernels (about 0.35 s of CPU
#: in a fresh process) from about 20M values: measured with `benchmarks/bench_pricing.py --passes`.
COMPILED_FROM = 20_000_000


def passes(values: int) -> ModuleType:
    """The module of per-line passes (`draw_lookup_add_lines`, `lookup_add`, `add_covariances`,
    `scores`) for a run of `values` stochastic values (lines × iterations)."""
    if values >= COMPILED_FROM:
        from bidassist.pricing import kernels  # compiled: imported only when used

        return kernels
    from bidassist.pricing import passes as numpy_passes

    return numpy_passes


def chunk_size(rows: int) -> int:
    return int(max(MIN_CHUNK, min(MAX_CHUNK, CHUNK_CELLS // max(rows, 1))))


@dataclass
class Item:
    """One source of cost variance: a cost line or a risk event."""

    kind: str  # line | risk
    name: str
    code: str | None
    mean: float
    cov: float = 0.0  # covariance with the total (accumulated)

    def share(self, var_total: float) -> float:
        return self.cov / var_total if var_total > 0 else 0.0


@dataclass
class CostSim:
    """The simulated cost, ex VAT, indirect costs included (financing excluded: it depends on the price)."""

    total: np.ndarray  # (iterations,) float64
    likely: float  # Σ quantity × likely, indirects included, no risks
    items: list[Item]
    indirect_factor: float
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _sorted: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def mean(self) -> float:
        return float(self.total.mean())

    def sorted_total(self) -> np.ndarray:
        """The total, sorted (computed once)."""
        if self._sorted is None or self._sorted.size != self.total.size:
            self._sorted = np.sort(self.total)
        return self._sorted


@dataclass
class _Block:
    name: str
    rho: float  # normal-score correlation
    rows: list[int]  # indices into stochastic lines


def _blocks(lines: list, pricing: PricingSection, warnings: list[str], notes: list[str]) -> list[_Block]:
    """Lines in a named group use the group's correlation; the others their category's."""
    corr = pricing.correlation
    code_of = {ln.code: i for i, ln in enumerate(lines) if ln.code}
    group_of: dict[int, str] = {}
    problems: list[str] = []
    for gname, codes in corr.groups.items():
        for code in codes:
            if code not in code_of:
                problems.append(
                    f"pricing.correlation.groups.{gname}: no stochastic cost line with code {code!r}"
                )
            elif code_of[code] in group_of:
                problems.append(
                    f"pricing.correlation.groups.{gname}: line {code!r} is already in group "
                    f"{group_of[code_of[code]]!r}"
                )
            else:
                group_of[code_of[code]] = gname
    if problems:
        raise InputError("; ".join(problems))
    members: dict[tuple[str, str], list[int]] = {}
    for i, ln in enumerate(lines):
        # a line without a category shares no correlation with others (issue 11 item 8): joining
        # every uncategorised line in one block would widen the band many times over
        key = (
            ("group", group_of[i])
            if i in group_of
            else (("category", ln.category) if ln.category else ("line", str(i)))
        )
        members.setdefault(key, []).append(i)
    blocks = []
    for (kind, name), rows in members.items():
        target = corr.within_group if kind == "group" else corr.within_category
        rho, repaired = repair_block(target, len(rows))
        if repaired:
            warnings.append(
                f"correlation {target} within {kind} {name or '(none)'!r} of {len(rows)} lines is not a valid "
                f"correlation matrix (the lowest possible is {-1 / (len(rows) - 1):.3f}); repaired to that bound "
                "/ 相关系数矩阵非半正定，已修正"
            )
        blocks.append(_Block(f"{kind} {name}", rho if len(rows) > 1 else 0.0, rows))
    notes.append(
        f"cost lines are rank-correlated {corr.within_category} within a category (lines without a category "
        "are independent)"
        + (f" and {corr.within_group} within each named group" if corr.groups else "")
        + (
            " (the documented default; a correlated cost is why independent lines understate risk)"
            if "within_category" not in corr.model_fields_set
            else ""
        )
    )
    return blocks


class _LineTables:
    """Each block's lines' lookup tables (quantity × unit cost at the fine z-grid points), one
    (lines, FINE_STEPS + 1) float32 array per group of a block's lines: kept for the whole run when
    they take at most a quarter of a chunk's memory (one group per block), otherwise rebuilt when
    used, GROUP lines at a time."""

    GROUP = 256

    def __init__(self, lines: list[tuple[Marginal, float]], blocks: list[_Block]) -> None:
        self.lines = lines
        self.rows = [np.array(blk.rows, dtype=np.int64) for blk in blocks]
        keep = len(lines) * (FINE_STEPS + 1) <= CHUNK_CELLS // 4
        self.kept = [self._build(rows) for rows in self.rows] if keep else None

    def _build(self, rows: np.ndarray) -> np.ndarray:
        out = np.empty((rows.size, FINE_STEPS + 1), dtype=np.float32)
        for q, r in enumerate(rows):
            m, quantity = self.lines[r]
            out[q] = m.table(quantity)
        return out

    def groups(self, b: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(rows, tables) of block b's lines, in order, a group at a time."""
        if self.kept is not None:
            yield self.rows[b], self.kept[b]
            return
        for g in range(0, self.rows[b].size, self.GROUP):
            rows = self.rows[b][g : g + self.GROUP]
            yield rows, self._build(rows)


def _chunk_totals(
    key: int,
    rng: np.random.Generator,
    span: tuple[int, int, int],
    const: float,
    blocks: list[_Block],
    tables: _LineTables,
    index: np.ndarray,
    risk_m: list,
    risk_mat: np.ndarray,
    run: ModuleType,
) -> np.ndarray:
    """One chunk of n iterations from `start` (span = (start, n, iterations)): each line's grid
    index into `index`, each risk's cost into `risk_mat`; returns the n totals (float64)."""
    start, n, iterations = span
    t = np.full(n, const)
    lines = index.shape[0]
    for b, blk in enumerate(blocks):
        streams = grid_streams(key, blk.rows, n, start, iterations, blk.rho, lines + b, run.scores)
        if shares_offset(len(blk.rows), blk.rho):
            _, _, scale, offset = next(streams)  # the same for every line of the block
            for rows, tabs in tables.groups(b):
                firsts = rows.astype(np.uint64) * np.uint64(iterations) + np.uint64(start)
                run.draw_lookup_add_lines(key, firsts, scale, offset, tabs, rows, index, t)
            continue
        groups = tables.groups(b)
        rows, tabs = next(groups)
        q = 0
        for r, (_, e, scale, offset) in zip(blk.rows, streams, strict=True):
            if q == rows.size:
                rows, tabs, q = *next(groups), 0
            run.lookup_add(e, scale, offset, tabs[q], index[r, :n], t)
            q += 1
    for j, (risk, m) in enumerate(risk_m):
        hit = rng.random(n) < risk.probability
        impact = m.from_z(rng.standard_normal(n, dtype=np.float32))
        risk_mat[j, :n] = np.where(hit, impact, np.float32(0))
        t += risk_mat[j, :n]
    return t


def _add_covariances(
    cov: np.ndarray,
    centred: np.ndarray,
    means: np.ndarray,
    tables: _LineTables,
    index: np.ndarray,
    risks: np.ndarray,
    add_covariances: Callable[..., None],
) -> None:
    """cov[i] += Σ (item i's value − its mean)·(total − mean total) over the chunk."""
    for b in range(len(tables.rows)):
        for rows, tabs in tables.groups(b):
            add_covariances(tabs, rows, index, centred, cov)
    if risks.shape[0]:
        cov[index.shape[0] :] += risks @ centred
    cov -= means * float(centred.sum())


def simulate_costs(
    costs: CostModel,
    pricing: PricingSection,
    iterations: int,
    seed: np.random.SeedSequence,
    progress: Callable[[int], None] | None = None,
) -> CostSim:
    """Sample the total cost ex VAT `iterations` times. `progress(done)` is called per chunk."""
    if iterations < 1:
        raise InputError("iterations must be at least 1")
    warnings: list[str] = []
    notes: list[str] = []
    indirect = 1 + float(pricing.overhead) + float(pricing.management_fee)
    const = 0.0
    likely = 0.0
    stoch = []  # (line, marginal, quantity)
    items: list[Item] = []
    for ln in costs.lines:
        q = float(ln.quantity)
        likely += q * float(ln.likely)
        m = Marginal.three_point(ln.distribution, float(ln.low), float(ln.likely), float(ln.high))
        if m.kind == "fixed" or q == 0:
            const += q * m.mean
        else:
            stoch.append((ln, m, q))
    risk_m = [(r, Marginal.of(r.impact)) for r in pricing.risks]
    blocks = _blocks([s[0] for s in stoch], pricing, warnings, notes)
    for ln, m, q in stoch:
        items.append(Item("line", ln.description, ln.code, q * m.mean))
    for risk, m in risk_m:
        items.append(Item("risk", risk.name, None, risk.probability * m.mean))
    means = np.array([it.mean for it in items], dtype=np.float64)
    mean_total = const + float(means.sum())

    rows = len(items)
    chunk = chunk_size(rows)
    tables = _LineTables([(m, q) for _, m, q in stoch], blocks)
    n_chunks = math.ceil(iterations / chunk)
    total = np.empty(iterations, dtype=np.float64)
    cov = np.zeros(rows, dtype=np.float64)
    chunk_seeds = seed.spawn(n_chunks)
    # reused buffers: fresh arrays this size would each cost page faults. Each line's grid index
    # (uint16) is kept for the covariances, not its value: half the memory traffic.
    width = min(chunk, iterations)
    index = np.empty((len(stoch), width), dtype=np.uint16)
    risk_mat = np.empty((len(risk_m), width), dtype=np.float32)
    run = passes(len(stoch) * iterations)
    key = key_of(seed)
    for ci in range(n_chunks):
        start = ci * chunk
        n = min(chunk, iterations - start)
        rng = np.random.default_rng(chunk_seeds[ci])
        t = _chunk_totals(
            key, rng, (start, n, iterations), const, blocks, tables, index, risk_m, risk_mat, run
        )
        centred = t - mean_total
        _add_covariances(cov, centred, means, tables, index, risk_mat[:, :n], run.add_covariances)
        total[start : start + n] = t
        if progress:
            progress(start + n)
    var_direct = float(total.var())
    if iterations > 1:
        cov /= iterations
        # covariance with the total: Σ cov = var (up to the mean correction), scale to the exact var
        s = cov.sum()
        if s > 0 and var_direct > 0:
            cov *= var_direct / s
    for it, c in zip(items, cov, strict=True):
        it.cov = float(c) * indirect * indirect
    total *= indirect
    return CostSim(
        total=total,
        likely=likely * indirect,
        items=items,
        indirect_factor=indirect,
        warnings=warnings,
        notes=notes,
    )
