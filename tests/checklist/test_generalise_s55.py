"""Session 55. Findings that readers who saw neither the labels nor the rules judged wrong on the development
contracts (benchmarks/corpora/contracts/verdicts), fixed by kind, each beside the trap it must still catch.

Whose loss: the buyer making good the supplier's loss, its expected profit included, is no consequential-loss
clause against the supplier (需方须向供方赔偿…供方…预期的所得利益); nor is the supplier's own right to recover
incidental damages and lost profit. A list cut apart by semicolons is read with its lead-in ("IN NO EVENT …
SHALL SELLER BE LIABLE FOR: …; OR C) LOST PROFIT …"). The buyer's own refusal to pay, written as the condition
of the seller's remedy (若买方拒绝支付剩余货款，卖方有权…), is its breach, not a forfeiture it imposes. A day's
wage of the crew the buyer brings in (每天工资不低于350元) is a price charged back, not a daily penalty. Neither
party acting alone, and the supplier's own right to revise its list price, are no unilateral change by the buyer.
"""

from __future__ import annotations

import pytest
from shipped_packs import RULES

from bidassist.checklist import check_text

ZH_HEAD = "供方：某某材料有限公司\n需方：某某贸易有限公司\n\n"
EN_HEAD = "Seller: Norvex Materials Ltd\nPurchaser: Tallis Trading Ltd\n\n"


def _categories(head: str, body: str) -> set[str]:
    return {f.category for f in check_text(head + body + "\n", RULES).findings}


TRAPS = [
    (
        ZH_HEAD,
        "liability.consequential",
        "七、供方违约的，供方须向需方赔偿需方的全部损失（包括需方转售的预期利益）。",
    ),
    (ZH_HEAD, "penalty.excessive", "八、供方违约的，需方有权拒付全部剩余货款。"),
    (
        ZH_HEAD,
        "penalty.excessive",
        "6.如供方与需方员工有回扣或其它形式贿赂行为，损害需方利益或风险，一经核实，将终止支付一年内所有货款。",
    ),
    (ZH_HEAD, "penalty.uncapped", "九、供方每逾期交货一天，应按合同总价的千分之五向需方支付违约金。"),
    (
        EN_HEAD,
        "liability.consequential",
        "12) In the event of a breach by Seller, Purchaser is entitled to recover incidental damages, including but "
        "not limited to lost profits.",
    ),
    (
        EN_HEAD,
        "change.unilateral",
        "2.2 The Purchaser reserves the right to unilaterally revise the order quantities.",
    ),
]

TWINS = [
    (
        ZH_HEAD,
        "liability.consequential",
        "七、中途退货：若需方中途退货，应与供方协商一致。需方须向供方赔偿因其退货所产生的全额费用及供方的其余损失"
        "（包含供方履行合同预期的所得利益）。",
    ),
    (
        ZH_HEAD,
        "penalty.excessive",
        "8.2.1需方支付定金后，供方在备好订单所需货品后通知需方支付剩余货款，若需方拒绝支付剩余货款，供方有权处置订单中"
        "列明的产品并扣除全部定金。",
    ),
    (
        ZH_HEAD,
        "penalty.uncapped",
        "6)如供方施工质量不合格，需方有权委托第三方进行整改。每天工资不低于人民币：叁佰伍拾元正（350.00元），住宿费按实"
        "扣除，并由供方承担10%的代管费。",
    ),
    (
        ZH_HEAD,
        "penalty.excessive",
        "6)如供方施工质量不合格，需方有权委托第三方进行整改。每天工资不低于人民币：叁佰伍拾元正（350.00元），住宿费按实"
        "扣除，并由供方承担10%的代管费。",
    ),
    (
        EN_HEAD,
        "liability.consequential",
        "12) Seller, in addition to the above damages, may recover any incidental damages. In the event of a breach by "
        "Purchaser, Seller is entitled to recover incidental damages, including but not limited to lost profits.",
    ),
    (
        EN_HEAD,
        "liability.consequential",
        "13) IN NO EVENT, REGARDLESS OF THE BASIS OR CAUSE, SHALL SELLER BE LIABLE FOR: A) LATE DELIVERY OR OTHER "
        "PENALTY OF ANY DESCRIPTION; B) INDEMNIFICATION OF PURCHASER FOR COSTS ARISING OUT OF THE GOODS; OR C) LOST "
        "PROFIT, SPECIAL, INDIRECT OR CONSEQUENTIAL DAMAGES UNDER ANY CIRCUMSTANCE.",
    ),
    (
        EN_HEAD,
        "change.unilateral",
        "8.2 Once the Purchaser pays the deposit, neither party can cancel the order of the deposit unilaterally.",
    ),
    (
        EN_HEAD,
        "change.unilateral",
        "2.2 The Seller reserves the right to unilaterally revise the list price.",
    ),
]


#: a governing-law sentence that names no forum is no home court; an insurer's subrogation, and the release a
#: settlement must give the indemnified party, are no waiver of the supplier's rights
MORE_TWINS = [
    (
        "dispute.forum",
        "Choice of Law. All questions concerning the construction, interpretation, validity and enforceability of these "
        "Terms, whether in a court of law or in arbitration, shall be governed by and construed and enforced in "
        "accordance with the laws of the State of Minnesota.",
    ),
    (
        "rights.waiver",
        "10.1 Each party will carry commercial insurance. Insurance coverage will be on a date of occurrence form and "
        "waive rights of subrogation or crossclaim.",
    ),
    (
        "rights.waiver",
        "7.4 The Indemnifying Party will not settle any Claim without the Indemnified Party's consent, unless the "
        "settlement includes a complete and unconditional release of any Indemnified Party.",
    ),
]

MORE_TRAPS = [
    (
        "dispute.forum",
        "Disputes shall be resolved by binding arbitration under the AAA Commercial Rules in Travis County, Texas, and "
        "this Agreement shall be governed by the laws of the State of Texas.",
    ),
    ("rights.waiver", "10.1 The Seller hereby waives its rights to payment for any work not accepted."),
]


#: Chinese: a final test timed before its verb, in words and figures or a form's brackets, times acceptance; a contract
#: that sets out how prices are adjusted fixes the rest on purpose; the settlement capped at the bid price is a trap
#: whatever mechanism the contract has
ZH_BUYER_HEAD = "发包人：某某投资有限公司\n承包人：某某建设有限公司\n\n"
ZH_CASES = [
    (
        False,
        "acceptance.no_deadline",
        "8.6.2 对应用软件的终验将在试运行期满后的十（10）日内进行。\n8.6.3 所有性能指标达到技术规范书的要求时，可进行最终验收。",
    ),
    (
        False,
        "acceptance.no_deadline",
        "5.4 终验在试运行期届满后[10]个工作日内由发包人指派代表进行。\n5.5 所有性能指标达到技术规范书的要求时，可进行最终验收。",
    ),
    (True, "acceptance.no_deadline", "5.5 系统上线运行稳定后，发包人组织专家进行终验，终验通过后支付尾款。"),
    (
        False,
        "price.fixed_no_adjustment",
        "13.8.3.2 材料费价差调整办法：信息价的算术平均值较开标当期信息价变化超过±5%时，按以下约定调整。\n"
        "13.8.3.3 其余材料均不作调整，由投标方自行考虑价格波动引起的风险。",
    ),
    (True, "price.fixed_no_adjustment", "13.8.3.3 本合同为固定总价合同，材料价格上涨不予调整。"),
    (
        True,
        "price.fixed_no_adjustment",
        "14.5.3.2 当按结算原则计算出的竣工结算建筑安装工程费超过中标合同价中的建筑安装工程费，以中标合同价中的建筑安装"
        "工程费进行结算。",
    ),
    (
        False,
        "price.fixed_no_adjustment",
        "14.5.3.2 工程竣工结算总价不得超过中标价，但经发包人确认的设计变更及签证另行结算。",
    ),
    # cancelling the purchase contract is its termination, not a change of what is bought
    (
        False,
        "change.unilateral",
        "9.1 承包人擅自投入批量生产的，发包人将取消或解除采购合同，由此造成的损失，由承包人承担。",
    ),
    (True, "change.unilateral", "7.2 发包人有权根据需要调整采购数量。"),
    # a weekly report is no penalty by the day; a money word must follow
    (False, "penalty.uncapped", "3.1 承包人每周向发包人以书面形式汇报项目进展情况、项目计划。"),
    (True, "penalty.uncapped", "3.1 承包人每日按合同总价的千分之五向发包人支付违约金。"),
    # a confidentiality period counted from the warranty's end is not the warranty
    (False, "warranty.long", "9.2 双方不得透露保密信息，保密期为质保期结束3年。"),
    (True, "warranty.long", "9.1 质保期为验收合格之日起三年。"),
    # damage from the seller's own poor packing is its own fault
    (
        False,
        "liability.uncapped",
        "第四条 包装标准：因包装不善所引起的货物锈蚀、损坏和损失均由承包人承担责任。",
    ),
    (True, "liability.uncapped", "第四条 运输途中发生的一切损失均由承包人承担责任。"),
]


#: English: a daily or weekly rate with "maximum 10 %" is capped; what the supplier may not do with the work made under
#: this contract is a use restriction, not exclusivity
EN_CASES = [
    (
        False,
        "penalty.uncapped",
        "9. Penalty: If work is not completed within the time limit, penalty for delayed period per week 0.5% of end cost "
        "amount of this item and maximum 10 % of end cost amount of total work done will be recovered from the bill.",
    ),
    (
        True,
        "penalty.uncapped",
        "9. Penalty: If work is not completed within the time limit, penalty for delayed period per week 0.5% of end cost "
        "amount of this item will be recovered from the bill.",
    ),
    (
        False,
        "exclusivity",
        "15. The Seller shall not utilize the work produced under this Agreement for any profit-making venture, or sell or "
        "grant rights to a third party for that purpose.",
    ),
    (
        True,
        "exclusivity",
        "15. During the term the Seller shall not sell similar products to any competitor of the Purchaser.",
    ),
    # keeping copies under a record-retention policy is no payment held back
    (
        False,
        "payment.no_deadline",
        "5.4 b. Each Recipient may retain the Discloser's Confidential Information in accordance with its standard backup or "
        "record retention policies maintained in the ordinary course of business.",
    ),
    # an acceptance gate on payment in a contract whose acceptance is deemed after a period
    (
        False,
        "acceptance.no_deadline",
        "Payment Schedule. The Seller shall be paid upon the completion of each iteration upon its acceptance and verification "
        "by the Purchaser.\nDefault Acceptance. Any deliverable requiring acceptance by the Purchaser shall be deemed to be "
        "accepted if no written notice of non-conformity has been received by the Seller within the acceptance period.",
    ),
    (
        True,
        "acceptance.no_deadline",
        "Payment Schedule. The Seller shall be paid upon the completion of each iteration upon its acceptance and verification "
        "by the Purchaser.",
    ),
    # records kept available for years after final payment or until an audit ends: the audit gates no payment
    (
        False,
        "payment.audit_settlement",
        "12. RETENTION AND AUDIT OF RECORDS. All parties shall make such materials available at their respective offices during "
        "the contract period and for three years from the date of final payment under this Agreement or until a final audit "
        "report is accepted, whichever is later.",
    ),
    (
        True,
        "payment.audit_settlement",
        "12. Final payment shall be made only after the government audit of the settlement is completed.",
    ),
]


#: every case as (head, reported?, category, body)
CASES = [
    *((head, True, category, body) for head, category, body in TRAPS),
    *((head, False, category, body) for head, category, body in TWINS),
    *((EN_HEAD, True, category, body) for category, body in MORE_TRAPS),
    *((EN_HEAD, False, category, body) for category, body in MORE_TWINS),
    *((ZH_BUYER_HEAD, reported, category, body) for reported, category, body in ZH_CASES),
    *((EN_HEAD, reported, category, body) for reported, category, body in EN_CASES),
]


@pytest.mark.parametrize(("head", "reported", "category", "body"), CASES)
def test_category_is_reported_or_not(head: str, reported: bool, category: str, body: str) -> None:
    assert (category in _categories(head, body)) is reported, body
