"""Chinese traps by CONCEPT (session 14), each with its harmless twin, written for this test in
drafting styles the labelled corpora do not use: 央企/国企框架采购协议, 建设工程专业分包/劳务分包,
物业/保洁/安保服务, 物流运输框架, 设备采购及安装, 平台入驻协议, IT 运维 and 医院/高校采购.

Each concept is one composed rule over the shared vocabulary (checklists/vocabulary/concepts.yaml:
change_verb + changeable, relief, objection, no_adjust, perform, own_breach): a wording no contract
here used must still be caught, and what a careful drafter writes instead (agreed with the
supplier, the buyer bears the cost, for cause, a stated or referenced period, a blank left in a
model form, the supplier's own delay) must not be. A trap is flagged with its category; its twin
is not flagged with that category."""

from __future__ import annotations

import pytest
from shipped_packs import categories

# (category, trap, harmless twin)
PAIRS = [
    # 单方变更: the buyer holds a power to change something agreed (scope, quantity, staff, fees,
    # standards), composed from {change_verb} and {changeable}
    (
        "change.unilateral",
        "甲方有权根据实际情况调整运输线路和车辆数量。",
        "甲方有权变更交货地点，由此增加的运输费用由甲方承担。",
    ),
    (
        "change.unilateral",
        "采购人可根据预算执行情况核减运维服务内容。",
        "采购人如需核减运维服务内容，应与供应商协商一致后签订补充协议。",
    ),
    (
        "change.unilateral",
        "总承包方保留对分包工程质量标准进行调整的权利。",
        "分包人连续两次考核不合格的，总承包方有权调整其施工区域。",
    ),
    (
        "change.unilateral",
        "甲方有权对保安岗位及人员数量进行调整，服务费不作调整。",
        "甲方有权对保安岗位进行调整，服务费按调整后的岗位数量相应调整。",
    ),
    # 任意解除: the buyer ends the contract for its own reasons or at its reading of circumstances
    (
        "termination.convenience",
        "甲方因自身经营调整需要提前终止保洁服务的，应提前15日书面通知乙方。",
        "乙方服务考核连续两个季度不合格的，甲方有权根据考核情况终止本合同。",
    ),
    (
        "termination.convenience",
        "总承包方根据业主要求终止本分包合同的，专业分包人应在7日内撤场。",
        "因专业分包人原因导致工程质量不合格的，总承包方有权终止本分包合同。",
    ),
    (
        "termination.convenience",
        "采购人有权根据项目实际情况终止部分或全部运维服务，按实际服务期结算服务费。",
        "采购人因自身原因需要提前终止合同的，应支付已完成服务的费用并赔偿供应商的全部损失。",
    ),
    # 放弃权利: the supplier may not claim the relief it would have, or object to the buyer's finding
    (
        "rights.waiver",
        "工期延误的，劳务分包人不得以任何理由要求延长工期或增加费用。",
        "劳务分包人逾期完工的，不予延长工期。",
    ),
    (
        "rights.waiver",
        "无论托运人是否按期付款，承运人均应按时提供运输服务。",
        "托运人逾期付款超过30日的，承运人有权暂停运输服务。",
    ),
    (
        "rights.waiver",
        "保洁服务方对甲方物业部的考核结果无异议，且不得申请复议。",
        "保洁服务方对考核结果有异议的，可在收到考核结果后5日内申请复核。",
    ),
    # 固定价格不调整: the price, whatever it is called, stays whatever happens ({no_adjust})
    (
        "price.fixed_no_adjustment",
        "框架协议有效期内运费单价不随油价变化而调整。",
        "框架协议有效期内运费单价随油价涨跌超过5%的部分相应调整。",
    ),
    (
        "price.fixed_no_adjustment",
        "整个安装期间，所有设备及安装价格不可调整，包死不变。",
        "因分包人原因导致工期延误的，延误期间材料价格上涨不予调整。",
    ),
    # 付款无期限: an event, then payment with no period; a date or a general period is a period
    (
        "payment.no_deadline",
        "医疗设备安装调试合格后，采购人支付合同总价的30%。",
        "甲方收到乙方发票后，于每月25日前支付上月服务费。",
    ),
    (
        "payment.no_deadline",
        "物业服务考核未完成前，甲方暂不支付当季服务费，待集团审批后另行安排。",
        "采购人对发票有异议的，可暂缓支付有异议部分，但应在10个工作日内支付无异议部分。",
    ),
    # 验收无期限: the buyer's finding decides, with no period, no re-test
    (
        "acceptance.no_deadline",
        "实验设备的质量以甲方检验结果为准。",
        "设备的质量以甲方检验结果为准，乙方对检验结果有异议的，可在3日内申请第三方检测机构复检。",
    ),
    (
        "acceptance.no_deadline",
        "系统上线后由甲方组织验收。",
        "验收期限：甲方应在收到验收申请后＿＿日内组织验收。",
    ),
    # 无限责任: all liability not tied to the supplier's own breach; title to what it supplies is law
    (
        "liability.uncapped",
        "保安人员在执勤期间发生的一切事故，均由乙方承担全部责任。",
        "乙方保证所供设备不侵犯任何第三方的知识产权，否则由乙方承担全部责任。",
    ),
    (
        "liability.uncapped",
        "乙方应赔偿甲方由此遭受的一切损失，且赔偿金额不受合同金额限制。",
        "甲方货物在交付乙方并经验收前，一切风险均由甲方承担。",
    ),
    # 付款不对等: the supplier's daily delay penalty, no late-payment liability of the buyer
    (
        "penalty.asymmetric",
        "一、如逾期发货，承运方将承担运费总额日千分之五的违约金。\n二、托运方应在收到发票后30日内付款。",
        "一、如逾期发货，承运方将承担运费总额日万分之五的违约金。\n"
        "二、托运方逾期付款的，每逾期一日按应付款的万分之五支付违约金。",
    ),
    # 抵扣: the buyer takes what it claims, even self-help repair costs taken from progress payments
    # (REVIEW rule 16); the same repair cost taken from the quality retention is what the retention
    # secures (REVIEW decision 5, session 16), and an account both parties reconciled is agreed
    (
        "payment.set_off",
        "保修期内分包人未履行维修义务的，总承包方委托他人维修的费用从当期进度款中扣除。",
        "保修期内分包人未履行维修义务的，总承包方委托他人维修的费用从质保金中扣除。",
    ),
    (
        "payment.set_off",
        "托运人核定的货损赔偿款，在下期运费结算时予以冲抵。",
        "经双方对账确认的运费差额，在下期运费结算时冲抵。",
    ),
]


@pytest.mark.parametrize(("category", "trap", "twin"), PAIRS, ids=[f"pair-{i}" for i in range(len(PAIRS))])
def test_trap_flagged_and_twin_not(category: str, trap: str, twin: str) -> None:
    assert category in categories(trap), trap
    assert category not in categories(twin), twin


def test_general_payment_period_covers_event_instalments() -> None:
    """A period stated once for all instalments (以上各期款项…30日内支付) is the period of each."""
    text = (
        "第五条 付款\n"
        "5.1 设备到货验收合格后支付合同总价的60%。\n"
        "5.2 安装调试合格后支付合同总价的35%。\n"
        "5.3 以上各期款项，采购人应在收到供应商发票后30日内支付。\n"
    )
    assert "payment.no_deadline" not in categories(text)


def test_acceptance_period_in_hours_elsewhere() -> None:
    """An inspection period in hours stated in another article is the acceptance's period."""
    text = "第四条 医疗设备经甲方验收合格后支付合同价款。\n第五条 甲方收货后应在48小时内对设备外观及数量进行查验。\n"
    assert "acceptance.no_deadline" not in categories(text)
