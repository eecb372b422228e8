"""Chinese traps by CONCEPT (session 15), each kind with harmless twins, written for this test in
drafting styles the labelled corpora do not use (央企/国企框架采购协议, 建设工程专业分包/劳务分包,
物业/保洁/安保, 物流运输框架, 设备采购及安装, 平台入驻协议, IT 运维, 医院/高校采购, 食堂/餐饮,
劳务派遣) and written down before the rules were run on them.

The concepts (checklists/vocabulary/concepts.yaml, block "chk-zh (session 15)"):
- termination for the buyer's own reasons ({buyer_need}: reorganisation, business or budget needs,
  a superior's demand, no longer needing the service, choosing someone else), on its own view that
  the supplier does not suit, or by replacing the supplier; harmless: mutual, for cause, full
  compensation, the supplier bearing the loss of a for-cause termination;
- change by the buyer's say-so ({buyer_decides}: 由甲方根据需要确定和调整) and scope that grows
  at no extra pay ({unpaid_extra}); harmless: agreed, paid at contract rates, warranty work;
- lateness of any performance charged per day or per event (每迟到一次, 每延迟到货一天, 未在规定时间
  内到场) with no cap; harmless: a cap in the sentence, the buyer's own late payment;
- liability for every accident or for the buyer's own exposure to regulators and third parties
  passed down; harmless: loss from the supplier's own breach, a cap, risk until acceptance, mutual;
- acceptance with no clock, not an acceptance standard; the buyer's late payment excused by the
  supplier's own missing invoice is not asymmetric.
A trap must be reported with its category; a twin must not be."""

from __future__ import annotations

import pytest
from shipped_packs import categories

TRAPS = [
    (
        "termination.convenience",
        "供应商确认：如因审计制度改革、部门撤销合并等原因，采购人可以单方面终止本合同，服务费按已提供的服务结算。",
    ),
    (
        "termination.convenience",
        "因采购人年度预算削减、信息化建设计划变化等原因，本合同无法继续履行的，采购人有权书面通知运维服务商终止本合同的部分或全部。",
    ),
    ("termination.convenience", "承运人理解并同意“托运人组织调整等原因托运人有权单方面解除合同”。"),
    ("termination.convenience", "供应商承诺，部门合并等原因采购人有权单方面终止合同。"),
    ("termination.convenience", "1.乙方同意，人事调整等原因甲方有权单方面终止合同。"),
    (
        "termination.convenience",
        "乙方必须承诺，理解并同意服务期内如因上级文件要求，部门撤并等原因甲方有权单方面终止合同。",
    ),
    ("termination.convenience", "甲方可书面通知乙方解除本合同，合同自通知送达之日起解除。"),
    ("termination.convenience", "采购人保留提前终止本合同的权利，供应商不得因此提出索赔。"),
    ("termination.convenience", "在合同有效期内，甲方有权提前30天书面通知乙方终止本合同。"),
    ("termination.convenience", "甲方在合同期内可以根据实际情况终止合同，乙方应无条件服从。"),
    ("termination.convenience", "如遇学校放假、停课等情况，甲方有权暂停或终止送餐服务，乙方不得要求赔偿。"),
    ("termination.convenience", "发包人有权根据工程需要取消部分工程内容或终止合同。"),
    ("termination.convenience", "托运人有权随时终止委托，承运人不得提出异议。"),
    ("termination.convenience", "在服务期内，甲方可根据工作需要提前一个月书面通知乙方解除本合同。"),
    (
        "termination.convenience",
        "因甲方机构调整、业务变化等原因不再需要本合同项下服务的，甲方有权解除合同，双方互不承担违约责任。",
    ),
    (
        "termination.convenience",
        "如因财政预算调整或上级主管部门要求，采购人有权终止本合同，按实际服务天数结算服务费。",
    ),
    ("termination.convenience", "本合同履行期间，甲方认为乙方不适合继续提供服务的，可随时终止合同。"),
    ("termination.convenience", "甲方有权在合同期内更换餐饮服务单位，但应提前十五日通知乙方。"),
    ("termination.convenience", "合同期内如招标人另行确定供应商，本合同自动终止，招标人不承担任何责任。"),
    ("termination.convenience", "平台有权基于运营策略调整，暂停或终止向商家提供部分或全部服务。"),
    (
        "termination.convenience",
        "采购人有权于任何时间以书面通知的方式终止本框架协议的全部或部分，供应商应立即停止供货。",
    ),
    ("termination.convenience", "总包方有权根据工程进展情况随时解除本劳务分包合同，劳务分包人应无条件退场。"),
    ("termination.convenience", "甲方如不再使用乙方的运输服务，提前30天通知乙方即可终止本合同。"),
    ("termination.convenience", "用工单位因生产经营需要减少用工的，可将派遣员工退回派遣单位，并解除本协议。"),
    (
        "termination.convenience",
        "医院可根据业务开展情况决定提前终止本运维服务合同，服务费按实际服务月数计算。",
    ),
    ("termination.convenience", "甲方有权视乙方服务情况决定是否提前终止本合同。"),
    ("termination.convenience", "合同履行过程中，甲方有权单方提前终止本合同，仅需支付已完成部分的费用。"),
    ("termination.convenience", "出现其他甲方认为不宜继续合作的情形时，甲方可书面通知乙方终止合同。"),
    ("change.unilateral", "甲方有权根据实际需要增加或减少采购数量，乙方应无条件执行，单价不变。"),
    ("change.unilateral", "采购人可根据用餐人数变化调整供餐份数及菜品，供应商不得拒绝。"),
    ("change.unilateral", "甲方有权根据管理需要调整保洁区域和服务时间，服务费用不予调整。"),
    ("change.unilateral", "甲方可根据项目需要对合同工程量进行增减，合同单价不作调整。"),
    (
        "change.unilateral",
        "甲方有权对本协议附件中的服务标准和考核办法进行修订，修订后的内容自发布之日起对乙方生效。",
    ),
    ("change.unilateral", "派遣员工的岗位、工作地点及工作时间由用工单位根据经营需要确定和调整。"),
    ("change.unilateral", "甲方有权根据工作需要临时安排乙方人员承担合同外的其他工作，不另行支付费用。"),
    ("change.unilateral", "交货时间及地点以甲方通知为准，甲方可视项目进度调整。"),
    (
        "change.unilateral",
        "平台有权随时修改本协议及平台规则，修改后的协议一经公布即生效，商家继续使用平台服务即视为接受。",
    ),
    (
        "change.unilateral",
        "安保人员的数量和岗位设置，由甲方根据安全形势需要随时增减，乙方应在接到通知后24小时内落实。",
    ),
    (
        "change.unilateral",
        "具体供货品种、数量及交货批次以甲方每次下达的订单为准，甲方有权取消或变更已下达的订单。",
    ),
    ("change.unilateral", "总承包方有权根据施工需要调整分包工程的范围，分包人不得因此要求增加费用。"),
    ("change.unilateral", "运维服务内容如有增加，乙方应无偿提供。"),
    ("change.unilateral", "运输线路、发车时间由托运人根据生产计划安排，承运人应服从调度。"),
    ("change.unilateral", "甲方在合同履行期间新增的巡检点位，乙方应无偿纳入服务范围。"),
    ("change.unilateral", "配送批次及送达时间由采购人根据教学安排随时调整。"),
    ("penalty.uncapped", "乙方未按约定时间送餐的，每迟到一次扣除当日餐费的10%。"),
    ("penalty.uncapped", "乙方每延迟到货一天，应按合同总价的0.5%向甲方支付违约金。"),
    ("penalty.uncapped", "承运人延误交货的，每延误一小时按运费的5%支付违约金。"),
    ("penalty.uncapped", "故障响应超时的，每超时1小时扣减当月运维费的1%。"),
    ("penalty.uncapped", "乙方逾期完成整改的，按每日500元向甲方支付违约金，直至整改完成。"),
    ("penalty.uncapped", "乙方未按期交货的，应按每日合同价款的千分之三向甲方支付逾期违约金。"),
    ("penalty.uncapped", "如乙方延迟交付，甲方有权按延迟天数每天扣除合同总金额的1%。"),
    ("penalty.uncapped", "逾期交货的，乙方每日按未交货物金额的5‰支付违约金。"),
    ("penalty.uncapped", "交货时间延误的，供应商须按每延误一周支付合同金额2%的违约金。"),
    ("penalty.uncapped", "乙方未能按期完工的，每拖延一日罚款人民币1000元。"),
    ("penalty.uncapped", "中标人未在规定时间内到场维修的，每超过一天，采购人从履约保证金中扣除500元。"),
    ("penalty.uncapped", "分包人工期每延误一天，按分包合同价的万分之五计取误期违约金。"),
    ("penalty.uncapped", "供方交货期每推迟一天，须向需方支付货款总额1%的违约金。"),
    ("liability.uncapped", "乙方在服务过程中发生的一切安全事故及责任，均由乙方承担，与甲方无关。"),
    (
        "liability.uncapped",
        "乙方派遣员工在工作期间发生的工伤、意外伤害等，全部由乙方负责处理并承担全部费用。",
    ),
    ("liability.uncapped", "货物在运输途中发生的任何损失，无论何种原因，均由承运人承担。"),
    (
        "liability.uncapped",
        "甲方因乙方服务问题受到上级部门通报、处罚或被第三方索赔的，乙方应承担由此产生的全部损失。",
    ),
    ("liability.uncapped", "乙方承担的赔偿责任不受合同金额限制。"),
    ("liability.uncapped", "乙方员工在甲方场所造成的任何人身伤害或财产损失，均由乙方承担全部赔偿责任。"),
    ("liability.uncapped", "施工期间发生的一切质量、安全事故均由分包人负责，总承包方不承担任何责任。"),
    ("liability.uncapped", "服务期间保安人员发生的任何纠纷、事故，均由乙方承担全部责任。"),
    ("liability.uncapped", "因设备安装引起的一切人身伤亡及财产损失，由卖方承担全部责任。"),
    (
        "liability.uncapped",
        "甲方因乙方商品被消费者投诉、索赔或被行政机关处罚的，乙方应全额赔偿甲方因此支付的全部款项及损失。",
    ),
    ("acceptance.no_deadline", "货物到达后，由甲方组织验收，验收合格后支付货款。"),
    ("acceptance.no_deadline", "乙方完成安装调试后，由采购人组织验收，验收合格之日起计算质保期。"),
    ("acceptance.no_deadline", "系统上线运行稳定后，甲方组织专家进行终验，终验通过后支付尾款。"),
    ("acceptance.no_deadline", "分包工程完工后，须经总包方及业主验收合格后方可办理结算。"),
]

TWINS = [
    (
        "liability.uncapped",
        "任何一方违反保密约定给另一方造成损失的，应当赔偿对方因此遭受的所有损失。",
    ),
    ("liability.uncapped", "由于承运人司机未按规定锁闭车厢而造成货物丢失的，应由承运人负全部责任。"),
    ("liability.uncapped", "服务商违约给医院造成的实际损失，服务商应足额赔偿。"),
    ("liability.uncapped", "凡违反操作规程引发触电、坠落事故的，均由分包人负责。"),
    ("termination.convenience", "乙方出现重大食品安全事故的，甲方可书面通知乙方解除本合同。"),
    ("termination.convenience", "出现下列情形之一的，甲方可书面通知乙方解除本合同："),
    ("termination.convenience", "合同期满，本合同自然终止。"),
    ("termination.convenience", "因不可抗力致使合同目的无法实现的，双方均可解除合同。"),
    ("termination.convenience", "任何一方提前三个月书面通知对方，可解除本合同。"),
    ("termination.convenience", "乙方连续两个月考核不合格的，甲方有权解除合同。"),
    ("termination.convenience", "甲方因自身原因提前解除合同的，应赔偿乙方由此造成的全部损失。"),
    ("termination.convenience", "甲方认为乙方派遣员工不适合岗位要求的，可要求乙方更换派遣员工。"),
    ("termination.convenience", "乙方发生食品安全事故的，甲方有权立即解除合同。"),
    ("termination.convenience", "合同期满前一个月，双方协商是否续签。"),
    ("change.unilateral", "甲方需变更采购数量的，应与乙方协商一致并签订补充协议。"),
    ("change.unilateral", "甲方调整服务区域的，服务费按调整后的面积相应调整。"),
    ("change.unilateral", "因设计变更导致工程量增加的，按实际完成工程量及合同单价结算。"),
    ("change.unilateral", "乙方有权根据市场情况调整报价，但应提前30日通知甲方。"),
    ("change.unilateral", "任何一方需变更合同内容的，应经双方书面同意。"),
    ("termination.convenience", "乙方服务质量不合格，经整改仍达不到要求的，甲方有权更换服务单位。"),
    (
        "termination.convenience",
        "因乙方原因导致甲方需另行确定供应商的，甲方有权解除合同，由此增加的费用由乙方承担。",
    ),
    ("termination.convenience", "如遇国家政策调整导致合同无法履行，双方可协商解除合同。"),
    ("termination.convenience", "乙方因经营需要提前终止合同的，应提前三个月通知甲方。"),
    ("termination.convenience", "甲方认为乙方不适合继续提供服务的，有权要求乙方整改。"),
    ("termination.convenience", "乙方有权根据市场变化调整供货计划，但不得终止已确认的订单。"),
    ("change.unilateral", "乙方应无偿提供质保期内的维修服务。"),
    ("change.unilateral", "甲方临时增加的工作，费用由双方另行协商。"),
    ("change.unilateral", "新增服务内容的费用，按合同单价另行结算。"),
    ("change.unilateral", "保洁人员的工作时间由乙方根据甲方作息安排确定。"),
    ("change.unilateral", "派遣员工的工资标准由乙方根据国家规定确定。"),
    (
        "penalty.uncapped",
        "乙方每延迟到货一天，应按合同总价的0.5%向甲方支付违约金，违约金累计不超过合同总价的10%。",
    ),
    (
        "penalty.uncapped",
        "逾期交货的，乙方每日按未交货物金额的5‰支付违约金，逾期违约金总额以合同价款的5%为限。",
    ),
    ("penalty.uncapped", "甲方逾期付款的，每逾期一日按应付未付款的万分之五向乙方支付违约金。"),
    (
        "penalty.uncapped",
        "乙方未能按期完工的，每拖延一日罚款人民币1000元，但罚款总额最高不超过合同金额的百分之十。",
    ),
    ("liability.uncapped", "因乙方违约给甲方造成损失的，乙方应予赔偿。"),
    ("liability.uncapped", "乙方的赔偿责任以合同总价为限。"),
    ("liability.uncapped", "货物在交付验收前的毁损、灭失风险由乙方承担。"),
    ("liability.uncapped", "双方因违约给对方造成损失的，应赔偿对方的全部损失。"),
    ("liability.uncapped", "甲方应承担因其原因给乙方造成的全部损失。"),
    ("liability.uncapped", "因乙方提供的产品质量不合格给甲方造成损失的，乙方应赔偿甲方的全部损失。"),
    ("liability.uncapped", "乙方违反保密义务的，应承担由此给甲方造成的全部损失。"),
    ("liability.uncapped", "由于乙方原因导致工程质量不合格的，乙方应负责返工并承担全部费用。"),
    ("acceptance.no_deadline", "甲方应在货物到达后5个工作日内组织验收，逾期未验收的视为验收合格。"),
    ("acceptance.no_deadline", "验收标准按国家标准及招标文件技术要求执行。"),
    ("acceptance.no_deadline", "验收不合格的，乙方应在7日内免费更换。"),
    ("acceptance.no_deadline", "乙方应按甲方要求的质量标准对食材进行自检，并配合甲方抽检。"),
    ("acceptance.no_deadline", "甲方按照采购清单所列品牌、规格对产品进行验收。"),
    ("acceptance.no_deadline", "保洁质量以甲方每月考核结果为准。"),
    ("acceptance.no_deadline", "乙方提供的设备应符合国家有关标准，并通过甲方验收。"),
    ("change.unilateral", "甲方有权对乙方的服务质量进行监督检查，并提出整改意见。"),
    ("change.unilateral", "甲方有权要求乙方更换不称职的工作人员。"),
    ("change.unilateral", "乙方人员应服从甲方的管理和调度。"),
    ("change.unilateral", "甲方有权根据考核结果扣减当月服务费。"),
    ("change.unilateral", "如遇节假日，送货时间由双方另行商定。"),
    (
        "change.unilateral",
        "甲方可根据实际需要，书面通知乙方调整送货时间，乙方应予配合，由此增加的费用由甲方承担。",
    ),
    ("change.unilateral", "工程量以实际完成并经甲方确认的工程量为准。"),
    ("change.unilateral", "甲方有权对乙方提交的施工方案提出修改意见。"),
    ("change.unilateral", "乙方应根据甲方确认的菜单提供餐饮服务。"),
    ("change.unilateral", "甲方有权检查乙方派遣员工的考勤记录。"),
    ("change.unilateral", "采购人有权对供应商的履约情况进行评价，评价结果作为续签的依据。"),
    ("change.unilateral", "甲方如需调整服务时间，应提前7日书面通知乙方并与乙方协商确定。"),
    ("change.unilateral", "甲方有权审核乙方提交的结算资料。"),
    ("change.unilateral", "甲方有权调整乙方的付款账户信息。"),
    ("change.unilateral", "乙方调整项目负责人的，须经甲方书面同意。"),
]


@pytest.mark.parametrize(("category", "text"), TRAPS, ids=[f"trap-{i}" for i in range(len(TRAPS))])
def test_trap_is_flagged(category: str, text: str) -> None:
    assert category in categories(text, lang="zh"), text


@pytest.mark.parametrize(("category", "text"), TWINS, ids=[f"twin-{i}" for i in range(len(TWINS))])
def test_twin_is_not_flagged(category: str, text: str) -> None:
    assert category not in categories(text, lang="zh"), text


def test_late_payment_excused_by_missing_invoice() -> None:
    """The buyer's delay caused by the supplier's own missing invoice is not an exemption trap."""
    text = "第六条 付款\n6.1 承运人未按约定开具运费发票导致托运人逾期付款的，托运人不承担违约责任。\n"
    assert "penalty.asymmetric" not in categories(text, lang="zh")


# the buyer's late-payment liability in words the ratio rule must read (mirror rates: no trap)
LATE_PAY_MIRRORS = [
    "二、甲方未能及时付款的，每日按应付款的千分之一支付滞纳金。",
    "二、甲方迟付款项的，按日千分之一支付违约金。",
    "二、采购人延付合同款的，每日按欠付金额的0.1%向供应商支付违约金。",
    "二、甲方逾期付款的，应按《保障中小企业款项支付条例》的规定支付逾期利息。",
    "二、甲方未在约定期限内付款的，每逾期一日按未付金额的千分之一支付违约金。",
    "二、任何一方逾期履行合同义务的，每逾期一日按合同总价的千分之一向对方支付违约金。",
]


@pytest.mark.parametrize(
    "buyer_line", LATE_PAY_MIRRORS, ids=[f"mirror-{i}" for i in range(len(LATE_PAY_MIRRORS))]
)
def test_mirror_late_payment_rate_is_not_asymmetric(buyer_line: str) -> None:
    text = "一、乙方逾期交货的，每逾期一日按合同价的千分之一支付违约金。\n" + buyer_line + "\n"
    assert "penalty.asymmetric" not in categories(text, lang="zh")


def test_supplier_rate_under_a_mutual_heading_is_still_asymmetric() -> None:
    """A "mutual" heading that only states the supplier's rate leaves the buyer with none."""
    text = (
        "一、任何一方逾期应承担逾期违约责任，具体如下：如供应商逾期交付，每逾期一日按合同价的千分之三支付违约金。\n"
        "二、采购人应在验收合格后30日内付款。\n"
    )
    assert "penalty.asymmetric" in categories(text, lang="zh")


def test_reason_word_before_the_buyer_is_not_because_of_the_buyer() -> None:
    """原因甲方有权…: the 因 of 原因 does not make the buyer an object (因甲方 = because of the
    buyer); the buyer is the actor of its termination right."""
    text = "乙方理解并同意，部门合并、重组等原因甲方有权单方面终止合同。"
    assert "termination.convenience" in categories(text, lang="zh")
