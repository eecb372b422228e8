"""Session 51. Found by studying heldout51 (en-5101..5103: a Scottish manufacturer's conditions of purchase, a
US municipal utility's purchase-order terms, a US transit authority's RFP conditions), moved to development
before its misses were read.

Parties: a generic defined name whose description is a role word ("the supplier/contractor (the
"Company")") is that side, whatever "Company" names in other contracts (it had been read as the buyer, so
every supplier duty was read as the buyer's); a definition of a class ("Supplier" means any manufacturer,
company, or agency providing units …) names no party (it had made the Contractor the buyer).

Reading: a colon ends a lead-in, not the sentence, so a rate table under "at the rate per week shown
below:" is paired with its rate; an aside between a defined word and "means" still makes a definition.

Wordings: the verbs annul and rescind, "discontinue the Task Order"; no liability "for compensation for any
labor … furnished"; "no financial or other liability whatsoever shall be incurred by the Buyer" after
a cancellation; continuing "while matters in dispute are being resolved"; payment conditional on a notice
or final invoice within a window; a delivery point that "may change upon written notification"; "subject to
change … at the discretion of" the buyer. Look-alikes: "direct and indirect costs" in an audit or a
mark-up; publicity and information about the order; the supplier's own lien creditors paid off.
"""

from __future__ import annotations

import pytest
from shipped_packs import RULES, party_sides

from bidassist.checklist import check_text
from bidassist.core.numbers import find_daily_rates


def _categories(text: str) -> set[str]:
    return {f.category for f in check_text(text, RULES).findings}


def test_a_generic_name_described_by_a_role_word_takes_that_side() -> None:
    text = (
        "TERMS & CONDITIONS\nThe purchase order constitutes the entire agreement between the City of Sandford, "
        'acting by and through its Water Board ("Sandford Water") and the supplier/contractor (the "Company") '
        "identified in the Purchase Order.\n"
        "1. Delivery. Company shall deliver the Goods on the Delivery Date.\n"
        "2. Payments. If Company fails to submit an invoice within sixty (60) days following performance, then "
        "Company waives its right to payment for the work.\n"
    )
    sides = party_sides(text)
    assert "company" in sides.get("supplier", [])
    assert "sandford water" in sides.get("buyer", [])
    assert "rights.waiver" in _categories(text)


def test_a_definition_of_a_class_names_no_party() -> None:
    text = (
        "3.1 General Definitions:\n"
        '"Contractor" means the person or legal entity to whom the Contract is awarded.\n'
        '"Supplier" means any manufacturer, company, or agency providing units or components for inclusion.\n'
        '"Authority" means the Metro Transit Authority.\n'
        "3.3.1 Termination for Convenience: The Authority may terminate this contract, in whole or in part, at "
        "any time without cause and solely for the convenience of the Authority by giving written notice.\n"
    )
    sides = party_sides(text)
    assert "contractor" in sides.get("supplier", [])
    assert "contractor" not in sides.get("buyer", [])
    assert "termination.convenience" in _categories(text)


def test_a_rate_table_after_a_colon_is_read_with_its_rate() -> None:
    text = "liquidated damages will apply at the rate per week shown below:\nWeek 1 - 2% Week 2 - 2%\n"
    rates = find_daily_rates(text)
    assert rates and float(rates[0].value * 7) == pytest.approx(0.02)
    # a line that does not end with a colon still ends the sentence
    assert not find_daily_rates(
        "liquidated damages will apply at the rate per week shown below\nWeek 1 - 2%\n"
    )


def test_an_aside_before_means_keeps_a_definition() -> None:
    text = (
        "Buyer: Metro Transit Authority\nContractor: Beta Staffing LLC\n"
        '"Final Acceptance" (used in the context of construction contracts) means all provisions of the '
        "Contract have been completed to the Buyer's satisfaction, including punch list items.\n"
    )
    assert "acceptance.no_deadline" not in _categories(text)


_EN_HEAD = (
    "Buyer: Metro Transit Authority\nContractor: Beta Staffing LLC\n1. Scope. The Contractor shall supply.\n"
)


@pytest.mark.parametrize(
    ("clause", "category"),
    [
        (
            "2.3 The Buyer may elect to discontinue the Task Order at any time for any reason or no reason.",
            "termination.convenience",
        ),
        (
            "3.22 The Buyer shall have the right to annul this contract at any time without liability.",
            "termination.convenience",
        ),
        (
            "3.3.2.3 (a) The Buyer may complete such contract without further liability to the Contractor for "
            "compensation for any labor, supplies or materials furnished by the Contractor under the contract.",
            "termination.convenience",
        ),
        (
            "23.3 If the Buyer exercises his right of cancellation arising from non-performance or breach by the "
            "Contractor, then no financial or other liability whatsoever shall be incurred by the Buyer.",
            "termination.convenience",
        ),
        (
            "3.4.2 Performance During Dispute: Unless otherwise directed by the Buyer, the Contractor shall continue "
            "performance under this Contract while matters in dispute are being resolved.",
            "rights.waiver",
        ),
        (
            "3.3.1 The Contractor will be paid for work performed up to termination. To be paid, unless an "
            "extension is authorized in writing by the Buyer, the Contractor must submit its final invoice within "
            "thirty (30) calendar days of the date of termination.",
            "rights.waiver",
        ),
        (
            "5.3 Goods are to be delivered to the Buyer's depot. This delivery point may change upon written "
            "notification.",
            "change.unilateral",
        ),
        (
            "2.11 Job Categories are subject to change throughout the duration of the contract at the discretion "
            "of the Buyer.",
            "change.unilateral",
        ),
    ],
)
def test_english_wordings(clause: str, category: str) -> None:
    assert category in _categories(_EN_HEAD + clause + "\n")


@pytest.mark.parametrize(
    ("clause", "category"),
    [
        (
            "Right to Audit. The Contractor's records shall be open to audit to permit verification of any invoices "
            "based on the Contractor's actual costs (including direct and indirect costs and overhead allocations).",
            "liability.consequential",
        ),
        (
            "22.1 The Contractor will not, without the prior written consent of the Buyer, advertise, publicly "
            "announce or provide to any other person information relating to the existence or details of the Order.",
            "exclusivity",
        ),
        (
            "4.2 If the Contractor fails to furnish evidence that the lien is released within ten (10) days, the "
            "Buyer may discharge the indebtedness and deduct the total of all costs and fees from any money owed to "
            "the Contractor.",
            "payment.set_off",
        ),
        (
            "60.13 The Buyer shall withhold the applicable percentage of the social insurance from each payment "
            "certificate.",
            "payment.set_off",
        ),
        ("35. The Buyer shall deduct the royalty charges from the Contractor's bills.", "payment.set_off"),
        (
            "3.7 The Contractor shall protect and indemnify the Buyer against any claim or liability arising from "
            "any violation of applicable laws or regulations by the Contractor or of the same by its agents.",
            "liability.uncapped",
        ),
    ],
)
def test_english_look_alikes(clause: str, category: str) -> None:
    assert category not in _categories(_EN_HEAD + clause + "\n")
