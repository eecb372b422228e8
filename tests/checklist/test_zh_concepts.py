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


# more concept traps, one sentence each (物流, 平台, 框架采购, 分包, IT 运维, 物业)
TRAPS = [
    ("payment.set_off", "乙方应承担的各项罚款、赔偿，甲方均有权从乙方的履约保证金中直接扣收。"),
    ("payment.set_off", "如承运人对托运人负有任何债务，托运人可以用应付运费予以抵销。"),
    ("payment.set_off", "平台有权将商家应付的违约金从其店铺账户余额中直接扣划。"),
    ("payment.set_off", "甲方有权扣发乙方当月服务费，直至乙方整改完毕。"),
    ("payment.set_off", "因乙方原因给甲方造成的损失，甲方可直接在乙方的结算款中予以冲减。"),
    ("payment.set_off", "设备供应商的违约金由采购人在支付货款时一并扣除。"),
    ("change.unilateral", "甲方有权根据生产需要随时调整订单的交货日期、数量和交货地点。"),
    ("change.unilateral", "采购人有权根据需要增加或减少采购量，增减幅度不超过30%，单价不变。"),
    ("change.unilateral", "甲方有权对服务范围作出变更，乙方应当执行。"),
    ("change.unilateral", "平台可单方修订平台规则，修订后的规则一经公布即对商家生效。"),
    ("change.unilateral", "总包方有权根据工程需要对分包范围进行调整，分包方不得拒绝。"),
    ("change.unilateral", "甲方有权根据实际需要暂停或推迟运输任务，乙方不得因此要求补偿。"),
    ("rights.waiver", "乙方同意放弃行使不安抗辩权。"),
    ("rights.waiver", "供应商在提交最终结算单时应同时出具无索赔声明。"),
    ("rights.waiver", "因甲方原因导致停工的，乙方只能要求顺延工期，不得要求其他补偿。"),
    ("rights.waiver", "乙方未在规定期限内提出索赔的，视为乙方放弃索赔权利。"),
    ("rights.waiver", "乙方对扣款有异议的，应在3日内提出，逾期视为同意。"),
    ("rights.waiver", "分包人应在收到结算审核结果后7日内确认，逾期未确认的视为认可。"),
    ("termination.convenience", "甲方有权根据自身经营需要随时终止本合同，仅需书面通知乙方即可。"),
    ("termination.convenience", "采购人可以在任何时候以书面通知方式终止本框架协议，且不承担任何违约责任。"),
    ("termination.convenience", "甲方保留在合同期内随时解除合同的权利。"),
    ("termination.convenience", "平台有权在任何时候基于任何理由终止本协议。"),
    ("penalty.excessive", "乙方每逾期一日，应按合同总额的百分之一向甲方支付违约金。"),
    ("penalty.excessive", "每逾期一天按未交货部分货值的2%计收违约金。"),
    ("penalty.excessive", "若乙方违约，应向甲方支付相当于合同总价40%的违约金。"),
    ("penalty.excessive", "分包人每延误一天，按分包合同价款的3‰支付误期赔偿金。"),
    ("penalty.uncapped", "乙方每逾期一日，应按合同总额的万分之三向甲方支付违约金。"),
    ("penalty.uncapped", "每迟延一日，乙方应支付违约金人民币贰仟元。"),
    ("penalty.uncapped", "服务每中断一小时，扣减服务费1000元。"),
    ("acceptance.no_deadline", "验收标准以甲方的要求为准。"),
    ("acceptance.no_deadline", "服务是否合格由甲方最终认定。"),
    ("acceptance.no_deadline", "乙方交付成果须经甲方验收通过，验收时间由甲方另行通知。"),
    ("payment.no_deadline", "合同款在甲方收到业主结算审核报告后支付。"),
    ("payment.no_deadline", "剩余款项待项目整体验收后支付。"),
    ("payment.no_deadline", "结算款在双方对账确认后支付。"),
]

# harmless twins a careful drafter writes: agreed, adjudged, mutual, capped, for cause, the
# supplier's own right, a stated period, the buyer's duty not to deduct, full compensation
TWINS = [
    ("termination.convenience", "因不可抗力致使合同目的不能实现的，任何一方可以解除合同。"),
    ("payment.set_off", "甲方应按时足额支付乙方款项，不得以任何理由扣减。"),
    ("payment.set_off", "经生效判决确定的赔偿金额，甲方可从应付款中扣除。"),
    ("payment.set_off", "乙方有权从甲方应付的款项中扣除甲方应承担的违约金。"),
    ("payment.set_off", "双方同意，乙方应付甲方的违约金经双方书面确认后可从当期货款中抵扣。"),
    ("payment.set_off", "甲方支付款项前，乙方应开具等额发票。"),
    ("payment.set_off", "平台按照交易额的3%收取服务费，从每笔结算款中扣除。"),
    (
        "change.unilateral",
        "甲方如需变更服务内容，应提前15日书面通知乙方，经双方协商一致后签订补充协议，合同价款相应调整。",
    ),
    ("change.unilateral", "乙方应按甲方确认的施工进度计划组织施工。"),
    ("change.unilateral", "订单数量以双方确认的采购订单为准。"),
    ("change.unilateral", "甲方增加工程量的，按合同单价据实结算。"),
    ("change.unilateral", "乙方有权根据实际情况调整派驻人员，但应提前通知甲方。"),
    ("rights.waiver", "乙方应在收到结算书后7日内核对，有异议的应书面提出。"),
    ("rights.waiver", "甲方逾期付款超过30日的，乙方有权停止供货，并要求甲方支付逾期付款违约金。"),
    ("rights.waiver", "任何一方未行使本合同项下权利的，不视为放弃该权利。"),
    ("rights.waiver", "甲方不得以乙方未开具发票为由拒绝付款。"),
    ("termination.convenience", "乙方连续两次考核不合格的，甲方有权解除合同。"),
    ("termination.convenience", "合同期满，双方未续签的，合同自然终止。"),
    ("termination.convenience", "甲方可提前30日通知乙方解除合同，并赔偿乙方因此遭受的全部损失。"),
    ("termination.convenience", "经双方协商一致，可以解除本合同。"),
    (
        "penalty.uncapped",
        "乙方逾期交货的，每逾期一日按逾期部分货款的万分之五支付违约金，但违约金总额不超过合同总价的10%。",
    ),
    ("penalty.uncapped", "乙方违约的，应赔偿甲方实际损失。"),
    ("penalty.excessive", "乙方每逾期一日，按合同价的万分之五支付违约金，累计不超过合同价的5%。"),
    ("penalty.excessive", "甲方逾期付款的，每日按应付未付款的万分之五支付违约金。"),
    ("acceptance.no_deadline", "甲方应在货物到达后5个工作日内完成验收，逾期未验收视为验收合格。"),
    ("acceptance.no_deadline", "验收标准按国家标准及本合同技术规范执行。"),
    ("payment.no_deadline", "甲方在验收合格并收到发票后30日内支付合同价款。"),
    ("payment.no_deadline", "甲方于每月25日前支付上月服务费。"),
    ("payment.no_deadline", "乙方应在收到甲方付款后5日内开具发票。"),
]


@pytest.mark.parametrize(("category", "text"), TRAPS, ids=[f"more-trap-{i}" for i in range(len(TRAPS))])
def test_more_traps_are_flagged(category: str, text: str) -> None:
    assert category in categories(text), text


@pytest.mark.parametrize(("category", "text"), TWINS, ids=[f"more-twin-{i}" for i in range(len(TWINS))])
def test_more_twins_are_not_flagged(category: str, text: str) -> None:
    assert category not in categories(text), text
