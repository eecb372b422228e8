"""Session 15 (chk-en): the English forum, fixed-price, acceptance and waiver concepts tried in
drafting styles the labelled corpora do not use: UK JCT/NEC-style subcontracts and council
conditions, US federal flow-down purchase orders and state-agency terms, Australian and Canadian
public-body conditions, SaaS/MSA, marketplace terms and carrier agreements. Traps and their
harmless twins, written before the rules were run on them; each text is checked as a whole
contract whose parties are defined in its first clause.

The concepts (a reviewer's words):
- dispute.forum: the buyer's terms send disputes to a local forum (a city, county, state or
  province court or seat, written with or without "exclusive"), to the buyer's own seat, or to a
  forum the buyer alone chooses. Harmless: non-exclusive submission, national courts, the place of
  the works, the defendant's seat, a forum or arbitrator the parties choose together, a bare (non-exclusive) submission.
- price.fixed_no_adjustment: the supplier carries every change in its costs (no fluctuations, no
  surcharge, no revision for any cost rise). Harmless: an index, formula or rise-and-fall clause,
  a yearly or renewal adjustment, a pass-through of a named cost.
- acceptance.no_deadline: completion, payment or risk waits on an approval, acceptance or
  certificate by the buyer (or the owner above it) that nothing times; rejection stays open
  indefinitely. Harmless: a period for the acceptance, deemed acceptance, payment not tied to it.
- rights.waiver: the supplier gives up a claim or remedy in advance (delay damages, claims released
  by final payment, short claim time-bars, unconditional lien releases, suspension, lien).
  Harmless: the no-waiver boilerplate, conditional releases, claims kept, the buyer's own waiver.

Record (each round written before the rules were run on it): round 1 on the session-start rules
caught 15 of 38 traps and passed 25 of 27 twins (waivers 9/9, forum 2/11, price 2/9, acceptance
2/9); one round-1 "trap" (a bare attornment, no "exclusive") was moved to the twins after reading
the corpus precedent, before any rule was changed for it. Round 2, written after round 1 passed,
caught 15 of 20 traps and passed 12 of 13 twins before the fixes it prompted."""

from __future__ import annotations

import pytest
from shipped_packs import categories

HEAD = {
    "jct": '1. Parties\nThis Sub-Contract is made between Ashcombe Construction Ltd (the "Contractor") and Redbrook Steel Ltd (the "Sub-Contractor").\n2. Terms\n',
    "fed": '1. Parties\nThis Purchase Order is issued by Vantor Aerospace Inc. (the "Buyer") to Keystone Fasteners LLC (the "Seller").\n2. Terms\n',
    "state": '1. Parties\nThis Contract is between the Department of Transportation of the State of Ohio (the "Agency") and Buckeye Signs LLC (the "Contractor").\n2. Terms\n',
    "prime": '1. Parties\nThis Subcontract is between Halvorsen Builders Inc. (the "Contractor") and Pioneer Electric LLC (the "Subcontractor").\n2. Terms\n',
    "au": '1. Parties\nThese Conditions of Contract are between the State of Queensland acting through the Department (the "Principal") and Bayside Civil Pty Ltd (the "Contractor").\n2. Conditions\n',
    "ca": '1. Parties\nThis Agreement is between the City of Halifax (the "City") and Maritime Paving Inc. (the "Contractor").\n2. General Conditions\n',
    "council": '1. Parties\nThis Contract is between Westshire County Council (the "Council") and Greenway Grounds Ltd (the "Service Provider").\n2. Conditions\n',
    "saas": '1. Parties\nThis Master Services Agreement is between Larkspur Retail plc (the "Customer") and Cirrus Data Ltd (the "Supplier").\n2. Terms\n',
    "market": '1. Parties\nThese Merchant Terms are between Souk Online Ltd (the "Company") and the merchant accepting them (the "Vendor").\n2. Terms\n',
    "carrier": '1. Parties\nThis Transportation Agreement is between Pinnacle Logistics LLC (the "Customer") and Ridgeway Freight LLC (the "Carrier").\n2. Terms\n',
}

FORUM = "dispute.forum"
PRICE = "price.fixed_no_adjustment"
ACCEPT = "acceptance.no_deadline"
WAIVER = "rights.waiver"

TRAPS = [
    # the buyer's local forum, written without "exclusive"
    (
        "fed",
        FORUM,
        "Any action arising under this Order shall be brought in the state or federal courts located in Maricopa County, Arizona, and Seller consents to venue there.",
    ),
    (
        "carrier",
        FORUM,
        "Any dispute between the parties shall be heard in the courts of Cook County, Illinois.",
    ),
    ("state", FORUM, "Venue for any action arising out of this Contract shall lie in Franklin County, Ohio."),
    ("market", FORUM, "The venue of any arbitration under these Terms shall be Bengaluru, Karnataka."),
    (
        "au",
        FORUM,
        "Proceedings in relation to the Contract may only be commenced in a court sitting in Brisbane.",
    ),
    (
        "council",
        FORUM,
        "The Service Provider shall bring any claim under the Contract only in the County Court at Westbury.",
    ),
    # the buyer's chosen forum
    (
        "saas",
        FORUM,
        "Any proceedings arising out of this Agreement shall be issued in the court of the Customer's choosing.",
    ),
    (
        "prime",
        FORUM,
        "Subcontractor agrees that any dispute shall be resolved in the forum selected by Contractor, and Subcontractor shall be bound by the decision in that forum.",
    ),
    (
        "fed",
        FORUM,
        "Buyer may, at its election, bring suit against Seller in any court having jurisdiction over Buyer's principal office.",
    ),
    (
        "state",
        FORUM,
        "Any dispute shall be resolved in the court of claims of the State in which the Agency is located.",
    ),
    # fixed price carried by the supplier
    ("jct", PRICE, "The Sub-Contract Sum is a fixed price and no fluctuations shall be allowed."),
    (
        "fed",
        PRICE,
        "The unit prices in this Order are not subject to revision for any increase in Seller's costs of labor, materials or transportation.",
    ),
    (
        "saas",
        PRICE,
        "The Charges are fixed for the Term and the Supplier shall not be entitled to increase them for any reason, including inflation.",
    ),
    (
        "carrier",
        PRICE,
        "Rates are all-inclusive and no fuel surcharge, accessorial or other additional charge shall be payable.",
    ),
    (
        "ca",
        PRICE,
        "The Contractor shall not be entitled to any additional payment by reason of any change in the price of fuel, asphalt or other materials.",
    ),
    ("state", PRICE, "Pricing shall remain firm through the initial term and all renewal terms."),
    (
        "prime",
        PRICE,
        "Subcontractor's price includes all escalation through completion of the Project, and no claim for escalation will be considered.",
    ),
    (
        "council",
        PRICE,
        "The Contract Price shall not be varied on account of any change in the rate of the National Living Wage or in the Service Provider's other costs.",
    ),
    (
        "market",
        PRICE,
        "The Vendor bears all currency and exchange-rate risk, and the prices payable by the Company shall not change.",
    ),
    # acceptance with no time limit
    (
        "jct",
        ACCEPT,
        "Practical completion of the Sub-Contract Works shall not be achieved until the Contractor has certified in writing that they are complete.",
    ),
    (
        "fed",
        ACCEPT,
        "Final acceptance shall take place at Buyer's facility after Buyer's inspection, and payment shall be due only upon final acceptance.",
    ),
    (
        "au",
        ACCEPT,
        "The Principal may reject any Goods which in its opinion are not in accordance with the Contract, whether before or after payment.",
    ),
    (
        "saas",
        ACCEPT,
        "Each Deliverable shall be subject to the Customer's approval, and the Supplier may invoice only for Deliverables the Customer has approved.",
    ),
    (
        "council",
        ACCEPT,
        "Payment shall be made within 30 days of the Council certifying that the Services have been performed to its satisfaction.",
    ),
    (
        "ca",
        ACCEPT,
        "The holdback shall be released only after the City's Engineer has issued the Certificate of Final Completion.",
    ),
    (
        "prime",
        ACCEPT,
        "Subcontractor shall not be paid for any work until such work has been accepted by the Owner.",
    ),
    (
        "market",
        ACCEPT,
        "Funds for an order are released to the Vendor only after the customer marks the order as received.",
    ),
    (
        "fed",
        ACCEPT,
        "Buyer's acceptance shall not be deemed to occur by reason of payment, use or the lapse of time.",
    ),
    # waivers
    (
        "jct",
        WAIVER,
        "The Sub-Contractor shall not be entitled to any loss and/or expense arising from delay or disruption, its only remedy being an extension of time.",
    ),
    (
        "fed",
        WAIVER,
        "Acceptance of final payment by Seller shall constitute a waiver and release of all claims against Buyer arising out of this Order.",
    ),
    (
        "au",
        WAIVER,
        "The Principal is not liable for any claim by the Contractor unless the Contractor gives notice of the claim within 28 days after the event giving rise to it.",
    ),
    (
        "ca",
        WAIVER,
        "The Contractor waives any right to claim for additional costs resulting from delays caused by the City.",
    ),
    (
        "prime",
        WAIVER,
        "As a condition of each progress payment, Subcontractor shall execute an unconditional lien waiver and release through the date of the payment application.",
    ),
    (
        "saas",
        WAIVER,
        "The Supplier shall not suspend performance of the Services for any reason, including non-payment.",
    ),
    ("carrier", WAIVER, "Carrier waives any right to assert a lien on cargo for unpaid freight charges."),
    (
        "council",
        WAIVER,
        "Any claim by the Service Provider not notified in writing within 14 days of the event shall be deemed waived.",
    ),
    (
        "state",
        WAIVER,
        "Contractor's sole remedy for any delay caused by the Agency shall be an extension of time, and Contractor shall not be entitled to damages for delay.",
    ),
    # round 2 (written after round 1 passed, before the rules were run on it)
    (
        "fed",
        FORUM,
        "The exclusive venue for any suit arising under this Order is the United States District Court for the Western District of Washington or the King County Superior Court.",
    ),
    (
        "saas",
        FORUM,
        "Any claim by the Supplier must be commenced in the courts of the city in which the Customer's head office is located.",
    ),
    (
        "carrier",
        FORUM,
        "Carrier agrees that Customer may elect to have any dispute decided by arbitration or by the courts of its choosing.",
    ),
    ("market", FORUM, "These Terms are subject to the exclusive jurisdiction of the courts of Dubai."),
    (
        "prime",
        FORUM,
        "Venue for any litigation shall be Harris County, Texas, and Subcontractor waives any objection to that venue.",
    ),
    (
        "au",
        FORUM,
        "The parties submit to the exclusive jurisdiction of the Supreme Court of Queensland sitting at Brisbane.",
    ),
    (
        "fed",
        PRICE,
        "Seller shall not be entitled to any price adjustment as a result of tariffs, duties or changes in the cost of raw materials.",
    ),
    (
        "au",
        PRICE,
        "The Contractor accepts the risk of all changes in the cost of labour, plant and materials.",
    ),
    ("saas", PRICE, "The Charges set out in Schedule 2 will not increase during the Term."),
    (
        "carrier",
        PRICE,
        "The rates in Appendix A are all-inclusive and shall remain in effect for the term of this Agreement without change.",
    ),
    (
        "jct",
        PRICE,
        "Clause 4.9 (Fluctuations) shall not apply and the Sub-Contract Sum shall not be adjusted for any increase in costs.",
    ),
    (
        "saas",
        ACCEPT,
        "The Supplier may not invoice for a Milestone until the Customer has signed an Acceptance Certificate for it.",
    ),
    (
        "prime",
        ACCEPT,
        "Retainage shall be paid to Subcontractor only after the Architect has approved the Project as finally complete.",
    ),
    (
        "council",
        ACCEPT,
        "The Services shall be performed to the satisfaction of the Council's Contract Manager, whose decision shall be final.",
    ),
    (
        "market",
        ACCEPT,
        "Sales are credited to the Vendor's balance once the buyer confirms receipt of the goods.",
    ),
    (
        "fed",
        ACCEPT,
        "Goods are subject to final inspection and acceptance at Buyer's plant, notwithstanding prior payment.",
    ),
    (
        "council",
        WAIVER,
        "The Service Provider shall have no claim against the Council for any loss or expense arising from delay in giving access to the site.",
    ),
    (
        "saas",
        WAIVER,
        "The Supplier waives its right to terminate or suspend the Services for the Customer's failure to pay.",
    ),
    (
        "prime",
        WAIVER,
        "Subcontractor's sole remedy for delays caused by Contractor or Owner shall be an extension of time.",
    ),
    (
        "carrier",
        WAIVER,
        "Claims for unpaid freight charges must be brought within 90 days of delivery or they are waived.",
    ),
]

TWINS = [
    # written as a trap in round 1; moved here because a bare submission (no "exclusive", no
    # "shall be brought") is non-exclusive at common law, as the corpus labels en-609 and en-705
    (
        "ca",
        FORUM,
        "The Contractor irrevocably attorns to the jurisdiction of the courts of the Province of Nova Scotia sitting in Halifax.",
    ),
    (
        "fed",
        FORUM,
        "Any action arising under this Order shall be brought in the courts of the county in which the goods are delivered.",
    ),
    (
        "ca",
        FORUM,
        "The parties attorn to the non-exclusive jurisdiction of the courts of the Province of Nova Scotia.",
    ),
    ("saas", FORUM, "Each party submits to the exclusive jurisdiction of the courts of England and Wales."),
    (
        "prime",
        FORUM,
        "Any dispute shall be resolved by arbitration before a single arbitrator chosen jointly by the parties, at a location agreed by both parties.",
    ),
    (
        "carrier",
        FORUM,
        "Either party may bring proceedings in the courts of the defendant's principal place of business.",
    ),
    (
        "au",
        FORUM,
        "Proceedings shall be commenced in the court having jurisdiction where the Works are located.",
    ),
    ("market", FORUM, "Disputes shall be resolved by arbitration at a neutral venue agreed by the parties."),
    (
        "jct",
        PRICE,
        "The Sub-Contract Sum shall be adjusted for fluctuations in accordance with the formula rules in Schedule 3.",
    ),
    (
        "fed",
        PRICE,
        "Prices are firm for the first year; thereafter Seller may request an adjustment based on the Producer Price Index.",
    ),
    ("au", PRICE, "The Contract Price is subject to rise and fall in accordance with Schedule 4."),
    (
        "saas",
        PRICE,
        "The Supplier may increase the Charges once a year by no more than CPI on 60 days' notice.",
    ),
    (
        "carrier",
        PRICE,
        "A fuel surcharge shall be payable in accordance with the diesel index table in Schedule B.",
    ),
    ("ca", PRICE, "The price of asphalt cement is adjusted monthly by the published asphalt price index."),
    (
        "state",
        PRICE,
        "Prices may be adjusted at each renewal by agreement of the parties, based on documented cost increases.",
    ),
    (
        "fed",
        ACCEPT,
        "Buyer shall inspect the goods within fifteen (15) days after receipt; goods not rejected within that period are deemed accepted.",
    ),
    (
        "saas",
        ACCEPT,
        "The Customer shall approve or reject each Deliverable within ten (10) Business Days of delivery, failing which it is deemed approved.",
    ),
    ("council", ACCEPT, "Payment shall be made within 30 days of receipt of a valid invoice."),
    (
        "prime",
        ACCEPT,
        "Acceptance by the Owner is not a condition of payment; Contractor shall pay within 30 days of Subcontractor's application.",
    ),
    (
        "au",
        ACCEPT,
        "The Superintendent shall issue a certificate of practical completion within 14 days after receiving the Contractor's request.",
    ),
    (
        "market",
        ACCEPT,
        "Funds are released to the Vendor 7 days after delivery unless the customer opens a dispute within that time.",
    ),
    (
        "fed",
        WAIVER,
        "No failure or delay by either party in exercising any right shall operate as a waiver of it.",
    ),
    (
        "jct",
        WAIVER,
        "The Sub-Contractor shall be entitled to loss and expense caused by delay for which the Contractor is responsible.",
    ),
    (
        "prime",
        WAIVER,
        "Subcontractor shall furnish a conditional lien waiver, effective only upon receipt of the corresponding payment.",
    ),
    (
        "au",
        WAIVER,
        "The Contractor may claim an extension of time and its costs for any delay caused by the Principal.",
    ),
    (
        "ca",
        WAIVER,
        "Acceptance of final payment shall not waive any claim of the Contractor notified in writing before final payment.",
    ),
    (
        "saas",
        WAIVER,
        "The Supplier may suspend the Services if any undisputed invoice remains unpaid 30 days after notice.",
    ),
    ("saas", WAIVER, "The Customer waives any claim for delay caused by its own late instructions."),
    # round 2
    (
        "fed",
        FORUM,
        "Each party consents to the jurisdiction of the state and federal courts located in Delaware.",
    ),
    ("saas", FORUM, "Either party may bring proceedings in any court of competent jurisdiction."),
    (
        "market",
        FORUM,
        "Disputes shall be referred to arbitration under the ICC Rules in a seat agreed by the parties.",
    ),
    ("prime", FORUM, "Any litigation shall be brought in the county where the Project is located."),
    (
        "saas",
        PRICE,
        "On each anniversary of the Effective Date the Charges shall be increased by the percentage change in the Consumer Prices Index.",
    ),
    ("fed", PRICE, "Prices are firm for thirty (30) days from the date of Seller's quotation."),
    ("jct", PRICE, "Fluctuations shall be dealt with under Option C (formula adjustment)."),
    ("carrier", PRICE, "The Customer shall pay the fuel surcharge published weekly by the Carrier."),
    (
        "prime",
        ACCEPT,
        "Retainage shall be paid within 30 days after Substantial Completion of the Subcontract Work.",
    ),
    (
        "saas",
        ACCEPT,
        "If the Customer does not reject a Deliverable within five (5) Business Days it shall be deemed accepted.",
    ),
    ("market", ACCEPT, "Sales are credited to the Vendor's balance seven days after delivery."),
    (
        "council",
        WAIVER,
        "The Service Provider shall be entitled to recover its reasonable costs arising from any delay in giving access to the site.",
    ),
    (
        "carrier",
        WAIVER,
        "Claims for loss of or damage to cargo must be filed within nine months of delivery.",
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
