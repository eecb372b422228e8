"""Session 46: kinds read from heldout33 (public-sector IT task orders and a managed-service
provider's supplier agreement) and heldout34 (purchase terms of a distributor and two
manufacturers), both moved to development this session, each written as the kind.

- A recital of the contract this one serves ("the Contractor has entered into a contract with the
  State of Alabama (the "Customer")") defines the other side of that contract: a third party. The
  two sides left are both supplier words (Contractor, Supplier), and the one that relates to the
  outside customer is the buyer here.
- Unnumbered purchase terms whose first paragraph leads into a list ("… that all Products will:
  (a) …; (e) …") go on in paragraphs of their own: each later paragraph is its own clause, not part
  of the list's last item.
"""

from __future__ import annotations

from shipped_packs import RULES

from bidassist.checklist import check_text
from bidassist.reading import split_clauses
from bidassist.reading.text import text_blocks_and_headings


def _sides(text: str, we: str | None = None) -> dict[str, list[str]]:
    found = check_text(text, RULES, we=we).parties["parties"]
    out: dict[str, list[str]] = {}
    for p in found:
        out.setdefault(p["role"], []).extend(p["labels"])
    return out


_MSP_HEAD = (
    "SUPPLIER AGREEMENT\n"
    "THIS AGREEMENT, made on the Effective Date, by and between NORTHWIND SERVICES, INC., with offices at "
    '12 Main Street ("Contractor") and Acme Widgets, with offices at 4 High Street ("Supplier").\n'
    'WHEREAS, the Contractor has entered into a contract with the State of Ruritania (the "Customer") to provide '
    "project services; and\n"
    "WHEREAS the Contractor wishes to hire the Supplier to perform certain services for the Customer.\n"
    "1. Payment. Payment terms are seven days from the receipt of payment from Customer, and receipt of a valid "
    "invoice, whichever comes later.\n"
    "2. Term. Supplier shall have no right to terminate any SOW.\n"
)


def test_a_prime_contracts_customer_is_a_third_party_and_the_contractor_buys() -> None:
    sides = _sides(_MSP_HEAD, we="Supplier")
    assert sides["third_party"] == ["customer"]
    assert sides["buyer"] == ["contractor"]
    assert sides["supplier"] == ["supplier"]
    found = {f.rule for f in check_text(_MSP_HEAD, RULES, we="Supplier").findings}
    assert "en.payment.back_to_back" in found
    assert "en.rights.waiver.remedy" in found


def test_a_customer_defined_in_this_contracts_own_parties_clause_stays_a_side() -> None:
    text = (
        'This Agreement is made between Globex Ltd (the "Customer") and Acme Widgets Ltd (the "Supplier").\n'
        'The Supplier has entered into a contract with Initech (the "Carrier") for deliveries.\n'
        "1. The Customer shall pay within 30 days of invoice.\n"
    )
    sides = _sides(text)
    assert sides["buyer"] == ["customer"]
    assert sides["supplier"] == ["supplier"]


_LED_IN = (
    "Terms and Conditions of Purchase\n"
    'These terms apply to all purchases of goods by Globex ("Globex") from its suppliers (each a "Supplier").\n'
    "Supplier warrants to Globex that all Products will:\n"
    "(a) comply with all applicable laws;\n"
    "(b) be free from all defects in material and workmanship; and\n"
    "(c) be fit for their intended purposes. If any conflict exists between an Order and these terms, the Order "
    "controls.\n"
    "Supplier agrees that Globex need not inspect Products or packaging before re-sale.\n"
    "Globex may revise these Terms and Conditions from time to time.\n"
)


def test_paragraphs_after_a_led_in_list_are_clauses_of_their_own() -> None:
    blocks, headings = text_blocks_and_headings(_LED_IN, "t", rows=True)
    clauses = split_clauses(blocks, headings=headings, rows=True)
    assert [c.number for c in clauses] == [None, None, None, "(a)", "(b)", "(c)", None, None]
    assert clauses[5].text.endswith("the Order controls.")
    assert clauses[6].text.startswith("Supplier agrees that Globex need not inspect")


def test_a_numbered_clauses_own_paragraphs_stay_with_it() -> None:
    text = (
        "1. Payment\n"
        "The Buyer shall pay as follows:\n"
        "(a) 30% on signature;\n"
        "(b) 70% on acceptance.\n"
        "Payment is made by bank transfer.\n"
        "2. Warranty\n"
        "Twelve months.\n"
    )
    blocks, headings = text_blocks_and_headings(text, "t", rows=True)
    clauses = split_clauses(blocks, headings=headings, rows=True)
    assert clauses[2].number == "(b)"
    assert "Payment is made by bank transfer." in clauses[2].text


def test_a_unilateral_change_forbidden_or_the_suppliers_own_is_no_trap() -> None:
    def cats(text: str) -> set[str]:
        return {f.category for f in check_text(text, RULES).findings}

    assert "change.unilateral" not in cats(
        "7. The Supplier shall not unilaterally revoke, terminate or suspend any rights granted to the Buyer.\n"
    )
    assert "change.unilateral" not in cats(
        "8. Any terms unilaterally revised after award that conflict with this contract shall not be enforceable "
        "against the Buyer.\n"
    )
    assert "change.unilateral" not in cats(
        "9. After award, the Supplier may unilaterally revise terms that are not material.\n"
    )
    assert "change.unilateral" in cats("10. The Buyer may unilaterally change the scope of the Services.\n")
