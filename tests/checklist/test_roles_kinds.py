"""Whose duty a clause is, and what a clause's words are, for every category alike (issue #9,
session 13, helper chk-roles): the party `--we` names, a category's setting, an English passive,
a title line, a definition, a charge for paying late. Real clauses from dev documents (cited by
file) and drafting variants not in the corpus, each trap beside its harmless twin, in both
languages; a property: swapping the two parties' labels and `--we` swaps nothing else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.checklist import check_text, load_packs
from bidassist.checklist.dockind import settings_of
from bidassist.checklist.parties import choose_we, find_parties

RULES = load_packs()
CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpora" / "contracts"


def _cats(text: str, we: str | None = None) -> set[str]:
    return {f.category for f in check_text(text, RULES, we=we, model=False).findings}


def _roles(text: str, we: str | None) -> dict[tuple[str, ...], str]:
    return {
        tuple(p.labels): p.role for p in choose_we(find_parties([(text, None)]), we, strict=False).parties
    }


# --------------------------------------------------------------------------- the party --we names

LEASE = "车辆租赁合同\n承租方（甲方）：某物流公司\n出租方（乙方）：某汽车租赁公司\n"
#: zh-615 二、2 (a lessor's car-lease form): the lessee's deposit and its late-rent surcharge
LEASE_RENT = (
    "二、租金及支付\n2. 甲方应在租期开始前3日内一次性交付租赁押金，以及首次租金。"
    "逾期支付租金，按逾期日数每日加收月租费5%的滞纳金。\n"
)


def test_the_party_we_name_is_the_supplier_whatever_its_label():
    assert _roles(LEASE, "乙方") == {("承租方", "甲方"): "buyer", ("出租方", "乙方"): "supplier"}
    assert _roles(LEASE, "某汽车租赁公司")[("出租方", "乙方")] == "supplier"
    # zh-606: the supplier is 甲方（供方）; --we gives the label with its bracket
    head = "甲方（供方）：某电器公司\n乙方（需方）：某零售公司\n"
    assert _roles(head, "甲方（供方）") == {("甲方", "供方"): "supplier", ("乙方", "需方"): "buyer"}


def test_a_lessors_form_is_not_a_trap_for_the_lessor():
    assert _cats(LEASE + LEASE_RENT, we="乙方") == set()
    # the lessor's own delay penalty in the same form is (the twin)
    trap = LEASE + "六、违约\n1. 乙方逾期交车的，每逾期一日按月租金的5%向甲方支付违约金。\n"
    assert "penalty.excessive" in _cats(trap, we="乙方")


def test_a_defined_short_name_beside_the_label_is_that_party():
    """zh-505: 法律实体（下称“商户”或“甲方”): 商户 is 甲方, our side, and 平台 stays the buyer."""
    head = "平台商铺入驻合作协议\n本协议由入驻平台的法律实体（下称“商户”或“甲方”）、某科技有限公司（下称“乙方”）共同缔结。\n"
    assert _roles(head, "甲方")[("甲方", "商户")] == "supplier"
    merchant_pays = head + "十四、商户应自逾期之日起向平台支付未付款项每日千分之五的违约金。\n"
    platform_pays = head + "十四、平台应自逾期之日起向商户支付未付款项每日千分之五的违约金。\n"
    assert "penalty.excessive" in _cats(merchant_pays, we="甲方")
    assert "penalty.excessive" not in _cats(platform_pays, we="甲方")


def test_en619_names_the_client_and_us():
    """en-619 (a supplier's MSA): "[Client Name] (hereafter Client)" defines the buyer, and our
    accented name is an English name; the supplier's own retention on termination is no set-off."""
    path = CORPUS / "en" / "en-619.txt"
    text = path.read_text(encoding="utf-8")
    roles = _roles(text[:3000], "Montréal Analytics")
    assert roles.get(("client",)) == "buyer"
    assert "payment.set_off" not in {
        f.category for f in check_text(text, RULES, we="Montréal Analytics").findings
    }


# --------------------------------------------------------------------------- English passive and objects

EN_HEAD = 'This Agreement is between Canopy One Inc. (the "Buyer") and Acme LLC (the "Vendor").\n'


def test_a_passive_set_off_is_the_buyers_act():
    """en-502 5: the Vendor is the sentence's subject, but nobody named sets off: still the trap."""
    en502 = (
        "5. Payment. Vendor shall not be entitled to compensation from the Buyer for such invoices and "
        "any such amount already paid may be set off against any monies otherwise due and owing to Vendor.\n"
    )
    assert "payment.set_off" in _cats(EN_HEAD + en502)
    # the twin: the supplier is the by-agent and sets off what it owes the buyer
    twin = (
        "5. Payment. Any such amount may be set off by the Vendor against any monies otherwise due "
        "and owing to the Buyer for any claims.\n"
    )
    assert "payment.set_off" not in _cats(EN_HEAD + twin)


GGL = 'This agreement is between GGL Logistics Pty Ltd (the "Company") and the entity instructing the Company (the "Customer").\n'


def test_the_customer_indemnifying_us_is_not_our_consequential_loss():
    """en-609 11.3 (a supplier's terms): "The Customer indemnifies the Company …"."""
    en609 = (
        "11.3 The Customer indemnifies the Company from and against all Loss arising directly or indirectly "
        "from the Services (including Consequential Loss) caused by an act or omission of the Customer.\n"
    )
    ours = en609.replace(
        "The Customer indemnifies the Company", "The Company indemnifies the Customer"
    ).replace("omission of the Customer", "omission of the Company")
    assert "liability.consequential" not in _cats(GGL + en609, we="Company")
    assert "liability.consequential" in _cats(GGL + ours, we="Company")


def test_two_parties_as_one_subject_make_a_mutual_clause():
    """en-608 IV: "CONTRACTOR OR CLIENT MAY CANCEL THIS CONTRACT WITH THIRTY (30) DAYS WRITTEN NOTICE"."""
    head = 'CONSULTING AGREEMENT between Acme (the "Contractor") and Beta (the "Client").\n'
    both = "IV. CONTRACTOR OR CLIENT MAY CANCEL THIS CONTRACT AT ANY TIME WITH THIRTY (30) DAYS WRITTEN NOTICE.\n"
    assert "termination.convenience" not in _cats(head + both)
    assert "termination.convenience" in _cats(head + both.replace("CONTRACTOR OR CLIENT", "CLIENT"))
    zh = "甲方：某医院\n乙方：某公司\n八、甲方或乙方均可随时解除本合同。\n"
    assert "termination.convenience" not in _cats(zh)
    assert "termination.convenience" in _cats(zh.replace("甲方或乙方均可", "甲方可"))


# --------------------------------------------------------------------------- settings

SUBCONTRACT = "建设工程施工分包合同\n承包人：某建设集团\n分包人：某机电公司\n"
EXTRA_DEPOSITS = "一、分包人进场前应向承包人缴纳安全保证金10万元、工期保证金20万元。\n"


def test_the_four_deposit_rule_lives_in_construction_only():
    works = SUBCONTRACT + EXTRA_DEPOSITS + "二、竣工验收后支付工程款。\n三、施工现场管理。\n"
    assert "deposit.unlawful" in _cats(works)
    lease = LEASE + "一、乙方应向甲方缴纳信誉保证金2万元、服务保证金3万元，合同期满无息退还。\n"
    assert "deposit.unlawful" not in _cats(lease, we="乙方")
    assert settings_of(works) == {"construction"} and settings_of(lease) == frozenset()


def test_english_deposits_follow_the_setting_too():
    site = "Before entering the site the Contractor shall pay a construction safety deposit of RMB 100,000."
    carrier = (
        "Broker-Carrier Agreement. The Carrier shall make a security deposit of $365, refundable on "
        "termination. The Carrier hauls freight for the Broker under this Agreement."
    )
    assert "deposit.unlawful" in _cats(site)
    assert "deposit.unlawful" not in _cats(carrier)


def test_zh615_has_no_deposit_finding():
    """zh-615 (a car lease, the lessee's deposit): eight deposit.unlawful findings before."""
    text = (CORPUS / "zh" / "zh-615.txt").read_text(encoding="utf-8")
    found = {f.category for f in check_text(text, RULES, we="乙方").findings}
    assert "deposit.unlawful" not in found and "penalty.uncapped" not in found


# --------------------------------------------------------------------------- what the words are

POSCO = 'Terms of Purchase between POSCO (the "Buyer") and the supplier (the "Supplier").\n'


def test_a_title_line_is_not_the_clause():
    """en-606 10: the title TERMINATION FOR CONVENIENCE AND CHANGES names the subject only."""
    title = "10. TERMINATION FOR CONVENIENCE AND CHANGES:\n"
    assert "termination.convenience" not in _cats(
        POSCO + title + "The Supplier shall keep records of all changes.\n"
    )
    body = "The Buyer may terminate this Order at any time for its convenience.\n"
    assert "termination.convenience" in _cats(POSCO + title + body)
    zh = "甲方：某公司\n乙方：某供应商\n十二、任意解除与变更\n乙方应保存全部变更记录。\n"
    assert "termination.convenience" not in _cats(zh)


def test_a_term_with_its_value_on_one_line_is_no_title():
    assert "retention.excessive" in _cats(
        "Quality guarantee deposit: 8% of the contract value, released after 24 months."
    )


def test_a_definition_is_no_duty():
    """zh-606: "ECP平台：指…系统，是双方指定网上供应链平台" defines a platform; paying in
    e-vouchers issued on a supply-chain platform is the trap."""
    head = "甲方（供方）：某电器公司\n乙方（需方）：某零售公司\n"
    definition = "一、ECP平台：指Enterprise Cooperation Platform系统，是双方指定网上供应链平台。\n"
    assert "payment.bill" not in _cats(head + definition, we="甲方（供方）")
    paid = "一、乙方以电子债权凭证（供应链平台开具）支付甲方货款。\n"
    assert "payment.bill" in _cats(head + paid, we="甲方（供方）")


def test_a_charge_for_paying_late_binds_the_payer():
    assert "penalty.uncapped" not in _cats(
        "甲方：某医院\n乙方：某公司\n五、逾期支付货款的，按日加收应付款0.5%的滞纳金。\n"
    )
    assert "penalty.uncapped" in _cats(
        "甲方：某医院\n乙方：某公司\n五、逾期交货的，按日加收合同价0.5%的违约金。\n"
    )


def test_records_kept_until_an_audit_ends_gate_no_payment():
    """en-601 23 (a school district's services contract)."""
    en601 = (
        "23. Contractor shall retain and keep accessible all Records for a minimum of three (3) years "
        "following final payment and termination of this Contract, or until the conclusion of any audit, "
        "controversy, or litigation arising out of or related to this Contract, whichever date is later.\n"
    )
    assert "payment.audit_settlement" not in _cats(en601)
    assert "payment.audit_settlement" in _cats(
        "23. Final payment shall be made only after the government audit is completed.\n"
    )


def test_force_majeure_extending_time_renews_nothing():
    """en-602 17."""
    en602 = (
        "17) An Affected Party is not liable for any delay resulting from an Event of Force Majeure and any "
        "time periods for the performance of such obligations are automatically extended for the duration "
        "of the Event of Force Majeure.\n"
    )
    assert "renewal.auto" not in _cats(en602)
    assert "renewal.auto" in _cats(
        "17) This Agreement shall automatically renew for successive one-year terms.\n"
    )


# --------------------------------------------------------------------------- property: labels swap with --we

#: clauses that name the parties by 甲方/乙方 only, through the shared role words
CLAUSES = [
    "甲方有权随时解除本合同，无需承担任何责任。",
    "乙方每逾期一日，按合同总价的千分之五向甲方支付违约金。",
    "甲方有权从应付乙方的货款中直接扣除乙方应承担的罚款。",
    "乙方应承担由此造成的一切损失。",
    "任何一方违约的，违约方应承担由此给对方造成的全部损失。",
    "甲方逾期付款的，每逾期一日按应付款的万分之五支付违约金。",
    "乙方应赔偿甲方的全部直接和间接损失。",
    "甲方有权单方调整本合同的服务范围。",
    "乙方收到货款后5日内开具发票。",
]
_SWAP = str.maketrans({"甲": "乙", "乙": "甲"})


def _document(picked: list[int], first: str, second: str) -> str:
    head = f"甲方：{first}\n乙方：{second}\n"
    return head + "".join(f"{n}、{CLAUSES[i]}\n" for n, i in zip("一二三四五六", picked, strict=False))


def _found(text: str, we: str) -> set[tuple[str, str | None]]:
    return {(f.category, f.clause) for f in check_text(text, RULES, we=we, model=False).findings}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, len(CLAUSES) - 1), min_size=1, max_size=5, unique=True), st.booleans())
def test_swapping_the_labels_and_we_swaps_nothing_else(picked, by_name):
    """The same contract with 甲方 and 乙方 exchanged everywhere, read with `--we` naming the
    same party, has the same findings on the same clauses."""
    text = _document(picked, "某甲公司", "某乙公司")
    swapped = (
        text.translate(_SWAP)
        .replace("某乙公司", "某X")
        .replace("某甲公司", "某乙公司")
        .replace("某X", "某甲公司")
    )
    we, we_swapped = ("某乙公司", "某乙公司") if by_name else ("乙方", "甲方")
    assert _found(text, we) == _found(swapped, we_swapped)
