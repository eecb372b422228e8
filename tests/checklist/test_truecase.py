"""Shouted lines given their case back before the parties are read (checklist/truecase.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from shipped_packs import RULES, party_sides

from bidassist.checklist import check_text
from bidassist.checklist.truecase import case_forms, shouts_somewhere, truecase


def test_a_shouted_line_takes_the_forms_of_the_other_lines() -> None:
    text = (
        "1. Scope. CCS shall appoint the Supplier. The Supplier shall deliver.\n"
        "2. CCS MAY TERMINATE THIS AGREEMENT AND THE SUPPLIER SHALL HAVE NO CLAIM.\n"
    )
    out = truecase(text)
    assert out.splitlines()[0] == text.splitlines()[0]
    assert out.splitlines()[1] == "2. CCS may TERMINATE this AGREEMENT and the Supplier shall have no CLAIM."


def test_a_word_met_only_in_capitals_keeps_them_unless_it_is_a_function_word() -> None:
    assert truecase("ACME SHALL INDEMNIFY THE OWNER") == "ACME shall INDEMNIFY the OWNER"


def test_nothing_changes_without_a_shouted_line() -> None:
    text = "The Supplier shall deliver.\nIN WITNESS\n甲方：某公司"
    assert not shouts_somewhere(text)
    assert truecase(text) is text


@given(st.text(alphabet=st.sampled_from("AbCdE xyZ’'\n.Ä"), max_size=200))
def test_the_text_keeps_its_length_and_its_letters(text: str) -> None:
    out = truecase(text, case_forms(text))
    assert len(out) == len(text)
    assert out.lower() == text.lower()


def test_a_contract_that_shouts_its_named_buyers_rights_reads_that_buyer() -> None:
    text = (
        "GENERAL CONDITIONS OF PURCHASE\n"
        "1. Delivery. The Supplier shall deliver the Goods to Kestrel at the address on the Order.\n"
        "2. Notices. Notices to Kestrel shall be in writing. The Supplier shall keep records.\n"
        "3. Quality. The Supplier warrants the Goods; the Supplier shall replace defective Goods.\n"
        "4. INSPECTION. KESTREL MAY INSPECT THE GOODS AT ANY TIME.\n"
        "5. CHANGES. KESTREL MAY CHANGE THE DELIVERY DATES.\n"
        "6. TERMINATION. KESTREL MAY TERMINATE THE ORDER AT ANY TIME FOR ANY REASON OR NO REASON AND KESTREL SHALL "
        "HAVE NO LIABILITY TO THE SUPPLIER.\n"
    )
    assert "kestrel" in party_sides(text).get("buyer", [])
    assert "termination.convenience" in {f.category for f in check_text(text, RULES).findings}
