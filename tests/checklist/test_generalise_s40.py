"""Session 40: mechanisms read from the real held-out sets heldout13, heldout17 and heldout22 (moved to
development this session; a fresh real set, heldout23, replaced them).

- a side no party word names is read from what the clauses make a term do (duties.py): "The Implementing
  Agency (IA)" that furnishes the performance security, submits and is paid is the supplier opposite "the
  Client"; "the Government" that pays, evaluates and reserves its rights is the buyer opposite "the
  Contractor"; a name read as the other side ("the BPA Holder") whose clauses make it the role word's own
  side is no counterparty;
- "receipt by X of …" is X receiving a notice, a report or an invoice: no back-to-back payment;
- one of the buyer's own officers named the sole arbitrator is a one-sided forum;
- payments released "only after adjusting any compensation", or "subject to adjustment of Penalty": set-off;
- 扣出 (在当月货款中扣出) is a deduction like 扣除.
"""

from __future__ import annotations

from shipped_packs import RULES, categories

from bidassist.checklist import check_text
from bidassist.checklist.duties import duty_side

_IA = (
    "1.3.5. Performance Security\n"
    "The Implementing Agency (IA) shall provide Performance Security for due and faithful performance of the "
    "Contract to the Client within 30 days after the receipt of the Letter of Award.\n"
    "1.3.6. Reports\nThe IA shall submit monthly reports to the Client. The IA shall deploy qualified staff.\n"
    "1.3.7. Payment\nPayments shall be released to the IA within 60 days of each milestone. The Client may "
    "terminate the Agreement if the IA fails to perform. The IA shall furnish all documents.\n"
)


def _sides(text: str) -> dict[str, str]:
    parties = check_text(text, RULES).parties
    assert parties is not None
    return {label: p["role"] for p in parties["parties"] for label in p["labels"]}


def test_a_side_no_party_word_names_is_read_from_its_duties() -> None:
    assert _sides(_IA) == {"client": "buyer", "ia": "supplier", "implementing agency": "supplier"}
    assert duty_side(_IA, "IA") == "supplier"
    assert duty_side(_IA, "Client") is None  # one right only: too little to say


def test_the_government_that_pays_and_reserves_its_rights_is_the_buyer() -> None:
    text = (
        "1. Orders\nThe Contractor shall deliver the services ordered. The Contractor shall submit monthly "
        "reports. The Contractor shall provide all labour.\n"
        "2. Payment\nThe Government shall pay the Contractor for the prices in the Order. The Government "
        "retains the right to extend the term. The Government will evaluate the quality of the services. "
        "The Government reserves its rights under the Inspection clause.\n"
    )
    assert _sides(text) == {"contractor": "supplier", "government": "buyer"}


def test_a_named_party_whose_clauses_make_it_the_same_side_is_no_counterparty() -> None:
    text = (
        "BLANKET PURCHASE AGREEMENT\n1. Reports\nThe BPA Holder must submit a monthly progress report. The BPA "
        "Holder shall provide copies of all correspondence. The BPA Holder shall deliver each order on time. "
        "The Contractor shall keep records. The Contractor shall perform the work. The Contractor shall "
        "comply with the law.\n"
    )
    assert _sides(text).get("holder") != "buyer"


def test_receipt_by_the_buyer_of_a_document_is_no_back_to_back() -> None:
    head = "This Agreement is made between the Authority (the Client) and the Contractor.\n"
    for sentence in (
        "The Client shall pay within 60 (Sixty) days after the receipt by the Authority of duly completed bills.",
        "The final payment shall be made 1 (one) year after receipt by the Authority of a final report.",
    ):
        assert "payment.back_to_back" not in categories(head + "7. Payment\n" + sentence, lang="en")
    paid = "The Client shall pay within 20 days after receipt by the Client from the Owner of monies for the work."
    assert "payment.back_to_back" in categories(head + "7. Payment\n" + paid, lang="en")


def test_the_buyers_own_officer_as_sole_arbitrator() -> None:
    head = "This Agreement is made between the Client and the Contractor.\n"
    officer = (
        "There shall be a sole arbitrator and the Principal Secretary, UADD shall act as the Sole Arbitrator."
    )
    assert "dispute.forum" in categories(head + "9. Arbitration\n" + officer, lang="en")
    institution = "The sole arbitrator shall be appointed by the President of the Institution of Engineers."
    assert "dispute.forum" not in categories(head + "9. Arbitration\n" + institution, lang="en")


def test_payment_after_adjusting_compensation_is_set_off() -> None:
    head = "This Agreement is made between the Client and the Supplier.\n"
    for sentence in (
        "All payments to the Supplier are subject to adjustment of Penalty if any.",
        "All Payment shall be released only after adjusting any compensation or penalty due from the Supplier.",
    ):
        assert "payment.set_off" in categories(head + "5. Payment\n" + sentence, lang="en")
    taxes = "All payments shall be released only after deduction of applicable taxes."
    assert "payment.set_off" not in categories(head + "5. Payment\n" + taxes, lang="en")


def test_kouchu_is_a_deduction() -> None:
    head = "甲方（采购方）：某电子有限公司\n乙方（供方）：某五金制品厂\n"
    clause = "三、质量\n乙方来料不良造成返工的，甲方将按人工费用每小时50元在当月货款中扣出。"
    assert "payment.set_off" in categories(head + clause, lang="zh")
    agreed = "三、质量\n返工费用经双方书面确认后，由乙方另行支付。"
    assert "payment.set_off" not in categories(head + agreed, lang="zh")


def test_an_order_written_in_the_first_person_names_the_buyer() -> None:
    head = "采购订单条款\n供方：某五金制品厂\n"
    clauses = (
        "1、供方收到订单后3个工作日内确认。\n"
        "2、我公司品质部检验不合格的，我公司将无条件退回。\n"
        "3、如有逾期交货，我司将按订单总金额5%自动从货款中扣除违约金，按日累计。\n"
    )
    assert _sides(head + clauses) == {
        "供方": "supplier",
        "我公司": "buyer",
        "我司": "buyer",
        "我方": "buyer",
        "本公司": "buyer",
    }


def test_a_penalty_the_buyer_deducts_is_the_suppliers() -> None:
    head = "甲方：某电子有限公司\n乙方：某五金制品厂\n"
    taken = "三、如有质量异常及逾期交货，甲方将按订单总金额5%自动从货款中扣除违约金，按日累计。"
    found = categories(head + taken, lang="zh")
    assert {"penalty.excessive", "penalty.uncapped"} <= found
    # the buyer's own late-payment interest is no penalty on the supplier
    own = "三、甲方逾期付款的，每日按应付款的0.05%向乙方支付违约金。"
    assert not {"penalty.excessive", "penalty.uncapped"} & categories(head + own, lang="zh")
