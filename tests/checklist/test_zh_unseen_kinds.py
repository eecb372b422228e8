"""Chinese traps by concept, each with its harmless twin, for the kinds the rules missed on the
contracts they had never been tuned on (session 12: the former heldout4 and heldout5 groups).
Written for this test in drafting styles the labelled corpora do not use: SOE 框架协议, EPC
专业分包/劳务分包, 政府采购服务合同, 平台供应商协议, 设备采购 and IT 运维. The twins are what a careful
drafter writes instead: mutual, capped, for cause, the buyer's own duty, a stated period, or an
unselected option. A trap must be flagged with its category; its twin must not be."""

from __future__ import annotations

import pytest
from shipped_packs import RULES, categories

from bidassist.checklist import check_text
from bidassist.checklist.hanzi import simplified
from bidassist.checklist.rules import normalise

# (category, trap, harmless twin)
PAIRS = [
    # a catch-all cause the buyer judges alone closes a list of causes for termination
    (
        "termination.convenience",
        "出现下列情形之一的，采购人可终止本框架协议：（一）项目预算调整；（二）其他采购人认为需要终止的情形。",
        "出现下列情形之一的，采购人可终止本框架协议：（一）供货方逾期交货超过30日；（二）产品质量不合格。",
    ),
    # payment after the buyer's own acceptance, or after completion, with no period
    (
        "payment.no_deadline",
        "运维服务期满，采购人对服务成果进行考核验收，并支付剩余30%服务费。",
        "运维服务期满，采购人应在10个工作日内完成验收，并在验收合格后15日内支付剩余30%服务费。",
    ),
    (
        "payment.no_deadline",
        "专业分包工程全部完工后支付至分包合同价的95%。",
        "专业分包工程全部完工后30日内支付至分包合同价的95%。",
    ),
    # the buyer's inspection gates shipment, with no inspection period
    (
        "acceptance.no_deadline",
        "设备经采购方驻厂人员验货合格后方可发货。",
        "设备经采购方驻厂人员验货合格后方可发货，采购方应在接到通知后3日内完成验货，逾期视为验货合格。",
    ),
    (
        "acceptance.no_deadline",
        "设备入库不视为采购方对设备质量的认可。",
        "设备到货后采购方应在15日内完成质量检验，逾期未提出书面异议的视为质量合格。",
    ),
    # the buyer's liability to its own customers or employer passed down
    (
        "liability.consequential",
        "因劳务分包人原因导致总承包方被业主索赔的，由劳务分包人承担。",
        "因总承包方原因导致劳务分包人被索赔的，由总承包方承担。",
    ),
    (
        "liability.consequential",
        "供货方交货延误的，应赔偿采购方损失，包括但不限于采购方不能按时向其最终用户交付产品的责任。",
        "供货方不承担采购方对其客户的任何违约责任或间接损失。",
    ),
    # a period counted from the monthly statement
    (
        "payment.long_term",
        "平台按月结90天方式向入驻供应商结算货款。",
        "平台按月结30天方式向入驻供应商结算货款。",
    ),
    # the supplier consents in advance to the buyer's deduction or freeze
    (
        "payment.set_off",
        "入驻供应商同意平台冻结其店铺余额，用于垫付消费者退款。",
        "入驻供应商同意平台从每笔订单中扣除5%的技术服务费。",
    ),
    (
        "payment.set_off",
        "运维服务商考核不合格的，采购人可酌情扣除部分服务费。",
        "运维服务商考核不合格的，按附件三考核细则扣减当月服务费的1%。",
    ),
    # the price moves at any time to the market, or only downwards
    (
        "change.unilateral",
        "框架协议单价随行就市调整，以采购方每月发布的价格为准。",
        "框架协议单价每季度按附件二的价格指数公式调整，由双方书面确认。",
    ),
    (
        "change.unilateral",
        "原材料价格上涨的，供货方仍按原合同单价供货，原材料价格下降的，按下降后的市场价格结算。",
        "原材料价格涨跌超过5%的，由双方协商按同一公式调整合同单价。",
    ),
    (
        "change.unilateral",
        "平台有权根据市场行情及自身经营发展情况单方面调整技术服务费费率。",
        "平台调整技术服务费费率的，须经双方书面协商一致。",
    ),
    # the buyer as the supplier's only channel; nothing like it to anyone outside
    (
        "exclusivity",
        "入驻期间，本平台为入驻商户的独家线上销售渠道。",
        "本平台为入驻商户的非独家线上销售渠道，入驻商户可自行通过其他渠道销售。",
    ),
    (
        "exclusivity",
        "供货方不得对外提供相同或类似规格的定制设备。",
        "供货方不得对外提供采购方的图纸和技术资料。",
    ),
    # a daily delay charge with no cap (a right to terminate is not a cap)
    (
        "penalty.uncapped",
        "供货方逾期交货的，每天按订单金额的1%支付延误费用，逾期超过15天的，采购方有权解除合同。",
        "供货方逾期交货的，每天按订单金额的0.05%支付延误费用，延误费用累计不超过订单金额的5%。",
    ),
    # liability not tied to the supplier's fault, or reaching past the buyer
    (
        "liability.uncapped",
        "分包工程移交前，无论损坏责任方是谁，均由专业分包人修复。",
        "分包工程移交前，因专业分包人原因损坏的，由专业分包人修复。",
    ),
    (
        "liability.uncapped",
        "劳务分包人应承担总承包合同中与劳务作业有关的总承包方的全部义务与责任。",
        "劳务分包人应遵守总承包合同中与劳务作业有关的安全文明施工要求。",
    ),
    (
        "liability.uncapped",
        "服务商应赔偿由此给采购人及其关联公司造成的全部损失。",
        "服务商应赔偿由此给采购人造成的直接损失。",
    ),
    (
        "liability.uncapped",
        "采购方正常使用设备造成的损失，由供货方承担赔偿责任。",
        "经查证属供货方责任的，供货方应更换设备并承担所有相关费用。",
    ),
    # a claim or objection not raised in a short period is lost
    (
        "rights.waiver",
        "专业分包人未在收到结算书后7日内提出书面异议的，视为认可总承包方的结算。",
        "总承包方未在收到结算书后28日内答复的，视为认可专业分包人提交的结算。",
    ),
    # price parity with the supplier's other channels
    (
        "price.most_favored",
        "入驻商户在其他平台的销售价格低于本平台的，平台有权下架相关商品。",
        "入驻商户自行确定在本平台和其他平台的销售价格。",
    ),
    # payment waits for an audit
    (
        "payment.audit_settlement",
        "运维服务费待审计部门审计后，以审计结果作为结算付款的依据。",
        "审计不影响采购人按合同约定期限支付运维服务费。",
    ),
    # penalties of several times the sum (the statutory double deposit is not one)
    (
        "penalty.excessive",
        "设备为翻新机的，供货方应三倍返还采购方已付货款。",
        "采购方违约的，无权要求返还定金；供货方违约的，应双倍返还定金。",
    ),
    # a warranty without end: defects found at any time, or a period starting at the main works' end
    (
        "warranty.long",
        "集团成员单位在任何时候发现供货方提供的物资存在质量缺陷的，供货方均应无条件更换。",
        "质保期内集团成员单位发现供货方提供的物资存在质量缺陷的，供货方应免费更换。",
    ),
    (
        "warranty.long",
        "劳务分包工程保修期自总承包工程整体竣工验收之日起计算。",
        "劳务分包工程保修期自劳务作业完成验收之日起计算，为12个月。",
    ),
    # work already done left unpaid when the buyer ends the contract
    (
        "termination.convenience",
        "专业分包人未按期进场的，总承包方有权解除本合同，对已完成的分包工程不予结算。",
        "专业分包人未按期进场的，总承包方有权解除本合同，已完成的合格分包工程按合同单价结算。",
    ),
    # 总承包商 / 施工分包商 are the buyer and the supplier
    (
        "liability.uncapped",
        "施工分包商应履行并承担总包合同中与分包工程有关的总承包商的所有义务与责任。",
        "施工分包商应遵守总包合同中与分包工程有关的安全管理规定。",
    ),
    # traditional characters are read as simplified
    (
        "termination.convenience",
        "甲方有權隨時解除本合約，無需承擔任何責任。",
        "任何一方均可提前六十日書面通知對方解除本合約。",
    ),
    (
        "renewal.auto",
        "本協議期滿前雙方均未提出異議者，即依本協議內容自動續約一年，嗣後亦同。",
        "本協議期滿即行終止，雙方如需續約應另行簽訂書面協議。",
    ),
]


@pytest.mark.parametrize(("category", "trap", "_twin"), PAIRS, ids=[f"trap-{i}" for i in range(len(PAIRS))])
def test_trap_is_flagged(category: str, trap: str, _twin: str) -> None:
    assert category in categories(trap), trap


@pytest.mark.parametrize(("category", "_trap", "twin"), PAIRS, ids=[f"twin-{i}" for i in range(len(PAIRS))])
def test_twin_is_not_flagged(category: str, _trap: str, twin: str) -> None:
    assert category not in categories(twin), twin


def test_traditional_text_is_read_as_simplified_with_offsets_kept() -> None:
    text = "雙方同意以臺灣臺北地方法院為第一審管轄法院。"
    out = simplified(text)
    assert out == "双方同意以台湾台北地方法院为第一审管辖法院。"
    assert len(out) == len(text)
    assert normalise("甲方經審核ＡＢ") == "甲方经审核ab"
    assert simplified("乙方应按合同约定交货。") == "乙方应按合同约定交货。"


FORM = """采购合同
甲方：某某科技股份有限公司　乙方：＿＿
一、乙方每逾期一日，应按合同总价的千分之五向甲方支付违约金。
二、甲方有权随时解除本合同，无需承担任何责任。
"""


def test_the_next_column_of_a_form_line_is_not_part_of_the_buyer_name() -> None:
    """`--we 乙方` on a form whose signature line is 甲方：名称　乙方：＿＿ names the supplier,
    not the buyer whose name ran on into the next column."""
    result = check_text(FORM, RULES, we="乙方")
    assert result.parties["we"] == "supplier"
    buyer = next(p for p in result.parties["parties"] if p["role"] == "buyer")
    assert buyer["name"] == "某某科技股份有限公司"
    assert {"penalty.uncapped", "termination.convenience"} <= {f.category for f in result.findings}


CARRIAGE = """货物运输合同
承运人：某某物流有限公司（简称乙方）
托运方：某某贸易有限公司
第一条 承运方对托运的货物负责安全。承运方逾期送达的，每逾期一日按运费的5%向托运方支付违约金。
第二条 承运方应按时送达货物。托运方应按约定支付运费。
第三条 承运方未按约定路线行驶的，应向托运方说明原因。
"""


def test_a_role_word_counted_in_the_text_stays_on_our_side() -> None:
    """承运方 used beside the defined 承运人（乙方） names the same side: with `--we 乙方` the
    carrier's daily penalty is still the supplier's."""
    result = check_text(CARRIAGE, RULES, we="乙方")
    roles = {lab: p["role"] for p in result.parties["parties"] for lab in p["labels"]}
    assert roles.get("承运方") in (None, "supplier")
    assert "penalty.uncapped" in {f.category for f in result.findings}


LPR = """服务合同
甲方：某某区城市管理局
乙方：某某绿化工程有限公司
第一条 乙方未按甲方要求的时间完成整改的，每延期一天乙方应按合同总价款的1%向甲方支付违约金。
第二条 甲方逾期付款的，甲方应按拖欠金额的贷款市场报价利率支付利息。
"""

LPR_TWIN = LPR.replace("按拖欠金额的贷款市场报价利率支付利息", "每逾期一天按拖欠金额的1%支付违约金")


def test_late_payment_interest_far_below_the_suppliers_penalty_is_asymmetric() -> None:
    """The buyer's LPR interest (about 0.01 % a day) against the supplier's 1 % a day is
    asymmetric; the same daily rate on both sides is not."""
    assert "penalty.asymmetric" in {f.category for f in check_text(LPR, RULES).findings}
    assert "penalty.asymmetric" not in {f.category for f in check_text(LPR_TWIN, RULES).findings}
