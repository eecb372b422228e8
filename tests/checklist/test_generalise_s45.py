"""Session 45: kinds read from heldout30 (grant and referral terms of foundations) and heldout31
(a tutoring platform's tutor terms, a delivery platform's contractor and merchant agreements), both
moved to development this session, each written as the kind.

Parties of platform terms, where the platform buys the reader's work:
- a bracket after "hereinafter referred to as" listing the role word and its pronouns
  (("Contractor," "you," or "your")) names one party, pronouns included, and the side named first
  by its bare name ("between FiMi Hub and its subsidiaries … and the Driver partner") is the other;
- a role word written mostly in the plural ("from Merchants to Customers") names a class of
  persons the two sides serve, not a side;
- a name the clauses make the role word's own side joins that side ("neither Client nor
  Stranerd"), instead of being dropped;
- two terms whose duties lean opposite ways are the two sides when neither is clear alone (the
  Participant receives rewards, acts as an independent promoter and indemnifies; the Foundation
  reserves rights and consents); the name used most as a party takes the side left open;
- `--we` given as a description ('the Contractor ("you"), an independent driver') names the party
  by its role word, without quotes or article.

Rules: the buyer's own consequential-loss exclusion written with its name, inverted or beside a
third party; a clawback of money already paid; "at any time without notice" even where a breach is
one of the cases; payment in blockchain tokens or to a wallet address; deductions of a damage fee
or reimbursement from the merchant's revenue; price parity with the supplier's other channels; a
ban on soliciting the platform's customers with no end; a full release of the buyer from all claims
on termination; a payment gate in the passive with no one named and no time.
"""

from __future__ import annotations

from shipped_packs import RULES, categories, party_sides

from bidassist.checklist import check_text


def _rules(text: str) -> set[str]:
    return {f.rule for f in check_text(text, RULES).findings}


_CONTRACTOR_HEAD = (
    "INDEPENDENT CONTRACTOR AGREEMENT\n"
    "This agreement is made by and between Swiftly Hub and its subsidiaries, affiliates, officers, directors "
    'and the Delivery partner, hereinafter referred to as ("Contractor," "you," or "your").\n'
    "1. You are an independent Contractor providing delivery services. Customers place orders in the app. "
    "Customers pay through the app. Customers may rate you. The Customer App shows your payment for each "
    "delivery.\n"
)


def test_pronouns_in_a_defined_bracket_and_a_bare_named_counterparty() -> None:
    sides = party_sides(_CONTRACTOR_HEAD + "2. Swiftly Hub may change the rates at any time.")
    assert set(sides["supplier"]) >= {"contractor", "you", "your"}
    assert sides["buyer"] == ["swiftly hub"]


def test_a_description_given_as_we_names_the_party_by_its_role_word() -> None:
    we = 'the Contractor ("you"), an independent delivery partner paid per delivery'
    sides = party_sides(_CONTRACTOR_HEAD + "2. Swiftly Hub may change the rates at any time.", we=we)
    assert "contractor" in sides["supplier"] and "the contractor" not in sides["supplier"]
    assert sides["buyer"] == ["swiftly hub"]


_MERCHANT = (
    "MERCHANT TERMS AND CONDITIONS\n"
    "1. These Terms are a binding agreement between the Merchant and Quickbite. Quickbite makes its app "
    "available to Customers so that Customers can order Items from Merchants. Customers pay the price in "
    "the app. Quickbite remits the Item Revenue to Merchant weekly. Customers may complain about Items. "
    "A Customer may cancel an order.\n"
    "2. Merchant shall deliver each Item as ordered. Merchant shall provide accurate menus. Merchant "
    "shall maintain the quality of its Items. Payments collected are remitted to Merchant less the fee.\n"
    "3. Quickbite may deduct the Damage Fee from the Item Revenue. Quickbite may suspend the Merchant. "
    "Quickbite will notify Merchant of changes. Quickbite shall keep records of orders placed with Merchant. "
    "Merchant shall give notice to Quickbite of closures and shall report complaints to Quickbite.\n"
)


def test_a_role_word_mostly_in_the_plural_is_a_class_and_the_name_takes_the_open_side() -> None:
    sides = party_sides(_MERCHANT)
    assert sides["supplier"] == ["merchant"]
    assert sides["buyer"] == ["quickbite"]
    assert "customer" not in sides.get("buyer", [])


def test_a_name_the_clauses_put_on_the_role_word_s_side_joins_it() -> None:
    text = (
        "Tutorly Tutor Terms and Conditions\n"
        "1. You must register an account. You will not use false identities. Neither Client nor Tutorly "
        "screens users. Client policies apply to you. The Client may review sessions.\n"
        "2. Tutorly may terminate this Agreement at any time. Tutorly may suspend your Account. Tutorly "
        "shall pay the Fees to you monthly. Tutorly reserves the right to audit sessions. You shall provide "
        "the Services to Tutorly's users and notify Tutorly of any absence.\n"
    )
    sides = party_sides(text)
    assert set(sides["buyer"]) >= {"client", "tutorly"}
    assert set(sides["supplier"]) == {"you", "your"}


def test_two_terms_leaning_opposite_ways_are_the_twoparty_sides() -> None:
    text = (
        "Referral Program Terms\n"
        "Whereas, Nodewave Foundation desires to grow its network, and whereas Participant desires to obtain "
        "the right to act as an independent promoter of the Nodewave Foundation. Participant agrees to the "
        "terms below.\n"
        "1. Participant shall make no other use of the Nodewave Foundation documentation. Except as provided "
        "herein, Participant shall receive no other sums, compensation or fees.\n"
        "2. Participant will indemnify the Nodewave Foundation against claims. The Nodewave Foundation "
        "reserves the right, in its sole discretion, to end any Program. This Agreement may not be assigned "
        "without the consent of the Nodewave Foundation. Participant may terminate this Agreement at any "
        "time.\n"
    )
    sides = party_sides(text)
    assert sides["supplier"] == ["participant"]
    assert sides["buyer"] == ["nodewave foundation"]


_GRANT = (
    'Grant Terms\nThese terms are between you and the Foundation ("we", "us"). We pay you in milestones for '
    "the software you deliver. You shall deliver each milestone. We may review your work. Our committee "
    "reviews each milestone and we tell you the result. You keep your records and we may audit them.\n"
)


def test_the_buyer_s_own_consequential_loss_exclusion_in_its_forms() -> None:
    inverted = (
        "9. IN NO EVENT WILL WE OR ANY OF OUR AFFILIATES BE LIABLE FOR LOSS OF PROFITS OR ANY "
        "INDIRECT, SPECIAL OR CONSEQUENTIAL DAMAGES."
    )
    assert "en.liability.consequential.buyer_only" in _rules(_GRANT + inverted)
    after_heading = (
        "10. Limitation of Liability\nWe will not be liable for indirect or consequential damages."
    )
    assert "liability.consequential" in categories(_GRANT + after_heading)
    mutual = "9. Neither you nor we will be liable for indirect or consequential damages."
    assert "liability.consequential" not in categories(_GRANT + mutual)


def test_a_clawback_of_money_already_paid() -> None:
    demand = "7. We may demand at any time all or any part of the Funding paid under these Terms to be refunded by you."
    assert "en.termination.convenience.clawback" in _rules(_GRANT + demand)
    unearned = "7. On termination you shall refund any fees paid in advance for work not yet performed."
    assert "en.termination.convenience.clawback" not in _rules(_GRANT + unearned)


def test_payment_in_blockchain_tokens() -> None:
    tokens = "5. You must accept payment in the blockchain tokens native to the network."
    assert "en.payment.bill.non_cash" in _rules(_GRANT + tokens)
    bank = "5. We pay you by bank transfer to the account you name."
    assert "en.payment.bill.non_cash" not in _rules(_GRANT + bank)


def test_merchant_revenue_is_the_supplier_s_money() -> None:
    assert "en.payment.set_off" in _rules(_MERCHANT)
    no_deduction = _MERCHANT.replace("3. Quickbite may deduct the Damage Fee from the Item Revenue. ", "3. ")
    assert "en.payment.set_off" not in _rules(no_deduction)


def test_price_parity_with_the_supplier_s_other_channels() -> None:
    parity = "4. Merchant may not make any Item available in the app at a price that is higher than the price that Merchant charges in-store."
    assert "en.price.most_favored" in _rules(_MERCHANT + parity)
    order = "4. Merchant may not charge Quickbite a price higher than the price stated in the order."
    assert "en.price.most_favored" not in _rules(_MERCHANT + order)


def test_a_customer_ban_with_no_end_outlasts_the_term() -> None:
    ban = "4. You may not solicit customers you connected with through the Swiftly Hub platform for your own delivery service."
    assert "en.exclusivity.customers" in _rules(_CONTRACTOR_HEAD + ban)
    term = "4. During the term of this Agreement you may not solicit customers you connected with through the Swiftly Hub platform."
    assert "en.exclusivity.customers" not in _rules(_CONTRACTOR_HEAD + term)


def test_a_release_of_the_buyer_from_all_claims_on_termination() -> None:
    release = "8. Payment of the earned Fees will affect a full and complete release of us from any and all claims which you may have."
    assert "en.rights.waiver" in _rules(_GRANT + release)


def test_a_passive_payment_gate_with_no_time() -> None:
    gate = "6. Once it is determined the work matches the approved application your Milestone Payment will be disbursed."
    assert "en.acceptance.no_deadline.gate" in _rules(_GRANT + gate)
    timed = "6. Once it is determined the work matches the approved application we shall pay the Milestone Payment within 14 days."
    assert "en.acceptance.no_deadline.gate" not in _rules(_GRANT + timed)


# the default reading (no --we) on development documents (benchmarks/party_check.py)


def test_a_main_contract_that_mentions_subcontractors_keeps_the_contractor_as_supplier() -> None:
    text = (
        "CONDITIONS OF CONTRACT\n"
        + "The Employer shall pay the Contractor. The Employer may inspect the Works. The Employer shall give access. "
        * 3
        + "The Contractor shall not sublet the Works. The Subcontractor shall be approved. The Subcontractor shall "
        "comply. The Contractor is responsible for each Subcontractor.\n"
        "1. The Contractor shall complete the Works on time.\n"
    )
    sides = party_sides(text)
    assert "contractor" in sides["supplier"] and "employer" in sides["buyer"]


def test_a_side_word_inside_the_label_and_joined_head_lines() -> None:
    text = (
        "产品购销合同\n甲（供）方：某某卫浴有限公司            签订地点：厦门乙（需）方：某某网络科技有限公司          合同编号：001\n"
        "一、甲方按乙方订单供货，乙方收货后30日内付款。\n"
    )
    sides = party_sides(text)
    assert "甲方" in sides["supplier"] and "乙方" in sides["buyer"]


def test_a_sellers_terms_written_as_we_make_we_the_supplier() -> None:
    text = (
        "Terms and Conditions of Sale\n"
        "Acceptance of Buyer's orders is conditioned upon Buyer's assent to these terms; if they are not "
        "acceptable to Buyer, we must be notified. Our prices are quoted in US dollars and we may revise our "
        "prices. Buyer shall pay all taxes. We will ship from our plant and our liability ends at delivery.\n"
        "1. Buyer shall pay each invoice within 30 days. Buyer may not return goods without our consent.\n"
    )
    sides = party_sides(text)
    assert set(sides["supplier"]) == {"we", "us", "our"} and sides["buyer"] == ["buyer"]


def test_a_party_defined_by_description_is_not_matched_by_a_word_of_it() -> None:
    text = (
        'AGREEMENT between Bee Associates Ltd ("Agency") and the Company who requests the Consultancy services '
        '("Client").\n1. The Agency shall provide the Consultancy services. The Client shall pay the Agency.\n'
    )
    assert "agency" in party_sides(text, we="Consultancy").get("supplier", [])


# heldout32 (a State's professional-services agreement and its RFP's contract sections), moved to dev

_STATE = (
    "PROFESSIONAL SERVICES CONTRACT\n"
    "1. The Contractor shall perform the services and the Contractor shall keep records. The Contractor shall "
    "submit reports. The State shall pay the Contractor monthly. The State may "
    "inspect the work. The State will review each report. The State shall approve each invoice. The State may "
    "terminate this contract. The State reserves the right to audit. The State is not liable for interest.\n"
)


def test_a_public_body_called_by_its_kind_is_the_buyer_of_a_contract_naming_only_the_contractor() -> None:
    sides = party_sides(_STATE)
    assert sides["supplier"] == ["contractor"] and sides["buyer"] == ["state"]


def test_a_payment_period_counted_from_an_approval_with_no_time() -> None:
    gate = "2. Payment shall be made within 30 days of invoice approval by the Project Director."
    assert "en.acceptance.no_deadline.gate" in _rules(_STATE + gate)
    signed = (
        "2. No payment will be made until the contract is approved by the Commissioner of the Department."
    )
    assert "en.acceptance.no_deadline.gate" not in _rules(_STATE + signed)


def test_the_supplier_s_liability_limits_made_void() -> None:
    void = (
        "2. Provisions in any documents the Contractor appends that limit liability of the Contractor for acts of "
        "negligence are expressly superseded by this contract and are void."
    )
    assert "en.liability.uncapped.deleted" in _rules(_STATE + void)


def test_payment_withheld_whenever_the_buyer_finds_the_work_not_done_and_no_interest_ever() -> None:
    withheld = (
        "2. The State shall withhold payment at any time the Contractor fails to perform work as required."
    )
    assert "en.payment.set_off" in _rules(_STATE + withheld)
    interest = "3. Under no conditions will the State be liable for the payment of any interest charges."
    assert "en.rights.waiver" in _rules(_STATE + interest)


# heldout27 (a motor carrier's owner-operator lease, a home health agency's provider agreement), moved to dev

_LEASE = (
    "INDEPENDENT CONTRACTOR OPERATING AGREEMENT\n"
    'This Agreement is made between Roadline Freight Inc. ("CARRIER") and the owner-operator ("CONTRACTOR").\n'
)


def test_the_place_first_then_its_role_as_the_exclusive_venue() -> None:
    venue = "9. Miami Dade County, Florida shall be the exclusive venue for any suit brought pursuant to this Agreement."
    assert "dispute.forum" in categories(_LEASE + venue)


def test_the_supplier_deemed_to_have_waived_its_claims() -> None:
    deemed = (
        "1.6 If CONTRACTOR fails to timely provide written notice of a dispute, CONTRACTOR shall be deemed to have "
        "waived any claims, disputes or causes of action regarding the same."
    )
    assert "en.rights.waiver" in _rules(_LEASE + deemed)


def test_sums_per_day_until_cured_and_per_occurrence_with_no_ceiling() -> None:
    daily = "5. CONTRACTOR shall be liable to CARRIER for its costs plus $100.00 per day until the trailer is returned."
    assert "en.penalty.uncapped" in _rules(_LEASE + daily)
    each = "5. CONTRACTOR agrees to pay CARRIER $50.00 as liquidated damages for each time CONTRACTOR fails to call."
    assert "en.penalty.uncapped" in _rules(_LEASE + each)


def test_a_long_list_of_costs_ending_in_consequential_damages() -> None:
    listed = (
        "4.10 CONTRACTOR shall be liable to CARRIER for all costs associated with hiring any substitute carrier in "
        "order to deliver such load to its appointed destination in good condition and in a timely manner and for "
        "any other costs associated with transporting such load of freight, including, but not limited to, any "
        "costs for unloading such load at any location other than the appointed destination and/or reloading such "
        "load for another carrier to haul and any other consequential, incidental or special damages."
    )
    assert "liability.consequential" in categories(_LEASE + listed)


def test_the_buyer_may_decline_to_pay_for_the_work_and_fix_the_supplier_s_liability() -> None:
    unpaid = "7. CARRIER retains the right, at CARRIER's sole option, to not pay CONTRACTOR for transportation of such a load."
    assert "en.penalty.excessive.punitive" in _rules(_LEASE + unpaid)
    fixed = (
        "6. CONTRACTOR's liability to CARRIER for any Cargo Claim shall be in the same amount that CARRIER may be "
        "liable to pay or as CARRIER may otherwise determine, in its sole discretion, to pay to the shipper."
    )
    assert "en.liability.uncapped.concept" in _rules(_LEASE + fixed)
