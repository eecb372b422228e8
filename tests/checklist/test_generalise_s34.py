"""Session 34: kinds of the development corpus (see CHANGELOG), each with the look-alike that keeps its reading.

- a rule's `none` pattern (the clause says otherwise) is read in the paragraph of the match: a clause read as one
  unit can run over several unnumbered paragraphs (retention, variations, invoices), and an "经确认的" two lines down
  does not make a deduction in the first agreed;
- the rest paid to the supplier after a deduction (扣除乙方应承担的违约金…后支付给乙方) names the payer as the one
  who deducts: 乙方 in 乙方应承担的 only says whose debt it is;
- a cut the buyer sizes by the circumstances (根据情节轻重核减当月服务费的5%) is a set-off (核减 of money only, not of
  a number of cases), and a tax shortfall the supplier must bear, taken from its payments, is a claim set off, not a
  tax withheld by law.
"""

from __future__ import annotations

from shipped_packs import categories

from bidassist.checklist.units import units_from_clauses
from bidassist.reading import split_clauses, text_blocks

_RETENTION_AND_VARIATIONS = (
    "5.3 质保期满后5个工作日内，扣除乙方应承担的违约金、罚款等费用后无息支付给乙方。\n"
    "变更结算：经确认的变更金额在最终验收后随尾款一并支付。\n"
)


def test_an_exemption_in_another_paragraph_of_the_clause_does_not_reach_the_deduction() -> None:
    units = units_from_clauses(split_clauses(text_blocks(_RETENTION_AND_VARIATIONS, "c.txt")))
    assert len(units) == 1  # one clause of two paragraphs
    assert "payment.set_off" in categories(_RETENTION_AND_VARIATIONS, lang="zh")
    agreed = "5.3 质保期满后5个工作日内，扣除经确认的违约金后无息支付给乙方。\n"
    assert "payment.set_off" not in categories(agreed, lang="zh")


def test_the_payer_of_the_rest_is_the_one_who_deducts() -> None:
    assert "payment.set_off" in categories(
        "质保期满后5个工作日内，扣除乙方应承担的违约金、罚款等费用（如有）后无息支付给乙方。", lang="zh"
    )
    # the supplier paying its own subcontractor net of its costs is not the buyer's set-off
    assert "payment.set_off" not in categories(
        "乙方收到货款后，扣除其应付的运费后支付给其分包商。", lang="zh"
    )


def test_a_cut_sized_by_the_circumstances_is_a_set_off_of_money_only() -> None:
    assert "payment.set_off" in categories(
        "给甲方带来不良影响的，甲方可根据情节轻重核减当月服务费的5%。", lang="zh"
    )
    assert "payment.set_off" not in categories("超出部分甲方将根据实际情况核减结算人次。", lang="zh")


def test_a_tax_shortfall_put_on_the_supplier_and_deducted_is_a_set_off() -> None:
    assert "payment.set_off" in categories(
        "则补缴的税款应由乙方承担，甲方有权从将支付的任何一笔货款中扣除。", lang="zh"
    )
    assert "payment.set_off" not in categories(
        "乙方应缴纳的个人所得税由甲方代扣代缴，并从应付劳务费中扣除。", lang="zh"
    )


def test_a_penalty_the_buyer_alone_sizes_is_uncapped_unless_a_ceiling_is_stated() -> None:
    assert "penalty.uncapped" in categories(
        "The Employer shall impose suitable penalty for the delay caused to resolve the issues.", lang="en"
    )
    assert "penalty.uncapped" in categories(
        "Late originals will invite penalties as decided by the Purchaser and recoverable from the bills.",
        lang="en",
    )
    capped = "Late originals will invite penalties as decided by the Purchaser, not exceeding 5% of the Contract Price."
    assert "penalty.uncapped" not in categories(capped, lang="en")
    assert "penalty.uncapped" not in categories(
        "Penalties as decided by the arbitral tribunal shall be binding on both parties.", lang="en"
    )


def test_work_performed_in_a_manner_satisfactory_to_the_buyer_has_no_acceptance_clock() -> None:
    trap = (
        "The Contractor shall perform the Services in accordance with the specified requirements, "
        "in a manner satisfactory to the City."
    )
    assert "acceptance.no_deadline" in categories(trap, lang="en")
    for twin in (
        "The Contractor shall perform the Services in a manner reasonably satisfactory to the City.",
        "All equipment provided shall be of proven efficiency and shall be operated at all times in a manner "
        "acceptable to the Buyer.",
    ):
        assert "acceptance.no_deadline" not in categories(twin, lang="en")
