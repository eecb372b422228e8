"""The kinds the English checklist learnt from real buyer-drafted terms (session 11), each tried in
drafting styles the labelled corpora do not use: Australian and Canadian public-body conditions,
NEC/JCT-style subcontracts, US federal flow-down purchase orders, SaaS/MSA and distribution
agreements (written for this test). Traps and their harmless twins; parties named by usage; list
items read after their lead-in. A whole contract text is checked as `check` checks it."""

from __future__ import annotations

import pytest
from shipped_packs import RULES, categories

from bidassist.checklist.api import check_text, contract_parties
from bidassist.checklist.names import named_party
from bidassist.checklist.units import units_from_clauses
from bidassist.reading import split_clauses, text_blocks

TRAPS = [
    # REVIEW rule 10: damages for the supplier's own breach that reach further (lost profit, no cap)
    (
        "liability.uncapped",
        "The Vendor shall be liable for all losses the Purchaser suffers as a result of the Vendor's breach, "
        "including loss of profits.",
    ),
    (
        "liability.uncapped",
        "The Vendor shall be liable for all damages resulting from its default. Liability is not limited.",
    ),
    # acceptance left to the buyer's satisfaction or judgment, with no period
    (
        "acceptance.no_deadline",
        "The Services shall be performed to the satisfaction of the Principal.",
    ),
    (
        "acceptance.no_deadline",
        'This Agreement is made between His Majesty the King in right of Ontario (the "Province") and '
        'the vendor (the "Supplier").\n'
        "7. The Province shall be the sole judge of whether the Deliverables meet the Requirements.",
    ),
    (
        "acceptance.no_deadline",
        "Acceptance shall take place only upon successful completion of the Customer's acceptance tests.",
    ),
    # waivers: claims time-barred or not entertained, restitution excluded, delay costs excluded
    (
        "rights.waiver",
        "Any claim for additional payment not notified within seven days of the event shall not be "
        "considered by the Principal.",
    ),
    (
        "rights.waiver",
        "No claim for disruption or standing time shall be entertained unless the Subcontractor gave "
        "notice before the work was affected.",
    ),
    (
        "rights.waiver",
        "The Distributor's sole recourse shall be the remedies set out in this Agreement, and no claim "
        "shall lie in unjust enrichment or any other theory.",
    ),
    (
        "rights.waiver",
        "The Contractor shall not be entitled to recover idle time or demobilisation costs caused by "
        "late access to the Site.",
    ),
    # set-off of back-charges and of future or unliquidated liabilities
    (
        "payment.set_off",
        "The Department may deduct any back-charge from any current or future invoice due to the Vendor.",
    ),
    (
        "payment.set_off",
        "The Customer may set off any amount claimed by it against the Provider, whether present or "
        "future, liquidated or unliquidated, against any fees due.",
    ),
    # the supplier bears every loss, however caused, in passive form
    (
        "liability.uncapped",
        "Loss of or damage to the Authority's property arising from the Goods will be fully borne by "
        "the Supplier.",
    ),
    (
        "liability.consequential",
        "The Distributor shall bear all damage to stock caused by its storage, together with all "
        "resulting costs and losses.",
    ),
    # cost increases borne by the supplier; rates changed by notice
    (
        "price.fixed_no_adjustment",
        "The Contractor bears the risk of all labour and material price increases during the Term.",
    ),
    (
        "change.unilateral",
        "Schedule of Rates items are subject to annual review, with any change notified to the "
        "Contractor in writing.",
    ),
    # pass-through: never more than the owner pays
    (
        "payment.back_to_back",
        "The Subcontractor shall not be entitled to recover any greater sum than the Contractor "
        "actually recovers from the Principal in respect of the claim.",
    ),
    # defects to be remedied even after the period
    (
        "warranty.long",
        "The Vendor shall correct any defect notified during or after the warranty period at its own cost.",
    ),
]

HARMLESS = [
    # REVIEW rule 10: the cost of remedying the supplier's own defects is compensation for its breach
    "Any expense of whatsoever nature which the Buyer may incur in remedying defective work shall be "
    "for the account of the Supplier.",
    "The Subcontractor shall be liable for all additional damages the Contractor may incur as a result of "
    "the Subcontractor's failure to complete its work.",
    "The Services shall be performed to the reasonable satisfaction of the Principal.",
    "The Province shall be the judge of conformity and shall notify any rejection within ten (10) "
    "days of delivery.",
    "Acceptance shall take place within fourteen (14) days after delivery; failing notice the "
    "Deliverables are deemed accepted.",
    "Any claim notified within twenty-eight (28) days of the event will be considered by the Principal "
    "in good faith.",
    "The Customer may deduct the reasonable cost of remedying the defect from any invoice due to the "
    "Provider, if the Provider fails to remedy it within thirty (30) days.",
    "Each party shall bear its own costs of preparing this Agreement.",
    "The Distributor shall be responsible for the payment of all wages and fringe benefits of its "
    "staff, and shall hold the Supplier harmless from all claims connected therewith.",
    "Rates are subject to annual review by written agreement of both parties.",
    "Work products will be delivered to the Customer upon completion and payment.",
    "The retention shall be released after the end of the defects liability period.",
    "The Buyer bears the risk of all exchange rate increases after the order date.",
    "The Vendor shall indemnify and hold harmless the Department from all losses arising from the "
    "Vendor's violation of export control laws or sanctions.",
]


def _categories(text: str) -> set[str]:
    return categories(text, lang="en")


@pytest.mark.parametrize(("category", "text"), TRAPS, ids=[f"{c}-{i}" for i, (c, _) in enumerate(TRAPS)])
def test_trap_variant_is_found(category: str, text: str) -> None:
    assert category in _categories(text), text


@pytest.mark.parametrize("text", HARMLESS, ids=[f"harmless-{i}" for i in range(len(HARMLESS))])
def test_harmless_twin_is_not_flagged(text: str) -> None:
    assert _categories(text) == set(), text


_BUYER_DRAFTED = """Conditions of Purchase of Quokka Water Corporation
1. Orders. Quokka may issue Orders to the Supplier at any time. The Supplier shall deliver to Quokka.
2. Payment. Quokka shall pay correct invoices within 30 days. The Supplier shall invoice Quokka monthly.
3. Set-off. Quokka may set off any amount owed by the Supplier to Quokka against sums due to the Supplier.
4. Records. Quokka's auditors may inspect the Supplier's records. The Supplier shall assist Quokka.
5. Liability. Quokka's total liability shall not exceed the price of the Order.
"""


def _parties(text: str) -> dict[str, str]:
    units = units_from_clauses(split_clauses(text_blocks(text, "t.txt")))
    return {lab: p.role for p in contract_parties(units).parties for lab in p.labels}


def test_a_name_used_as_the_buyer_is_the_buyer() -> None:
    roles = _parties(_BUYER_DRAFTED)
    assert roles.get("quokka") == "buyer"
    assert roles.get("supplier") == "supplier"
    found = categories(_BUYER_DRAFTED, lang="en")
    assert "payment.set_off" in found


def test_a_supplier_named_in_its_own_terms_is_the_supplier() -> None:
    text = (
        "Terms of Service of Wombat Analytics\n"
        "1. Wombat shall provide the Services to the Customer. Fees are payable to Wombat monthly.\n"
        "2. Wombat may suspend the Services if the Customer does not pay. The Customer shall notify Wombat.\n"
        "3. Wombat's total liability shall not exceed the fees paid. Wombat will use reasonable care.\n"
        "4. The Customer may terminate on 30 days' notice to Wombat. The Customer shall pay all fees.\n"
    )
    assert _parties(text).get("wombat") == "supplier"


def test_common_capitalised_words_are_no_name() -> None:
    text = (
        "Goods shall be delivered to the Site. Payment shall be made by the Buyer. Delivery shall be to "
        "the Site. Goods shall conform. Title shall pass. Risk shall pass to the Buyer. Goods may be "
        "rejected by the Buyer. The Supplier shall deliver to the Buyer."
    )
    assert named_party(text, {"buyer", "supplier"}) is None


def test_a_list_item_is_read_after_its_lead_in() -> None:
    at_will = (
        "13.1 The Authority may terminate the Contract:\n"
        "(a) with immediate effect by notice if the Supplier commits a material breach; or\n"
        "(b) for convenience by giving the Supplier one month's notice.\n"
    )
    for_cause = (
        "6.1 If the Supplier fails to deliver the Goods by the due date, the Authority may exercise "
        "any of the following rights:\n"
        "(a) to terminate the Contract with immediate effect by giving written notice to the Supplier;\n"
        "(b) to recover the cost of substitute goods.\n"
    )
    hits = [
        f for f in check_text(at_will, RULES, lang="en").findings if f.category == "termination.convenience"
    ]
    assert [f.clause for f in hits] == ["13.1 (b)"]
    assert "termination.convenience" not in {
        f.category for f in check_text(for_cause, RULES, lang="en").findings
    }


def test_a_lead_in_trap_is_reported_once() -> None:
    text = (
        "10.1 The Supplier shall indemnify the Buyer against any and all losses arising out of:\n"
        "(a) any breach of this Contract;\n"
        "(b) any claim by a third party.\n"
    )
    hits = [f for f in check_text(text, RULES, lang="en").findings if f.category == "liability.uncapped"]
    assert [f.clause for f in hits] == ["10.1"]


def test_a_passive_bearer_after_the_match_is_the_actor() -> None:
    text = (
        "Any expense of whatsoever nature which the Buyer may incur in connection with the work shall be "
        "for the account of the Supplier."
    )
    assert "liability.uncapped" in _categories(text)


def test_a_place_is_no_role_word_for_a_name() -> None:
    """ "the laws of the Province of Ontario" / "the State of Delaware" name no party: the name
    takes no role from them."""
    text = (
        "Agreement between Ehave, a company of the Province of Ontario, and the reseller.\n"
        "1. Ehave may terminate on notice to Ehave's reseller. The laws of the Province of Ontario apply.\n"
        "2. Ehave shall deliver to the Province of Ontario offices. Ehave will invoice. Claims go to Ehave.\n"
        "3. Courts of the Province of Ontario. Ehave shall pay fees to Ehave's agents. Notices to Ehave.\n"
    )
    assert "ehave" not in _parties(text)


_LOCAL_COURT = "9. Disputes. The courts of Perth, Western Australia have exclusive jurisdiction.\n"


def test_a_local_court_is_flagged_in_terms_the_buyer_wrote() -> None:
    found = {f.category for f in check_text(_BUYER_DRAFTED + _LOCAL_COURT, RULES, lang="en").findings}
    assert "dispute.forum" in found
    state = (
        "Any dispute will be resolved by a court of competent jurisdiction located in the State of Oregon."
    )
    assert "dispute.forum" in _categories(state)


def test_a_local_court_in_the_suppliers_own_terms_is_not_flagged() -> None:
    own = (
        "Terms of Service of Wombat Analytics\n"
        "1. Wombat shall provide the Services to the Customer. Fees are payable to Wombat monthly.\n"
        "2. Wombat may suspend the Services if the Customer does not pay. The Customer shall notify Wombat.\n"
        "3. Wombat's total liability shall not exceed the fees paid. Wombat will use reasonable care.\n"
        "4. The Customer may terminate on 30 days' notice to Wombat. The Customer shall pay all fees.\n"
    )
    assert "dispute.forum" not in {
        f.category for f in check_text(own + _LOCAL_COURT, RULES, lang="en", we="Wombat").findings
    }


def test_a_hyphenated_sub_contractor_is_not_the_contractor() -> None:
    """ "Sub-Contractor" holds the word "Contractor": the Sub-Contractor's own liability stays the
    supplier's when the Contractor is the buyer."""
    text = (
        "Work Order terms of the Contractor to the Sub-Contractor.\n"
        "1. The Contractor shall pay the Sub-Contractor monthly. The Sub-Contractor shall invoice the Contractor.\n"
        "2. The Sub-Contractor shall be liable for all losses resulting to the Contractor from any breach, "
        "including any loss of profits.\n"
        "3. The Sub-Contractor shall report to the Contractor. The Contractor may inspect the Sub-Contractor's work.\n"
    )
    assert "liability.consequential" in {f.category for f in check_text(text, RULES, lang="en").findings}
