"""Kinds of false alarm fixed in the engine (issue #9, session 15, helper chk-prec), each in a
drafting style not in the corpus (a 物业服务 contract, a municipal supply framework, a research
consortium's terms), each trap beside its harmless twin:

- a rate the other side pays for paying late, in another sentence of the clause, is not the
  supplier's penalty (the rule matched 卖方…支付违约金 and took the buyer's 5‰ of the next item);
- a unit that is only an English clause title ("14. Non-Solicitation of Staff") binds nobody;
- a definition further down a definitions block is read as a definition (the pattern was
  anchored to the start of the unit, so only the first definition counted);
- words that name another clause ("non-solicitation (Clause 14)") are a reference."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bidassist.checklist import check_text, load_packs
from bidassist.checklist.subject import in_definition, is_reference, title_only

RULES = load_packs()


def _cats(text: str, we: str | None = None) -> set[str]:
    return {f.category for f in check_text(text, RULES, we=we, model=False).findings}


# --------------------------------------------------------------------------- the other side's late payment

PROPERTY = "物业服务合同\n委托方（甲方）：滨海新区第三中学\n受托方（乙方）：恒安物业服务有限公司\n"
SERVICE_ITEMS = (
    "第九条 违约责任：1.乙方服务质量未达到本合同约定标准的，甲方有权要求乙方支付违约金；"
    "2.甲方未按约定期限支付物业服务费的，每逾期一日，甲方应按欠付金额的{rate}向乙方支付违约金。\n"
)


def test_the_buyers_late_payment_rate_is_not_the_suppliers_penalty():
    assert "penalty.excessive" not in _cats(PROPERTY + SERVICE_ITEMS.format(rate="千分之五"))
    twin = PROPERTY + (
        "第九条 违约责任：1.乙方服务质量未达到本合同约定标准的，甲方有权要求乙方支付违约金；"
        "2.乙方未按约定期限完成整改的，每逾期一日，乙方应按合同总价的千分之五向甲方支付违约金。\n"
    )
    assert "penalty.excessive" in _cats(twin)


@settings(max_examples=15, deadline=None)
@given(rate=st.sampled_from(["千分之三", "千分之五", "百分之一", "0.5%", "1%", "3‰"]))
def test_no_rate_in_the_buyers_late_payment_sentence_makes_a_supplier_penalty(rate):
    """Whatever the buyer's late-payment rate, it never becomes the supplier's excessive penalty."""
    found = check_text(PROPERTY + SERVICE_ITEMS.format(rate=rate), RULES, model=False).findings
    assert not [f for f in found if f.category == "penalty.excessive" and f.value is not None]


# --------------------------------------------------------------------------- a title alone

FRAMEWORK = (
    "FRAMEWORK AGREEMENT FOR THE SUPPLY OF ROAD SALT\n"
    'Between Kestrel County Council (the "Council") and Northgate Minerals Ltd (the "Supplier").\n'
)


def test_a_clause_title_alone_is_not_the_clause():
    title_alone = (
        FRAMEWORK + "14. Non-Solicitation and Non-Competition\n15. Notices\nNotices shall be in writing.\n"
    )
    assert "exclusivity" not in _cats(title_alone)
    with_body = FRAMEWORK + (
        "14. Non-Solicitation and Non-Competition\n"
        "The Supplier shall not, during the term and for two years after it, supply road salt to any "
        "other county council in the region.\n"
    )
    assert "exclusivity" in _cats(with_body)


def test_what_reads_as_a_title():
    assert title_only("14. Non-Solicitation and Non-Competition")
    assert title_only("9 Rate Parity and Rate Accuracy")
    assert title_only("7. PRICES")
    assert not title_only("Prices are firm")
    assert not title_only("Payment: Net 90")
    assert not title_only("Clause 14.8 | Delayed Payment Clause deleted.")


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.text(alphabet="abcdefghij", min_size=2, max_size=8), min_size=1, max_size=6))
def test_a_sentence_is_never_a_title(words):
    """A line with a full stop inside, a digit after its number, or a lower-case word that is not a
    minor word is never taken for a title."""
    line = " ".join(w.capitalize() for w in words)
    assert not title_only(f"3. {line}. The Supplier shall")
    assert not title_only(f"3. {line} 30 Days")
    assert not title_only(f"3. {line} shall")


# --------------------------------------------------------------------------- definitions further down

CONSORTIUM = (
    "RESEARCH SERVICES TERMS\n"
    'Between Aurora Genomics Consortium (the "Customer") and Pellucid Assays Ltd (the "Supplier").\n'
)


def test_a_definition_further_down_the_definitions_block_is_a_definition():
    defs = CONSORTIUM + (
        '1.1 Definitions. "Order" means a purchase order and any Data Transfer Agreement.\n'
        '"Background IP" means intellectual property owned by a party before the Order.\n'
    )
    assert "ip.assignment" not in _cats(defs)
    operative = CONSORTIUM + (
        "8.2 The Supplier hereby assigns to the Customer all its background IP used in the Services.\n"
    )
    assert "ip.assignment" in _cats(operative)


def test_in_definition_reads_each_sentence_of_the_unit():
    text = '1.1 "order" means a purchase order.\n"background ip" means ip owned before the order.'
    assert in_definition(text, text.index("background"))
    zh = "1.1 本合同所称“成果”指本项目交付物。\n“背景知识产权”：指乙方在签约前已拥有的知识产权。"
    assert in_definition(zh, zh.index("背景"))
    assert not in_definition("乙方应按期交货。乙方的背景知识产权归甲方所有。", 8)


# --------------------------------------------------------------------------- references to clauses


def test_the_name_of_another_clause_is_a_reference():
    survival = FRAMEWORK + (
        "21. Survival. Confidentiality (Clause 9), non-solicitation (Clause 14) and liability "
        "(Clause 17) survive the end of this Agreement.\n"
    )
    assert "exclusivity" not in _cats(survival)
    t = "非竞争条款（第十二条）"
    assert is_reference(t, t.index("（"))
    assert is_reference("non-solicitation (clause 14)", len("non-solicitation"))
    assert not is_reference("non-solicitation of staff for two years", len("non-solicitation"))


# --------------------------------------------------------------------------- who wrote "we"/"you" terms

WE_BUY = (
    "Harbourline Foods Supplier Terms\n"
    + "".join(
        f"{i}. You will deliver the goods we order to our depots and we will inspect them; "
        "you must keep our specifications and we may reject goods that do not meet them.\n"
        for i in range(1, 7)
    )
    + "9. All disputes shall be resolved exclusively by the courts located in the State of Oregon.\n"
)


def test_we_wrote_the_terms_and_you_did_not():
    """In terms written between "we" and "you", "we" is the drafter: the drafter is not the
    party "you" names, so the buyer-drafted home-court rule still applies to our supplier."""
    result = check_text(WE_BUY, RULES, model=False)
    assert result.parties["drafter"] == "buyer"
    assert "dispute.forum" in {f.category for f in result.findings}


# --------------------------------------------------------------------------- a buyer known by its own name

AGENCY = (
    "STANDING OFFER CONDITIONS\n"
    "1. The Contractor is engaged by Waka Kotahi to perform the Services and is not an agent of "
    "Waka Kotahi. The Contractor shall keep records for Waka Kotahi.\n"
    "2. All reports are the property of Waka Kotahi. The Contractor shall deliver them to the "
    "Waka Kotahi and Waka Kotahi will review them. The Contractor shall correct errors at the "
    "request of Waka Kotahi and notify Waka Kotahi of any delay.\n"
    "3. The Contractor shall give Waka Kotahi access to its premises.\n"
)


def test_a_buyer_named_by_its_own_name_beside_the_contractor():
    """Only one role word is used ("the Contractor"); the other side is a name the contract mostly
    acts upon ("engaged by Waka Kotahi … Waka Kotahi will review"), as a transport agency writes its own name."""
    trap = AGENCY + "7. Waka Kotahi may terminate the Contract at any time for its convenience.\n"
    twin = AGENCY + "7. The Contractor may terminate the Contract at any time for its convenience.\n"
    parties = check_text(trap, RULES, model=False).parties["parties"]
    assert {(p["labels"][0], p["role"]) for p in parties} == {
        ("contractor", "supplier"),
        ("waka kotahi", "buyer"),
    }
    assert "termination.convenience" in _cats(trap)
    assert "termination.convenience" not in _cats(twin)


# --------------------------------------------------------------------------- an alternative not selected

LOGISTICS = "道路货物运输框架协议\n托运方（甲方）：华东冷链集团有限公司\n承运方（乙方）：顺达物流有限公司\n"


def _dispute(choice: str) -> str:
    return LOGISTICS + (
        "第十二条 争议解决\n"
        f"1. 双方因本协议发生争议，协商不成的，同意按下列第（{choice}）种方式解决：\n"
        "（1）提交杭州仲裁委员会仲裁；\n"
        "（2）向甲方所在地有管辖权的人民法院提起诉讼。\n"
    )


def test_an_alternative_the_contract_did_not_select_binds_nobody():
    assert "dispute.forum" not in _cats(_dispute("1"))
    assert "dispute.forum" in _cats(_dispute("2"))
    assert "dispute.forum" in _cats(_dispute("＿＿"))  # a blank choice selects nothing away


@settings(max_examples=40, deadline=None)
@given(n=st.integers(min_value=2, max_value=6), data=st.data())
def test_the_chosen_item_is_the_only_one_kept(n, data):
    """Whatever item a lead-in chooses, every other listed item (and only those) is unselected."""
    from bidassist.checklist.engine import Unit
    from bidassist.checklist.options import unselected_units

    chosen = data.draw(st.integers(min_value=1, max_value=n))
    units = [Unit(text=f"1、双方同意按下列方式 1.{chosen} 予以解决：", clause="第九条 1、")]
    units += [Unit(text=f"1.{k} 第{k}种方式。", clause=f"1.{k}") for k in range(1, n + 1)]
    units.append(Unit(text="2、其他。", clause="第九条 2、"))
    assert unselected_units(units) == {k for k in range(1, n + 1) if k != chosen}
