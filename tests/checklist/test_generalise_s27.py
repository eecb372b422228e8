"""Session 27: kinds the development contracts (heldout14, moved to dev) missed (see CHANGELOG).

- a tender pack states the contract's definitions after its instructions, beyond the ends the
  parties are read from: "The Contractor" shall mean … anywhere in the document names the side,
  and the other side may be defined by an acronym of its name ("BOI" shall mean Bank of India,
  then also "the Bank");
- "the successful tenderer" is the supplier;
- the buyer that decides, in its sole discretion and for any reason, to terminate or abandon;
- (Chinese) the buyer's design change that the supplier must follow for free further on in the
  sentence, a changed part's fee counted as already in the price, a duty to add work that the
  buyer says it will not pay for.
"""

from __future__ import annotations

import pytest
from shipped_packs import categories

from bidassist.checklist.api import contract_parties
from bidassist.checklist.parties import defined_parties
from bidassist.checklist.units import units_from_clauses
from bidassist.reading import split_clauses, text_blocks

#: numbered instructions to tenderers, then the contract's definitions, then its conditions (as en-1401
#: is laid out): the definitions are neither among the first nor the last units
_ITT = "".join(
    f"{n}.0 INSTRUCTION {n}\nTenderers shall read note {n} before they quote.\n\n" for n in range(1, 45)
)
_DEFS = (
    "In the contract the following expressions shall have the meaning hereby assigned to them.\n\n"
    "“BOI” shall mean Bank of India, Zonal Office, Hardoi and includes the client’s representatives.\n\n"
    "“The Contractor” shall mean the individual or firm undertaking the works.\n\n"
)


def _parties(text: str) -> dict[str, str]:
    units = units_from_clauses(split_clauses(text_blocks(text, "tender.txt")))
    found = contract_parties(units, we_strict=False)
    return {lab: p.role for p in found.parties for lab in p.labels}


def test_definitions_late_in_a_tender_pack_name_both_sides() -> None:
    roles = _parties(_ITT + _DEFS + _ITT.replace("INSTRUCTION", "CONDITION"))
    assert roles.get("contractor") == "supplier"
    assert roles.get("boi") == "buyer" and roles.get("bank") == "buyer"


@pytest.mark.parametrize(
    "definition",
    [
        # a role word defined by another role word's country: no party
        "“Government” means the Government of Client’s country;",
        # a short name that is no acronym of the name
        "“GC” means the General Conditions of Contract;",
        # an officer, not an organisation
        "“Site Engineer” shall mean an Engineer appointed by the Bank as their representative.",
    ],
)
def test_definitions_that_name_no_counterparty(definition: str) -> None:
    found = defined_parties(
        [("“The Contractor” shall mean the firm undertaking the works.\n" + definition, None)]
    )
    assert [(p.labels, p.role) for p in found] == [(["contractor"], "supplier")]


@pytest.mark.parametrize(
    ("clause", "category"),
    [
        (
            "17. The successful tenderer shall protect and hold harmless the owner against any or all claims "
            "for any such injury or damage.",
            "liability.uncapped",
        ),
        (
            "15.1 The Client may terminate this Contract in case of the events in (a) through (e):\n"
            "(e) If the Client, in its sole discretion and for any reason whatsoever, within a period of "
            "sixty (60) days’ decides to terminate this Contract.",
            "termination.convenience",
        ),
    ],
)
def test_english_kinds(clause: str, category: str) -> None:
    assert category in categories(clause, lang="en")


@pytest.mark.parametrize(
    "clause",
    [
        "If the successful tenderer, for any reason whatsoever, decides to withdraw its tender, the EMD is forfeited.",
        "The Client may decide to terminate this Contract for the Consultant's breach after notice.",
    ],
)
def test_english_lookalikes(clause: str) -> None:
    assert "termination.convenience" not in categories(clause, lang="en")


HEAD = "甲方：某某股份有限公司\n乙方：某某科技有限公司\n"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "四、变更\n由于甲方需求变化而导致系统功能的变更，若变更范围在合同约定的功能范围之内，乙方应免费修改。\n",
            True,
        ),
        (
            "四、变更\n由于甲方需求变化而导致系统功能的变更，变更部分按合同单价另行计价，乙方应及时修改。\n",
            False,
        ),
        ("四、变更\n乙方自身设计变更导致的返工，乙方应免费完成。\n", False),
    ],
)
def test_free_changes_after_a_buyer_change(clause: str, expected: bool) -> None:
    assert ("change.unilateral" in categories(HEAD + clause, lang="zh")) is expected


_INDEMNITY = (
    "17.1 Indemnities\nThe Contractor shall indemnify and hold harmless the Owner against and from all Losses "
    "in respect of damage to any property arising out of the execution of the Works.\n\n"
)
_CAP = (
    "17.6 Limitation of Liability\nThe total liability of the Contractor to the Owner under the Contract shall "
    "be limited to one hundred percent (100%) of the Contract Price, provided that such limit shall not apply "
    "to or be reduced by:\n\n"
    "(i) the Contractor's liabilities for Delay Liquidated Damages payable under the Contract;\n\n"
)
_CARVE_OUT = (
    "(ii) the Contractor's liabilities arising from any indemnities given by it under the Contract;\n\n"
)
_EN_HEAD = (
    'This Contract is made between ACME Power Ltd (the "Owner") and Beta Works Ltd (the "Contractor").\n\n'
)


def test_a_cap_disapplied_for_indemnities_in_its_list_caps_no_indemnity() -> None:
    """The cap's lead-in is read with its list: the indemnity stays uncapped when an item takes
    indemnities out of the cap, and is capped when no item does."""
    assert "liability.uncapped" in categories(_EN_HEAD + _INDEMNITY + _CAP + _CARVE_OUT, lang="en")
    assert "liability.uncapped" not in categories(_EN_HEAD + _INDEMNITY + _CAP, lang="en")
