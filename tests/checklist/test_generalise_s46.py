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

from shipped_packs import RULES, categories, party_sides

from bidassist.checklist import check_text
from bidassist.reading import split_clauses
from bidassist.reading.text import text_blocks_and_headings

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
    sides = party_sides(_MSP_HEAD, we="Supplier")
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
    sides = party_sides(text)
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
    assert "change.unilateral" not in categories(
        "7. The Supplier shall not unilaterally revoke, terminate or suspend any rights granted to the Buyer.\n"
    )
    assert "change.unilateral" not in categories(
        "8. Any terms unilaterally revised after award that conflict with this contract shall not be enforceable "
        "against the Buyer.\n"
    )
    assert "change.unilateral" not in categories(
        "9. After award, the Supplier may unilaterally revise terms that are not material.\n"
    )
    assert "change.unilateral" in categories(
        "10. The Buyer may unilaterally change the scope of the Services.\n"
    )


_MARKETPLACE = (
    "Terms and Conditions of Service Agreement for Catering Providers\n"
    'Feastly.io ("Feastly.io," "we," or "us") connects providers of catering (hereinafter referred to as "Providers") '
    'to buyers of catering (hereinafter referred to as "Buyers").\n'
    "1. Feastly.io will pass on payment to the Provider within 30 days. Feastly.io may cancel any order. "
    "Feastly.io shall charge its fee on each order. Feastly.io will notify the Provider of changes. "
    "The Provider shall deliver each order to the Buyer on time. The Provider shall keep its menu current. "
    "The Provider shall indemnify Feastly.io. The Provider will invoice Feastly.io monthly. "
    "The Provider agrees that any losses resulting for the Buyer should be the sole liability of the Provider. "
    "Payments are made by Feastly.io to the Provider. Questions go to Feastly.io. Notices go to Feastly.io.\n"
)


def test_a_marketplaces_far_side_class_is_no_party_and_the_platform_buys() -> None:
    sides = party_sides(_MARKETPLACE)
    assert "buyer" not in sides.get("buyer", [])
    assert "feastly.io" in sides["buyer"]
    assert "provider" in sides["supplier"]


_LETTER = (
    "Terms of Appointment for Contractors\n"
    "We feel sure that your employees will respect our wishes on our sites. We ask that you read this booklet. "
    "We will send you each purchase order. We may visit the site. We expect you to follow it.\n"
    "1. You must ensure that your employees wear identification. Your invoices must quote the order number. "
    "Your staff must sign in. You will provide method statements when we ask. You must keep your personnel "
    "trained.\n"
    "2. The Client under the CDM Regulations has duties of its own. The Client must appoint a principal designer. "
    "The Client must provide information. The Client shall make arrangements for managing the project.\n"
    "3. Data protection: the Supplier shall process personal data only on the Client's instructions. The Supplier "
    "shall keep it secure. The Supplier shall notify the Client of breaches.\n"
)


def test_a_letter_to_you_makes_you_the_side_your_duties_show() -> None:
    sides = party_sides(_LETTER)
    assert "you" in sides["supplier"]
    assert "we" in sides["buyer"]


def test_marketplace_terms_kinds_from_heldout35() -> None:
    assert "rights.waiver" in categories(
        "5. You further agree to release the Buyer from any claims, demands and damages arising out of any "
        "dispute you have with one or more customers.\n"
    )
    assert "liability.uncapped" in categories(
        "6. The Supplier agrees that any losses that arise in the process of order execution should be the sole "
        "liability of the Supplier.\n"
    )
    # a duty that is the supplier's alone is no liability without limit
    assert "liability.uncapped" not in categories(
        "7. Compliance with the site's safety standards shall be the sole responsibility of the Supplier.\n"
    )
    assert "change.unilateral" in categories(
        "8. Any subsequent order updates sent to the Supplier by email supersede the original order.\n"
    )
    assert "price.most_favored" in categories(
        "9. The Supplier's menu pricing must reflect the Supplier's publicly offered menu.\n"
    )


def test_supply_agreement_kinds_from_heldout36() -> None:
    assert "payment.long_term" in categories(
        "9.2 Invoices shall be issued in USD and paid at 60 days from the end of month invoice date.\n"
    )
    assert "change.unilateral" in categories(
        "6. The Supplier shall adhere to protective guidelines as may be issued from time to time by the Buyer.\n"
    )
    assert "change.unilateral" not in categories(
        "6. The Supplier shall meet standards no less rigorous than those notified by the Buyer from time to time.\n"
    )
    assert "liability.uncapped" in categories(
        "12. The Supplier shall carry out the recall, bearing all the associated costs and keeping the Buyer fully "
        "indemnified.\n"
    )
    assert "price.fixed_no_adjustment" in categories(
        "5.3 Any change in law shall be borne by the Supplier, and this provision does not entitle the Supplier to "
        "renegotiate the payment terms.\n"
    )


def test_a_long_clause_cut_inside_a_list_repeats_the_lead_in() -> None:
    from bidassist.checklist.units import MAX_UNIT_CHARS, units_from_clauses

    filler = "\n".join(f"The Supplier shall keep record number {i} of the works on site." for i in range(60))
    items = "\n".join(f"Item {i} of the events listed by the parties in this letter;" for i in range(40))
    text = f"1. Terms of Appointment\n{filler}\nThe Buyer may terminate your services without notice in the event of:\n{items}\n"
    blocks, headings = text_blocks_and_headings(text, "t", rows=True)
    units = units_from_clauses(split_clauses(blocks, headings=headings, rows=True))
    assert len(units) > 1 and all(len(u.text) <= MAX_UNIT_CHARS for u in units)
    later = [
        u for u in units if u.text.lstrip().startswith("The Buyer may terminate") and "Item 39" in u.text
    ]
    assert later, "the chunk holding the list's last items starts with its lead-in"


def test_markdown_emphasis_left_in_a_text_export_is_not_part_of_the_words() -> None:
    text = (
        "1. The _Developer_ shall deliver the **Work Order** items.\n"
        "2. Name: ________ Date: ____\n"
        "3. 每延迟一天应按订单总价的 _1%_ 支付违约金。\n"
        "4. Fees: 2 * 3 units.\n"
    )
    blocks, _ = text_blocks_and_headings(text, "t.txt", rows=True)
    lines = [b.text for b in blocks]
    assert lines[0] == "1. The Developer shall deliver the Work Order items."
    assert "________" in lines[1] and "_1%_" in lines[2] and "2 * 3" in lines[3]
