"""Session 39: mechanisms read from the development half (odd items) of probe set E (clinical trials and
contract manufacturing, building materials to developers, PFI facility management, government IT
outsourcing, aviation services, farm produce, research and testing).

- a head's first two party lines are the two sides: a label no list holds ("COMMISSIONING BODY:",
  "Government Entity:", 机场方：) beside a known side takes the other one, whether or not the text uses it
  again;
- words of these trades (concessionaire, grower, handling company, CRO; 收购方/交售方, 送修方/承修方, 申办方,
  合同研究组织, 检测机构) and words for either side decided by the other party (a University beside its
  Sponsor researches, a Carrier beside its Handling Company buys, an EPC Contractor buys its concrete);
- the 5 % retention limit holds whatever words the clause uses ("Lifecycle Works" in a facilities contract
  is no construction contract); construction's own 3 % limit adds the contracts of that setting;
- the payee before a payment word ("Grower compensation … shall be paid") does not act.
"""

from __future__ import annotations

from shipped_packs import categories


def _roles(head: str) -> dict[str, str]:
    from bidassist.checklist.parties import find_parties

    return {label: p.role for p in find_parties([(head, "line 1")]) for label in p.labels}


def test_the_first_two_head_lines_are_the_two_sides() -> None:
    assert _roles("COMMISSIONING BODY: Harlow Vale District Council\nCONTRACTOR: Civic Clean Ltd\n") == {
        "contractor": "supplier",
        "commissioning body": "buyer",
    }
    assert _roles(
        "Insurer: Pelican Reinsurance & General Limited\nService Provider: Adjusta Field Ltd\n"
    ) == {
        "service provider": "supplier",
        "insurer": "buyer",
    }
    # head lines joined into one paragraph, the first label no role word
    joined = "Commissioner: Department for Employment Programmes of Calvia Provider: Pathways Training Ltd\n"
    assert _roles(joined) == {"provider": "supplier", "commissioner": "buyer"}
    # a third line (an address, a bank account) is not a party
    assert _roles("BUYER: Tallow Creek Foods, Inc.\nADDRESS: 12 Harbour Trust Building\n") == {
        "buyer": "buyer"
    }
    assert _roles("机场方：临江国际机场集团有限公司\n服务方：云翔航站楼服务有限公司\n") == {
        "服务方": "supplier",
        "机场方": "buyer",
    }
    # 收购方（甲方）：a word no list holds, bracketing 甲方, is another name of that party
    assert _roles("养殖方（乙方）：绿源奶牛养殖专业合作社\n收购单位（甲方）：丰禾乳业集团股份有限公司\n") == {
        "乙方": "supplier",
        "养殖方": "supplier",
        "甲方": "buyer",
        "收购单位": "buyer",
    }


def test_trade_words_and_words_for_either_side() -> None:
    assert (
        _roles("PROCESSOR: Albury Fresh Produce Ltd\nGROWER: Fenmoor Vegetables Ltd\n")["grower"]
        == "supplier"
    )
    assert _roles("送修方：东海航空股份有限公司\n承修方：航修发动机维修工程有限公司\n") == {
        "送修方": "buyer",
        "承修方": "supplier",
    }
    assert _roles("申办方：华川医药集团股份有限公司\n合同研究组织：康研临床研究服务有限公司\n") == {
        "申办方": "buyer",
        "合同研究组织": "supplier",
    }
    # a University researches for its Sponsor, and buys from its Subcontractor
    assert _roles("SPONSOR: Orvantis Materials Corporation\nUNIVERSITY: Halden Polytechnic University\n")[
        "university"
    ] == ("supplier")
    assert _roles(
        "UNIVERSITY: Regents of Eastvale State University\nSUBCONTRACTOR: Calloway Analytics LLC\n"
    )["university"] == ("buyer")
    # an EPC Contractor buys its concrete; a Carrier buys its ground handling; Project Co buys FM services
    assert _roles("CONTRACTOR: Dunmore EPC Constructors Ltd\nSUPPLIER: Greyhaven Ready-Mix Ltd\n")[
        "contractor"
    ] == ("buyer")
    assert _roles("CARRIER: Aerlumen Airways plc\nHANDLING COMPANY: Skyport Ground Services Ltd\n")[
        "carrier"
    ] == ("buyer")
    assert _roles("承运人：东海航空股份有限公司\n地面服务代理人：翔宇地面服务有限公司\n")["承运人"] == "buyer"
    assert _roles("PROJECT CO: Meridian Health Partners Ltd\nSERVICE PROVIDER: Brookvale Facilities Ltd\n")[
        "project co"
    ] == ("buyer")


def test_retention_limit_by_the_contracts_setting_not_the_clauses_words() -> None:
    head = "PROJECT CO: Kingsmere Hospital Company Ltd\nHARD FM PROVIDER: Tolland Engineering Services Ltd\n"
    clause = (
        "18.9 Project Co shall be entitled to retain twelve and a half per cent (12.5%) of each payment in respect of "
        "Lifecycle Works until the Independent Tester has certified the Handback Requirements.\n"
    )
    assert "retention.excessive" in categories(head + clause, lang="en")
    assert "retention.excessive" not in categories(
        head + clause.replace("twelve and a half per cent (12.5%)", "five per cent (5%)"), lang="en"
    )
    # a construction contract: the 3 % limit
    works = (
        "EMPLOYER: Redgate Homes Ltd\nCONTRACTOR: Fulbrook Builders Ltd\n"
        "1. The Contractor shall execute the construction works and the building works on the Site.\n"
        "2. The Employer shall retain five per cent (5%) of each interim payment until practical completion.\n"
    )
    assert "retention.excessive" in categories(works, lang="en")


def test_the_payee_before_a_payment_word_does_not_act() -> None:
    head = "COMPANY: Pinewood Poultry Processors Inc.\nGROWER: Hollis Creek Farms LLC\n"
    clause = (
        "8.1 Grower compensation for each flock shall be calculated under the settlement system and paid upon "
        "completion of the settlement for the relevant processing week.\n"
    )
    assert "payment.no_deadline" in categories(head + clause, lang="en")
    dated = clause.replace("paid upon completion", "paid within fourteen (14) days after completion")
    assert "payment.no_deadline" not in categories(head + dated, lang="en")
