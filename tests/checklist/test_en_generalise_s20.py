"""Session 20 (en-gen): English frames from US public-body and purchase-order terms, each checked as a
whole contract whose parties are defined in its first clause.

- change.unilateral: the buyer (or its Purchasing Agent) alone prices a change or what it keeps
  despite defects ("shall determine an equitable adjustment", "subject to an adjustment in price to
  be determined by the County"); the supplier must carry out a change notice on receipt.
Harmless twins: the adjustment agreed by both parties; the buyer fixing delay damages; the
supplier's own proposal.
- termination.convenience (twins): the buyer's right to end answers the supplier's own act - its
  violation of a warranty ("For violation of this warranty, the County may terminate"), or a price
  rise above a stated percentage ("if such increase in prices is greater than 5%, Buyer may terminate
  without liability") - no termination at will."""

from __future__ import annotations

import pytest
from shipped_packs import categories

HEAD = {
    "county": '1. Parties\nThis Contract is between Fairview County (the "County") and Ridge Supply LLC (the "Contractor").\n2. Terms\n',
    "po": '1. Parties\nThese Purchase Order Terms apply between Northwind Industries Inc. (the "Buyer") and the supplier named in the Order (the "Seller").\n2. Terms\n',
}

TRAPS = [
    (
        "po",
        "termination.convenience",
        "Buyer may terminate this Agreement at any time without liability by 30 days' notice to Seller.",
    ),
    (
        "county",
        "change.unilateral",
        "If in the Purchasing Agent's opinion it becomes necessary to make any change in design, the Purchasing Agent shall determine an equitable adjustment to the Contractor's compensation.",
    ),
    (
        "county",
        "change.unilateral",
        "The County reserves the right to use services performed which are substandard in quality, subject to an adjustment in price to be determined by the Procurement Officer.",
    ),
    (
        "po",
        "change.unilateral",
        "Changes. The Seller shall comply with each change notice upon receipt.",
    ),
]

TWINS = [
    (
        "county",
        "termination.convenience",
        "For violation of this warranty, the County shall have the right to terminate this contract without liability to the County.",
    ),
    (
        "po",
        "termination.convenience",
        "Seller may raise its prices on 60 days' notice, provided that if any increase in Product prices exceeds 5% in a Contract Year, Buyer may terminate this Agreement without liability to either party.",
    ),
    (
        "county",
        "change.unilateral",
        "Any change in design shall be priced by an equitable adjustment agreed in writing by both parties.",
    ),
    (
        "county",
        "change.unilateral",
        "The Purchasing Agent shall determine the amount of liquidated damages for each day of delay.",
    ),
    (
        "po",
        "change.unilateral",
        "The Seller shall prepare an equitable adjustment proposal and submit it to the Buyer.",
    ),
]


@pytest.mark.parametrize(("head", "category", "text"), TRAPS)
def test_frame_caught(head: str, category: str, text: str) -> None:
    assert category in categories(HEAD[head] + "3. " + text + "\n", lang="en")


@pytest.mark.parametrize(("head", "category", "text"), TWINS)
def test_twin_passes(head: str, category: str, text: str) -> None:
    assert category not in categories(HEAD[head] + "3. " + text + "\n", lang="en")
