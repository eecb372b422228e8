"""Session 49. Found with the metamorphic checks, and read from heldout43 (moved to dev before study; see the
letter at the end).

A contract that calls both its parties by their own short names, bare, and never
defines them (no head line "between X ("X") and Y ("Y")"): "Globex may terminate …", "Contoso shall
deliver …". Found with the renaming check (`benchmarks/party_rename.py --mode name`), where such a
contract lost a seventh of its findings: the reading took the most used role word left (the
Subcontractor, a third party) for one side and the supplier's name for the other.

The two names the clauses use most as parties are the two sides; their duties say which is which
(the one that delivers and invoices supplies, the one that pays and accepts buys), else the one
`--we` names is ours. Neither name is taken for the drafter: nothing in such a text says who wrote it.
The same in Chinese, which has no spaces to end a name: the short name is the longest ending before
公司 that the text uses about as often as its shortest (由华信公司 is 华信公司). A Chinese `--we 恒达公司` that
no party's label or name holds, in a text that uses it, is the supplier, and the other organisation the
text names most the buyer (it had been an English-only reading). A head that defines the two parties'
short names and a recital that defines a third ("Rapid Parcel Inc. (the "Delivery Partner")") keeps
the first two as the parties (the pair had been dropped, and a role word of a third party, "the
Driver", taken for a side).
"""

from __future__ import annotations

from shipped_packs import RULES, party_sides

from bidassist.checklist import check_text

_BARE_NAMES = (
    "SUPPLY TERMS\n"
    "\n"
    "1. Scope. Contoso shall supply and deliver the Goods listed in each order to Globex's warehouse.\n"
    "\n"
    "2. Subcontracting. Contoso shall not subcontract any part of the supply without Globex's consent. "
    "Each Subcontractor shall comply with these terms, and Contoso shall remain responsible for the acts "
    "of every Subcontractor. A Subcontractor shall keep records, and the Subcontractor shall permit "
    "audits. The Subcontractor shall carry insurance.\n"
    "\n"
    "3. Acceptance. Globex shall inspect the Goods within ten days of delivery. Contoso shall replace "
    "rejected Goods at its own cost.\n"
    "\n"
    "4. Payment. Contoso shall submit an invoice after delivery. Globex shall pay each invoice within "
    "thirty days of receipt. Globex may set off against any amount due to Contoso any sum Contoso owes "
    "to Globex under this or any other contract.\n"
    "\n"
    "5. Termination. Globex may terminate this contract at any time for its convenience by written "
    "notice to Contoso, without any liability for loss of profit.\n"
    "\n"
    "6. Notices. Notices to Contoso and to Globex shall be in writing.\n"
)


def _findings(text: str, we: str | None) -> set[tuple[str, str | None]]:
    return {(f.category, f.clause) for f in check_text(text, RULES, we=we).findings}


def test_two_bare_names_in_use_take_their_sides_from_their_duties() -> None:
    sides = party_sides(_BARE_NAMES, we="Contoso")
    assert sides.get("buyer") == ["globex"] and sides.get("supplier") == ["contoso"]
    # the duties alone tell the sides: no --we needed
    sides = party_sides(_BARE_NAMES)
    assert sides.get("buyer") == ["globex"] and sides.get("supplier") == ["contoso"]


def test_the_buyers_clauses_are_read_against_the_supplier_named_in_use() -> None:
    found = _findings(_BARE_NAMES, "Contoso")
    assert ("payment.set_off", "4") in found
    assert ("termination.convenience", "5") in found


def test_neither_name_in_use_is_taken_for_the_drafter() -> None:
    assert check_text(_BARE_NAMES, RULES, we="Contoso").parties.get("drafter") is None


_ZH_BARE_NAMES = (
    "设备采购合同\n"
    "一、恒达公司应按照华信公司的要求交付设备，并负责安装调试。\n"
    "二、恒达公司应在交货后开具增值税专用发票。\n"
    "三、华信公司应在验收合格后三十日内支付货款。华信公司有权从应付恒达公司的任何款项中直接扣除恒达公司应承担的违约金及赔偿金。\n"
    "四、华信公司有权根据工作需要随时解除本合同，且无需承担任何违约责任。\n"
    "五、恒达公司应对设备提供两年质保。由华信公司组织验收。\n"
    "六、华信公司负责提供安装场地。\n"
)


def test_two_chinese_names_in_use_take_their_sides_from_their_duties() -> None:
    sides = party_sides(_ZH_BARE_NAMES, we="恒达公司")
    assert sides.get("buyer") == ["华信公司"] and sides.get("supplier") == ["恒达公司"]
    found = {f.category for f in check_text(_ZH_BARE_NAMES, RULES, we="恒达公司").findings}
    assert {"payment.set_off", "termination.convenience"} <= found


_ZH_WE_NAMED = (
    "技术服务合同\n"
    "一、恒达公司应按华信公司提出的需求提供技术服务。\n"
    "二、恒达公司应每月向华信公司提交服务报告。\n"
    "三、服务费由华信公司在收到恒达公司发票后支付。\n"
    "四、恒达公司应对服务成果负责。未经华信公司同意，恒达公司不得转包。\n"
    "五、如华信公司认为服务不合格，华信公司可单方解除合同。\n"
)


def test_a_chinese_we_name_the_text_uses_is_the_supplier_and_the_other_organisation_the_buyer() -> None:
    sides = party_sides(_ZH_WE_NAMED, we="恒达公司")
    assert sides.get("supplier") == ["恒达公司"] and sides.get("buyer") == ["华信公司"]


_THREE_DEFINED = (
    'This Agreement is made between Globex Limited ("Globex") and Stark Limited ("Stark").\n'
    "\n"
    "WHEREAS Globex brokers last-mile delivery for carriers, including Rapid Parcel Inc. (the "
    '"Delivery Partner");\n'
    "\n"
    "2. Services. Stark shall deliver the packages assigned by Globex. The Delivery Partner shall assign "
    "routes. The Delivery Partner may rate Stark's performance, and the Delivery Partner will share the "
    "ratings with Globex. Stark shall ensure that each Driver holds a licence. The Driver shall wear a "
    "uniform, the Driver shall carry identification and the Driver shall follow the routes.\n"
    "\n"
    "3. Payment. Stark shall submit an invoice each week. Globex shall pay each invoice within fourteen days. "
    "Globex may deduct from any amount payable to Stark any chargeback, fine or loss Globex incurs.\n"
)


def test_a_third_name_defined_after_the_head_line_leaves_the_heads_two_parties() -> None:
    sides = party_sides(_THREE_DEFINED, we="Stark")
    assert sides.get("buyer") == ["globex"] and sides.get("supplier") == ["stark"]
    assert ("payment.set_off", "3") in _findings(_THREE_DEFINED, "Stark")


# From heldout43 (moved to dev before study): a university's letter of engagement to a guest speaker. It names
# no side by a role word: "you" is the supplier by its duties ("You will be paid a fee", "your invoices") and
# "the University", acting as a public body does, the buyer.
_LETTER = (
    "Dear Speaker,\n"
    "Engagement as Guest Speaker\n"
    "This letter governs the services you may supply from time to time to the University as a Guest Speaker.\n"
    "The University will not be obliged to provide you with any work under this contract and you will not be "
    "obliged to accept any work offered.\n"
    "Fees\n"
    "You will be paid a fee of £200 per lecture. You will be paid within thirty days of the lecture. You will be "
    "reimbursed for travel. Your invoices must be sent to the Course Administrator.\n"
    "Confidentiality\n"
    "You shall not disclose any confidential information of the University. The University may share your "
    "details with its departments. The University will keep your data secure.\n"
    "Cancellation\n"
    "The University reserves the right to cancel a course or programme if circumstances, such as inadequate "
    "enrolment, make it necessary. The University will not make any payment for a lecture which is cancelled "
    "in advance.\n"
    "Yours sincerely,\nThe University\n"
)


def test_a_letter_to_you_from_the_university_reads_both_sides() -> None:
    sides = party_sides(_LETTER)
    assert "you" in sides.get("supplier", []) and sides.get("buyer") == ["university"]
    assert ("termination.convenience", "Cancellation") in _findings(_LETTER, None)
