"""Competitors: how many bid and what they bid.

Three models (bid file `pricing.competitors`): bids in money (`price`), bids as a multiple of our
expected cost (`ratio`, Friedman/Gates style) or ratios fitted from past tenders (`history`).
A common factor (`common_factor`) correlates the competitors' bids (shared market prices).
Also the closed-form Friedman and Gates win probabilities (pricing.md), for checks and reports.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

import numpy as np

from bidassist.core.bidfile import Competitors, CountChoice, History
from bidassist.core.errors import InputError, Problem, ProblemsError
from bidassist.core.money import parse_amount
from bidassist.core.safeio import check_zip, read_text
from bidassist.pricing.sampling import Marginal, factor_scores

# --------------------------------------------------------------------------- closed forms


def friedman_p_win(p_beat: list[float]) -> float:
    """Friedman (1956): P(win) = Π p_i, p_i = P(we bid below competitor i)."""
    return float(np.prod(p_beat))


def gates_p_win(p_beat: list[float]) -> float:
    """Gates (1967): P(win) = 1 / (1 + Σ (1 − p_i)/p_i)."""
    if any(p <= 0 for p in p_beat):
        return 0.0
    return 1.0 / (1.0 + sum((1 - p) / p for p in p_beat))


def empirical_p_beat(ratios: list[float], markup: float) -> float:
    """Share of past competitor ratios strictly above 1 + markup (a tie is a loss)."""
    r = np.asarray(ratios, dtype=float)
    return float(np.mean(r > 1 + markup + 1e-12)) if r.size else 0.0


# --------------------------------------------------------------------------- history


_ALIASES = {
    "tender": ("tender", "tender_id", "letting", "project", "招标编号", "项目", "项目编号"),
    "bidder": ("bidder", "name", "competitor", "company", "vendor", "投标人", "单位"),
    "price": ("price", "bid", "amount", "unit_price", "bid_price", "报价", "投标报价", "投标价"),
    "estimate": (
        "estimate",
        "reference",
        "cost_estimate",
        "our_estimate",
        "engineer_estimate",
        "估算",
        "成本估算",
        "控制价",
    ),
    "winner": ("winner", "won", "status", "result", "中标"),
    "year": ("year", "date", "年份", "日期"),
    "buyer": ("buyer", "district", "customer", "client", "purchaser", "采购人", "招标人", "业主"),
}
_WON = {"won", "win", "winner", "yes", "y", "true", "1", "中标", "是"}
_REJECTED = {"rejected", "invalid", "废标", "无效"}


@dataclass
class HistoryBid:
    tender: str
    bidder: str
    price: float
    estimate: float | None
    won: bool
    year: float | None
    where: str
    buyer: str | None = None


@dataclass
class CompetitorFit:
    name: str
    tenders: int
    wins: int
    mean_ratio: float
    sd_ratio: float
    mu: float  # fitted lognormal of the ratio (shrunk towards the pool)
    sigma: float


@dataclass
class HistoryFit:
    reference: str
    named: list[CompetitorFit]
    unknown: CompetitorFit
    participation: list[float]  # per named competitor: bids / all competitor bids
    unknown_share: float
    counts: list[int]  # competitors per tender (excluding us)
    tenders: int
    screened: int
    warnings: list[str] = field(default_factory=list)
    out_of_sample: dict | None = None  # the calibrated model's own walk-forward score

    def summary(self) -> list[dict]:
        rows = [self.unknown] + self.named
        return [
            {
                "name": f.name,
                "tenders": f.tenders,
                "wins": f.wins,
                "mean_ratio": round(f.mean_ratio, 4),
                "spread": round(f.sd_ratio, 4),
                "lognormal_mu": round(f.mu, 4),
                "lognormal_sigma": round(f.sigma, 4),
            }
            for f in rows
        ]


def _header_map(header: list[str], where: str) -> dict[str, int]:
    norm = [str(h or "").strip().lower() for h in header]
    out: dict[str, int] = {}
    for key, names in _ALIASES.items():
        for i, h in enumerate(norm):
            if h in names and key not in out:
                out[key] = i
    missing = [k for k in ("tender", "bidder", "price") if k not in out]
    if missing:
        raise InputError(
            f"history file needs columns {', '.join(missing)} (found: {', '.join(header)})", where
        )
    return out


def _rows(path: Path) -> list[list[object]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        check_zip(path, what="history workbook")
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
        finally:
            wb.close()
    text = read_text(path, what="history file")
    return [list(r) for r in csv.reader(io.StringIO(text))]


def load_history(path: Path) -> list[HistoryBid]:
    """Read a past-bids CSV/XLSX: one row per bid (tender, bidder, price [, estimate, winner/status, year,
    buyer]). The one seam through which history enters pricing: another source (a database) only has
    to yield the same `HistoryBid` rows."""
    path = Path(path)
    rows = _rows(path)
    if not rows:
        raise InputError("history file is empty", str(path))
    cols = _header_map([str(h) if h is not None else "" for h in rows[0]], str(path))
    bids: list[HistoryBid] = []
    problems: list[Problem] = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(str(c or "").strip() for c in row):
            continue
        where = f"{path.name}:{n}"

        def cell(key: str, row: list[object] = row) -> str:
            i = cols.get(key)
            return "" if i is None or i >= len(row) or row[i] is None else str(row[i]).strip()

        try:
            price = float(parse_amount(cell("price")))
        except InputError as exc:
            problems.append(Problem(where, f"price {cell('price')!r}: {exc.message}"))
            continue
        if price <= 0:
            problems.append(Problem(where, f"price must be positive, got {cell('price')}"))
            continue
        est = None
        if cell("estimate"):
            try:
                est = float(parse_amount(cell("estimate")))
            except InputError as exc:
                problems.append(Problem(where, f"estimate {cell('estimate')!r}: {exc.message}"))
                continue
        status = cell("winner").lower()
        if status in _REJECTED:
            continue
        year = None
        if cell("year"):
            try:
                year = float(cell("year")[:4])
            except ValueError:
                year = None
        if not cell("tender"):
            problems.append(Problem(where, "tender must not be empty"))
            continue
        # a bid with no bidder name still counts; it joins the 'unknown competitor' pool
        bidder = cell("bidder") or f"(unnamed, row {n})"
        bids.append(
            HistoryBid(cell("tender"), bidder, price, est, status in _WON, year, where, cell("buyer") or None)
        )
    if problems:
        raise ProblemsError(problems, "history file has problems")
    return bids


def load_store_history(spec: History) -> list[HistoryBid]:
    """The same rows as `load_history`, read from the bid-history store with the spec's filters."""
    from bidassist.store.history_source import store_history_rows

    fields = HistoryBid.__dataclass_fields__
    return [
        HistoryBid(**{k: v for k, v in row.items() if k in fields})
        for row in store_history_rows(
            spec.db, beside=spec.base_dir, buyer=spec.buyer, category=spec.category, since=spec.since
        )
    ]


def _wmean_sd(x: np.ndarray, w: np.ndarray) -> tuple[float, float]:
    m = float(np.average(x, weights=w))
    v = float(np.average((x - m) ** 2, weights=w)) if x.size > 1 else 0.0
    return m, math.sqrt(v * x.size / (x.size - 1)) if x.size > 1 else 0.0


def _reference(tb: list[HistoryBid], spec: History) -> float | None:
    """The price a tender's bids are divided by (None: the tender has no usable reference)."""
    if spec.reference == "estimate":
        ests = [b.estimate for b in tb if b.estimate]
        return ests[0] if ests else None
    if len(tb) < 2:
        return None
    prices = np.array([b.price for b in tb])
    return float(np.median(prices)) if spec.reference == "median" else float(prices.min())


def _tender_ratios(
    bids: list[HistoryBid], spec: History, where: str
) -> tuple[dict[str, list[tuple[float, float, bool]]], list[int], int, int]:
    """(ratios per bidder as (ratio, weight, won), rivals per tender, tenders skipped, tenders)."""
    if spec.reference == "estimate" and not any(b.estimate for b in bids):
        raise InputError(
            "reference: estimate needs an estimate column (estimate / 控制价), and the history has "
            "none; use reference: median (or lowest) / 历史数据没有估算价列，请改用 reference: median",
            where,
        )
    us = spec.us.strip().lower() if spec.us else None
    by_tender: dict[str, list[HistoryBid]] = {}
    for b in bids:
        by_tender.setdefault(b.tender, []).append(b)
    latest = max((b.year for b in bids if b.year is not None), default=None)
    ratios: dict[str, list[tuple[float, float, bool]]] = {}
    counts: list[int] = []
    skipped = 0
    for tb in by_tender.values():
        ref = _reference(tb, spec)
        if ref is None:
            skipped += 1
            continue
        others = [b for b in tb if b.bidder.strip().lower() != us]
        counts.append(len(others))
        for b in others:
            w = 1.0
            if spec.half_life_years and b.year is not None and latest is not None:
                w = 0.5 ** ((latest - b.year) / spec.half_life_years)
            ratios.setdefault(b.bidder, []).append((b.price / ref, w, b.won))
    return ratios, counts, skipped, len(by_tender)


def fit_history(bids: list[HistoryBid], spec: History, *, where: str = "history") -> HistoryFit:
    """Each competitor's bid/reference ratio as a lognormal (weighted by recency when asked), with a
    pooled 'unknown competitor' for bidders seen on fewer than `min_tenders` tenders."""
    warnings: list[str] = []
    ratios, counts, skipped, n_tenders = _tender_ratios(bids, spec, where)
    if skipped:
        warnings.append(f"{skipped} past tenders without a usable reference ({spec.reference}) were skipped")
    all_r = np.array([r for v in ratios.values() for r, _, _ in v])
    if all_r.size < 3:
        raise InputError(
            f"history gives {all_r.size} usable competitor bids; at least 3 are needed to fit a distribution",
            where,
        )
    # screen outliers: |log r − median| > 5 robust sd (floor 0.05)
    logs = np.log(all_r)
    med = float(np.median(logs))
    mad = float(np.median(np.abs(logs - med))) * 1.4826
    cut = 5 * max(mad, 0.05)
    screened = 0
    fits: list[CompetitorFit] = []
    pool_x: list[float] = []
    pool_w: list[float] = []
    rare: list[str] = []
    per: dict[str, tuple[np.ndarray, np.ndarray, int, int]] = {}
    for name, v in ratios.items():
        x = np.log(np.array([r for r, _, _ in v]))
        w = np.array([wt for _, wt, _ in v])
        keep = np.abs(x - med) <= cut
        screened += int((~keep).sum())
        per[name] = (x[keep], w[keep], len(v), sum(1 for _, _, won in v if won))
        pool_x += list(x[keep])
        pool_w += list(w[keep])
    px, pw = np.array(pool_x), np.array(pool_w)
    mu0, s0 = _wmean_sd(px, pw)
    prior = 2.0  # pseudo-tenders of shrinkage towards the pool
    unknown_x: list[float] = []
    unknown_w: list[float] = []
    unknown_bids = 0
    named_bids: list[int] = []
    for name, (x, w, seen, wins) in sorted(per.items(), key=lambda kv: -kv[1][2]):
        if seen < spec.min_tenders or x.size < 2:
            rare.append(name)
            unknown_x += list(x)
            unknown_w += list(w)
            unknown_bids += seen
            continue
        m, s = _wmean_sd(x, w)
        neff = float(w.sum() ** 2 / (w**2).sum())
        mu = (neff * m + prior * mu0) / (neff + prior)
        sigma = math.sqrt((neff * s * s + prior * s0 * s0) / (neff + prior))
        r = np.exp(x)
        fits.append(
            CompetitorFit(name, seen, wins, float(r.mean()), float(r.std(ddof=1)), mu, max(sigma, 1e-4))
        )
        named_bids.append(seen)
    if rare:
        shown = ", ".join(rare[:8]) + (f" and {len(rare) - 8} more" if len(rare) > 8 else "")
        warnings.append(
            f"{len(rare)} bidder(s) seen on fewer than {spec.min_tenders} tenders ({shown}) cannot "
            "be fitted alone; they form the 'unknown competitor' distribution / 投标次数过少的对手并入"
            "“未知对手”分布"
        )
    if len(unknown_x) >= 2:
        ux, uw = np.array(unknown_x), np.array(unknown_w)
        um, us_ = _wmean_sd(ux, uw)
    else:
        um, us_ = mu0, s0
    ur = np.exp(np.array(unknown_x)) if unknown_x else np.exp(px)
    unknown = CompetitorFit(
        "(unknown competitor)",
        unknown_bids,
        0,
        float(ur.mean()),
        float(ur.std(ddof=1)) if ur.size > 1 else 0.0,
        um,
        max(us_, 1e-4),
    )
    total_bids = sum(named_bids) + unknown_bids
    part = [b / total_bids for b in named_bids]
    if screened:
        warnings.append(f"{screened} outlying bid ratio(s) (more than 5 robust sd from the median) left out")
    return HistoryFit(
        spec.reference,
        fits,
        unknown,
        part,
        unknown_bids / total_bids,
        counts,
        n_tenders - skipped,
        screened,
        warnings,
    )


# --------------------------------------------------------------------------- sampling


@dataclass
class CompetitorModel:
    """Samples competitor bids in money: bids (n, columns) and counts (n,)."""

    count_values: np.ndarray
    count_weights: np.ndarray
    marginals: list[Marginal]  # one per identity (named), plus `unknown` used for the remaining slots
    unknown: Marginal | None
    identity_weights: np.ndarray | None  # history: named participation weights; else None
    unknown_weight: float
    scale: float  # money per unit of the marginal (1 for price, reference for ratio/history)
    common: float
    description: str
    fit: HistoryFit | None = None
    level_sd: float = 0.0  # sd (logs) of a level shock shared by all rivals: the reference is a forecast
    p_not_lowest: float = 0.0  # chance the lowest bid is not awarded (lowest price; from history)

    @property
    def max_count(self) -> int:
        return int(self.count_values.max())

    def sample_counts(self, rng: np.random.Generator, n: int) -> np.ndarray:
        if self.count_values.size == 1:
            return np.full(n, int(self.count_values[0]))
        return rng.choice(self.count_values, size=n, p=self.count_weights)

    def sample_qmc(self, rng: np.random.Generator, n: int, columns: int) -> tuple[np.ndarray, np.ndarray]:
        """Counts (n,) and bids (n, columns) from one scrambled Sobol sequence (randomised quasi-Monte
        Carlo): dimension 0 picks the count by its inverse CDF, 1 the common factor, the rest the
        rivals' scores. Only for bids in money or as ratios (no identities); benchmarks/bench_variance.py
        measures the gain."""
        import warnings

        from scipy.special import ndtri
        from scipy.stats import qmc

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # n need not be a power of 2
            u = qmc.Sobol(d=columns + 2, scramble=True, seed=rng).random(n)
        u = np.clip(u, 1e-12, 1 - 1e-12)
        cdf = np.cumsum(self.count_weights)
        idx = np.minimum(np.searchsorted(cdf, u[:, 0], side="right"), cdf.size - 1)
        counts = self.count_values[idx]
        if self.common > 0:
            z = math.sqrt(1 - self.common) * ndtri(u[:, 2:]) + math.sqrt(self.common) * ndtri(u[:, 1:2])
            bids = self.marginals[0].from_z(z) * self.scale
        else:  # no common factor: the rivals' points are their probabilities (no round trip through z)
            bids = self.marginals[0].from_u(u[:, 2:]) * self.scale
        if self.level_sd > 0:
            bids *= np.exp(self.level_sd * rng.standard_normal((n, 1)))
        return counts, bids

    def sample_bids(self, rng: np.random.Generator, n: int, columns: int) -> np.ndarray:
        """(n, columns) float64 bids for competitor slots 0..columns-1 (a slot is used when < count).
        Float64, not float32: a float32 bid rounds onto round prices (105 + 4e-6 → 105.0) and turns a
        sure win just below the rivals into a tie."""
        if self.identity_weights is None:
            # a block at a time: the same values, a fraction of the temporaries (5 arrays of n x columns)
            z32 = factor_scores(rng, n, columns, self.common)
            out = self.marginals[0].from_z_blocks(z32, BID_BLOCK, np.float64)
        else:
            z = factor_scores(rng, n, columns, self.common).astype(np.float64)
            if self.unknown is None:
                raise ValueError("identity weights need the unknown competitor's marginal")
            k = len(self.marginals)
            w = np.concatenate([self.identity_weights, np.full(columns, self.unknown_weight / columns)])
            logw = np.log(np.where(w > 0, w, 1e-300))
            keys = logw[None, :] + rng.gumbel(size=(n, k + columns))
            ident = np.argsort(-keys, axis=1)[:, :columns]  # sampling without replacement
            out = np.empty((n, columns), dtype=np.float64)
            for i, m in enumerate([*self.marginals, self.unknown]):
                sel = (ident == i) if i < k else (ident >= k)
                if sel.any():
                    out[sel] = m.from_z(z[sel])
        out *= self.scale
        if self.level_sd > 0:
            out *= np.exp(self.level_sd * rng.standard_normal((n, 1)))
        return out


#: openings whose bids are made from their normal scores at a time (sample_bids)
BID_BLOCK = 65_536


def _count_dist(count: int | CountChoice) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(count, int):
        return np.array([count]), np.array([1.0])
    vals = np.array(count.values)
    w = np.array(count.weights if count.weights is not None else [1.0] * len(vals), dtype=float)
    return vals, w / w.sum()


def build_model(
    spec: Competitors, expected_cost: float, *, where: str = "pricing.competitors"
) -> CompetitorModel:
    """The sampler for a bid file's competitors; `expected_cost` is our expected cost on the bids' basis."""
    vals, w = _count_dist(spec.count)
    if spec.price is not None:
        m = Marginal.of(spec.price)
        return CompetitorModel(
            vals, w, [m], None, None, 0.0, 1.0, spec.common_factor, f"bids in money: {spec.price.dist}"
        )
    if spec.ratio is not None:
        m = Marginal.of(spec.ratio)
        return CompetitorModel(
            vals,
            w,
            [m],
            None,
            None,
            0.0,
            expected_cost,
            spec.common_factor,
            f"bids = ratio × our expected cost ({expected_cost:,.2f}): {spec.ratio.dist}",
        )
    hist = spec.history
    assert hist is not None
    bids = load_history(hist.file) if hist.file is not None else load_store_history(hist)
    fit = fit_history(bids, hist, where=str(hist.file or "pricing.competitors.history.db"))
    level_sd = 0.0
    lam = float(hist.p_lowest_not_awarded or 0.0)
    cal = calibrate_history(bids)
    if cal is not None:
        fit.out_of_sample, level_sd, rivals = cal
        if hist.p_lowest_not_awarded is None:
            lam = float(fit.out_of_sample.get("p_lowest_not_awarded", 0.0))
        if "count" not in spec.model_fields_set and rivals:
            cv, cc = np.unique(np.array(rivals), return_counts=True)
            vals, w = cv, cc / cc.sum()
    elif "count" not in spec.model_fields_set:
        cv, cc = np.unique(np.array([c for c in fit.counts if c > 0]), return_counts=True)
        if cv.size:
            vals, w = cv, cc / cc.sum()
    scale = float(hist.reference_price) if hist.reference_price is not None else expected_cost
    marg = [Marginal("lognormal", f.mu, f.sigma) for f in fit.named]
    return CompetitorModel(
        vals,
        w,
        marg,
        Marginal("lognormal", fit.unknown.mu, fit.unknown.sigma),
        np.array(fit.participation),
        fit.unknown_share,
        scale,
        spec.common_factor,
        f"fitted from {hist.label}: {len(fit.named)} named competitors, "
        f"{fit.tenders} tenders, ratio to the {fit.reference}",
        fit,
        level_sd,
        lam,
    )


def calibrate_history(bids: list[HistoryBid]) -> tuple[dict, float, list[int]] | None:
    """Walk the calibrated model (calibration.py) through the history: its own out-of-sample score,
    the sd of the reference-level forecast error (logs) and the rivals per letting (bidders − 1,
    zero included). None when the history has no years."""
    from bidassist.pricing.backtest import brier, calibration_slope, log_loss
    from bidassist.pricing.calibration import CalibratedModel, group_lettings

    lettings = group_lettings(bids)
    if not lettings:
        return None
    model = CalibratedModel()
    for _, group in groupby(lettings, key=lambda t: t.year):
        model.add_year(list(group))
    p, y = model.oos()
    score: dict = {"n_bids": int(p.size), "p_lowest_not_awarded": round(model.p_lowest_not_awarded, 4)}
    if p.size:
        one_n = np.concatenate(
            [np.full(len(t.bidders), 1 / len(t.bidders)) for t in lettings if len(t.bidders) >= 2]
        )[-p.size :]
        score |= {
            "brier": round(brier(p, y), 5),
            "log_loss": round(log_loss(p, y), 5),
            "calibration_slope": round(calibration_slope(p, y), 4),
            "one_over_n": {"brier": round(brier(one_n, y), 5), "log_loss": round(log_loss(one_n, y), 5)},
        }
    sd = model.levels.known.bias_sd(0.0)[1]
    return score, sd, [len(t.bidders) - 1 for t in lettings]
