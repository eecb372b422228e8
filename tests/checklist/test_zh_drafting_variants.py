"""Chinese drafting variants the checklist must read as a reviewer would: each trap below is
written the way real 示范文本, 政府采购合同, construction subcontracts, framework and service
agreements write it (written for this test, not taken from the labelled corpora), and each
harmless clause is its look-alike twin. A whole clause is checked as `check` checks it."""

from __future__ import annotations

import pytest

from bidassist.checklist import load_packs
from bidassist.checklist.api import check_text

RULES = load_packs()

TRAPS = [
    ("payment.back_to_back", "总包方在收到建设单位支付的对应进度款后7个工作日内，按同比例向分包方支付。"),
    ("payment.back_to_back", "甲方按照业主方实际拨付比例向乙方支付工程款。"),
    ("payment.back_to_back", "本项目资金来源于上级拨款，待上级拨款到位后支付乙方款项。"),
    (
        "payment.back_to_back",
        "若发包人未向承包人支付工程款的，承包人有权相应延迟向分包人付款，且不承担违约责任。",
    ),
    ("payment.long_term", "货物验收合格后，需方在收到供方全额发票后180天内付清货款。"),
    ("payment.long_term", "结算款在竣工验收合格之日起满一年后支付。"),
    ("payment.no_deadline", "工程竣工验收合格且结算审核完成后支付至结算价的95%。"),
    ("payment.audit_settlement", "工程结算以甲方委托的造价咨询单位审核结果为准。"),
    ("payment.audit_settlement", "本工程最终结算价以审计局审定价为准。"),
    ("payment.set_off", "乙方在甲方其他项目中所欠款项，甲方有权在本合同应付款中予以抵扣。"),
    ("payment.set_off", "买方有权将卖方应承担的违约金、赔偿金从任何一笔应付货款中直接扣减。"),
    ("payment.bill", "甲方可采用6个月期商业承兑汇票或数字债权凭证支付货款，乙方应予接受。"),
    ("payment.bill", "付款方式：电汇或供应链票据，由采购方选择。"),
    ("payment.advance_funding", "本工程实行承包人垫资施工，工程竣工验收合格后一次性支付工程款的80%。"),
    ("retention.excessive", "甲方预留合同总价的10%作为质量保证金，质保期满后无息退还。"),
    ("bond.performance_excessive", "乙方应在合同签订前向甲方提交合同总价20%的履约保证金。"),
    ("warranty.long", "本工程质保期为五年，自竣工验收合格之日起计算。"),
    ("warranty.long", "更换后的部件质保期自更换之日起重新计算。"),
    ("liability.uncapped", "因乙方原因造成甲方或第三方损失的，乙方应承担全部赔偿责任。"),
    ("liability.uncapped", "供应商对由此产生的一切后果及损失承担全部责任。"),
    ("liability.consequential", "乙方赔偿范围包括甲方的直接损失、间接损失、可得利益损失及商誉损失。"),
    ("penalty.excessive", "供方延迟交货的，每日按合同总价的百分之一支付违约金。"),
    ("penalty.excessive", "承包人未按期竣工的，每延误一天按合同价款的千分之二向发包人支付误期赔偿金。"),
    ("penalty.uncapped", "乙方迟延交付的，每迟延一日，应按迟延交付货物价款的万分之五向甲方支付违约金。"),
    ("termination.convenience", "甲方有权随时通知乙方解除本合同，且无需承担任何违约责任。"),
    ("termination.convenience", "采购人可提前十五日书面通知供应商终止合同。"),
    ("termination.convenience", "发包人可基于自身原因解除合同，承包人不得因此要求赔偿预期利润。"),
    ("renewal.auto", "合同期满前30日内双方均未提出书面异议的，本合同自动续期一年。"),
    ("change.unilateral", "甲方有权根据项目进展情况单方调整供货计划和数量，乙方应无条件配合。"),
    ("change.unilateral", "发包人可随时暂停施工，承包人不得要求补偿。"),
    (
        "price.fixed_no_adjustment",
        "本合同为固定总价合同，合同价格不因市场价格波动、政策调整等任何因素而调整。",
    ),
    ("price.fixed_no_adjustment", "综合单价包干，合同履行期间不予调整。"),
    ("acceptance.no_deadline", "验收以甲方满意为准。"),
    ("ip.assignment", "乙方在履行本合同过程中使用的全部技术成果及其知识产权均归甲方所有，包括乙方原有技术。"),
    ("exclusivity", "合同期内乙方不得向甲方的竞争对手提供相同或类似的产品或服务。"),
    ("price.most_favored", "乙方保证向甲方提供的价格不高于其向任何第三方提供的同类产品价格。"),
    ("deposit.unlawful", "承包人进场前应缴纳安全保证金人民币10万元。"),
    ("rights.waiver", "承包人同意放弃建设工程价款优先受偿权。"),
    ("rights.waiver", "甲方逾期付款的，乙方不得以此为由停工或停止供货。"),
    ("rights.waiver", "乙方签署最终结算书即视为放弃对本合同的一切索赔。"),
    ("penalty.asymmetric", "甲方逾期付款的，按每日万分之一向乙方支付违约金。"),
    ("dispute.forum", "因本合同发生的争议，由甲方住所地人民法院管辖。"),
    ("payment.back_to_back", "委托方在收到最终用户支付的相应款项后，再向受托方支付服务费。"),
    ("payment.back_to_back", "分包工程款的支付以总包方收到业主相应工程款为前提条件。"),
    ("payment.long_term", "采购方应于货到验收合格并收到发票之日起90个工作日内支付货款。"),
    ("payment.no_deadline", "项目终验合格后，甲方支付合同余款。"),
    (
        "payment.audit_settlement",
        "合同最终价款以政府审计部门出具的审计报告为准，审计结果低于合同价的，按审计结果结算。",
    ),
    ("payment.set_off", "甲方有权从应付乙方的任何款项中扣除乙方在本合同或双方其他合同项下应付甲方的款项。"),
    ("payment.bill", "买方有权以银行承兑汇票或商业承兑汇票方式支付，卖方不得拒收。"),
    ("liability.uncapped", "受托方应赔偿委托方因此遭受的全部损失，且不受合同金额限制。"),
    ("liability.consequential", "卖方应赔偿买方因此产生的停产损失及利润损失。"),
    ("penalty.excessive", "每逾期一日，卖方应按合同总价的0.5%向买方支付违约金。"),
    ("penalty.excessive", "乙方服务未达标准的，每次扣除当月服务费的50%。"),
    ("penalty.uncapped", "逾期交付的，乙方应按每日合同金额千分之一支付违约金，直至实际交付之日止。"),
    ("termination.convenience", "委托方可根据项目需要随时终止本合同，受托方不得要求任何赔偿。"),
    (
        "termination.convenience",
        "买方有权在任何时候以书面通知方式终止本合同或任何订单的全部或部分，且无需说明理由。",
    ),
    ("change.unilateral", "采购方有权根据实际需求调整采购数量，供应商应按调整后的数量供货，单价不变。"),
    ("change.unilateral", "甲方有权对乙方的服务内容进行调整，乙方不得拒绝。"),
    (
        "price.fixed_no_adjustment",
        "合同价款为含税包干价，在合同有效期内不因原材料价格、汇率、税率等因素变化而调整。",
    ),
    ("acceptance.no_deadline", "验收合格的标准以委托方确认为准。"),
    ("ip.assignment", "本项目开发形成的所有成果以及乙方为履行本合同而使用的既有技术的知识产权均归甲方所有。"),
    ("exclusivity", "合作期间，乙方只能向甲方采购原材料。"),
    ("exclusivity", "乙方在合同期内及期满后两年内不得为甲方的竞争对手提供同类服务。"),
    ("rights.waiver", "乙方承诺不因甲方延期付款而停止履行本合同义务。"),
    ("rights.waiver", "承包人未在规定期限内提出索赔的，视为放弃索赔权利。"),
    ("renewal.auto", "本协议到期后，如双方无异议，自动延续一年，以此类推。"),
    ("warranty.long", "保修期为设备验收合格之日起36个月。"),
    ("retention.excessive", "每期进度款支付时扣留10%作为质保金。"),
    ("dispute.forum", "双方发生争议，应提交买方所在地有管辖权的人民法院解决。"),
    ("payment.back_to_back", "劳务分包款的支付进度与总承包人从发包人处获得的工程进度款同步。"),
    ("payment.back_to_back", "甲方收到项目业主的付款后，扣除管理费后支付给乙方。"),
    ("payment.back_to_back", "如建设单位资金未到位，甲方有权暂缓支付，乙方不得以此要求甲方承担违约责任。"),
    ("payment.long_term", "运维服务费按季度结算，甲方在每季度结束后120日内支付。"),
    ("payment.no_deadline", "乙方提交结算资料，经甲方审核确认后付款。"),
    ("payment.audit_settlement", "结算金额以建设单位审计审定的金额为准，乙方不得对审计结果提出异议。"),
    ("payment.set_off", "甲方有权在应付乙方的工程款中直接扣除乙方在甲方其他工程中应承担的罚款、赔偿款。"),
    ("payment.bill", "工程款支付方式为：银行转账或商业承兑汇票，其中商业承兑汇票比例不超过50%。"),
    ("payment.advance_funding", "乙方自行垫付材料款，待工程竣工结算后一次性支付。"),
    ("retention.excessive", "每期进度款按已完工程量的80%支付，剩余20%作为质保金。"),
    ("liability.uncapped", "乙方对施工中发生的一切安全事故负全部责任，与甲方无关。"),
    ("liability.uncapped", "因乙方原因造成的损失，乙方应全额赔偿，甲方有权从应付款中扣除。"),
    (
        "liability.consequential",
        "乙方应赔偿因其违约给甲方造成的全部损失，包括但不限于可得利益损失、律师费、诉讼费等。",
    ),
    ("penalty.excessive", "乙方每迟延一日，应按合同总价的3‰向甲方支付违约金。"),
    ("penalty.uncapped", "工期每拖延一天，扣罚乙方工程款人民币2000元。"),
    ("termination.convenience", "甲方有权视工程需要随时解除本分包合同，乙方应在接到通知后3日内撤场。"),
    ("change.unilateral", "甲方可根据现场情况对分包范围进行调整，乙方应无条件服从。"),
    ("change.unilateral", "甲方有权单方面修改本协议的条款，修改后的条款自公布之日起生效。"),
    (
        "price.fixed_no_adjustment",
        "本分包工程采用固定单价，单价包含完成本工程所需的一切费用，结算时不作调整。",
    ),
    ("price.fixed_no_adjustment", "人工、材料、机械价格的涨跌风险由乙方承担，合同单价不予调整。"),
    ("warranty.long", "保修期内更换的零部件，其保修期自更换之日起重新计算。"),
    ("rights.waiver", "乙方同意放弃对甲方行使不安抗辩权。"),
    ("rights.waiver", "甲方支付最后一笔款项后，乙方不得以任何理由向甲方主张任何费用。"),
    ("exclusivity", "乙方承诺在合作期间不与甲方同行业的其他企业进行同类合作。"),
    ("ip.assignment", "乙方交付的软件源代码及相关文档的著作权全部归甲方所有，乙方不得保留任何副本。"),
    ("dispute.forum", "凡因本合同引起的争议，双方同意提交甲方所在地人民法院诉讼解决。"),
    ("acceptance.no_deadline", "服务质量的验收以甲方认可为准。"),
    ("deposit.unlawful", "乙方进场前须向甲方交纳工期保证金伍万元。"),
]

HARMLESS = [
    "甲方在验收合格后30日内支付合同价款的95%。",
    "任何一方违约的，应赔偿对方因此遭受的直接损失。",
    "乙方的赔偿责任总额不超过合同总价的100%。",
    "甲方逾期付款的，每日按应付未付款的万分之五支付违约金，乙方逾期交货的，每日按逾期部分的万分之五支付违约金，累计均不超过合同总价的5%。",
    "双方协商一致，可以书面形式变更合同内容。",
    "质保金为合同总价的3%，质保期满后15日内无息退还。",
    "因本合同引起的争议，提交工程所在地人民法院诉讼解决。",
    "甲方因乙方严重违约解除合同的，乙方应赔偿甲方损失。",
    "乙方应按甲方要求提供发票。",
    "合同价格包括货物价款、运输费、保险费及税费。",
    "主要材料价格涨跌超过5%的，超出部分据实调整。",
    "本合同有效期一年，期满经双方协商一致可续签。",
    "甲方有权对乙方的工作进行检查和监督。",
    "履约保证金为合同总价的5%，可以银行保函形式提交。",
    "甲方暂停施工的，应顺延工期并赔偿乙方合理费用。",
    "乙方在收到甲方付款后5日内开具发票。",
    "乙方放弃该笔款项的，应书面通知甲方。",
    "乙方不得将本合同转包给第三方。",
    "委托方应在收到受托方发票后30日内支付服务费。",
    "甲方因自身原因单方解除合同的，应支付乙方已完成工作的费用并赔偿合理损失。",
    "卖方的违约金累计不超过合同总价的10%。",
    "因买方原因导致延期的，卖方交货期相应顺延，买方应赔偿卖方由此产生的费用。",
    "乙方原有的知识产权仍归乙方所有。",
    "乙方承担因其过错造成的直接损失，赔偿总额以合同总价为限。",
    "甲方逾期付款的，每日按应付款的万分之五支付逾期利息。",
    "甲方应于每月25日前按乙方上月完成工程量的80%支付进度款。",
    "乙方逾期完工的，每逾期一日按合同价款的万分之五支付违约金，违约金总额不超过合同价款的5%；甲方逾期付款的，每逾期一日按应付款的万分之五支付违约金。",
    "因甲方原因造成停工的，甲方应赔偿乙方停工、窝工损失并顺延工期。",
    "双方协商一致后可以签订补充协议变更本合同内容。",
    "质保期为竣工验收合格之日起二年。",
    "甲方未按约定付款超过30日的，乙方有权暂停施工，由此增加的费用由甲方承担。",
    "乙方的知识产权不因本合同而转让给甲方。",
    "甲方有权对乙方的违约行为要求整改。",
    "本合同价格为固定单价，主材价格涨跌幅度超过5%时按实调整。",
]


def _categories(text: str) -> set[str]:
    return {f.category for f in check_text(text, RULES, lang="zh").findings}


@pytest.mark.parametrize(("category", "text"), TRAPS, ids=[f"{c}-{i}" for i, (c, _) in enumerate(TRAPS)])
def test_trap_variant_is_found(category: str, text: str) -> None:
    assert category in _categories(text), text


@pytest.mark.parametrize("text", HARMLESS, ids=[f"harmless-{i}" for i in range(len(HARMLESS))])
def test_harmless_twin_is_not_flagged(text: str) -> None:
    assert _categories(text) == set(), text
