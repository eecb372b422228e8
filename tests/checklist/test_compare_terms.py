"""Comparison with the tender or bid: key terms written in other ways, terms only one side
states, the price the bid actually uses, the vocabulary as data."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bidassist.checklist import check_contract, load_packs
from bidassist.checklist.compare import compare_terms, extract_key_terms, vocabulary
from bidassist.checklist.engine import Unit
from bidassist.core.resources import package_path

EXAMPLE = package_path("examples") / "hospital"


def _kt(text: str):
    return extract_key_terms([Unit(text=text, clause="1")])


def test_bracketed_warranty_years_are_read():
    assert _kt("质保期（3）年，自验收合格之日起计算。").warranty_months.value == Decimal(36)
    assert _kt("质保期(2)年。").warranty_months.value == Decimal(24)


def test_days_are_not_a_warranty_period():
    assert _kt("质保期内乙方应在7日内修复缺陷。").warranty_months is None


def test_first_instalment_without_the_word_payment():
    kt = _kt("首期付合同价40%，到货后30日内付合同价50%。")
    assert kt.advance.value == Decimal("0.4") or kt.milestones[0].share.value == Decimal("0.4")


def test_a_retention_only_the_contract_has_is_reported_as_added():
    tender = _kt("验收合格后30日内支付合同价款的100%。")
    contract = _kt("验收合格后30日内支付合同价款的95%。质保金为合同价的5%，质保期满后退还。")
    added = {f.term: f for f in compare_terms(tender, contract)}
    assert "retention_share" in added and added["retention_share"].from_value is None
    assert added["retention_share"].severity == "high"


def test_payment_period_business_days_to_calendar_days():
    tender = _kt("The Buyer shall pay within 5 business days after acceptance.")
    contract = _kt("The Buyer shall pay within 45 days after acceptance.")
    changed = {f.term for f in compare_terms(tender, contract)}
    assert any(t.endswith(".days") for t in changed), changed


def test_vocabulary_is_data_with_every_term_named():
    spec = vocabulary().spec
    assert {"price", "advance", "retention_share", "warranty_months", "penalty_cap"} <= set(spec.terms)
    assert spec.severity.worse == "high" and spec.events[-1].name == "other"


@pytest.mark.slow
def test_against_bid_file_compares_the_price_the_bid_uses(tmp_path: Path):
    """offer.price is not written in the bundled bid: the recommended price (~11.13 M) is used."""
    from bidassist.workflow import bid_file_price

    price = bid_file_price(EXAMPLE / "bid.yaml")
    assert Decimal("10500000") < price < Decimal("11800000")
    result = check_contract(
        EXAMPLE / "contract.docx", load_packs(), against=EXAMPLE / "bid.yaml", bid_price=price
    )
    f = next(f for f in result.findings if f.term == "price")
    assert f.from_value == price and f.to_value == Decimal("9800000") and f.severity == "high"
    assert any(f.category == "payment.schedule_changed" for f in result.findings)


def test_a_payment_and_its_retention_in_one_sentence_are_both_read():
    """验收合格后45日内支付至90%，余款10%作为质保金，质保期满后无息返还: the 45 days are the payment's
    period (no retention period of 1.5 months), and the instalment is a milestone of its own."""
    kt = _kt(
        "合同签订后10日内支付合同价款的10%。货物验收合格后45日内，甲方支付至合同价款的90%，余款10%作为质量保证金，质保期满后无息返还。"
    )
    assert kt.retention_share.value == Decimal("0.1") and kt.retention_months is None
    [m] = kt.milestones
    assert (m.event, m.share.value, m.days.value, m.paid_to.value) == (
        "acceptance",
        Decimal("0.8"),
        Decimal(45),
        Decimal("0.9"),
    )


def test_a_retention_returned_after_months_keeps_its_period():
    # the look-alike: the months sit in the sub-clause that says when the retention is returned
    kt = _kt("质保金为合同价的5%，质保期满12个月后无息退还。")
    assert kt.retention_share.value == Decimal("0.05") and kt.retention_months.value == Decimal(12)
    assert _kt("Retention of 5% shall be released 12 months after completion.").retention_months.value == 12


def test_paid_up_to_figures_are_compared_as_written():
    """Both write 支付至X%: what is paid by then is compared (95% → 90%, worse), not the instalment
    left after an advance that changed too (65% → 80% would read as better)."""
    tender = _kt("合同签订后10日内支付合同价款的30%。验收合格后5个工作日内支付至合同价款的95%。")
    contract = _kt("合同签订后10日内支付合同价款的10%。验收合格后45日内支付至合同价款的90%。")
    changed = {f.term: f for f in compare_terms(tender, contract)}
    paid = changed["milestone.acceptance.paid_to"]
    assert (paid.from_value, paid.to_value, paid.severity) == (Decimal("0.95"), Decimal("0.9"), "high")
    assert "milestone.acceptance.share" not in changed
    days = changed["milestone.acceptance.days"]
    assert days.to_value == 45 and "5个工作日" in days.message["zh"] and "5个工作日" in days.message["en"]


def test_instalments_written_as_shares_are_compared_as_shares():
    # the look-alike: instalments (支付合同价款的40%) keep their share comparison
    tender = _kt("到货后30日内支付合同价款的40%。验收合格后30日内支付合同价款的60%。")
    contract = _kt("到货后30日内支付合同价款的30%。验收合格后30日内支付合同价款的70%。")
    changed = {f.term for f in compare_terms(tender, contract)}
    assert {"milestone.delivery.share", "milestone.acceptance.share"} <= changed
    assert not any(t.endswith(".paid_to") for t in changed)


@pytest.mark.parametrize(
    "cap",
    [
        "not to exceed 5% of the Contract Price",
        "capped at 5% of the Contract Price",
        "up to a maximum of 5% of the Contract Price",
        "not exceeding 5% of the Contract Price in the aggregate",
    ],
)
def test_an_english_penalty_cap_the_contract_drops_is_reported(cap: str):
    tender = _kt(f"Liquidated damages for delay: 0.1% of the Contract Price per day, {cap}.")
    contract = _kt("Liquidated damages for delay: 0.5% of the Contract Price per day.")
    assert tender.penalty_cap.value == Decimal("0.05")
    changed = {f.term: f for f in compare_terms(tender, contract)}
    assert changed["penalty_cap"].to_value is None and changed["penalty_cap"].severity == "high"


def test_a_capacity_is_no_cap():
    # the look-alike: "capacity" is not "cap"
    kt = _kt("Liquidated damages: 0.1% per day of delay; plant capacity of 5% above design is no defence.")
    assert kt.penalty_cap is None
