"""Chinese traps by CONCEPT (session 13), each with its harmless twin, written for this test in
drafting styles the labelled corpora do not use: 央企/国企框架采购协议, 建设工程专业分包/劳务分包,
物业/保洁/安保服务, 物流运输框架, 设备采购及安装, 平台入驻协议 and IT 运维. Each concept is one broad
rule over the shared vocabulary (checklists/vocabulary/concepts.yaml: deduct, payable,
per_occurrence, nonpayment, suspend, ...), so a wording no contract here used must still be
caught. The twin is what a careful drafter writes instead: agreed or adjudged amounts, mutual,
capped, for cause, a stated period, the supplier's own right. A trap must be flagged with its
category; its twin must not be."""

from __future__ import annotations

import pytest
from shipped_packs import categories

# (category, trap, harmless twin)
PAIRS = [
    # 抵扣/扣款: the buyer takes what it claims out of money it owes or holds for the supplier
    (
        "payment.set_off",
        "采购人有权从供应商任何到期或未到期的款项中抵扣供应商应承担的违约金、赔偿金及其他费用。",
        "经双方书面确认的违约金，采购人可从应付款中扣除。",
    ),
    (
        "payment.set_off",
        "业主对总包单位的罚款，总包单位有权在专业分包单位当期进度款中等额扣除。",
        "总包单位应在收到专业分包单位进度款申请后28日内付款，不得无故扣减。",
    ),
    (
        "payment.set_off",
        "承运人造成的货损货差，托运人可在应付运费中直接抵扣。",
        "承运人造成的货损货差，经双方确认后由承运人在下期运费结算时另行赔付。",
    ),
    (
        "payment.set_off",
        "保洁服务未达到考核标准的，甲方扣减当月服务费，具体金额由甲方确定。",
        "甲方在支付保洁服务费时依法代扣代缴个人所得税。",
    ),
    (
        "payment.set_off",
        "入驻商户不可撤销地授权平台将其保证金中的相应金额直接划扣至消费者账户用于赔付。",
        "平台按每笔订单实收金额的5%收取技术服务费。",
    ),
    (
        "payment.set_off",
        "对于运维服务商欠付甲方关联公司的款项，甲方有权在本合同项下应付款项中冲抵。",
        "甲方按合同价款的3%扣留作为质量保证金，缺陷责任期满后无息退还。",
    ),
    # 单方变更: the buyer changes scope, quantities, staff or rules alone; the supplier must obey
    (
        "change.unilateral",
        "采购人有权在框架协议有效期内调减采购数量，供应商不得提出异议。",
        "框架协议有效期内采购数量如需调整，由双方协商一致后书面确认，并相应调整单价。",
    ),
    (
        "change.unilateral",
        "甲方有权根据实际需要调配乙方的保洁人员及服务区域。",
        "乙方有权根据服务需要自行调配其保洁人员。",
    ),
    (
        "change.unilateral",
        "安保服务方应无条件完成甲方临时安排的应急保卫任务。",
        "安保服务方完成甲方临时安排的应急保卫任务的，甲方按附件单价另行支付费用。",
    ),
    (
        "change.unilateral",
        "发包人及其上级单位下发的指令、会议纪要均构成本合同的有效补充。",
        "经双方签署的会议纪要构成本合同的组成部分。",
    ),
    # 弃权: the supplier loses a claim or right by a time-bar, deemed acceptance or a promise
    (
        "rights.waiver",
        "劳务分包方绝不因总包方逾期支付劳务款而延误或不履行合同义务。",
        "总包方逾期支付劳务款超过30日的，劳务分包方有权暂停施工。",
    ),
    (
        "rights.waiver",
        "承包人不得以发包人未付工程款为由停工。",
        "发包人未按约定支付工程款的，承包人可以停工，由此增加的费用由发包人承担。",
    ),
    (
        "rights.waiver",
        "分包人承诺不因总包方延期付款要求支付利息或违约金。",
        "总包方延期付款的，应按LPR向分包人支付逾期利息。",
    ),
    (
        "rights.waiver",
        "运维服务商收到最终付款即视为其已全部收到本合同项下应得款项，不再向甲方主张任何权利。",
        "甲方支付最终款项后，双方按约定履行质保义务。",
    ),
    (
        "rights.waiver",
        "如乙方在收到甲方扣款通知后3日内未提出书面异议，视为乙方认可甲方的扣款。",
        "甲方在收到乙方结算资料后28日内未提出异议的，视为认可乙方提交的结算。",
    ),
    (
        "rights.waiver",
        "承运人应在货物交付后七日内提出运费差异，逾期提出的，托运人不予受理。",
        "托运人应在七日内提出货损索赔，逾期提出的，承运人不予受理。",
    ),
    (
        "rights.waiver",
        "运维服务商对甲方的月度考核结果不得提出异议。",
        "运维服务商对甲方的月度考核结果有异议的，可在收到后五日内申请复核。",
    ),
    # 违约金过高/不封顶: per event or per hour counts as a rate; no cap anywhere
    (
        "penalty.uncapped",
        "运维人员响应超时的，每超时一小时扣减当月运维费500元。",
        "运维人员响应超时的，每超时一小时扣减当月运维费500元，扣减总额不超过当月运维费的10%。",
    ),
    (
        "penalty.uncapped",
        "分包单位未按节点完成的，总包单位给予分包单位500~1000元/次的进度违约罚款。",
        "分包单位未按节点完成的，按每次500元计罚，累计不超过分包合同价的5%。",
    ),
    (
        "penalty.excessive",
        "保洁服务发现以次充好的，乙方按造成损失1:10赔偿甲方。",
        "双方按1:1比例分摊检测费用。",
    ),
    # 任意解除: the buyer ends the contract on notice alone or for its own business reasons
    (
        "termination.convenience",
        "采购人有权解除本框架协议，但应提前三十日书面通知供应商。",
        "供应商严重违约的，采购人有权解除本框架协议，但应提前七日书面通知供应商。",
    ),
    (
        "termination.convenience",
        "因甲方经营调整需要终止合作的，甲方提前十五日通知乙方，并结算已完成的服务费。",
        "任何一方均可提前三十日书面通知对方解除本协议。",
    ),
    # 无期限: payment after an invoice or an assessment with no period
    (
        "payment.no_deadline",
        "托运人在收到承运人开具的合法有效增值税专用发票后支付运输费。",
        "托运人在收到承运人开具的合法有效增值税专用发票后15日内支付运输费。",
    ),
    (
        "payment.no_deadline",
        "物业服务按月考核，按季度支付。",
        "物业服务按月考核，甲方应于每季度结束后15日内支付该季度服务费。",
    ),
    (
        "acceptance.no_deadline",
        "设备安装调试完成后由双方共同验收，验收合格后签署验收报告。",
        "设备安装调试完成后，甲方应在7日内组织验收，逾期未验收的视为验收合格。",
    ),
    (
        "acceptance.no_deadline",
        "货物的质量以采购人验收结果为准。",
        "货物到货后采购人应在10日内完成验收，逾期未提出书面异议的视为验收合格。",
    ),
]


@pytest.mark.parametrize(("category", "trap", "_twin"), PAIRS, ids=[f"trap-{i}" for i in range(len(PAIRS))])
def test_trap_is_flagged(category: str, trap: str, _twin: str) -> None:
    assert category in categories(trap), trap


@pytest.mark.parametrize(("category", "_trap", "twin"), PAIRS, ids=[f"twin-{i}" for i in range(len(PAIRS))])
def test_twin_is_not_flagged(category: str, _trap: str, twin: str) -> None:
    assert category not in categories(twin), twin
