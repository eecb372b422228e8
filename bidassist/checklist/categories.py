"""The finding categories of shared/domain/findings.md: stable ids that reports, waivers and
tests key on, with a short name for reports. A new category is added to findings.md first."""

from __future__ import annotations

#: category id -> (Chinese name, English name)
CATEGORIES: dict[str, tuple[str, str]] = {
    "payment.back_to_back": ("背靠背付款", "pay-when-paid / back-to-back payment"),
    "payment.long_term": ("付款期限过长", "long payment period"),
    "payment.no_deadline": ("付款无期限", "payment with no deadline"),
    "payment.audit_settlement": ("以审计结果结算", "payment or price gated by an audit"),
    "payment.set_off": ("单方扣款", "unilateral set-off"),
    "payment.schedule_changed": ("付款安排与招标/投标不一致", "payment schedule differs from tender/bid"),
    "retention.excessive": ("质保金比例过高", "excessive retention"),
    "bond.performance_excessive": ("履约保证金过高", "excessive performance bond"),
    "bond.bid_excessive": ("投标保证金过高", "excessive bid bond"),
    "warranty.long": ("质保期过长", "long warranty period"),
    "liability.uncapped": ("责任无上限", "uncapped liability"),
    "liability.consequential": ("承担间接损失", "consequential loss"),
    "penalty.excessive": ("违约金过高", "excessive penalty"),
    "penalty.uncapped": ("违约金无上限", "uncapped penalty"),
    "termination.convenience": ("任意解除", "termination for convenience"),
    "renewal.auto": ("自动续期", "automatic renewal"),
    "change.unilateral": ("单方变更", "unilateral change"),
    "price.fixed_no_adjustment": ("固定价不予调整", "fixed price, no adjustment"),
    "acceptance.no_deadline": ("验收无期限", "acceptance with no deadline"),
    "ip.assignment": ("知识产权全部转让", "IP assignment incl. background IP"),
    "exclusivity": ("排他/独家", "exclusivity"),
    "price.most_favored": ("最优惠价格", "most-favoured price"),
    "payment.bill": ("票据/电子凭证支付", "payment by bills or e-vouchers"),
    "payment.advance_funding": ("垫资", "supplier advance funding"),
    "deposit.unlawful": ("违规保证金", "unlawful deposit"),
    "rights.waiver": ("放弃法定权利", "waiver of statutory rights"),
    "penalty.asymmetric": ("违约责任不对等", "asymmetric penalties"),
    "dispute.forum": ("争议管辖不利", "one-sided or void forum"),
    "deviation.price": ("价格与投标不一致", "price differs from the bid"),
    "deviation.term": ("条款与招标/投标不一致", "term differs from the tender/bid"),
}

#: categories produced by the contract-vs-tender comparison (compare.py) as well as by rules
COMPARE_CATEGORIES = ("payment.schedule_changed", "deviation.price", "deviation.term")

SEVERITIES = ("high", "medium", "low")
SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}
