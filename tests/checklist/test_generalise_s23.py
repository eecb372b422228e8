"""Session 23: kinds the former held-out contracts (heldout10/11, folded into dev) missed.

- parties: a buyer known only by its acronym, written with an article half the time ("the GSECL
  reserves the right…", "GSECL shall…") is a party, so its termination at will is caught; an
  acronym always written with an article ("the SOW shall list…") is a document, not a party.
- payment.no_deadline: the paying party and its papers between the event and the payment
  (验收合格后，甲方凭发票…以转账方式向乙方支付); the end of the project then the balance (项目结束后付剩下);
  the deposit returned "after the application"; a term line with its sum is no title
  (（2）项目结束后付剩下15万元 above the bank details); a period that is only an intention (原则上,
  尽量; "makes all efforts to process invoices").
- payment.set_off (twin): dues the buyer must pay by law in the supplier's place (as principal
  employer) deducted from its bills.
"""

from __future__ import annotations

import pytest
from shipped_packs import RULES, categories

from bidassist.checklist import check_text

GSECL = """WORK ORDER
Gujarat Power Corporation Limited (GSECL), Wanakbori Thermal Power Station
1. The Contractor shall complete the work within 90 days. GSECL shall supply water and power free of cost.
2. The GSECL will inspect the work. GSECL will pay the Contractor's bills within 30 days of acceptance by the GSECL.
3. All disputes shall be referred to GSECL. The Contractor shall give notice to GSECL of any accident.
4. GSECL may issue instructions to the Contractor. The Contractor shall follow the safety rules of the GSECL.
5. The decision of GSECL on quality shall be accepted by the Contractor. Materials issued by GSECL remain the property of the GSECL.
6. The Contractor shall deploy skilled labour. GSECL reserves the right to inspect the labour records.
"""

SOW = """SERVICES AGREEMENT between Harbour Design Group Ltd (the "Company") and the Consultant named below.
1. The SOW shall list the deliverables. The SOW will state the fees. The SOW may set milestones.
2. The Consultant shall deliver what is listed in the SOW. Changes to the SOW need the Company's approval.
3. The Consultant shall perform the Services described in the SOW with due care.
4. The SOW shall be signed by the Company and the Consultant.
"""


def test_acronym_buyer_with_article_is_a_party() -> None:
    text = (
        GSECL
        + "7. The GSECL reserves the right to terminate this contract at any time without assigning any reason.\n"
    )
    result = check_text(text, RULES, lang="en", we="Contractor")
    buyers = [p for p in result.parties["parties"] if p["role"] == "buyer"]
    assert any("gsecl" in p["labels"] for p in buyers)
    assert "termination.convenience" in {f.category for f in result.findings}


def test_acronym_always_with_article_is_no_party() -> None:
    result = check_text(SOW, RULES, lang="en", we="Consultant")
    assert not any("sow" in p["labels"] for p in result.parties["parties"])


def test_statutory_dues_paid_as_principal_employer_are_no_set_off() -> None:
    text = GSECL + (
        "7. Income tax will be deducted at source from each bill. The GSECL will be entitled to deduct directly from "
        "the bills to be paid to the contractor any sum payable by the contractor which the GSECL is required to pay "
        "as a principal employer.\n"
    )
    assert "payment.set_off" not in categories(text, lang="en", we="Contractor")


ZH_HEAD = "委托方（甲方）：云南某人力资源公司\n受托方（乙方）：某软件开发有限公司\n"

ZH_TRAPS = [
    "第五条 付款\n验收合格后，甲方凭发票、合同、验收报告等资料以转账方式向乙方支付合同款。\n",
    "第五条 付款\n2. 研究开发经费由甲方分期支付乙方。具体支付方式和时间如下：\n（1）项目开始时15万元\n"
    "（2）项目结束后付剩下15万元\n乙方开户银行名称、地址和帐号为：\n开户银行：某银行\n",
    "第七条 履约保证金\n质保期满后，甲方将在收到乙方的申请后无息原额返还履约保证金。\n",
    "第九条 结算\n发包人原则上在收到结算申请单（工程结算书）后，60 个工作日内完成结算初审办理。\n",
]

ZH_TWINS = [
    "第五条 付款\n验收合格后，甲方凭发票、合同、验收报告等资料在15个工作日内以转账方式向乙方支付合同款。\n",
    "第五条 付款\n（1）项目开始时15万元\n（2）项目结束后15日内付剩下15万元\n乙方开户银行名称、地址和帐号为：\n开户银行：某银行\n",
    "第七条 履约保证金\n甲方在收到乙方的书面申请后10日内无息返还履约保证金。\n",
    "第九条 结算\n发包人在收到结算申请单后60个工作日内完成结算审核，并尽量提前支付。\n",
    "第九条 结算\n合同工程竣工结算价原则上按下述公式结算：\n",
]


@pytest.mark.parametrize("clause", ZH_TRAPS)
def test_zh_payment_without_deadline_caught(clause: str) -> None:
    assert "payment.no_deadline" in categories(ZH_HEAD + clause, lang="zh", we="乙方")


@pytest.mark.parametrize("clause", ZH_TWINS)
def test_zh_payment_with_deadline_passes(clause: str) -> None:
    assert "payment.no_deadline" not in categories(ZH_HEAD + clause, lang="zh", we="乙方")


EN_HEAD = (
    'This Agreement is between the City of Fairview (the "City") and Ridge Supply LLC (the "Contractor").\n'
)


def test_en_payment_efforts_only_caught() -> None:
    text = EN_HEAD + "4.1 Invoices\nThe City makes all efforts to process invoices in a timely manner.\n"
    assert "payment.no_deadline" in categories(text, lang="en", we="Contractor")


def test_en_payment_period_with_efforts_to_pay_sooner_passes() -> None:
    text = (
        EN_HEAD
        + "4.1 Invoices\nThe City shall pay within 30 days of receipt and will endeavour to pay sooner.\n"
    )
    assert "payment.no_deadline" not in categories(text, lang="en", we="Contractor")
