"""Session 31: kinds of the development corpus (see CHANGELOG), each with the look-alike that keeps its reading.

- a company that calls itself by its own name (written in lower case only in its web address) is a party, and
  terms written by it address the other side as "you";
- a disclaimer printed in capitals and wrapped at the page width is one paragraph, so its cap reads whole;
- a period written as a range is read at the end the rule asks about (45 to 90 days is too long a payment);
- a figure of another sentence with an anchor of its own is not the missing period of this payment;
- a party named only as the exception (除甲方外的其他方, anyone other than the Buyer) is not the party bound;
- a bare duty to pay 及时 is no missing period; paying only once the buyer has collected is back-to-back.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from shipped_packs import RULES, categories

from bidassist.checklist.engine import Number, range_end
from bidassist.checklist.names import named_party
from bidassist.checklist.parties import EN_BUYER, EN_SUPPLIER, with_named_party, with_pronoun_parties
from bidassist.checklist.rules import normalise
from bidassist.checklist.subject import without_exceptions
from bidassist.reading.clauses import wraps_into

_MARKETPLACE = (
    "The Vendor commits to supply products to Acmeshop by submitting them to the Website. Acmeshop will use "
    "products strictly to fulfil its business needs. Acmeshop purchases Products from the Vendor for resale. "
    "Acmeshop may publish rules. Acmeshop shall pay the Vendor. Acmeshop will establish an account for you. "
    "You agree to be bound by the rules of Acmeshop. You must keep your account safe. You may close it. "
    "You will list products. Your listings are yours. You accept that we may remove listings. We may change "
    "our rules. We will tell you. Our fees apply. We may suspend you. Register your account online with "
    "acmeshop.com for each product. The Vendor shall deliver to Acmeshop on time. The Vendor shall invoice "
    "Acmeshop monthly.\n"
)


def test_a_name_written_in_lower_case_only_in_its_web_address_is_still_a_name() -> None:
    named = named_party(_MARKETPLACE, set(EN_BUYER + EN_SUPPLIER))
    assert named is not None and named.name == "Acmeshop"
    # a name the contract also writes in lower case as a word is a noun, not a party
    noun = _MARKETPLACE.replace("acmeshop.com", "every acmeshop order")
    assert named_party(noun, set(EN_BUYER + EN_SUPPLIER)) is None


def test_terms_written_by_a_named_company_address_the_other_side_as_you() -> None:
    parties = with_pronoun_parties(with_named_party([], _MARKETPLACE), _MARKETPLACE)
    roles = {p.role: p.labels for p in parties}
    assert "acmeshop" in roles["buyer"] and "we" in roles["buyer"]
    assert {"vendor", "you"} <= set(roles["supplier"])


def test_a_disclaimer_in_capitals_wraps_but_a_title_in_capitals_does_not() -> None:
    line = "UNLAWFUL, BUT THAT LIABILITY MAY BE LAWFULLY LIMITED, THE COMPANY'S AGGREGATE"
    assert wraps_into(line, "TOTAL LIABILITY TO YOU FOR ALL SUCH DAMAGES AND LOSSES SHALL BE LIMITED TO THE")
    assert not wraps_into(line, "The Supplier shall deliver the goods on the agreed date.")


def test_the_supplier_s_cap_in_an_inverted_sentence_caps_its_indemnity() -> None:
    indemnity = (
        "11. The Supplier shall indemnify and hold the Buyer, its Affiliates, directors, officers, agents and "
        "employees harmless from and against all claims, losses and damages arising out of this Order.\n"
    )
    assert "liability.uncapped" in categories(indemnity)
    cap = (
        "18. UNDER NO CIRCUMSTANCES WHATSOEVER WILL THE SUPPLIER'S LIABILITY EXCEED THE VALUE OF THE ORDER.\n"
    )
    assert "liability.uncapped" not in categories(indemnity + cap)


def _n(value: int, start: int, end: int) -> Number:
    return Number(Decimal(value), start, end, str(value))


def test_a_range_is_read_at_the_end_the_rule_asks_about() -> None:
    text = "between 45 days to a maximum of 90 days"
    low, high = _n(45, 8, 15), _n(90, 32, 39)
    assert range_end([low, high], low, text, upper=True) is high
    assert range_end([low, high], high, text, upper=False) is low
    # two periods of two different things are no range
    apart = "within 45 days, and the warranty is 90 days"
    assert range_end([_n(45, 7, 14), _n(90, 36, 43)], _n(45, 7, 14), apart, upper=True).value == 45


@pytest.mark.parametrize(
    ("text", "trap"),
    [
        (
            "Payment will be made between 45 days to a maximum of 90 days from the date of the final delivery.",
            True,
        ),
        ("The Buyer shall pay within 30 days after receipt of the invoice.", False),
    ],
)
def test_a_payment_period_range(text: str, trap: bool) -> None:
    assert ("payment.long_term" in categories(text)) is trap


def test_a_deposit_period_of_the_next_sentence_is_not_the_payment_s_period() -> None:
    text = "验收通过后，甲方打入乙方账户10%的质保金后，甲方支付全款。质保金到3年无息返还。"
    assert "payment.no_deadline" in categories(text)
    # the acceptance's own period in the next sentence does time the acceptance
    timed = "设备经采购人验收合格后支付合同价款的90%。采购人应在到货后10个工作日内完成验收。"
    assert "acceptance.no_deadline" not in categories(timed)


def test_a_party_named_as_the_exception_is_not_bound() -> None:
    roles = {"buyer": RULES.pattern("甲方", "zh"), "supplier": RULES.pattern("乙方", "zh")}
    text = normalise("乙方不得为除甲方外的其他方开发相同功能的软件")
    assert "甲方" not in without_exceptions(text, roles, "zh")
    assert len(without_exceptions(text, roles, "zh")) == len(text)
    assert "exclusivity" in categories(
        "乙方在本合同终验证书签署后二年内，不得为除甲方外的其他方开发相同或类似功能的应用软件。"
    )


@pytest.mark.parametrize(
    ("text", "trap"),
    [
        ("甲方收到标的债权后，才负有对乙方的转付义务。", True),
        ("若建设单位未如期向甲方支付工程款，甲方不因代为收款的安排而向乙方承担付款义务。", True),
        ("甲方收到乙方发票后10日内支付货款。", False),
    ],
)
def test_paying_only_once_the_buyer_has_collected(text: str, trap: bool) -> None:
    assert ("payment.back_to_back" in categories(text)) is trap


@pytest.mark.parametrize(
    ("text", "trap"),
    [
        ("（3）甲方应当及时支付软件合作开发费用，保证软件合作开发费用及时到位。", False),
        ("2.8 甲方应在收到客户工程进度款项后及时向乙方结算工程费。", True),
    ],
)
def test_a_bare_duty_to_pay_promptly_is_no_missing_period(text: str, trap: bool) -> None:
    found = categories(text)
    assert (bool(found & {"payment.no_deadline", "payment.back_to_back"})) is trap


def test_a_calendar_date_or_a_period_after_acceptance_does_not_time_the_acceptance() -> None:
    gate = "系统经甲方最终验收合格且双方签署验收文件，方为项目交付。\n"
    assert "acceptance.no_deadline" in categories(gate + "用户验收、培训 正式上线 7月10日\n")
    after = "甲方出具《质保期满验收合格证明》后5个工作日内，扣除违约金后无息支付。\n"
    assert "acceptance.no_deadline" in categories(gate + after)
    own = "甲方应在收到乙方通知后7日内组织验收。\n"
    assert "acceptance.no_deadline" not in categories(gate + own)


def test_no_dealing_with_buyers_met_through_the_platform() -> None:
    text = (
        "You should not at any point of time, during the course of agreement and a period of five years from its "
        "termination, engage in any business whether directly or indirectly through your agents with any of the "
        "buyers who have approached you through the Purchaser's website."
    )
    assert "exclusivity" in categories(text, we="supplier")


def test_at_any_time_for_any_reason_termination_stated_before_the_buyer() -> None:
    text = (
        "At any time and for any reason in its sole discretion the Buyer may terminate this Agreement and your "
        "access to the Website without notice to you."
    )
    assert "termination.convenience" in categories(text)
    cause = "At any time, if the Supplier is in breach, the Buyer may terminate this Agreement."
    assert "termination.convenience" not in categories(cause)


# --- kinds of the former heldout20 (studied after scoring, moved to dev) ---


def test_informal_orders_name_the_buyer_and_the_contractor() -> None:
    from bidassist.checklist.parties import parties_from_usage

    order = (
        "Note: all the Payments will be made on back to back basis.\n"
        "1. KDM Engineers (India) Pvt. Ltd. shall make no reimbursement for the previous period.\n"
        "2. The contractor shall complete the work in time. The contractor shall bear the cost of "
        "re-testing. KDM Engineers (India) Pvt. Ltd. shall not be responsible for any mishap.\n"
        "3. The contractor has to reimburse the loss to KDM Engineers (India) Pvt. Ltd. on demand.\n"
        "4. KDM Engineers (India) Pvt. Ltd. reserves the right to terminate this agreement any time. "
        "Bills are certified by KDM Engineers (India) Pvt. Ltd. and paid by KDM Engineers (India) Pvt. Ltd. "
        "to the contractor.\n"
    )
    assert [(p.labels, p.role) for p in parties_from_usage(order)] == [(["contractor"], "supplier")]
    parties = with_named_party(parties_from_usage(order), order)
    assert any(p.role == "buyer" and p.name and p.name.startswith("KDM Engineers (India)") for p in parties)
    # "the agency", "the department": words informal text uses for anyone, never a party from lower case
    assert parties_from_usage(order.replace("contractor", "agency")) == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Taxes shall be deducted at source and all the Payments will be made on back to back basis.",
            "payment.back_to_back",
        ),
        (
            "The quantity mentioned is tentative and may increase or decrease up to any extent as per site requirement.",
            "change.unilateral",
        ),
        ("The Company reserves the right to increase or decrease WO Qty at any time.", "change.unilateral"),
        ("The Company reserves the right to terminate this agreement any time.", "termination.convenience"),
        ("9. Warranty of work- 05 Years for total work done as per this WO.", "warranty.long"),
        ("4. No idle charges shall be paid on any accounts.", "rights.waiver"),
        (
            "On such default the order shall be cancelled besides forfeiting the value of work done till then.",
            "penalty.excessive",
        ),
        ("交货时间：甲方指定时间。", "change.unilateral"),
        ("后续甲方各网点实际工作量变化需调整服务地点与劳务外包人数的，以甲方通知为准。", "change.unilateral"),
        (
            "甲、乙方提前一个月书面通知对方不再续签则合同到期终止。否则，合同顺延一年，且双方无需另行签订合同。",
            "renewal.auto",
        ),
        (
            "如甲方因营运/促销方案调整或闭店等方面的原因，需要提前终止本合同的，可提前一个月以书面形式通知乙方终止本合同。",
            "termination.convenience",
        ),
        (
            "乙方无法实现包退包换时，必须赔偿给甲方造成的全部经济损失（包括但不限于停窝工损失、向第三方承担的经济责任）。",
            "liability.uncapped",
        ),
    ],
)
def test_kinds_of_informal_and_staffing_contracts(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Services are provided by the Vendor to the Customer on a back to back arrangement with its licensor.",
            "payment.back_to_back",
        ),
        (
            "The quantity mentioned is tentative and may vary by 10% with the same unit rates.",
            "change.unilateral",
        ),
        ("9. Warranty of work- 12 months from the date of completion.", "warranty.long"),
        ("因乙方原因需要提前终止本合同的，甲方可提前一个月通知乙方。", "termination.convenience"),
        ("因甲方原因造成工期延误的，工期相应顺延一年。", "renewal.auto"),
    ],
)
def test_their_look_alikes(text: str, category: str) -> None:
    assert category not in categories(text)


def test_an_order_from_the_company_to_the_contractor() -> None:
    from bidassist.checklist.parties import parties_from_usage

    order = (
        "1. Contractor shall complete the work within 02 months. 2. Company may inspect the work. 3. Contractor "
        "shall follow the directions of Company. 4. Company reserves the right to increase or decrease WO Qty. "
        "5. Contractor shall comply with the labour laws. Upon request by Company, Contractor shall provide proof."
    )
    assert sorted((p.labels[0], p.role) for p in parties_from_usage(order)) == [
        ("company", "buyer"),
        ("contractor", "supplier"),
    ]
    # a supplier's own terms as "the Company" against "the Customer": the company word is not made the buyer
    terms = order.replace("Contractor", "Customer")
    assert ("company", "buyer") not in [(p.labels[0], p.role) for p in parties_from_usage(terms)]
