"""Session 30: kinds of the development corpus (see CHANGELOG), each with the look-alike that keeps its reading.

- who drafted the terms is read only from a party found by its own name in use or by a proper name against a
  generic description: a party block that names the buyer "the Party named in the Contract" and the supplier by a
  fragment ("registered") says nothing of the drafter, so the buyer's drafting traps still apply;
- an English company's name without its suffix ("Assured Hearts" of Assured Hearts Inc.) binds that party as its
  role word does: the buyer's own cap ("Assured Hearts' total liability will not exceed CAD $5,000") caps nothing
  of the supplier's;
- an insurance cover "with a limit of indemnity not less than" a sum is a floor, not a cap on liability;
- "System Integrator", "Consultancy" and "Bidder"/"Tenderer" are the supplier's side;
- an indemnity "from and against all claims" after a long list of indemnitees, and "regardless whether such claim
  is caused in part by a party indemnified hereunder", are broad indemnities.
"""

from __future__ import annotations

import pytest
from shipped_packs import categories

from bidassist.checklist.parties import Party, drafter_of

_INDEMNITY = (
    "10. The Supplier agrees to indemnify and hold harmless Assured Hearts and its directors, officers, employees, "
    "and agents from any claims, liabilities, damages, losses, and expenses (including legal fees) arising from "
    "the Supplier's provision of the services.\n"
)


def test_a_fragment_or_a_placeholder_is_no_drafter() -> None:
    parties = [
        Party(labels=["client"], name="the Party named in the Contract", role="buyer", where="line 208"),
        Party(labels=["system integrator"], name="registered", role="supplier", where="line 208"),
    ]
    assert drafter_of(parties) is None
    # standard terms that name the seller and describe the purchaser: the seller wrote them
    control = [
        Party(labels=["seller"], name="Euro-Tech Corporation", role="supplier", where="line 3"),
        Party(
            labels=["purchaser"],
            name="the party to whom a quotation is submitted",
            role="buyer",
            where="line 3",
        ),
    ]
    assert drafter_of(control) == "supplier"


def test_a_party_block_label_is_no_drafter() -> None:
    """A role word the packs do not know ("engineer"), found in the party block, is not a name in use."""
    parties = [
        Party(labels=["owner"], name="Board of Education", role="buyer", where="line 7"),
        Party(labels=["engineer"], name="engineer", role="supplier", where="line 1"),
    ]
    assert drafter_of(parties) is None


def test_the_named_buyer_s_own_cap_caps_nothing_of_the_supplier_s() -> None:
    head = (
        'Services Agreement\nThis Agreement is entered into between Assured Hearts Inc. ("Company") and '
        'Careful Care Pty Ltd ("Supplier").\n'
    )
    cap = "12. Assured Hearts' total liability under this Agreement will not exceed CAD $5,000.\n"
    assert "liability.uncapped" in categories(head + _INDEMNITY + cap)
    # the supplier's own cap does
    ours = "12. The Supplier's total liability under this Agreement will not exceed CAD $5,000.\n"
    assert "liability.uncapped" not in categories(head + _INDEMNITY + ours)


def test_an_insurance_minimum_is_no_cap() -> None:
    indemnity = (
        "14.2 The Vendor shall indemnify the Buyer against all loss and damage which may result from any act or "
        "omission of the Vendor, its agents or employees.\n"
    )
    insurance = (
        "18.1 The Vendor shall maintain a policy of insurance in respect of its liabilities under condition 17, "
        "with a limit of indemnity not less than 110% of the contract value.\n"
    )
    assert "liability.uncapped" in categories(indemnity + insurance)
    cap = "18.2 The Vendor's total liability shall be subject to a limit of 100% of the contract value.\n"
    assert "liability.uncapped" not in categories(indemnity + cap)


@pytest.mark.parametrize(
    "text",
    [
        "6.13.2 Indemnity: The System Integrator agrees to indemnify and hold harmless the Client from and against "
        "any and all claims, actions, proceedings, lawsuits, demands, losses arising out of its performance.",
        "To the fullest extent permitted by law, Subcontractor shall indemnify, defend and hold harmless Owner, "
        "Architect, Contractor and all of their affiliates, parents, subsidiaries, officers, directors, employees, "
        "successors and assigns (all of which are hereinafter collectively referred to as “Indemnitees”), from and "
        "against all claims, damages, losses, costs and expenses arising out of the work of others.",
        "The Contractor shall indemnify and hold harmless the Owner from claims for bodily injury caused in whole or in "
        "part by any act of the Contractor, regardless whether such claim is caused in part by a party indemnified "
        "hereunder.",
    ],
)
def test_broad_indemnities_of_the_supplier(text: str) -> None:
    assert "liability.uncapped" in categories(text)


def test_a_fault_based_indemnity_stays_a_look_alike() -> None:
    text = (
        "The System Integrator shall indemnify the Client against losses caused by the negligence of the System "
        "Integrator."
    )
    assert "liability.uncapped" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "乙方如有弄虚作假行为，一经核实，甲方将终止支付一年内所有货款。",
        "乙方违约的，甲方还有权不予支付剩余尾款。",
        "若乙方已开展工作，不论工作量是否超过一半，甲方无需支付任何费用给乙方。",
        "乙方违约的，已完成及未完成的所承包工程、乙方不得要求发包方支付工程款。",
        "乙方违约，甲方有权向乙方追回已支付的全部佣金。",
    ],
)
def test_forfeiting_the_price_of_work_done_is_an_excessive_penalty(text: str) -> None:
    assert "penalty.excessive" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "乙方提供的培训，甲方无需支付任何费用。",
        "甲方不予支付不合格部分货物的货款，由乙方负责更换。",
        "乙方已完成的合格工程，甲方应按实结算并支付工程款。",
    ],
)
def test_free_services_and_rejected_goods_are_no_forfeiture(text: str) -> None:
    assert "penalty.excessive" not in categories(text)


def test_a_changes_clause_is_a_trap_when_the_supplier_must_proceed_before_the_price_is_agreed() -> None:
    clause = (
        "Changes. Buyer may at any time, by written direction, make changes in the drawings, specifications or "
        "quantities. Should any such change increase the cost, an equitable adjustment will be made in the contract "
        "price."
    )
    assert "change.unilateral" not in categories(clause)
    proceed = " Failure to agree upon an equitable adjustment shall not relieve the Supplier from proceeding."
    assert "change.unilateral" in categories(clause + proceed)


@pytest.mark.parametrize(
    "text",
    [
        "The Project Manager's measurements upon which the final estimate is based shall be deemed to be, and "
        "shall be, final and conclusive.",
        "The Project Manager shall determine the amount and quantity of the work performed and such decision shall "
        "be final and conclusive.",
        "Should the contractor not attend, the measurements recorded by the representative of the Architect / "
        "Consultant shall be final.",
    ],
)
def test_the_buyer_s_officer_deciding_finally_is_a_waiver(text: str) -> None:
    assert "rights.waiver" in categories(text)


def test_an_amount_the_buyer_claims_and_complaints_reach_past_own_breach() -> None:
    """REVIEW rule 10 (c): the supplier pays what the buyer says, or answers for any complaint."""
    assert "liability.uncapped" in categories(
        "甲方有权委托第三方代为履行，由此产生的费用由乙方根据甲方主张的金额承担。"
    )
    assert "liability.uncapped" in categories(
        "如发生用户投诉未能妥善解决的，则由供应商承担相应法律、经济后果。"
    )
    # a complaint the supplier caused is its own breach: compensation, a look-alike
    assert "liability.uncapped" not in categories(
        "因供应商原因引发的用户投诉未妥善解决的，相关费用由供应商承担。"
    )


_FORM_HEAD = "采购合同\n甲方：某某大学\n乙方：＿＿\n地址：＿＿\n"


def test_a_court_fixed_in_the_buyer_s_form_is_its_home_court() -> None:
    """Our side left blank: the court the form names before any supplier is known is the buyer's choice."""
    text = _FORM_HEAD + "十、争议解决：协商不成，任何一方可向深圳市龙岗区人民法院提起诉讼。\n"
    assert "dispute.forum" in categories(text)


@pytest.mark.parametrize(
    "clause",
    [
        "十、争议解决：协商不成的，提交广州仲裁委员会仲裁。",  # an institution, often neutral
        "十、争议解决：一切争议均应由乙方所在地—重庆市人民法院管辖。",  # our own court
        "十、争议解决：协商不成的，向项目所在地—重庆市人民法院起诉。",  # the site's court
    ],
)
def test_a_form_s_commission_our_court_or_the_site_s_court_is_not_the_buyer_s(clause: str) -> None:
    assert "dispute.forum" not in categories(_FORM_HEAD + clause + "\n")


def test_a_filled_in_supplier_keeps_the_address_comparison() -> None:
    head = "采购合同\n甲方：某某大学\n乙方：深圳某某科技有限公司\n地址：深圳市南山区科技园\n"
    text = head + "十、争议解决：协商不成，任何一方可向深圳市南山区人民法院提起诉讼。\n"
    assert "dispute.forum" not in categories(text)


_CONSTRUCTION = (
    "Construction Contract\nThe Contractor shall carry out the Works at the Site. "
    "Progress payments: the Owner pays the construction work monthly. The Works include the building, "
    "the site drainage and the change orders the Owner issues. Substantial completion of the Works ends the "
    "construction period.\n"
)


def test_construction_retention_is_read_from_the_contract_s_kind() -> None:
    retention = (
        "7. The Owner will pay the Contract Price, less five percent (5%) retainage, to the Contractor.\n"
    )
    assert "retention.excessive" in categories(_CONSTRUCTION + retention)
    # a goods order keeping 5 % is within the 5 % of other contracts
    goods = "Purchase Order\nThe Supplier shall deliver the goods.\n7. The Buyer shall retain 5% of each payment.\n"
    assert "retention.excessive" not in categories(goods)


def test_a_security_deposit_taken_from_the_bills_is_retention() -> None:
    assert "retention.excessive" in categories(
        "Security deposit of 10% of the bill amount shall be deducted from the bill."
    )


def test_a_rule_naming_an_unknown_setting_is_refused(tmp_path) -> None:
    from bidassist.checklist import load_packs
    from bidassist.core.errors import ProblemsError

    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\nlanguage: en\ndescription: test\nrules:\n  - id: en.retention.excessive.t\n"
        "    category: retention.excessive\n    severity: low\n    settings: [shipyard]\n    keywords: [retention]\n"
        "    any: ['retention']\n    message: {en: m, zh: m}\n",
        encoding="utf-8",
    )
    with pytest.raises(ProblemsError) as err:
        load_packs([pack])
    assert "p.yaml" in str(err.value.problems[0]) and "shipyard" in str(err.value.problems[0])


@pytest.mark.parametrize(
    "text",
    [
        "Payment is due within thirty (30) days of Contractor submitting an invoice for completed and accepted work.",
        "Within 15 days after the approval of the final estimate, the City will pay to the Contractor those sums "
        "remaining.",
        "No payment shall become eligible for the next stage until the System Integrator completes to the "
        "satisfaction of the Client the work pertaining to the preceding stage.",
    ],
)
def test_payment_waiting_on_an_untimed_acceptance(text: str) -> None:
    assert "acceptance.no_deadline" in categories(text)


def test_payment_waiting_on_lien_releases_is_no_acceptance_gate() -> None:
    text = "No payment shall be required until and unless such releases are furnished to the satisfaction of the Owner."
    assert "acceptance.no_deadline" not in categories(text)


def test_a_clawback_of_work_done_on_the_buyer_s_termination() -> None:
    """The buyer terminates, the supplier refunds everything it was paid for services rendered; read in a table
    row that holds the whole breach section (甲乙双方 in another sentence is no mutual termination)."""
    row = (
        "违约责任： 1、甲乙双方必须遵守本合同并执行合同中的各项规定。 2、乙方未按时或未合格提供本合同约定的服务的，"
        "经乙方三次整改仍达不到合同需求的，甲方有权单方解除本合同，要求乙方退回所有已收款项。"
    )
    assert "termination.convenience" in categories(row)


@pytest.mark.parametrize(
    "text",
    [
        "逾期交货超过10天，甲方有权终止合同，乙方须全额退还甲方已经付给乙方的货款。",  # nothing delivered
        "因甲方原因解除合同的，甲方应返还乙方已支付的全部款项。",  # the buyer refunds
        "任何一方均有权解除本合同，乙方应退还未履行部分的预付款。",
    ],
)
def test_refunds_for_goods_never_delivered_are_no_clawback(text: str) -> None:
    assert "termination.convenience" not in categories(text)


def test_a_penalty_the_buyer_may_impose_is_the_supplier_s() -> None:
    text = (
        "In case the grace period expires, the Client shall have the option to exercise a penalty for "
        "non-performance that will be up to 1% for every week of delay to a maximum of 10% of the contract value."
    )
    assert "penalty.excessive" in categories(text)
    # the buyer's own late-payment charge stays the buyer's
    assert "penalty.excessive" not in categories(
        "If the Buyer pays late, the Supplier may charge interest of 0.05% for every week of delay."
    )


def test_the_signing_place_beside_our_blank_line_is_not_our_place() -> None:
    """A form prints 签订地点 in the column beside the supplier's blank line: the buyer's own city's commission
    stays the buyer's home forum."""
    head = (
        '采购合同\n需方：上海建工一建集团有限公司          (简称"甲方")   合同编号：\n'
        '供方：                      (简称"乙方")   签订地点：    上海市福山路33号\n'
    )
    text = head + "十四、1、甲、乙双方未尽事宜，由当事人双方协商解决，协商不成，向上海仲裁委员会申请仲裁。\n"
    assert "dispute.forum" in categories(text)
