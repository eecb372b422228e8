"""Session 47: kinds read from heldout39 (platform terms for riders and for performers), moved to
development this session, each written as the kind.

- Platform terms define their reader in a glossary entry whose bracket quotes the pronoun with
  mismatched marks ("Rider (also referred to as “you“ …) – the person providing …"), and define
  the platform's other users as anyone who uses the platform ("Customer – a person requesting
  Dispatch Services by using the Platform"): the reader is a side, the users are a class.
- A booking platform's terms "between The Talent Club and the Artist": the performer is the
  supplier (a performer's word names a side only where a head line or a definition says so).
- A change "by the buyer" is the "by" of the changing verb, not of a later one ("once the calendar
  is updated the same can be used by the Buyer").

And from heldout41 (an Indian state agency's IT goods contract), looked at after its held-out score
and moved to development: a clause that is only its number and title ("F.39. Termination for
convenience") with its text numbered afresh under it ("1. Purchaser may …") holds those items as
its children, and is read as their heading (their units' context), not as a unit a rule matches by
its title alone.

And from heldout40 (a Chinese B2B food platform's terms for its suppliers), studied and moved to
development: sign-up terms whose reader "与X达成一致，成为X的“用户”" make 您 and 用户 the supplier and
the platform with its operating company the buyer; "以任何理由(包括但不限于…认为您已违反…)终止" is
termination at will, the breach being only one of the reasons the platform may give.
"""

from __future__ import annotations

from shipped_packs import RULES, categories, party_sides

from bidassist.checklist import check_text
from bidassist.checklist.units import units_from_clauses
from bidassist.reading import split_clauses
from bidassist.reading.text import text_blocks_and_headings

_COURIER_TERMS = (
    "GENERAL TERMS FOR COURIERS ON THE ZIPPO PLATFORM\n"
    "These General Terms govern delivery services rendered through the Zippo App, a platform which connects "
    "senders of parcels with Couriers.\n"
    "1. DEFINITIONS\n"
    "1.1. The term “us” or “we” refers to Zippo Logistics Limited, a company registered in Lagos.\n"
    "1.2. Customer – a person requesting Delivery Services by using the Zippo Platform.\n"
    "1.3. Courier (also referred to as “you“ being an individual courier or a company) – the person providing "
    "Delivery Services via the Zippo Platform.\n"
    "2. SERVICES\n"
    "2.1. The Customer requests a delivery in the App and the Customer pays the fare in the App.\n"
    "2.2. You shall deliver each parcel to the Customer within the time shown in the App.\n"
    "2.3. The Customer may rate your service after each delivery.\n"
    "3. FEES\n"
    "3.1. We collect the fare from the Customer on your behalf and pay it to you weekly, less our fee.\n"
    "3.2. We may set off any amount you owe us against the fares due to you.\n"
    "3.3. Our fee is shown in the App and we may publish it on our website.\n"
)


def test_a_platforms_reader_is_a_side_and_its_users_a_class() -> None:
    sides = party_sides(_COURIER_TERMS, we="Courier")
    assert {"courier", "you"} <= set(sides["supplier"])
    assert {"we", "us"} <= set(sides["buyer"])
    assert "customer" not in sides["buyer"] + sides["supplier"]
    assert "payment.set_off" in categories(_COURIER_TERMS, we="Courier")


def test_a_customer_defined_as_a_contracts_own_party_is_not_a_class() -> None:
    """The glossary entry of a side (a definite party, no platform user) keeps it a side."""
    text = (
        "SERVICES AGREEMENT\n"
        "1. Definitions\n"
        "1.1. Customer – Globex Ltd, a company registered in England, which buys the Services.\n"
        "1.2. Supplier – Acme Widgets Ltd, which provides the Services.\n"
        "2. The Customer shall pay each invoice of the Supplier within 30 days.\n"
        "3. The Supplier shall perform the Services with reasonable skill and care.\n"
        "4. The Customer may terminate this Agreement at any time for convenience.\n"
    )
    sides = party_sides(text)
    assert "customer" in sides["buyer"]
    assert "supplier" in sides["supplier"]


_ARTIST_TERMS = (
    "Terms and conditions between The Gig Club and the Artist\n"
    "The engagement between the Artist (also referred to as 'You' and 'Your') and The Gig Club is created to promote "
    "Artists on the Website to generate bookings for live performances. The Gig Club may change the terms and "
    "conditions from time to time without actual notice to You.\n"
    "The Artist shall perform with reasonable skill and care. The Artist is required to update the availability "
    "calendar on the Website. Once the calendar is updated the same can be used by The Gig Club and the Customers "
    "to see the availability of the Artist.\n"
    "Cancellations have to be informed to The Gig Club four weeks before the event. You shall return the advance "
    "fee in full as agreed at the time of booking by You with The Gig Club.\n"
    "The Gig Club shall pay Your fee within seven days after the performance.\n"
    "The Artist shall indemnify The Gig Club against all claims, costs and expenses which The Gig Club may incur.\n"
)


def test_a_booking_platforms_artist_is_the_supplier() -> None:
    sides = party_sides(_ARTIST_TERMS)
    assert {"artist", "you"} <= set(sides["supplier"])
    assert "gig club" in sides["buyer"]
    found = check_text(_ARTIST_TERMS, RULES).findings
    changes = [f for f in found if f.category == "change.unilateral"]
    assert len(changes) == 1 and "may change the terms" in changes[0].text
    assert "liability.uncapped" in {f.category for f in found}


_TITLED_LIST = (
    "F.38. Termination for insolvency\n"
    "Purchaser may at any time terminate the Contract by giving 30 days written notice to the Vendor if the Vendor "
    "becomes bankrupt.\n"
    "F.39. Termination for convenience\n"
    "1. Purchaser may at any time by giving 30 days written notice to the Vendor terminate the Contract, in whole or "
    "in part, for its convenience.\n"
    "2. The goods that are complete and ready for shipment within thirty (30) days after the notice shall be accepted "
    "by the Purchaser at the contract prices.\n"
    "F.40. Resolution of disputes\n"
    "Purchaser and Vendor shall make every effort to resolve amicably any dispute arising between them.\n"
)


def test_numbers_started_afresh_under_a_title_only_clause_are_its_children() -> None:
    blocks, headings = text_blocks_and_headings(_TITLED_LIST, "t.txt")
    clauses = split_clauses(blocks, headings=headings)
    assert [(c.number, c.level) for c in clauses] == [
        ("F.38", 1),
        ("F.39", 1),
        ("1", 2),
        ("2", 2),
        ("F.40", 1),
    ]


def test_a_title_only_clause_is_the_heading_of_its_children_not_a_finding_of_its_own() -> None:
    found = [
        f
        for f in check_text(_TITLED_LIST, RULES, we="Vendor").findings
        if f.category == "termination.convenience"
    ]
    assert [f.clause for f in found] == ["F.39 1"]
    # a title with nothing under it is still read (a sibling follows it)
    alone = "F.38. Termination for convenience\nF.39. Resolution of disputes\nThe parties shall negotiate in good faith.\n"
    assert [u.text for u in units_of(alone)][0].startswith("F.38. Termination for convenience")


def units_of(text: str) -> list:
    blocks, headings = text_blocks_and_headings(text, "t.txt")
    return units_from_clauses(split_clauses(blocks, headings=headings))


_ZH_SIGNUP_TERMS = (
    "服务协议\n"
    "欢迎您阅读好采1080直采平台（以下称“好采平台”）服务条款协议（以下称“本协议”）并接受大连好采网络科技股份有限公司"
    "（以下称“大连好采”）的服务（以下称“服务”）。\n"
    "当您按照注册页面提示填写信息、阅读并同意本协议且完成全部注册程序后，即表示您已充分阅读、理解并接受本协议的全部内容，"
    "并与好采平台达成一致，成为好采平台的“用户”。\n"
    "一、服务终止\n"
    "1、您同意，在好采平台未向您收费的情况下，好采平台可自行全权决定以任何理由(包括但不限于好采平台认为您已违反本协议的"
    "字面意义和精神，或您以不符合本协议的方式行事)终止您的服务。\n"
    "二、争议解决\n"
    "1、因本协议引起的任何争议，应向大连好采所在地人民法院提起诉讼。\n"
)


def test_chinese_signup_terms_make_the_reader_the_supplier_and_the_platform_the_buyer() -> None:
    """欢迎您阅读…并与X达成一致，成为X的“用户”: 您 and 用户 are the reader (the supplier), the platform
    and its operating company (each given a short name at the head) the buyer."""
    sides = party_sides(_ZH_SIGNUP_TERMS)
    assert {"您", "用户"} <= set(sides["supplier"])
    assert {"好采平台", "大连好采"} <= set(sides["buyer"])
    found = categories(_ZH_SIGNUP_TERMS)
    assert {"termination.convenience", "dispute.forum"} <= found


def test_a_reader_described_at_the_head_is_not_taken_for_the_operator() -> None:
    """您是在途悦出行平台注册…的驾驶员（以下简称“驾驶员”）: a short name of the reader, though the words
    before it name the platform."""
    text = (
        "本协议由途悦出行科技有限公司（以下简称“途悦”）与您订立\n"
        "您是在途悦出行平台注册并提供网约车服务的驾驶员（以下简称“驾驶员”）\n"
        "11.2 驾驶员对订单计费、罚款或账户处理结果有异议的，应在结果公布后四十八小时内通过App申诉，逾期视为驾驶员认可该结果，"
        "并放弃就此提起诉讼或仲裁的权利。\n"
    )
    sides = party_sides(text)
    assert "驾驶员" not in sides["buyer"]
    assert "rights.waiver" in categories(text)
