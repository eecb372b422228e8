"""The three kinds of fake key account (假大户) and the signs of defection (叛离), each flag with
the evidence that raised it. Thresholds come from the profile.

- one_off: looks big, ordered at most a couple of times, and the repeat-purchase model (modified
  BG/NBD over every customer's orders) says it has probably gone;
- volume_without_profit: looks big and repeats, but its margin after financing cost and cost to
  serve is below its tier's floor;
- squeezer: enough of four signals — margin offered falling tender after tender, days to pay
  growing, penalties and claims, trap findings in its contracts;
- defection: a real account going quiet — silent far longer than its usual gap, orders in the last
  year well below the year before, tenders lost to the same competitor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from bidassist.accounts.bgnbd import BGNBD, fit, summarise
from bidassist.accounts.book import Book
from bidassist.accounts.profile import Profile
from bidassist.accounts.tiers import TierPlace
from bidassist.accounts.value import CustomerValue
from bidassist.core.errors import InputError

YEAR = dt.timedelta(days=365)
WEEK_DAYS = 7.0
#: without a fitted model, a one-off buyer is one silent for longer than this
SILENCE_WITHOUT_MODEL = dt.timedelta(days=365)
#: defection needs a history: at least this many orders
MIN_ORDERS_FOR_RHYTHM = 3
LOOKBACK_LOST = dt.timedelta(days=730)


@dataclass(frozen=True)
class Flag:
    name: str
    evidence: tuple[str, ...]
    values: dict[str, float | int | str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class RepeatModel:
    """The repeat-purchase model fitted on the whole book, or why there is none."""

    model: BGNBD | None
    p_alive: dict[str, float]  # key (customer or group) -> P(alive) at the analysis date
    note: str


def fit_repeat_model(book: Book, keys: list[str]) -> RepeatModel:
    orders = [(key, o.date) for key in keys for o in book.subset(book.members(key)).orders]
    if not orders:
        return RepeatModel(None, {}, "no orders in the store")
    ids, s = summarise(orders, book.as_of, unit_days=WEEK_DAYS)
    try:
        model = fit(s, "mbg")
    except InputError as exc:
        return RepeatModel(None, {}, f"repeat-purchase model not fitted: {exc.message}")
    alive = model.p_alive(s.x, s.t_x, s.T)
    return RepeatModel(
        model,
        dict(zip(ids, (float(p) for p in alive), strict=True)),
        f"modified BG/NBD over {len(ids)} customers",
    )


def one_off(v: CustomerValue, place: TierPlace, rm: RepeatModel, book: Book, profile: Profile) -> Flag | None:
    rule = profile.flags.one_off
    if v.orders == 0 or v.orders > rule.max_orders or place.revenue_share < profile.big_revenue_share:
        return None
    p = rm.p_alive.get(v.key)
    silent = (book.as_of - v.last_order).days if v.last_order else None
    if p is not None:
        if p >= rule.p_alive_below:
            return None
        why = f"P(alive) {p:.2f} < {rule.p_alive_below} ({rm.note})"
    elif silent is None or silent <= SILENCE_WITHOUT_MODEL.days:
        return None
    else:
        why = f"silent {silent} days ({rm.note})"
    return Flag(
        "one_off",
        (
            f"{v.orders} order(s), the last on {v.last_order}, {silent} days ago",
            f"{place.revenue_share:.1%} of our revenue",
            why,
        ),
        {"orders": v.orders, "p_alive": p, "days_silent": silent},
    )


def volume_without_profit(v: CustomerValue, place: TierPlace, profile: Profile) -> Flag | None:
    floor = profile.margin_floor.of(place.tier)
    if (
        place.revenue_share < profile.big_revenue_share
        or v.orders <= profile.flags.one_off.max_orders
        or v.margin is None
        or v.margin >= floor
    ):
        return None
    return Flag(
        "volume_without_profit",
        (
            f"{place.revenue_share:.1%} of our revenue over {v.orders} orders",
            f"margin after financing and cost to serve {v.margin:.1%} < tier {place.tier} floor {floor:.0%}",
            f"financing cost {v.financing_cost}, cost to serve {v.cost_to_serve}, penalties {v.penalties}",
        ),
        {"margin": v.margin, "floor": float(floor), "revenue_share": place.revenue_share},
    )


def _margin_slope(v: CustomerValue) -> float | None:
    ys = [m for _, m in v.tenders.margins]
    if len(ys) < 2:
        return None
    return float(np.polyfit(np.arange(len(ys), dtype=float), np.array(ys), 1)[0])


def squeezer(v: CustomerValue, profile: Profile) -> Flag | None:
    rule = profile.flags.squeezer
    signals: list[str] = []
    slope = _margin_slope(v) if len(v.tenders.margins) >= rule.min_tenders else None
    if slope is not None and slope < rule.margin_slope_below:
        signals.append(f"margin offered falls {-slope:.1%} per tender over {len(v.tenders.margins)} tenders")
    paid = sum(1 for i in v.payments.invoices if i.open == 0)
    dso_slope = v.payments.dso_slope_per_year if paid >= rule.min_tenders else None
    if dso_slope is not None and dso_slope > rule.dso_slope_above:
        signals.append(f"days to pay grow {dso_slope:.0f} days a year over {paid} paid invoices")
    share = float(v.penalties / v.revenue) if v.revenue else 0.0
    if share > rule.penalties_share_above:
        signals.append(f"penalties and claims {v.penalties} = {share:.1%} of revenue")
    if v.high_findings >= rule.findings_at_least:
        cats = ", ".join(sorted(v.findings))
        signals.append(f"{v.high_findings} high-severity trap findings in its contracts ({cats})")
    if len(signals) < rule.signals_needed:
        return None
    return Flag(
        "squeezer",
        tuple(signals),
        {
            "margin_slope": slope,
            "dso_slope": dso_slope,
            "penalty_share": share,
            "high_findings": v.high_findings,
        },
    )


def _silence(v: CustomerValue, book: Book, ratio: float) -> str | None:
    days = sorted({o.date for o in book.subset(v.members).orders})
    if len(days) < MIN_ORDERS_FOR_RHYTHM:
        return None
    usual = float(np.median(np.diff([d.toordinal() for d in days])))
    silent = (book.as_of - days[-1]).days
    if usual > 0 and silent > ratio * usual:
        return f"silent {silent} days against a usual gap of {usual:.0f} days"
    return None


def _rate_drop(v: CustomerValue, book: Book, ratio: float) -> str | None:
    days = {o.date for o in book.subset(v.members).orders}
    last = sum(book.as_of - YEAR < d <= book.as_of for d in days)
    before = sum(book.as_of - 2 * YEAR < d <= book.as_of - YEAR for d in days)
    if before >= 2 and last < ratio * before:
        return f"{last} order(s) in the last year against {before} the year before"
    return None


def defection(v: CustomerValue, book: Book, profile: Profile) -> Flag | None:
    rule = profile.flags.defection
    signals = [s for s in (_silence(v, book, rule.gap_ratio), _rate_drop(v, book, rule.rate_drop_below)) if s]
    recent = [
        t
        for t in book.subset(v.members).tenders
        if t.outcome == "lost" and t.winner and t.date > book.as_of - LOOKBACK_LOST
    ]
    for winner in sorted({t.winner for t in recent if t.winner}):
        n = sum(t.winner == winner for t in recent)
        if n >= rule.lost_to_same_competitor:
            signals.append(f"{n} tenders lost to {winner} in the last two years")
    if not signals or v.orders < MIN_ORDERS_FOR_RHYTHM:
        return None
    return Flag("defection", tuple(signals))
