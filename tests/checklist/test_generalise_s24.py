"""Session 24: kinds the development contracts (former held-out sets) missed.

- warranty.long: duties that outlast the warranty (保修期届满后…免费更换; 无论在保修期内还是保修期满后…
  由乙方承担; 长期免费纠错服务; 免费运维服务期满后仍免费), and warranty periods written as a service
  (提供三年的质保服务) or a system maintenance period (系统维护期为…5年).
- change.unilateral: the buyer's rights listed under a title that names it, each item with the
  subject left out (2.1 甲方的权利 /（1）…有权制定并调整考核标准); the same list under the
  supplier's title is the supplier's.
- penalty.uncapped: a cap on one listed item (该项的总违约金不超过5%) does not cap the delay
  penalties elsewhere in the contract.
"""

from __future__ import annotations

import pytest
from shipped_packs import RULES

from bidassist.checklist import check_text

HEAD = "甲方：某某股份有限公司\n乙方：某某科技有限公司\n"


def _cats(text: str) -> set[str]:
    return {f.category for f in check_text(HEAD + text, RULES, lang="zh").findings}


@pytest.mark.parametrize(
    "clause",
    [
        "第九条 保修\n9.1 保修期届满后，如发现应用软件自身存在瑕疵或缺陷，乙方应予以免费更换或修理。\n",
        "第九条 保修\n9.5 无论在保修期内还是在保修期满后，如果因为应用软件存在已知的技术漏洞，乙方应负责排除该漏洞，"
        "所有因此而产生的相关费用均由乙方承担。\n",
        "第九条 售后服务\n1)系统验收合格后，乙方为甲方提供功能改进性维护及长期免费纠错性服务。\n",
        "第九条 售后服务\n7、免费运维服务期满后，双方未另行签订运维服务协议的，乙方仍免费为甲方提供软件产品的小版本的升级服务。\n",
        "第四条 服务\n4.2 质保服务：自验收之日起，提供三年的质保服务，包括网站BUG修改、兼容性优化、故障诊断等。\n",
        "第三条 维护\n系统维护期为上线验收合格后5年，在维护阶段，乙方负责保证系统的稳定运行。\n",
    ],
)
def test_warranty_that_outlasts_its_period(clause: str) -> None:
    assert "warranty.long" in _cats(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "第九条 保修\n9.1 保修期届满后，乙方提供有偿维修服务，保修期内免费维修。\n",
        "第九条 保修\n质保期内或质保期满后30日内，甲方无息退还质保金。\n",
        "第四条 服务\n4.2 质保服务：自验收之日起，提供两年的质保服务。\n",
        "第三条 维护\n系统维护期为上线验收合格后1年。\n",
        "第九条 售后服务\n保修期满后乙方可提供长期有偿技术支持。\n",
    ],
)
def test_warranty_look_alikes(clause: str) -> None:
    assert "warranty.long" not in _cats(clause)


BUYER_RIGHTS = (
    "第二条 甲方的权利与义务\n2.1 甲方的权利\n"
    "（1）监督考核权：有权对乙方的服务质量进行全程监督、检查和考核，有权制定并调整考核标准和考核办法，"
    "考核结果作为服务费用结算的重要依据；\n"
    "（2）业务调整权：有权根据自身业务发展需要，合理调整外包业务的规模、范围和服务要求；\n"
)


def test_buyer_rights_with_the_subject_left_out() -> None:
    assert "change.unilateral" in _cats(BUYER_RIGHTS)


def test_the_same_rights_under_the_suppliers_title_are_the_suppliers() -> None:
    text = BUYER_RIGHTS.replace("甲方的权利与义务", "乙方的权利与义务").replace(
        "2.1 甲方的权利", "2.1 乙方的权利"
    )
    assert "change.unilateral" not in _cats(text)


def test_rights_by_the_contract_are_no_change() -> None:
    assert "change.unilateral" not in _cats("第二条 甲方的权利\n（1）有权根据合同约定调整付款计划。\n")


DELAY = "第十条 违约责任\n5.乙方如果不能按进度计划规定的节点完成阶段任务，每逾期一天，乙方按合同总金额0.1%向甲方支付违约金。\n"


def test_a_cap_on_one_item_does_not_cap_the_delay_penalty() -> None:
    item_cap = "第十一条 培训\n4)乙方提供的培训每少1天，则乙方须向甲方缴纳合同总价的0.25%违约金，该项的总违约金不超过合同金额的5%。\n"
    assert "penalty.uncapped" in _cats(DELAY + item_cap)


def test_a_cap_on_all_penalties_does() -> None:
    cap = "第十一条 违约金上限\n乙方支付的违约金总额累计不超过合同金额的10%。\n"
    assert "penalty.uncapped" not in _cats(DELAY + cap)


def test_a_cap_in_the_sentence_of_one_rate_caps_only_that_rate() -> None:
    capped = "第十一条 逾期竣工\n每延误1天，乙方按10000元/天计算违约金，累计违约金上限为合同价的3%（不超过该金额）。\n"
    other = "第十二条 资料\n未按本项约定提交资料的，每延后1天，乙方按500元/天支付违约金。\n"
    found = [
        f
        for f in check_text(HEAD + capped + other, RULES, lang="zh").findings
        if f.category == "penalty.uncapped"
    ]
    assert [f.clause for f in found] == ["第十二条"]


def test_a_charge_in_the_buyers_breach_section_is_the_buyers() -> None:
    text = (
        "第十五条 违约\n15.1 发包人违约\n15.1.3 发包人违约的责任\n"
        "（6）因发包人原因未按合同约定支付合同价款的违约责任：发包人应向承包人支付违约金；"
        "逾期天数超过56天的，超过部分天数按上述利率的两倍计算并支付违约金。\n"
    )
    assert "penalty.uncapped" not in {f.category for f in check_text(text, RULES, lang="zh").findings}


def test_a_fine_in_the_buyers_rights_section_is_still_the_suppliers() -> None:
    text = "第五条 甲方的权利和义务\n5.3 每逾期一天，按合同总价的千分之五支付违约金。\n"
    assert "penalty.uncapped" in {f.category for f in check_text(HEAD + text, RULES, lang="zh").findings}


def test_own_breach_reaching_reputation_and_customer_claims_is_uncapped() -> None:
    text = (
        "第八条 违约\n8.4 乙方违反本协议约定的，应承担由此造成的一切法律责任和经济损失，包括但不限于甲方的经济损失、"
        "客户的赔偿费用、甲方的声誉损失等。\n"
    )
    assert "liability.uncapped" in _cats(text)


def test_own_breach_made_good_is_compensation() -> None:
    text = "第八条 违约\n8.4 乙方违反本协议约定的，应承担由此造成的一切损失。\n"
    assert "liability.uncapped" not in _cats(text)


@pytest.mark.parametrize(
    "item",
    [
        "（3）被甲方（含甲方上级单位）纳入违规失信合作商名单；",
        "3.采购任务调整或者取消，不能通过合同变更方式达成新协议的；",
    ],
)
def test_termination_on_grounds_the_buyer_decides(item: str) -> None:
    text = "第八条 合同解除\n8.8 乙方发生以下任一情形的，甲方有权解除合同：\n" + item + "\n"
    assert "termination.convenience" in _cats(text)


def test_termination_on_an_authoritys_finding_is_for_cause() -> None:
    text = "第八条 合同解除\n8.8 乙方发生以下任一情形的，甲方有权解除合同：\n（2）被人民法院纳入“失信被执行人”名单；\n"
    assert "termination.convenience" not in _cats(text)
