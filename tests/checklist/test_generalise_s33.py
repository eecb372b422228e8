"""Session 33: kinds of the development corpus (see CHANGELOG), each with the look-alike that keeps its reading.

- a rule's figure is read at the anchors inside its own match first: the payment period of "(ii) … payable within
  Fifteen (15) Business Days" is not the "(i) remove the System within 120 days" of the same sentence;
- the buyer's late-payment rate is judged against the supplier's own delay rate in the same contract, never against a
  fixed figure alone: mirror rates of 万分之三 are no asymmetry, 万分之一 against 千分之五 is;
- the buyer withholding what it owes until the supplier cures is a set-off, withholding a disputed amount is not;
- a line that starts with a list of clause references (44.2,44.3 … of the Conditions) continues the sentence before it.
"""

from __future__ import annotations

from shipped_packs import categories

from bidassist.reading import split_clauses, text_blocks

_TERMINATION_PAYMENT = (
    "15.3.2 Event of Default by the Service Provider\n"
    "If there has occurred an Event of Default by the Service Provider, the Customer shall have the right to terminate "
    "this Agreement. Following such termination, (i) The Service provider shall remove the System from the Site within "
    "one hundred twenty (120) days after such termination, and (ii) the Customer shall pay to the Service Provider all "
    "amounts due and payable to the Service Provider under this Agreement upto the termination date, which amounts shall "
    "be due and payable to the Service Provider within Fifteen (15) Business Days from the date of termination.\n"
)


def test_the_payment_period_is_the_one_the_payment_words_hold() -> None:
    assert "payment.long_term" not in categories(_TERMINATION_PAYMENT, lang="en")
    longer = _TERMINATION_PAYMENT.replace("Fifteen (15) Business Days", "one hundred eighty (180) days")
    assert "payment.long_term" in categories(longer, lang="en")


def test_mirror_late_payment_rates_are_no_asymmetry() -> None:
    mirror = (
        "3.3 乙方逾期提供服务的，每逾期一日，应按合同总金额的万分之三向甲方支付违约金。\n"
        "3.4 甲方逾期支付服务费的，每逾期一日，应按未付金额的万分之三向乙方支付违约金。\n"
    )
    assert "penalty.asymmetric" not in categories(mirror, lang="zh")
    lopsided = mirror.replace("合同总金额的万分之三", "合同总金额的千分之五").replace(
        "未付金额的万分之三", "未付金额的万分之一"
    )
    assert "penalty.asymmetric" in categories(lopsided, lang="zh")


def test_withholding_until_the_supplier_cures_is_a_set_off_but_not_pending_a_dispute() -> None:
    cure = "60.4 The Employer may withhold payments due or to become due to the Contractor until the said measures are taken.\n"
    dispute = (
        "29. The Employer may withhold such amounts as are disputed pending resolution of the dispute.\n"
    )
    assert "payment.set_off" in categories(cure, lang="en")
    assert "payment.set_off" not in categories(dispute, lang="en")


def test_a_wrapped_list_of_clause_references_is_no_clause() -> None:
    text = (
        "44.2 EXTENSION OF TIME\n"
        "If the Contractor fails to comply with any of the provisions of Sub-Clauses 6.3, 6.4, 12.2,\n"
        "44.2,44.3,52.2, 53.1, 53.2 and/or 53.3 of the Conditions of Contract, such failure shall constitute on\n"
        "the part of the Contractor a definitive and irrevocable waiver of any and all claims arising from the event.\n"
    )
    clauses = split_clauses(text_blocks(text, "contract.txt"))
    assert [c.number for c in clauses] == ["44.2"]
    assert "rights.waiver" in categories(text, lang="en")
