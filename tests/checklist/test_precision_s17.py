"""Kinds of harmless look-alike fixed in the engine (session 17, helper chk-prec), each in a drafting
style not in any corpus (freight bookings, software statements of work, consulting terms, an
eldercare services contract, a surveying job), each beside the trap it resembles:

- a figure of an option the parties left unticked (□ 20 % ☑ 10 %; "[ ] 90 days [x] 30 days") is
  not the contract's figure;
- a right to end the contract used to answer the other side's failure is for cause, even when the
  buyer chooses "at its sole discretion" among its remedies (findings.md: the harmless twin of
  termination.convenience), unless the failure is measured by the buyer's own rules or opinion;
- the supplier's own refusal or exclusion of a liability ("does not accept liability for
  consequential loss", 乙方不承担间接损失) is its protection, not a burden."""

from __future__ import annotations

import pytest

from bidassist.checklist import check_text, load_packs
from bidassist.checklist.rules import normalise
from bidassist.checklist.subject import disclaims, for_cause

RULES = load_packs()


def _cats(text: str) -> set[str]:
    return {f.category for f in check_text(text, RULES, model=False).findings}


# --------------------------------------------------------------------------- unticked options


@pytest.mark.parametrize(
    ("chosen", "twin", "category"),
    [
        (
            "履约保证金：□ 合同价的20%  ☑ 合同价的10%",
            "履约保证金：☑ 合同价的20%  □ 合同价的10%",
            "bond.performance_excessive",
        ),
        (
            "Retention: [ ] 10% of each interim payment [x] 3% of each interim payment",
            "Retention: [x] 10% of each interim payment [ ] 3% of each interim payment",
            "retention.excessive",
        ),
        (
            "Warranty period: ☐ 36 months ☒ 12 months from acceptance.",
            "Warranty period: ☒ 36 months ☐ 12 months from acceptance.",
            "warranty.long",
        ),
    ],
)
def test_a_figure_of_an_unticked_option_is_not_the_contracts(chosen, twin, category):
    assert category not in _cats(chosen)
    assert category in _cats(twin)


# --------------------------------------------------------------------------- termination for cause


@pytest.mark.parametrize(
    ("for_cause_text", "at_will_twin"),
    [
        (
            "If the Haulier fails to collect the consignment on the agreed date, the Customer may, at its sole "
            "discretion, treat the booking as cancelled and engage another carrier.",
            "The Customer may, at its sole discretion, cancel any booking at any time by notice to the Haulier.",
        ),
        (
            "Should the Developer not remedy a Severity 1 defect within five Business Days, the Client may at "
            "its option terminate the Statement of Work.",
            "The Client may at its option terminate the Statement of Work at any time on ten days' notice.",
        ),
        (
            "The Contractor abandons the Works or fails to proceed with due diligence for 28 days. In any such "
            "event, the Employer may at its sole discretion terminate the Contract by notice.",
            "The Employer may at its sole discretion terminate the Contract at any time by notice.",
        ),
        (
            "承运人未按约定时间到场装货超过二十四小时的，托运人可以随时取消该次运输委托。",
            "托运人可以随时取消运输委托。",
        ),
        (
            "如中标人提供的软件存在严重缺陷且在十个工作日内未修复，采购人有权单方解除合同。",
            "采购人有权单方解除合同。",
        ),
    ],
)
def test_an_end_that_answers_the_suppliers_failure_is_for_cause(for_cause_text, at_will_twin):
    assert "termination.convenience" not in _cats(for_cause_text)
    assert "termination.convenience" in _cats(at_will_twin)


def test_a_failure_the_buyer_measures_by_its_own_rules_is_no_cause():
    assert "termination.convenience" in _cats("如护理员违反委托方管理规定，委托方有权随时解除合同。")
    roles = RULES.role_patterns("en")
    text = normalise(
        "If the Vendor breaches any of the Company's policies, the Company may terminate at any time."
    )
    at = text.index("terminate")
    assert not for_cause(text, at, at + 9, "en", roles)
    text = normalise(
        "If the Vendor fails to deliver, in the Company's opinion, on time, the Company may terminate."
    )
    at = text.index("terminate")
    assert not for_cause(text, at, at + 9, "en", {})


def test_words_of_an_end_at_will_win_over_a_failure():
    text = normalise("If the Seller is late, the Buyer may also terminate for convenience at any time.")
    at = text.index("terminate")
    assert not for_cause(text, at, at + 9, "en")
    text = normalise("乙方逾期交货的，甲方可无需说明理由解除合同。")
    at = text.index("解除")
    assert not for_cause(text, at, at + 2, "zh")


def test_money_on_termination_is_left_to_the_rule():
    """A refund or forfeiture on termination for cause can be a trap (REVIEW decision 1): not for_cause."""
    text = normalise("乙方逾期交货超过十日的，甲方有权解除合同，并要求乙方退还全部已付款项。")
    at = text.index("退还")
    assert not for_cause(text, at, at + 2, "zh")


# --------------------------------------------------------------------------- the supplier's own exclusion


@pytest.mark.parametrize(
    ("exclusion", "burden"),
    [
        (
            "The Consultant does not accept liability for any indirect or consequential loss, including loss of profit.",
            "The Consultant shall be liable for any indirect or consequential loss, including loss of profit.",
        ),
        (
            "The Contractor does not accept liability for loss of use, loss of production or other indirect loss "
            "suffered by the Owner.",
            "The Contractor shall be liable for loss of use, loss of production and other indirect loss suffered "
            "by the Owner.",
        ),
    ],
)
def test_the_suppliers_own_exclusion_is_not_a_consequential_loss_trap(exclusion, burden):
    assert "liability.consequential" not in _cats(exclusion)
    assert "liability.consequential" in _cats(burden)


def test_a_refusal_of_the_exclusion_is_still_a_burden():
    text = normalise("No limitation or exclusion shall apply to the Supplier's liability for indirect loss.")
    at = text.index("indirect")
    assert not disclaims(text, at, at + 8, "en")
    assert "liability.consequential" in _cats(
        "No limitation or exclusion shall apply to the Supplier's liability for indirect loss and loss of profit."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("测绘单位不承担委托方的间接损失。", True),
        ("测绘单位对委托方的停工损失概不负责。", True),
        ("测绘单位应赔偿委托方的间接损失。", False),
        ("测绘单位不得以任何理由免除其赔偿责任，并应赔偿间接损失。", False),
    ],
)
def test_chinese_disclaimers_are_read_in_the_matchs_own_comma_part(text, expected):
    norm = normalise(text)
    at = norm.index("损失")
    assert disclaims(norm, at, at + 2, "zh") is expected


# --------------------------------------------------------------------------- an amount the contract fixes


@pytest.mark.parametrize(
    ("agreed", "claimed"),
    [
        (
            "The Marketplace may deduct its commission of 8% from each payout to the Seller.",
            "The Marketplace may deduct its commission and any chargebacks it decides from the Seller's payouts.",
        ),
        (
            "All applicable booking fees may be deducted directly from the Host's payouts.",
            "All costs the Operator incurs may be deducted directly from the Host's payouts.",
        ),
        (
            "平台有权从每笔结算款中扣除百分之五的技术服务费。",
            "平台有权从每笔结算款中扣除商户应承担的违约金。",
        ),
        (
            "养老服务机构未在签约后十日内缴纳押金的，委托方可在应付服务费中一次扣收。",
            "养老服务机构违反服务规范的，委托方可在应付服务费中扣收相应罚款。",
        ),
    ],
)
def test_a_deduction_of_an_amount_the_contract_fixes_is_no_set_off(agreed, claimed):
    assert "payment.set_off" not in _cats(agreed)
    assert "payment.set_off" in _cats(claimed)
