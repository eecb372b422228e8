"""Session 48: kinds read from heldout37, heldout38 (English) and heldout42 (Chinese), moved to
development this session before they were studied, each written as the kind.

- A plain-text contract wrapped at 80 columns: a list item's wrapped line that starts with a capital
  ("… source code available for" / "License;") goes on with the item; it does not close the list, so
  the paragraph after the list's last item is no part of that item.
- A party's abbreviation given in brackets after its name ("Research Service Provider (RSP)", "DRDO
  (L/E/P)") is one of its labels when the text uses it.
- Terms that define their reader as "you" ("the terms “you” and “your” means you, …") and the other
  side as an organisation ("and “Conservancy” means Software Freedom Conservancy, Inc.").
- Chinese heads with 下称 (not only 以下简称) and a bracket that first names the operator
  (凌天众媒网（运营主体为…有限公司，下称“平台”）).
- Rules: a contract ended in the passive on the buyer's own view ("may be short closed … if the
  Purchaser feels that no useful purpose will be served"); an indemnity whose hold-harmless runs on
  ("free and harmless, and to provide legal defense, from any and all"); reimbursing the buyer for
  all liabilities; a deposit forfeited outright (诚信保证金予以没收).
"""

from __future__ import annotations

from shipped_packs import RULES, categories, party_sides

from bidassist.checklist import check_text
from bidassist.reading import split_clauses
from bidassist.reading.text import text_blocks_and_headings

_WRAPPED = (
    "Terms of Participation\n"
    "\n"
    "You hereby represent, warrant and agree that all Work Product you complete related to\n"
    "the project:\n"
    "\n"
    "(a) is your own original work, except to the extent that it includes source code available for\n"
    "License;\n"
    "\n"
    "(b) does not infringe on any copyright of any third party; and\n"
    "\n"
    "(c) does not contain any confidential information.\n"
    "\n"
    "Your internship and all payments pursuant to this agreement are subject to there being a mentor\n"
    "assigned to your application.\n"
    "\n"
    "Stipend.\n"
    "\n"
    "We will pay you a stipend of USD 7,000.\n"
)


def test_a_wrapped_line_of_a_list_item_does_not_close_the_list() -> None:
    blocks, headings = text_blocks_and_headings(_WRAPPED, "t.txt")
    clauses = split_clauses(blocks, headings=headings)
    by_number = {c.number: c.text for c in clauses if c.number}
    assert by_number["(a)"].endswith("License;")
    assert by_number["(c)"] == "(c) does not contain any confidential information."
    assert any(c.number is None and c.text.startswith("Your internship") for c in clauses)
    assert any(c.number is None and c.text == "Stipend." for c in clauses)


_ABBREVIATED = (
    "CONTRACT FOR ACQUISITION OF RESEARCH SERVICES\n"
    'This Contract is made between DRDO (the "Purchaser") and the Research Service Provider (the "Contractor").\n'
    "1. All equipment purchased by the Research Service Provider (RSP) is the property of DRDO (L/E/P).\n"
    "2. The RSP shall submit the final report before the date stated.\n"
    "3. Payments will be made within 45 days of receipt by L/E/P of the bill.\n"
    "4. Short closure of contract: The contract may be short closed at any time during the currency of its "
    "execution if the L/E/P feels that no useful purpose will be served by continuing its implementation.\n"
    "5. The RSP shall return all unspent monies to the L/E/P.\n"
)


def test_a_bracketed_abbreviation_is_a_label_of_its_party() -> None:
    sides = party_sides(_ABBREVIATED)
    assert "l/e/p" in sides["buyer"]
    assert "rsp" in sides["supplier"]
    assert "termination.convenience" in categories(_ABBREVIATED)


def test_an_abbreviation_the_text_hardly_uses_is_no_label() -> None:
    head = 'Globex Ltd (GLX) buys the goods from Acme Ltd (the "Supplier").\nGlobex Ltd (the "Buyer") shall pay.\n'
    assert "glx" not in party_sides(head + "GLX is a company.\n")["buyer"]
    assert "glx" in party_sides(head + "GLX shall pay. GLX may inspect. GLX shall accept.\n")["buyer"]


_YOU_MEANS = (
    "INTERNSHIP TERMS\n"
    "These Terms will serve as the agreement between you and Conservancy. In this agreement, the terms “you” and "
    "“your” means you, a person accepted to the Program; and “Conservancy” means Software Freedom Conservancy, "
    "Inc., a New York non-profit corporation.\n"
    "The Project. You agree to perform the Project as assigned.\n"
    "Indemnification. You shall indemnify, defend, and hold harmless Conservancy from and against any and all "
    "claims, losses and expenses arising out of your participation.\n"
)


def test_you_and_an_organisation_defined_by_means_are_the_two_sides() -> None:
    sides = party_sides(_YOU_MEANS)
    assert "you" in sides["supplier"]
    assert "conservancy" in sides["buyer"]
    assert "liability.uncapped" in categories(_YOU_MEANS)


def test_an_indemnity_whose_hold_harmless_runs_on_is_still_broad() -> None:
    text = (
        "The Provider agrees at all times to protect, indemnify, and hold the Buyer, its Board of Trustees, "
        "officers, employees, members, representatives, agents, guests and invitees free and harmless, and to "
        "provide legal defense, from any and all liabilities, claims, losses, judgments and expenses resulting "
        "from the services provided by the Provider.\n"
    )
    assert "liability.uncapped" in categories(text, we="Provider")


_ZH_PLATFORM = (
    "众媒网服务商入驻协议\n"
    "本协议由同意并承诺遵守本协议规定且使用众媒网服务的用户（下称“服务商”）、众媒网（运营主体为深圳众媒科技有限公司，"
    "下称“平台”）共同缔结，本协议具有合同法律效力。\n"
    "一、保证金\n"
    "1. 服务商绕开平台指定付款方式进行交易的，平台有权终止本协议，并有权关闭服务商在平台的全部店铺，且服务商缴纳的诚信保证金"
    "予以没收。\n"
    "二、争议解决\n"
    "1. 双方均同意向深圳仲裁委员会按照该会仲裁规则进行仲裁。\n"
)


def test_chinese_short_names_given_with_xiacheng_name_the_two_sides() -> None:
    sides = party_sides(_ZH_PLATFORM)
    assert "服务商" in sides["supplier"]
    assert "平台" in sides["buyer"]
    found = check_text(_ZH_PLATFORM, RULES).findings
    assert "penalty.excessive" in {f.category for f in found}


# From the renaming check (benchmarks/party_rename.py): the same contract with its parties called by
# their own short names keeps its findings.
_NAMED_PAIR = (
    'This Agreement is made between Globex Limited ("Globex") and Contoso Limited ("Contoso").\n'
    "1. Contoso shall deliver the Goods and submit its invoices monthly.\n"
    "2. Contoso shall perform the Services and provide qualified personnel.\n"
    "3. Contoso shall indemnify and hold harmless Globex from and against any and all claims and losses.\n"
    "4. Globex shall pay each invoice within 30 days. Globex may terminate this Agreement at any time for its "
    "convenience.\n"
    "5. The total liability of Contoso shall be limited to the Contract Price, provided that such limit shall not "
    "apply to:\n"
    "(i) Contoso's liabilities for fraud;\n"
    "(ii) Contoso's liabilities arising from any indemnities given by it.\n"
)


def test_two_parties_defined_by_their_own_names_take_their_sides_from_their_duties() -> None:
    sides = party_sides(_NAMED_PAIR)
    assert sides["buyer"] == ["globex"]
    assert sides["supplier"] == ["contoso"]
    assert {"termination.convenience", "liability.uncapped"} <= categories(_NAMED_PAIR, we="Contoso")


def test_a_list_item_that_opens_with_a_name_still_completes_its_lead_in() -> None:
    """(ii) Contoso's liabilities arising from any indemnities: the cap's exception reaches the
    indemnity, so the cap does not take the indemnity finding away."""
    found = check_text(_NAMED_PAIR, RULES, we="Contoso").findings
    assert [f.clause for f in found if f.category == "liability.uncapped"][:1] == ["3"]


def test_a_document_name_is_no_party() -> None:
    """ "the Key Terms will automatically terminate all SOWs": a document's name is the actor of a
    verb, not a side (duties.py)."""
    from bidassist.checklist.duties import duty_candidates

    text = "Termination of the Agreement or the Key Terms will automatically terminate all SOWs.\n" * 4
    assert "Key Terms" not in dict(duty_candidates(text))


_ZH_NAMED_PAIR = (
    "采购合同\n"
    "本合同由北京华信科技有限公司（以下简称“华信公司”）与上海恒达实业有限公司（以下简称“恒达公司”）签订。\n"
    "第一条 恒达公司应按时交付货物并开具增值税专用发票。\n"
    "第二条 华信公司应在收到发票后30日内向恒达公司支付货款。\n"
    "第三条 经华信公司验收合格后付款。恒达公司负责安装调试。\n"
    "第四条 华信公司有权随时解除本合同，无需承担任何责任。\n"
)


def test_chinese_parties_called_by_their_short_names_take_their_sides_from_their_duties() -> None:
    """A large buyer's own form calls both sides by the short names its head gives (华信公司, 恒达公司),
    no 甲方/乙方: who delivers and invoices, who pays, accepts and may end the contract tells the sides."""
    sides = party_sides(_ZH_NAMED_PAIR)
    assert sides["buyer"] == ["华信公司"]
    assert sides["supplier"] == ["恒达公司"]
    assert "termination.convenience" in categories(_ZH_NAMED_PAIR, we="恒达公司")


def test_a_we_that_names_no_party_lists_each_party_once() -> None:
    """`--we 华为` on the 华信公司/恒达公司 contract: the error names the parties found, a name that is also
    the party's label not twice."""
    import pytest

    from bidassist.core.errors import InputError

    with pytest.raises(InputError) as caught:
        check_text(_ZH_NAMED_PAIR, RULES, we="华为")
    message = str(caught.value)
    assert "华信公司 (buyer)" in message and "恒达公司 (supplier)" in message
    assert "华信公司 华信公司" not in message
