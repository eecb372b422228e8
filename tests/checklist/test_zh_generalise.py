"""Chinese traps by concept, each with its harmless twin, written for this test in drafting styles
the labelled corpora do not use: SOE 框架协议, EPC 专业分包/劳务分包, 政府采购服务合同, 平台供应商
协议, 设备采购 and IT 运维. Each kind was missed on contracts the rules had never been tuned on
(the former heldout3 group); the twins are what a careful drafter writes instead: mutual, agreed,
capped, for cause, the buyer's own duty, or a statutory remedy. A trap must be flagged with its
category; its twin must not be."""

from __future__ import annotations

import pytest
from shipped_packs import RULES, categories

from bidassist.checklist import check_text
from bidassist.checklist.rules import normalise
from bidassist.checklist.subject import binding_party

# (category, trap, harmless twin)
PAIRS = [
    # the buyer revises rules, annexes, standards or fees alone and the supplier accepts them
    (
        "change.unilateral",
        "入驻供应商同意并遵守平台根据运营情况对平台规则、收费标准等进行的更新、调整。",
        "平台对规则、收费标准的更新，须经入驻供应商书面同意后方对其生效。",
    ),
    (
        "change.unilateral",
        "合同期内采购人因上级单位要求对运维考核办法进行修订的，以修订后的考核办法为准。",
        "经双方协商一致对运维考核办法进行修订的，以修订后的考核办法为准。",
    ),
    (
        "change.unilateral",
        "服务期内，运维服务商必须执行采购人最新的巡检计划，巡检标准必须符合采购人最新要求。",
        "运维服务商按附件二的巡检计划执行；采购人提高巡检标准导致费用增加的，服务费相应调整。",
    ),
    (
        "change.unilateral",
        "总承包方有权以书面通知方式随时要求专业分包人暂停或重新开展施工。",
        "总承包方暂停施工的，应顺延工期并赔偿专业分包人因此发生的停工损失。",
    ),
    (
        "change.unilateral",
        "集团成员单位的采购量可能因生产计划调整而变化，供货方应接受该等采购量变化并自行承担相关风险。",
        "集团成员单位的采购量因生产计划调整而变化的，结算价格按实际采购量据实结算。",
    ),
    # the supplier gives up its lien on the buyer's goods
    (
        "rights.waiver",
        "承运人在任何情况下均不得扣留托运人交运的货物，运费争议另行协商。",
        "托运人逾期支付运费的，承运人有权依法留置相应的运输货物。",
    ),
    (
        "rights.waiver",
        "承揽方承诺无论定作方是否付清加工费，均不得留置定作方提供的材料和成品。",
        "承揽方不得扣留定作方派驻人员的身份证件。",
    ),
    # set-off: from any fee the buyer owes, of claims not yet due, of amounts the buyer sets itself
    (
        "payment.set_off",
        "终端客户对总包方的罚款由专业分包人承担，总包方在分包服务费中扣除。",
        "经双方书面确认的违约金，总包方可在分包服务费中扣除。",
    ),
    (
        "payment.set_off",
        "采购人对供应商享有的债权，不论是否到期，采购人均可直接与应付服务费进行抵消。",
        "双方互负到期债务且标的种类、品质相同的，任何一方可以依法抵销。",
    ),
    (
        "payment.set_off",
        "运维服务商未按时响应故障的，由采购人给予一定的扣罚。",
        "运维服务商未按时响应故障的，每次按附件三考核细则扣减当月服务费的1%。",
    ),
    # payment put on hold by the buyer with no end
    (
        "payment.no_deadline",
        "入驻供应商违反平台规则的，平台有权采取关闭店铺、暂缓支付未结算货款等措施。",
        "采购人对发票有异议的，可暂缓支付有异议部分，但应在10个工作日内书面说明理由并支付无异议部分。",
    ),
    # lost business and the buyer's liability to its own customers
    (
        "liability.consequential",
        "因运维服务商原因造成网络中断的，按中断时长折算的业务损失赔偿采购人。",
        "因运维服务商原因造成网络中断的，赔偿采购人的直接损失，业务损失不在赔偿范围之内。",
    ),
    (
        "liability.consequential",
        "总包方的全部损失包括但不限于业主对总包方的罚款、对第三方的赔偿。",
        "总包方的损失包括设备修复费用和检测费。",
    ),
    # all risks and liabilities of an activity, while the loss a breach caused, direct loss only,
    # a reference to the contract's own remedies and an employer's statutory duties are harmless
    (
        "liability.uncapped",
        "运维服务商按采购人要求开展驻场服务，并承担驻场服务期间、服务结果的一切风险和责任。",
        "运维服务商未按时办理保险的，由此而造成的全部损失应当由运维服务商负责。",
    ),
    (
        "liability.uncapped",
        "设备供应商应承担安装调试过程中发生的一切风险和责任。",
        "设备供应商应免费更换有缺陷的部件，并负担采购人因此蒙受的全部直接损失。",
    ),
    (
        "liability.uncapped",
        "因包装不良导致货物损坏的，一切损失均由供货方承担，包括但不限于采购人的停工损失和律师费。",
        "因包装不良导致货物损坏的，由此产生的费用和损失均由供货方承担。",
    ),
    (
        "liability.uncapped",
        "劳务分包人人员发生的一切事故，责任概由劳务分包人承担，与总承包方无关。",
        "劳务分包人是其人员的劳动关系主体，依法承担用人单位的全部责任。",
    ),
    # the buyer's own decision to end the contract dressed up as force majeure; the twin is real
    # force majeure with payment for work done
    (
        "termination.convenience",
        "如集团总部对物业外包政策作出调整，采购方需提前终止本框架协议的，视为不可抗力，双方互不承担责任。",
        "因不可抗力致使本框架协议目的不能实现的，采购方可以解除协议，并支付已完成服务的费用。",
    ),
    (
        "termination.convenience",
        "总承包方需因业主要求中止本分包合同的，按不可抗力处理，专业分包人不得索赔。",
        # (was 「专业分包人被总承包方列入不良分包商名单的…终止」 until session 24: termination on the
        # buyer's own blacklist is a trap by the second readers of zh-917, zh-918 and zh-920; REVIEW.md
        # had left zh-307 14.5 undecided)
        "专业分包人被行政主管部门列入不良行为记录名单的，总承包方有权终止本分包合同。",
    ),
    # the buyer's acceptance completes delivery, with no acceptance period anywhere
    (
        "acceptance.no_deadline",
        "设备运抵后由采购人检查接收，自设备被采购人验收合格之时起供应商的交付义务完成。",
        "设备运抵后由采购人检查接收，自设备被采购人验收合格之时起供应商的交付义务完成。"
        "采购人应在设备运抵后10个工作日内完成验收，逾期视为验收合格。",
    ),
    # the warranty named another way, and a warranty extended anew for replaced goods
    (
        "warranty.long",
        "质保及免费维护期：自终验合格之日起三年。",
        "质保及免费维护期：自终验合格之日起一年。",
    ),
    (
        "warranty.long",
        "供应商更换故障部件后，应相应延长所更换部件的质量保证期。",
        "因采购人原因推迟终验的，质量保证期不相应延长。",
    ),
    # a payment voucher sent promptly is not a payment without a period; the supplier keeping
    # its own IP is not an assignment
    (
        "payment.no_deadline",
        "服务期满经考核合格后，采购人支付剩余运维服务费。",
        "采购人付款后，应及时将支付凭证复印件发送给运维服务商。",
    ),
    (
        "ip.assignment",
        "本项目中运维服务商原有的软件著作权转让给采购人，运维服务商不得再许可他人使用该软件。",
        "本项目涉及的运维服务商知识产权，未经运维服务商许可，采购人不得向第三方许可使用该软件。",
    ),
    # look-alikes: a penalty range with its ceiling, the buyer excused only for the supplier's own
    # failure, reimbursed expenses, the supplier's own choice of bills, an all-inclusive price
    (
        "penalty.uncapped",
        "入驻供应商违规的，平台将视情节轻重给予入驻供应商相应处罚。",
        "入驻供应商提供虚假资质的，平台有权视影响大小要求其支付人民币一万元至五万元的违约金。",
    ),
    (
        "penalty.asymmetric",
        "因财政资金未到位造成采购人逾期付款的，采购人不承担违约责任。",
        "因服务商未按时开具发票造成采购人延迟付款的，采购人不承担违约责任。",
    ),
    (
        "payment.advance_funding",
        "本项目由专业分包人垫资施工，竣工验收后总承包方一次性支付全部分包工程款。",
        "驻场期间运维服务商为采购人垫付的差旅费，采购人应据实报销。",
    ),
    (
        "payment.bill",
        "采购方有权以商业承兑汇票支付货款。",
        "付款方式：电汇或银行承兑汇票均可，由供货方在结算时自主选择。",
    ),
    (
        "price.fixed_no_adjustment",
        "框架协议单价在协议有效期内固定不变，采购方无须另行支付其他任何费用。",
        "供货方为履行本协议发生的所有费用均包含在协议单价中，采购方不再另行支付其他任何费用。",
    ),
    # penalties of several times the sum, or the whole deposit, whatever the loss
    (
        "penalty.excessive",
        "每发生一次客户投诉退赔，服务商按退赔费用___3__倍金额向采购人支付违约金。",
        "每发生一次客户投诉退赔，服务商按退赔费用的10%向采购人支付违约金。",
    ),
    (
        "penalty.excessive",
        "入驻供应商绕开平台私下交易的，平台有权扣除入驻供应商全部保证金作为违约金。",
        "采购人违约致使合同目的不能实现的，供应商有权要求双倍返还定金。",
    ),
]


@pytest.mark.parametrize(("category", "trap", "_twin"), PAIRS, ids=[f"trap-{i}" for i in range(len(PAIRS))])
def test_trap_is_flagged(category: str, trap: str, _twin: str) -> None:
    assert category in categories(trap), trap


@pytest.mark.parametrize(("category", "_trap", "twin"), PAIRS, ids=[f"twin-{i}" for i in range(len(PAIRS))])
def test_twin_is_not_flagged(category: str, _trap: str, twin: str) -> None:
    assert category not in categories(twin), twin


CARRIAGE = """公路货物运输合同
托运人：某某集团物资有限公司
承运人：某某物流有限公司
第一条 承运人在任何情况下均不得扣留托运人交运的货物。
第二条 托运人逾期支付运费的，承运人有权留置相应的运输货物。
"""


def test_carrier_is_the_supplier_and_shipper_the_buyer() -> None:
    """承运人/托运人 are read as the supplier and the buyer: the carrier's waiver of its lien is a
    trap, its statutory lien is not."""
    result = check_text(CARRIAGE, RULES)
    roles = {p["role"] for p in result.parties["parties"]}
    assert roles == {"buyer", "supplier"}
    by_clause = {f.clause: f.category for f in result.findings if f.category == "rights.waiver"}
    assert "第一条" in by_clause
    assert "第二条" not in by_clause


def test_a_party_word_that_qualifies_a_noun_is_not_the_actor() -> None:
    """甲方客户 / 乙方后台账户 name whose customers or account: the buyer who suspends payment
    acts, not the supplier whose account is closed."""
    text = normalise("甲方还有权采取相应措施，包括暂时关闭乙方后台管理账户、暂缓支付未结算款项。")
    start = text.index("暂缓")
    assert binding_party(text, start, start + 4, RULES.role_patterns("zh"), "zh") == "buyer"
