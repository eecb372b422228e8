"""Bid / bid with conditions / no-bid for one tender: the customer's tier and flags, P(win) and
expected profit from pricing (priced with the customer's real days to pay and its tier's margin
floor), and the traps in the draft contract. Every threshold is in the profile.

The decision is a list of reasons, each with the evidence behind it; conditions say what to
negotiate (the margin floor, the payment terms, the clauses to strike).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from bidassist.accounts.assess import Account
from bidassist.accounts.profile import Profile

Verdict = Literal["bid", "bid_with_conditions", "no_bid"]
HIGH = "high"
#: findings of the comparison with the tender: the contract must match the tender and the bid
#: (招标投标法实施条例 art. 57), so these are terms to restore, not reasons to walk away
RESTORE = frozenset({"payment.schedule_changed", "deviation.price", "deviation.term"})
CENT = Decimal("0.01")


@dataclass(frozen=True)
class PricingView:
    """What the decision needs from pricing, at the recommended price."""

    price: Decimal
    p_win: float
    expected_profit: Decimal
    margin: float  # over expected cost
    break_even: Decimal  # the lowest price that covers expected cost (financing included)
    nominal_days: float | None  # the contract's amount-weighted payment days
    priced_days: float | None  # the days the price's financing cost was computed with
    status: str = "bid"  # the pricing engine's own verdict: bid | below_break_even | do_not_bid
    status_reason: str = ""


@dataclass(frozen=True)
class ContractTrap:
    category: str
    severity: str
    clause: str | None
    message: str
    fallback: str | None = None


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    reasons: tuple[str, ...]
    conditions: tuple[str, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    margin_floor: float | None = None
    min_price: Decimal | None = None


def _account_reasons(account: Account | None, profile: Profile) -> tuple[list[str], list[str], list[str]]:
    """(no-bid reasons, conditions, notes) from the customer's tier and flags. A no-bid flag on a
    tier-A account becomes a condition: it still makes us money, but only on stricter terms."""
    if account is None:
        return [], [], ["new customer: no history in the store, decided on this tender alone"]
    blocking, conditions, notes = [], [], [account.place.explain()]
    for flag in account.flags:
        line = f"{flag.name}: " + "; ".join(flag.evidence)
        if flag.name not in profile.decide.no_bid_flags:
            notes.append(line)
        elif account.place.tier == "A":
            conditions.append(
                f"tier A but {line} — bid only at the tier C margin floor and with its traps struck"
            )
        else:
            blocking.append(line)
    return blocking, conditions, notes


def _pricing_reasons(view: PricingView, profile: Profile) -> list[str]:
    out = []
    if view.status != "bid":
        out.append(f"pricing: {view.status.replace('_', ' ')} — {view.status_reason}")
    elif view.expected_profit <= 0:
        out.append(f"no price with positive expected profit (best {view.expected_profit} at {view.price})")
    if view.p_win < profile.decide.min_p_win:
        out.append(f"P(win) {view.p_win:.1%} < {profile.decide.min_p_win:.0%} at the recommended price")
    return out


def _payment_condition(account: Account | None, view: PricingView, profile: Profile) -> str | None:
    dso = account.value.payments.dso if account else None
    if dso is None or view.nominal_days is None:
        return None
    if dso > view.nominal_days + profile.decide.dso_over_terms_days:
        return (
            f"negotiate payment terms: this customer pays in {dso:.0f} days on average against "
            f"{view.nominal_days:.0f} in the contract (priced at {view.priced_days or dso:.0f} days); ask for "
            f"a larger advance or payment against delivery, and interest on late payment"
        )
    return None


def _clause_conditions(traps: list[ContractTrap]) -> list[str]:
    out = []
    for t in traps:
        if t.severity == HIGH:
            where = f"clause {t.clause}" if t.clause else "a clause"
            fix = f" — propose: {t.fallback}" if t.fallback else ""
            verb = "restore the tender's terms in" if t.category in RESTORE else "strike or amend"
            out.append(f"{verb} {where} ({t.category}): {t.message}{fix}")
    return out


def decide(
    account: Account | None, view: PricingView, traps: list[ContractTrap], profile: Profile
) -> Decision:
    blocking, flag_conditions, notes = _account_reasons(account, profile)
    blocking += _pricing_reasons(view, profile)
    dso = account.value.payments.dso if account else None
    if dso is not None and dso > profile.decide.max_dso_days:
        blocking.append(
            f"this customer takes {dso:.0f} days to pay on average (policy: at most "
            f"{profile.decide.max_dso_days})"
        )
    highs = [t for t in traps if t.severity == HIGH and t.category not in RESTORE]
    if len(highs) > profile.decide.max_high_findings:
        blocking.append(
            f"{len(highs)} high-severity traps in the draft contract "
            f"(more than {profile.decide.max_high_findings})"
        )
    tier = account.place.tier if account else "C"
    if flag_conditions:
        tier = "C"
    floor = profile.margin_floor.of(tier)
    cost = view.break_even
    min_price = (cost * (1 + floor)).quantize(CENT, ROUND_HALF_UP)
    conditions = list(flag_conditions)
    if view.price < min_price:
        conditions.append(
            f"margin floor: tier {tier} needs {floor:.0%} over expected cost, a price of at "
            f"least {min_price} (recommended {view.price})"
        )
    pay = _payment_condition(account, view, profile)
    if pay:
        conditions.append(pay)
    conditions += _clause_conditions(traps)
    verdict: Verdict = "no_bid" if blocking else ("bid_with_conditions" if conditions else "bid")
    reasons = blocking or [
        f"P(win) {view.p_win:.1%}, expected profit {view.expected_profit}, "
        f"margin {view.margin:.1%} at {view.price}"
    ]
    return Decision(
        verdict=verdict,
        reasons=tuple(reasons),
        conditions=tuple(conditions),
        notes=tuple(notes),
        margin_floor=float(floor),
        min_price=min_price,
    )
