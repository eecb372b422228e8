"""Chinese traps by kind, each with its harmless twin, in drafting styles the labelled corpora do
not use: SOE group framework agreements, EPC subcontracts, 政府采购 service contracts and 劳务分包
(written for this test). A trap must be flagged with its category; its twin must not be flagged
with that category. The contract-level cases check parties and roles: who bears the liability,
which party we are in a three-party contract, and 总承包人 as the buyer of a subcontract."""

from __future__ import annotations

import pytest
from shipped_packs import RULES, categories

from bidassist.checklist.api import check_text

# (category, trap, harmless twin)
PAIRS = [
    # uncapped liability: the supplier bears all liability / every loss; the twin restates the law
    # (compensation of the loss a breach caused), puts the duty on the buyer, or is capped
    (
        "liability.uncapped",
        "供货方应赔偿采购方的一切损失。",
        "供货方有权要求采购方赔偿由此造成的全部损失。",
    ),
    (
        "liability.uncapped",
        "甲方有权要求乙方承担全部责任，乙方不得异议。",
        "乙方有权要求甲方承担全部责任。",
    ),
    (
        "liability.uncapped",
        "乙方违约的，应赔偿甲方因此遭受的全部损失，包括但不限于甲方客户的索赔、诉讼费、律师费。",
        "乙方违约的，应赔偿甲方因此遭受的全部损失。",
    ),
    (
        "liability.uncapped",
        "劳务分包人的人员发生伤亡事故的，一切责任由劳务分包人承担，与承包人无关。",
        "因发包人提供的资料错误造成的一切损失由发包人承担。",
    ),
    (
        "liability.uncapped",
        "卖方保证货物不侵犯第三方权利，否则应承担由此给买方造成的一切损失，不受合同金额限制；买方逾期付款的，违约金最高不超过合同总价的5%。",
        "卖方保证货物不侵犯第三方权利，否则应承担由此给买方造成的一切损失，但赔偿总额以合同总价为限。",
    ),
    (
        "liability.uncapped",
        "施工期间发生的一切安全事故及经济损失均由供应商承担。",
        "守约方有权要求违约方赔偿因此遭受的全部损失。",
    ),
    # termination at will; the twin is for a listed cause, on discovered misconduct, or a
    # condition cut from its consequence by a stray full stop
    (
        "termination.convenience",
        "采购方可根据集团统一部署随时终止本框架协议，供货方不得要求任何补偿。",
        "供货方有下列情形之一的，采购方有权随时终止本框架协议：（一）提供虚假资质；（二）转包。",
    ),
    (
        "termination.convenience",
        "甲方保留随时终止本合同的权利。",
        "如发现乙方以次充好，甲方有权随时终止合同，并不承担任何责任。",
    ),
    (
        "termination.convenience",
        "（四）其他采购人认为应当终止合同的情形。",
        "如乙方违反本协议约定。甲方有权单方面解除本协议，而无需另行通知乙方。",
    ),
    (
        "termination.convenience",
        "甲方可在任何时候书面通知乙方终止合同，而无需承担任何责任。",
        "经查实乙方存在商业贿赂行为的，甲方有权单方终止本合同。",
    ),
    # unilateral change of scope, quantity, schedule or terms
    (
        "change.unilateral",
        "甲方有权根据现场情况对劳务作业内容进行调整，乙方不得因此要求增加费用。",
        "甲方有权对乙方的劳务作业进行检查。",
    ),
    (
        "change.unilateral",
        "采购人可视预算执行情况对服务内容和服务期限进行调整，供应商应予配合。",
        "经双方协商一致，采购人可对服务内容进行调整，合同金额相应调整。",
    ),
    (
        "change.unilateral",
        "甲方有权对本合同条款进行修订，修订后的条款在甲方网站公布后自动生效。",
        "经双方协商一致，甲方可对本合同条款进行修改。",
    ),
    # payment with no period
    (
        "payment.no_deadline",
        "服务期满考核合格后，采购人支付剩余服务费。",
        "服务期满考核合格后15日内，采购人支付剩余服务费。",
    ),
    (
        "payment.no_deadline",
        "采购人可视财政资金到位情况支付服务费。",
        "采购人应在收到发票后30日内支付服务费。",
    ),
    (
        "payment.no_deadline",
        "剩余5%作为质保金，保修期满后支付。",
        "剩余5%作为质保金，保修期满后30日内支付。",
    ),
    # excessive penalties: per-day rates written with 壹 or with spaces before %
    (
        "penalty.excessive",
        "供应商每逾期壹日，应承担合同金额百分之一的逾期违约金。",
        "供应商每逾期壹日，应承担合同金额万分之五的逾期违约金。",
    ),
    (
        "penalty.excessive",
        "乙方延期交货的，每日向甲方支付合同总金额的  5  %作为违约金。",
        "乙方延期交货的，每日向甲方支付合同总金额的  0.05  %作为违约金。",
    ),
    # whose penalty: the buyer's delay penalty that also makes it bear the supplier's idle costs
    (
        "penalty.uncapped",
        "乙方每逾期一天应按合同总金额的万分之三向甲方支付违约金。",
        "甲方每延迟一天应按合同总金额的万分之三向乙方支付违约金，并承担乙方误工费（按每人每天100元计算）。",
    ),
    # waivers
    (
        "rights.waiver",
        "因总包方原因造成停工、窝工的，分包方不主张任何费用。",
        "因分包方原因造成停工的，总包方不主张任何费用。",
    ),
    (
        "rights.waiver",
        "劳务分包人不得以承包人未按时支付劳务款为由停工或拖延工期。",
        "承包人未按时支付劳务款超过30日的，劳务分包人有权停工。",
    ),
    # long warranties
    ("warranty.long", "质保期（3）年，自验收合格之日起计算。", "质保期（2）年，自验收合格之日起计算。"),
    ("warranty.long", "乙方对所供设备提供终身保修。", "乙方对所供设备提供终身有偿技术咨询服务。"),
    # consequential loss
    (
        "liability.consequential",
        "由此给甲方造成的订单损失、客户流失等损失由乙方承担。",
        "确属乙方责任的，乙方应负责赔偿客户损失。",
    ),
    # acceptance with no deadline or at the buyer's say-so
    (
        "acceptance.no_deadline",
        "货物质量以采购方认定的检验结论为依据。",
        "货物质量以国家认可的检测机构出具的检验报告为依据。",
    ),
    (
        "acceptance.no_deadline",
        "如出现产品质量问题，采购方有权无条件退货或换货。",
        "货物到达后7日内采购方可对不合格品退货或换货。",
    ),
    (
        "acceptance.no_deadline",
        "采购方对货物的质量异议不受时间限制。",
        "订单数量以采购方最终确认为准。",
    ),
    # bills: the buyer's choice is the trap; a blank to fill with numbered methods, or bills
    # paid before delivery, are not
    (
        "payment.bill",
        "采购方可选择以电汇或六个月期银行承兑汇票支付货款。",
        "双方采用以下付款方式＿＿＿（1电汇；2银行承兑汇票）结算。",
    ),
    (
        "payment.bill",
        "货款以商业承兑汇票支付。",
        "付款方式（含银行承兑汇票）：款到发货。",
    ),
    # the no-waiver boilerplate is not the supplier's waiver
    (
        "rights.waiver",
        "乙方同意放弃对本工程价款的优先受偿权。",
        "任何一方未行使本合同项下的权利，不得视为其放弃该权利。",
    ),
    # set-off against amounts owed elsewhere in the buyer's group
    (
        "payment.set_off",
        "供货方同意，采购方可将应付供货方的款项与供货方对采购方集团内其他单位的欠款相互抵销。",
        "采购方不得将应付供货方的款项与其他款项抵销。",
    ),
]


def _categories(text: str, we: str | None = None) -> set[str]:
    return categories(text, we=we)


@pytest.mark.parametrize(("category", "trap", "_twin"), PAIRS, ids=[f"trap-{i}" for i in range(len(PAIRS))])
def test_trap_is_flagged(category: str, trap: str, _twin: str) -> None:
    assert category in _categories(trap), trap


@pytest.mark.parametrize(("category", "_trap", "twin"), PAIRS, ids=[f"twin-{i}" for i in range(len(PAIRS))])
def test_twin_is_not_flagged(category: str, _trap: str, twin: str) -> None:
    assert category not in _categories(twin), twin


EPC_SUBCONTRACT = """EPC总承包项目专业分包合同
总承包人：华东能源工程有限公司
分包人：江南机电安装有限公司
第一条 分包人违约的，应赔偿总承包人因此遭受的一切损失及业主的全部索赔。
第二条 总承包人违约的，应赔偿分包人因此遭受的一切损失。
第三条 分包工程款在总承包人收到业主相应款项后支付。
"""


def _by_clause(text: str, we: str | None = None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in check_text(text, RULES, we=we).findings:
        out.setdefault(f.clause or "", set()).add(f.category)
    return out


def test_main_contractor_is_the_buyer_of_a_subcontract() -> None:
    """总承包人 is the buyer here; 承包人 inside it is not read as the supplier."""
    found = _by_clause(EPC_SUBCONTRACT)
    assert "liability.uncapped" in found.get("第一条", set())
    assert "liability.uncapped" not in found.get("第二条", set())
    assert "payment.back_to_back" in found.get("第三条", set())


THREE_PARTY = """三方采购服务协议
服务方（甲方）：某某供应链平台有限公司
委托方（乙方）：某某建材有限公司
供货方（丙方）：某某钢铁贸易有限公司
一、丙方送货途中发生的一切损失均由丙方承担。
二、甲方仓储期间发生的一切损失均由甲方承担。
"""


def test_we_name_the_only_party_on_our_side() -> None:
    """--we 丙方 makes the platform (服务方, a supplier word) a counterparty: its liability is
    not ours, and the supplier's (丙方) is."""
    found = _by_clause(THREE_PARTY, we="丙方")
    assert "liability.uncapped" in found.get("一、", set())
    assert "liability.uncapped" not in found.get("二、", set())


def test_liability_cap_anywhere_in_the_contract_clears_all_losses() -> None:
    capped = (
        "第一条 乙方应赔偿甲方的一切损失。\n第二条 乙方在本合同项下的赔偿责任累计不超过合同总价的100%。\n"
    )
    uncapped = "第一条 乙方应赔偿甲方的一切损失。\n第二条 甲方的赔偿责任累计不超过合同总价的100%。\n"
    assert "liability.uncapped" not in {c for cs in _by_clause(capped).values() for c in cs}
    assert "liability.uncapped" in {c for cs in _by_clause(uncapped).values() for c in cs}
