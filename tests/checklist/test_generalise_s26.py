"""Session 26: kinds the fetched development contracts missed (see CHANGELOG).

- the buyer taking the charge out of what it owes (甲方可从应支付给乙方的货款中获得…赔偿金) charges
  the supplier, as 甲方有权扣除… does;
- 逾期交付 is late payment only with a sum after it (逾期交付租金); 逾期交付广告制作 is late delivery,
  so a supplier's delay penalty in that sentence is not read as the buyer's late payment;
- a delay penalty's match ends at its own charge, not at a deduction right in the next comma part
  (…的违约金，甲方也可以直接在后续应付款中扣除);
- a charge per day short (每少一天) is per day; a charge for each one found (每发现一个) is per
  occurrence, also when the figure comes before the penalty word (每次可按当月结算金额10%扣罚);
- the actor of a payment is not read from an aside in brackets closed before it
  (（预付款支付之前，中标人须向采购人提交保函）…验收合格后付至85%).
"""

from __future__ import annotations

import pytest
from shipped_packs import categories

HEAD = "甲方：某某股份有限公司\n乙方：某某科技有限公司\n"


def _cats(text: str, head: str = HEAD) -> set[str]:
    return categories(head + text, lang="zh")


@pytest.mark.parametrize(
    "clause",
    [
        # the buyer takes the damages out of the price it owes
        "十、违约责任\n（2）经甲方同意继续履行合同的，甲方可从应支付给乙方的货款中获得经济上的赔偿金，"
        "其标准为每逾期一天，按合同总额的万分之三计算。\n",
        # 逾期交付 of the supplier's own work, with 甲方 named as who set the time
        "十、违约责任\n3、乙方如不按甲方约定时间逾期交付广告制作的，乙方应按逾期交货总额每日千分之六向甲方支付违约金，"
        "违约金由甲方从乙方待付款项中扣除。\n",
        # the penalty, then the buyer's right to deduct it in the next comma part
        "十、违约责任\n（1）乙方逾期交货的，每逾期一日，应向甲方支付逾期交货部分金额 1  ‰的违约金，"
        "甲方也可以直接在后续应付款中直接予以扣除。\n",
        # a charge for each day short of the agreed attendance
        "十、违约责任\n项目负责人一月在现场工作时间不得少于26天，每少一天，乙方支付违约金2000元。\n",
    ],
)
def test_a_daily_supplier_charge_with_no_cap_is_uncapped(clause: str) -> None:
    assert "penalty.uncapped" in _cats(clause)


@pytest.mark.parametrize(
    "clause",
    [
        # the same charges with a cap
        "十、违约责任\n（2）经甲方同意继续履行合同的，甲方可从应支付给乙方的货款中获得经济上的赔偿金，"
        "其标准为每逾期一天，按合同总额的万分之三计算，累计不超过合同总额的5%。\n",
        "十、违约责任\n项目负责人一月在现场工作时间不得少于26天，每少一天，乙方支付违约金200元，违约金总额不超过合同价的5%。\n",
        # the buyer paying its rent late: 交付 with a sum after it is paying
        "十、违约责任\n甲方逾期交付租金的，每逾期一日，乙方有权按应付租金的万分之五收取违约金。\n",
    ],
)
def test_a_capped_charge_or_the_buyers_late_payment_is_not_uncapped(clause: str) -> None:
    assert "penalty.uncapped" not in _cats(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "三、售后\n（3）供应商须提供7×24小时售后支持，若出现无服务反馈，每次可按当月结算金额10%扣罚。\n",
        "五、安全\n5.7 如甲方在安全检测中发现应用软件中存在未申报的组件，每发现一个，乙方应当支付合同总价的10%的违约金。\n",
    ],
)
def test_a_charge_for_each_occurrence_is_uncapped(clause: str) -> None:
    assert "penalty.uncapped" in _cats(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "三、售后\n（3）若出现无服务反馈，每次可按当月结算金额10%扣罚，全年扣罚累计不超过合同总价的5%。\n",
        # a price per unit, not a fine
        "五、服务费\n每发现一个漏洞并修复，甲方按500元/个向乙方支付奖励。\n",
        "三、服务费\n乙方每次巡检完成后，甲方按当月结算金额10%支付服务费。\n",
    ],
)
def test_a_capped_or_priced_occurrence_is_not_uncapped(clause: str) -> None:
    assert "penalty.uncapped" not in _cats(clause)


TENDER_HEAD = "采购人：某某市某某局\n中标人：某某科技有限公司\n"


def test_an_aside_in_brackets_does_not_make_the_supplier_the_payer() -> None:
    clause = (
        "7、付款方式：合同签订后，采购人向中标人支付合同金额的 40%作为预付款（预付款支付之前，中标人须向采购人提交"
        "银行出具的预付款保函），供货至招标人指定地点后，安装完成验收合格后付至合同价款的 85%（含预付款）。\n"
    )
    assert "payment.no_deadline" in _cats(clause, TENDER_HEAD)


def test_the_same_payment_with_a_period_is_not_open_ended() -> None:
    clause = (
        "7、付款方式：合同签订后，采购人向中标人支付合同金额的 40%作为预付款（预付款支付之前，中标人须向采购人提交"
        "银行出具的预付款保函），供货至招标人指定地点后，安装完成验收合格后15日内付至合同价款的 85%（含预付款）。\n"
    )
    assert "payment.no_deadline" not in _cats(clause, TENDER_HEAD)


EN_HEAD = 'This Agreement is made between ACME Council (the "Buyer") and Widget Ltd (the "Supplier").\n'


def _en(text: str) -> set[str]:
    return categories(EN_HEAD + text, lang="en")


def test_a_bullet_under_the_suppliers_lead_in_is_the_suppliers_indemnity() -> None:
    clause = (
        "14.9 The Supplier:\n● must securely erase all Government Data when asked to do so by the Buyer "
        "● indemnifies the Buyer against any and all Losses incurred if the Supplier breaches Clause 14 "
        "and any Data Protection Legislation.\n"
    )
    assert "liability.uncapped" in _en(clause)


def test_the_same_bullet_under_the_buyers_lead_in_is_not_the_suppliers() -> None:
    clause = (
        "14.10 The Buyer:\n● must give the Supplier access to its premises "
        "● indemnifies the Supplier against any and all Losses incurred if the Buyer breaches Clause 14.\n"
    )
    assert "liability.uncapped" not in _en(clause)


def test_an_indemnity_under_a_cap_that_covers_it_stays_quiet() -> None:
    clause = (
        "14.9 The Supplier:\n● indemnifies the Buyer against any and all Losses incurred if the Supplier breaches "
        "Clause 14.\n15.1 The Supplier's total liability under this Agreement shall not exceed the Charges paid "
        "in the preceding 12 months.\n"
    )
    assert "liability.uncapped" not in _en(clause)


@pytest.mark.parametrize(
    "text",
    [
        # the parties' clause of a public body's form, one line each
        "BETWEEN\n\nDurham Public Schools Board of Education\n\nhereinafter referred to as the Owner\n\nAND\n\n"
        "________________________\n\nhereinafter referred to as the Engineer\n\n"
        "1. A family relationship covered by this Agreement is grounds for immediate termination by the Owner "
        "without further financial liability to Engineer.\n",
    ],
)
def test_termination_owing_the_supplier_nothing_more(text: str) -> None:
    assert "termination.convenience" in categories(text, lang="en")


def test_termination_with_payment_for_services_performed_stays_quiet() -> None:
    text = (
        "BETWEEN\n\nDurham Public Schools Board of Education\n\nhereinafter referred to as the Owner\n\nAND\n\n"
        "________________________\n\nhereinafter referred to as the Engineer\n\n"
        "1. If the Engineer breaches this Agreement, the Owner may terminate it without further financial "
        "liability to Engineer, except for payment for services performed before the date of termination.\n"
    )
    assert "termination.convenience" not in categories(text, lang="en")


def test_an_inline_bullet_ends_a_sentence_but_a_placeholder_does_not() -> None:
    from bidassist.checklist.subject import sentence_bounds

    text = "The Supplier: ● must erase data ● indemnifies the Buyer"
    start = text.index("indemnifies")
    assert text[sentence_bounds(text, start, start + 5)[0] :].strip() == "indemnifies the Buyer"
    text = "The price shall remain firm for the first [●] Contract Years, and then rise"
    start = text.index("Contract")
    assert sentence_bounds(text, start, start + 5) == (0, len(text))


@pytest.mark.parametrize(
    "clause",
    [
        "十、违约责任\n10.5 此外，受托方还应赔偿因其软件侵权而给委托方造成的损失，该等损失赔偿额将不受合同金额的限制。\n",
        "五、服务要求\n（九）由于乙方保洁范围内保洁不当造成新闻媒体曝光的，集团公司领导批评的等事件，由乙方负责。\n",
        "八、违约责任\n4.乙方除承担上述违约责任外，还应承担甲方为主张权利而实际产生的费用，包括但不限于诉讼费、律师费，"
        "以及来自行政机关的罚款等。\n",
        "八、违约责任\n8.2乙方有下列情形之一的，视为乙方违约，乙方除应当赔偿甲方的损失（包括但不限于直接损失、间接损失、"
        "诉讼费和律师费）外，甲方还有权解除合同。\n",
    ],
)
def test_liability_beyond_the_loss_a_breach_causes_is_uncapped(clause: str) -> None:
    assert "liability.uncapped" in _cats(clause)


@pytest.mark.parametrize(
    "clause",
    [
        # the loss the breach caused, no more (REVIEW rule 10)
        "八、违约责任\n乙方违约的，应赔偿由此给甲方造成的损失。\n",
        "八、违约责任\n乙方应赔偿甲方的直接损失，间接损失除外。\n",
        # a cap in the clause
        "八、违约责任\n乙方的赔偿责任以合同总价为限，该等损失赔偿额不受其他条款的影响。\n",
    ],
)
def test_ordinary_damages_or_a_capped_liability_stay_quiet(clause: str) -> None:
    assert "liability.uncapped" not in _cats(clause)


def test_an_exception_by_mutual_agreement_does_not_make_a_penalty_mutual() -> None:
    clause = (
        "6.1 Liquidated damages shall be in the sum of Seven Thousand Five Hundred Dollars ($7,500) for each and "
        "every calendar day of delay for each scope of work, except where mutually agreed otherwise.\n"
    )
    assert "penalty.uncapped" in _en(clause)


def test_what_both_parties_agree_the_supplier_pays_is_the_suppliers() -> None:
    clause = (
        "3. The Buyer and the Supplier agree that a reasonable amount to compensate the Buyer for the failure of "
        "the Supplier to complete the Work in the time allowed shall be the sum of $100.00 per day.\n"
    )
    assert "penalty.uncapped" in _en(clause)


@pytest.mark.parametrize(
    "clause",
    [
        # capped
        "3. The Buyer and the Supplier agree that for the failure of the Supplier to complete the Work in the time "
        "allowed the Supplier shall pay $100.00 per day, not to exceed $5,000 in total.\n",
        # the buyer's own late payment, agreed by both
        "3. The parties agree that for the failure of the Buyer to pay within 30 days it shall pay interest of "
        "1% per month.\n",
    ],
)
def test_an_agreed_capped_charge_or_the_buyers_interest_is_not_an_uncapped_penalty(clause: str) -> None:
    assert "penalty.uncapped" not in _en(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "十五、违约\n若发包人提取履约担保，则承包人应在提取后7日内补足，否则承担相应违约责任，"
        "并从应付或到期应付给承包人的任何款项中或采用其他方法，扣除该违约金。\n",
        "二十二、留置\n22.5乙方违反留置条款的，甲方有权要求乙方退还财物，并从未付货款中扣除违约金人民币一万元。\n",
    ],
)
def test_a_claim_taken_out_of_money_owed_to_the_supplier_is_a_set_off(clause: str) -> None:
    assert "payment.set_off" in _cats(clause)


@pytest.mark.parametrize(
    "clause",
    [
        # an agreed settlement adjustment, no claim
        "十、工程停止\n若甲方通知乙方将工程停止，乙方可要求甲方按已完成工程的数量及其他合理费用，在已交款中增付或扣除。\n",
        # the supplier deducts from money it received: its own act
        "十、结算\n乙方应从其收到的货款中扣除应付给分包人的违约金后再行分配。\n",
    ],
)
def test_an_adjustment_or_the_suppliers_own_deduction_is_no_set_off(clause: str) -> None:
    assert "payment.set_off" not in _cats(clause)


def test_a_buyer_named_after_and_before_its_own_verb_is_the_actor() -> None:
    clause = (
        "7. In any such case Supplier agrees to pay or reimburse Buyer for such assessments and Buyer may deduct "
        "same from any of Supplier's invoices.\n"
    )
    assert "payment.set_off" in _en(clause)


def test_a_party_after_a_preposition_stays_an_object_before_a_modal() -> None:
    from bidassist.checklist.subject import _is_object

    text = "Any evidence of charges against Supplier will result in payment being withheld"
    start = text.index("Supplier")
    assert _is_object(text, start, start + len("Supplier"), "en")


def test_cancellation_the_buyer_finds_in_its_best_interests_is_at_will() -> None:
    clause = (
        "5. The Buyer may, in its sole discretion, cancel the Contract if the Buyer determines cancellation to be in "
        "the best interests of the Buyer.\n"
    )
    assert "termination.convenience" in _en(clause)


def test_acting_in_the_buyers_best_interests_is_no_termination() -> None:
    clause = "5. The Supplier shall act in the best interests of the Buyer when it cancels any subcontract of its own.\n"
    assert "termination.convenience" not in _en(clause)


def test_paid_on_satisfactory_completion_waits_on_the_buyer() -> None:
    clause = "(b) The contractor will be paid 100% amount of actual work done on satisfactory completion of job work.\n"
    assert "acceptance.no_deadline" in _en(clause)


def test_paid_on_completion_certified_within_a_period_is_timed() -> None:
    clause = (
        "(b) The contractor will be paid 100% of the work done on satisfactory completion of job work, which the "
        "Engineer shall confirm or reject within 7 days of completion, failing which it is deemed accepted.\n"
    )
    assert "acceptance.no_deadline" not in _en(clause)


def test_no_pattern_asks_for_a_word_boundary_right_after_a_percent_sign() -> None:
    """`%\\b` needs a letter or digit after the sign ("5%\\b" never matches "5% of"): such a pattern
    silently fails on every real figure (found in en.acceptance.no_deadline.concept, session 26)."""
    import re

    from shipped_packs import RULES

    bad = re.compile(r"%\)?\\b")
    sources = [p.pattern for cr in RULES.rules for p in (*cr.any, *cr.all, *cr.none, *cr.sentence_none)]
    assert sources and [s for s in sources if bad.search(s)] == []


@pytest.mark.parametrize(
    "clause",
    [
        "11.5 In spite of Clauses 11.1 and 11.2, the Supplier does not limit or exclude its liability for any "
        "indemnity given under Clauses 7.5, 8.3 or 9.5.\n",
        "9.3 The Supplier indemnifies the Buyer against any costs resulting from any Default by the Supplier.\n",
    ],
)
def test_a_cap_disapplied_or_an_uncapped_indemnity_for_default_is_uncapped(clause: str) -> None:
    assert "liability.uncapped" in _en(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "11.5 The Supplier does not limit or exclude its liability for death or personal injury caused by its "
        "negligence, or for fraud.\n",
        "9.3 The Supplier indemnifies the Buyer against any costs resulting from any negligence of the Supplier.\n",
    ],
)
def test_the_laws_carve_outs_or_a_negligence_indemnity_stay_quiet(clause: str) -> None:
    assert "liability.uncapped" not in _en(clause)
