"""Liability, set-off and IP concepts and party reading (issue #9, session 16, helper chk-liab).

Sentences are my own, in drafting styles not in the corpus (央企框架采购, 专业分包, 物业/保洁,
物流运输, 平台入驻, IT 运维, 医院/高校采购, 食堂, 劳务派遣), each trap beside its harmless twin.
They were written before the rules were run on them.

- payment.set_off: the buyer takes what it claims out of money it owes or holds for the
  supplier, whatever the verb and the order of the words (it pays net of the claim, it puts a
  fund to the claim); an agreed or statutory amount, an advance recovered or the supplier's own
  right is not a set-off;
- liability.uncapped (REVIEW rule 10): the loss the named breach caused is compensation however
  it is worded (一切损失); it is a trap when the loss is not the supplier's to cause (the buyer's
  own acts or judgement, its customers, accidents in the work);
- ip.assignment: the supplier's own IP (background, brought to the work) or everything the
  project involves passes, not only the IP of what is made for the buyer;
- parties: a signature field (甲方（盖章）) is not a name; a company-form word (Ltd) is never a
  name alone.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.checklist import check_text, load_packs
from bidassist.checklist.names import named_party
from bidassist.checklist.parties import _clean_name

RULES = load_packs()


def _cats(text: str, we: str | None = None) -> set[str]:
    return {f.category for f in check_text(text, RULES, we=we, model=False).findings}


SET_OFF_TRAPS = [
    "分包人未按期撤场的，总承包人有权从应当支付的分包工程款中直接扣除由此发生的清场费用。",
    "保洁服务不达标的，物业公司可以当月服务费中扣减考核罚款。",
    "承运人造成货损的，托运人有权在运费总额中预扣赔偿金，不足部分承运人另行支付。",
    "采购人应在扣除供应商应付的违约金、赔偿金后，将剩余款项支付给供应商。",
    "医院有权从任何一笔应付给供应商的款项中予以扣除上述费用。",
    "学校在扣除相应的违约罚款后，再向餐饮公司支付当月餐费。",
    "派遣单位违约的，用工单位有权在劳务费总额中先行扣收违约金。",
    "运维服务商所产生的罚款，采购人有权在支付季度运维费时一并扣减。",
    "安装单位未按时完成调试的，买方可从尾款中扣回延误损失，余款再予支付。",
    "平台有权将商家的未结算货款用于抵扣消费者赔付款。",
    # stage B (after reading the 9xx misses): the buyer's right to take a share of the fee
    "承运人未按时到达装货地点的，托运人可扣减该批次运费的20%。",
    "委托方有权从上述任何一笔付款中扣除相关金额。",
    "供应商不按要求整改的，采购人有权扣减相应的服务费用。",
]
SET_OFF_TWINS = [
    "采购人应在扣除已支付的预付款后，将剩余款项支付给供应商。",
    "双方确认的赔偿金额，可以从当期服务费中扣除。",
    "甲方应依法代扣代缴乙方的个人所得税后支付劳务报酬。",
    "供应商有权从采购人应付的款项中扣除已经双方书面确认的费用。",
    "采购人不得无故扣减供应商的服务费。",
    "乙方有权从甲方支付的款项中扣除代垫的运输费用。",
    "质保金在质保期满后无息退还乙方。",
    "乙方有权扣减甲方未按期支付的租金。",
    "甲方应于每月10日前支付上月服务费，不得扣减。",
    "甲方有权扣除乙方依法应缴纳的个人所得税。",
]


@pytest.mark.parametrize("text", SET_OFF_TRAPS)
def test_set_off_trap(text):
    assert "payment.set_off" in _cats("十、" + text)


@pytest.mark.parametrize("text", SET_OFF_TWINS)
def test_set_off_twin(text):
    assert "payment.set_off" not in _cats("十、" + text)


LIABILITY_TRAPS = [
    # the buyer's own act, its judgement, its customers, accidents in the work (rule 10 b-c)
    "因甲方推广乙方产品引起的第三方投诉，造成的任何损失由乙方负责，乙方还应赔偿由此给甲方造成的损失。",
    "甲方认为需要下架的，乙方应承担由此产生的所有费用，并赔偿甲方及/或其客户由此产生的任何损失。",
    "运输过程中发生的交通事故，由承运方承担相应责任，由此产生的一切经济损失均由承运方承担。",
    "十、乙方应赔偿甲方的一切损失。",
]
LIABILITY_TWINS = [
    "分包人逾期撤场的，总包方有权要求分包人赔偿由此造成的一切损失。",
    "乙方违约的，除支付违约金外，还应赔偿因此给甲方造成的一切损失。",
    "物业公司未按约定巡查的，应当对由此给业主造成的实际损失给予足额赔偿。",
    "因甲方原因造成的损失由甲方承担全部责任。",
    "十、甲方应赔偿乙方的一切损失。",
]


@pytest.mark.parametrize("text", LIABILITY_TRAPS)
def test_liability_trap(text):
    assert "liability.uncapped" in _cats(text)


@pytest.mark.parametrize("text", LIABILITY_TWINS)
def test_liability_twin(text):
    assert "liability.uncapped" not in _cats(text)


IP_TRAPS = [
    "本项目运维过程中涉及的知识产权均归采购人所有。",
    "乙方在本合同签订前已拥有的技术、软件及其知识产权，在本项目中使用的，一并转让给甲方。",
    "承包人在施工中使用的工法、专利，其知识产权归发包人所有。",
    "服务商应将其对用户数据享有的任何和所有权利转让给甲方。",
]
IP_TWINS = [
    "乙方为本项目开发的软件及其文档的知识产权归甲方所有。",
    "本合同项下设计成果的全部知识产权归委托方所有。",
    "乙方交付的工作成果（包括报告、图纸）的著作权归甲方。",
    "供应商原有的知识产权仍归供应商所有，采购人在本项目范围内享有使用权。",
    "双方合作开发的成果，知识产权归双方共有。",
]


@pytest.mark.parametrize("text", IP_TRAPS)
def test_ip_trap(text):
    assert "ip.assignment" in _cats("十、" + text)


@pytest.mark.parametrize("text", IP_TWINS)
def test_ip_twin(text):
    assert "ip.assignment" not in _cats("十、" + text)


# --------------------------------------------------------------------------- properties

SET_OFF_FORMS = [
    "{b}有权从应付{s}的服务费中直接扣除违约金。",
    "{b}可在支付{s}进度款时一并扣减罚款。",
    "{b}应在扣除{s}应承担的赔偿金后，将余款支付给{s}。",
]
PAIRS = [("甲方", "乙方"), ("采购人", "供应商"), ("发包人", "承包人"), ("买方", "卖方")]


@settings(max_examples=24, deadline=None)
@given(form=st.sampled_from(SET_OFF_FORMS), pair=st.sampled_from(PAIRS))
def test_swapping_the_parties_swaps_the_set_off(form, pair):
    """The buyer deducting from the supplier is a trap; the same words with the parties swapped
    (the supplier deducting from the buyer) are the supplier's own right."""
    buyer, supplier = pair
    assert "payment.set_off" in _cats("十、" + form.format(b=buyer, s=supplier))
    assert "payment.set_off" not in _cats("十、" + form.format(b=supplier, s=buyer))


@settings(max_examples=12, deadline=None)
@given(
    form=st.sampled_from(
        [
            "{p}违约的，应赔偿对方的一切损失。",
            "{p}应承担因其过错给对方造成的全部损失。",
            "{p}违约的，违约方应赔偿由此给守约方造成的一切损失。",
        ]
    ),
    mutual=st.sampled_from(["任何一方", "任一方", "双方"]),
)
def test_a_mutual_loss_clause_is_never_uncapped_liability(form, mutual):
    assert "liability.uncapped" not in _cats("十、" + form.format(p=mutual))


# --------------------------------------------------------------------------- party names


@pytest.mark.parametrize("raw", ["盖章", "（盖章）", "签字或盖章", "法定代表人（签字）", "（签章）"])
def test_a_signature_field_is_not_a_name(raw):
    assert _clean_name(raw) is None


def test_a_real_name_is_kept():
    assert _clean_name("滨海市第一人民医院") == "滨海市第一人民医院"


def test_a_company_form_word_is_never_the_name():
    text = " ".join(
        [
            "Harbour Freight Systems Pvt Ltd shall pay the Supplier within 30 days.",
            "Harbour Freight Systems Pvt Ltd may reject goods.",
            "Harbour Freight Systems Pvt Ltd will inspect the goods.",
            "The Supplier shall deliver to Harbour Freight Systems Pvt Ltd.",
            "Risk passes to Harbour Freight Systems Pvt Ltd on delivery.",
        ]
    )
    found = named_party(text, {"supplier"})
    assert found is not None and found.name.endswith("Pvt Ltd") and found.name != "Ltd"


# --------------------------------------------------------------------------- penalties at the buyer's say-so

PENALTY_TRAPS = [
    "运维服务商应按采购人要求支付违约金。",
    "服务质量考核不合格的，甲方有权扣除当月服务费的5%-10%，且每次不少于2万元。",
]
PENALTY_TWINS = [
    "任何一方违约的，违约方应按合同总价的5%向守约方支付违约金。",
    "乙方逾期交付的，每逾期一日按合同价的万分之五支付违约金，累计不超过合同总价的5%。",
    "质保金扣除后，乙方应在收到甲方通知之日起3日内补足质保金。",
]


@pytest.mark.parametrize("text", PENALTY_TRAPS)
def test_penalty_at_the_buyers_say_so(text):
    assert "penalty.uncapped" in _cats("十、" + text)


@pytest.mark.parametrize("text", PENALTY_TWINS)
def test_penalty_twin(text):
    assert "penalty.uncapped" not in _cats("十、" + text)


def test_the_buyer_deducting_binds_the_supplier_only_in_the_buyers_sentence():
    """甲方有权扣除… makes the penalty the supplier's; the supplier deducting from the buyer does not."""
    trap = "十、考核不合格的，甲方有权扣除服务费的8%，且每次不少于1万元。"
    twin = "十、甲方逾期付款的，乙方有权收取欠款的8%，且每次不少于1万元。"
    assert "penalty.uncapped" in _cats(trap)
    assert "penalty.uncapped" not in _cats(twin)


# --------------------------------------------------------------------------- fines per occurrence (decision 6)

OCCURRENCE_TRAPS = [
    "配送食材出现变质的，每次罚款人民币5000元。",
    "派遣人员无故缺岗的，按300元/人次扣减劳务费。",
    "安保人员在岗期间饮酒的，甲方有权对乙方处以每人次2000元的罚款。",
    "运维工程师未按时提交巡检报告的，每份报告扣罚1000元。",
    "分包单位现场发生一次安全违规，总包方将给予2000元/次的罚款。",
]
OCCURRENCE_TWINS = [
    "保洁员未按规定着装的，每发现一次扣除考核分1分。",
    "配送食材出现变质的，每次罚款人民币5000元，全年罚款累计不超过合同总价的5%。",
    "甲方每次延迟付款的，应向乙方支付500元违约金。",
    "乙方每次服务完成后，甲方按200元/次支付服务费。",
    "任何一方每违约一次，应向对方支付违约金1000元。",
    "乙方表现优秀的，甲方每次给予500元奖励。",
    "月度考评得分低于80分的，每次扣除当月物业服务费的5%。",
]


@pytest.mark.parametrize("text", OCCURRENCE_TRAPS)
def test_fine_per_occurrence(text):
    assert "penalty.uncapped" in _cats("十、" + text)


@pytest.mark.parametrize("text", OCCURRENCE_TWINS)
def test_fine_per_occurrence_twin(text):
    assert "penalty.uncapped" not in _cats("十、" + text)


def test_a_fine_in_the_buyers_rights_section_is_the_suppliers():
    head = "第六条 甲方的权利和义务\n"
    clause = "4.甲方有权检查乙方的工作。发现餐具未清洗干净的，每发现一次处罚（人民币）800 元。\n"
    assert "penalty.uncapped" in _cats(head + clause)


def test_a_supplier_named_with_accents_wrote_its_own_terms():
    """A consultancy's own terms call itself by an accented name and the other side "the Client":
    the name is read, so the supplier is the drafter (the buyer-drafted forum rule does not apply)."""
    terms = "\n".join(
        [
            "Services Terms of Géomatique Lévis",
            "1. Géomatique Lévis shall provide the Services described in the proposal to the Client.",
            "2. Géomatique Lévis may suspend the Services if the Client does not pay on time.",
            "3. Géomatique Lévis will invoice the Client monthly.",
            "4. The Client shall pay Géomatique Lévis within 30 days.",
            "5. The Client shall give Géomatique Lévis access to its data.",
            "6. The Client may not assign this agreement without the consent of Géomatique Lévis.",
            "7. The Client shall provide feedback to Géomatique Lévis within 10 days.",
        ]
    )
    result = check_text(terms, RULES, model=False)
    assert result.parties["drafter"] == "supplier"
