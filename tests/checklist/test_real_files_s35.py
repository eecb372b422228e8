"""Session 35: contracts as users hand them over, not as the corpus texts were cut from them.

Checked from their original files (benchmarks/score_from_files.py), RFPs and tender packs lost traps that the
corpus texts, cut down to the contract, kept:
- the sample contract of an RFP sits in an exhibit far from the document's head, so its parties' clause ("by and
  between X ("Contractor") and City of Memphis ("City")") was never read, and the City was no party;
- a parent-company guarantee form appended at the end defines its own "Company", which turned the contract's Owner
  into a third party;
- the exhibit's sections open with run-in capitals titles ("COMPENSATION. …") while the RFP's chapters before it are
  numbered, so the titles opened no clauses and the exhibit read as one clause of forty pages.
"""

from __future__ import annotations

from bidassist.checklist import load_packs
from bidassist.checklist.api import check_text
from bidassist.reading import split_clauses, text_blocks

RULES = load_packs(None)

_RFP = "\n".join(
    ["REQUEST FOR PROPOSALS", "1. INTRODUCTION", "1.1 The City invites proposals for grounds maintenance."]
    + [f"1.{i} Proposers shall address item {i} of the scope in their response." for i in range(2, 45)]
    + ["8.2 EXHIBIT B - SAMPLE STANDARD CONTRACT"]
)
_CONTRACT = (
    'PARTIES TO THE AGREEMENT. This Agreement is made by and between Green Lawns LLC ("Contractor") and '
    'City of Memphis ("City").\n'
    "TERM. This Agreement begins on the date of execution and runs for one year from that date.\n"
    "COMPENSATION. City shall use its best efforts to remit payment based on approved invoices.\n"
    "CITY FACILITIES. Contractor shall use City equipment only for the services under this Agreement.\n"
    "STANDARD OF PERFORMANCE. All services shall be performed in a manner satisfactory to City.\n"
    "INSURANCE. Contractor shall keep general liability insurance in force during the whole term.\n"
    "NOTICES. Notices under this Agreement shall be given in writing to the addresses stated above.\n"
    "GOVERNING LAW. This Agreement is governed by the laws of the State of Tennessee in all respects.\n"
    "ENTIRE AGREEMENT. This Agreement states the whole agreement of the parties on its subject matter.\n"
)


def test_the_parties_clause_of_a_contract_inside_an_rfp_is_read() -> None:
    result = check_text(_RFP + "\n" + _CONTRACT, RULES, we="Contractor")
    roles = {p["labels"][0]: p["role"] for p in result.parties["parties"]}
    assert roles.get("city") == "buyer" and roles.get("contractor") == "supplier"
    assert "payment.no_deadline" in {f.category for f in result.findings}
    # a reference to another agreement between other parties, with both sides already named, changes nothing
    head = 'This Agreement is between Alpha Ltd ("Buyer") and Beta Ltd ("Supplier").\n'
    other = (
        head
        + "\n".join(f"{i}. Clause {i}." for i in range(1, 50))
        + '\n50. The Main Contract between Gamma Ltd ("Owner") and Alpha Ltd ("Contractor") is attached.\n'
        + "\n".join(f"{i}. Clause {i}." for i in range(51, 90))
    )
    labels = {lab for p in check_text(other, RULES).parties["parties"] for lab in p["labels"]}
    assert "owner" not in labels


def test_a_guarantee_form_at_the_end_does_not_unseat_the_contracts_owner() -> None:
    head = (
        'This Contract is made between Gulf Holdings ("Owner") and Desert Builders ("Contractor").\n'
        "1. The Owner shall pay the Contractor within 30 days of each certificate.\n"
        "2. The Owner may deduct delay damages from any payment due to the Contractor.\n"
    )
    body = "\n".join(f"{i}. The Contractor shall carry out work package {i}." for i in range(3, 70))
    tail = (
        "\nSCHEDULE 9 - FORM OF PARENT COMPANY GUARANTEE\n"
        'This Guarantee is given by Desert Group ("Guarantor") to Gulf Holdings (the "Company").\n'
    )
    result = check_text(head + body + tail, RULES, we="Contractor")
    roles = {p["labels"][0]: p["role"] for p in result.parties["parties"]}
    assert roles.get("owner") == "buyer"
    assert "payment.set_off" in {f.category for f in result.findings}


def test_run_in_titles_open_clauses_in_the_stretch_written_that_way() -> None:
    clauses = split_clauses(text_blocks(_RFP + "\n" + _CONTRACT, "rfp.txt"))
    titles = [c.title for c in clauses if c.number is None and c.title]
    # (the parties' paragraph follows a heading line without a full stop: read as its continuation)
    assert titles == [
        "TERM",
        "COMPENSATION",
        "CITY FACILITIES",
        "STANDARD OF PERFORMANCE",
        "INSURANCE",
        "NOTICES",
        "GOVERNING LAW",
        "ENTIRE AGREEMENT",
    ]
    # a few titled paragraphs after numbered ones open nothing (tests/checklist/test_generalise_s28.py too)
    few = "\n".join(_CONTRACT.splitlines()[:6])
    assert not [
        c for c in split_clauses(text_blocks(_RFP + "\n" + few, "rfp.txt")) if c.number is None and c.title
    ]
