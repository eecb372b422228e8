"""Session 38: mechanisms read from the development halves of the probe sets (not wordings of one clause).

- the construction setting covers the consultancies that serve a construction project (造价咨询, 监理,
  全过程工程咨询): the four-deposits rule of construction applies to their contracts too.
"""

from __future__ import annotations

from shipped_packs import categories


def test_a_consultancy_on_a_construction_project_is_in_the_construction_setting() -> None:
    head = "委托方：某某市住房和城乡建设局\n受托方：某某工程造价咨询有限公司\n"
    deposit = "第十二条 受托方应在本工程全过程造价咨询服务开始前缴纳廉洁保证金人民币伍万元，服务结束且无违规行为的无息退还。\n"
    assert "deposit.unlawful" in categories(head + deposit, lang="zh")
    # the same deposit in a software contract is not the construction rule's
    software = "委托方：某某市数据局\n受托方：某某软件有限公司\n"
    assert "deposit.unlawful" not in categories(
        software + deposit.replace("本工程全过程造价咨询", "本软件开发"), lang="zh"
    )


def _roles(head: str) -> dict[str, str]:
    from bidassist.checklist.parties import find_parties

    return {label: p.role for p in find_parties([(head, "line 1")]) for label in p.labels}


def test_franchise_distribution_media_and_insurance_heads_name_both_sides() -> None:
    assert _roles("FRANCHISOR: Bramble Kitchens Limited\nMASTER FRANCHISEE: Orvanto Hospitality plc\n") == {
        "franchisor": "supplier",
        "franchisee": "buyer",
    }
    assert _roles("CLIENT: Grantham Assurance plc\nOUTSOURCER: Beacon Contact Solutions Ltd\n") == {
        "client": "buyer",
        "outsourcer": "supplier",
    }
    assert _roles("被许可方（甲方）：某某餐饮集团有限公司\n许可方（乙方）：某某品牌管理有限公司\n") == {
        "被许可方": "buyer",
        "甲方": "buyer",
        "许可方": "supplier",
        "乙方": "supplier",
    }


def test_a_role_word_may_carry_up_to_two_qualifying_words() -> None:
    roles = _roles(
        "PRINCIPAL: Grandline Appliances Corporation\nSALES AGENT: Meridian Trade Representation LLC\n"
    )
    assert roles == {"principal": "buyer", "agent": "supplier"}
    assert _roles("Client: Orrin Sportswear Inc.\nEvent Contractor: Crestline Live Productions LLC\n") == {
        "client": "buyer",
        "contractor": "supplier",
    }
    # "Production Company:" is one label, not a head line joined to the one before it
    roles = _roles("Brand Owner: Solstice Home Care Ltd\nProduction Company: Northbank Pictures Ltd\n")
    assert roles == {"owner": "buyer", "production company": "supplier"}


def test_a_word_for_either_side_takes_the_side_the_other_party_leaves() -> None:
    # a Distributor buys from a Manufacturer and supplies a Hospital
    assert (
        _roles("Manufacturer: Oakridge Pet Nutrition Ltd\nDistributor: Pan-Continental Supplies B.V.\n")[
            "distributor"
        ]
        == "buyer"
    )
    assert (
        _roles("HOSPITAL: St. Aldhelm Medical Center, Inc.\nDISTRIBUTOR: Corvane Surgical Supply, LLC\n")[
            "distributor"
        ]
        == "supplier"
    )
    # a Media Agency serves a Brand Owner; a State Agency buys from a Contractor
    assert (
        _roles("Brand Owner: Tessaly Cosmetics S.A.\nMedia Agency: Northlight Media Buying Ltd\n")["agency"]
        == "supplier"
    )
    assert (
        _roles("THE STATE AGENCY: Office of Revenue, State of Tolland\nTHE CONTRACTOR: Taxline Ltd\n")[
            "agency"
        ]
        == "buyer"
    )
    # an Operator runs a plant for its Owner but buys a franchise from a Franchisor
    assert (
        _roles("Franchisor: Fieldfare Car Wash Ltd\nOperator: Petromax Forecourts plc\n")["operator"]
        == "buyer"
    )
    assert (
        _roles("甲方（经销商）：某某商贸集团有限公司\n乙方（供货商）：某某小家电有限公司\n")["经销商"]
        == "buyer"
    )


def test_the_payee_of_fees_and_the_party_credited_do_not_act() -> None:
    head = (
        "The Company: Whitcombe General Insurance Limited\nThe Loss Adjuster: Harrowgate Loss Adjusting LLP\n"
    )
    fees = "8.2 The Loss Adjuster's fees for each instructed claim shall become payable upon final settlement of that claim.\n"
    assert "payment.no_deadline" in categories(head + fees, lang="en")
    head = "Franchisor: Velvet Frame Studios Ltd\nFranchisee: Colbourne Entertainment plc\n"
    credit = (
        "12.5 Should the Franchisor fail to deliver the Opening Support Package on time, the Franchisor shall credit "
        "the Franchisee with a sum equal to 0.08% of the Initial Fee for each day of delay.\n"
    )
    assert "penalty.uncapped" in categories(head + credit, lang="en")


def test_a_missed_deadline_is_a_delay() -> None:
    head = "CLIENT: Calderstone Insurance Company Limited\nLOSS ADJUSTER: Meridian Claims LLP\n"
    late = (
        "10.3 For each claim whose preliminary report is received after the Report Deadline, the Client may deduct "
        "from the fees a sum of fifty pounds (GBP 50) for every day by which the deadline is missed.\n"
    )
    assert "penalty.uncapped" in categories(head + late, lang="en")
    capped = late.replace(" is missed.", " is missed, not to exceed GBP 500 for any claim.")
    assert "penalty.uncapped" not in categories(head + capped, lang="en")
