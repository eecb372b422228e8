"""The buyer's RIGHTS AND CHANGES categories by concept, both languages (session 16, helper
chk-cat), each kind with harmless twins. Every sentence is written for this test, in drafting
styles the labelled corpora do not use (央企/国企框架采购协议, 建设工程专业分包/劳务分包,
物业/保洁/安保, 物流运输框架, 设备采购及安装, 平台入驻协议, IT 运维, 医院/高校采购, 食堂/餐饮,
劳务派遣; US county / transit / school-district terms, UK and Australian public-body conditions,
PO terms, staffing, carrier agreements, SaaS MSAs), and written down BEFORE the rules were run on
them.

The concepts, as a reviewer states them (WHO acts: the buyer; WHAT it may do; WHAT the supplier
loses; what makes it harmless):
- rights.waiver: the buyer's claim or deduction notice answered by the supplier's silence counts as
  the supplier agreeing; the supplier may not stop or hold back work because of a dispute. Harmless:
  the buyer's silence deemed to accept the supplier's claim, the same period for both sides, the
  buyer's own duty to keep paying the undisputed part.
- acceptance.no_deadline: acceptance organised "promptly", by the buyer's review or by the buyer's own
  rules, with no period. Harmless: a stated period, deemed acceptance, a national standard.
- change.unilateral: quantities follow the buyer's actual needs, the supplier accepts in advance the
  buyer's later rules, the buyer may amend the specification and the supplier must accept it.
  Harmless: the price follows the change, the change is agreed, rules in force at signing.
- price.fixed_no_adjustment: the fee held for the term whatever happens. Harmless: an adjustment
  mechanism.
- termination.convenience: the buyer may end the contract with nothing paid for the lost contract,
  for a reason of its own (policy, plan, its superiors). Harmless: for cause, full compensation.
A trap must be reported with its category; a twin must not be."""

from __future__ import annotations

import pytest
from shipped_packs import categories

TRAPS_ZH = [
    # rights.waiver: silence after the buyer's claim counts as agreeing to it
    ("rights.waiver", "托运人发出索赔函后七日内承运人未予答复的，该索赔即视为已被承运人接受。"),
    (
        "rights.waiver",
        "采购人在考核通报中提出扣减金额，服务商在五个工作日内不作书面回复的，即视为服务商同意该扣减。",
    ),
    ("rights.waiver", "如在用工单位发出赔偿通知后十日内派遣单位未提出异议，上述赔偿应视为已被派遣单位认可。"),
    # rights.waiver: no stopping work because of a dispute
    ("rights.waiver", "劳务分包人不得以双方存在结算争议为由停止施工或拒绝移交工作面。"),
    ("rights.waiver", "乙方不得以任何争议为理由中断供餐或拖延送餐。"),
    # acceptance.no_deadline: acceptance with no clock
    (
        "acceptance.no_deadline",
        "设备安装调试完成后，乙方书面申请验收，甲方收到申请后应及时组织相关部门进行验收。",
    ),
    ("acceptance.no_deadline", "运维服务成果须经采购人组织评审通过，方视为验收合格。"),
    ("acceptance.no_deadline", "本项目的履约验收方式、程序和验收标准按采购人内部规定执行。"),
    # change.unilateral
    ("change.unilateral", "每日供餐份数以甲方的实际需求为准，乙方不得以已备餐为由要求补偿。"),
    ("change.unilateral", "乙方承诺无条件接受甲方今后发布的各项管理办法和考核细则。"),
    ("change.unilateral", "买方有权以书面通知的方式修改技术规格书，卖方对此应当接受。"),
    # price.fixed_no_adjustment
    ("price.fixed_no_adjustment", "本协议为固定单价协议，协议有效期内服务费不作任何调整。"),
    # termination.convenience: ended for the buyer's own reasons, or with nothing for the lost contract
    (
        "termination.convenience",
        "学校因上级主管部门政策调整可通知供应商终止本合同，学校不予任何补偿。",
    ),
    ("termination.convenience", "平台可以提出终止合作而不给予入驻商家任何补偿。"),
]

TWINS_ZH = [
    ("rights.waiver", "乙方提交的现场签证单，甲方在七日内未答复的，视为甲方认可该签证。"),
    ("rights.waiver", "任何一方收到对方索赔通知后二十八日内未答复的，视为认可该索赔。"),
    ("rights.waiver", "争议解决期间，除争议事项外，双方应继续履行本合同的其他条款。"),
    ("rights.waiver", "甲方不得以双方存在争议为由拒绝支付无争议部分的款项。"),
    ("acceptance.no_deadline", "甲方应在收到乙方验收申请后五个工作日内组织验收，逾期未验收的视为验收合格。"),
    ("acceptance.no_deadline", "验收按国家标准和招标文件的技术要求执行。"),
    ("change.unilateral", "每日供餐份数以甲方前一日书面订餐数量为准，按实际供餐份数结算。"),
    ("change.unilateral", "乙方应遵守甲方在签约时书面提供的安全管理制度。"),
    ("change.unilateral", "买方修改技术规格书的，合同价款和交货期相应调整。"),
    ("price.fixed_no_adjustment", "协议有效期内人工成本上涨超过5%的，服务费相应调整。"),
    ("termination.convenience", "乙方严重违约的，甲方有权解除合同，不给予乙方任何补偿。"),
    ("termination.convenience", "因学校政策调整终止合同的，学校应赔偿供应商由此遭受的全部损失。"),
]

TRAPS_EN = [
    # rights.waiver: claims lost by silence, finality of the buyer's word, no relief for the buyer's delay
    (
        "rights.waiver",
        "If the Carrier does not dispute a deduction notice within five (5) business days, the deduction "
        "shall be conclusive and the Carrier shall have no further claim for the amount.",
    ),
    (
        "rights.waiver",
        "The Contractor shall not be entitled to any additional compensation for delays caused by the "
        "Transit Authority, an extension of time being its sole remedy.",
    ),
    (
        "rights.waiver",
        "Acceptance by the Vendor of the final payment shall operate as a release of the District from "
        "all claims arising under this Contract.",
    ),
    # change.unilateral: quantities or scope changed by the buyer with no adjustment
    (
        "change.unilateral",
        "The County reserves the right to increase or decrease the quantities ordered by any amount "
        "without any change in the unit prices.",
    ),
    (
        "change.unilateral",
        "The Council may by written notice vary the Services at any time and the Contractor shall "
        "carry out the varied Services at no additional cost.",
    ),
    # acceptance.no_deadline: payment waits on an acceptance with no clock
    (
        "acceptance.no_deadline",
        "Payment shall be made within thirty (30) days after receipt and acceptance of the goods by "
        "the School District.",
    ),
    # price.fixed_no_adjustment
    (
        "price.fixed_no_adjustment",
        "Prices shall remain firm for the entire term of the contract, including any renewal periods, "
        "and no price increases will be considered.",
    ),
    # payment.no_deadline
    (
        "payment.no_deadline",
        "Invoices will be processed for payment in accordance with the County's normal payment procedures.",
    ),
    # termination.convenience
    (
        "termination.convenience",
        "The District may terminate this Agreement, in whole or in part, whenever the District "
        "determines that termination is in its best interest.",
    ),
]

TWINS_EN = [
    (
        "rights.waiver",
        "If the Authority does not respond to the Contractor's claim within fourteen (14) days, the "
        "claim shall be deemed accepted by the Authority.",
    ),
    (
        "change.unilateral",
        "The County may change the quantities ordered, and the Contract Price and delivery schedule "
        "shall be equitably adjusted.",
    ),
    (
        "acceptance.no_deadline",
        "Goods shall be deemed accepted unless rejected in writing within ten (10) days after delivery.",
    ),
    (
        "price.fixed_no_adjustment",
        "Prices are firm for the first twelve months; thereafter they may be adjusted annually by the "
        "change in the Consumer Price Index, capped at 3 per cent.",
    ),
    (
        "payment.no_deadline",
        "The County shall pay each undisputed invoice within thirty (30) days after receipt.",
    ),
    (
        "termination.convenience",
        "Either party may terminate this Agreement for a material breach that is not cured within "
        "thirty (30) days of notice.",
    ),
]


# Round 2 (written after round 1 passed, before any rule was run on them): kinds not in round 1
TRAPS_ZH += [
    (
        "termination.convenience",
        "框架协议有效期内，采购人可视集团集采结果提前终止本协议，供应商不得因此主张任何赔偿。",
    ),
    ("termination.convenience", "本合同自甲方书面通知送达乙方之日起终止，甲方无需说明理由。"),
    (
        "termination.convenience",
        "采购人有权在合同期内任何时候终止部分或全部服务项目，并按实际服务天数结算服务费。",
    ),
    (
        "termination.convenience",
        "如采购人的信息系统整体迁移上云，本合同自迁移完成之日起自动终止，采购人不承担违约责任。",
    ),
    ("change.unilateral", "每周菜单及就餐人数以甲方通知为准，乙方应据此备餐，餐标不变。"),
    ("change.unilateral", "甲方有权根据安保形势临时增派勤务，乙方应无条件落实，费用不另行计算。"),
    ("change.unilateral", "甲方有权将本合同部分服务内容另行委托第三方实施，并从合同价款中扣除相应费用。"),
    ("change.unilateral", "平台有权随时修改本协议附件中的服务标准，修改后的标准自公布之日起生效。"),
    ("rights.waiver", "供应商对学校出具的检测结论无权申请复检，该结论为最终结论。"),
    (
        "rights.waiver",
        "专业分包人确认，因总包原因造成的窝工、停工，专业分包人仅可顺延工期，不得主张任何费用。",
    ),
    ("rights.waiver", "派遣单位领取最后一期服务费后，视为双方再无任何债权债务。"),
    ("acceptance.no_deadline", "设备随大楼整体竣工并正式投入使用后，由采购人统一组织验收。"),
    ("acceptance.no_deadline", "系统试运行期满且经采购人确认运行稳定后进行终验。"),
    ("acceptance.no_deadline", "验收合格以使用科室签字确认为准，科室未签字的不视为验收合格。"),
    ("warranty.long", "乙方自终验合格之日起提供五年免费运维服务。"),
    ("warranty.long", "质保期自业主对整个项目竣工验收合格之日起计算，为期两年。"),
    (
        "price.fixed_no_adjustment",
        "本合同价格为一次性包定价格，合同履行期内人工、材料、政策性调价等风险均由乙方承担。",
    ),
    ("price.fixed_no_adjustment", "综合单价在框架期内保持不变。"),
    ("payment.back_to_back", "如遇财政资金未及时拨付，付款时间相应顺延，供应商不得追究采购人责任。"),
]

TWINS_ZH += [
    ("termination.convenience", "乙方连续两次满意度测评低于80分的，甲方有权解除合同。"),
    ("termination.convenience", "甲方提前终止合同的，应提前60日书面通知乙方，并赔偿乙方因此遭受的全部损失。"),
    ("change.unilateral", "甲方临时增派勤务的，费用按合同约定单价另行结算。"),
    ("change.unilateral", "每周菜单由乙方拟定，报甲方确认后执行。"),
    ("rights.waiver", "双方对检测结论有异议的，可委托具有资质的第三方检测机构复检。"),
    ("rights.waiver", "因总包原因造成的窝工，专业分包人有权要求顺延工期并补偿实际损失。"),
    (
        "acceptance.no_deadline",
        "试运行期为30日，试运行期满后10个工作日内采购人组织终验，逾期未组织的视为终验合格。",
    ),
    ("warranty.long", "质保期为自验收合格之日起十二个月。"),
    (
        "price.fixed_no_adjustment",
        "综合单价在框架期内保持不变，但最低工资标准调整的，人工费按调整幅度相应调增。",
    ),
    ("payment.back_to_back", "财政资金未及时拨付的，采购人仍应按本合同约定的期限付款。"),
]

TRAPS_EN += [
    (
        "rights.waiver",
        "The Authority's determination of any dispute regarding the quality of the Services shall be "
        "final and binding on the Contractor.",
    ),
    (
        "change.unilateral",
        "The School District may add or delete schools, routes or service days by written notice, and "
        "the Contractor shall perform at the rates in effect.",
    ),
    (
        "acceptance.no_deadline",
        "Final payment will be released only after the County has inspected and accepted the entire project.",
    ),
    (
        "payment.back_to_back",
        "Payment shall be made when funds are received by the Authority from the State grant program.",
    ),
    (
        "termination.convenience",
        "The Council may end this contract at any time by giving the Contractor one month's notice "
        "and shall have no liability for any loss of profit.",
    ),
]

TWINS_EN += [
    (
        "rights.waiver",
        "Either party may refer a dispute regarding the quality of the Services to an independent "
        "expert whose decision shall be binding on both parties.",
    ),
    (
        "acceptance.no_deadline",
        "The County shall inspect the project within fifteen (15) days after notice of completion, "
        "failing which the project shall be deemed accepted.",
    ),
    (
        "payment.no_deadline",
        "The Authority shall pay within thirty (30) days whether or not grant funds have been received.",
    ),
]


# Round 3 (look-alikes of the dev false alarms and the funding kind, in my own wording, written
# before the rules were changed for them)
TRAPS_ZH += [
    ("payment.back_to_back", "因市财政资金划拨延迟造成采购人逾期付款的，采购人免责。"),
]
TWINS_ZH += [
    ("acceptance.no_deadline", "未得到采购人书面同意，供应商不得向第三方披露本项目的运维数据。"),
]
TWINS_EN += [
    (
        "acceptance.no_deadline",
        "Parents have sole discretion in choosing which Carrier's quote to accept for a field trip.",
    ),
    (
        "acceptance.no_deadline",
        "The County may in its sole discretion accept or reject any bid received under this solicitation.",
    ),
]


# Round 4 (written before the rules were run on them; kinds and styles not used above)
TRAPS_ZH += [
    ("termination.convenience", "甲方有权视实际情况决定是否续签或提前终止本合同。"),
    ("termination.convenience", "甲方可根据自身运营情况，提前一个月通知乙方终止本合同。"),
    ("termination.convenience", "如国家政策或集团统一安排发生变化，甲方有权解除本合同，乙方应予以配合。"),
    ("termination.convenience", "甲方在任何时候均可终止委托，但应支付乙方已完成工作的报酬。"),
    ("change.unilateral", "物业服务标准如有调整，以甲方书面通知为准，服务费不作调整。"),
    ("change.unilateral", "甲方有权对合同附件中的服务清单进行增补，增补内容视为本合同组成部分。"),
    ("rights.waiver", "乙方收到甲方结算单后三日内未签回的，视为认可结算金额。"),
    ("rights.waiver", "乙方承诺不以任何理由向甲方主张逾期付款利息。"),
    ("rights.waiver", "因甲方原因导致工期延误的，乙方同意工期相应顺延，但不得要求任何费用补偿。"),
    ("acceptance.no_deadline", "货物到达后，经甲方使用一段时间确认无质量问题后方视为验收合格。"),
    ("acceptance.no_deadline", "项目验收需经甲方上级主管部门审核通过后方为合格。"),
    ("warranty.long", "质保期为三年，质保期内非人为损坏免费更换。"),
    ("warranty.long", "乙方应对所供货物提供终身免费维修。"),
    ("warranty.long", "质保期满后，乙方仍应负责免费维修三年。"),
    ("price.fixed_no_adjustment", "综合单价已考虑了合同期内的所有风险因素，结算时不再调整。"),
    ("price.fixed_no_adjustment", "合同单价一经确定，在合同有效期内不得变更。"),
]
TWINS_ZH += [
    ("termination.convenience", "甲方提前终止合同的，应提前三个月书面通知乙方并赔偿乙方的全部损失。"),
    ("rights.waiver", "甲方收到乙方结算书后二十八日内未答复的，视为认可乙方的结算金额。"),
    ("warranty.long", "质保期为一年，质保期满后乙方提供有偿维修服务。"),
    (
        "price.fixed_no_adjustment",
        "合同单价在合同有效期内固定，但人工费按当地最低工资标准的调整幅度同步调整。",
    ),
]
TRAPS_EN += [
    (
        "rights.waiver",
        "No claim for additional payment shall be considered unless the Contractor notifies it in "
        "writing within fourteen days of the event giving rise to it.",
    ),
    ("rights.waiver", "The Contractor waives any right to suspend performance for late payment."),
    ("rights.waiver", "The Contractor shall not be entitled to claim interest on late payments."),
    (
        "change.unilateral",
        "The Council may change the delivery locations and the Contractor shall bear any additional cost.",
    ),
    ("change.unilateral", "Staffing levels shall be as determined by the County from time to time."),
    ("acceptance.no_deadline", "Acceptance of the Deliverables shall be at the Authority's discretion."),
    (
        "acceptance.no_deadline",
        "The Services shall be deemed complete only when the District confirms in writing that it is "
        "satisfied.",
    ),
    (
        "price.fixed_no_adjustment",
        "The Rates are fixed for the Term and include all costs, including fuel, labour and insurance.",
    ),
    (
        "price.fixed_no_adjustment",
        "There will be no increase in the Charges during the Initial Term or any Extension Period.",
    ),
    (
        "payment.no_deadline",
        "The County will pay correctly rendered invoices in accordance with its standard payment practices.",
    ),
    ("payment.no_deadline", "Payment will be made upon satisfactory completion of the Services."),
    (
        "termination.convenience",
        "The Authority may terminate the Contract at any time by giving not less than three months' "
        "written notice to the Contractor.",
    ),
    (
        "termination.convenience",
        "If the Authority's funding for the Services is withdrawn or reduced, the Authority may "
        "terminate this Contract immediately by notice.",
    ),
]
TWINS_EN += [
    ("termination.convenience", "Either party may terminate this Contract on three months' written notice."),
    (
        "termination.convenience",
        "The Authority may terminate this Contract if the Contractor commits a material breach.",
    ),
    (
        "price.fixed_no_adjustment",
        "The Rates will be reviewed annually on the anniversary of the Commencement Date in line with CPI.",
    ),
    ("payment.no_deadline", "The County will pay valid invoices within 30 days of receipt."),
]


# Round 5 (written before the rules were run on them)
TWINS_ZH += [
    ("termination.convenience", "确认为承运人原因导致的重大货损事故，托运人有权单方解除合同。"),
]
TRAPS_EN += [
    (
        "rights.waiver",
        "The Vendor shall not suspend or withhold the Services for any reason, including any dispute "
        "over fees.",
    ),
    ("rights.waiver", "The Carrier waives any lien on the goods for unpaid freight charges."),
    (
        "rights.waiver",
        "The Contractor is not entitled to make any claim for delay or disruption caused by the "
        "Authority, other than for an extension of time.",
    ),
    (
        "change.unilateral",
        "The Customer may change the pick-up or delivery location at any time before delivery "
        "without additional charge.",
    ),
    (
        "acceptance.no_deadline",
        "Invoices may be submitted only after the Work has been accepted by the Engineer.",
    ),
    (
        "termination.convenience",
        "The Customer may cancel any tender of freight at any time before pick-up without liability.",
    ),
    (
        "price.fixed_no_adjustment",
        "The Carrier's rates are all-inclusive and no fuel surcharge or accessorial charges will be paid.",
    ),
]
TWINS_EN += [
    (
        "rights.waiver",
        "The Vendor may suspend the Services if undisputed fees remain unpaid thirty days after notice.",
    ),
    (
        "change.unilateral",
        "The Customer may change the delivery location, and any additional cost shall be paid at the "
        "rates in Schedule 2.",
    ),
]


# Round 6 (stage B: kinds named by the label reader's classification of the former fresh set,
# written in my own wording and styles before the rules were run on them)
TRAPS_ZH += [
    (
        "termination.convenience",
        "合同解除的，派遣单位应退还用工单位已支付的全部服务费并按银行同期利率支付利息。",
    ),
    ("warranty.long", "质保期满后，供应商对设备出现的任何质量缺陷仍应免费修复。"),
    ("warranty.long", "卖方保证设备在其整个使用寿命内性能满足买方要求。"),
    ("acceptance.no_deadline", "试运行期间系统发生重大故障的，试运行期重新计算。"),
    ("change.unilateral", "本合同各组成文件之间如有矛盾，以对甲方更有利的约定为准。"),
    ("change.unilateral", "夜间及节假日应急保障，乙方须无条件随叫随到，不另收取费用。"),
    ("rights.waiver", "服务商对采购人考核扣款有异议的，应在收到扣款通知后三日内书面提出。"),
]
TWINS_ZH += [
    ("termination.convenience", "合同解除的，采购人应退还供应商已缴纳的履约保证金。"),
    ("termination.convenience", "专业分包人被建设行政主管部门依法吊销资质的，总包方有权解除本合同。"),
    ("warranty.long", "质保期满后，供应商按成本价提供有偿维修服务。"),
    ("change.unilateral", "本合同各组成文件之间如有矛盾，按下列顺序解释：合同协议书、中标通知书、专用条款。"),
    ("rights.waiver", "任何一方对对方的结算金额有异议的，应在收到之日起二十八日内书面提出。"),
]
TRAPS_EN += [
    ("rights.waiver", "No interest or late payment charge shall accrue on any amount the County pays late."),
    (
        "rights.waiver",
        "The Contractor shall continue to perform the Services pending resolution of any dispute, "
        "including any arbitration.",
    ),
    (
        "price.fixed_no_adjustment",
        "The scheduled rates are full compensation for all risks, contingencies and unforeseen costs "
        "of the Services.",
    ),
    (
        "acceptance.no_deadline",
        "All deliverables are subject to the District's review and written approval before payment.",
    ),
]
TWINS_EN += [
    (
        "rights.waiver",
        "Each party shall continue to perform its obligations pending resolution of a dispute, "
        "provided that the County continues to pay all undisputed amounts.",
    ),
    (
        "acceptance.no_deadline",
        "All deliverables are subject to the District's review, and deliverables not rejected within "
        "ten (10) business days are deemed approved.",
    ),
]


# Round 7 (stage B, my own wording for kinds of the former fresh set; written before these rules)
TRAPS_ZH += [
    ("change.unilateral", "质保期内如采购人的业务需求发生变更，服务商承诺对系统进行免费升级。"),
    ("change.unilateral", "因防汛抢险需要时，施工单位必须无条件将现场机械撤离。"),
    ("price.fixed_no_adjustment", "合同履行期间增值税税率调整的，合同总价及付款金额均不发生变更。"),
]
TWINS_ZH += [
    (
        "acceptance.no_deadline",
        "系统发生重大故障的，试运行期自恢复之日起重新计算，但试运行最长不得超过六个月。",
    ),
    ("acceptance.no_deadline", "由于服务商原因使试运行（含重新计算的试运行期）延误的，服务商应支付违约金。"),
    ("change.unilateral", "质保期内服务商应对系统缺陷进行免费修复。"),
]
TRAPS_EN += [
    (
        "rights.waiver",
        "Notwithstanding any dispute referred under Clause 18.2, the Contractor shall continue "
        "performing the Services during the pendency of the arbitration.",
    ),
]


# Round 8 (stage B look-alikes of false findings on the former fresh set, my own wording)
TWINS_ZH += [
    ("acceptance.no_deadline", "驻场运维人员须经采购人认可后方可加入项目组。"),
    ("acceptance.no_deadline", "“终验”：指采购人按照技术规范书对系统进行的最终验收。"),
    ("acceptance.no_deadline", "合同价款包括设备费、安装调试费、进行初验和终验的费用及税费。"),
]


@pytest.mark.parametrize(("category", "text"), TRAPS_ZH, ids=[f"zh-trap-{i}" for i in range(len(TRAPS_ZH))])
def test_zh_trap_is_flagged(category: str, text: str) -> None:
    assert category in categories(text, lang="zh"), text


@pytest.mark.parametrize(("category", "text"), TWINS_ZH, ids=[f"zh-twin-{i}" for i in range(len(TWINS_ZH))])
def test_zh_twin_is_not_flagged(category: str, text: str) -> None:
    assert category not in categories(text, lang="zh"), text


_BUYERS = ("Transit Authority", "School District", "District", "County", "Council", "Authority")
_SUPPLIERS = ("Contractor", "Carrier", "Vendor")


def _en_contract(text: str) -> str:
    """The sentence under a parties line, as a real public-body contract defines its parties."""
    buyer = next((b for b in _BUYERS if b in text), "County")
    supplier = next((s for s in _SUPPLIERS if s in text), "Contractor")
    head = f'This Agreement is made between Harbor {buyer} (the "{buyer}") and Acme Services LLC (the "{supplier}").'
    return f"{head}\n\n7. {text}\n"


@pytest.mark.parametrize(("category", "text"), TRAPS_EN, ids=[f"en-trap-{i}" for i in range(len(TRAPS_EN))])
def test_en_trap_is_flagged(category: str, text: str) -> None:
    assert category in categories(_en_contract(text), lang="en"), text


@pytest.mark.parametrize(("category", "text"), TWINS_EN, ids=[f"en-twin-{i}" for i in range(len(TWINS_EN))])
def test_en_twin_is_not_flagged(category: str, text: str) -> None:
    assert category not in categories(_en_contract(text), lang="en"), text
