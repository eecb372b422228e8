"""`decide`: should we bid for this tender, for this customer? One call that ties the store, the
pricing engine and the contract checklist together.

1. The customer (the tender's buyer, matched against the store's names and aliases) is assessed:
   tier, flags, actual payment behaviour.
2. The bid is priced as this customer really pays: every payment milestone waits at least the
   customer's DSO instead of the contract's nominal days, and the policy's margin floor is raised
   to the tier's floor.
3. The draft contract (the bid file's `contract.file`, compared with the tender when given) is
   checked; its high-severity findings are clauses to strike.
4. `decide` turns all of it into bid / bid with conditions / no-bid with reasons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from bidassist.accounts.api import customer_assessment
from bidassist.accounts.assess import Account
from bidassist.accounts.decide import ContractTrap, Decision, PricingView, decide
from bidassist.accounts.profile import Profile, load_profile
from bidassist.checklist.result import CheckResult
from bidassist.core.bidfile import Bid, PaymentTerms, load_bid
from bidassist.core.errors import InputError
from bidassist.costs import load_costs
from bidassist.costs.model import CostModel
from bidassist.store.connection import StoreError

CENT = Decimal("0.01")


@dataclass(frozen=True)
class BidDecision:
    decision: Decision
    customer: str  # the store's name for the buyer, or the bid file's when the store does not know it
    account: Account | None
    view: PricingView
    pricing_status: str  # the pricing engine's own decision status (bid / below_break_even / do_not_bid)
    adjustments: tuple[str, ...]  # what was changed in the bid's pricing inputs, and why
    traps: tuple[ContractTrap, ...] = field(default_factory=tuple)


def weighted_days(terms: PaymentTerms | None) -> float | None:
    """Amount-weighted days after delivery over the milestones (None without milestones)."""
    if terms is None or not terms.milestones:
        return None
    total = sum(float(m.share) for m in terms.milestones)
    return sum(float(m.share) * m.days for m in terms.milestones) / total if total else None


def as_customer_pays(bid: Bid, account: Account | None, profile: Profile) -> tuple[Bid, list[str]]:
    """A copy of the bid priced with the customer's real days to pay and its tier's margin floor."""
    priced = bid.model_copy(deep=True)
    notes: list[str] = []
    p = priced.pricing
    if p is None:
        raise InputError(
            "the bid file has no pricing section; decide needs a price", str(bid.source or "bid file")
        )
    tier = account.place.tier if account else "C"
    floor = float(profile.margin_floor.of(tier))
    if floor > p.policy.min_margin:
        notes.append(f"policy.min_margin {p.policy.min_margin:.0%} → {floor:.0%} (tier {tier} floor)")
        p.policy.min_margin = floor
    dso = account.value.payments.dso if account else None
    if dso is not None and p.payment_terms is not None and p.payment_terms.milestones:
        days = int(Decimal(dso).quantize(Decimal(1), ROUND_HALF_UP))
        for m in p.payment_terms.milestones:
            if days > m.days:
                notes.append(
                    f"milestone {m.name or m.share}: paid after {days} days (actual DSO) instead of {m.days}"
                )
                m.days = days
    return priced, notes


def traps_of(checked: CheckResult) -> list[ContractTrap]:
    """The high- and medium-severity findings of a contract review."""
    return [
        ContractTrap(f.category, f.severity, f.clause, f.message_in("en"), f.fallback_in("en"))
        for f in checked.findings
        if f.severity in ("high", "medium")
    ]


def contract_traps(bid: Bid) -> list[ContractTrap]:
    """The traps of the bid file's draft contract (none without one)."""
    if bid.contract is None:
        return []
    from bidassist.checklist import check_bid_contract

    return traps_of(check_bid_contract(bid))


def _account(
    bid: Bid, db: str | None, as_of: dt.date, profile: Profile
) -> tuple[str, Account | None, list[str]]:
    beside = bid.source.parent if bid.source else None
    buyer = bid.tender.buyer
    try:
        found = customer_assessment(db, buyer, as_of=as_of, profile=profile, beside=beside)
    except StoreError as exc:
        return buyer, None, [f"no customer history: {exc.message}"]
    if found is None:
        return buyer, None, [f"{buyer} is not in the store"]
    name, result = found
    return name, result.accounts.get(name), []


def _view(bid: Bid, priced_bid: Bid, costs: CostModel, iterations: int | None) -> tuple[PricingView, str]:
    from bidassist.pricing import price_bid
    from bidassist.pricing.breakeven import economics

    result = price_bid(priced_bid, costs, iterations=iterations)
    r = result.recommended
    break_even = Decimal(repr(economics(priced_bid, costs).break_even)).quantize(CENT, ROUND_HALF_UP)
    terms = priced_bid.pricing.payment_terms if priced_bid.pricing else None
    nominal = weighted_days(bid.pricing.payment_terms if bid.pricing else None)
    view = PricingView(
        price=r.price,
        p_win=r.p_win,
        expected_profit=r.expected_profit,
        margin=r.margin,
        break_even=break_even,
        nominal_days=nominal,
        priced_days=weighted_days(terms),
        status=result.decision.status,
        status_reason=result.decision.reason,
    )
    return view, result.decision.status


def decide_bid(
    bid_file: Path,
    *,
    db: str | None = None,
    profile: Profile | Path | None = None,
    as_of: dt.date | None = None,
    iterations: int | None = None,
    review: CheckResult | None = None,
) -> BidDecision:
    """Bid / bid with conditions / no-bid for the tender in `bid_file`, with its reasons.
    `review`: the draft contract's review when the caller has it already (else it is checked)."""
    prof = profile if isinstance(profile, Profile) else load_profile(profile)
    bid = load_bid(bid_file)
    costs = load_costs(bid).model
    name, account, notes = _account(bid, db, as_of or dt.date.today(), prof)
    priced_bid, adjustments = as_customer_pays(bid, account, prof)
    view, status = _view(bid, priced_bid, costs, iterations)
    traps = traps_of(review) if review is not None else contract_traps(bid)
    decision = decide(account, view, traps, prof)
    if notes:
        decision = Decision(
            decision.verdict,
            decision.reasons,
            decision.conditions,
            (*notes, *decision.notes),
            decision.margin_floor,
            decision.min_price,
        )
    return BidDecision(decision, name, account, view, status, tuple(adjustments), tuple(traps))
