"""Session 41: kinds read from the real held-out set heldout23 (moved to development this session; a fresh
real set, heldout24, replaced it), each written as the kind, not the example.

- money "due SUBCONTRACTOR" / "owing the Vendor" names the supplier as the one paid, not as the actor: what
  may be withheld from it is the buyer's set-off;
- an invoice sent after the contract's window that is never paid is a waiver of the price (a time-bar on
  the payment claim itself), whoever the sentence names;
- a warranty written as a formula (保修到期日＝竣工验收合格日期+4年) has its length read;
- a fine of "1000元以上" has a floor and no ceiling; a fine of "1000元/人" is charged per person;
- the buyer ending the contract and refusing to settle (有权单方解除合同，而且有权拒绝结算) leaves work done
  unpaid;
- in construction, a share above 3 % paid only two years after completion (剩余5%待竣工验收满两年后支付) is
  retention above the cap, whatever it is called and though the sentence first says 付至95%;
- 所有权及知识产权归甲方 says whose the deliverables are (所有 of 所有权), not that everything passes; a
  non-exclusive licence to the supplier's existing IP leaves it the supplier's.
"""

from __future__ import annotations

from shipped_packs import RULES, categories

from bidassist.checklist import check_text

_SUB = 'SUBCONTRACTOR AGREEMENT between Dojo4 LLC ("Dojo4"), the contractor, and Jane Co ("SUBCONTRACTOR").\n'
_ZH_SUB = "施工劳务分包合同\n甲方（承包方）：某建设有限公司\n乙方（分包方）：某劳务有限公司\n"


def _rules(head: str, clause: str) -> set[str]:
    return {f.rule for f in check_text(head + "1. Terms\n" + clause, RULES).findings}


def test_money_due_the_supplier_withheld_for_the_buyers_costs_is_set_off() -> None:
    clause = (
        "A percentage of compensation due SUBCONTRACTOR may be withheld should termination result in harm to "
        "Dojo4 or should Dojo4 incur unusual costs to hire replacement support."
    )
    assert "payment.set_off" in categories(_SUB + "1. Terms\n" + clause)
    agreed = "Amounts due to SUBCONTRACTOR may be withheld only for costs agreed in writing by SUBCONTRACTOR."
    assert "payment.set_off" not in categories(_SUB + "1. Terms\n" + agreed)


def test_a_late_invoice_never_paid_is_a_waiver_of_the_price() -> None:
    head = 'MASTER SERVICES AGREEMENT between GitLab Inc. ("GitLab") and the Vendor.\n'
    late = (
        'Correct Vendor invoices must be submitted no later than ninety (90) days from delivery ("Late '
        'Invoices"). GitLab shall be relieved of payment obligations for Late Invoices.'
    )
    assert "en.rights.waiver.late_invoice" in _rules(head, late)
    delayed = "Invoices submitted after the due date will not be paid until the next payment run."
    assert "en.rights.waiver.late_invoice" not in _rules(head, delayed)


def test_a_warranty_written_as_a_formula_has_its_length() -> None:
    assert "zh.warranty.long" in _rules(_ZH_SUB, "保修到期日＝本工程竣工验收合格日期+4年。")
    assert "zh.warranty.long" not in _rules(_ZH_SUB, "保修到期日＝本工程竣工验收合格日期+2年。")


def test_open_ended_and_per_person_fines_are_uncapped() -> None:
    assert "zh.penalty.uncapped.discretionary" in _rules(
        _ZH_SUB, "施工现场严禁吸烟，违者处于1000元以上的罚款。"
    )
    assert not _rules(_ZH_SUB, "合同金额在10万元以上的采购项目，应当签订书面合同。")
    per_person = "乙方漏报、瞒报、虚报工人的，按1000元/人的标准向甲方支付违约金。"
    assert "zh.penalty.uncapped.per_occurrence" in _rules(_ZH_SUB, per_person)
    assert not _rules(_ZH_SUB, "劳务费按3000元/人/月的标准由甲方支付给乙方。")


def test_termination_with_settlement_refused_leaves_work_unpaid() -> None:
    ended = "由于乙方原因造成工地停工，则甲方有权单方解除合同，而且有权拒绝结算。"
    assert "zh.termination.convenience.forfeit" in _rules(_ZH_SUB, ended)
    settled = "甲方有权解除合同并拒绝支付违约金，已完成工程按实结算。"
    assert "zh.termination.convenience.forfeit" not in _rules(_ZH_SUB, settled)


def test_a_share_held_two_years_after_completion_is_construction_retention() -> None:
    held = "如乙方在考核期内：甲方支付至结算价的95%，剩余5%待工程竣工验收满两年后甲方一次性支付乙方。"
    assert "zh.retention.excessive.held_to_warranty_end.construction" in _rules(_ZH_SUB, held)
    small = "甲方支付至结算价的97%，剩余3%待工程竣工验收满两年后甲方一次性支付乙方。"
    assert "retention.excessive" not in categories(_ZH_SUB + "1. 付款\n" + small)


def test_ownership_of_the_deliverables_is_not_everything_passing() -> None:
    head = "软件开发合同\n甲方（委托方）：某市大数据中心\n乙方（受托方）：某科技有限公司\n"
    own = "双方同意本项目应用软件所有权益，包括但不限于所有权及知识产权、专利申请权，归甲方所有。"
    assert "ip.assignment" not in categories(head + "1. 知识产权\n" + own)
    everything = "本合同履行过程中涉及的一切知识产权均归甲方所有。"
    assert "ip.assignment" in categories(head + "1. 知识产权\n" + everything)
    licence = (
        "Each party grants to the other party a royalty-free, non-exclusive, non-transferable, worldwide licence "
        "to use its pre-existing Intellectual Property solely for the purposes of performing the Services."
    )
    assert "ip.assignment" not in categories("SERVICES AGREEMENT\n1. IP\n" + licence)


# probe set F (session 41: platform and gig-economy terms, written by helpers who had not seen the rules)


def _roles(text: str) -> dict[str, str]:
    parties = check_text(text, RULES).parties
    assert parties is not None
    return {label: p["role"] for p in parties["parties"] for label in p["labels"]}


def test_terms_between_a_platform_and_you_make_the_reader_the_supplier() -> None:
    head = 'These terms apply between Swiftcab Mobility Ltd ("Swiftcab") and you, the Driver.\n'
    assert _roles(head + "1. Fees\nSwiftcab may change the service fee.") == {
        "swiftcab": "buyer",
        "you": "supplier",
    }
    zh = "本协议由途悦出行科技有限公司（以下简称“途悦”）\n与通过途悦平台开设店铺的您（以下简称“用户”）共同订立\n"
    assert _roles(zh + "1. 费用\n途悦有权调整服务费。") == {
        "途悦": "buyer",
        "您": "supplier",
        "用户": "supplier",
    }
    # a software licence's 用户 (the customer) is untouched where no 与您订立 head says otherwise
    assert (
        _roles("甲方（用户）：某医院\n乙方（供应商）：某软件公司\n1. 许可\n乙方授予甲方使用许可。")["用户"]
        == "buyer"
    )


def test_a_head_lines_short_name_is_its_partys() -> None:
    head = 'OPERATOR: Quaylink Food Ordering Pte. Ltd. ("Quaylink")\nRESTAURANT PARTNER: the registered restaurant\n'
    clause = (
        "8.4 Where Quaylink, acting on its own assessment of a customer complaint, considers the Restaurant Partner "
        "responsible, Quaylink may recover the refunded amount by deducting it from the Restaurant Partner's next "
        "weekly payout."
    )
    assert _roles(head + clause) == {
        "operator": "buyer",
        "quaylink": "buyer",
        "restaurant partner": "supplier",
    }
    assert "payment.set_off" in categories(head + clause)
    zh = "平台：云栈科技有限公司（以下简称“云栈”）\n开发者：在云栈开放平台注册的企业或个人\n"
    assert _roles(zh + "1. 佣金\n云栈有权随时调整佣金比例。") == {
        "平台": "buyer",
        "云栈": "buyer",
        "开发者": "supplier",
    }
