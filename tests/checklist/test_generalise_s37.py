"""Session 37: what made the probe set of new genres (retail, leases and hire, energy services, hospitals,
telecom framework buying, catering) miss, read as mechanisms rather than wordings.

- parties: the head names a party by a word no list had (ESCO, Consignor, Hospital Group): the other side of a
  named buyer or supplier; a bracket names the more specific role (OWNER (LESSOR)); head lines run into one
  paragraph; retail, lease and hire words (Retailer, Lessee, Hirer, Lessor, Landlord);
- an amount beside the contract's price is a share of it (a bond of 450,000 on a price of 3,000,000 is 15 %);
- the party that compensates (乙方应赔偿…) is the one a loss clause binds;
- the 3 % retention cap is construction's: 5 % in a contract for goods is no trap; a rate held back until the
  total reaches the limit is within it.
"""

from __future__ import annotations

from decimal import Decimal

from shipped_packs import categories

from bidassist.checklist.engine import shares_of_price
from bidassist.checklist.parties import find_parties


def _roles(head: str) -> dict[str, str]:
    return {label: p.role for p in find_parties([(head, "line 1")]) for label in p.labels}


def test_a_head_word_no_list_knows_takes_the_other_side() -> None:
    head = (
        "CUSTOMER: Ravensworth Metropolitan Hospital Authority\nESCO: Greenvolt Energy Services Ltd\n"
        "The ESCO shall install the measures."
    )
    assert _roles(head) == {"customer": "buyer", "esco": "supplier"}
    head = "RETAILER: Brightwater Department Stores plc\nCONSIGNOR: Halden Leather Goods Ltd\nThe Consignor ships."
    assert _roles(head) == {"retailer": "buyer", "consignor": "supplier"}


def test_a_head_word_is_no_party_without_an_organisation_or_a_second_use() -> None:
    # a priced item of a list ("Board Advisory: ... consulting") is no party, nor is a label used once
    assert "board advisory" not in _roles(
        "Customer: Acme Ltd\nBoard Advisory: Strategic board-level consulting (minimum 6 months)\n"
        "The Board Advisory package is billed monthly."
    )
    # (session 39: beside the known side, the head's second party line is the other side even if used once;
    # a later line used once is no party)
    roles = _roles(
        "Customer: Acme Hospital Trust\nSupport Partner: Delta Group Ltd\nMANAGER: Greenvolt Energy Services Ltd\n"
    )
    assert roles == {"customer": "buyer", "support partner": "supplier"}
    assert (
        _roles(
            "Customer: Acme Hospital Trust\nMANAGER: Greenvolt Energy Services Ltd\nThe Manager shall report."
        )["manager"]
        == "supplier"
    )


def test_the_bracket_names_the_specific_role() -> None:
    roles = _roles("OWNER (LESSOR): Redmarsh Plant Hire Limited\nHIRER: Calder Infrastructure Group plc\n")
    assert roles == {"lessor": "supplier", "owner": "supplier", "hirer": "buyer"}


def test_head_lines_joined_into_one_paragraph_are_read_apart() -> None:
    roles = _roles(
        "EMPLOYER: Ministry of Public Works, Republic of Kalvara CONTRACTOR: Sunreach EPC Holdings Ltd"
    )
    assert roles == {"employer": "buyer", "contractor": "supplier"}


def test_lease_and_retail_words() -> None:
    assert _roles("Lessee: Port of Westhaven Authority\nLessor: Ironbridge Crane Hire Ltd\n") == {
        "lessee": "buyer",
        "lessor": "supplier",
    }
    found = set(
        categories(
            "Lessor: Ironbridge Crane Hire Ltd\nLessee: Port Authority\n10.1 The Rental is a fixed "
            "sum for the Lease, and the Lessor shall not be entitled to any increase in the Rental on "
            "any ground whatsoever, whether by reason of inflation, changes in law or otherwise.\n",
            lang="en",
        )
    )
    assert "price.fixed_no_adjustment" in found


def test_an_amount_beside_the_price_is_a_share_of_it() -> None:
    zh = "本合同总价为人民币叁佰万元整（¥3,000,000.00）。乙方应提交履约保证金人民币肆拾伍万元整（¥450,000.00）。"
    assert {n.value for n in shares_of_price(zh)} == {Decimal("0.15")}
    en = (
        "The Contract Price is USD 2,400,000. The Contractor shall deliver a performance bond of USD 480,000."
    )
    assert [n.value for n in shares_of_price(en)] == [Decimal("0.2")]
    # no price stated: no share; an amount above the price is none
    assert shares_of_price("The Contractor shall deliver a performance bond of USD 480,000.") == []
    assert shares_of_price("The Contract Price is USD 100. A deposit of USD 480 is due.") == []


def test_a_bond_given_as_an_amount_is_judged_as_a_share() -> None:
    head = "甲方：某某水电开发有限公司\n乙方：某某电力运维服务有限公司\n"
    over = (
        head
        + "第二十四条 本合同总价为人民币叁佰万元整。乙方应在本合同生效后十五日内提交履约保证金人民币肆拾伍万元整。\n"
    )
    within = (
        head
        + "第二十四条 本合同总价为人民币叁佰万元整。乙方应在本合同生效后十五日内提交履约保证金人民币壹拾伍万元整。\n"
    )
    assert "bond.performance_excessive" in categories(over, lang="zh")
    assert "bond.performance_excessive" not in categories(within, lang="zh")


def test_the_party_that_compensates_is_bound() -> None:
    head = "甲方：某某通信有限公司\n乙方：某某技术有限公司\n"
    assert "liability.consequential" in categories(
        head + "11.5 乙方应赔偿甲方因此减少的业务收入以及甲方的可得利益损失。\n", lang="zh"
    )
    assert "liability.consequential" not in categories(
        head + "11.5 甲方应赔偿乙方因此减少的业务收入以及乙方的可得利益损失。\n", lang="zh"
    )


def test_retention_cap_of_construction_is_not_that_of_goods() -> None:
    goods = (
        "甲方：某某集团有限公司\n乙方：某某通信设备有限公司\n"
        "7.2 设备到货后三十日内支付合同金额的95%；剩余5%作为质量保证金，终验合格满一年后无息支付。\n"
    )
    assert "retention.excessive" not in categories(goods, lang="zh")
    works = (
        "发包人：某某建设有限公司\n承包人：某某建筑工程有限公司\n"
        "7.2 工程竣工验收后支付至结算价的95%；剩余5%作为质量保证金，缺陷责任期满后无息支付。\n"
    )
    assert "retention.excessive" in categories(works, lang="zh")


def test_a_rate_held_back_until_the_total_reaches_the_limit() -> None:
    head = "EMPLOYER: Solaria Nacional S.A.\nCONTRACTOR: Brightfield Solar EPC Ltd\n"
    capped = "14.3 Retention Money shall be deducted from each Interim Payment Certificate at the rate of ten per cent (10%) until the amount retained reaches three per cent (3%) of the Accepted Contract Amount.\n"
    over = capped.replace("three per cent (3%)", "five per cent (5%)")
    assert "retention.excessive" not in categories(head + capped, lang="en")
    assert "retention.excessive" in categories(head + over, lang="en")


def test_a_bond_stated_as_an_amount_is_a_share_of_the_price_stated_elsewhere() -> None:
    head = "甲方：某某水电开发有限公司\n乙方：某某电力运维服务有限公司\n第二条 合同价款 本合同总价为人民币叁佰万元整（¥3,000,000.00）。\n"
    bond = "第十条 履约担保 乙方应在本合同生效后十五日内向甲方提交履约保证金人民币{}（¥{}）。\n"
    assert "bond.performance_excessive" in categories(
        head + bond.format("肆拾伍万元整", "450,000.00"), lang="zh"
    )
    assert "bond.performance_excessive" not in categories(
        head + bond.format("壹拾伍万元整", "150,000.00"), lang="zh"
    )
    # two prices (two lots): no share is read
    lots = head + "第三条 第二标段合同总价为人民币伍佰万元整。\n"
    assert "bond.performance_excessive" not in categories(
        lots + bond.format("肆拾伍万元整", "450,000.00"), lang="zh"
    )


def test_stated_price_agrees_or_is_none() -> None:
    from bidassist.checklist.engine import stated_price

    assert stated_price(["The Contract Price is USD 2,400,000.", "Payment: 30% of the Contract Price."]) == (
        Decimal("2.4E+6"),
        "USD",
    )
    assert (
        stated_price(["The Contract Price is USD 2,400,000.", "The Contract Price is USD 2,500,000."]) is None
    )
    assert stated_price(["No price here."]) is None


def test_the_last_word_of_a_bodys_name_is_its_short_name() -> None:
    text = (
        "Client: Midvale Community College District\nContractor: Campus Fare Services Ltd\n"
        "9.6 No interest, late charge or other compensation shall be payable by the District on account of any delay "
        "in payment of Contractor's invoices.\n"
    )
    assert "penalty.asymmetric" in categories(text, lang="en")
    # the word is no short name when the text never uses it so
    assert "penalty.asymmetric" not in categories(text.replace("by the District", "by the Board"), lang="en")
