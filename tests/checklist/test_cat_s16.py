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
