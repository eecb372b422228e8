"""Chinese traps by FRAME (session 17, chk-zh): wordings of the held-out misses' kind ("the trap
category has a rule, but the contract said it differently"), written for this test in drafting
styles of other industries (物流运输、IT 运维、建设工程分包、央企框架采购、平台入驻), each with the
harmless twin a careful drafter writes. A trap is flagged with its category; its twin is not."""

from __future__ import annotations

import pytest
from shipped_packs import categories

# (category, trap, harmless twin)
PAIRS = [
    # 抵扣: the buyer takes what it claims, at its own measure or on its own check
    (
        "payment.set_off",
        "承运人迟延送达的，托运人有权视情节轻重扣减当期运费。",
        "经双方对账确认的运费差额，在下期运费结算时冲抵。",
    ),
    (
        "payment.set_off",
        "乙方未在规定时间内维修的，甲方有权委托第三方维修，费用从应付工程款中扣除。",
        # REVIEW decision 5: the repair cost from the quality retention is what it secures
        "乙方未在规定时间内维修的，甲方有权委托第三方维修，费用从乙方的质量保证金中扣除。",
    ),
    (
        "payment.set_off",
        "总包方有权从劳务分包人处扣回其代付的材料费。",
        "总包方代付的材料费，经劳务分包人书面确认后在分包款中扣回。",
    ),
    # 背靠背: the buyer pays once, or as far as, the owner or end customer has paid
    (
        "payment.back_to_back",
        "甲方于收到终端客户货款之日起15日内支付乙方货款。",
        "甲方于收到乙方发票之日起15日内支付货款。",
    ),
    (
        "payment.back_to_back",
        "本合同款项的支付取决于甲方能否从项目业主处收到相应款项。",
        "本合同款项的支付不以甲方收到项目业主款项为前提。",
    ),
    # 审计结算: the owner's final accounts set the price
    (
        "payment.audit_settlement",
        "最终结算金额以建设单位决算审核金额为准。",
        "结算价以双方签字确认的竣工决算为准。",
    ),
    # 无上限: a cap expressly disapplied is no cap
    (
        "liability.uncapped",
        "运维服务商的赔偿责任不以年度服务费为限。",
        "运维服务商的赔偿责任以年度服务费为限。",
    ),
    # 任意解除: the buyer's own view of necessity, or no reason at all
    (
        "termination.convenience",
        "甲方认为必要时，可以提前终止本合同。",
        "乙方违约的，甲方认为必要时可以解除合同。",
    ),
    (
        "termination.convenience",
        "如因甲方业务调整，甲方有权单方面解除本协议而无须承担违约责任。",
        "如乙方违约，甲方有权解除本协议并要求乙方承担违约责任。",
    ),
    # 放弃权利: the supplier undertakes not to claim or not to sue
    (
        "rights.waiver",
        "承包人同意不就工期延误向发包人提出任何费用索赔。",
        "因发包人原因造成工期延误的，承包人可按约定提出费用索赔。",
    ),
    # 质保期重新计算: the restart named before the period
    (
        "warranty.long",
        "返修后重新计算质保期。",
        "整机质保期不因部件更换而重新计算。",
    ),
    # 排他: to no one but the buyer
    (
        "exclusivity",
        "供方不得将同款产品销售给需方以外的任何第三方。",
        "乙方不得将甲方提供的图纸用于本合同以外的用途。",
    ),
    # 最惠: a lower price to others passed on
    (
        "price.most_favored",
        "承运人给予其他托运人更优惠的运价的，应立即相应调低本合同运价。",
        "市场价格下降时双方可协商调整运价。",
    ),
    # 违约金过高: a rate per day of delay stated as days times a rate
    (
        "penalty.excessive",
        "乙方逾期交付的，按逾期天数乘以合同金额的0.3%计算违约金。",
        "乙方逾期交付的，按逾期天数乘以合同金额的0.03%计算违约金。",
    ),
]


@pytest.mark.parametrize(("category", "trap", "twin"), PAIRS, ids=[f"pair-{i}" for i in range(len(PAIRS))])
def test_trap_flagged_and_twin_not(category: str, trap: str, twin: str) -> None:
    assert category in categories(trap), trap
    assert category not in categories(twin), twin
