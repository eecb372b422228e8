"""Bid / bid with conditions / no-bid from the account, the price and the draft contract."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

import pytest
from synthetic import archetypes

from bidassist.accounts.assess import assess
from bidassist.accounts.decide import ContractTrap, PricingView, decide
from bidassist.accounts.profile import load_profile

GOOD = PricingView(
    price=D("1150000"),
    p_win=0.35,
    expected_profit=D("48000"),
    margin=0.15,
    break_even=D("1000000"),
    nominal_days=45.0,
    priced_days=45.0,
)
BACK_TO_BACK = ContractTrap(
    "payment.back_to_back",
    "high",
    "8.2",
    "paid only after the owner pays",
    "payment within 30 days of acceptance",
)


@pytest.fixture(scope="module")
def accounts():
    return assess(archetypes(), load_profile()).accounts


def test_healthy_account_good_price_clean_contract_is_a_bid(accounts):
    d = decide(accounts["healthy"], GOOD, [], load_profile())
    assert d.verdict == "bid" and not d.conditions
    assert any(n.startswith("A: ") for n in d.notes)


def test_squeezer_outside_tier_a_is_no_bid():
    p = load_profile()
    p.tiers.A = D("0.5")  # a stricter company: tier A is the first half of profit
    sq = assess(archetypes(), p).accounts["squeeze"]
    assert sq.place.tier == "B"
    d = decide(sq, GOOD, [], p)
    assert d.verdict == "no_bid" and any(r.startswith("squeezer: ") for r in d.reasons)


def test_squeezer_in_tier_a_is_bid_only_on_strict_terms():
    p = load_profile()
    p.tiers.A = D("0.999")  # every profitable customer is A
    sq = assess(archetypes(), p).accounts["squeeze"]
    assert sq.place.tier == "A"
    d = decide(sq, GOOD, [], p)
    assert d.verdict == "bid_with_conditions" and d.conditions[0].startswith("tier A but squeezer")
    assert d.margin_floor == pytest.approx(0.12)


def test_slow_payer_gets_payment_terms_and_margin_conditions(accounts):
    d = decide(accounts["volume"], GOOD, [], load_profile())
    assert d.verdict == "bid_with_conditions"
    pay = [c for c in d.conditions if c.startswith("negotiate payment terms")]
    assert len(pay) == 1 and "against 45 in the contract" in pay[0]


def test_high_traps_are_conditions_then_a_no_bid(accounts):
    p = load_profile()
    d = decide(accounts["healthy"], GOOD, [BACK_TO_BACK], p)
    assert d.verdict == "bid_with_conditions"
    assert d.conditions[-1].startswith("strike or amend clause 8.2 (payment.back_to_back)")
    many = [replace(BACK_TO_BACK, clause=str(i)) for i in range(p.decide.max_high_findings + 1)]
    assert decide(accounts["healthy"], GOOD, many, p).verdict == "no_bid"


def test_pricing_alone_can_say_no(accounts):
    p = load_profile()
    assert decide(accounts["healthy"], replace(GOOD, expected_profit=D("-1")), [], p).verdict == "no_bid"
    assert decide(accounts["healthy"], replace(GOOD, p_win=0.01), [], p).verdict == "no_bid"


def test_margin_floor_of_the_tier(accounts):
    p = load_profile()
    thin = replace(GOOD, price=D("1020000"))
    d = decide(accounts["healthy"], thin, [], p)
    assert d.min_price == D("1050000.00") and any(c.startswith("margin floor: tier A") for c in d.conditions)


def test_unknown_customer_is_decided_on_the_tender_alone():
    d = decide(None, GOOD, [], load_profile())
    assert d.verdict == "bid" and d.min_price == D("1120000.00")  # tier C floor: 12 % over cost
    assert d.notes[0].startswith("new customer")


def test_a_worse_payment_record_changes_the_decision():
    book = archetypes()
    p = load_profile()
    before = decide(assess(book, p).accounts["healthy"], GOOD, [], p)
    slow = tuple(
        replace(r, date=r.date + dt.timedelta(days=120))
        if r.invoice_id in {i.id for i in book.invoices if i.customer_id == "healthy"}
        else r
        for r in book.receipts
    )
    after_book = replace(book, receipts=tuple(r for r in slow if r.date <= book.as_of))
    after = decide(assess(after_book, p).accounts["healthy"], GOOD, [], p)
    assert before.verdict == "bid" and after.verdict != "bid"
    assert any("negotiate payment terms" in c for c in after.conditions)
