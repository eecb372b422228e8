"""English drafting variants the checklist must read as a reviewer would, in styles the labelled
corpora do not use: UK JCT/NEC-style subcontracts, US federal flow-down purchase orders, public-body
conditions of contract and SaaS/master services agreements (written for this test, not taken from
the corpora). Each trap is one kind of clause a supplier's lawyer raises; each harmless clause is a
look-alike twin (mutual, the buyer's own liability, capped, paid for work done, with a period). A
whole clause is checked as `check` checks it."""

from __future__ import annotations

import pytest
from shipped_packs import RULES, categories  # the shipped packs, loaded once for all checklist tests

from bidassist.checklist.api import check_text
from bidassist.checklist.parties import choose_we, find_parties

TRAPS = [
    # waivers: no damages for delay, final payment as release, lien waivers, jury and suspension
    (
        "rights.waiver",
        "The Sub-Contractor shall have no claim for loss and/or expense arising from any delay or "
        "disruption, its sole remedy being an extension of time.",
    ),
    (
        "rights.waiver",
        "Acceptance by the Subcontractor of the final payment shall operate as a release of all claims "
        "against the Contractor arising out of this Subcontract.",
    ),
    (
        "rights.waiver",
        "As a condition of each progress payment the Vendor shall furnish an unconditional lien waiver "
        "and release covering all work performed.",
    ),
    ("rights.waiver", "The Supplier waives any right to suspend performance for non-payment."),
    # set-off across contracts
    (
        "payment.set_off",
        "The Authority may deduct from any sum due to the Contractor under this Contract any sum owed "
        "by the Contractor to the Authority under any other contract.",
    ),
    # consequential loss
    (
        "liability.consequential",
        "The Provider shall indemnify the Customer against all losses, whether direct or consequential, "
        "including loss of revenue and loss of data, arising from any Service outage.",
    ),
    # forum at the buyer's choice
    (
        "dispute.forum",
        "Any dispute shall be finally resolved by a sole arbitrator nominated by the Employer.",
    ),
    (
        "dispute.forum",
        "Vendor consents to the exclusive jurisdiction of the courts of the county in which the "
        "Purchaser's contracting office is located.",
    ),
    # acceptance at sole satisfaction or with no period
    (
        "acceptance.no_deadline",
        "Deliverables shall be deemed complete only when accepted by the Customer in its sole discretion.",
    ),
    (
        "acceptance.no_deadline",
        "Title and risk in the Goods shall remain with the Supplier until written acceptance by the "
        "Authority.",
    ),
    # fixed price with no adjustment
    (
        "price.fixed_no_adjustment",
        "The Subcontract Sum is a firm price and shall not be subject to fluctuations in the cost of "
        "labour, materials or taxes.",
    ),
    ("price.fixed_no_adjustment", "All prices quoted on this Purchase Order are firm."),
    # termination for convenience without paying for work done
    (
        "termination.convenience",
        "The Authority may terminate this order for its convenience at any time, and the Contractor "
        "shall have no claim for work not yet invoiced.",
    ),
    (
        "termination.convenience",
        "The Authority may terminate the Contract at any time by giving one month's notice to the "
        "Contractor.",
    ),
    (
        "termination.convenience",
        "Upon termination the Customer shall have no further payment obligation to the Provider under "
        "the terminated Order Form.",
    ),
    # pay-when-paid / pay-if-paid
    (
        "payment.back_to_back",
        "The Contractor shall pay the Sub-Contractor within 7 days of receiving payment from the "
        "Employer in respect of the Sub-Contract Works.",
    ),
    (
        "payment.back_to_back",
        "Payment to Subcontractor is expressly conditioned upon Contractor's receipt of payment from "
        "the Government for the same work.",
    ),
    # payment with no deadline or at the buyer's own procedures
    (
        "payment.no_deadline",
        "Invoices will be paid in accordance with the Customer's standard accounts payable cycle.",
    ),
    (
        "payment.no_deadline",
        "The Authority shall pay only after all of the Contractor's obligations under the Contract have "
        "been performed.",
    ),
    # uncapped liability and indemnities
    (
        "liability.uncapped",
        "The Sub-Contractor shall indemnify and hold harmless the Contractor from and against any and "
        "all claims, losses and expenses arising out of the Sub-Contract Works.",
    ),
    (
        "liability.uncapped",
        "If the Authority procures replacement services, any excess costs incurred shall be charged to "
        "the Contractor.",
    ),
    # delay damages
    (
        "penalty.excessive",
        "The Customer may claim service credits and liquidated damages of 2% of the monthly fee for "
        "each complete week of delay.",
    ),
    (
        "penalty.uncapped",
        "Where the Employer deducts liquidated damages from the Contractor under the Main Contract, the "
        "Contractor may pass the same on to the Sub-Contractor.",
    ),
    # unilateral change
    (
        "change.unilateral",
        "The Buyer reserves the right to alter this order or any part thereof by written notice.",
    ),
    (
        "change.unilateral",
        "The Customer may amend these Terms at any time by posting the amended Terms on its supplier portal.",
    ),
    # most-favoured price
    (
        "price.most_favored",
        "The Contractor warrants that the prices charged shall not exceed the prices offered by the "
        "Contractor to any other public-sector customer for comparable services.",
    ),
]

HARMLESS = [
    "Either party may terminate this Agreement for convenience upon ninety (90) days' written notice.",
    "The Buyer may terminate this order if the Seller fails to cure a material breach within 30 days, and "
    "shall pay for Goods delivered and accepted before termination.",
    "The Contractor shall pay the Sub-Contractor within 30 days of the due date, whether or not the "
    "Contractor has received payment from the Employer.",
    "Each party's total aggregate liability under this Agreement shall not exceed the fees paid in the "
    "twelve months before the claim.",
    "Neither party shall be liable to the other for any indirect or consequential loss, or for loss of "
    "profit, revenue or data.",
    "The Customer shall indemnify the Provider against all claims arising from the Customer's own content.",
    "The Provider shall defend the Customer against any claim that the Service infringes a third "
    "party's patent or copyright, provided that the Customer notifies the Provider promptly and gives it "
    "sole control of the defence.",
    "Any dispute shall be referred to a sole arbitrator appointed jointly by the parties or, failing "
    "agreement, by the President of the Chartered Institute of Arbitrators.",
    "The courts of England and Wales shall have exclusive jurisdiction.",
    "The Authority shall carry out acceptance tests within fourteen (14) days of delivery; if it does "
    "not reject the Goods within that period they are deemed accepted.",
    "Risk in the Goods passes to the Buyer on delivery.",
    "Prices quoted are firm for thirty (30) days from the date of the quotation.",
    "The Subcontract Sum shall be adjusted for changes in the cost of labour and materials in "
    "accordance with the price adjustment formula in Schedule 3.",
    "Any change to the scope shall be agreed in writing by both parties, and the price and programme "
    "shall be equitably adjusted.",
    "The Authority shall pay each valid undisputed invoice within 30 days of receipt.",
    "The Buyer may withhold only the disputed part of an invoice and shall pay the rest within 30 days.",
    "Liquidated damages for delay shall be 0.05% of the price of the delayed Goods for each day of "
    "delay, capped at 5% of the Contract Price; late payments by the Buyer bear interest at 0.05% per "
    "day.",
    "The Provider shall not be liable for any delay caused by the Customer's failure to provide access.",
    "This Agreement may be renewed only by mutual written agreement of the parties.",
    "The Supplier may suspend performance if any undisputed invoice remains unpaid 30 days after its "
    "due date.",
    "The Supplier's list prices in force at the date of order apply.",
    "The Buyer shall pay the Seller within 30 days of receipt of the Seller's invoice.",
]


def _categories(text: str) -> set[str]:
    return categories(text, lang="en")


@pytest.mark.parametrize(("category", "text"), TRAPS, ids=[f"{c}-{i}" for i, (c, _) in enumerate(TRAPS)])
def test_trap_variant_is_found(category: str, text: str) -> None:
    assert category in _categories(text), text


@pytest.mark.parametrize("text", HARMLESS, ids=[f"harmless-{i}" for i in range(len(HARMLESS))])
def test_harmless_twin_is_not_flagged(text: str) -> None:
    assert _categories(text) == set(), text


def _roles(text: str) -> dict[str, str]:
    return {lab: p.role for p in choose_we(find_parties([(text, None)]), None).parties for lab in p.labels}


def test_a_class_definition_is_no_party() -> None:
    """'Subcontractor' means a third party working for the Supplier: one tier down, not the buyer."""
    text = (
        "This Purchase Order is the agreement between The Acme Group, Inc. (Acme) and the supplier "
        '(the "Supplier") identified in it.\n'
        '"Subcontractor" means a third party performing Work under an agreement with Supplier.'
    )
    roles = _roles(text)
    assert roles["supplier"] == "supplier"
    assert "subcontractor" not in roles


def test_the_named_counterparty_is_the_buyer() -> None:
    text = 'agreement between The Acme Group, Inc. (Acme) and the supplier (the "Supplier").'
    assert _roles(text) == {"supplier": "supplier", "acme": "buyer"}
    head = text + "\n"
    ours = "Acme shall indemnify and hold Supplier harmless from any and all claims arising from Acme's designs.\n"
    theirs = "Supplier shall indemnify and hold Acme harmless from any and all claims arising from its acts or omissions.\n"
    assert "liability.uncapped" not in {
        f.category for f in check_text(head + ours, RULES, lang="en").findings
    }
    assert "liability.uncapped" in {f.category for f in check_text(head + theirs, RULES, lang="en").findings}


def test_a_cap_elsewhere_answers_a_broad_indemnity() -> None:
    indemnity = (
        "12. The Vendor shall indemnify the Buyer against all damages suffered by it arising from the Work.\n"
    )
    cap = "15. Notwithstanding anything else, the Vendor's liability shall not exceed in the aggregate 100% of the order value.\n"
    carve = (
        "15. The Vendor's total liability shall not exceed the order value, except that this limit shall "
        "not apply to the Vendor's indemnity obligations.\n"
    )
    cats = lambda t: {f.category for f in check_text(t, RULES, lang="en").findings}  # noqa: E731
    assert "liability.uncapped" in cats(indemnity)
    assert "liability.uncapped" not in cats(indemnity + cap)
    assert "liability.uncapped" in cats(indemnity + carve)
