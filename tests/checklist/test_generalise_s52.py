"""Session 52. Found by a judged reading of the held-out findings (helper judge52, who saw neither labels
nor rules): three forum findings on a US court's request for quote (en-4901, moved to development for
it) named no forum, and "penalties of 1/10% per day" was quoted as 10 %.

Reading: a fraction written before the sign is a fraction of one percent (numbers tests). Parties: a
court that issues the order is a public body that buys ("the Court shall …"), and "Product Owner" (an
agile team's role) is no owner of the works. Forum: a court described, a court introduced ("is an
independent Federal court in Washington") or a verb after "courts in" names no forum chosen for
disputes. Change: an agile backlog's user stories reordered by the buyer are the method, not a change
of scope.
"""

from __future__ import annotations

from shipped_packs import RULES, party_sides

from bidassist.checklist import check_text

RFQ = (
    "REQUEST FOR QUOTE #18-0018\nUnited States Tax Court\nStatement of Work\n\nIntroduction\n\n"
    "The United States Tax Court (hereinafter \u201cthe Tax Court\u201d or \u201cthe Court\u201d) is an "
    "independent Federal court in Washington, D.C, that provides a national forum for the formal "
    "adjudication of disputes between taxpayers and the Internal Revenue Service.\n\n"
    "The Court is requesting quotes for agile software development services. The Court will consider "
    "quotes from any vendor. The Court will award a time-and-materials task order.\n\n"
    "Roles\n\nThe Product Owner sets priorities. The Product Owner accepts stories. The Product Owner "
    "attends the sprint review. The Contractor shall staff the team. The Contractor shall deliver code "
    "every sprint. The Contractor shall follow the Court's security rules. The Court may inspect the "
    "work. The Court shall own the repository.\n\n"
    "User Stories\n\nIndividual user stories may be modified, added, retracted, or reprioritized by the "
    "Court at any time.\n\n"
    "Data Rights\n\nThe Contractor must obtain written permission from the Court before incorporating "
    "into the delivered software any software under a licence that is not open source. If the Court "
    "grants such written permission, then the Contractor\u2019s rights to use that software must be "
    "promptly assigned to the Court.\n"
)


def _categories(text: str) -> set[str]:
    return {f.category for f in check_text(text, RULES).findings}


def test_a_court_that_orders_is_the_buyer_and_a_product_owner_is_no_party() -> None:
    sides = party_sides(RFQ)
    assert "court" in sides.get("buyer", [])
    assert "owner" not in sides.get("buyer", [])
    assert "contractor" in sides.get("supplier", [])


def test_the_court_described_is_no_forum_and_the_backlog_no_change() -> None:
    found = _categories(RFQ)
    assert "dispute.forum" not in found
    assert "change.unilateral" not in found
    # the supplier's rights to use the software it brings pass to the buyer
    assert "ip.assignment" in found


def test_a_court_chosen_for_disputes_still_counts() -> None:
    text = (
        RFQ
        + "\nDisputes\n\nAny action arising under this order shall be brought in the courts located in Travis County, Texas.\n"
    )
    assert "dispute.forum" in _categories(text)


def test_lettered_sections_keep_their_clauses_apart() -> None:
    # a US municipal contract's sections J., K., … R., U. (dev en-1103): read as one clause "6" they
    # reported one waiver where there are two
    text = (
        "Q. PAYMENTS TO THE CONTRACTOR\n"
        "6. FINAL PAYMENT - Upon the expiration of six months the City will pay to the Contractor all sums "
        "retained.\n"
        "R. ACCEPTANCE OF FINAL PAYMENT AS RELEASE\nThe acceptance by the Contractor of the final payment shall "
        "release the City from all claims by the Contractor made for work provided under the Contract.\n"
        "U. RESOLUTION OF CONTRACT QUESTIONS\nThe Project Manager shall decide all questions as to the quality "
        "of the work. The decision of the Project Manager shall be final and conclusive.\n"
    )
    found = check_text(text, RULES).findings
    waivers = {f.clause for f in found if f.category == "rights.waiver"}
    assert waivers == {"R", "U"}
