"""Session 17 (chk-en): English frames widened so that the legal frame, not a corpus sentence, is
matched - written as drafters of other traditions would write them (US federal and state forms,
university purchase terms, UK public-body and consultancy terms, trade contracts, logistics), each
checked as a whole contract whose parties are defined in its first clause.

The frames (a reviewer's words):
- the buyer is a public body named by its kind (the State, the Government, the Contracting Officer,
  the University, the Council, the Trust): its termination and change powers are the buyer's;
- payment.back_to_back: the buyer pays once, when or within N days of its own payer (the client,
  the authority, the funder) paying it - the third party as the subject of the payment;
- payment.set_off: the buyer back-charges the supplier, pays net of or subject to its deductions,
  recovers sums by way of deduction, or deducts delay damages at a rate from any sum due;
- termination.convenience: the buyer may end the contract when its own upstream contract ends
  (head or main contract, its agreement with its client or sponsor) or funds are not appropriated;
- liability.uncapped: the contract's cap is disapplied for what the supplier answers for;
- penalty.*: the buyer "shall deduct 0.5 percent of the price for every day of delay" binds the
  supplier, decimals and all;
- warranty.long: a repaired or replaced part is warranted for a further full period from the repair;
- acceptance.no_deadline: rejection at the buyer's sole discretion; completion only when the buyer's
  engineer so certifies.
Harmless twins keep the limits: the supplier's own flow-down to its subcontractors, a cap carve-out
only for death, personal injury or fraud, termination paid in full when the head contract ends,
rejection of non-conforming goods within a stated period."""

from __future__ import annotations

import pytest
from shipped_packs import categories

HEAD = {
    "fed": '1. Parties\nThis Contract is between the Government of the United States, acting through the Contracting Officer, and Keystone Fasteners LLC (the "Contractor").\n2. Terms\n',
    "state": '1. Parties\nThis Contract is between the State of Ohio (the "State") and Buckeye Signs LLC (the "Contractor").\n2. Terms\n',
    "univ": '1. Parties\nThese Purchase Terms apply between Westfield University (the "University") and the supplier named in the Order (the "Vendor").\n2. Terms\n',
    "uk": '1. Parties\nThis Contract is between Northshire NHS Trust (the "Trust") and Meridian Cleaning Ltd (the "Supplier").\n2. Conditions\n',
    "trade": '1. Parties\nThis Trade Contract is between Ashcombe Builders Ltd (the "Builder") and Redbrook Joinery Ltd (the "Trade Contractor").\n2. Terms\n',
    "consult": '1. Parties\nThis Agreement is between Larkspur Design Ltd (the "Company") and Cirrus Surveys Ltd (the "Consultant").\n2. Terms\n',
    "saas": '1. Parties\nThis Master Services Agreement is between Larkspur Retail plc (the "Customer") and Cirrus Data Ltd (the "Supplier").\n2. Terms\n',
}

TRAPS = [
    (
        "state",
        "termination.convenience",
        "The State may terminate this contract at any time by giving thirty days' written notice to the Contractor.",
    ),
    (
        "uk",
        "termination.convenience",
        "The Trust may terminate the Contract at any time by giving not less than three months' written notice to the Supplier.",
    ),
    (
        "fed",
        "change.unilateral",
        "The Contracting Officer may at any time, by written order, make changes in the method of shipment or packing or the place of delivery.",
    ),
    (
        "trade",
        "payment.back_to_back",
        "The Trade Contractor shall be paid within fourteen days of the Client paying the Builder for the relevant work.",
    ),
    (
        "trade",
        "payment.back_to_back",
        "Sums due to the Trade Contractor shall be paid within 30 days of receipt of funds from the Highway Authority.",
    ),
    (
        "trade",
        "payment.set_off",
        "The Builder may back-charge the Trade Contractor for cleaning and attendance it provides.",
    ),
    (
        "saas",
        "payment.set_off",
        "Each monthly payment to the Supplier is made subject to verification and any lawful deductions or adjustments.",
    ),
    (
        "univ",
        "payment.set_off",
        "If the Goods are late the University may deduct 0.5 percent of the price of the delayed Goods for every day of delay from any sum due to the Vendor.",
    ),
    (
        "univ",
        "penalty.uncapped",
        "The University shall deduct 0.5 percent of the price for every day of delay.",
    ),
    (
        "trade",
        "termination.convenience",
        "Should the main contract be determined for any reason, the Builder may by notice end this Trade Contract forthwith.",
    ),
    (
        "state",
        "termination.convenience",
        "The State may cancel this contract if funds are not appropriated for the next fiscal period.",
    ),
    (
        "saas",
        "liability.uncapped",
        "The limitations set out in clause 20 do not apply to any loss resulting from the Supplier's breach of its data protection obligations.",
    ),
    (
        "uk",
        "liability.uncapped",
        "Nothing in this Contract shall limit the Supplier's liability under the indemnities in clause 14.",
    ),
    (
        "univ",
        "warranty.long",
        "Any repaired or replaced unit shall be warranted for a further twelve (12) months from the date of its repair.",
    ),
    ("univ", "acceptance.no_deadline", "The University may reject any Deliverable in its sole discretion."),
]

TWINS = [
    (
        "trade",
        "payment.back_to_back",
        "The Trade Contractor shall pay its own suppliers within 30 days of receipt of payment from the Builder.",
    ),
    (
        "trade",
        "termination.convenience",
        "If the head contract is terminated, the Builder shall pay the Trade Contractor for all work done, costs incurred and a reasonable profit on the remainder.",
    ),
    (
        "saas",
        "liability.uncapped",
        "The limitations in clause 20 do not apply to liability for death or personal injury caused by negligence, or for fraud.",
    ),
    (
        "saas",
        "liability.uncapped",
        "The limitations of liability in this clause do not apply to either party's indemnity obligations.",
    ),
    (
        "univ",
        "acceptance.no_deadline",
        "The University may reject any Goods which do not conform to the Specification, in its sole discretion, by notice within 14 days of delivery.",
    ),
    (
        "univ",
        "warranty.long",
        "Repaired parts are warranted for the remainder of the original warranty period or ninety days from the repair, whichever is longer.",
    ),
    (
        "saas",
        "payment.set_off",
        "The Customer shall pay all invoices in full without any set-off or deduction.",
    ),
]


@pytest.mark.parametrize(("head", "category", "text"), TRAPS)
def test_frame_caught(head: str, category: str, text: str) -> None:
    assert category in categories(HEAD[head] + "3. " + text + "\n", lang="en")


@pytest.mark.parametrize(("head", "category", "text"), TWINS)
def test_twin_passes(head: str, category: str, text: str) -> None:
    assert category not in categories(HEAD[head] + "3. " + text + "\n", lang="en")
