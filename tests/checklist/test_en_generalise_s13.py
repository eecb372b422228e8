"""Session 13: the English concepts built as one broad rule each (set-off, unilateral change, a
right lost by the supplier, acceptance gated by the buyer, termination at will, liability beyond
the supplier's own breach), tried in drafting styles the labelled corpora do not use: UK JCT/NEC
subcontracts, US federal flow-down purchase orders, Australian and Canadian public-body
conditions, SaaS/MSA, marketplace terms and carrier agreements. Traps and their harmless twins;
each text is checked as a whole contract whose parties are defined in its first clause (written
for this test before the rules were run on it)."""

from __future__ import annotations

import pytest
from shipped_packs import categories

HEAD = {
    "jct": '1. Parties\nThis Sub-Contract is made between Northgate Build Ltd (the "Contractor") and Fenwick Joinery Ltd (the "Sub-Contractor").\n2. Terms\n',
    "fed": '1. Parties\nThis Purchase Order is issued by Orion Systems Inc. (the "Buyer") to Delta Machining LLC (the "Seller").\n2. Terms\n',
    "au": '1. Parties\nThese Conditions of Contract are between the State of Victoria acting through the Department (the "Principal") and Coastline Services Pty Ltd (the "Contractor").\n2. Conditions\n',
    "saas": '1. Parties\nThis Master Services Agreement is between Helix Retail plc (the "Customer") and Nimbus Cloud Ltd (the "Supplier").\n2. Terms\n',
    "market": '1. Parties\nThese Seller Terms are between Bazaar Marketplace Ltd (the "Company") and the merchant accepting them (the "Vendor").\n2. Terms\n',
}

TRAPS = [
    # set-off: the buyer reduces what it pays by what it claims, in any wording
    (
        "jct",
        "payment.set_off",
        "The Contractor may deduct from any sum otherwise payable to the Sub-Contractor any loss or expense it claims to have suffered by reason of the Sub-Contractor's default.",
    ),
    (
        "fed",
        "payment.set_off",
        "Buyer may withhold from future invoices any amounts Buyer determines are owed by Seller, including costs of reprocurement.",
    ),
    (
        "au",
        "payment.set_off",
        "Any amount which the Principal considers is due from the Contractor may be recovered by the Principal as a deduction from moneys payable to the Contractor.",
    ),
    (
        "market",
        "payment.set_off",
        "Chargebacks, refunds and any penalties incurred will be debited from the Vendor's next settlement.",
    ),
    (
        "saas",
        "payment.set_off",
        "The Customer may reduce any invoice by the amount of any service credits and other losses it claims under this Agreement.",
    ),
    # unilateral change: scope, prices, policies changed by the buyer alone
    (
        "jct",
        "change.unilateral",
        "The Contractor may issue instructions omitting any part of the Sub-Contract Works, and such omitted work may be given to others.",
    ),
    (
        "market",
        "change.unilateral",
        "The Company may revise its commission rates and the Seller Policies from time to time by posting them on the portal.",
    ),
    (
        "saas",
        "change.unilateral",
        "The Customer may change the Service Levels by written notice and the Supplier shall implement the changed Service Levels at no additional charge.",
    ),
    (
        "au",
        "change.unilateral",
        "The Contractor must perform the Services in accordance with the Principal's procedures and guidelines as amended from time to time.",
    ),
    # a right the supplier loses: time-bars, final certificates, no-claim clauses
    (
        "jct",
        "rights.waiver",
        "If the Sub-Contractor fails to notify a claim within 14 days of becoming aware of the event, the Sub-Contractor shall not be entitled to any extension of time or additional payment and the claim is barred.",
    ),
    (
        "fed",
        "rights.waiver",
        "Seller's acceptance of final payment shall constitute a release of all claims against Buyer arising under this Order.",
    ),
    (
        "au",
        "rights.waiver",
        "The Contractor must give notice of any claim within 28 days, failing which the Principal shall be discharged from all liability in respect of the claim.",
    ),
    (
        "market",
        "rights.waiver",
        "Any dispute about a settlement statement must be raised within 30 days, after which the statement shall be final and binding on the Vendor.",
    ),
    # acceptance gated by the buyer with no period
    (
        "saas",
        "acceptance.no_deadline",
        "Milestone fees become payable only upon the Customer's written acceptance of the relevant Deliverable.",
    ),
    (
        "au",
        "acceptance.no_deadline",
        "Payment will be made after the Services have been verified and approved by the Principal's Representative.",
    ),
    # termination at will, in other words
    (
        "au",
        "termination.convenience",
        "The Principal may end this Contract at any time by notice if it considers it in the public interest to do so.",
    ),
    (
        "market",
        "termination.convenience",
        "The Company may de-list any product or close the Vendor's account at any time in its sole discretion.",
    ),
    # liability beyond the supplier's own breach
    (
        "fed",
        "liability.uncapped",
        "Seller shall be responsible for all loss of or damage to Buyer's tooling in Seller's possession from whatever cause.",
    ),
    (
        "saas",
        "liability.uncapped",
        "The limitations of liability in clause 14 shall not apply to the Supplier's liability under this clause 9.",
    ),
]

TWINS = [
    (
        "jct",
        "payment.set_off",
        "The Contractor may deduct from sums payable to the Sub-Contractor only amounts agreed in writing by the Sub-Contractor or determined by an adjudicator.",
    ),
    (
        "fed",
        "payment.set_off",
        "Buyer shall deduct withholding tax at source as required by law and remit it to the tax authority.",
    ),
    (
        "market",
        "payment.set_off",
        "The Company shall deduct its agreed commission from the sale proceeds before paying the balance to the Vendor.",
    ),
    (
        "saas",
        "payment.set_off",
        "Neither party may set off amounts owed by the other party against invoices under this Agreement.",
    ),
    (
        "jct",
        "change.unilateral",
        "The Contractor may issue instructions varying the Sub-Contract Works; each variation shall be valued under clause 5.6 and the completion period adjusted accordingly.",
    ),
    (
        "saas",
        "change.unilateral",
        "No change to the Services is binding until both parties sign a change note stating its effect on the charges.",
    ),
    (
        "market",
        "change.unilateral",
        "The Vendor may update its product prices at any time through the portal.",
    ),
    (
        "jct",
        "rights.waiver",
        "The Sub-Contractor shall notify claims within 14 days; a late notice shall not bar the claim, but the Contractor may take account of any prejudice it suffers.",
    ),
    (
        "fed",
        "rights.waiver",
        "Buyer shall inspect the goods within 10 days of delivery, failing which the goods are deemed accepted by Buyer.",
    ),
    (
        "saas",
        "acceptance.no_deadline",
        "Milestone fees become payable upon the Customer's written acceptance, which shall be given or refused with reasons within 10 business days of delivery, failing which the Deliverable is deemed accepted.",
    ),
    (
        "au",
        "termination.convenience",
        "The Principal may terminate this Contract if the Contractor commits a substantial breach and fails to remedy it within 14 days of a notice to show cause.",
    ),
    (
        "fed",
        "liability.uncapped",
        "Seller shall be liable for loss of Buyer's tooling caused by Seller's negligence, subject to the aggregate cap in clause 20.",
    ),
]


@pytest.mark.parametrize(
    ("style", "category", "text"), TRAPS, ids=[f"{s}-{c}-{i}" for i, (s, c, _) in enumerate(TRAPS)]
)
def test_trap_found_in_an_unseen_style(style: str, category: str, text: str) -> None:
    assert category in categories(HEAD[style] + text, lang="en"), f"{style}: {text}"


@pytest.mark.parametrize(
    ("style", "category", "text"), TWINS, ids=[f"{s}-{c}-{i}" for i, (s, c, _) in enumerate(TWINS)]
)
def test_harmless_twin_not_flagged(style: str, category: str, text: str) -> None:
    assert category not in categories(HEAD[style] + text, lang="en"), f"{style}: {text}"
