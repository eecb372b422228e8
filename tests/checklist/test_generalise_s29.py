"""Session 29: kinds of the development corpus (see CHANGELOG), each with the look-alike that keeps its reading.

- a form's party name written with fill-in brackets ("委托方（甲方）：[江苏号百科技有限]公司") is the party's name
  without them, and a clause that calls a party by its full name binds it as its label (甲方) would;
- an intellectual-property warranty's remedy in a sentence of its own ("如第三方提出侵权指控，乙方应承担…一切法律责任";
  "indemnify … against all third party claims of infringement") is a look-alike of uncapped liability (REVIEW rule 10);
  an infringement *complaint* made the supplier's whole liability stays a trap;
- the buyer's engineer or officer deciding a matter of the work finally against the supplier (a measurement, a
  cost certificate, an extension of time) is a low rights.waiver; an arbitrator's decision, or one binding both
  parties or open to dispute resolution, is not;
- the supplier bound to "every rule the buyer lays down" (遵守甲方所规定的一切规章条款) is a unilateral change right.
"""

from __future__ import annotations

import pytest
from shipped_packs import categories

from bidassist.checklist import check_text
from bidassist.checklist.parties import find_parties

from shipped_packs import RULES  # isort: skip

_ZH_HEAD = (
    "技术服务框架协议\n委托方（甲方）：[江苏号百科技有限]公司\n受托方（乙方）：[南京某某信息技术有限]公司\n"
)


def test_fill_in_brackets_are_not_part_of_a_party_s_name() -> None:
    parties = find_parties([(line, None) for line in _ZH_HEAD.splitlines()])
    names = {p.role: p.name for p in parties}
    assert names.get("buyer") == "江苏号百科技有限公司"
    assert names.get("supplier") == "南京某某信息技术有限公司"


def test_a_clause_naming_the_buyer_by_its_full_name_binds_the_buyer() -> None:
    text = (
        _ZH_HEAD
        + "1. 江苏号百科技有限公司有权对上述考核细则进行更新，如后续有更新稿，请在通知后以更新稿为准。\n"
    )
    assert "change.unilateral" in categories(text)
    # the supplier's own right to update its own rules is no trap for the supplier
    ours = _ZH_HEAD + "1. 南京某某信息技术有限公司有权对其内部考核细则进行更新。\n"
    assert "change.unilateral" not in categories(ours)


@pytest.mark.parametrize(
    "text",
    [
        "乙方保证所提供的货物不侵犯第三方的知识产权。如果第三方提出侵权指控，乙方应承担由此而引起的一切法律责任和费用。",
        "如发生版权及相关事宜等纠纷，乙方负全部责任，并对甲方因此而受到的损失予以赔偿。",
        "The selected Bank shall indemnify the Buyer against all third party claims of infringement of patent, "
        "trademark or copyright.",
    ],
)
def test_an_ip_warranty_s_remedy_is_a_look_alike(text: str) -> None:
    assert "liability.uncapped" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "如甲方在销售乙方所供商品时发生侵权投诉，相应责任完全由乙方承担，所有损失均由乙方全部承担。",
        "Supplier shall indemnify Buyer against all claims, losses and damages arising out of any act or omission "
        "of Supplier, including claims of infringement.",
    ],
)
def test_a_complaint_or_a_general_indemnity_stays_uncapped(text: str) -> None:
    assert "liability.uncapped" in categories(text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The decision of the Superintending Engineer shall be final.", True),
        (
            "The cost shall be certified by the Executive Engineer, whose certificate thereof shall be final.",
            True,
        ),
        ("The decision of the Project Manager shall be final and binding upon all parties concerned.", True),
        ("The decision of the arbitral tribunal shall be final and binding on the parties.", False),
        ("The decision of the Engineer shall be final and binding on both parties.", False),
        (
            "The decision of the Engineer shall be final, subject to the right of either party to refer it to "
            "adjudication.",
            False,
        ),
    ],
)
def test_an_officer_s_final_decision_on_the_work(text: str, flagged: bool) -> None:
    found = check_text(text, RULES, model=False, we_strict=False)
    assert any(f.rule == "en.rights.waiver.officer_final" for f in found.findings) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("乙方必须遵守甲方所规定的一切规章条款。", True),
        ("乙方应遵守甲方制定的全部管理规定。", True),
        ("乙方应遵守国家的安全生产规定。", False),
        ("乙方应遵守双方签署的附件所列的管理规定。", False),
    ],
)
def test_every_rule_the_buyer_lays_down(text: str, flagged: bool) -> None:
    assert ("change.unilateral" in categories(text)) is flagged


def test_the_pattern_cache_keeps_the_shared_patterns_after_it_is_cleared() -> None:
    from bidassist.checklist import rules as rules_mod

    own = {p.pattern: p for p in RULES._own_patterns()}
    source = next(iter(own))
    saved = dict(RULES._compiled)
    try:
        RULES._compiled.clear()
        RULES._compiled.update({f"x{i}": own[source] for i in range(rules_mod.MAX_COMPILED)})
        RULES.compiled("(?:never seen before)")  # full: cleared, then the shared set's patterns come back
        assert RULES.compiled(source) is own[source]
    finally:
        RULES._compiled.clear()
        RULES._compiled.update(saved)


# ---- kinds of heldout18 (scored with the session's start and end rules, then studied and moved to dev)


@pytest.mark.parametrize(
    ("text", "category", "flagged"),
    [
        (
            "Buyer may at any time, by written direction (including without limitation by email or facsimile), "
            "make changes to the drawings and specifications.",
            "change.unilateral",
            True,
        ),
        (
            "Buyer may at any time, by written direction (including by email), make changes to the drawings, "
            "and the Contract Price shall be equitably adjusted accordingly.",
            "change.unilateral",
            False,
        ),
        (
            "Prices of the Goods shall not exceed Supplier’s lowest prices in effect at the date of shipment.",
            "price.most_favored",
            True,
        ),
        ("The price shall not exceed the maximum price stated in the order.", "price.most_favored", False),
        (
            "Invoices shall be paid on delivered and accepted Goods in accordance with the terms in this Order.",
            "acceptance.no_deadline",
            True,
        ),
        ("扣除情况需经乙方在三个工作日内签字确认并履行相关手续否则视为同意。", "rights.waiver", True),
        ("一方提出变更要求的，另一方应当在7日内予以答复；逾期未予答复的，视为同意。", "rights.waiver", False),
        ("来煤夹杂沙、石、土、矸石及其它杂物，甲方有权扣除一定数量的吨位。", "payment.set_off", True),
    ],
)
def test_heldout18_kinds(text: str, category: str, flagged: bool) -> None:
    assert (category in categories(text)) is flagged


def test_a_daily_rate_of_one_tenth_of_one_percent_is_read_as_0_1_percent() -> None:
    text = (
        "A penalty of one-tenth of one percent (0.001) of the total value of the product(s)/goods purchased shall "
        "be deducted for each day of delay in the delivery of the product(s)/goods ordered."
    )
    found = check_text(text, RULES, model=False, we_strict=False)
    assert "penalty.excessive" in {f.category for f in found.findings}  # 0.1 %/day: REVIEW rule 2, low


_SELLER_TERMS = (
    "Terms and Conditions\n"
    'The word "Seller" shall mean Euro-Tech Corporation. The word "Purchaser" shall mean the party to whom a '
    "quotation is submitted or from whom a purchase order is accepted by Seller.\n"
    "1) ACCEPTANCE\nSeller's quote will become void unless accepted by Purchaser within fifteen (15) days.\n"
    "14) JURISDICTION\nAny action shall be brought only in the Circuit Court for Waukesha County, Wisconsin.\n"
)


def test_terms_that_name_one_side_and_describe_the_other_were_written_by_the_named_side() -> None:
    found = check_text(_SELLER_TERMS, RULES, model=False, we_strict=False)
    assert found.parties is not None and found.parties["drafter"] == "supplier"
    assert "dispute.forum" not in {f.category for f in found.findings}  # the seller's own home court
    buyers = _SELLER_TERMS.replace(
        '"Seller" shall mean Euro-Tech Corporation',
        '"Seller" shall mean the party to whom an order is issued',
    ).replace(
        '"Purchaser" shall mean the party to whom a quotation is submitted or from whom a purchase order is accepted '
        "by Seller",
        '"Purchaser" shall mean Acme Industries Inc',
    )
    assert check_text(buyers, RULES, model=False, we_strict=False).parties["drafter"] == "buyer"
