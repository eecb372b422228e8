"""Session 53. heldout54 and heldout56 (CUAD agreements from SEC filings, labelled by helpers who saw
no rules) studied and moved to development; each kind below is written as a short agreement between
two named companies, so the buyer and the supplier are found from the text: ("Norvex" or "Customer") gives the short
name and the role together (parties.py, this session).

Reading: a filing's redaction legend, repeated on every page, no longer splits a clause in two.
Termination: the buyer cancels orders or a quantity of them by notice; "has the unilateral right to
cancel … at any time within a 7-day notice period" is at will. Exclusivity: a covenant not to compete
and a non-circumvention clause; a cross-reference to them is not the restraint. IP: ownership and then
"these items shall include" what reaches beyond the deliverables. Set-off: "shall have no right … to
offset" is the opposite. Change: the supplier may not replace its own staff without consent.
"""

from __future__ import annotations

from shipped_packs import RULES

from bidassist.checklist import check_text

HEAD = (
    'This Supply Agreement is made between Norvex Inc. ("Norvex" or "Customer") and Tallis '
    'Manufacturing Ltd. ("Tallis" or "Manufacturer").\n\n'
)
LEGEND = (
    "*** Confidential treatment has been requested for redacted portions of this exhibit. This copy omits "
    "the information subject to the confidentiality request. Omissions are designated as [***]. A complete "
    "version of this exhibit has been provided separately to the Securities and Exchange Commission. 4"
)


def _findings(body: str):
    return check_text(HEAD + body, RULES).findings


def _categories(body: str) -> set[str]:
    return {f.category for f in _findings(body)}


def test_a_restraint_split_by_a_page_legend_is_read_whole():
    body = (
        "3.2 Norvex's rights will be exclusive in the sense that Tallis shall not nor shall permit any "
        "Affiliate or third party to manufacture, use, supply\n\n"
        f"{LEGEND}\n\n"
        "or sell the Material for any product which directly or indirectly competes with the Product.\n\n"
        "4. Prices\n4.1 The prices are set out in Exhibit 4.\n"
    )
    found = _findings(body)
    assert "exclusivity" in {f.category for f in found}
    assert not any("Confidential treatment" in f.text for f in found)


def test_the_buyer_cancelling_orders_or_a_quantity_of_them_is_at_will():
    cancel = (
        "4.7 Cancellations. In the event that Norvex desires to cancel some quantity of Products ordered "
        "under a Purchase Order, Tallis shall, upon receipt of such written notice, stop work. Norvex agrees "
        "to pay Tallis for completed work and work-in-process.\n"
    )
    damaged = (
        "4.7 Loss. If any of the ordered Products are destroyed or materially damaged before risk passes, "
        "Norvex may cancel the Purchase Order as to the destroyed Products.\n"
    )
    assert "termination.convenience" in _categories(cancel)
    assert "termination.convenience" not in _categories(damaged)


def test_a_unilateral_right_to_cancel_within_a_notice_period_is_at_will():
    body = (
        "4. Termination. Norvex has the unilateral right to cancel this agreement at any time within a "
        "7-day notice period. Tallis can only cancel due to lack of payment.\n"
    )
    assert "termination.convenience" in _categories(body)


def test_covenant_not_to_compete_and_non_circumvention_but_not_their_cross_references():
    compete = (
        "4.2 Covenant Not to Compete. Tallis does not presently perform or intend to perform, during the "
        "term of this Agreement, services for companies whose products would be competitive with Norvex's "
        "products.\n"
    )
    circumvent = (
        "4.4 Non-Circumvention. Tallis expressly agrees that it will not pursue or engage in any transaction "
        "to which it was first introduced through its relationship with Norvex, without the prior written "
        "consent of Norvex.\n"
    )
    survival = "7.3 Section 4.2 (Covenant Not to Compete) and Section 4.4 shall survive termination.\n"
    assert "exclusivity" in _categories(compete)
    assert "exclusivity" in _categories(circumvent)
    assert "exclusivity" not in _categories(survival)


def test_ownership_then_its_reach_in_the_next_sentence():
    body = (
        "11. Work for Hire. All proprietary materials prepared by Tallis under this Agreement shall be "
        'considered "works for hire" and the exclusive property of Norvex. These items shall include, but '
        "shall not be limited to, all designs, improvements, inventions and software conceived, made, or "
        "discovered by Tallis, solely or in collaboration with others, during the Term of this Agreement.\n"
    )
    assert "ip.assignment" in _categories(body)


def test_no_right_to_offset_is_no_set_off():
    body = (
        "2.4 No Right of Setoff. Each of the Parties hereby acknowledges that it shall have no right under "
        "this Agreement to offset any amounts owed to the other Party, whether under this Agreement, the "
        "Purchase Agreement or otherwise.\n"
    )
    assert "payment.set_off" not in _categories(body)


def test_the_supplier_kept_from_changing_its_own_staff_is_no_unilateral_change():
    body = (
        "1.2 Tallis shall name its Representatives in Exhibit A. Tallis may not make any change in the "
        "Representatives without the prior consent of Norvex.\n"
    )
    assert "change.unilateral" not in _categories(body)


# heldout57 (studied, moved to dev): a contract translated from Chinese names its sides Party A and Party B (甲方,
# 乙方) with the role in brackets, the head run into one paragraph; the agreement's own defined name is no party.
TRANSLATED = (
    "Exhibit 10.10 Road Transportation Agreement Party A (Shipper): Eastway Express Co., Ltd. Address: 1 Huazhi "
    "Road, Shanghai Party B (Carrier): Tonglu Freight Ltd. Address: 12 Yinchun Road, Tonglu Due to the need for "
    "logistics business, Party A and Party B enter into this Agreement.\n"
)


def _translated(clause: str) -> set[str]:
    return {f.category for f in check_text(TRANSLATED + "8. " + clause + "\n", RULES).findings}


def test_party_a_and_party_b_take_their_bracketed_roles():
    report = check_text(
        TRANSLATED + "3. (b) Party A shall not pay any other charges other than the freight.\n"
        "5. (h) Party B shall bear any legal liability arising out of severe traffic accidents, and Party A shall "
        "have no liability.\n",
        RULES,
    )
    roles = {p["name"]: p["role"] for p in report.parties["parties"]}
    assert roles == {"Eastway Express Co.": "buyer", "Tonglu Freight Ltd.": "supplier"}
    assert {"price.fixed_no_adjustment", "liability.uncapped"} <= {f.category for f in report.findings}


def test_liability_for_the_suppliers_own_non_compliance_is_compensation():
    report = check_text(
        TRANSLATED
        + "5. (a) Party B shall bear any consequences and legal liability arising out of Party B's "
        "non-compliance, and Party A shall have no liability.\n",
        RULES,
    )
    assert "liability.uncapped" not in {f.category for f in report.findings}


def test_the_agreements_own_defined_name_is_no_party():
    text = (
        'This SUPPLY AGREEMENT ("Supply Agreement") is made by and between Norvex, Inc. ("Norvex") and Tallis '
        'Biopharma, Inc. ("Tallis").\n\nC. Norvex desires to purchase from Tallis, and Tallis desires to supply to '
        "Norvex, the Products.\n\n2.1 Tallis shall supply the Products. Norvex shall pay each invoice within 30 "
        "days. Tallis shall deliver the Products to Norvex.\n"
    )
    names = {p["name"] for p in check_text(text, RULES).parties["parties"]}
    assert "Supply Agreement" not in names


def test_translated_wordings_of_common_traps():
    """Wordings of contracts translated from Chinese (业主未付款的甲方不负付款义务; 扣减当月服务费的10%;
    甲方有权变更交货时间和地点; 验收结果以甲方为准; 不得以任何理由涨价; 违反任何条款即没收履约保证金), each beside
    its harmless twin."""
    cases = {
        "payment.back_to_back": (
            "If the owner does not pay Party A, Party A shall have no obligation to pay Party B.",
            "If Party B does not pay its own subcontractors, Party A may ask for proof of payment.",
        ),
        "payment.set_off": (
            "If Party B fails to meet the assessment indicators, Party A has the right to deduct 10% of the "
            "monthly service fee.",
            "Party A shall pay the monthly service fee within 30 days of the invoice.",
        ),
        "change.unilateral": (
            "Party A has the right to change the delivery time and delivery place according to the project progress.",
            "Party A may change the delivery place by notice, and Party A shall bear any resulting additional costs.",
        ),
        "acceptance.no_deadline": (
            "The acceptance shall be conducted by Party A, and the acceptance result of Party A shall be final.",
            "Party A shall complete the acceptance within 10 days of delivery, failing which the goods are deemed accepted.",
        ),
        "price.fixed_no_adjustment": (
            "Party B shall not raise the price for any reason, including increases in raw material prices.",
            "Party B shall not raise the price without Party A's prior written consent.",
        ),
        "penalty.excessive": (
            "If Party B violates any provision of this contract, Party A has the right to confiscate the performance bond.",
            "If Party B violates any provision of this contract and fails to cure it within 30 days, Party A may claim "
            "its actual losses.",
        ),
    }
    for category, (trap, twin) in cases.items():
        assert category in _translated(trap), trap
        assert category not in _translated(twin), twin


def test_more_translated_wordings():
    traps = {
        "The settlement price shall be determined by Party A according to the market price.": "change.unilateral",
        "Party A will make the payment after its internal financial approval process is completed.": "payment.no_deadline",
        "Party A shall pay the project funds to Party B after the financial funds are allocated by the government.": (
            "payment.back_to_back"
        ),
    }
    twins = {
        "The settlement price shall be determined by both parties according to the market price.": "change.unilateral",
        "Party A shall pay within 30 days after its internal approval process is completed.": "payment.no_deadline",
        "Party A shall pay Party B within 30 days of each invoice; the project funds have been allocated by the "
        "government.": "payment.back_to_back",
    }
    for text, category in traps.items():
        assert category in _translated(text), text
    for text, category in twins.items():
        assert category not in _translated(text), text
